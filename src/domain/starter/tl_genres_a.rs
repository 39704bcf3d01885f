//! Tagalog genre templates, first half: adventure, fantasy, animals, friendship, family.
//!
//! A plot's `goal` is an infinitive phrase that fits after "para", "nating", "niyang" and
//! "na" ("hanapin ang nawawalang parol"), because the shared templates put it there.
//! Adjectives are stored plain ("luma") and get their linker when used ("lumang mapa").

use super::{Genre, Plot};

/// Adventure.
pub(super) const ADVENTURE: Genre = Genre {
    label: "pakikipagsapalaran",
    adjs: &["luma", "lihim", "ginintuan", "masuwerte", "matibay"],
    flavor: &[
        "nakatagong daan",
        "tulay na lubid",
        "mataas na talon",
        "lihim na lagusan",
        "paliko-likong landas",
        "lumang arkong bato",
    ],
    openers: &[
        "{time}, nagbaon ng pagkain ang {kind_lk} si {hero} at naglakbay para libutin ang {place}.",
        "Si {hero} ay {a_kind_lk} nangangarap ng mga pakikipagsapalaran {at_place}.",
        "Noong unang panahon, may {a_kind_lk} nagngangalang {hero} na kabisado ang bawat sulok ng {place}.",
        "{at_place}, laging handa sa pakikipagsapalaran ang {kind_lk} si {hero}.",
    ],
    setup: &[
        "Narinig ni {hero} ang mga kuwento tungkol sa isang {flavor} {at_place}.",
        "Araw-araw, nagsasanay si {hero} sa pag-akyat, pagtalon, at paghahanap ng {flavor}.",
        "Pangarap ni {hero} na makatuklas ng {flavor} na hindi pa nakikita ninuman.",
        "Nakangiti at matapang na tiningnan ni {hero} ang daang nasa harapan niya.",
    ],
    plots: &[
        Plot {
            goal: "hanapin ang daan pauwi bago lumubog ang araw",
            problems: &[
                "Biglang umihip ang malakas na hangin at tinangay ang mga palatandaan ni {hero}, kaya nawala ang daan pauwi.",
                "Magkakamukha ang lahat ng daan {at_place}, at hindi na maalala ni {hero} ang daan pauwi.",
            ],
            wins: &[
                "Sa wakas, nakita ni {hero} ang pamilyar na {flavor} at sinundan ito hanggang makauwi.",
                "Bago tuluyang lumubog ang araw, nakauwi na sina {hero} at {friend}, ligtas at nakangiti.",
            ],
        },
        Plot {
            goal: "maitawid nang ligtas ang {object} sa kabilang panig ng {place}",
            problems: &[
                "Pero may malapad na sapa sa daan, at hindi dapat mabasa ang {object} ni {hero}.",
                "Sa kalagitnaan ng lakad, nakita ni {hero} na naanod na ang lumang daan.",
            ],
            wins: &[
                "Hakbang-hakbang at maingat, naitawid nina {hero} at {friend} ang {object}.",
                "Sa isang huling matapang na talon, nakarating si {hero} sa kabila, at ligtas at tuyo ang {object}.",
            ],
        },
        Plot {
            goal: "hanapin ang {flavor} mula sa mga lumang kuwento",
            problems: &[
                "Pero may kulang na bahagi ang mga lumang kuwento, mismong kung nasaan ang {flavor}, kaya napaisip si {hero}.",
                "Sabi ng lahat, alamat lang daw ang {flavor}, kaya nagtaka si {hero}.",
            ],
            wins: &[
                "Sa likod ng makakapal na baging, natagpuan din ni {hero} ang {flavor}, gaya ng nasa mga kuwento.",
                "Naroon nga ang {flavor}, mas kamangha-mangha pa sa inakala ni {hero}.",
            ],
        },
    ],
    tries: &[
        "Umakyat si {hero} sa mataas na bato para tanawin ang malayo.",
        "Sinundan ni {hero} ang hanay ng maliliit na bakas ng paa sa landas.",
        "Ginamit ni {hero} ang {object} para malaman kung saan dapat pumunta.",
        "Tumawid si {hero} sa maliit na sapa, tumatapak sa bawat bato.",
        "Tinalian nina {hero} at {friend} ng makulay na laso ang bawat punong nadaanan nila para hindi sila maligaw.",
        "Sinubukan ni {hero} ang makitid na landas sa pagitan ng dalawang malaking bato.",
    ],
    lessons: &[
        "Natutuhan ni {hero} na nagsisimula ang bawat malaking pakikipagsapalaran sa isang maliit at matapang na hakbang.",
        "Natutuhan ni {hero} na matiyaga at maingat ang isang mahusay na manlalakbay.",
        "Natuklasan ni {hero} na pinakamasaya ang pakikipagsapalaran kapag kasama ang mga kaibigan.",
        "Natutuhan ni {hero} na ayos lang matakot, basta't patuloy na maging matapang.",
        "Natutuhan ni {hero} na kahit maligaw, may matututuhan kang bagong daan.",
    ],
};

/// Fantasy.
pub(super) const FANTASY: Genre = Genre {
    label: "mahika",
    adjs: &["pilak", "mahiwaga", "kumikinang", "engkantado", "mabituin"],
    flavor: &[
        "tulay na bahaghari",
        "punong nagsasalita",
        "kumikislap na bukal",
        "hagdang ulap",
        "bulaklak na umaawit",
        "balon ng kahilingan",
    ],
    openers: &[
        "Sa isang lupain ng mahika, may {a_kind_lk} nagngangalang {hero} na nakatira {at_place}.",
        "{time}, napansin ng {kind_lk} si {hero} na kumikislap sa mahika ang {place}.",
        "Noong unang panahon, may {a_kind_lk} nagngangalang {hero} na nakatira {at_place} at nakakikita ng maliliit na kislap na hindi nakikita ng iba.",
        "Si {hero} ay {a_kind_lk} nakatira {at_place}, kung saan pati ang mga bato ay marunong humuni.",
    ],
    setup: &[
        "Tuwing gabi, binibisita ni {hero} ang {flavor} para bumati.",
        "Ayon sa alamat, may nakatagong {flavor} {at_place}.",
        "Mahal ni {hero} ang {flavor2} na marahang nagliliwanag tuwing gabi.",
        "Lumulutang ang maliliit na kislap saan man maglakad si {hero}.",
    ],
    plots: &[
        Plot {
            goal: "ibalik ang mga kulay sa {place}",
            problems: &[
                "Isang umaga, naging kulay-abo ang lahat ng kulay {at_place}, at nagulat si {hero}.",
                "Isang inaantok na mahika ang nagpaputla sa mga bulaklak, sa langit, at pati sa {object} ni {hero}.",
            ],
            wins: &[
                "Sa marahang kahilingan ni {hero}, bumalik ang mga kulay, mas matingkad pa kaysa dati.",
                "Pula, asul, berde, at ginto ang muling sumayaw sa {place}, at pumalakpak si {hero} sa tuwa.",
            ],
        },
        Plot {
            goal: "gisingin ang inaantok na {flavor}",
            problems: &[
                "Pero nakatulog nang mahimbing ang {flavor}, at unti-unting humihina ang mahika, kaya nalungkot si {hero}.",
                "Kung wala ang {flavor}, pahina nang pahina ang mahika {at_place}, at nami-miss ito ni {hero}.",
            ],
            wins: &[
                "Umawit si {hero} ng malambing na kanta, at nagising ang {flavor} nang may malaking hikab na kumikislap.",
                "Sa wakas, nagising ang {flavor}, at kumislap ang mahika sa paligid ni {hero}.",
            ],
        },
        Plot {
            goal: "paningningin muli ang {object}",
            problems: &[
                "Biglang kumurap-kurap at humina ang mahika sa loob ng {object} ni {hero}.",
                "Nawala ang kinang ng {object}, at walang nakaaalam kung paano ito ibabalik, kahit si {hero}.",
            ],
            wins: &[
                "Sa isang mabait na salita ni {hero}, muling nagliwanag ang {object}, mas maliwanag pa sa buwan.",
                "Muling kumislap ang {object}, at tumawa si {hero} sa tuwa.",
            ],
        },
    ],
    tries: &[
        "Bumulong si {hero} ng isang munting kahilingan sa hangin.",
        "Humingi si {hero} ng payo sa {flavor}.",
        "Iwinagayway ni {hero} ang {object} nang tatlong beses, gaya ng sa lumang tugma.",
        "Nag-ipon si {hero} ng nagliliwanag na hamog sa isang maliit na tasa.",
        "Sinundan ni {hero} ang landas ng lumulutang na mga kislap.",
        "Naghanap sina {hero} at {friend} ng gintong balahibo na sinasabing makatutulong.",
    ],
    lessons: &[
        "Natutuhan ni {hero} na ang kabaitan ang pinakamalakas na mahika.",
        "Natutuhan ni {hero} na kapag naniwala ka sa sarili, may magagandang bagay na nangyayari.",
        "Natutuhan ni {hero} na kayang pasayahin ng kaunting pagkamangha ang buong mundo.",
        "Natuklasan ni {hero} na lumalago ang tunay na mahika kapag ibinabahagi.",
        "Natutuhan ni {hero} na ang malumanay na salita ay parang isang mahiwagang orasyon.",
    ],
};

/// Animals.
pub(super) const ANIMALS: Genre = Genre {
    label: "mga hayop",
    adjs: &["makinang", "munti", "batik-batik", "bilog", "masuwerte"],
    flavor: &[
        "puno ng bayabas",
        "guwang na troso",
        "maputik na lusak",
        "pugad ng ibon",
        "taniman ng kamote",
        "maaraw na bato",
    ],
    openers: &[
        "{at_place}, nagising ang {kind_lk} si {hero} na nag-iinat at naghihikab.",
        "{time}, masayang nagtatakbo ang {kind_lk} si {hero} sa paligid ng {place}.",
        "Si {hero} ay {a_kind_lk} nakatira {at_place} kasama ang maraming kapitbahay na hayop.",
        "Noong unang panahon, may {a_kind_lk} nagngangalang {hero}, ang pinakamabait na kaibigan {at_place}.",
    ],
    setup: &[
        "Paboritong tambayan ni {hero} ang {flavor}, kung saan nagkikita ang mga hayop.",
        "Kilala ng lahat ng hayop si {hero} bilang laging handang magbahagi.",
        "Tuwing umaga, binabati ni {hero} ang mga pato, langgam, at paruparo.",
        "Gustong umidlip ni {hero} sa tabi ng {flavor} kapag {weather}.",
    ],
    plots: &[
        Plot {
            goal: "tulungan ang nawawalang inakay na makabalik sa pugad nito",
            problems: &[
                "Biglang may narinig si {hero} na munting huni, dahil nahulog pala sa pugad ang isang inakay!",
                "May isang munting ibon na nag-iisa sa tabi ng {flavor}, malayo sa kanyang tahanan, at nakita ito ni {hero}.",
            ],
            wins: &[
                "Maingat na ibinalik nina {hero} at {friend} ang inakay sa maaliwalas nitong pugad.",
                "Umawit ng pasasalamat ang inang ibon habang ligtas na nakauwi ang kanyang inakay, at napangiti si {hero}.",
            ],
        },
        Plot {
            goal: "makaipon ng sapat na pagkain para sa lahat ng hayop bago ang malakas na ulan",
            problems: &[
                "Paparating na ang maiitim na ulap, pero wala pang naiipong pagkain ang mga hayop {at_place}.",
                "Walang laman ang {flavor}, at kumakalam na ang tiyan ng lahat, pati ni {hero}.",
            ],
            wins: &[
                "Bago pumatak ang unang ulan, may sapat nang pagkain para sa lahat sina {hero} at ang mga hayop.",
                "Nagbahagi ang bawat isa ng kanilang nakita, kaya dahil kay {hero} ay may sapat para sa bawat hayop {at_place}.",
            ],
        },
        Plot {
            goal: "makuha ang {object} mula sa tuktok ng pinakamataas na puno",
            problems: &[
                "Tinangay ng malakas na hangin ang {object} at napasabit ito sa mataas na puno, malayo kay {hero}!",
                "Lumipad ang isang pilyong uwak dala ang {object} at iniwan ito sa tuktok ng pinakamataas na puno.",
            ],
            wins: &[
                "Nagpatong-patong sa balikat ng isa't isa sina {hero} at ang mga hayop, at naabot din nila ang {object}.",
                "Tinulungan ni {friend} si {hero} na umakyat, at ligtas na naibaba ni {hero} ang {object}.",
            ],
        },
    ],
    tries: &[
        "Sinamyo ni {hero} ang hangin para malaman ang tamang daan.",
        "Humingi si {hero} ng payo sa matalinong matandang kuwago.",
        "Tinipon ni {hero} ang lahat ng hayop para sa isang pulong.",
        "Tumalon si {hero} sa tabi ng {flavor} para makakita nang mas mabuti.",
        "Sinundan nina {hero} at {friend} ang maliliit na bakas ng paa.",
        "Humiram si {hero} ng mahaba at matibay na baging sa isang mabait na unggoy.",
    ],
    lessons: &[
        "Natutuhan ni {hero} na bawat hayop, malaki man o maliit, ay may maibabahagi.",
        "Natutuhan ni {hero} na nakagagaan ng loob ang pagtulong sa iba.",
        "Natutuhan ni {hero} na mas malakas ang lahat kapag nagtutulungan.",
        "Natuklasan ni {hero} na laging matalino ang pagiging maingat sa kalikasan.",
        "Natutuhan ni {hero} na nagmamalasakit sa isa't isa ang mabubuting kapitbahay.",
    ],
};

/// Friendship.
pub(super) const FRIENDSHIP: Genre = Genre {
    label: "pagkakaibigan",
    adjs: &["paborito", "maliwanag", "makulay", "masaya", "espesyal"],
    flavor: &[
        "lihim na senyas",
        "pulseras ng pagkakaibigan",
        "banig pang-piknik",
        "guhit sa tisa",
        "bangkang papel",
        "kastilyong karton",
    ],
    openers: &[
        "{time}, naghihintay ng kaibigan ang {kind_lk} si {hero} {at_place}.",
        "Si {hero} ay {a_kind_lk} mahilig makipagkaibigan {at_place}.",
        "Gusto ng lahat {at_place} si {hero}, {a_kind_lk} may pinakamalaking ngiti.",
        "Noong unang panahon, may {a_kind_lk} nagngangalang {hero} na naniniwalang ang {place} ang pinakamagandang lugar para maglaro.",
    ],
    setup: &[
        "May {flavor} sina {hero} at {friend} na sila lang ang nakaaalam.",
        "Tuwing hapon, magkasamang naglalaro sina {hero} at {friend} hanggang lumubog ang araw.",
        "Gumawa si {hero} ng {flavor} bilang regalo kay {friend}.",
        "Laging itinatabi ni {hero} ang huling biskwit para ibahagi sa kaibigan.",
    ],
    plots: &[
        Plot {
            goal: "tulungang magkabati ang dalawang nagtatampuhang magkapitbahay",
            problems: &[
                "Nagtalo ang dalawang magkapitbahay {at_place} tungkol sa {object}, at ngayon ay hindi na sila nagbabatian.",
                "Dahil sa pagtatalo, magkalayong nakaupo ang dalawang magkapitbahay, nakasimangot, at nalungkot si {hero} para sa kanila.",
            ],
            wins: &[
                "Dahil kay {hero}, nagkasundo muli ang dalawang magkapitbahay at nagkamay sila.",
                "Hindi nagtagal, sabay nang nagtatawanan ang dalawang magkapitbahay, at nagsaya sina {hero} at {friend}.",
            ],
        },
        Plot {
            goal: "iparamdam sa bagong dating na malugod siyang tinatanggap",
            problems: &[
                "May dumating na mahiyaing bagong dating {at_place}, pero wala pang bumabati sa kanya, kahit si {hero}.",
                "Mag-isang nakaupo ang bagong dating, nakatingin lang sa lupa, at napansin ito ni {hero}.",
            ],
            wins: &[
                "Dahil kay {hero}, ngumiti nang malapad ang bagong dating at sumali sa laro.",
                "Di nagtagal, sabay-sabay nang nagtatawanan sina {hero}, {friend}, at ang bagong kaibigan na parang matagal nang magkakilala.",
            ],
        },
        Plot {
            goal: "tapusin ang {flavor} bago ang malaking araw",
            problems: &[
                "Pero sa kalagitnaan, nasira ang {flavor}, at bukas na ang malaking araw ni {hero}!",
                "Hindi magkasundo sina {hero} at {friend} kung paano gagawin ang {flavor}, kaya walang natatapos.",
            ],
            wins: &[
                "Sa pagsasalitan at pakikinig, natapos nina {hero} at {friend} ang {flavor} sa tamang oras.",
                "Tapos na ang {flavor}, at mas maganda pa ito dahil sina {hero} at {friend} ang magkasamang gumawa.",
            ],
        },
    ],
    tries: &[
        "Sinubukan ni {hero} na makinig nang mabuti nang hindi sumisingit.",
        "Gumuhit si {hero} ng larawan para ipakita ang kanyang nararamdaman.",
        "Nagtanong si {hero}, \"Ano ang makapagpapasaya sa iyo?\"",
        "Ibinahagi ni {hero} ang {object}, kahit medyo mahirap.",
        "Nagsalitan sina {hero} at {friend} sa pagpili ng gagawin.",
        "Sumulat si {hero} ng maikling liham na may malaking nakangiting mukha.",
    ],
    lessons: &[
        "Natutuhan ni {hero} na maraming naaayos ang paghingi ng tawad.",
        "Natutuhan ni {hero} na nakikinig sa isa't isa ang mabubuting magkaibigan.",
        "Natutuhan ni {hero} na laging may puwang para sa isa pang kaibigan.",
        "Natuklasan ni {hero} na hindi kailangang magkasundo sa lahat para magmalasakit sa isa't isa ang magkaibigan.",
        "Natutuhan ni {hero} na pinalalaki ng pagbabahagi ang munting saya.",
    ],
};

/// Family.
pub(super) const FAMILY: Genre = Genre {
    label: "pamilya",
    adjs: &["maaliwalas", "luma", "espesyal", "mahal", "munti"],
    flavor: &[
        "album ng mga litrato ng pamilya",
        "malaking mesang kahoy",
        "aklat ng mga resipe",
        "taniman ng gulay",
        "duyan",
        "lumang tumba-tumba",
    ],
    openers: &[
        "{time}, nagising ang {kind_lk} si {hero} sa bango ng almusal {at_place}.",
        "Si {hero} ay {a_kind_lk} nakatira {at_place} kasama ang malaki at mapagmahal na pamilya.",
        "Noong unang panahon, may {a_kind_lk} nagngangalang {hero} na ang pamilya ay nagtitipon {at_place} tuwing Sabado at Linggo.",
        "{at_place}, tumutulong ang {kind_lk} si {hero} sa paghahanda ng pamilya para sa isang espesyal na araw.",
    ],
    setup: &[
        "Gustong-gusto ng buong pamilya na magsama-sama malapit sa {flavor}.",
        "Laging sinasabi ng pamilya ni {hero} na tahanan ang kahit saan basta't magkakasama sila.",
        "Tuwing Sabado, tumutulong si {hero} sa pagdidilig ng halaman at pagwawalis ng sahig.",
        "Gustong tingnan ni {hero} ang {flavor} habang nakikinig sa mga kuwento ng pamilya.",
    ],
    plots: &[
        Plot {
            goal: "ihanda ang lahat para sa sorpresa sa kaarawan ni Lola",
            problems: &[
                "Kaarawan na ni Lola ngayon, pero hindi pa handa ang sorpresa, kaya napasinghap si {hero}!",
                "Naku, kasing-lapad ng pancake ang lumabas na keyk para sa kaarawan ni Lola, at napatitig dito si {hero}.",
            ],
            wins: &[
                "Pagpasok ni Lola, sabay-sabay na sumigaw ang lahat ng \"Sorpresa!\" at mahigpit niyang niyakap si {hero}.",
                "Sabi ni Lola, dahil sa sorpresa ni {hero}, ito ang pinakamasaya niyang kaarawan.",
            ],
        },
        Plot {
            goal: "hanapin ang {object} bago ang biyahe ng pamilya",
            problems: &[
                "Aalis na ang pamilya para sa biyahe, pero hindi makita ni {hero} ang {object}!",
                "Hinanap ng lahat sa taas at baba, pero parang naglaho ang {object}, kaya napakunot-noo si {hero}.",
            ],
            wins: &[
                "Nakita ni {hero} ang {object} sa tabi ng {flavor}, nandoon lang pala ito!",
                "Hawak ni {hero} ang {object}, at masayang umalis ang buong pamilya habang umaawit.",
            ],
        },
        Plot {
            goal: "patulugin ang maliit na pinsan",
            problems: &[
                "Ayaw tumigil sa pag-iyak ng maliit na pinsan, at pagod na ang lahat, pati si {hero}.",
                "Oras na ng pagtulog, pero gising na gising pa at maligalig ang maliit na pinsan, at hindi alam ni {hero} kung bakit.",
            ],
            wins: &[
                "Marahang umawit si {hero} ng oyayi, at nakatulog ang maliit na pinsan nang nakangiti.",
                "Sa wakas, naghikab ang maliit na pinsan, yumakap sa unan, at mahimbing na nakatulog, kaya dahan-dahang lumayo si {hero}.",
            ],
        },
    ],
    tries: &[
        "Humingi si {hero} ng magandang ideya sa mga nakatatanda.",
        "Tiningnan ni {hero} ang bawat kahon at aparador {at_place}.",
        "Inawit ni {hero} ang kanta ng pamilya na itinuro ni Lolo.",
        "Magkatabing nagtrabaho sina {hero} at {friend}, parang isang koponan.",
        "Naalala ni {hero} ang isang magandang payo na minsang ibinahagi ni Lola.",
        "Gumawa si {hero} ng listahan at isa-isang minarkahan ang bawat natapos na gawain.",
    ],
    lessons: &[
        "Natutuhan ni {hero} na pinakamatatag ang pamilya kapag tumutulong ang lahat.",
        "Natutuhan ni {hero} na pagmamahal ang pinakamahalagang sangkap sa lahat.",
        "Natutuhan ni {hero} na ang maliliit na kabutihan sa bahay ay nagdudulot ng malalaking ngiti.",
        "Natuklasan ni {hero} na mas mahalaga ang magkakasama kaysa maging perpekto.",
        "Natutuhan ni {hero} na mahalaga ang bawat miyembro ng pamilya.",
    ],
};

//! Tagalog genre templates, second half: mystery, science, funny, fairy tale, other.

use super::{Genre, Plot};

/// Mystery: puzzles and clues, never frights.
pub(super) const MYSTERY: Genre = Genre {
    label: "misteryo",
    adjs: &["lihim", "mahiwaga", "nakatago", "nakapagtataka", "kakaiba"],
    flavor: &[
        "maputik na bakas ng paa",
        "punit na pahina",
        "hanay ng mga mumo",
        "asul na balahibo",
        "maliit na butones",
        "malagkit na bakas ng daliri",
    ],
    openers: &[
        "{time}, may napansing kakaiba ang {kind_lk} si {hero} {at_place}.",
        "Si {hero} ay {a_kind_lk} mahilig lumutas ng mga palaisipan {at_place}.",
        "Alam ng lahat {at_place} na kayang lutasin ni {hero}, {a_kind_lk} matalas ang mata, ang anumang palaisipan.",
        "Noong unang panahon, may {a_kind_lk} nagngangalang {hero} na laging may dalang kuwaderno {at_place}.",
    ],
    setup: &[
        "Isinusulat ni {hero} ang bawat palatandaan sa isang maliit na kuwaderno.",
        "Laging sinasabi ni {hero}, \"May sagot ang bawat misteryo.\"",
        "Nitong mga nakaraang araw, pinag-uusapan {at_place} ang isang {flavor}.",
        "Matalas ang pang-amoy ni {hero} at mas matalas pa ang kanyang mga mata.",
    ],
    plots: &[
        Plot {
            goal: "alamin kung saan napunta ang {object}",
            problems: &[
                "Isang umaga, nawala ang {object}, at isang {flavor} lang ang naiwan para kay {hero}.",
                "Naglaho ang {object} sa kinalalagyan nito, at walang nakaaalam kung saan ito napunta, kahit si {hero}.",
            ],
            wins: &[
                "Natuklasan ni {hero} na hiniram pala ng isang malarong tuta ang {object} para paglaruan!",
                "Dinala ng mga palatandaan si {hero} sa {object}, ligtas at buo sa likod ng kurtina.",
            ],
        },
        Plot {
            goal: "tuklasin kung saan nanggagaling ang kakaibang ugong",
            problems: &[
                "Gabi-gabi, may kakaibang ugong na umaalingawngaw sa {place}, at nagtataka si {hero} kung ano iyon.",
                "Walang makatulog dahil may umuugong ng mahiwagang himig {at_place}, at gising na gising si {hero}.",
            ],
            wins: &[
                "Natuklasan ni {hero} na galing pala ang ugong sa isang pamilya ng masisipag na bubuyog sa bago nilang bahay-pukyutan!",
                "Napangiti si {hero}, dahil ang mahiwagang tunog ay hangin lang pala na sumisipol sa isang maliit na butas.",
            ],
        },
        Plot {
            goal: "sundan ang mga palatandaan papunta sa nakatagong sorpresa",
            problems: &[
                "May lumitaw na liham para kay {hero} na may bugtong: \"Sundan ang mga palatandaan para makita ang sorpresa!\"",
                "Nakakita si {hero} ng {flavor} at isang maliit na palasong nakaturo sa kung saan {at_place}.",
            ],
            wins: &[
                "Dinala ng huling palatandaan si {hero} sa isang sorpresang salu-salo, at tuwang-tuwa siya.",
                "Sa dulo ng landas ay may kahon ng meryenda at liham na nagsasabing, \"Magaling, {hero}!\"",
            ],
        },
    ],
    tries: &[
        "Sinuri ni {hero} ang bawat palatandaan gamit ang malaking lente.",
        "Tinanong ni {hero} ang lahat {at_place} kung ano ang kanilang nakita.",
        "Iginuhit ni {hero} sa kuwaderno ang mapa ng lahat ng palatandaan.",
        "Pinag-aralan ni {hero} ang {flavor} at nag-isip nang mabuti.",
        "Tahimik na naghintay sina {hero} at {friend} para makita ang susunod na mangyayari.",
        "Isa-isang binalikan ni {hero} ang mga palatandaan.",
    ],
    lessons: &[
        "Natutuhan ni {hero} na nakatutulong ang maingat na pagmamasid para maunawaan ang mga bagay.",
        "Natutuhan ni {hero} na ang magagandang tanong ay humahantong sa magagandang sagot.",
        "Natutuhan ni {hero} na mas madaling lutasin ang palaisipan kapag may kasamang kaibigan.",
        "Natuklasan ni {hero} na hindi lahat ng mahiwaga ay nakakatakot.",
        "Natutuhan ni {hero} na pasensya ang pinakamahusay na kasangkapan ng isang detektib.",
    ],
};

/// Science.
pub(super) const SCIENCE: Genre = Genre {
    label: "agham",
    adjs: &["makinang", "matalino", "maliwanag", "makabago", "munti"],
    flavor: &[
        "bumubulang eksperimento",
        "prismang bahaghari",
        "maliit na punla",
        "gawang-bahay na bulkan",
        "mapa ng mga bituin",
        "umuugong na makina",
    ],
    openers: &[
        "{time}, nag-eeksperimento ang {kind_lk} si {hero} {at_place}.",
        "Si {hero} ay {a_kind_lk} laging nagtatanong ng \"Bakit?\" tungkol sa lahat ng bagay {at_place}.",
        "Noong unang panahon, may {a_kind_lk} nagngangalang {hero} na gustong maunawaan kung paano gumagana ang lahat {at_place}.",
        "{at_place}, gumawa ang {kind_lk} si {hero} ng maliit na sulok para sa agham.",
    ],
    setup: &[
        "Paboritong bagay ni {hero} ang {flavor}.",
        "Isinusulat ni {hero} ang bawat tanong sa kanyang kuwaderno sa agham.",
        "Mahal ni {hero} ang {flavor} at ang {flavor2}.",
        "\"Alamin natin!\" ang paboritong sabihin ni {hero}.",
    ],
    plots: &[
        Plot {
            goal: "tulungang lumago muli ang mga lantang halaman",
            problems: &[
                "Lanta at malungkot ang mga halaman {at_place}, at walang nakaaalam kung bakit, kahit si {hero}.",
                "Hindi pa rin tumutubo ang mga butong itinanim ni {hero}.",
            ],
            wins: &[
                "Dahil sa eksperimento ni {hero}, muling tumayo nang matayog at luntian ang mga halaman.",
                "Sumulpot ang maliliit na luntiang dahon sa lahat ng dako, at napasigaw sa tuwa si {hero}.",
            ],
        },
        Plot {
            goal: "ayusin ang umuugong na makina bago ang paligsahan sa agham",
            problems: &[
                "Isang araw bago ang paligsahan sa agham, tumahimik at tumigil sa paggana ang umuugong na makina ni {hero}.",
                "Naipit ang mga gulong at nagkabuhol-buhol ang mga kawad, at bukas na ang paligsahan ni {hero}!",
            ],
            wins: &[
                "Sa isang huling pihit, muling umugong ang makina, at nanalo si {hero} ng makinang na laso.",
                "Perpektong gumana ang makina, at pinalakpakan ng lahat sina {hero} at {friend}.",
            ],
        },
        Plot {
            goal: "alamin kung paano gumawa ng bahaghari",
            problems: &[
                "Nagtanong si {friend}, \"Paano tayo makagagawa ng bahaghari?\" at hindi alam ni {hero} ang sagot.",
                "Maulap at kulay-abo ang araw, at gustong-gusto ni {hero} na makakita ng bahaghari.",
            ],
            wins: &[
                "Nang itapat ni {hero} sa sikat ng araw ang isang basong tubig, may lumitaw na munting bahaghari sa dingding!",
                "Sumayaw sina {hero} at {friend} sa ilalim ng sarili nilang bahaghari na gawa ng agham.",
            ],
        },
    ],
    tries: &[
        "Isinulat ni {hero} ang kanyang hula at maingat itong sinubok.",
        "Sinukat ni {hero} ang lahat gamit ang maliit na panukat.",
        "Tiningnan ni {hero} ang maliliit na bagay gamit ang lente.",
        "Inulit nina {hero} at {friend} ang eksperimento, at isang bagay lang ang binago nila.",
        "Nagbasa si {hero} ng aklat tungkol sa agham para matuto pa.",
        "Ginamit ni {hero} ang {object} sa isang matalinong bagong eksperimento.",
    ],
    lessons: &[
        "Natutuhan ni {hero} na bahagi ng bawat eksperimento ang pagkakamali.",
        "Natutuhan ni {hero} na ang pagtatanong ang unang hakbang sa pagkatuto.",
        "Natutuhan ni {hero} na hindi tumitigil sa pagiging mausisa ang mga siyentipiko.",
        "Natuklasan ni {hero} na ang maingat na pagsubok ay humahantong sa kamangha-manghang sagot.",
        "Natutuhan ni {hero} na makatutulong ang agham para gumanda ang mundo.",
    ],
};

/// Funny.
pub(super) const FUNNY: Genre = Genre {
    label: "katatawanan",
    adjs: &["umaalog", "makulit", "baligtad", "tumatalbog", "nakakatawa"],
    flavor: &[
        "sumasayaw na medyas",
        "umaawit na sandwich",
        "tumatalbog na puding",
        "makiliting puno",
        "sinisinok na sumbrero",
        "trampolin na gulaman",
    ],
    openers: &[
        "{time}, nagising ang {kind_lk} si {hero} nang humahagikgik {at_place}.",
        "Si {hero} ay {a_kind_lk} kayang magpatawa sa lahat {at_place}.",
        "Noong unang panahon, may {a_kind_lk} nagngangalang {hero} na nagsusuot ng medyas sa magkabilang tainga {at_place}, para lang sa katuwaan.",
        "{at_place}, nag-eensayo ang {kind_lk} si {hero} ng pinakanakakatawang sayaw sa mundo.",
    ],
    setup: &[
        "Minsang nakakita si {hero} ng {flavor} at isang oras siyang tumawa.",
        "Walang makapagbibiro nang kasinghusay ni {hero}.",
        "Ang paboritong gawin ni {hero} ay ang pagbalanse ng kutsara sa kanyang ilong.",
        "Natatawa pa rin ang lahat tuwing naaalala ang araw na nakasalubong ni {hero} ang isang {flavor}.",
    ],
    plots: &[
        Plot {
            goal: "patigilin ang sinok bago ang malaking palabas",
            problems: &[
                "Bago ang malaking palabas, sinisinok si {hero}, at bawat sinok ay tumutunog na parang silbato.",
                "Tuwing magsasalita si {hero}, lumalabas ang sinok na kasinlakas ng trumpeta.",
            ],
            wins: &[
                "Gumawa si {friend} ng napakanakakatawang mukha kaya biglang nawala ang sinok ni {hero}.",
                "Tumalon-talon palayo ang sinok, at ang palabas ni {hero} ang naging pinakanakakatawa sa lahat.",
            ],
        },
        Plot {
            goal: "hulihin ang tumatalbog na {thing}",
            problems: &[
                "Biglang tumalbog nang kusa ang {object} sa harap ni {hero}: boing, boing, boing!",
                "Tumalbog palabas ng pinto at pababa ng daan ang {object}, kaya hinabol ito ni {hero}.",
            ],
            wins: &[
                "Tumalbog ang {object} diretso sa mga bisig ni {hero} at tumigil, na parang gustong magpayakap.",
                "Sa isang malaking talon, nahuli ni {hero} ang {object}, at nagtawanan at nagpalakpakan ang lahat.",
            ],
        },
        Plot {
            goal: "ibalik sa tamang ayos ang lahat ng nabaligtad",
            problems: &[
                "Isang umaga, baligtad ang lahat {at_place}, pati ang almusal ni {hero}!",
                "Nasa kisame ang mga upuan, nasa sahig ang mga tasa, at litong-lito si {hero}.",
            ],
            wins: &[
                "Bumahing nang malakas si {hero}, at bumalik sa tamang ayos ang lahat!",
                "Sa isang nakakatawang sayaw at malakas na tawa, naibalik ni {hero} sa ayos ang lahat.",
            ],
        },
    ],
    tries: &[
        "Sinubukan ni {hero} na tumayo sa isang paa habang humuhuni.",
        "Sinubukan ni {hero} na magbilang nang pabaligtad habang may timba sa ulo.",
        "Pinakiusapan ni {hero} si {friend} na ikuwento ang pinakanakakatawang biro sa mundo.",
        "Tatlong beses nagpagulong-gulong si {hero} at saka sumayaw nang paikot-ikot.",
        "Sinubukan ni {hero} na manahimik nang husto, pero napahagikgik siya.",
        "Isinuot ni {hero} ang {object} na parang sumbrero, baka sakaling makatulong.",
    ],
    lessons: &[
        "Natutuhan ni {hero} na pinagagaan ng tawa ang mabigat na araw.",
        "Natutuhan ni {hero} na masarap maging makulit nang magkasama ang magkaibigan.",
        "Natutuhan ni {hero} na kahit ang magulong pagkakamali ay puwedeng maging nakakatawa.",
        "Natuklasan ni {hero} na maraming naaayos ang isang ngiti.",
        "Natutuhan ni {hero} na mabuti ring tawanan ang sarili paminsan-minsan.",
    ],
};

/// Fairy tale.
pub(super) const FAIRY_TALE: Genre = Genre {
    label: "mahiwagang kaharian",
    adjs: &[
        "ginintuan",
        "maharlika",
        "kristal",
        "engkantado",
        "mahalaga",
    ],
    flavor: &[
        "hardin ng mga rosas",
        "lumang balong bato",
        "tulay na naliliwanagan ng buwan",
        "salaming bumubulong",
        "hagdan ng tore",
        "bulwagan ng palasyo",
    ],
    openers: &[
        "Noong unang panahon, sa isang malayong kaharian, may {a_kind_lk} nagngangalang {hero} na nakatira {at_place}.",
        "Noong unang-unang panahon, nakatira {at_place} ang {kind_lk} si {hero}.",
        "{time}, narinig ng {kind_lk} si {hero} ang tunog ng mga kampana ng palasyo {at_place}.",
        "Noong panahon ng mga hari at reyna, masayang namumuhay {at_place} ang {kind_lk} si {hero}.",
    ],
    setup: &[
        "Malapit sa {flavor}, gustong mangarap ni {hero} tungkol sa malalayong lupain.",
        "Nakatira si {hero} sa isang payapang kaharian na may mabait na hari at reyna.",
        "May alam si {hero} na lumang tugma tungkol sa {flavor}.",
        "Tuwing gabi, humihiling si {hero} sa tabi ng {flavor2}.",
    ],
    plots: &[
        Plot {
            goal: "gisingin ang kaharian mula sa mahiwagang antok",
            problems: &[
                "Isang mahiwagang antok ang bumalot sa kaharian, at nagsimulang humilik ang lahat maliban kay {hero}.",
                "Naghihikab ang lahat maliban kay {hero}, at di nagtagal ay nakatulog ang buong kaharian.",
            ],
            wins: &[
                "Pinatunog ni {hero} ang ginintuang kampana, at nagising ang buong kaharian na nag-iinat.",
                "Natunaw ang mahika na parang yelo sa araw, at nagdiwang ang kaharian para kay {hero}.",
            ],
        },
        Plot {
            goal: "ibalik sa may-ari ang nawawalang {thing} bago maghatinggabi",
            problems: &[
                "Pagkatapos ng sayawan sa palasyo, nakakita si {hero} ng {an_object} na naiwan ng kung sino.",
                "Kailangang maibalik ang {object} sa may-ari nito bago tumunog ang alas-dose, at si {hero} lang ang nakaaalam.",
            ],
            wins: &[
                "Eksaktong alas-dose, naibalik ni {hero} ang {object}, at ngumiti nang may pasasalamat ang may-ari.",
                "Tuwang-tuwa ang may-ari ng {object} kaya inanyayahan niya si {hero} sa palasyo para magmeryenda.",
            ],
        },
        Plot {
            goal: "tulungan ang munting palakang nagsasalita na makabalik sa maharlikang lawa",
            problems: &[
                "Lumundag papalapit kay {hero} ang isang munting palakang nagsasalita at sinabing, \"Naliligaw ako!\"",
                "Hindi na maalala ng palakang nagsasalita ang daan pabalik sa maharlikang lawa, kaya tumingin ito kay {hero}.",
            ],
            wins: &[
                "Pagdating sa maharlikang lawa, naging nakangiting prinsipe ang palaka at nagpasalamat kay {hero}.",
                "Masayang lumundag sa maharlikang lawa ang munting palaka at kumokak ng awit ng pasasalamat para kay {hero}.",
            ],
        },
    ],
    tries: &[
        "Humingi si {hero} ng payo sa matalinong matandang kuwago ng kastilyo.",
        "Inakyat ni {hero} ang paikot na hagdan ng tore para matanaw ang buong kaharian.",
        "Sinundan ni {hero} ang tunog ng isang kampanilyang pilak.",
        "Sumulat si {hero} ng magalang na liham para sa hari.",
        "Naglakbay sina {hero} at {friend} sa kaharian sakay ng isang maamong kabayo.",
        "Naalala ni {hero} ang lumang tugma at tatlong beses itong binigkas.",
    ],
    lessons: &[
        "Natutuhan ni {hero} na mas mahalaga ang kabaitan kaysa ginto.",
        "Natutuhan ni {hero} na kahit ang pinakamaliit na kaibigan ay may magagawang dakila.",
        "Natutuhan ni {hero} na ang pagtupad sa pangako ay gawaing maharlika.",
        "Natuklasan ni {hero} na ang mabuting puso ang pinakatunay na kayamanan.",
        "Natutuhan ni {hero} na ang pagiging matapang ay paggawa ng tama, kahit mahirap.",
    ],
};

/// Anything else: everyday wonder.
pub(super) const OTHER: Genre = Genre {
    label: "pag-asa",
    adjs: &[
        "maliwanag",
        "munti",
        "masuwerte",
        "makulay",
        "kahanga-hanga",
    ],
    flavor: &[
        "koronang bulaklak",
        "eroplanong papel",
        "kastilyong buhangin",
        "bula ng sabon",
        "hanay ng mga ilaw",
        "kahon ng musika",
    ],
    openers: &[
        "{time}, karaniwang araw lang sana para sa {kind_lk} si {hero} {at_place}.",
        "Si {hero} ay {a_kind_lk} laging nakakakita ng kawili-wiling bagay {at_place} araw-araw.",
        "Noong unang panahon, may {a_kind_lk} nagngangalang {hero} na mahal na mahal ang lahat ng bagay sa {place}.",
        "{at_place}, naghahanap ang {kind_lk} si {hero} ng masayang magagawa.",
    ],
    setup: &[
        "Ang paboritong gawin ni {hero} ay isang {flavor}.",
        "Araw-araw, sumusubok si {hero} ng isang bagong bagay para lang makita ang mangyayari.",
        "Para kay {hero}, puno ng sorpresa ang {place}.",
        "Mahilig si {hero} na pagmasdan ang {flavor} at mangarap.",
    ],
    plots: &[
        Plot {
            goal: "pasayahin ang buong kapitbahayan",
            problems: &[
                "Mukhang mainit ang ulo at pagod ang lahat {at_place}, at walang ngumingiti, kahit si {friend}.",
                "Nakansela ang malaking pista, kaya malungkot ang buong kapitbahayan, pati si {hero}.",
            ],
            wins: &[
                "Nagsimula si {hero} ng munting parada, at di nagtagal ay sumasayaw at nakangiti na ang lahat.",
                "Kumalat ang ngiti sa bawat mukha, at muling sumigla ang kapitbahayan dahil kay {hero}.",
            ],
        },
        Plot {
            goal: "madala ang {object} sa malaking perya sa tamang oras",
            problems: &[
                "Malapit nang magsimula ang malaking perya, pero masyadong mabigat ang {object} para buhatin ni {hero} nang mag-isa.",
                "Papunta sa perya, naiwan ng dyip si {hero}, pero kailangang makarating ang {object} sa tamang oras!",
            ],
            wins: &[
                "Sa tulong ng iba, nakarating si {hero} sa perya sa tamang oras, at nanalo ng unang gantimpala ang {object}.",
                "Pinalibutan ng lahat sa perya ang {object}, at taas-noong ngumiti si {hero}.",
            ],
        },
        Plot {
            goal: "gawin ang pinakamalaking {flavor} na nakita ng lahat",
            problems: &[
                "Sinubukan ni {hero} na gawin ang pinakamalaking {flavor}, pero paulit-ulit itong nasisira.",
                "Nang malapit nang matapos ang {flavor}, bigla itong natumba dahil sa malakas na hangin, at napasinghap si {hero}.",
            ],
            wins: &[
                "Sa wakas, handa na ang pinakamalaking {flavor} na nakita ng lahat, at nagpalakpakan sila para kay {hero}.",
                "Umatras sina {hero} at {friend} para hangaan ang kanilang higanteng {flavor}, abot-tainga ang ngiti.",
            ],
        },
    ],
    tries: &[
        "Sinubukan ni {hero} ang isang bagong ideyang wala pang nakasusubok.",
        "Humingi si {hero} ng payo sa mga kapitbahay.",
        "Inilista ni {hero} ang lahat ng bagay na makatutulong.",
        "Nagtulungan sina {hero} at {friend}, hakbang-hakbang.",
        "Ginamit ni {hero} ang {object} sa isang nakagugulat na bagong paraan.",
        "Nagpahinga sandali si {hero}, uminom ng tubig, at sumubok ulit.",
    ],
    lessons: &[
        "Natutuhan ni {hero} na kayang baguhin ng isang maliit na ideya ang buong araw.",
        "Natutuhan ni {hero} na may magagandang nangyayari kapag nagtutulungan ang lahat.",
        "Natutuhan ni {hero} na laging nakakahanap ng paraan ang masayahing puso.",
        "Natuklasan ni {hero} na puwedeng puno ng hiwaga ang karaniwang araw.",
        "Natutuhan ni {hero} na ang hindi pagsuko ay isang uri ng mahika.",
    ],
};

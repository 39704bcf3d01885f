//! Tagalog lines for the problems an idea can name (see `trouble`).

use super::Plot;
use super::trouble_lines::Lines;

pub(super) static FEAR: Lines = Lines {
    plot: Plot {
        goal: "harapin ang {trouble} nang buong tapang",
        problems: &[
            "Pero takot na takot si {hero} sa {trouble}.",
            "May isang problema: natatakot si {hero} sa {trouble}.",
            "Masaya si {hero} sa lahat, maliban sa {trouble}, dahil nakakatakot ito para sa kanya.",
        ],
        wins: &[
            "Tiningnan ni {hero} ang {trouble}, at hindi na siya natakot.",
            "Nakita ni {hero} na hindi pala nakakatakot ang {trouble}.",
            "Hinarap ni {hero} ang {trouble} nang nakangiti, at nawala ang takot niya.",
        ],
    },
    tries: &[
        "Humakbang si {hero} nang kaunti papalapit sa {trouble}.",
        "Hinawakan ni {friend} ang kamay ni {hero}, at sabay nilang tiningnan ang {trouble}.",
        "Kumanta si {hero} ng maliit na awit para lumakas ang loob.",
        "Nagbilang si {hero} hanggang tatlo at hindi tumakbo palayo.",
        "Huminga nang malalim si {hero} at inisip ang masasayang bagay.",
    ],
    lessons: &[
        "Natutunan ni {hero} na ang matapang ay patuloy na sumusubok, kahit natatakot.",
        "Natutunan ni {hero} na lumiliit ang takot kapag may kasamang kaibigan.",
        "Natutunan ni {hero} na lahat ay natatakot minsan, at ayos lang iyon.",
    ],
    titles: &["Si {hero} at ang {trouble}", "Ang Matapang na si {hero}"],
};

pub(super) static LOST: Lines = Lines {
    plot: Plot {
        goal: "hanapin ang {object}",
        problems: &[
            "Isang araw, nawala ang {object} ni {hero}!",
            "Naku! Hindi makita ni {hero} ang {object} kahit saan.",
        ],
        wins: &[
            "Ayun! Nahanap din ni {hero} ang {object}.",
            "Tumawa si {friend} at itinuro ang {object}. Nandoon lang pala!",
        ],
    },
    tries: &[
        "Hinanap ni {hero} ang {object} sa ilalim ng bawat bato.",
        "Nagtanong si {hero} sa lahat, \"Nakita mo ba ang {object} ko?\"",
        "Sinundan nina {hero} at {friend} ang maliliit na bakas.",
        "Inisip ni {hero} kung saan niya huling nakita ang {object}.",
    ],
    lessons: &[
        "Natutunan ni {hero} na ingatan ang mga espesyal na bagay.",
        "Natutunan ni {hero} na nakakatulong ang maingat na paghahanap.",
    ],
    titles: &[
        "Ang Nawawalang {thing} ni {hero}",
        "Nasaan ang {thing} ni {hero}?",
    ],
};

pub(super) static LOST_WAY: Lines = Lines {
    plot: Plot {
        goal: "hanapin ang daan pauwi",
        problems: &[
            "Pero naligaw si {hero} at hindi na alam ang daan pauwi.",
            "Biglang napansin ni {hero} na naliligaw na siya.",
        ],
        wins: &[
            "Sa wakas, nakita ni {hero} ang bahay nila!",
            "Magkasamang nakauwi sina {hero} at {friend}, ligtas at masaya.",
        ],
    },
    tries: &[
        "Umakyat si {hero} sa mataas na lugar para makita ang daan.",
        "Sinundan ni {hero} ang maliliit na bakas sa lupa.",
        "Tinanong ni {hero} si {friend} kung saan ang daan pauwi.",
    ],
    lessons: &[
        "Natutunan ni {hero} na humingi ng tulong kapag naliligaw.",
        "Natutunan ni {hero} na manatiling kalmado at mag-isip.",
    ],
    titles: &["Ang Pag-uwi ni {hero}", "Naligaw si {hero}"],
};

pub(super) static LONELY: Lines = Lines {
    plot: Plot {
        goal: "makahanap ng bagong kaibigan",
        problems: &[
            "Pero malungkot si {hero}, dahil wala siyang kalaro.",
            "Gustong-gusto ni {hero} na magkaroon ng kaibigan.",
        ],
        wins: &[
            "Sabi ni {friend}, \"Oo! Magkaibigan na tayo!\"",
            "Di nagtagal, masayang nagtatawanan na sina {hero} at {friend}.",
        ],
    },
    tries: &[
        "Ngumiti si {hero} at bumati sa isang bagong kakilala.",
        "Ibinahagi ni {hero} ang baon niya sa isang mahiyaing {friend_kind}.",
        "Nagtanong si {hero}, \"Gusto mo bang makipaglaro sa akin?\"",
    ],
    lessons: &[
        "Natutunan ni {hero} na ang magiliw na pagbati ay simula ng pagkakaibigan.",
        "Natutunan ni {hero} na lahat tayo ay nangangailangan ng kaibigan.",
    ],
    titles: &[
        "Isang Kaibigan para kay {hero}",
        "Si {hero} at ang Bagong Kaibigan",
    ],
};

pub(super) static WISH: Lines = Lines {
    plot: Plot {
        goal: "{trouble}",
        problems: &[
            "Higit sa lahat, gustong-gusto ni {hero} na {trouble}.",
            "Gabi-gabi, pinapangarap ni {hero} na {trouble}.",
        ],
        wins: &[
            "Sa wakas, nagawa ni {hero} na {trouble}!",
            "Natupad ang malaking pangarap ni {hero}!",
        ],
    },
    tries: &[
        "Nagsanay si {hero} araw-araw.",
        "Gumawa si {hero} ng plano para {trouble}.",
        "Sabi ni {friend}, \"Tutulungan kita!\"",
    ],
    lessons: &[
        "Natutunan ni {hero} na natutupad ang malalaking pangarap nang paunti-unti.",
        "Natutunan ni {hero} na huwag tumigil sa pangangarap.",
    ],
    titles: &["Ang Malaking Pangarap ni {hero}", "Nangarap si {hero}"],
};

pub(super) static CANNOT: Lines = Lines {
    plot: Plot {
        goal: "matutong {trouble}",
        problems: &[
            "Pero hindi pa marunong {trouble} si {hero}.",
            "Marunong {trouble} ang lahat, maliban kay {hero}.",
        ],
        wins: &[
            "Isang araw, kaya nang {trouble} ni {hero} nang mag-isa!",
            "Sinubukan ulit ni {hero}, at sa wakas, nakaya niyang {trouble}!",
        ],
    },
    tries: &[
        "Sinubukan ni {hero} na {trouble}, pero mahirap pala.",
        "Dahan-dahang ipinakita ni {friend} kay {hero} kung paano {trouble}.",
        "Nagsanay si {hero} nang paulit-ulit.",
    ],
    lessons: &[
        "Natutunan ni {hero} na nagiging madali ang mahirap kapag nagsasanay.",
        "Natutunan ni {hero} na ayos lang matuto nang dahan-dahan.",
    ],
    titles: &["Natutong {trouble} si {hero}", "Hindi Sumusuko si {hero}"],
};

//! The problem in a child's idea: "a dragon who is afraid of the dark", "a puppy who lost his
//! ball", "a turtle who can't swim", "a lonely robot", "a cat who wants to fly". When the idea
//! names one, the story is about it: the problem page says it, the tries work at it, the win
//! solves it (a fear gets a way to be brave) and the lesson is about it.
//!
//! Reading is by cue words in either language ("afraid of", "takot sa", "can't", "hindi
//! marunong"...) and the few words after them. Known fears and skills are told in the story's
//! language whatever language the idea used; anything else is told in the child's own words
//! when the story is in the idea's language, and left out otherwise.

use super::grammar::Language;
use super::trouble_lines::Lines;
use super::{trouble_en as en, trouble_tl as tl};

/// What kind of problem the idea gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Afraid of something (the words say what).
    Fear,
    /// Lost a thing (the story's thing).
    Lost,
    /// Lost the way.
    LostWay,
    /// No friends yet.
    Lonely,
    /// Wants to do something (the words say what).
    Wish,
    /// Cannot do something yet (the words say what).
    Cannot,
}

/// The problem, with its words in each language where they are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trouble {
    pub kind: Kind,
    en: Option<String>,
    tl: Option<String>,
}

impl Trouble {
    /// The problem's words in `language` ("the dark", "dilim"); empty for kinds that need none,
    /// `None` when the story cannot say them in that language.
    pub fn words(&self, language: Language) -> Option<&str> {
        if matches!(self.kind, Kind::Lost | Kind::LostWay | Kind::Lonely) {
            return Some("");
        }
        match language {
            Language::En => self.en.as_deref(),
            Language::Tl => self.tl.as_deref(),
        }
    }
}

/// Cue words (folded) and the language they are in.
type Cue = (&'static [&'static str], Language);

const FEAR_CUES: &[Cue] = &[
    (&["afraid", "of"], Language::En),
    (&["scared", "of"], Language::En),
    (&["frightened", "of"], Language::En),
    (&["terrified", "of"], Language::En),
    (&["fear", "of"], Language::En),
    (&["fears"], Language::En),
    (&["natatakot", "sa"], Language::Tl),
    (&["takot", "na", "takot", "sa"], Language::Tl),
    (&["takot", "sa"], Language::Tl),
    (&["natatakot", "ng"], Language::Tl),
];
const LOST_WAY_CUES: &[Cue] = &[
    (&["a", "lost"], Language::En),
    (&["got", "lost"], Language::En),
    (&["gets", "lost"], Language::En),
    (&["is", "lost"], Language::En),
    (&["was", "lost"], Language::En),
    (&["lost", "his", "way"], Language::En),
    (&["lost", "her", "way"], Language::En),
    (&["lost", "its", "way"], Language::En),
    (&["lost", "their", "way"], Language::En),
    (&["naligaw"], Language::Tl),
    (&["naliligaw"], Language::Tl),
    (&["nawawala", "sa"], Language::Tl),
];
const LOST_CUES: &[Cue] = &[
    (&["lost"], Language::En),
    (&["loses"], Language::En),
    (&["can't", "find"], Language::En),
    (&["cant", "find"], Language::En),
    (&["cannot", "find"], Language::En),
    (&["looking", "for"], Language::En),
    (&["searching", "for"], Language::En),
    (&["nawala"], Language::Tl),
    (&["nawawala"], Language::Tl),
    (&["naiwala"], Language::Tl),
    (&["hinahanap"], Language::Tl),
];
const CANNOT_CUES: &[Cue] = &[
    (&["can't"], Language::En),
    (&["cant"], Language::En),
    (&["cannot"], Language::En),
    (&["can", "not"], Language::En),
    (&["couldn't"], Language::En),
    (&["doesn't", "know", "how", "to"], Language::En),
    (&["doesnt", "know", "how", "to"], Language::En),
    (&["does", "not", "know", "how", "to"], Language::En),
    (&["is", "learning", "to"], Language::En),
    (&["hindi", "marunong"], Language::Tl),
    (&["di", "marunong"], Language::Tl),
    (&["hindi", "makapag"], Language::Tl),
    (&["hindi", "kayang"], Language::Tl),
];
const WISH_CUES: &[Cue] = &[
    (&["wants", "to"], Language::En),
    (&["wanted", "to"], Language::En),
    (&["wishes", "to"], Language::En),
    (&["wished", "to"], Language::En),
    (&["hopes", "to"], Language::En),
    (&["dreams", "of"], Language::En),
    (&["would", "like", "to"], Language::En),
    (&["gustong", "gustong"], Language::Tl),
    (&["gustong"], Language::Tl),
    (&["nais", "na"], Language::Tl),
    (&["nais"], Language::Tl),
    (&["nangangarap", "na"], Language::Tl),
    (&["pangarap", "na"], Language::Tl),
];
const LONELY_CUES: &[Cue] = &[
    (&["lonely"], Language::En),
    (&["no", "friends"], Language::En),
    (&["no", "friend"], Language::En),
    (&["without", "friends"], Language::En),
    (&["walang", "kaibigan"], Language::Tl),
    (&["walang", "kalaro"], Language::Tl),
    (&["nag-iisa"], Language::Tl),
    (&["nalulungkot"], Language::Tl),
];

/// Words that end what a cue is about ("afraid of the dark *and* ...").
const STOPS: &[&str] = &[
    "and", "but", "who", "because", "so", "until", "when", "then", "or", "with", "at", "pero",
    "kasi", "dahil", "kaya", "hanggang", "tuwing", "kapag", "pag", "na", "o",
];

/// Fears a story can name in both languages: `english | english forms | tagalog | tagalog forms`.
const FEARS: &[&str] = &[
    "the dark | dark, darkness | dilim | dilim, madilim, kadiliman",
    "thunder | thunder, thunderstorm, thunderstorms, storm, storms, lightning | kulog | kulog, kidlat, bagyo",
    "the water | water | tubig | tubig",
    "high places | heights, high | matataas na lugar | mataas, matataas, taas",
    "the night | night | gabi | gabi",
    "monsters | monster, monsters | halimaw | halimaw",
    "spiders | spider, spiders | gagamba | gagamba",
    "the sea | sea, ocean, waves | dagat | dagat, alon",
    "ghosts | ghost, ghosts | multo | multo",
    "loud noises | noise, noises, loud | malalakas na ingay | ingay, maingay",
    "being alone | alone | pag-iisa | mag-isa, pag-iisa",
    "the rain | rain | ulan | ulan",
    "school | school | paaralan | paaralan, eskwela, eskuwelahan",
    "flying | flying | paglipad | paglipad",
    "big dogs | dog, dogs | malalaking aso | aso",
    "the doctor | doctor, dentist | doktor | doktor, dentista",
];

/// Things a hero can learn or wish to do, in both languages (the verb after "to" / the
/// Tagalog infinitive).
const SKILLS: &[&str] = &[
    "swim | swim, swimming | lumangoy | lumangoy, languy, paglangoy",
    "fly | fly, flying | lumipad | lumipad, lipad, paglipad",
    "read | read, reading | magbasa | magbasa, bumasa, basa",
    "ride a bike | ride, bike, bicycle | magbisikleta | bisikleta, magbisikleta",
    "climb trees | climb, climbing | umakyat ng puno | umakyat, akyat",
    "dance | dance, dancing | sumayaw | sumayaw, sayaw",
    "sing | sing, singing | kumanta | kumanta, umawit, kanta",
    "whistle | whistle, whistling | sumipol | sumipol, sipol",
    "jump high | jump, jumping | tumalon nang mataas | tumalon, talon",
    "cook | cook, cooking | magluto | magluto, luto",
    "draw | draw, drawing | gumuhit | gumuhit, guhit",
    "count | count, counting | magbilang | magbilang, bilang",
    "write | write, writing | magsulat | magsulat, sumulat, sulat",
    "breathe fire | fire, breathe | bumuga ng apoy | apoy, bumuga",
    "roar | roar, roaring | umatungal | umatungal, atungal",
    "make friends | friends, friend | makipagkaibigan | makipagkaibigan, kaibigan",
    "go to the moon | moon | pumunta sa buwan | buwan",
    "see the stars | stars, star | makita ang mga bituin | bituin",
];

// Most words kept after a cue.
const MAX_WORDS: usize = 4;

/// Finds the problem in an idea's words (`keys` folded, `raws` as written), and marks the words
/// it used in `taken` (so "afraid of dogs" does not also bring a dog into the story). A lost
/// thing is left free: it is the story's thing.
pub fn read(keys: &[&str], raws: &[&str], taken: &mut [bool]) -> Option<Trouble> {
    if let Some((at, len, lang)) = find_cue(keys, FEAR_CUES) {
        let words = after(keys, raws, at + len);
        let (en, tl) = known_or_own(FEARS, &words, lang);
        mark(taken, at, len + words.len());
        if en.is_some() || tl.is_some() {
            return Some(Trouble {
                kind: Kind::Fear,
                en,
                tl,
            });
        }
    }
    if let Some((at, len, _)) = find_cue(keys, LOST_WAY_CUES) {
        mark(taken, at, len);
        return Some(Trouble {
            kind: Kind::LostWay,
            en: None,
            tl: None,
        });
    }
    if let Some((at, len, _)) = find_cue(keys, LOST_CUES) {
        mark(taken, at, len);
        return Some(Trouble {
            kind: Kind::Lost,
            en: None,
            tl: None,
        });
    }
    for (cues, kind) in [(CANNOT_CUES, Kind::Cannot), (WISH_CUES, Kind::Wish)] {
        if let Some((at, len, lang)) = find_cue(keys, cues) {
            let words = after(keys, raws, at + len);
            let (en, tl) = known_or_own(SKILLS, &words, lang);
            if en.is_some() || tl.is_some() {
                mark(taken, at, len + words.len());
                return Some(Trouble { kind, en, tl });
            }
        }
    }
    if let Some((at, len, _)) = find_cue(keys, LONELY_CUES) {
        mark(taken, at, len);
        return Some(Trouble {
            kind: Kind::Lonely,
            en: None,
            tl: None,
        });
    }
    None
}

fn mark(taken: &mut [bool], at: usize, len: usize) {
    for t in taken.iter_mut().skip(at).take(len) {
        *t = true;
    }
}

/// The first cue in the idea (longest cue first where two start at the same word).
fn find_cue(keys: &[&str], cues: &[Cue]) -> Option<(usize, usize, Language)> {
    for start in 0..keys.len() {
        let mut best: Option<(usize, Language)> = None;
        for (words, lang) in cues {
            let fits = keys.len() - start >= words.len()
                && words
                    .iter()
                    .zip(&keys[start..])
                    .all(|(w, k)| crate::domain::games::fold(w) == *k);
            if fits && best.is_none_or(|(len, _)| words.len() > len) {
                best = Some((words.len(), *lang));
            }
        }
        if let Some((len, lang)) = best {
            return Some((start, len, lang));
        }
    }
    None
}

/// The words after a cue, as written (lower case), up to a stop word.
fn after<'a>(keys: &[&str], raws: &'a [&'a str], from: usize) -> Vec<String> {
    keys.iter()
        .zip(raws)
        .skip(from)
        .take_while(|(k, _)| !STOPS.contains(k))
        .take(MAX_WORDS)
        .map(|(_, r)| r.to_lowercase())
        .collect()
}

/// The words in each language: a known fear or skill in both; otherwise the child's own words
/// in the language they wrote, and nothing in the other.
fn known_or_own(
    table: &[&'static str],
    words: &[String],
    lang: Language,
) -> (Option<String>, Option<String>) {
    if words.is_empty() {
        return (None, None);
    }
    let folded: Vec<String> = words
        .iter()
        .map(|w| crate::domain::games::fold(w))
        .collect();
    for line in table {
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        let [en, en_forms, tl, tl_forms] = parts[..] else {
            continue;
        };
        let forms = en_forms
            .split(',')
            .chain(tl_forms.split(','))
            .map(str::trim);
        let hit = forms
            .map(crate::domain::games::fold)
            .any(|f| folded.contains(&f));
        if hit {
            return (Some(en.to_string()), Some(tl.to_string()));
        }
    }
    let own = words.join(" ");
    match lang {
        Language::En => (Some(own), None),
        Language::Tl => (None, Some(own)),
    }
}

/// The lines for a kind of problem in a language.
pub fn lines(kind: Kind, language: Language) -> &'static Lines {
    match (language, kind) {
        (Language::En, Kind::Fear) => &en::FEAR,
        (Language::En, Kind::Lost) => &en::LOST,
        (Language::En, Kind::LostWay) => &en::LOST_WAY,
        (Language::En, Kind::Lonely) => &en::LONELY,
        (Language::En, Kind::Wish) => &en::WISH,
        (Language::En, Kind::Cannot) => &en::CANNOT,
        (Language::Tl, Kind::Fear) => &tl::FEAR,
        (Language::Tl, Kind::Lost) => &tl::LOST,
        (Language::Tl, Kind::LostWay) => &tl::LOST_WAY,
        (Language::Tl, Kind::Lonely) => &tl::LONELY,
        (Language::Tl, Kind::Wish) => &tl::WISH,
        (Language::Tl, Kind::Cannot) => &tl::CANNOT,
    }
}

/// Every kind, for the tests.
#[cfg(test)]
pub const KINDS: &[Kind] = &[
    Kind::Fear,
    Kind::Lost,
    Kind::LostWay,
    Kind::Lonely,
    Kind::Wish,
    Kind::Cannot,
];

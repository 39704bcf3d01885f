//! The built-in starter list, loaded once on first start (an admin edits it from then on).
//!
//! Chosen for a children's app: swearing, slurs, sexual words and cruel insults in English and
//! Tagalog (with a few common Bisaya words heard in Filipino classrooms). Everyday words that
//! merely look rude in one language are left out on purpose (`leche` as in leche flan, `puke`
//! as in vomit, `peste` as in pest, `hayop` as in animal), because a false hit on a child's story
//! teaches nothing. The same goes for words fairy tales use innocently (`prick` a finger, the
//! `cock` that crows, `ina mo` = "your mother", `Pepe` the name). Spelling variants (`sh1t`,
//! `shiiit`, `s.h.i.t`) are the matcher's job, not the list's.

use super::{Language, Severity};

use Language::{En, Tl};
use Severity::{Mild, Moderate, Severe};

/// Phrases in which listed words are innocent; a match inside one is dropped.
pub const ALLOW: &[&str] = &[
    "pussy cat",
    "pussycat",
    "pussy willow",
    "puss in boots",
    "moby dick",
    "dick whittington",
    "blue tit",
    "blue tits",
    "great tit",
    "great tits",
    "shut up shop",
    "shut up the shop",
    "shut up the store",
    "shut up the house",
    "lady gaga",
    "ina mo",
    "chupa chups",
    "chupachups",
];

/// `(word or phrase, language, severity)`.
pub const STARTER: &[(&str, Language, Severity)] = &[
    // English: swearing.
    ("fuck", En, Severe),
    ("fucker", En, Severe),
    ("fucking", En, Severe),
    ("fucked", En, Severe),
    ("motherfucker", En, Severe),
    ("fck", En, Severe),
    ("fcuk", En, Severe),
    ("gtfo", En, Moderate),
    ("wtf", En, Moderate),
    ("stfu", En, Moderate),
    ("shit", En, Severe),
    ("shitty", En, Severe),
    ("bullshit", En, Severe),
    ("crap", En, Mild),
    ("damn", En, Mild),
    ("goddamn", En, Moderate),
    ("hell", En, Mild),
    ("piss", En, Moderate),
    ("pissed", En, Moderate),
    ("bloody hell", En, Mild),
    ("ass", En, Moderate),
    ("arse", En, Moderate),
    ("azz", En, Moderate),
    ("asshole", En, Severe),
    ("arsehole", En, Severe),
    ("jackass", En, Moderate),
    ("dumbass", En, Moderate),
    ("bastard", En, Severe),
    ("bitch", En, Severe),
    ("biatch", En, Severe),
    ("beyotch", En, Severe),
    ("son of a bitch", En, Severe),
    ("bollocks", En, Moderate),
    ("wanker", En, Severe),
    ("twat", En, Severe),
    // English: sexual words.
    ("dick", En, Severe),
    ("dickhead", En, Severe),
    ("cunt", En, Severe),
    ("pussy", En, Severe),
    ("boobs", En, Moderate),
    ("tits", En, Severe),
    ("slut", En, Severe),
    ("whore", En, Severe),
    ("porn", En, Severe),
    ("nudes", En, Severe),
    ("rape", En, Severe),
    ("blowjob", En, Severe),
    ("dildo", En, Severe),
    ("horny", En, Moderate),
    ("sexy", En, Moderate),
    // English: slurs.
    ("nigger", En, Severe),
    ("nigga", En, Severe),
    ("faggot", En, Severe),
    ("fag", En, Severe),
    ("retard", En, Severe),
    ("retarded", En, Severe),
    ("spastic", En, Severe),
    ("tranny", En, Severe),
    // English: cruelty.
    ("kill yourself", En, Severe),
    ("kys", En, Severe),
    ("go die", En, Severe),
    ("stupid", En, Mild),
    ("idiot", En, Mild),
    ("moron", En, Mild),
    ("dumb", En, Mild),
    ("loser", En, Mild),
    ("shut up", En, Mild),
    // Tagalog: swearing.
    ("putang ina", Tl, Severe),
    ("tang ina", Tl, Severe),
    ("puta", Tl, Severe),
    ("pota", Tl, Severe),
    ("punyeta", Tl, Severe),
    ("pakshet", Tl, Severe),
    ("pakyu", Tl, Severe),
    ("kingina", Tl, Severe),
    ("inamo", Tl, Severe),
    ("bwisit", Tl, Mild),
    ("buwisit", Tl, Mild),
    ("leche ka", Tl, Moderate),
    ("pucha", Tl, Moderate),
    ("taena", Tl, Severe),
    ("tangena", Tl, Severe),
    ("putragis", Tl, Severe),
    ("potek", Tl, Moderate),
    ("syet", Tl, Moderate),
    // Tagalog: sexual words.
    ("kantot", Tl, Severe),
    ("hindot", Tl, Severe),
    ("jakol", Tl, Severe),
    ("tite", Tl, Severe),
    ("titi", Tl, Severe),
    ("burat", Tl, Severe),
    ("pokpok", Tl, Severe),
    ("malandi", Tl, Moderate),
    ("libog", Tl, Severe),
    ("bayag", Tl, Moderate),
    ("pekpek", Tl, Severe),
    ("betlog", Tl, Moderate),
    ("etits", Tl, Severe),
    ("tsupa", Tl, Severe),
    ("chupa", Tl, Severe),
    ("salsal", Tl, Severe),
    ("iyot", Tl, Severe),
    // Tagalog: insults.
    ("gago", Tl, Severe),
    ("gaga ka", Tl, Mild),
    ("gagu", Tl, Severe),
    ("ogag", Tl, Moderate),
    ("tarantado", Tl, Severe),
    ("tarantada", Tl, Severe),
    ("ulol", Tl, Severe),
    ("ulul", Tl, Severe),
    ("olol", Tl, Severe),
    ("kups", Tl, Moderate),
    ("hinayupak", Tl, Moderate),
    ("gunggong", Tl, Mild),
    ("kupal", Tl, Severe),
    ("ungas", Tl, Moderate),
    ("hayop ka", Tl, Moderate),
    ("walang hiya", Tl, Moderate),
    ("bobo", Tl, Mild),
    ("tanga", Tl, Mild),
    ("inutil", Tl, Mild),
    ("engot", Tl, Mild),
    ("siraulo", Tl, Mild),
    ("abnoy", Tl, Moderate),
    ("mamatay ka", Tl, Severe),
    // Bisaya heard in Filipino classrooms.
    ("yawa", Tl, Moderate),
    ("pisti", Tl, Moderate),
    ("bilat", Tl, Severe),
    ("oten", Tl, Severe),
];

/// A matcher over the starter list alone, for tests that check text against it.
#[cfg(test)]
pub(crate) fn matcher() -> super::Matcher {
    super::Matcher::new(
        STARTER
            .iter()
            .map(|&(text, language, severity)| super::Word {
                id: 0,
                text: text.to_string(),
                language,
                severity,
                active: true,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::super::clean_word;
    use super::*;

    #[test]
    fn entries_are_clean_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for (w, lang, _) in STARTER {
            assert_eq!(
                clean_word(w).as_deref(),
                Some(*w),
                "{w} is not in stored form"
            );
            assert!(seen.insert((*w, *lang)), "{w} twice");
        }
    }

    #[test]
    fn every_entry_is_reported_as_itself() {
        // A phrase also matches its joined spelling ("tang ina" -> "tangina") and a word its
        // inflections ("fuck" -> "fucker"); listed spellings win over derived forms, so the
        // word reported for a listed entry never depends on list order.
        let m = matcher();
        for (w, _, _) in STARTER {
            let hits = m.find(w);
            let whole: Vec<&str> = hits
                .iter()
                .filter(|h| h.start == 0 && h.end == w.len())
                .map(|h| m.words()[h.word].text.as_str())
                .collect();
            assert_eq!(whole, vec![*w], "{w:?} is reported as {whole:?}");
        }
    }

    #[test]
    fn no_entry_is_a_spelling_variant_of_another() {
        // Listing a mere spelling variant (`sh1t`, `shiiit`, `tang ina` and `tangina`) would
        // make the reported word depend on list order. Inflected and affixed forms are fine:
        // listed spellings win over them (see above).
        for (i, (w, _, _)) in STARTER.iter().enumerate() {
            for (other, _, _) in &STARTER[i + 1..] {
                assert_ne!(fold_key(w), fold_key(other), "{w:?} and {other:?}");
            }
        }
    }

    fn fold_key(s: &str) -> String {
        let runs = super::super::normalize::Runs::encode(&super::super::normalize::fold(
            &s.replace(' ', ""),
            true,
        ));
        runs.letters
    }

    /// Sentences children write; none may trip the starter list.
    const CLEAN: &[&str] = &[
        "The class assembled in Scunthorpe to pass the grass to the bass player.",
        "My cat is called Puss in Boots and my dog likes cocktail sausages.",
        "Shelly said hello to Mr. Hancock and Mrs. Dickens at the shell museum.",
        "The assassin bug is an insect; I scored 455 points in the passing game.",
        "We ate leche flan and putahe at the pista in the barangay.",
        "Masaya ang mga bata sa paaralan. Ang hayop sa bukid ay mabait.",
        "Tito and Tita gave the puppy some pet food; the pest ran away.",
        "Cockatoos and peacocks sang in the bottle garden on Sussex Street.",
        "Nag-aral si Ana at si Ben ng matematika at agham sa umaga.",
        "The hero shouted: help! The dragon's shadow passed over the hills.",
        "Kumain kami ng tinapay, ube, at mangga sa tabing-dagat.",
        "Sleeping Beauty pricked her finger; the rooster crowed cock-a-doodle-doo.",
        "Ang ina mo ay mabait, sabi ni Pepe.",
        "Pussy cat, pussy cat, where have you been? I've been to London to look at the queen.",
        "Moby Dick is a whale; Dick Whittington had a cat; blue tits sang outside.",
        "He'll help, she'll sing, we'll all read, and the lintik lit the sky.",
        "The looser rope tilts the boat; the heli pad is near.",
    ];

    #[test]
    fn clean_sentences_pass() {
        let m = matcher();
        for s in CLEAN {
            let hits = m.find(s);
            assert!(hits.is_empty(), "{s:?} matched {:?}", m.words_for(&hits));
        }
    }

    #[test]
    fn starter_words_and_variants_are_caught() {
        let m = matcher();
        for (text, want) in [
            ("you f*cking b1tch", vec!["fucking", "bitch"]),
            ("FUUUCK", vec!["fuck"]),
            ("sh!tty day", vec!["shitty"]),
            ("ang gagong bata", vec!["gago"]),
            ("Putang-ina mo", vec!["puta", "putang ina"]),
            ("t4ng1n4", vec!["tang ina"]),
            ("p.u.t.a", vec!["puta"]),
            ("k y s", vec!["kys"]),
            ("walang hiya ka", vec!["walang hiya"]),
        ] {
            assert_eq!(m.words_for(&m.find(text)), want, "{text:?}");
        }
    }
}

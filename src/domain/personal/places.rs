//! Addresses given as directions: a street with a house number after it, and one's own school.

use super::*;

/// Symbols used as decoration between words ("12 🌹 Rizal 🌹 Street").
pub(super) fn decoration(c: char) -> bool {
    !c.is_ascii() || matches!(c, '*' | '~' | '|' | '_' | '^' | '=' | '+')
}

/// Places near a home that people give as directions.
pub(super) const LANDMARKS: &[&str] = &[
    "church",
    "chapel",
    "store",
    "shop",
    "school",
    "plaza",
    "market",
    "park",
    "mall",
    "corner",
    "kanto",
    "tindahan",
    "simbahan",
    "palengke",
    "sari",
    "bakery",
    "hospital",
    "gym",
    "court",
    "hall",
    "station",
    "bridge",
    "cemetery",
    "pharmacy",
    "mosque",
    "temple",
    "paaralan",
    "kapilya",
    "panaderya",
    "botika",
];

/// Words that come before a street name ("kalye Mabini", "calle Real").
pub(super) const STREET_BEFORE: &[&str] = &["kalye", "calle", "avenida", "daang", "kalsada"];

/// Words that give a house number after a street ("bilang 12", "no. 12").
pub(super) const NUMBER_WORDS: &[&str] = &["bilang", "no", "number", "num", "numero", "house"];

/// Schools by kind: "Rizal Elementary School", "San Jose Academy".
pub(super) const SCHOOL_WORDS: &[&str] = &[
    "elementary",
    "elem",
    "academy",
    "college",
    "montessori",
    "paaralan",
    "institute",
    "highschool",
    "nhs",
    "es",
    "ces",
];

/// A street named before or after its street word, then a house number:
/// "sa kalye Mabini bilang 12", "Rizal Street no. 5", "Mabini St. #12".
pub(super) fn find_street_numbers(toks: &[Tok], hits: &mut Vec<Hit>) {
    for i in 0..toks.len() {
        let t = &toks[i];
        let (start, mut j) = if t.word_in(STREET_BEFORE)
            && toks.get(i + 1).is_some_and(|n| n.is_word() && n.cap)
        {
            let mut j = i + 1;
            while toks.get(j).is_some_and(|n| n.is_word() && n.cap) && j < i + 4 {
                j += 1;
            }
            (i, j)
        } else if t.word_in(STREET_AFTER) && i > 0 && toks[i - 1].cap && !toks[i - 1].word_in(STOP)
        {
            (i - 1, i + 1)
        } else {
            continue;
        };
        if toks.get(j).is_some_and(|n| n.is('.') && !n.gap) {
            j += 1;
        }
        if toks.get(j).is_some_and(|n| n.is(',')) {
            j += 1;
        }
        let marked = toks
            .get(j)
            .is_some_and(|n| n.word_in(NUMBER_WORDS) || n.is('#'));
        if !marked {
            continue;
        }
        let mut k = j + 1;
        while toks
            .get(k)
            .is_some_and(|n| n.is('.') || n.is(':') || n.word("no"))
            && k < j + 3
        {
            k += 1;
        }
        if toks
            .get(k)
            .is_some_and(|n| n.is_numeral() && n.text.len() <= 5)
        {
            hits.push(Hit {
                kind: Kind::Address,
                ts: start,
                te: k + 1,
            });
        }
    }
}

/// Naming one's own school: "I'm in Grade 2 Sampaguita at Rizal Elementary School",
/// "I go to San Jose Academy". A school in a story about someone else passes.
pub(super) fn find_schools(toks: &[Tok], hits: &mut Vec<Hit>) {
    for i in 0..toks.len() {
        let t = &toks[i];
        let school = t.word_in(SCHOOL_WORDS)
            || (t.word("high") && toks.get(i + 1).is_some_and(|n| n.word("school")))
            || (t.word("school")
                && i > 0
                && toks[i - 1].word_in(&[
                    "central",
                    "national",
                    "integrated",
                    "memorial",
                    "catholic",
                    "christian",
                    "public",
                    "elementary",
                    "science",
                ]));
        if !school || (t.word_in(&["es", "ces", "nhs"]) && !t.allcap) {
            continue;
        }
        let mut s = i;
        while s > 0
            && s + 5 > i
            && toks[s - 1].is_word()
            && toks[s - 1].cap
            && !toks[s - 1].word_in(STOP)
            && !sentence_break(toks, s)
        {
            s -= 1;
        }
        if s == i && !(t.cap && i > 0 && toks[i - 1].cap) {
            continue;
        }
        if s == i {
            continue;
        }
        let mut end = i + 1;
        while toks.get(end).is_some_and(|n| {
            n.word_in(&["school", "of"]) || (n.is_word() && n.cap && toks[end - 1].word("of"))
        }) && end < i + 4
        {
            end += 1;
        }
        // First person and going there, earlier in the same sentence.
        let mut b = s;
        while b > 0 && s - b < 12 && !sentence_break(toks, b) {
            b -= 1;
        }
        let before = &toks[b..s];
        let me = before.iter().any(|t| {
            t.word_in(&[
                "i", "we", "my", "our", "ako", "kami", "ko", "namin", "aking", "m",
            ])
        });
        let attend = before.iter().any(|t| {
            t.word_in(&[
                "go",
                "goes",
                "attend",
                "attends",
                "study",
                "studying",
                "studies",
                "enrolled",
                "student",
                "pupil",
                "grade",
                "in",
                "at",
                "sa",
                "nag",
                "aaral",
                "nagaaral",
                "pumapasok",
                "school",
                "is",
                "from",
            ])
        });
        if me && attend {
            hits.push(Hit {
                kind: Kind::Address,
                ts: s,
                te: end,
            });
        }
    }
}

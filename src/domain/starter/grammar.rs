//! The little bits of grammar templates cannot do alone: "a" or "an", the Tagalog linker,
//! capitals at the start of a sentence and in titles.

/// A story's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// English.
    En,
    /// Tagalog.
    Tl,
}

impl Language {
    /// Parses a request's language code.
    pub fn parse(code: &str) -> Option<Language> {
        match code {
            "en" => Some(Language::En),
            "tl" => Some(Language::Tl),
            _ => None,
        }
    }
}

/// Borrowed words ending in "n" that Tagalog links with "na" ("unicorn na"), not "-g".
const LINK_WITH_NA: &[&str] = &["unicorn", "alien", "penguin"];

/// The Tagalog linker joined to a word or phrase: after a vowel "-ng" (pusa → pusang), after
/// "n" a "-g" (ibon → ibong), otherwise a separate "na" (pagong → pagong na).
pub fn link(phrase: &str) -> String {
    let t = phrase.trim_end();
    let last_word = t.rsplit(' ').next().unwrap_or(t).to_lowercase();
    if LINK_WITH_NA.contains(&last_word.as_str()) {
        return format!("{t} na");
    }
    match t.chars().last().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("{t}ng"),
        Some('n') => format!("{t}g"),
        Some(_) => format!("{t} na"),
        None => String::new(),
    }
}

/// An English phrase with "a" or "an" in front, by how it sounds ("an owl", "a unicorn").
pub fn indef(phrase: &str) -> String {
    let lower = phrase.trim_start().to_lowercase();
    let vowel = lower.starts_with(['a', 'e', 'i', 'o', 'u']);
    // A "you" or "wun" sound takes "a"; a silent h takes "an".
    let sounds_like_y = ["uni", "use", "usu", "eu", "one", "once"]
        .iter()
        .any(|p| lower.starts_with(p));
    let silent_h = ["hour", "honest", "honour", "honor", "heir"]
        .iter()
        .any(|p| lower.starts_with(p));
    let article = if (vowel && !sounds_like_y) || silent_h {
        "an"
    } else {
        "a"
    };
    format!("{article} {phrase}")
}

/// The first letter of a sentence in capitals, even after an opening quote ("\"Oh no!\"").
pub fn capitalise(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    let mut done = false;
    for c in sentence.chars() {
        if !done && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            done = true;
        } else {
            out.push(c);
        }
    }
    out
}

/// Title capitals: every word but the little ones ("Mimi and the Silver Boat", "Si Mimi at ang
/// Pilak na Bangka"); the first word always.
pub fn title_case(title: &str, language: Language) -> String {
    let small: &[&str] = match language {
        Language::En => &[
            "a", "an", "the", "and", "of", "in", "at", "on", "by", "to", "with", "for",
        ],
        Language::Tl => &[
            "ang", "ng", "sa", "at", "na", "si", "ni", "kay", "mga", "ay",
        ],
    };
    title
        .split_whitespace()
        .enumerate()
        .map(|(i, word)| {
            if i > 0 && small.contains(&word) {
                word.to_string()
            } else {
                capitalise(word)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

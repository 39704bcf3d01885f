//! The profanity filter's pure core: normalisation, matching and the built-in starter list.
//!
//! The word list lives in SQLite; `store::profanity` loads it, compiles a [`Matcher`] and caches
//! verdicts. Nothing here touches I/O, so it is tested alone.

pub mod confusables;
pub mod forms;
pub mod matcher;
pub mod normalize;
pub mod starter;
#[cfg(test)]
mod tests_table;

pub use matcher::{Hit, Matcher, hint, mask};

/// A word's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    En,
    Tl,
}

impl Language {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Tl => "tl",
        }
    }
    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Language> {
        match s {
            "en" => Some(Language::En),
            "tl" => Some(Language::Tl),
            _ => None,
        }
    }
}

/// How bad a word is; ordered from least to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Mild,
    Moderate,
    Severe,
}

impl Severity {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Mild => "mild",
            Severity::Moderate => "moderate",
            Severity::Severe => "severe",
        }
    }
    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "mild" => Some(Severity::Mild),
            "moderate" => Some(Severity::Moderate),
            "severe" => Some(Severity::Severe),
            _ => None,
        }
    }
}

/// One entry of the word list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Row id (0 when not stored).
    pub id: i64,
    /// The word or phrase, lower-case.
    pub text: String,
    /// Its language.
    pub language: Language,
    /// How bad it is.
    pub severity: Severity,
    /// Inactive words are kept but never match.
    pub active: bool,
}

/// Cleans a word for storage: trimmed, lower-case, inner whitespace collapsed; `None` when it
/// is empty, too long, or has nothing a matcher could compare.
pub fn clean_word(raw: &str) -> Option<String> {
    let w = raw
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let useful = w.chars().any(normalize::is_wordish);
    (useful && !w.is_empty() && w.chars().count() <= 100).then_some(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_words() {
        assert_eq!(
            clean_word("  Putang   Ina "),
            Some("putang ina".to_string())
        );
        assert_eq!(clean_word("   "), None);
        assert_eq!(clean_word("..."), None);
        assert_eq!(clean_word(&"x".repeat(101)), None);
    }

    #[test]
    fn severities_order() {
        assert!(Severity::Severe > Severity::Moderate && Severity::Moderate > Severity::Mild);
    }
}

//! Folding text into the alphabet the matcher compares in.
//!
//! Each character is decomposed (NFKD) with accents dropped, lower-cased, mapped from common
//! look-alikes (Cyrillic letters, leetspeak digits and symbols) to Latin letters, and `l` is
//! folded into `i` because `1`, `!` and `|` stand for either. Repeated letters are kept as run
//! lengths so `shiiit` matches `shit` while `as` never matches `ass`.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// True for characters that can be part of a word: letters, digits and leet symbols.
pub fn is_wordish(c: char) -> bool {
    c.is_alphanumeric() || is_leet_symbol(c)
}

/// Symbols that stand for letters inside words (`@ss`, `a$$`, `sh!t`).
pub fn is_leet_symbol(c: char) -> bool {
    matches!(c, '@' | '$' | '!' | '|' | '+' | '€')
}

/// Maps a lower-case character (after accent removal) to its comparison letter.
fn fold_letter(c: char, leet: bool) -> Option<char> {
    let mapped = match c {
        'l' => 'i',
        // Cyrillic and Greek look-alikes.
        'а' => 'a',
        'в' => 'b',
        'е' | 'ё' => 'e',
        'к' => 'k',
        'м' => 'm',
        'н' => 'h',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'с' => 'c',
        'т' => 't',
        'у' => 'y',
        'х' => 'x',
        'і' | 'ι' => 'i',
        'ѕ' => 's',
        'ј' => 'j',
        'ԁ' => 'd',
        'ν' => 'v',
        _ if leet => match c {
            '0' => 'o',
            '1' | '!' | '|' => 'i',
            '3' | '€' => 'e',
            '4' | '@' => 'a',
            '5' | '$' => 's',
            '7' | '+' => 't',
            '8' => 'b',
            '9' => 'g',
            _ => c,
        },
        _ => c,
    };
    if mapped.is_alphanumeric() {
        Some(mapped)
    } else {
        None
    }
}

/// Folds one word-ish token into comparison letters. `leet` maps digits and symbols to letters;
/// callers turn it off for tokens that are plain numbers.
pub fn fold(token: &str, leet: bool) -> Vec<char> {
    let mut out = Vec::with_capacity(token.len());
    for c in token.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        for lc in c.to_lowercase() {
            if let Some(f) = fold_letter(lc, leet) {
                out.push(f);
            }
        }
    }
    out
}

/// A folded word as runs: `shiiit` = s1 h1 i3 t1.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Runs {
    /// One letter per run.
    pub letters: String,
    /// Length of each run (saturating at 255).
    pub counts: Vec<u8>,
}

impl Runs {
    /// Run-length encodes folded letters.
    pub fn encode(folded: &[char]) -> Runs {
        let mut runs = Runs::default();
        let mut last: Option<char> = None;
        for &c in folded {
            if last == Some(c) {
                if let Some(n) = runs.counts.last_mut() {
                    *n = n.saturating_add(1);
                }
            } else {
                runs.letters.push(c);
                runs.counts.push(1);
                last = Some(c);
            }
        }
        runs
    }

    /// True when text runs `self` spell dictionary runs `word` with at least as many repeats.
    pub fn covers(&self, word: &Runs) -> bool {
        self.letters == word.letters
            && self.counts.len() == word.counts.len()
            && self.counts.iter().zip(&word.counts).all(|(t, w)| t >= w)
    }

    /// True when nothing is left after folding.
    pub fn is_empty(&self) -> bool {
        self.letters.is_empty()
    }
}

/// True when a token should get leet mapping: it has a letter or a leet symbol, so `455` stays
/// a number while `a55` and `@$$` become words.
pub fn wants_leet(token: &str) -> bool {
    token
        .chars()
        .any(|c| c.is_alphabetic() || is_leet_symbol(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        fold(s, wants_leet(s)).into_iter().collect()
    }

    #[test]
    fn folds_case_accents_and_lookalikes() {
        assert_eq!(folded("ÉCOLE"), "ecoie");
        assert_eq!(folded("Puñeta"), "puneta");
        assert_eq!(folded("ѕhіt"), "shit");
        assert_eq!(folded("Ｓｈｉｔ"), "shit", "full-width forms decompose");
    }

    #[test]
    fn maps_leetspeak_only_in_words() {
        assert_eq!(folded("sh1t"), "shit");
        assert_eq!(folded("@$$"), "ass");
        assert_eq!(folded("a55"), "ass");
        assert_eq!(folded("455"), "455");
        assert_eq!(folded("b!tch"), "bitch");
        assert_eq!(folded("k1ll"), "kiii");
    }

    #[test]
    fn runs_count_repeats() {
        let text = Runs::encode(&fold("shiiiiit", true));
        let word = Runs::encode(&fold("shit", true));
        assert!(text.covers(&word));
        let ass = Runs::encode(&fold("ass", true));
        let as_ = Runs::encode(&fold("as", true));
        assert!(!as_.covers(&ass));
        assert!(ass.covers(&ass));
    }
}

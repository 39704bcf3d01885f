//! Folding text into the alphabet the matcher compares in.
//!
//! Each character is decomposed (NFKD) with accents dropped, lower-cased, and mapped from common
//! look-alikes (Cyrillic and Greek letters, leetspeak digits and symbols) to Latin letters.
//! `1`, `!` and `|` stand for either `i` or `l`, so they become a wildcard ([`WILD`]) that the
//! matcher tries both ways. Repeated letters are kept as run lengths so `shiiit` can match
//! `shit` while `as` never matches `ass`.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Stands for "i or l" after folding.
pub const WILD: char = '*';

/// True for characters that can be part of a word: letters, digits and leet symbols.
pub fn is_wordish(c: char) -> bool {
    c.is_alphanumeric() || is_leet_symbol(c)
}

/// Symbols that stand for letters inside words (`@ss`, `a$$`, `sh!t`).
pub fn is_leet_symbol(c: char) -> bool {
    matches!(c, '@' | '$' | '!' | '|' | '+' | '€')
}

/// Characters that may sit inside a disguised word without ending it (`s.h.i.t`, `f_u_c_k`,
/// zero-width spaces). Apostrophes are not among them: `he'll` is two words.
pub fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '.' | '-' | '_' | '*' | '~' | '·' | '\u{00AD}' | '\u{200B}'
            ..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Maps a lower-case character (after accent removal) to its comparison letter.
fn fold_letter(c: char, leet: bool) -> Option<char> {
    let mapped = match c {
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
        'ӏ' => 'l',
        _ if leet => match c {
            '0' => 'o',
            '1' | '!' | '|' => WILD,
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
    if mapped == WILD || mapped.is_alphanumeric() {
        Some(mapped)
    } else {
        None
    }
}

/// Folds one word-ish token into comparison letters. `leet` maps digits and symbols to letters.
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

/// A run this long is an elongation ("shiiit"); shorter runs must match exactly, so "looser"
/// is not "loser" and "as" is not "ass".
const ELONGATED: u8 = 3;

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

    /// True when text runs `self` spell dictionary runs `word`: same letters, and each run
    /// either as long as the word's or stretched to three or more.
    pub fn covers(&self, word: &Runs) -> bool {
        self.letters == word.letters
            && self.counts.len() == word.counts.len()
            && self
                .counts
                .iter()
                .zip(&word.counts)
                .all(|(&t, &w)| t == w || (t >= ELONGATED && t >= w))
    }

    /// True when nothing is left after folding.
    pub fn is_empty(&self) -> bool {
        self.letters.is_empty()
    }
}

/// The ways to read folded text with wildcards: each group of wildcards becomes `i` or `l`
/// (all of a group the same way). Many groups fall back to "all i" and "all l".
pub fn readings(folded: &[char]) -> Vec<Vec<char>> {
    let groups = folded
        .iter()
        .enumerate()
        .filter(|&(i, &c)| c == WILD && (i == 0 || folded[i - 1] != WILD))
        .count();
    if groups == 0 {
        return vec![folded.to_vec()];
    }
    let combos: Vec<u32> = if groups <= 4 {
        (0..1u32 << groups).collect()
    } else {
        vec![0, u32::MAX]
    };
    combos
        .into_iter()
        .map(|mask| {
            let mut group = 0usize;
            let mut out = Vec::with_capacity(folded.len());
            for (i, &c) in folded.iter().enumerate() {
                if c == WILD {
                    if i > 0 && folded[i - 1] != WILD {
                        group += 1;
                    } else if i == 0 {
                        group = 1;
                    }
                    let bit = mask.checked_shr((group - 1) as u32).unwrap_or(0) & 1;
                    out.push(if bit == 0 { 'i' } else { 'l' });
                } else {
                    out.push(c);
                }
            }
            out
        })
        .collect()
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
        assert_eq!(folded("ÉCOLE"), "ecole");
        assert_eq!(folded("Puñeta"), "puneta");
        assert_eq!(folded("ѕhіt"), "shit");
        assert_eq!(folded("Ｓｈｉｔ"), "shit", "full-width forms decompose");
    }

    #[test]
    fn maps_leetspeak_only_in_words() {
        assert_eq!(folded("sh1t"), "sh*t");
        assert_eq!(folded("@$$"), "ass");
        assert_eq!(folded("a55"), "ass");
        assert_eq!(folded("455"), "455");
        assert_eq!(folded("b!tch"), "b*tch");
        assert_eq!(folded("k1ll"), "k*ll");
    }

    #[test]
    fn wildcards_read_as_i_or_l() {
        let r: Vec<String> = readings(&fold("k1ll", true))
            .into_iter()
            .map(|v| v.into_iter().collect())
            .collect();
        assert_eq!(r, vec!["kill", "klll"]);
        let r: Vec<String> = readings(&fold("1!1", true))
            .into_iter()
            .map(|v| v.into_iter().collect())
            .collect();
        assert_eq!(r, vec!["iii", "lll"], "one group, read one way");
        assert_eq!(
            readings(&fold("1a1a1a1a1a", true)).len(),
            2,
            "many groups: all-i and all-l only"
        );
    }

    #[test]
    fn runs_count_repeats_but_only_long_ones_stretch() {
        let r = |s: &str| Runs::encode(&fold(s, true));
        assert!(r("shiiiiit").covers(&r("shit")));
        assert!(
            !r("shiit").covers(&r("shit")),
            "a double is a different word"
        );
        assert!(!r("looser").covers(&r("loser")));
        assert!(!r("as").covers(&r("ass")));
        assert!(r("assss").covers(&r("ass")));
        assert!(r("ass").covers(&r("ass")));
    }
}

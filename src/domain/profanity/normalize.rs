//! Folding text into the alphabet the matcher compares in.
//!
//! Each character is decomposed (NFKD: full-width, circled, squared, mathematical, superscript
//! and ligature forms become plain letters) with accents and other combining marks dropped
//! (`ṡ`, `ḣ`, strike-through), lower-cased, and mapped from look-alike letters of other scripts
//! (Cyrillic, Greek, Armenian, Cherokee, small capitals: see [`super::confusables`]) and from
//! leetspeak digits and symbols to Latin letters. `1`, `!` and `|` stand for either `i` or `l`,
//! so they become a wildcard ([`WILD`]) that the matcher tries both ways. Masking symbols
//! (`*`, `#`, `%`, `&`, `^`) are dropped by [`fold`]; [`fold_masked`] reads them, and leet
//! symbols, as "any one letter" ([`ANY`]). Zero-width and other invisible format characters are
//! ignored. Repeated letters are kept as run lengths so `shiiit` can match `shit` while `as`
//! never matches `ass`.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::confusables;

pub use super::confusables::WILD;

/// Stands for "any one letter" in [`fold_masked`] output.
pub const ANY: char = '?';

/// True for characters that can be part of a word: letters (of any script, enclosed or
/// styled), digits, leet and masking symbols, combining marks and invisible format characters.
pub fn is_wordish(c: char) -> bool {
    c.is_alphanumeric()
        || is_leet_symbol(c)
        || is_mask_symbol(c)
        || is_ignorable(c)
        || is_combining_mark(c)
        || special_letter(c).is_some()
}

/// Symbols that stand for letters inside words (`@ss`, `a$$`, `sh!t`).
pub fn is_leet_symbol(c: char) -> bool {
    matches!(c, '@' | '$' | '!' | '|' | '+' | '€')
}

/// Symbols that hide a letter inside a word (`f*ck`, `f#ck`, `s**t`).
pub fn is_mask_symbol(c: char) -> bool {
    matches!(c, '*' | '#' | '%' | '&' | '^')
}

/// Invisible characters that never end a word: zero-width spaces and joiners, soft hyphens,
/// bidi controls, variation selectors, interlinear annotations, tags. The personal-details
/// filter folds the same set away.
pub fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Apostrophes: `he'll` is two words, but `tang'na` may be a contraction.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}'
    )
}

/// Characters that may sit inside a disguised word without ending it (`s.h.i.t`, `f_u_c_k`,
/// `f/u/c/k`, `f🙂u🙂c🙂k`): anything but a space, a word character or an apostrophe
/// (`he'll` is two words).
pub fn is_joiner(c: char) -> bool {
    !c.is_whitespace() && !is_wordish(c) && !is_apostrophe(c)
}

/// Letters NFKD leaves alone: look-alikes from other scripts, negative circled and squared
/// letters (🅐 🅰), regional indicators (🇦), Cherokee small letters.
fn special_letter(c: char) -> Option<char> {
    let cp = c as u32;
    let from = |base: u32| char::from_u32(u32::from(b'a') + cp - base);
    match cp {
        0x1F150..=0x1F169 => from(0x1F150),
        0x1F170..=0x1F189 => from(0x1F170),
        0x1F1E6..=0x1F1FF => from(0x1F1E6),
        // Cherokee small letters look like their capitals.
        0xAB70..=0xABBF => confusables::lookup(c)
            .or_else(|| char::from_u32(cp - 0xAB70 + 0x13A0).and_then(confusables::lookup)),
        _ => confusables::lookup(c),
    }
}

/// Letters that fold to two (`ß` -> `ss`, `æ` -> `ae`).
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'þ' | 'Þ' => "th",
        _ => return None,
    })
}

/// Maps a lower-case character (after accent removal) to its comparison letter.
fn fold_letter(c: char, leet: bool) -> Option<char> {
    if leet {
        let mapped = match c {
            '0' => 'o',
            '1' | '!' | '|' => WILD,
            '3' | '€' => 'e',
            '4' | '@' => 'a',
            '5' | '$' => 's',
            '7' | '+' => 't',
            '8' => 'b',
            '9' => 'g',
            _ => c,
        };
        if mapped != c {
            return Some(mapped);
        }
    }
    c.is_alphanumeric().then_some(c)
}

/// Folds one character; `out` receives zero or more comparison characters.
fn fold_char(c: char, leet: bool, out: &mut Vec<char>) {
    if is_ignorable(c) || is_combining_mark(c) {
        return;
    }
    // Without leet, a letter that looks like `I` or `l` is an `l` (the wildcard is for leet).
    let plain = |l: char| if l == WILD && !leet { 'l' } else { l };
    if let Some(l) = special_letter(c) {
        out.push(plain(l));
        return;
    }
    if let Some(s) = ligature(c) {
        out.extend(s.chars());
        return;
    }
    for d in c.nfkd() {
        if is_combining_mark(d) || is_ignorable(d) {
            continue;
        }
        if let Some(l) = special_letter(d) {
            out.push(plain(l));
            continue;
        }
        for lc in d.to_lowercase() {
            if let Some(l) = special_letter(lc) {
                out.push(plain(l));
            } else if let Some(s) = ligature(lc) {
                out.extend(s.chars());
            } else if let Some(f) = fold_letter(lc, leet) {
                out.push(f);
            }
        }
    }
}

/// Folds one word-ish token into comparison letters. `leet` maps digits and symbols to letters;
/// masking symbols are dropped either way.
pub fn fold(token: &str, leet: bool) -> Vec<char> {
    let mut out = Vec::with_capacity(token.len());
    for c in token.chars() {
        fold_char(c, leet, &mut out);
    }
    out
}

/// A token read with every symbol and digit standing for one unknown letter ([`ANY`]): `f*ck`,
/// `f#ck`, `sh!t`, `b1tch`. Returns the folded letters, how many came from symbols and how many
/// from digits.
pub fn fold_masked(token: &str) -> (Vec<char>, usize, usize) {
    let mut out = Vec::with_capacity(token.len());
    let (mut symbols, mut digits) = (0, 0);
    for c in token.chars() {
        if is_leet_symbol(c) || is_mask_symbol(c) {
            symbols += 1;
            out.push(ANY);
        } else if c.is_ascii_digit() {
            digits += 1;
            out.push(ANY);
        } else {
            let before = out.len();
            fold_char(c, false, &mut out);
            // Other digits (superscripts, circled) are not letters either.
            for x in &mut out[before..] {
                if !x.is_alphabetic() {
                    *x = ANY;
                    digits += 1;
                }
            }
        }
    }
    (out, symbols, digits)
}

/// A folded word as runs: `shiiit` = s1 h1 i3 t1.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Runs {
    /// One letter per run.
    pub letters: String,
    /// Length of each run (saturating at 255).
    pub counts: Vec<u8>,
}

/// A run this long is an elongation ("shiiit"); a lone doubled letter is not, so "looser" is not
/// "loser" (and "as" is never "ass": runs only stretch).
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

    /// True when text runs `self` spell dictionary runs `word`: same letters, each run at least
    /// as long as the word's. A stretched run must be three or more long, unless two or more
    /// runs are stretched: one doubled letter makes a different word (`looser` is not `loser`,
    /// `shiit` is left alone) while `ffuucckk` and `fuuuck` are emphasis.
    pub fn covers(&self, word: &Runs) -> bool {
        if self.letters != word.letters || self.counts.len() != word.counts.len() {
            return false;
        }
        let mut stretched = 0;
        let mut doubled = 0;
        for (&t, &w) in self.counts.iter().zip(&word.counts) {
            if t < w {
                return false;
            }
            if t > w {
                stretched += 1;
                if t < ELONGATED {
                    doubled += 1;
                }
            }
        }
        doubled == 0 || stretched >= 2
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
        .any(|c| c.is_alphabetic() || is_leet_symbol(c) || special_letter(c).is_some())
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
    fn folds_enclosed_styled_and_other_scripts() {
        for (text, want) in [
            ("ⓕⓤⓒⓚ", "fuck"),
            ("ⒻⓊⒸⓀ", "fuck"),
            ("🅕🅤🅒🅚", "fuck"),
            ("🅵🆄🅲🅺", "fuck"),
            ("🄵🅄🄲🄺", "fuck"),
            ("𝐟𝐮𝐜𝐤", "fuck"),
            ("𝓯𝓾𝓬𝓴", "fuck"),
            ("ꜰᴜᴄᴋ", "fuck"),
            ("ˢʰⁱᵗ", "shit"),
            ("🇫🇺🇨🇰", "fuck"),
            ("ṡḣıṫ", "shit"),
            ("s̶h̶i̶t̶", "shit"),
            ("f\u{200b}u\u{200d}c\u{fe0f}k", "fuck"),
            ("ցaցօ", "gago"),
            ("ᏚᎻᎥᎢ", "shit"),
            ("ꮪꮋꭵꭲ", "shit"),
            ("ΑΒΕΚ", "abek"),
            ("straße", "strasse"),
        ] {
            assert_eq!(folded(text), want, "{text:?}");
        }
        assert!("🅰🆂🆂".chars().all(is_wordish));
        assert!(is_wordish('\u{200b}') && is_wordish('\u{0336}'));
        assert!(is_joiner('.') && is_joiner('🔥') && !is_joiner('\'') && !is_joiner(' '));
        assert_eq!(fold("Ӏ", false), vec!['l'], "no wildcard without leet");
        assert_eq!(fold("Ӏ", true), vec![WILD]);
    }

    #[test]
    fn masked_reading_marks_symbols() {
        let (v, symbols, digits) = fold_masked("f*ck");
        assert_eq!(v.into_iter().collect::<String>(), "f?ck");
        assert_eq!((symbols, digits), (1, 0));
        let (v, symbols, digits) = fold_masked("$h1t");
        assert_eq!(v.into_iter().collect::<String>(), "?h?t");
        assert_eq!((symbols, digits), (1, 1));
        assert_eq!(folded("f*ck"), "fck", "fold drops masking symbols");
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
        assert!(
            r("ffuucckk").covers(&r("fuck")),
            "two or more doubles are emphasis"
        );
        assert!(r("sssshit").covers(&r("shit")));
        assert!(!r("fuuck").covers(&r("fuck")), "one double is not");
        assert!(r("ass").covers(&r("ass")));
    }
}

//! Whole-word and phrase matching over folded text.
//!
//! Three passes find a word however it is disguised, and each reports the byte range it covers
//! in the original text so callers can mask it:
//! 1. tokens: runs of letters, digits and leet symbols (`sh1t`, `@$$`, `damn!`), and phrases as
//!    consecutive tokens (`putang ina`);
//! 2. chunks: a whitespace-free chunk with separators removed (`s.h.i.t`, `f_u_c_k`);
//! 3. spaced letters: runs of one-character tokens joined (`s h i t`).
//!
//! Whole words only: `class`, `Scunthorpe` and `assassin` never match `ass` or `cunt`.

use std::collections::HashMap;

use super::normalize::{Runs, fold, is_wordish, wants_leet};
use super::{Language, Severity, Word};

/// One match in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the matched word in the list the matcher was built from.
    pub word: usize,
    /// Byte range in the original text.
    pub start: usize,
    /// Byte range end (exclusive).
    pub end: usize,
}

#[derive(Debug)]
struct Entry {
    runs: Runs,
    word: usize,
}

#[derive(Debug)]
struct Phrase {
    tokens: Vec<Runs>,
    word: usize,
}

/// A compiled word list.
#[derive(Debug, Default)]
pub struct Matcher {
    words: Vec<Word>,
    singles: HashMap<String, Vec<Entry>>,
    phrases: HashMap<String, Vec<Phrase>>,
}

#[derive(Debug)]
struct Token {
    start: usize,
    end: usize,
    /// Folded letters with leet mapping (if the token is not a plain number).
    folded: Vec<char>,
    /// The same token with leading and trailing symbols removed (`damn!` -> `damn`).
    trimmed: Option<Vec<char>>,
    chars: usize,
}

/// Longest run of one-letter tokens joined in pass 3 (bounds the quadratic scan).
const MAX_SPACED_RUN: usize = 24;

impl Matcher {
    /// Compiles the active words of a list.
    pub fn new(words: Vec<Word>) -> Matcher {
        let mut m = Matcher {
            words,
            ..Default::default()
        };
        for idx in 0..m.words.len() {
            if !m.words[idx].active {
                continue;
            }
            let text = m.words[idx].text.clone();
            let parts: Vec<Runs> = text
                .split(|c: char| !is_wordish(c))
                .filter(|p| !p.is_empty())
                .map(|p| Runs::encode(&fold(p, wants_leet(p))))
                .filter(|r| !r.is_empty())
                .collect();
            match parts.len() {
                0 => {}
                1 => {
                    let runs = parts.into_iter().next().unwrap_or_default();
                    // Tagalog joins words with a -ng linker: "gagong bata", "putang ina".
                    if m.words[idx].language == Language::Tl && ends_with_vowel(&runs) {
                        let mut linked: Vec<char> = runs.letters.chars().collect();
                        linked.extend(['n', 'g']);
                        m.add_single(Runs::encode(&linked), idx);
                    }
                    m.add_single(runs, idx);
                }
                _ => {
                    // "putang ina" is also written "putangina".
                    let joined: Vec<char> = parts.iter().flat_map(expand).collect();
                    m.add_single(Runs::encode(&joined), idx);
                    let key = parts[0].letters.clone();
                    m.phrases.entry(key).or_default().push(Phrase {
                        tokens: parts,
                        word: idx,
                    });
                }
            }
        }
        m
    }

    fn add_single(&mut self, runs: Runs, word: usize) {
        self.singles
            .entry(runs.letters.clone())
            .or_default()
            .push(Entry { runs, word });
    }

    /// The word list this matcher was built from.
    pub fn words(&self) -> &[Word] {
        &self.words
    }

    /// Number of active words.
    pub fn active_count(&self) -> usize {
        self.words.iter().filter(|w| w.active).count()
    }

    fn lookup(&self, folded: &[char]) -> Option<usize> {
        let runs = Runs::encode(folded);
        self.singles
            .get(&runs.letters)?
            .iter()
            .find(|e| runs.covers(&e.runs))
            .map(|e| e.word)
    }

    /// Every match in `text`, sorted by position, without duplicates.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        if self.singles.is_empty() || text.is_empty() {
            return hits;
        }
        let tokens = tokenize(text);

        // Pass 1: tokens and phrases.
        for (i, t) in tokens.iter().enumerate() {
            let found = self
                .lookup(&t.folded)
                .or_else(|| t.trimmed.as_deref().and_then(|tr| self.lookup(tr)));
            if let Some(word) = found {
                hits.push(Hit {
                    word,
                    start: t.start,
                    end: t.end,
                });
            }
            self.find_phrases(&tokens, i, &mut hits);
        }

        // Pass 2: whitespace-free chunks with inner separators removed.
        let mut i = 0;
        while i < tokens.len() {
            let mut j = i + 1;
            while j < tokens.len() && !has_whitespace(&text[tokens[j - 1].end..tokens[j].start]) {
                j += 1;
            }
            if j - i >= 2 {
                let joined: Vec<char> = tokens[i..j]
                    .iter()
                    .flat_map(|t| t.folded.iter().copied())
                    .collect();
                if let Some(word) = self.lookup(&joined) {
                    hits.push(Hit {
                        word,
                        start: tokens[i].start,
                        end: tokens[j - 1].end,
                    });
                }
            }
            i = j;
        }

        // Pass 3: runs of single characters ("s h i t").
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i].chars != 1 {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < tokens.len() && tokens[j].chars == 1 && j - i < MAX_SPACED_RUN {
                j += 1;
            }
            for a in i..j {
                for b in (a + 2)..=j {
                    let joined: Vec<char> = tokens[a..b]
                        .iter()
                        .flat_map(|t| t.folded.iter().copied())
                        .collect();
                    if let Some(word) = self.lookup(&joined) {
                        hits.push(Hit {
                            word,
                            start: tokens[a].start,
                            end: tokens[b - 1].end,
                        });
                    }
                }
            }
            i = j.max(i + 1);
        }

        hits.sort_by_key(|h| (h.start, h.end, h.word));
        hits.dedup();
        hits
    }

    fn find_phrases(&self, tokens: &[Token], i: usize, hits: &mut Vec<Hit>) {
        for first in forms(&tokens[i]) {
            let Some(candidates) = self.phrases.get(&first.letters) else {
                continue;
            };
            for p in candidates {
                let n = p.tokens.len();
                if i + n > tokens.len() {
                    continue;
                }
                // "putang ina!" and "(putang ina)": any word may carry punctuation.
                let all = p
                    .tokens
                    .iter()
                    .zip(&tokens[i..i + n])
                    .all(|(want, have)| forms(have).iter().any(|f| f.covers(want)));
                if all {
                    hits.push(Hit {
                        word: p.word,
                        start: tokens[i].start,
                        end: tokens[i + n - 1].end,
                    });
                }
            }
        }
    }

    /// The dictionary words behind `hits`, deduplicated, in order of first appearance.
    pub fn words_for(&self, hits: &[Hit]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for h in hits {
            let w = &self.words[h.word].text;
            if !out.contains(w) {
                out.push(w.clone());
            }
        }
        out
    }

    /// The worst severity among `hits`.
    pub fn worst(&self, hits: &[Hit]) -> Option<Severity> {
        hits.iter().map(|h| self.words[h.word].severity).max()
    }
}

/// A token as runs, with and without its leading/trailing symbols.
fn forms(t: &Token) -> Vec<Runs> {
    let mut v = vec![Runs::encode(&t.folded)];
    if let Some(tr) = &t.trimmed {
        v.push(Runs::encode(tr));
    }
    v
}

fn expand(r: &Runs) -> Vec<char> {
    r.letters
        .chars()
        .zip(&r.counts)
        .flat_map(|(c, &n)| std::iter::repeat_n(c, usize::from(n)))
        .collect()
}

fn ends_with_vowel(r: &Runs) -> bool {
    r.letters.ends_with(['a', 'e', 'i', 'o', 'u'])
}

fn has_whitespace(s: &str) -> bool {
    s.is_empty() || s.chars().any(char::is_whitespace)
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    let push = |s: usize, e: usize, tokens: &mut Vec<Token>| {
        let raw = &text[s..e];
        // Plain numbers ("455") are numbers, not disguised words.
        if !wants_leet(raw) {
            return;
        }
        let folded = fold(raw, true);
        if folded.is_empty() {
            return;
        }
        let inner = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let trimmed = (inner.len() != raw.len() && !inner.is_empty()).then(|| fold(inner, true));
        tokens.push(Token {
            start: s,
            end: e,
            chars: folded.len(),
            folded,
            trimmed,
        });
    };
    for (i, c) in text.char_indices() {
        if is_wordish(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            push(s, i, &mut tokens);
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut tokens);
    }
    tokens
}

/// Replaces each matched word with its first letter and stars (`shit` -> `s***`).
pub fn mask(text: &str, hits: &[Hit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut covered = vec![false; text.len()];
    for h in hits {
        for flag in covered.iter_mut().take(h.end).skip(h.start) {
            *flag = true;
        }
    }
    let mut prev_covered = false;
    for (i, c) in text.char_indices() {
        let cov = covered[i] && is_wordish(c);
        if cov && prev_covered {
            out.push('*');
        } else {
            out.push(c);
        }
        prev_covered = if covered[i] {
            cov || prev_covered
        } else {
            false
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, language: Language, severity: Severity) -> Word {
        Word {
            id: 0,
            text: text.to_string(),
            language,
            severity,
            active: true,
        }
    }

    fn sample() -> Matcher {
        Matcher::new(vec![
            word("shit", Language::En, Severity::Severe),
            word("ass", Language::En, Severity::Moderate),
            word("cunt", Language::En, Severity::Severe),
            word("hell", Language::En, Severity::Mild),
            word("bitch", Language::En, Severity::Severe),
            word("putang ina", Language::Tl, Severity::Severe),
            word("gago", Language::Tl, Severity::Moderate),
            Word {
                active: false,
                ..word("darn", Language::En, Severity::Mild)
            },
        ])
    }

    fn found(m: &Matcher, text: &str) -> Vec<String> {
        m.words_for(&m.find(text))
    }

    #[test]
    fn catches_disguises() {
        let m = sample();
        for text in [
            "shit",
            "SHIT",
            "Shiiiiit",
            "sh1t",
            "$hit",
            "sh!t",
            "s.h.i.t",
            "s-h-i-t",
            "s h i t",
            "s_h_i_t",
            "sh.it",
            "ѕhіt",
            "ŝhít",
            "what the shit!",
            "(shit)",
            "sh\u{200b}it",
        ] {
            assert_eq!(found(&m, text), vec!["shit"], "{text:?}");
        }
        for text in ["ass", "@ss", "a$$", "@$$", "a55", "Ass!"] {
            assert_eq!(found(&m, text), vec!["ass"], "{text:?}");
        }
        assert_eq!(found(&m, "b!tch"), vec!["bitch"]);
        assert_eq!(found(&m, "b1tch"), vec!["bitch"]);
    }

    #[test]
    fn catches_phrases_joined_and_tagalog_linkers() {
        let m = sample();
        assert_eq!(found(&m, "putang ina mo"), vec!["putang ina"]);
        assert_eq!(found(&m, "PUTANGINA"), vec!["putang ina"]);
        assert_eq!(found(&m, "putang-ina"), vec!["putang ina"]);
        assert_eq!(found(&m, "Putang ina!"), vec!["putang ina"]);
        assert_eq!(found(&m, "(putang ina)"), vec!["putang ina"]);
        assert_eq!(found(&m, "putang 1na!!"), vec!["putang ina"]);
        assert_eq!(found(&m, "g@go"), vec!["gago"]);
        assert_eq!(found(&m, "gagong bata"), vec!["gago"]);
    }

    #[test]
    fn leaves_innocent_words_alone() {
        let m = sample();
        for text in [
            "class",
            "The class went to Scunthorpe.",
            "assassin",
            "passion",
            "grass",
            "bass",
            "as",
            "hello",
            "shell",
            "Shelly",
            "I scored 455 points",
            "Hancock",
            "bitchin",
            "cocktail",
            "hel",
            "Dickens",
            "leche flan",
            "putahe",
            "masaya ang pista",
            "a s",
            "a b c",
            "",
            "!!!",
            "$$$",
            "5555",
        ] {
            let hits = found(&m, text);
            assert!(hits.is_empty(), "{text:?} matched {hits:?}");
        }
    }

    #[test]
    fn inactive_words_do_not_match() {
        assert!(found(&sample(), "darn it").is_empty());
    }

    #[test]
    fn reports_ranges_for_masking() {
        let m = sample();
        let text = "You are a sh1t and @ss, ok?";
        let hits = m.find(text);
        assert_eq!(mask(text, &hits), "You are a s*** and @**, ok?");
        let text = "s.h.i.t happens";
        assert_eq!(mask(text, &m.find(text)), "s.*.*.* happens");
        assert_eq!(m.worst(&m.find("hell")), Some(Severity::Mild));
    }

    #[test]
    fn spaced_runs_are_bounded() {
        let m = sample();
        let long = "a ".repeat(10_000);
        assert!(m.find(&long).is_empty());
    }
}

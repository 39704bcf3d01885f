//! Whole-word and phrase matching over folded text.
//!
//! Three passes find a word however it is disguised, and each reports the byte range it covers
//! in the original text so callers can mask it:
//! 1. tokens: runs of letters, digits and leet symbols (`sh1t`, `@$$`, `damn!`), and phrases as
//!    consecutive tokens (`putang ina`);
//! 2. joined chunks: tokens separated only by joiners (`s.h.i.t`, `f_u_c_k`, `sh.it!`);
//! 3. spaced letters: runs of one-character tokens (`s h i t`, `s h 1 t`).
//!
//! Whole words only: `class`, `Scunthorpe` and `assassin` never match `ass` or `cunt`. An
//! allowlist of innocent phrases ("pussy cat", "Moby Dick") cancels matches inside them.

use std::collections::HashMap;

use super::normalize::{Runs, fold, is_joiner, is_wordish, readings, wants_leet};
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
    allow: Vec<Vec<Runs>>,
    /// Longest dictionary word in letters (bounds the spaced-letter window).
    longest: usize,
}

#[derive(Debug)]
struct Token {
    start: usize,
    end: usize,
    /// Folded letters (leet-mapped unless the token is a plain number).
    folded: Vec<char>,
    /// The same token with leading and trailing symbols removed (`damn!` -> `damn`).
    trimmed: Option<Vec<char>>,
    /// A plain number: never a word on its own, but part of `s h 1 t`.
    numeric: bool,
    chars: usize,
}

impl Matcher {
    /// Compiles the active words of a list, with phrases that cancel matches inside them.
    pub fn new(words: Vec<Word>) -> Matcher {
        Matcher::with_allowlist(words, super::starter::ALLOW)
    }

    /// Compiles the active words of a list and an allowlist.
    pub fn with_allowlist(words: Vec<Word>, allow: &[&str]) -> Matcher {
        let mut m = Matcher {
            words,
            ..Default::default()
        };
        for idx in 0..m.words.len() {
            if !m.words[idx].active {
                continue;
            }
            let text = m.words[idx].text.clone();
            let parts = split_runs(&text);
            m.longest = m.longest.max(
                parts
                    .iter()
                    .map(|r| r.counts.iter().map(|&c| usize::from(c)).sum::<usize>())
                    .sum(),
            );
            match parts.len() {
                0 => {}
                1 => {
                    let runs = parts.into_iter().next().unwrap_or_default();
                    // Tagalog joins words with a -ng linker: "gagong bata", "putang ina".
                    if m.words[idx].language == Language::Tl && ends_with_vowel(&runs) {
                        let mut linked = expand(&runs);
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
        m.allow = allow
            .iter()
            .map(|a| split_runs(a))
            .filter(|p| !p.is_empty())
            .collect();
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
        readings(folded).into_iter().find_map(|reading| {
            let runs = Runs::encode(&reading);
            self.singles
                .get(&runs.letters)?
                .iter()
                .find(|e| runs.covers(&e.runs))
                .map(|e| e.word)
        })
    }

    /// Every match in `text`, sorted by position, without duplicates.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        if self.singles.is_empty() || text.is_empty() {
            return hits;
        }
        let tokens = tokenize(text);

        // Pass 1: words and phrases.
        for (i, t) in tokens.iter().enumerate() {
            if t.numeric {
                continue;
            }
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

        // Pass 2: tokens glued by joiners ("s.h.i.t", "sh.it!").
        let mut i = 0;
        while i < tokens.len() {
            let mut j = i + 1;
            while j < tokens.len() && only_joiners(&text[tokens[j - 1].end..tokens[j].start]) {
                j += 1;
            }
            if j - i >= 2 {
                for trim in [false, true] {
                    let joined = join(&tokens[i..j], trim);
                    if let Some(word) = self.lookup(&joined) {
                        hits.push(Hit {
                            word,
                            start: tokens[i].start,
                            end: tokens[j - 1].end,
                        });
                        break;
                    }
                }
            }
            i = j;
        }

        // Pass 3: runs of single characters ("s h i t"), in a window as long as the longest word.
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i].chars != 1 {
                i += 1;
                continue;
            }
            let mut end = i;
            while end < tokens.len() && tokens[end].chars == 1 {
                end += 1;
            }
            for a in i..end {
                for b in (a + 2)..=end.min(a + self.longest) {
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
            i = end;
        }

        if !hits.is_empty() && !self.allow.is_empty() {
            let allowed = self.allowed_spans(&tokens);
            hits.retain(|h| !allowed.iter().any(|&(s, e)| s <= h.start && h.end <= e));
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
                if let Some(end) = phrase_at(&p.tokens, tokens, i) {
                    hits.push(Hit {
                        word: p.word,
                        start: tokens[i].start,
                        end,
                    });
                }
            }
        }
    }

    fn allowed_spans(&self, tokens: &[Token]) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        for i in 0..tokens.len() {
            for a in &self.allow {
                if let Some(end) = phrase_at(a, tokens, i) {
                    spans.push((tokens[i].start, end));
                }
            }
        }
        spans
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

    /// The severity of a hit's word.
    pub fn severity(&self, hit: &Hit) -> Severity {
        self.words[hit.word].severity
    }

    /// The worst severity among `hits`.
    pub fn worst(&self, hits: &[Hit]) -> Option<Severity> {
        hits.iter().map(|h| self.severity(h)).max()
    }
}

/// Does the phrase (as token runs) start at token `i`? Returns the end byte if so.
fn phrase_at(phrase: &[Runs], tokens: &[Token], i: usize) -> Option<usize> {
    let n = phrase.len();
    if i + n > tokens.len() {
        return None;
    }
    let all = phrase
        .iter()
        .zip(&tokens[i..i + n])
        .all(|(want, have)| forms(have).iter().any(|f| readings_cover(f, want)));
    all.then(|| tokens[i + n - 1].end)
}

fn readings_cover(text: &Runs, want: &Runs) -> bool {
    readings(&expand(text))
        .iter()
        .any(|r| Runs::encode(r).covers(want))
}

fn split_runs(text: &str) -> Vec<Runs> {
    text.split(|c: char| !is_wordish(c))
        .filter(|p| !p.is_empty())
        .map(|p| Runs::encode(&fold(p, wants_leet(p))))
        .filter(|r| !r.is_empty())
        .collect()
}

/// A token as runs, with and without its leading/trailing symbols.
fn forms(t: &Token) -> Vec<Runs> {
    let mut v = vec![Runs::encode(&t.folded)];
    if let Some(tr) = &t.trimmed {
        v.push(Runs::encode(tr));
    }
    v
}

/// Joins tokens' letters; with `trim`, the ends lose their symbols (`s.h.i.t!`).
fn join(tokens: &[Token], trim: bool) -> Vec<char> {
    let last = tokens.len() - 1;
    tokens
        .iter()
        .enumerate()
        .flat_map(|(k, t)| {
            let use_trimmed = trim && (k == 0 || k == last);
            match (&t.trimmed, use_trimmed) {
                (Some(tr), true) => tr.clone(),
                _ => t.folded.clone(),
            }
        })
        .collect()
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

fn only_joiners(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(is_joiner)
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    let push = |s: usize, e: usize, tokens: &mut Vec<Token>| {
        let raw = &text[s..e];
        // Plain numbers ("455") are not disguised words, but a lone digit can be a letter in
        // "s h 1 t" or "s.h.1.t", so they are kept, leet-mapped, and skipped in pass 1.
        let numeric = !wants_leet(raw);
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
            numeric,
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
        Matcher::with_allowlist(
            vec![
                word("shit", Language::En, Severity::Severe),
                word("ass", Language::En, Severity::Moderate),
                word("cunt", Language::En, Severity::Severe),
                word("hell", Language::En, Severity::Mild),
                word("bitch", Language::En, Severity::Severe),
                word("tits", Language::En, Severity::Severe),
                word("loser", Language::En, Severity::Mild),
                word("kill", Language::En, Severity::Moderate),
                word("pussy", Language::En, Severity::Severe),
                word("putang ina", Language::Tl, Severity::Severe),
                word("gago", Language::Tl, Severity::Moderate),
                Word {
                    active: false,
                    ..word("darn", Language::En, Severity::Mild)
                },
            ],
            &["pussy cat", "pussycat"],
        )
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
            "s.h.1.t",
            "s h 1 t",
            "5 h i t",
            "s.h.i.t!",
            "sh.it!",
            "what the s-h-i-t!!",
        ] {
            assert_eq!(found(&m, text), vec!["shit"], "{text:?}");
        }
        for text in ["ass", "@ss", "a$$", "@$$", "a55", "Ass!", "a 5 5"] {
            assert_eq!(found(&m, text), vec!["ass"], "{text:?}");
        }
        assert_eq!(found(&m, "b!tch"), vec!["bitch"]);
        assert_eq!(found(&m, "b1tch"), vec!["bitch"]);
        assert_eq!(found(&m, "k1ll"), vec!["kill"]);
        assert_eq!(found(&m, "ki11"), vec!["kill"]);
        // A word just past a long run of single letters is still inside the window.
        let long = format!("{}s h i t", "a ".repeat(23));
        assert_eq!(found(&m, &long), vec!["shit"]);
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
            "He'll come",
            "He’ll",
            "we'll",
            "tilts",
            "heli",
            "looser",
            "Room 1 2 3",
            "Pussy cat, pussy cat, where have you been?",
            "my pussycat",
            "shiit",
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

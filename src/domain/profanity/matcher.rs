//! Whole-word and phrase matching over folded text.
//!
//! Three passes find a word however it is disguised, and each reports the byte range it covers
//! in the original text so callers can mask it:
//! 1. tokens: runs of letters, digits, leet and masking symbols (`sh1t`, `@$$`, `f*ck`,
//!    `damn!`), and phrases as consecutive tokens (`putang ina`);
//! 2. joined chunks: tokens separated only by joiners, any symbol or emoji that is not a space
//!    (`s.h.i.t`, `f_u_c_k`, `f/u/c/k`, `sh.it!`), or by one apostrophe standing for dropped
//!    letters (`tang'na`);
//! 3. spaced letters: runs of one-character tokens (`s h i t`, `s h 1 t`).
//!
//! A token (or chunk) is a hit when one of these readings is a *form* of a listed word
//! ([`super::forms`]: the word itself, an English inflection, a Tagalog affixed form):
//! - its letters, with leet symbols read as letters and runs of a repeated letter allowed to
//!   stretch (`shiiiit`, `ffuucckk`, `$h1t`, `ѕhіt`);
//! - its letters with each symbol standing for any one letter (`f*ck`, `f#ck`, `s**t`), when
//!   real letters are at least half of it;
//! - its letters with some vowels dropped (`tngina`, `pksht`, `fckng`), for long words only;
//! - a run of glued words (`youarestupid`, `shitface`, `gagoka`): listed forms with short common
//!   words before or after them, found by dynamic programming over positions.
//!
//! Whole words only: `class`, `Scunthorpe` and `assassin` never match `ass` or `cunt`. An
//! allowlist of innocent phrases ("pussy cat", "Moby Dick") cancels matches inside them.

use std::collections::{HashMap, HashSet};

use super::forms::{self, INNOCENT, is_vowel, lang_bit};
use super::normalize::{
    ANY, Runs, WILD, fold, fold_masked, is_apostrophe, is_ignorable, is_joiner, is_mask_symbol,
    is_wordish, readings, wants_leet,
};
use super::{Language, Severity, Word};

// The readings past a plain lookup (affixes, masking, dropped vowels, glued words, sound-alike
// spellings) live in their own file; as a child module they share the matcher's private parts.
#[path = "disguises.rs"]
mod disguises;
use disguises::phonetic;

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

/// How a reading matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// The listed spelling (repeats, leet and look-alikes allowed).
    Exact,
    /// An inflected or affixed form of a listed word.
    Derived,
    /// Symbols standing for letters.
    Masked,
    /// Vowels dropped.
    Dropped,
    /// Glued to other words.
    Glued,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    word: usize,
    kind: Kind,
}

impl Found {
    /// Best first: the closest kind of match, then the longest listed word (`fuckers` is
    /// "fucker" inflected rather than "fuck"), then list order.
    fn key(&self, words: &[Word]) -> (Kind, std::cmp::Reverse<usize>, usize) {
        (
            self.kind,
            std::cmp::Reverse(words[self.word].text.len()),
            self.word,
        )
    }
}

#[derive(Debug)]
struct Form {
    runs: Runs,
    letters: Vec<char>,
    word: usize,
    kind: Kind,
    language: Language,
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
    forms: Vec<Form>,
    /// Run letters -> forms.
    by_runs: HashMap<String, Vec<usize>>,
    /// Length in letters -> forms (for masked readings).
    by_len: HashMap<usize, Vec<usize>>,
    /// Consonant skeleton -> forms that may be written without vowels.
    by_skeleton: HashMap<String, Vec<usize>>,
    phrases: HashMap<String, Vec<Phrase>>,
    allow: Vec<Vec<Runs>>,
    /// Filler words -> (languages it may precede, languages it may follow), as bits.
    fillers: HashMap<String, (u8, u8)>,
    innocent: HashSet<String>,
    /// Longest dictionary word in letters (bounds the spaced-letter window).
    longest: usize,
    /// Longest form in letters (bounds glued pieces).
    longest_form: usize,
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

/// Words with at least this many letters may be written with vowels dropped (`tngina`); shorter
/// ones only as a full consonant skeleton of four or more (`btch`).
const DROP_MIN_LETTERS: usize = 6;

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
        // Listed spellings first, so a listed word always wins over a form of another.
        let mut derived: Vec<(Vec<char>, usize, Language)> = Vec::new();
        for idx in 0..m.words.len() {
            if !m.words[idx].active {
                continue;
            }
            let text = m.words[idx].text.clone();
            let language = m.words[idx].language;
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
                    let letters = expand(&parts[0]);
                    let plain: String = letters.iter().collect();
                    let more = match language {
                        Language::En => forms::english(&plain),
                        Language::Tl => forms::tagalog(&plain),
                    };
                    derived.extend(
                        more.into_iter()
                            .map(|f| (f.chars().collect(), idx, language)),
                    );
                    m.add_form(letters, idx, Kind::Exact, language);
                }
                _ => {
                    // "putang ina" is also written "putangina".
                    let joined: Vec<char> = parts.iter().flat_map(expand).collect();
                    m.add_form(joined, idx, Kind::Exact, language);
                    let key = parts[0].letters.clone();
                    m.phrases.entry(key).or_default().push(Phrase {
                        tokens: parts,
                        word: idx,
                    });
                }
            }
        }
        for (letters, idx, language) in derived {
            m.add_form(letters, idx, Kind::Derived, language);
        }
        m.allow = allow
            .iter()
            .map(|a| split_runs(a))
            .filter(|p| !p.is_empty())
            .collect();
        m.fillers = forms::fillers()
            .into_iter()
            .map(|(w, pre, post)| (w.to_string(), (pre, post)))
            .collect();
        m.innocent = INNOCENT.iter().map(|s| s.to_string()).collect();
        m.compact();
        m
    }

    /// Gives back the slack the maps and lists grew while building: the matcher lives for the
    /// whole run and is most of the idle server's heap.
    fn compact(&mut self) {
        self.forms.shrink_to_fit();
        for f in &mut self.forms {
            f.letters.shrink_to_fit();
            f.runs.letters.shrink_to_fit();
            f.runs.counts.shrink_to_fit();
        }
        for list in self
            .by_runs
            .values_mut()
            .chain(self.by_len.values_mut())
            .chain(self.by_skeleton.values_mut())
        {
            list.shrink_to_fit();
        }
        self.by_runs.shrink_to_fit();
        self.by_len.shrink_to_fit();
        self.by_skeleton.shrink_to_fit();
        self.phrases.shrink_to_fit();
        self.fillers.shrink_to_fit();
        self.innocent.shrink_to_fit();
    }

    fn add_form(&mut self, letters: Vec<char>, word: usize, kind: Kind, language: Language) {
        if letters.is_empty() {
            return;
        }
        let runs = Runs::encode(&letters);
        if let Some(list) = self.by_runs.get(&runs.letters)
            && let Some(&same) = list.iter().find(|&&f| self.forms[f].runs == runs)
        {
            // One form, two words ("fuckers" from "fuck" and from "fucker"): keep the closer
            // kind, then the longer listed word.
            let old = &self.forms[same];
            let len = |w: usize| self.words[w].text.len();
            if (kind, std::cmp::Reverse(len(word))) < (old.kind, std::cmp::Reverse(len(old.word))) {
                let f = &mut self.forms[same];
                f.word = word;
                f.kind = kind;
                f.language = language;
            }
            return;
        }
        let idx = self.forms.len();
        self.longest_form = self.longest_form.max(letters.len());
        self.by_runs
            .entry(runs.letters.clone())
            .or_default()
            .push(idx);
        self.by_len.entry(letters.len()).or_default().push(idx);
        let skeleton: String = letters.iter().filter(|&&c| !is_vowel(c)).collect();
        let droppable = letters.iter().all(char::is_ascii_lowercase)
            && kind == Kind::Exact
            && (letters.len() >= DROP_MIN_LETTERS || skeleton.chars().count() >= 4)
            && skeleton.len() < letters.len();
        if droppable {
            self.by_skeleton.entry(skeleton).or_default().push(idx);
        }
        self.forms.push(Form {
            runs,
            letters,
            word,
            kind,
            language,
        });
    }

    fn better(&self, a: Option<Found>, b: Option<Found>) -> Option<Found> {
        match (a, b) {
            (Some(x), Some(y)) => Some(if y.key(&self.words) < x.key(&self.words) {
                y
            } else {
                x
            }),
            (x, None) => x,
            (None, y) => y,
        }
    }

    /// The word list this matcher was built from.
    pub fn words(&self) -> &[Word] {
        &self.words
    }

    /// Number of active words.
    pub fn active_count(&self) -> usize {
        self.words.iter().filter(|w| w.active).count()
    }

    /// The best form whose runs `runs` covers.
    fn form_for_runs(&self, runs: &Runs) -> Option<&Form> {
        self.by_runs
            .get(&runs.letters)?
            .iter()
            .map(|&f| &self.forms[f])
            .filter(|f| runs.covers(&f.runs))
            .min_by_key(|f| {
                (
                    f.kind,
                    std::cmp::Reverse(self.words[f.word].text.len()),
                    f.word,
                )
            })
    }

    /// Letters (with i-or-l wildcards) spelling a form: `shiiit`, `sh*t` read as `shit`/`shlt`.
    fn lookup(&self, folded: &[char]) -> Option<Found> {
        let mut best = None;
        for reading in readings(folded) {
            let runs = Runs::encode(&reading);
            if let Some(f) = self.form_for_runs(&runs) {
                best = self.better(
                    best,
                    Some(Found {
                        word: f.word,
                        kind: f.kind,
                    }),
                );
                if f.kind == Kind::Exact {
                    break;
                }
            }
        }
        if best.is_none() {
            best = self.lookup_prefixed(folded);
        }
        best
    }

    /// The best reading of a raw token or chunk.
    fn classify(&self, raw: &str) -> Option<Found> {
        let inner = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let mut best = self.classify_one(raw);
        if inner.len() != raw.len()
            && !inner.is_empty()
            && best.is_none_or(|b| b.kind != Kind::Exact)
        {
            best = self.better(best, self.classify_one(inner));
        }
        best
    }

    fn classify_one(&self, raw: &str) -> Option<Found> {
        let folded = fold(raw, true);
        if folded.is_empty() {
            return None;
        }
        let masked = raw.chars().any(is_mask_symbol);
        let mut best = None;
        if masked {
            best = self.lookup_masked(raw);
        }
        if best.is_none_or(|b| b.kind != Kind::Exact) {
            let plain = self.lookup(&folded);
            // A hidden letter is what the writer meant: `f*cking` is "fucking", not "fck"
            // inflected, unless the symbols-dropped reading is a listed spelling.
            if best.is_none() || plain.is_some_and(|p| p.kind == Kind::Exact) {
                best = plain.or(best);
            }
        }
        if best.is_none() && !masked {
            best = self.lookup_masked(raw);
        }
        if best.is_none() && raw.chars().any(|c| !c.is_alphanumeric()) {
            // Symbols used as separators inside one token: `f|u|c|k`, `f*u*c*k`.
            let letters = fold(raw, false);
            if letters.len() >= 3 && letters.iter().all(|c| c.is_alphabetic()) {
                best = self.lookup(&letters);
            }
        }
        if best.is_none() {
            best = self.lookup_dropped(&folded);
        }
        if best.is_none() {
            let plain = readings(&folded).into_iter().next().unwrap_or_default();
            best = self.lookup_glued(&plain);
        }
        if best.is_none() {
            // Sound-alike spellings: `phuck`, `fvck`, `fxck`, `fuq`, `pvta`.
            let plain = readings(&folded).into_iter().next().unwrap_or_default();
            if let Some(sounds) = phonetic(&plain) {
                best = self
                    .lookup(&sounds)
                    .filter(|f| matches!(f.kind, Kind::Exact | Kind::Derived));
            }
        }
        let found = best?;
        if found.kind != Kind::Exact {
            let plain: String = fold(raw, false).into_iter().collect();
            if self.innocent.contains(&plain) {
                return None;
            }
        }
        Some(found)
    }

    /// Every match in `text`, sorted by position, without duplicates.
    ///
    /// Bidi controls are invisible to matching. Text after a right-to-left override or isolate
    /// (U+202E, U+2067) is shown reversed, so that span is also read backwards: a reader sees
    /// "fuck" where the text stores "\u{202E}kcuf".
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits = self.find_plain(text);
        for (span_start, span_end) in reversed_spans(text) {
            // The span's characters backwards, each remembering its place in `text`.
            let mut reversed = String::new();
            let mut origin: Vec<(usize, usize)> = Vec::new();
            for (at, c) in text[span_start..span_end].char_indices().rev() {
                let start = span_start + at;
                for _ in 0..c.len_utf8() {
                    origin.push((start, start + c.len_utf8()));
                }
                reversed.push(c);
            }
            for h in self.find_plain(&reversed) {
                let (Some(first), Some(last)) = (origin.get(h.start), origin.get(h.end - 1)) else {
                    continue;
                };
                hits.push(Hit {
                    word: h.word,
                    start: last.0.min(first.0),
                    end: first.1.max(last.1),
                });
            }
        }
        hits.sort_by_key(|h| (h.start, h.end, h.word));
        hits.dedup();
        hits
    }

    fn find_plain(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        if self.forms.is_empty() || text.is_empty() {
            return hits;
        }
        let tokens = tokenize(text);

        // Pass 1: words and phrases.
        for (i, t) in tokens.iter().enumerate() {
            if t.numeric {
                continue;
            }
            if let Some(found) = self.classify(&text[t.start..t.end]) {
                hits.push(Hit {
                    word: found.word,
                    start: t.start,
                    end: t.end,
                });
            }
            self.find_phrases(&tokens, i, &mut hits);
        }

        // Pass 1b: a word split in two by a space ("pak yu", "bull shit"): two short tokens that
        // together spell a listed word of five or more letters, and are not one word repeated
        // ("pok pok" is a sound).
        for w in tokens.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            if a.numeric || b.numeric || a.chars > 4 || b.chars > 4 || a.folded == b.folded {
                continue;
            }
            if text[a.end..b.start] != *" " {
                continue;
            }
            let joined: Vec<char> = a.folded.iter().chain(&b.folded).copied().collect();
            if joined.len() >= 5
                && joined.iter().all(|c| c.is_alphabetic())
                && let Some(found) = self.lookup(&joined).filter(|f| f.kind == Kind::Exact)
                && !hits.iter().any(|h| h.start <= a.start && b.end <= h.end)
            {
                hits.push(Hit {
                    word: found.word,
                    start: a.start,
                    end: b.end,
                });
            }
        }

        // Pass 2: tokens glued by joiners ("s.h.i.t", "sh.it!"), or split by one apostrophe
        // standing for dropped letters ("tang'na").
        let mut i = 0;
        while i < tokens.len() {
            let mut j = i + 1;
            let mut apostrophe = false;
            while j < tokens.len() {
                let gap = &text[tokens[j - 1].end..tokens[j].start];
                if only_joiners(gap) {
                    j += 1;
                } else if is_one_apostrophe(gap) {
                    apostrophe = true;
                    j += 1;
                } else {
                    break;
                }
            }
            if j - i >= 2 && !tokens[i..j].iter().all(|t| t.numeric) {
                let joined: String = tokens[i..j].iter().map(|t| &text[t.start..t.end]).collect();
                if let Some(found) = self.classify(&joined) {
                    let letters = fold(&joined, true).len();
                    // "he'll" is two words; an apostrophe marks dropped letters only when the
                    // reading needs them, or when the joined word is long.
                    let tail = fold(&text[tokens[j - 1].start..tokens[j - 1].end], false);
                    let contraction = matches!(
                        tail.iter().collect::<String>().as_str(),
                        "s" | "t" | "d" | "m" | "re" | "ve" | "ll" | "nt"
                    );
                    let ok = !apostrophe
                        || found.kind == Kind::Dropped
                        || (found.kind != Kind::Glued && letters >= 5 && !contraction);
                    if ok {
                        hits.push(Hit {
                            word: found.word,
                            start: tokens[i].start,
                            end: tokens[j - 1].end,
                        });
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
                    if let Some(found) = self.lookup(&joined) {
                        hits.push(Hit {
                            word: found.word,
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
        for first in forms_of(&tokens[i]) {
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

/// A short hint of a listed word that does not spell it out: its first letter and one star per
/// remaining letter (`shit` -> `s***`, `putang ina` -> `p***** ***`).
pub fn hint(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut first = true;
    for c in word.chars() {
        if c.is_whitespace() {
            out.push(' ');
        } else if first {
            out.push(c);
            first = false;
        } else {
            out.push('*');
        }
    }
    out
}

/// Byte ranges shown right-to-left: from U+202E (override) or U+2067 (isolate) to the matching
/// U+202C / U+2069, a line break, or the end of the text.
fn reversed_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match (c, open) {
            ('\u{202E}' | '\u{2067}', None) => open = Some(at + c.len_utf8()),
            ('\u{202C}' | '\u{2069}' | '\n', Some(s)) => {
                spans.push((s, at));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        spans.push((s, text.len()));
    }
    spans.retain(|&(s, e)| s < e);
    spans
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
        .all(|(want, have)| forms_of(have).iter().any(|f| readings_cover(f, want)));
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
fn forms_of(t: &Token) -> Vec<Runs> {
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

fn only_joiners(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| is_joiner(c) || is_ignorable(c))
}

fn is_one_apostrophe(gap: &str) -> bool {
    let mut chars = gap.chars();
    chars.next().is_some_and(is_apostrophe) && chars.next().is_none()
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
#[path = "matcher_tests.rs"]
mod tests;

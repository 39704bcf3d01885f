//! Finding personal contact details in text a child writes for others to see.
//!
//! Story titles, page text, comments, chat, bios and names are checked for phone numbers,
//! e-mail addresses, links, social-media handles and street addresses, so the app can refuse
//! them kindly ("Keep your phone number and home address secret").
//!
//! The text is first folded (`fold`): compatibility decomposition (full-width and
//! mathematical digits, circled numbers, `＠`), accents and hidden characters dropped, other
//! scripts' decimal digits mapped to `0`–`9`, look-alike Cyrillic and Greek letters mapped to
//! Latin, dashes and dots unified, lower case. Every folded character remembers the byte range
//! of the original character it came from, so findings can be highlighted in the original.
//!
//! The folded text is cut into tokens (runs of letters and digits, and single symbols) and each
//! detector works on the tokens by principle rather than by example:
//! - phone: a run of digit units (numerals, digit and number words in English, Tagalog,
//!   Cebuano and Spanish-Filipino, look-alike letters, Chinese numerals, dates and times) joined
//!   by any symbols, a blank line or short connector words ("then", "and"). A run that spells a
//!   Philippine mobile (09…, 9…, 639…) is a phone whatever its surface; otherwise it needs seven
//!   digits and must not be a date, a time, counting, a true sum, a list of small numbers, a page
//!   list, a formatted number, a decimal, a year range or round numbers (`phone.rs`).
//! - e-mail: user, an "at" (`@`, `at`, `(at)`, `[at]`), then a domain ending in a known top-level
//!   domain or a known mail provider, with "dot" spelled in any of the same ways.
//! - link: a scheme (`http://`), `www`, or labels joined by dots ending in a top-level domain.
//!   Top-level domains that are also words (`me`, `to`, `in`) only count with a path or a known
//!   site; spaced or spelled-out dots only with unmistakable ones (`com`, `net`, `org`, `ph`).
//! - handle: `@name`, `name#1234`, or contact intent around a platform name ("follow me on ig",
//!   "my ig is", "IG: name", "sa fb ko").
//! - address: a house number, up to three name words and a street word ("12 Rizal St"),
//!   address words with numbers ("Blk 5 Lot 12", "Purok 3", "Apt 4B"), or saying where one lives
//!   ("I live on Mabini Street", "nakatira ako sa Purok 2"), directions from a landmark ("near
//!   the church on Mabini"), a street with a house number after it ("kalye Mabini bilang 12"),
//!   and naming one's own school ("I'm in Grade 2 at Rizal Elementary School") (`places.rs`).

mod address;
mod email;
mod fold;
mod handle;
mod link;
mod numbers;
mod phone;
mod places;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_table;

use address::*;
use email::*;
use fold::*;
use handle::*;
use link::*;
use numbers::*;
use phone::*;
use places::*;

/// What kind of personal detail was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Phone,
    Email,
    Link,
    Handle,
    Address,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Phone => "phone",
            Kind::Email => "email",
            Kind::Link => "link",
            Kind::Handle => "handle",
            Kind::Address => "address",
        }
    }

    /// Which kind names a merged finding when two overlap.
    fn rank(self) -> u8 {
        match self {
            Kind::Email => 5,
            Kind::Phone => 4,
            Kind::Link => 3,
            Kind::Handle => 2,
            Kind::Address => 1,
        }
    }
}

/// One finding: its kind and its byte range in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// Every personal detail in `text`, sorted by position and not overlapping.
pub fn find(text: &str) -> Vec<Detail> {
    let norm = normalize(text);
    let toks = tokenize(&norm);
    let mut hits = Vec::new();
    find_phones(&toks, &mut hits);
    find_addresses(&toks, &mut hits);
    find_street_numbers(&toks, &mut hits);
    find_schools(&toks, &mut hits);
    let mut spans = char_spans(&hits, &toks);
    // Letters spaced out ("g m a i l . c o m") are read as words for names and domains.
    let joined = join_split_words(&join_spaced_letters(&toks));
    hits.clear();
    find_emails(&joined, &mut hits);
    find_links(&joined, &mut hits);
    find_handles(&joined, &mut hits);
    spans.extend(char_spans(&hits, &joined));

    let mut details: Vec<Detail> = spans
        .into_iter()
        .filter_map(|(kind, cs, ce)| {
            let start = norm.map.get(cs)?.0;
            let end = norm.map.get(ce.checked_sub(1)?)?.1;
            (start < end).then_some(Detail { kind, start, end })
        })
        .collect();
    details.sort_by_key(|d| (d.start, d.end));
    let mut merged: Vec<Detail> = Vec::with_capacity(details.len());
    for d in details {
        match merged.last_mut() {
            Some(last) if d.start < last.end => {
                last.end = last.end.max(d.end);
                if d.kind.rank() > last.kind.rank() {
                    last.kind = d.kind;
                }
            }
            _ => merged.push(d),
        }
    }
    merged
}

/// The kind of the first personal detail in `text`, if any.
pub fn first(text: &str) -> Option<Kind> {
    find(text).first().map(|d| d.kind)
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone)]
struct Tok {
    /// Folded character range.
    s: usize,
    e: usize,
    /// Folded text (one character for a symbol).
    text: String,
    /// Set for a symbol token.
    sym: Option<char>,
    /// Whitespace comes before this token.
    gap: bool,
    /// How many line breaks come before this token.
    nl: usize,
    /// The first letter was upper case in the original.
    cap: bool,
    /// Every letter was upper case in the original (and there are at least two).
    allcap: bool,
    /// An upper-case letter follows a lower-case one ("CoolKid").
    camel: bool,
}

impl Tok {
    fn is_word(&self) -> bool {
        self.sym.is_none()
    }
    fn word(&self, w: &str) -> bool {
        self.sym.is_none() && self.text == w
    }
    fn word_in(&self, list: &[&str]) -> bool {
        self.sym.is_none() && list.contains(&self.text.as_str())
    }
    fn is(&self, c: char) -> bool {
        self.sym == Some(c)
    }
    fn is_numeral(&self) -> bool {
        self.sym.is_none() && self.text.bytes().all(|b| b.is_ascii_digit())
    }
    fn has_digit(&self) -> bool {
        self.text.bytes().any(|b| b.is_ascii_digit())
    }
}

fn tokenize(norm: &Norm) -> Vec<Tok> {
    let chars = &norm.chars;
    let mut toks = Vec::new();
    let mut i = 0;
    let mut gap = false;
    let mut nl = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            gap = true;
            if c == '\n' {
                nl += 1;
            }
            i += 1;
            continue;
        }
        let s = i;
        let (text, sym) = if c.is_alphanumeric() {
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            (chars[s..i].iter().collect::<String>(), None)
        } else {
            i += 1;
            (c.to_string(), Some(c))
        };
        toks.push(Tok {
            s,
            e: i,
            text,
            sym,
            gap,
            nl,
            cap: norm.upper[s],
            allcap: i - s >= 2 && (s..i).all(|k| norm.upper[k] || !norm.chars[k].is_alphabetic()),
            camel: (s + 1..i)
                .any(|k| norm.upper[k] && !norm.upper[k - 1] && chars[k - 1].is_alphabetic()),
        });
        gap = false;
        nl = 0;
    }
    toks
}

/// Findings as folded character ranges.
fn char_spans(hits: &[Hit], toks: &[Tok]) -> Vec<(Kind, usize, usize)> {
    hits.iter()
        .filter(|h| h.ts < h.te && h.te <= toks.len())
        .map(|h| (h.kind, toks[h.ts].s, toks[h.te - 1].e))
        .collect()
}

/// Joins three or more one-character words separated by single spaces into one word
/// ("j u a n" -> "juan", "w w w" -> "www").
fn join_spaced_letters(toks: &[Tok]) -> Vec<Tok> {
    let single = |t: &Tok| t.is_word() && t.text.chars().count() == 1;
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let mut j = i + 1;
        if single(&toks[i]) {
            while j < toks.len() && single(&toks[j]) && toks[j].gap && toks[j].nl == 0 {
                j += 1;
            }
        }
        if j - i >= 3 {
            let mut t = toks[i].clone();
            t.e = toks[j - 1].e;
            t.text = toks[i..j].iter().map(|t| t.text.as_str()).collect();
            out.push(t);
        } else {
            out.extend(toks[i..j].iter().cloned());
        }
        i = j;
    }
    out
}

/// Names of sites and mail providers written as two words ("tik tok", "gee mail").
const SPLIT_NAMES: &[(&[&str], &str, &str)] = &[
    (&["gee", "g", "ji", "gi"], "mail", "gmail"),
    (&["hot"], "mail", "hotmail"),
    (&["tik", "tic"], "tok", "tiktok"),
    (&["face"], "book", "facebook"),
    (&["you"], "tube", "youtube"),
    (&["insta"], "gram", "instagram"),
    (&["snap"], "chat", "snapchat"),
    (&["whats", "what"], "app", "whatsapp"),
    (&["dis"], "cord", "discord"),
    (&["rob"], "lox", "roblox"),
    (&["i"], "cloud", "icloud"),
];

/// Platform names with digits for letters ("d1scord", "r0blox", "1nsta").
fn unleet(w: &str) -> Option<&'static str> {
    if !w.bytes().any(|b| b.is_ascii_digit()) || !w.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let plain: String = w
        .chars()
        .map(|c| match c {
            '0' => 'o',
            '1' => 'i',
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            '7' => 't',
            '8' => 'b',
            _ => c,
        })
        .collect();
    let plain_l = plain.replace('i', "l");
    handle::SOCIAL
        .iter()
        .chain(handle::GAMES)
        .chain(link::PROVIDERS)
        .find(|&&p| p.len() >= 4 && (p == plain || p == plain_l))
        .copied()
}

/// Joins platform and provider names split in two ("tik tok") or disguised with digits.
fn join_split_words(toks: &[Tok]) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let mut skip = 1;
        let mut joined = None;
        for &(firsts, second, whole) in SPLIT_NAMES {
            if t.word_in(firsts) {
                // "tik tok", "tik-tok", "gee-mail"
                let mut j = i + 1;
                if toks.get(j).is_some_and(|n| n.is('-') && !n.gap) {
                    j += 1;
                }
                if toks.get(j).is_some_and(|n| n.word(second) && n.nl == 0) {
                    joined = Some((whole, toks[j].e));
                    skip = j + 1 - i;
                    break;
                }
            }
        }
        let mut t = t.clone();
        if let Some((whole, e)) = joined {
            t.text = whole.to_string();
            t.e = e;
        } else if let Some(plain) = unleet(&t.text) {
            t.text = plain.to_string();
        }
        out.push(t);
        i += skip;
    }
    out
}

/// A finding in token indices `[ts, te)`.
struct Hit {
    kind: Kind,
    ts: usize,
    te: usize,
}

fn glued(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| !t.gap)
}

/// Ends a sentence: `.`, `!`, `?` followed by a capital, or a line break.
fn sentence_break(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return true };
    if t.nl > 0 {
        return true;
    }
    matches!(t.sym, Some('!' | '?' | ';'))
        || (t.is('.')
            && toks
                .get(i + 1)
                .is_none_or(|n| n.gap && (n.cap || !n.is_word())))
}

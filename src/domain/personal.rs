//! Finding personal contact details in text a child writes for others to see.
//!
//! Story titles, page text, comments, chat, bios and names are checked for phone numbers,
//! e-mail addresses, links, social-media handles and street addresses, so the app can refuse
//! them kindly ("Keep your phone number and home address secret").
//!
//! The text is first folded ([`normalize`]): compatibility decomposition (full-width and
//! mathematical digits, circled numbers, `＠`), accents and hidden characters dropped, other
//! scripts' decimal digits mapped to `0`–`9`, look-alike Cyrillic and Greek letters mapped to
//! Latin, dashes and dots unified, lower case. Every folded character remembers the byte range
//! of the original character it came from, so findings can be highlighted in the original.
//!
//! The folded text is cut into tokens (runs of letters and digits, and single symbols) and each
//! detector works on the tokens by principle rather than by example:
//! - phone: a run of digit units (numerals, digit words in English, Tagalog and Spanish-Filipino,
//!   numerals with `O`/`l`/`I` standing in for digits) joined only by separators, with at least
//!   seven digits, unless the run is a date, a time, counting (an arithmetic sequence), a list
//!   of small numbers, a number with thousands separators, a decimal, a year range or
//!   round numbers.
//! - e-mail: user, an "at" (`@`, `at`, `(at)`, `[at]`), then a domain ending in a known top-level
//!   domain or a known mail provider, with "dot" spelled in any of the same ways.
//! - link: a scheme (`http://`), `www`, or labels joined by dots ending in a top-level domain.
//!   Top-level domains that are also words (`me`, `to`, `in`) only count with a path or a known
//!   site; spaced or spelled-out dots only with unmistakable ones (`com`, `net`, `org`, `ph`).
//! - handle: `@name`, `name#1234`, or contact intent around a platform name ("follow me on ig",
//!   "my ig is", "IG: name", "sa fb ko").
//! - address: a house number, up to three name words and a street word ("12 Rizal St"),
//!   address words with numbers ("Blk 5 Lot 12", "Purok 3", "Apt 4B"), or saying where one lives
//!   ("I live on Mabini Street", "nakatira ako sa Purok 2").

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

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
    let mut spans = char_spans(&hits, &toks);
    // Letters spaced out ("g m a i l . c o m") are read as words for names and domains.
    let joined = join_spaced_letters(&toks);
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
// Folding

struct Norm {
    chars: Vec<char>,
    /// The folded character came from an upper-case letter.
    upper: Vec<bool>,
    /// Byte range of the original character each folded character came from.
    map: Vec<(usize, usize)>,
}

/// Code points of the digit zero in scripts whose digits run 0–9 consecutively and are not
/// folded by compatibility decomposition.
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16B50, 0x1D7CE, 0x1D7D8,
    0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

fn unicode_digit(c: char) -> Option<char> {
    let cp = c as u32;
    if c.is_ascii_digit() || cp < 0x0660 {
        return None;
    }
    DIGIT_ZEROS
        .iter()
        .find(|&&z| cp >= z && cp < z + 10)
        .and_then(|&z| char::from_digit(cp - z, 10))
}

/// Characters that change nothing visible: zero-width spaces and joiners, bidi controls,
/// soft hyphens, variation selectors, fillers.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Maps one decomposed character to the folded alphabet (before lower-casing).
fn fold_char(c: char) -> char {
    if let Some(d) = unicode_digit(c) {
        return d;
    }
    match c {
        '\u{2010}'..='\u{2015}'
        | '\u{2212}'
        | '\u{2043}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{FF0D}'
        | '\u{30FC}' => '-',
        '\u{3002}' | '\u{FF61}' | '\u{00B7}' | '\u{2022}' | '\u{2219}' | '\u{2024}'
        | '\u{30FB}' | '\u{FF65}' | '\u{0387}' => '.',
        '\u{2044}' | '\u{2215}' | '\u{FF0F}' => '/',
        '\u{FE6B}' | '\u{FF20}' => '@',
        '\u{FF0C}' | '\u{3001}' | '\u{060C}' => ',',
        // Cyrillic and Greek look-alikes, both cases.
        'а' | 'А' | 'α' | 'Α' => 'a',
        'в' | 'В' | 'β' | 'Β' => 'b',
        'е' | 'Е' | 'ё' | 'Ё' | 'ε' | 'Ε' => 'e',
        'к' | 'К' | 'κ' | 'Κ' => 'k',
        'м' | 'М' | 'Μ' => 'm',
        'н' | 'Н' | 'Η' => 'h',
        'о' | 'О' | 'ο' | 'Ο' => 'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
        'с' | 'С' | 'ϲ' => 'c',
        'т' | 'Т' | 'τ' | 'Τ' => 't',
        'у' | 'У' | 'γ' => 'y',
        'х' | 'Х' | 'χ' | 'Χ' => 'x',
        'і' | 'І' | 'ι' | 'Ι' | 'ӏ' | 'Ӏ' => 'i',
        'ѕ' | 'Ѕ' => 's',
        'ј' | 'Ј' => 'j',
        'ԁ' => 'd',
        'ν' | 'Ν' => 'v',
        'Ζ' => 'z',
        'ɡ' => 'g',
        'ℓ' => 'l',
        _ => c,
    }
}

fn normalize(text: &str) -> Norm {
    let mut norm = Norm {
        chars: Vec::with_capacity(text.len()),
        upper: Vec::with_capacity(text.len()),
        map: Vec::with_capacity(text.len()),
    };
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        if c == '\n' || c == '\r' {
            if c == '\n' {
                norm.chars.push('\n');
                norm.upper.push(false);
                norm.map.push((start, end));
            }
            continue;
        }
        if c.is_whitespace() {
            norm.chars.push(' ');
            norm.upper.push(false);
            norm.map.push((start, end));
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        decompose_compatible(c, |d| {
            if is_combining_mark(d) || is_invisible(d) {
                return;
            }
            let d = fold_char(d);
            let upper = d.is_uppercase();
            if d.is_whitespace() {
                norm.chars.push(' ');
                norm.upper.push(false);
                norm.map.push((start, end));
                return;
            }
            for l in d.to_lowercase() {
                norm.chars.push(l);
                norm.upper.push(upper);
                norm.map.push((start, end));
            }
        });
    }
    norm
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

// ---------------------------------------------------------------------------------------------
// Phone numbers

/// The digit a word stands for, and whether the word is only a digit inside a run (`o`, `oh`).
fn digit_word(w: &str) -> Option<(char, bool)> {
    let d = match w {
        "o" | "oh" => return Some(('0', true)),
        "zero" | "sero" | "cero" | "ziro" => '0',
        "one" | "isa" | "uno" | "wan" => '1',
        "two" | "dalawa" | "dos" => '2',
        "three" | "tatlo" | "tres" | "tri" => '3',
        "four" | "apat" | "kwatro" | "kuwatro" | "cuatro" | "quatro" => '4',
        "five" | "lima" | "singko" | "sinko" | "cinco" => '5',
        "six" | "anim" | "sais" | "seis" => '6',
        "seven" | "pito" | "syete" | "siyete" | "siete" => '7',
        "eight" | "walo" | "otso" | "ocho" => '8',
        "nine" | "siyam" | "nuwebe" | "nueve" | "nwebe" => '9',
        _ => return None,
    };
    Some((d, false))
}

/// Splits a word written without spaces into digit words ("ninefiveone"), when it is nothing
/// but at least two of them.
fn split_digit_words(w: &str) -> Option<String> {
    if w.len() < 6 || w.len() > 160 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    // Dynamic programming over byte positions: best[i] = digits for w[..i].
    let n = w.len();
    let mut best: Vec<Option<String>> = vec![None; n + 1];
    best[0] = Some(String::new());
    for i in 0..n {
        let Some(prefix) = best[i].clone() else {
            continue;
        };
        for len in 3..=7 {
            if i + len > n || best[i + len].is_some() {
                continue;
            }
            if let Some((d, false)) = w.get(i..i + len).and_then(digit_word) {
                let mut s = prefix.clone();
                s.push(d);
                best[i + len] = Some(s);
            }
        }
    }
    best[n].take().filter(|s| s.len() >= 2)
}

/// Digits in a numeral where `o` stands for 0 and `l`/`i` for 1 ("O9l7").
fn glyph_digits(w: &str) -> Option<String> {
    let real = w.bytes().filter(u8::is_ascii_digit).count();
    let letters = w.len() - real;
    if letters == 0 || real < 2 || letters > real || !w.is_ascii() {
        return None;
    }
    w.chars()
        .map(|c| match c {
            '0'..='9' => Some(c),
            'o' => Some('0'),
            'l' | 'i' => Some('1'),
            _ => None,
        })
        .collect()
}

#[derive(Debug)]
struct Unit {
    ts: usize,
    te: usize,
    digits: String,
    /// Written with digits (not words).
    numeral: bool,
    /// `o` / `oh`: a zero only between other digits.
    weak: bool,
    /// Separator characters before this unit (`' '` for whitespace).
    sep: String,
}

fn unit_at(toks: &[Tok], i: usize, blocked: &[bool]) -> Option<Unit> {
    let t = toks.get(i)?;
    if blocked[i] || !t.is_word() {
        return None;
    }
    let unit = |te: usize, digits: String, numeral: bool, weak: bool| Unit {
        ts: i,
        te,
        digits,
        numeral,
        weak,
        sep: String::new(),
    };
    if t.is_numeral() {
        return Some(unit(i + 1, t.text.clone(), true, false));
    }
    if let Some(d) = glyph_digits(&t.text) {
        return Some(unit(i + 1, d, true, false));
    }
    if let Some((d, weak)) = digit_word(&t.text) {
        return Some(unit(i + 1, d.to_string(), false, weak));
    }
    if t.word_in(&["double", "triple", "dobol", "tripol"]) {
        let times = if t.text.starts_with('d') { 2 } else { 3 };
        let next = toks.get(i + 1)?;
        if blocked[i + 1] {
            return None;
        }
        let digit = match digit_word(&next.text) {
            Some((d, false)) if next.is_word() => d,
            _ if next.is_numeral() && next.text.len() == 1 => next.text.chars().next()?,
            _ => return None,
        };
        return Some(unit(i + 2, digit.to_string().repeat(times), false, false));
    }
    split_digit_words(&t.text).map(|d| unit(i + 1, d, false, false))
}

const PHONE_SEPS: &[char] = &[
    '.', '-', '/', '(', ')', '+', ',', '_', '*', '~', '|', ':', '[', ']', '\'', '"', '=', '>', '<',
    '{', '}',
];

/// Marks numerals that form a date (`2025-12-03`, `12/03/2025`) or a time (`3:30`, `10:15:00`),
/// which are never part of a phone number.
fn date_time_tokens(toks: &[Tok]) -> Vec<bool> {
    let mut blocked = vec![false; toks.len()];
    let num = |i: usize| toks.get(i).is_some_and(Tok::is_numeral);
    let val = |i: usize| toks[i].text.parse::<u32>().unwrap_or(u32::MAX);
    let len = |i: usize| toks[i].text.len();
    let sym_glued = |i: usize, c: char| toks.get(i).is_some_and(|t| t.is(c) && !t.gap);
    for i in 0..toks.len() {
        if !num(i) || blocked[i] {
            continue;
        }
        // Time: h:mm or h:mm:ss.
        if len(i) <= 2
            && val(i) <= 24
            && sym_glued(i + 1, ':')
            && num(i + 2)
            && glued(toks, i + 2)
            && len(i + 2) == 2
            && val(i + 2) <= 59
        {
            let mut end = i + 3;
            if sym_glued(end, ':') && num(end + 1) && glued(toks, end + 1) && len(end + 1) == 2 {
                end += 2;
            }
            blocked[i..end].iter_mut().for_each(|b| *b = true);
            continue;
        }
        // Date: three numerals joined by the same one of - / . without spaces.
        for sep in ['-', '/', '.'] {
            if !(sym_glued(i + 1, sep)
                && num(i + 2)
                && glued(toks, i + 2)
                && sym_glued(i + 3, sep)
                && num(i + 4)
                && glued(toks, i + 4))
            {
                continue;
            }
            let extended_after = sym_glued(i + 5, sep) && num(i + 6) && glued(toks, i + 6);
            let extended_before = i >= 2 && sym_glued(i - 1, sep) && num(i - 2) && !toks[i].gap;
            if extended_after || extended_before {
                continue;
            }
            let (a, b, c) = (i, i + 2, i + 4);
            let day_month = |x: usize, y: usize| {
                len(x) <= 2
                    && len(y) <= 2
                    && (1..=31).contains(&val(x))
                    && (1..=31).contains(&val(y))
                    && (val(x) <= 12 || val(y) <= 12)
            };
            let year4 = |x: usize| len(x) == 4 && (1000..=2999).contains(&val(x));
            let is_date =
                (year4(a) && day_month(b, c)) || (day_month(a, b) && (year4(c) || len(c) == 2));
            if is_date {
                blocked[i..i + 5].iter_mut().for_each(|b| *b = true);
            }
        }
    }
    blocked
}

fn find_phones(toks: &[Tok], hits: &mut Vec<Hit>) {
    let blocked = date_time_tokens(toks);
    let mut i = 0;
    while i < toks.len() {
        let Some(first) = unit_at(toks, i, &blocked) else {
            i += 1;
            continue;
        };
        let mut end = first.te;
        let mut run = vec![first];
        loop {
            let mut k = end;
            let mut sep = String::new();
            while let Some(t) = toks.get(k) {
                match t.sym {
                    Some(c) if PHONE_SEPS.contains(&c) && sep.len() < 8 && t.nl < 2 => {
                        if t.gap {
                            sep.push(' ');
                        }
                        sep.push(c);
                        k += 1;
                    }
                    _ => break,
                }
            }
            let Some(t) = toks.get(k) else { break };
            if t.nl >= 2 {
                break;
            }
            if t.gap {
                sep.push(' ');
            }
            let Some(mut next) = unit_at(toks, k, &blocked) else {
                break;
            };
            next.sep = sep;
            end = next.te;
            run.push(next);
        }
        // Weak zeros only count between other digits.
        while run.last().is_some_and(|u| u.weak) {
            run.pop();
        }
        let lead = run.iter().take_while(|u| u.weak).count();
        run.drain(..lead);
        if let (Some(a), Some(b)) = (run.first(), run.last())
            && is_phone(&run, a.ts > 0 && toks[a.ts - 1].is('+'))
        {
            let mut ts = a.ts;
            while ts > 0 && toks[ts - 1].sym.is_some_and(|c| c == '+' || c == '(') {
                ts -= 1;
            }
            let mut te = b.te;
            if toks.get(te).is_some_and(|t| t.is(')') && !t.gap) {
                te += 1;
            }
            hits.push(Hit {
                kind: Kind::Phone,
                ts,
                te,
            });
        }
        i = end.max(i + 1);
    }
}

fn is_phone(run: &[Unit], plus: bool) -> bool {
    let digits: String = run.iter().map(|u| u.digits.as_str()).collect();
    let total = digits.len();
    if total < 7 {
        return false;
    }
    let bytes = digits.as_bytes();
    // Key mashing: one repeated digit, or 1234567… / 9876543….
    if bytes.iter().all(|&b| b == bytes[0])
        || bytes
            .windows(2)
            .all(|w| (w[0] - b'0' + 1) % 10 == w[1] - b'0')
        || bytes
            .windows(2)
            .all(|w| (w[1] - b'0' + 1) % 10 == w[0] - b'0')
    {
        return false;
    }
    let all_numerals = run.iter().all(|u| u.numeral);
    let lead_zero = |u: &Unit| u.digits.len() > 1 && u.digits.starts_with('0');
    let seps: Vec<&str> = run.iter().skip(1).map(|u| u.sep.trim()).collect();
    if all_numerals && !lead_zero(&run[0]) {
        // A big round number: 1000000, 2500000.
        if run.len() == 1 && run[0].digits.ends_with("0000") {
            return false;
        }
        // Thousands separators, optionally with decimals: 1,000,000 / 1,234,567.89 / 1.000.000
        for (tsep, dsep) in [(",", "."), (".", ",")] {
            let groups_ok = run.len() >= 2 && run[0].digits.len() <= 3;
            let mut ok = groups_ok;
            for (n, u) in run.iter().enumerate().skip(1) {
                let s = seps[n - 1];
                let last = n == run.len() - 1;
                if s == tsep && u.digits.len() == 3 {
                    continue;
                }
                if last && n >= 2 && s == dsep {
                    continue;
                }
                ok = false;
            }
            if ok {
                return false;
            }
        }
        // A list of small numbers with commas: 1, 5, 10, 20 / scores 21-19, 15-21.
        if run.iter().all(|u| u.digits.len() <= 3 && !lead_zero(u))
            && seps.iter().any(|s| s.contains(','))
        {
            return false;
        }
        // Small numbers, some of two digits: "4 8 15 16 23 42", test marks "98 97 99".
        if !plus
            && run.iter().all(|u| u.digits.len() <= 2 && !lead_zero(u))
            && run.iter().filter(|u| u.digits.len() == 2).count() >= 2
            && !run.iter().any(|u| u.sep.contains('+'))
        {
            return false;
        }
        // Round numbers: 100 200 500 1000.
        if run.len() >= 2
            && run
                .iter()
                .all(|u| !lead_zero(u) && (u.digits.ends_with("00") || u.digits == "0"))
        {
            return false;
        }
    }
    if all_numerals && run.len() == 2 {
        // A decimal: 3.14159265
        if seps[0] == "."
            && (run[0].digits == "0" || !lead_zero(&run[0]))
            && run[0].digits.len() <= 3
        {
            return false;
        }
        // A year range: 1999-2025
        let year = |u: &Unit| u.digits.len() == 4 && matches!(u.digits.as_bytes()[0], b'1' | b'2');
        if year(&run[0]) && year(&run[1]) {
            return false;
        }
    }
    // ISBN: 978-3-16-148410-0
    if all_numerals
        && total == 13
        && (digits.starts_with("978") || digits.starts_with("979"))
        && seps.iter().all(|s| *s == "-")
    {
        return false;
    }
    // Counting: the numbers (ignoring `o` meaning "or") form an arithmetic sequence.
    let values: Vec<u64> = run
        .iter()
        .filter(|u| !u.weak)
        .filter_map(|u| u.digits.parse::<u64>().ok())
        .collect();
    if values.len() >= 3 && run.iter().all(|u| u.digits.len() <= 6) {
        let step = values[1] as i128 - values[0] as i128;
        if step != 0
            && values
                .windows(2)
                .all(|w| w[1] as i128 - w[0] as i128 == step)
        {
            return false;
        }
    }
    true
}

// ---------------------------------------------------------------------------------------------
// Domains: links and e-mail

/// Top-level domains counted after a dot with no spaces ("site.com").
const TLDS: &[&str] = &[
    "com", "net", "org", "ph", "io", "co", "ly", "xyz", "info", "biz", "edu", "gov", "app", "dev",
    "uk", "au", "ca", "jp", "kr", "sg", "ru", "de", "fr", "es", "nl", "tk", "ml", "ga", "cf", "gq",
    "cn", "hk", "tw", "nz", "id", "th", "vn", "br", "mx", "ar", "pl", "se", "ch", "eu", "site",
    "online", "club", "pro", "tech", "blog", "link", "xxx", "mil", "int", "asia", "website",
    "space", "click", "icu", "vip", "cc", "ws", "tt", "gl", "sh", "lol", "uwu",
];

/// Top-level domains that are also words: a link only with a path, `www`, a scheme or a known
/// site name ("t.me/name", "youtu.be/x", "instagram.me").
const WORD_TLDS: &[&str] = &[
    "me", "tv", "us", "in", "to", "at", "is", "it", "be", "do", "go", "so", "no", "am", "my", "fm",
    "ai", "la", "sa", "na", "live", "fun", "top", "shop", "store", "page", "news", "art", "cat",
    "one", "gg", "today", "world", "games", "game", "media", "video", "chat", "email", "social",
];

/// Top-level domains counted after a spaced or spelled-out dot ("google . com", "dot com").
const SPACED_TLDS: &[&str] = &[
    "com", "net", "org", "ph", "io", "xyz", "edu", "gov", "biz", "ly", "info",
];

/// Site names that make a word-like top-level domain a link.
const KNOWN_SITES: &[&str] = &[
    "youtube",
    "youtu",
    "facebook",
    "fb",
    "instagram",
    "instagr",
    "ig",
    "tiktok",
    "vm",
    "vt",
    "twitter",
    "discord",
    "discordapp",
    "roblox",
    "twitch",
    "reddit",
    "snapchat",
    "t",
    "wa",
    "bit",
    "tinyurl",
    "google",
    "goo",
    "linktr",
    "linktree",
    "telegram",
    "tg",
    "m",
    "wattpad",
    "gmail",
    "yahoo",
    "messenger",
    "viber",
    "whatsapp",
    "kik",
    "ask",
    "tumblr",
    "pinterest",
    "spotify",
    "soundcloud",
    "github",
    "blogspot",
    "wordpress",
    "wix",
    "weebly",
    "carrd",
];

/// Mail providers: "name at gmail" is an address even without ".com".
const PROVIDERS: &[&str] = &[
    "gmail",
    "googlemail",
    "yahoo",
    "ymail",
    "hotmail",
    "outlook",
    "icloud",
    "proton",
    "protonmail",
    "aol",
    "live",
    "msn",
    "mail",
    "rocketmail",
    "yandex",
    "gmx",
    "zoho",
];

/// A dot between domain labels: `.`, `dot`, `(dot)`, `[dot]`, `tuldok`. Returns the index after
/// it and whether it was spaced or spelled out.
fn dot_at(toks: &[Tok], i: usize) -> Option<(usize, bool)> {
    let t = toks.get(i)?;
    if t.is('.') {
        let next = toks.get(i + 1)?;
        if next.gap && next.cap {
            return None; // "at home. Net ball is fun."
        }
        return Some((i + 1, t.gap || next.gap));
    }
    if t.word_in(&["dot", "dat", "tuldok", "punto"]) {
        return Some((i + 1, true));
    }
    let close = closer(t.sym?)?;
    let mid = toks.get(i + 1)?;
    if (mid.word_in(&["dot", "dat", "tuldok", "punto"]) || mid.is('.'))
        && toks.get(i + 2)?.is(close)
    {
        return Some((i + 3, true));
    }
    None
}

fn closer(open: char) -> Option<char> {
    match open {
        '(' => Some(')'),
        '[' => Some(']'),
        '{' => Some('}'),
        '<' => Some('>'),
        _ => None,
    }
}

/// An "at" between user and domain: `@`, `at`, `(at)`, `[@]`. Returns the index after it and
/// whether it was the `@` sign.
fn at_at(toks: &[Tok], i: usize) -> Option<(usize, bool)> {
    let t = toks.get(i)?;
    if t.is('@') {
        return Some((i + 1, true));
    }
    if t.word_in(&["at", "arroba"]) {
        return Some((i + 1, false));
    }
    let close = closer(t.sym?)?;
    let mid = toks.get(i + 1)?;
    if (mid.word_in(&["at", "arroba"]) || mid.is('@')) && toks.get(i + 2)?.is(close) {
        return Some((i + 3, true));
    }
    None
}

/// A domain label: a word, with words joined by `-` or `_` without spaces.
fn label_at(toks: &[Tok], i: usize) -> Option<usize> {
    if !toks.get(i)?.is_word() {
        return None;
    }
    let mut end = i + 1;
    while end < i + 24
        && toks
            .get(end)
            .is_some_and(|t| (t.is('-') || t.is('_')) && !t.gap)
        && toks.get(end + 1).is_some_and(|t| t.is_word() && !t.gap)
    {
        end += 2;
    }
    Some(end)
}

struct Domain {
    /// Token index after the domain.
    end: usize,
    /// Index of the first label.
    start: usize,
    labels: Vec<String>,
}

/// The longest domain starting at `i` whose last label is a top-level domain (or that starts
/// with `www`). `mail` also accepts a bare mail provider ("name at gmail").
fn domain_at(toks: &[Tok], i: usize, mail: bool) -> Option<Domain> {
    let mut end = label_at(toks, i)?;
    let mut labels = vec![toks[i].text.clone()];
    // ends[k] = end of label k; spaced[k] = the dot before label k was spaced or spelled.
    let mut ends = vec![end];
    let mut spaced = vec![false];
    while labels.len() < 8 {
        let Some((after, sp)) = dot_at(toks, end) else {
            break;
        };
        let Some(label_end) = label_at(toks, after) else {
            break;
        };
        labels.push(toks[after].text.clone());
        spaced.push(sp);
        ends.push(label_end);
        end = label_end;
    }
    let www = labels[0] == "www";
    for k in (2..=labels.len()).rev() {
        let tld = labels[k - 1].as_str();
        let any_spaced = spaced[1..k].iter().any(|&s| s);
        let path = toks.get(ends[k - 1]).is_some_and(|t| t.is('/') && !t.gap);
        let known = labels[..k - 1]
            .iter()
            .any(|l| KNOWN_SITES.contains(&l.as_str()) || PROVIDERS.contains(&l.as_str()));
        let ok = if any_spaced {
            SPACED_TLDS.contains(&tld) || www || (known && TLDS.contains(&tld))
        } else {
            TLDS.contains(&tld)
                || (WORD_TLDS.contains(&tld) && (path || known || www || mail))
                || (www && tld.chars().all(char::is_alphabetic))
        };
        if ok {
            return Some(Domain {
                end: ends[k - 1],
                start: i,
                labels: labels[..k].to_vec(),
            });
        }
    }
    if mail && PROVIDERS.contains(&labels[0].as_str()) {
        return Some(Domain {
            end: ends[0],
            start: i,
            labels: vec![labels[0].clone()],
        });
    }
    None
}

/// Extends a link over a path glued to it ("/watch?v=x"), leaving off closing punctuation.
fn path_end(toks: &[Tok], mut end: usize) -> usize {
    // "youtube dot com slash luna"
    if toks.get(end).is_some_and(|t| t.word("slash")) && toks.get(end + 1).is_some_and(Tok::is_word)
    {
        return end + 2;
    }
    if !toks
        .get(end)
        .is_some_and(|t| !t.gap && matches!(t.sym, Some('/' | ':' | '?' | '#')))
    {
        return end;
    }
    let mut last_good = end;
    while toks.get(end).is_some_and(|t| !t.gap) {
        if !matches!(
            toks[end].sym,
            Some('.' | ',' | '!' | '?' | ')' | '"' | '\'')
        ) {
            last_good = end + 1;
        }
        end += 1;
    }
    last_good
}

fn find_links(toks: &[Tok], hits: &mut Vec<Hit>) {
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // A scheme: http:// https:// hxxp://
        if t.word_in(&["http", "https", "hxxp", "hxxps", "ftp", "www"])
            && toks.get(i + 1).is_some_and(|t| t.is(':'))
            && toks.get(i + 2).is_some_and(|t| t.is('/'))
        {
            let mut end = i + 3;
            while toks.get(end).is_some_and(|t| t.is('/')) {
                end += 1;
            }
            if let Some(d) = domain_at(toks, end, false) {
                end = d.end;
            } else {
                while toks.get(end).is_some_and(|t| !t.gap) {
                    end += 1;
                }
            }
            let end = path_end(toks, end);
            hits.push(Hit {
                kind: Kind::Link,
                ts: i,
                te: end.max(i + 3),
            });
            i = end.max(i + 1);
            continue;
        }
        // "www roblox com", "youtube com", "lunastories dotcom"
        if t.is_word() && (t.word("www") || t.word_in(KNOWN_SITES)) {
            let mut j = i + 1;
            if t.word("www") && toks.get(j).is_some_and(|t| t.is_word() && !t.word_in(TLDS)) {
                j += 1;
            }
            if (j > i + 1 || t.word_in(KNOWN_SITES))
                && toks.get(j).is_some_and(|t| t.word_in(SPACED_TLDS) && t.gap)
            {
                hits.push(Hit {
                    kind: Kind::Link,
                    ts: i,
                    te: j + 1,
                });
                i = j + 1;
                continue;
            }
        }
        if t.is_word() && glued_tld(&t.text).is_some() && i > 0 && toks[i - 1].is_word() {
            hits.push(Hit {
                kind: Kind::Link,
                ts: i - 1,
                te: i + 1,
            });
            i += 1;
            continue;
        }
        // A domain, not starting inside a longer one.
        let inside = i > 0 && !t.gap && matches!(toks[i - 1].sym, Some('.' | '-' | '_' | '@'));
        if t.is_word()
            && !inside
            && let Some(d) = domain_at(toks, i, false)
        {
            let end = path_end(toks, d.end);
            hits.push(Hit {
                kind: Kind::Link,
                ts: i,
                te: end,
            });
            i = end;
            continue;
        }
        i += 1;
    }
}

/// Start of the user part of an e-mail address ending just before `at`: a word, with words
/// joined by `.`, `_`, `-`, `+` without spaces.
fn local_start(toks: &[Tok], at: usize) -> Option<usize> {
    let mut s = at.checked_sub(1)?;
    if !toks[s].is_word() {
        return None;
    }
    let mut steps = 0;
    while s >= 2 && steps < 6 {
        let glued_join = !toks[s].gap
            && toks[s - 1]
                .sym
                .is_some_and(|c| matches!(c, '.' | '_' | '-' | '+'))
            && !toks[s - 1].gap;
        let spelled_dot = toks[s - 1].word_in(&["dot", "underscore"]);
        if (glued_join || spelled_dot) && toks[s - 2].is_word() {
            s -= 2;
            steps += 1;
        } else {
            break;
        }
    }
    Some(s)
}

/// Words that come before "at" in ordinary sentences.
const AT_VERBS: &[&str] = &[
    "look", "looked", "looking", "looks", "me", "us", "them", "him", "stay", "stayed", "play",
    "played", "meet", "see", "check", "am", "here", "there", "out", "arrive", "arrived", "stop",
    "stopped", "stared", "smiled", "laughed", "pointed", "waved", "school", "home", "work", "sat",
    "sit", "good", "bad", "best", "great", "even", "not", "only", "just",
];

/// The top-level domain of a word like "dotcom" / "dotph".
fn glued_tld(w: &str) -> Option<&str> {
    w.strip_prefix("dot").filter(|t| SPACED_TLDS.contains(t))
}

fn find_emails(toks: &[Tok], hits: &mut Vec<Hit>) {
    for i in 0..toks.len() {
        // user (at) domain
        if let Some((after, sign)) = at_at(toks, i) {
            let local = local_start(toks, i);
            if let Some(d) = domain_at(toks, after, true) {
                let provider = d.labels.iter().any(|l| PROVIDERS.contains(&l.as_str()));
                // "look at mygame.xyz" is a link; "juan at school.edu" an address.
                let plain_word = local.is_some_and(|l| {
                    l + 1 == i && (toks[l].word_in(STOP) || toks[l].word_in(AT_VERBS))
                });
                // "juan at gmail" ends there; "worked at Yahoo for years" goes on.
                let ends_here = toks.get(d.end).is_none_or(|t| !t.is_word());
                let spelled_ok = sign
                    || (d.labels.len() >= 2 && (provider || !plain_word))
                    || (provider && !plain_word && ends_here);
                if spelled_ok && (local.is_some() || (sign && (provider || d.labels.len() >= 2))) {
                    hits.push(Hit {
                        kind: Kind::Email,
                        ts: local.unwrap_or(i),
                        te: d.end.max(d.start + 1),
                    });
                }
            }
        }
        // user atgmail dotcom
        if let Some(rest) = toks[i].text.strip_prefix("at")
            && toks[i].is_word()
            && PROVIDERS.contains(&rest)
            && rest != "live"
            && rest != "mail"
            && i > 0
            && toks[i - 1].is_word()
        {
            let mut te = i + 1;
            if toks.get(te).is_some_and(|t| glued_tld(&t.text).is_some()) {
                te += 1;
            }
            hits.push(Hit {
                kind: Kind::Email,
                ts: i - 1,
                te,
            });
        }
        // user gmail com / user gmail.com
        if toks[i].word_in(PROVIDERS)
            && !toks[i].word("live")
            && !toks[i].word("mail")
            && i > 0
            && toks[i - 1].is_word()
            && !toks[i - 1].word_in(&["my", "the", "a", "sa", "ang", "use", "uses", "in", "on"])
        {
            let mut j = i + 1;
            if let Some((after, _)) = dot_at(toks, j) {
                j = after;
            }
            if toks.get(j).is_some_and(|t| t.word_in(SPACED_TLDS)) {
                let ts = local_start(toks, i).unwrap_or(i - 1);
                hits.push(Hit {
                    kind: Kind::Email,
                    ts,
                    te: j + 1,
                });
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Handles

/// Apps where people can be found by name.
const SOCIAL: &[&str] = &[
    "ig",
    "insta",
    "instagram",
    "fb",
    "facebook",
    "tiktok",
    "snap",
    "snapchat",
    "discord",
    "messenger",
    "viber",
    "whatsapp",
    "telegram",
    "twitter",
    "youtube",
    "yt",
    "twitch",
    "kik",
    "wechat",
    "skype",
    "threads",
    "tumblr",
    "pinterest",
    "wattpad",
    "reddit",
    "ttk",
    "tg",
];

/// Games with player names: a handle only with "name", "username", "id" or a name-like word.
const GAMES: &[&str] = &[
    "roblox",
    "minecraft",
    "fortnite",
    "steam",
    "psn",
    "xbox",
    "genshin",
    "ml",
    "mlbb",
    "codm",
    "valorant",
    "brawl",
    "freefire",
    "ff",
    "pubg",
    "among",
];

/// Words naming an account.
const ID_WORDS: &[&str] = &[
    "username",
    "user",
    "ign",
    "uid",
    "gamertag",
    "handle",
    "acc",
    "account",
    "usern",
    "screenname",
    "id",
    "name",
    "pangalan",
];

const ID_HEADS: &[&str] = &["username", "ign", "uid", "gamertag", "handle", "screenname"];

/// A name-like word: has a digit or underscore, or is followed by one.
fn namey(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.is_word()
            && (t.has_digit()
                || (toks
                    .get(i + 1)
                    .is_some_and(|n| !n.gap && matches!(n.sym, Some('_' | '.' | '#')))
                    && toks.get(i + 2).is_some_and(|n| !n.gap && n.is_word())))
    })
}

/// End of a user name starting at `i` (words joined by `_`, `.`, `-`, `#`), if there is one.
fn name_end(toks: &[Tok], i: usize) -> Option<usize> {
    let mut i = i;
    if toks.get(i).is_some_and(|t| t.is('@')) {
        i += 1;
    }
    if !toks.get(i)?.is_word() {
        return None;
    }
    let mut end = i + 1;
    while end < i + 40 {
        let joined = toks
            .get(end)
            .is_some_and(|t| !t.gap && matches!(t.sym, Some('_' | '.' | '-' | '#')));
        if joined && toks.get(end + 1).is_some_and(|t| t.is_word() && !t.gap) {
            end += 2;
        } else if toks.get(end).is_some_and(|t| t.is('_') && !t.gap) {
            end += 1;
        } else {
            break;
        }
    }
    Some(end)
}

fn find_handles(toks: &[Tok], hits: &mut Vec<Hit>) {
    let n = toks.len();
    let push = |hits: &mut Vec<Hit>, ts: usize, te: usize| {
        hits.push(Hit {
            kind: Kind::Handle,
            ts,
            te,
        })
    };
    for i in 0..n {
        let t = &toks[i];
        // @name
        let underscored = toks.get(i + 1).is_some_and(|n| n.is('_') && !n.gap)
            && toks.get(i + 2).is_some_and(|n| n.is_word() && !n.gap);
        if t.is('@') && underscored {
            let end = name_end(toks, i + 2).unwrap_or(i + 3);
            push(hits, i, end);
        }
        if t.is('@') && toks.get(i + 1).is_some_and(|n| n.is_word() && !n.gap) {
            let word = &toks[i + 1].text;
            let time_like = word
                .trim_end_matches(['a', 'p', 'm'])
                .bytes()
                .all(|b| b.is_ascii_digit());
            let letters = word.chars().any(char::is_alphabetic);
            if (word.chars().count() >= 2 && letters && !time_like) || word.len() >= 4 {
                let end = name_end(toks, i + 1).unwrap_or(i + 2);
                push(hits, i, end);
            }
        }
        // name#1234 (Discord tag)
        if t.is('#')
            && !t.gap
            && i > 0
            && toks[i - 1].is_word()
            && toks[i - 1].text.chars().any(char::is_alphabetic)
            && toks
                .get(i + 1)
                .is_some_and(|n| !n.gap && n.is_numeral() && n.text.len() == 4)
        {
            push(hits, i - 1, i + 2);
        }
        if !t.is_word() {
            continue;
        }
        let social = t.word_in(SOCIAL);
        let game = t.word_in(GAMES);
        let x = t.word("x");
        let id_head = t.word_in(ID_HEADS);
        // (me|ako) [up] (on|in|at|sa|via) PLATFORM — "follow me on ig", "i-add mo ako sa fb"
        if (social || game || x)
            && i >= 2
            && toks[i - 1].word_in(&["on", "in", "at", "sa", "via", "thru", "through", "@"])
        {
            let me = (i.saturating_sub(4)..i - 1)
                .rev()
                .find(|&k| toks[k].word_in(&["me", "ako", "kami", "us", "mi"]));
            if let Some(k) = me
                && toks[k + 1..i - 1]
                    .iter()
                    .all(|t| t.word_in(&["up", "lang", "na", "po", "nalang", "nlng", "rin", "din"]))
            {
                let end = after_platform(toks, i);
                push(hits, k, end);
                continue;
            }
        }
        // follow my PLATFORM / subscribe to my youtube
        if (social || game)
            && i >= 2
            && toks[i - 1].word_in(&["my", "our"])
            && toks[i.saturating_sub(4)..i - 1].iter().any(|t| {
                t.word_in(&[
                    "follow",
                    "subscribe",
                    "sub",
                    "add",
                    "visit",
                    "like",
                    "check",
                    "watch",
                    "message",
                    "msg",
                    "dm",
                    "pm",
                ])
            })
        {
            let end = name_end(toks, i + 1).filter(|_| {
                toks.get(i + 1)
                    .is_some_and(|t| t.word_in(&["channel", "page", "account", "acc"]))
            });
            push(hits, i - 1, end.unwrap_or(i + 1));
            continue;
        }
        // add me: name
        if t.word_in(&["add", "follow", "dm", "message", "msg", "pm", "text"])
            && toks
                .get(i + 1)
                .is_some_and(|n| n.word_in(&["me", "ako", "us"]))
            && toks.get(i + 2).is_some_and(|n| n.is(':'))
            && let Some(end) = name_end(toks, i + 3)
        {
            push(hits, i, end);
            continue;
        }
        // PLATFORM ko — "sa fb ko", "ig ko: luna"
        if (social || game)
            && toks
                .get(i + 1)
                .is_some_and(|n| n.word_in(&["ko", "namin", "ni"]))
            && ((i > 0 && toks[i - 1].word("sa"))
                || toks
                    .get(i + 2)
                    .is_some_and(|n| n.is(':') || n.is('@') || n.word_in(&["ay", "is", "si"]))
                || namey(toks, i + 2))
        {
            let start = if i > 0 && toks[i - 1].word("sa") {
                i - 1
            } else {
                i
            };
            let end = after_platform(toks, i + 1);
            push(hits, start, end.max(i + 2));
            continue;
        }
        // PLATFORM user: name / PLATFORM username is name
        if (social || game)
            && toks.get(i + 1).is_some_and(|n| n.word_in(ID_WORDS))
            && toks
                .get(i + 2)
                .is_some_and(|n| n.is(':') || n.is('=') || n.word_in(&["is", "ay"]))
            && let Some(end) = name_end(toks, i + 3)
        {
            push(hits, i, end);
            continue;
        }
        // PLATFORM: name / username: name
        if (social || game || x || id_head)
            && toks
                .get(i + 1)
                .is_some_and(|n| matches!(n.sym, Some(':' | '=' | '-' | '>')))
            && toks.get(i + 2).is_some_and(|n| n.is_word() || n.is('@'))
            && (social || id_head || namey(toks, i + 2) || toks[i + 2].is('@'))
            && !(x && !namey(toks, i + 2) && !toks[i + 2].is('@'))
        {
            let end = name_end(toks, i + 2).unwrap_or(i + 3);
            push(hits, i, end);
            continue;
        }
        // my PLATFORM [name|username|id] is NAME / my username is NAME
        if (social || game || id_head || t.word_in(ID_WORDS))
            && i > 0
            && toks[i - 1].word_in(&["my", "our", "mine", "aking"])
        {
            let mut j = i + 1;
            let mut named = id_head;
            while toks.get(j).is_some_and(|t| t.word_in(ID_WORDS)) && j < i + 3 {
                named = true;
                j += 1;
            }
            let generic_name = !social && !game && !id_head;
            if generic_name {
                // "my name is Luna" is fine; "my account is ..." too vague alone.
                continue;
            }
            if toks
                .get(j)
                .is_some_and(|t| t.word_in(&["is", "ay", ":", "="]) || t.is(':') || t.is('='))
                && toks.get(j + 1).is_some()
                && (social || named || namey(toks, j + 1) || toks[j + 1].is('@'))
            {
                let end = name_end(toks, j + 1).unwrap_or(j + 2);
                push(hits, i - 1, end);
                continue;
            }
        }
        // username is NAME (no "my")
        if id_head
            && toks
                .get(i + 1)
                .is_some_and(|n| n.word_in(&["is", "ay", "ko"]))
            && let Some(end) = name_end(toks, i + 2)
        {
            push(hits, i, end);
        }
    }
}

/// End of a platform mention, including a name after `:` or "is" / "ay".
fn after_platform(toks: &[Tok], i: usize) -> usize {
    let mut j = i + 1;
    if toks
        .get(j)
        .is_some_and(|t| t.is(':') || t.word_in(&["is", "ay", "="]))
    {
        j += 1;
        if let Some(e) = name_end(toks, j) {
            return e;
        }
        return j;
    }
    j
}

// ---------------------------------------------------------------------------------------------
// Street addresses

/// Street words that follow a street name ("Rizal Street", "Mabini St.").
const STREET_AFTER: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "av",
    "lane",
    "ln",
    "drive",
    "dr",
    "boulevard",
    "blvd",
    "highway",
    "hwy",
    "kalye",
    "calle",
    "subdivision",
    "subd",
    "village",
    "vill",
    "homes",
    "compound",
    "cmpd",
    "extension",
    "ext",
    "heights",
    "hts",
    "residences",
    "street.",
    "strt",
    "str",
    "avenida",
    "crescent",
    "cres",
    "terrace",
    "terr",
    "parkway",
    "pkwy",
    "circle",
    "cir",
    "alley",
    "daan",
];

/// Abbreviations that never mean anything else in a story.
const STREET_ABBR: &[&str] = &[
    "st", "rd", "ave", "av", "ln", "blvd", "hwy", "subd", "cmpd", "ext", "hts", "strt", "str",
    "pkwy", "cres", "terr", "cir",
];

/// Words that say "this is where I live" with a number after them.
const PRE_STRONG: &[&str] = &[
    "blk", "purok", "apt", "brgy", "bgy", "bldg", "condo", "sitio",
];

/// Address words that need a second one nearby ("Block 5 Lot 12 Phase 3").
const PRE_WEAK: &[&str] = &[
    "block",
    "lot",
    "phase",
    "unit",
    "floor",
    "flr",
    "building",
    "tower",
    "zone",
    "house",
    "barangay",
    "no",
    "number",
    "street",
    "st",
    "avenue",
    "road",
    "ph",
    "door",
    "bahay",
    "apartment",
];

/// Words that are not part of a street name.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "but", "to", "on", "in", "at", "by", "for", "with",
    "from", "into", "onto", "over", "under", "past", "through", "down", "up", "along", "across",
    "near", "is", "was", "are", "were", "be", "my", "our", "your", "his", "her", "their", "its",
    "this", "that", "these", "those", "big", "little", "small", "tiny", "long", "way", "one",
    "ways", "more", "than", "then", "went", "go", "goes", "walked", "ran", "crossed", "cross",
    "miles", "mile", "km", "meters", "steps", "blocks", "times", "ang", "ng", "sa", "mga", "na",
    "ay", "si", "ni", "kay", "nasa", "at", "ko", "mo", "we", "they", "he", "she", "it", "i", "you",
    "who", "lived", "live", "lives", "very", "so", "too", "all", "every", "each", "cars", "kids",
    "people", "dogs", "cats",
];

/// Number words for house numbers ("twelve Rizal Street").
fn cardinal_word(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "isa"
            | "dalawa"
            | "tatlo"
            | "apat"
            | "lima"
            | "anim"
            | "pito"
            | "walo"
            | "siyam"
            | "sampu"
    )
}

/// A house number at `i`: `12`, `12b`, `#12`, `no. 12`, `twelve`. Returns its end.
fn house_number(toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if t.is('#') {
        let n = toks.get(i + 1)?;
        return (n.is_numeral() && !n.gap).then_some(i + 2);
    }
    if t.word_in(&["no", "num", "number", "numero"]) {
        let mut j = i + 1;
        if toks.get(j).is_some_and(|t| t.is('.')) {
            j += 1;
        }
        let n = toks.get(j)?;
        return n.is_numeral().then_some(j + 1);
    }
    if !t.is_word() {
        return None;
    }
    let text = t.text.as_str();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 5 {
        let rest = &text[digits..];
        // 12, 12b, 12-b (not ordinals like 5th)
        if rest.is_empty() || (rest.len() == 1 && rest != "s") {
            let mut end = i + 1;
            if toks.get(end).is_some_and(|t| t.is('-') && !t.gap)
                && toks
                    .get(end + 1)
                    .is_some_and(|t| !t.gap && t.text.len() <= 2)
            {
                end += 2;
            }
            return Some(end);
        }
        return None;
    }
    if cardinal_word(text) {
        let mut end = i + 1;
        while toks
            .get(end)
            .is_some_and(|t| t.is_word() && cardinal_word(&t.text))
            && end < i + 4
        {
            end += 1;
        }
        return Some(end);
    }
    None
}

/// A number after an address word ("Lot 12", "Purok 3", "Apt 4B", "Blk. 5").
fn pre_number(toks: &[Tok], i: usize) -> Option<usize> {
    let mut j = i + 1;
    if toks
        .get(j)
        .is_some_and(|t| t.is('.') || t.is('#') || t.is(':'))
    {
        j += 1;
    }
    if toks
        .get(j)
        .is_some_and(|t| t.word_in(&["no", "number", "num"]))
    {
        j += 1;
        if toks.get(j).is_some_and(|t| t.is('.')) {
            j += 1;
        }
    }
    let t = toks.get(j)?;
    let digits = t.text.bytes().take_while(u8::is_ascii_digit).count();
    if t.is_word() && digits > 0 && digits <= 5 && t.text.len() - digits <= 1 {
        return Some(j + 1);
    }
    if t.is_word() && cardinal_word(&t.text) && !t.word("isa") {
        return Some(j + 1);
    }
    None
}

/// Words that show a place is a home address when they follow "I live ...".
const PLACE_WORDS: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "lane",
    "ln",
    "drive",
    "blvd",
    "boulevard",
    "highway",
    "hwy",
    "purok",
    "sitio",
    "barangay",
    "brgy",
    "bgy",
    "subdivision",
    "subd",
    "village",
    "kalye",
    "compound",
    "blk",
    "block",
    "lot",
    "phase",
    "apartment",
    "apt",
    "unit",
    "condo",
    "tower",
    "bldg",
    "building",
    "floor",
    "homes",
    "heights",
    "residences",
    "zone",
    "poblacion",
    "barrio",
    "looban",
    "kanto",
    "corner",
    "cor",
];

fn find_addresses(toks: &[Tok], hits: &mut Vec<Hit>) {
    let n = toks.len();
    let push = |hits: &mut Vec<Hit>, ts: usize, te: usize| {
        hits.push(Hit {
            kind: Kind::Address,
            ts,
            te,
        })
    };
    // House number, name words, street word: "12 Rizal St", "#5 Mabini Street".
    for i in 0..n {
        let Some(num_end) = house_number(toks, i) else {
            continue;
        };
        let mut j = num_end;
        if toks.get(j).is_some_and(|t| t.is(',')) {
            j += 1;
        }
        let mut names = 0;
        while let Some(t) = toks.get(j) {
            if t.nl > 0 {
                break;
            }
            if t.is_word() && t.word_in(STREET_AFTER) {
                if names == 0 {
                    break; // "two lane road", "5 street"
                }
                let dr_ok = !t.word("dr") || names >= 1;
                let strong = t.word_in(STREET_ABBR) || names >= 1;
                if dr_ok && strong {
                    let mut end = j + 1;
                    if toks.get(end).is_some_and(|t| t.is('.') && !t.gap) {
                        end += 1;
                    }
                    push(hits, i, end);
                }
                break;
            }
            if t.is_word() && !t.word_in(STOP) && names < 3 && !t.is_numeral() {
                names += 1;
                j += 1;
                continue;
            }
            if (t.is('.') || t.is('-')) && names >= 1 && !t.gap {
                j += 1;
                continue;
            }
            break;
        }
    }
    // Address words with numbers: "Blk 5 Lot 12", "Purok 3", "Apt. 4B".
    let mut elems: Vec<(usize, usize, bool)> = Vec::new();
    for i in 0..n {
        let t = &toks[i];
        if !t.is_word() {
            continue;
        }
        // Glued forms: "B5 L12", "blk5", "lot12", "ph2".
        let alpha = t.text.trim_end_matches(|c: char| c.is_ascii_digit());
        let num_len = t.text.len() - alpha.len();
        if (1..=4).contains(&num_len)
            && matches!(
                alpha,
                "b" | "bl" | "blk" | "l" | "lt" | "lot" | "ph" | "p" | "purok"
            )
        {
            elems.push((i, i + 1, matches!(alpha, "blk" | "purok")));
            continue;
        }
        let strong = t.word_in(PRE_STRONG);
        let weak = t.word_in(PRE_WEAK) || t.word_in(&["l", "b", "lt", "bl", "p"]);
        if !(strong || weak) {
            continue;
        }
        if let Some(end) = pre_number(toks, i) {
            // "house no. 5" / "house number 5" is strong on its own.
            let house_no = t.word("house")
                && toks
                    .get(i + 1)
                    .is_some_and(|t| t.word_in(&["no", "number", "num", "#"]) || t.is('#'));
            elems.push((i, end, strong || house_no));
        } else if t.word_in(&["brgy", "bgy", "sitio", "purok"])
            && toks.get(i + 1).is_some_and(|n| n.cap || n.is('.'))
        {
            // "Brgy. San Roque": an abbreviation and a name.
            let mut end = i + 1;
            if toks[end].is('.') {
                end += 1;
            }
            let mut words = 0;
            while toks.get(end).is_some_and(|t| t.is_word() && t.cap) && words < 3 {
                end += 1;
                words += 1;
            }
            if words > 0 && !t.word("sitio") {
                elems.push((i, end, true));
            }
        }
    }
    let mut k = 0;
    while k < elems.len() {
        let (s, mut e, mut strong) = elems[k];
        let mut count = 1;
        while k + 1 < elems.len() && elems[k + 1].0 <= e + 2 {
            k += 1;
            e = e.max(elems[k].1);
            strong |= elems[k].2;
            count += 1;
        }
        if strong || count >= 2 {
            push(hits, s, e);
        }
        k += 1;
    }
    // Saying where one lives: "I live on Mabini Street", "nakatira ako sa Purok 2",
    // "my address is ...".
    for i in 0..n {
        let t = &toks[i];
        let first_person = toks[i.saturating_sub(3)..i].iter().any(|t| {
            t.word_in(&[
                "i", "we", "m", "re", "family", "ako", "kami", "lola", "lolo", "mom", "dad",
                "mommy", "daddy", "grandma", "grandpa", "parents",
            ])
        });
        let (start, from, loose) = if first_person
            && t.word_in(&["live", "living", "stay", "staying", "reside", "nakatira"])
            && toks.get(i + 1).is_some_and(|n| {
                n.word_in(&[
                    "at", "on", "in", "sa", "near", "next", "beside", "behind", "across", "along",
                ])
            }) {
            (i, i + 2, false)
        } else if t.word_in(&[
            "nakatira",
            "tumitira",
            "nakatirá",
            "naninirahan",
            "nakatiraako",
        ]) {
            let mut j = i + 1;
            while toks.get(j).is_some_and(|n| {
                n.word_in(&[
                    "ako", "kami", "kame", "sila", "siya", "kayo", "po", "sa", "ay",
                ])
            }) && j < i + 4
            {
                j += 1;
            }
            (i, j, false)
        } else if t.word_in(&["address", "adres", "addres", "adress", "tirahan"]) {
            let mut j = i + 1;
            while toks.get(j).is_some_and(|n| {
                n.word_in(&["is", "ko", "namin", "natin", "ay", "po"]) || n.is(':') || n.is('-')
            }) && j < i + 4
            {
                j += 1;
            }
            if j == i + 1 {
                continue;
            }
            (i, j, true)
        } else if t.word("bahay")
            && toks
                .get(i + 1)
                .is_some_and(|n| n.word_in(&["namin", "ko", "nila", "natin"]))
            && toks
                .get(i + 2)
                .is_some_and(|n| n.word_in(&["ay", "sa", "nasa"]))
        {
            let mut j = i + 2;
            while toks
                .get(j)
                .is_some_and(|n| n.word_in(&["ay", "sa", "nasa"]))
                && j < i + 5
            {
                j += 1;
            }
            (i, j, false)
        } else if t.word_in(&["house", "home", "bahay"])
            && i > 0
            && toks[i - 1].word_in(&["my", "our", "namin", "ko", "aming", "ang"])
            && toks.get(i + 1).is_some_and(|n| {
                n.word_in(&[
                    "is", "ay", "namin", "ko", "sa", "nasa", "number", "no", "address",
                ])
            })
        {
            let mut j = i + 1;
            while toks.get(j).is_some_and(|n| {
                n.word_in(&[
                    "is", "ay", "namin", "ko", "at", "on", "in", "sa", "nasa", "number", "no",
                    "address",
                ]) || n.is('#')
                    || n.is(':')
            }) && j < i + 5
            {
                j += 1;
            }
            (i - 1, j, false)
        } else {
            continue;
        };
        let mut last = None;
        let mut j = from;
        while j < n && j < from + 8 {
            if j > from && sentence_break(toks, j) {
                break;
            }
            let t = &toks[j];
            let house = (t.is_numeral() || t.is('#'))
                && (j <= from + 1
                    || toks
                        .get(j + 1)
                        .is_some_and(|n| n.cap || n.word_in(PLACE_WORDS))
                    || toks[j - 1].word_in(&["number", "no", "num"]));
            // "Rizal Street" but not "a street"; "Purok 3" / "Purok Maligaya" but not "a block".
            let named_place = if t.word_in(STREET_AFTER) {
                toks[j - 1].cap || toks[j - 1].has_digit() || t.word_in(STREET_ABBR)
            } else {
                toks.get(j + 1)
                    .is_some_and(|n| n.cap || n.has_digit() || n.is('#') || n.is('.'))
            };
            let evidence = (t.word_in(PLACE_WORDS) && named_place)
                || house
                || (loose && t.is_word() && (t.cap || t.has_digit()) && j == from);
            if evidence {
                last = Some(j + 1);
            }
            j += 1;
        }
        if let Some(end) = last {
            push(hits, start, end);
        }
    }
}

// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use Kind::*;

    /// Text that must be refused, with the kind it must be refused as.
    const MUST_FLAG: &[(&str, Kind)] = &[
        // Philippine mobiles in every spacing.
        ("Call me 09171234567", Phone),
        ("my number is 0917 123 4567", Phone),
        ("0917-123-4567 text me", Phone),
        ("0917.123.4567", Phone),
        ("(0917) 123-4567", Phone),
        ("+63 917 123 4567", Phone),
        ("+639171234567", Phone),
        ("+63-917-123-4567", Phone),
        ("63 917 1234567", Phone),
        ("0 9 1 7 1 2 3 4 5 6 7", Phone),
        ("09 17 12 34 567", Phone),
        ("0917 / 123 / 4567", Phone),
        ("0917_123_4567", Phone),
        ("0917*123*4567", Phone),
        ("0917~123~4567", Phone),
        ("0917 - 123 - 4567", Phone),
        ("0917, 123, 4567", Phone),
        ("0917:123:4567", Phone),
        ("num ko 0918 765 4321 po", Phone),
        ("text mo ko sa 09981112223", Phone),
        // Landlines and international.
        ("(02) 8123 4567", Phone),
        ("call 8123-4567 tonight", Phone),
        ("our phone is 555-8231", Phone),
        ("+1 555 123 4567", Phone),
        ("+1 (555) 123-4567", Phone),
        ("+44 20 7946 0958", Phone),
        ("+65 9123 4567", Phone),
        ("tel: 02-8765-4321", Phone),
        // Unicode digits and disguises.
        ("０９１７１２３４５６７", Phone),
        ("０９１７ １２３ ４５６７", Phone),
        ("٠٩١٧١٢٣٤٥٦٧", Phone),
        ("۰۹۱۷۱۲۳۴۵۶۷", Phone),
        ("०९१७१२३४५६७", Phone),
        ("𝟎𝟗𝟏𝟕𝟏𝟐𝟑𝟒𝟓𝟔𝟕", Phone),
        ("⓪⑨①⑦①②③④⑤⑥⑦", Phone),
        ("0\u{200B}9\u{200B}1\u{200B}7\u{200B}1234567", Phone),
        ("09\u{00AD}17 123\u{2060}4567", Phone),
        ("0917—123—4567", Phone),
        ("0917–123–4567", Phone),
        ("O917 l23 4567", Phone),
        ("O9I7I234567", Phone),
        ("0️⃣9️⃣1️⃣7️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣", Phone),
        // Digits as words.
        (
            "zero nine one seven one two three four five six seven",
            Phone,
        ),
        (
            "Zero Nine One Seven, One Two Three, Four Five Six Seven",
            Phone,
        ),
        ("oh nine one seven one two three four five six seven", Phone),
        (
            "zero-nine-one-seven-one-two-three-four-five-six-seven",
            Phone,
        ),
        (
            "sero siyam isa pito isa dalawa tatlo apat lima anim pito",
            Phone,
        ),
        (
            "sero nuwebe uno syete uno dos tres kwatro singko sais syete",
            Phone,
        ),
        ("0917 one two three 4567", Phone),
        ("zeronineoneseven onetwothree fourfivesixseven", Phone),
        ("nine one seven double five triple two one", Phone),
        (
            "my num is nine one seven, two three four, five six seven eight",
            Phone,
        ),
        (
            "ZERO NINE ONE SEVEN ONE TWO THREE FOUR FIVE SIX SEVEN",
            Phone,
        ),
        (
            "zеro ninе onе sеvеn onе two thrее four fivе six sеvеn",
            Phone,
        ),
        ("09171234567 and 09181234567", Phone),
        // E-mail.
        ("juan@gmail.com", Email),
        ("Email me: maria.clara23@yahoo.com", Email),
        ("juan_dela-cruz+stories@school.edu.ph", Email),
        ("JUAN@GMAIL.COM", Email),
        ("juan＠gmail．com", Email),
        ("juan @ gmail . com", Email),
        ("juan at gmail dot com", Email),
        ("juan (at) gmail (dot) com", Email),
        ("juan[at]yahoo[dot]com", Email),
        ("juan {at} hotmail {dot} com", Email),
        ("juan AT outlook DOT com", Email),
        ("juan at gmail", Email),
        ("juan @ yahoo", Email),
        ("@gmail.com juan", Email),
        ("juan gmail com", Email),
        ("my email is luna23 gmail.com", Email),
        ("lu\u{200B}na@gm\u{200B}ail.com", Email),
        ("luna@gmаil.com", Email),
        ("luna at school dot edu dot ph", Email),
        ("luna[@]icloud[.]com", Email),
        ("luna at ymail tuldok com", Email),
        ("luna@myschool.org", Email),
        // Links.
        ("https://example.com/page", Link),
        ("http://bit.ly/abc", Link),
        ("go to www.roblox.com now", Link),
        ("www.mysite.ph", Link),
        ("visit coolgames.net", Link),
        ("coolgames.io is fun", Link),
        ("youtube.com/watch?v=abc", Link),
        ("bit.ly/xyz123", Link),
        ("t.me/lunacat", Link),
        ("youtu.be/abc", Link),
        ("youtube dot com slash luna", Link),
        ("google . com", Link),
        ("google. com", Link),
        ("mysite(dot)com", Link),
        ("mysite[.]com", Link),
        ("shop.com.ph", Link),
        ("WWW.SITE.COM", Link),
        ("ｗｗｗ．ｓｉｔｅ．ｃｏｍ", Link),
        ("www dot site dot com", Link),
        ("hxxp://evil.site", Link),
        ("look at mygame.xyz!", Link),
        ("my-blog.org/about", Link),
        ("discord.gg/abcd", Link),
        ("site.Com", Link),
        // Handles.
        ("follow me @luna_cat", Handle),
        ("@luna.cat23", Handle),
        ("＠luna", Handle),
        ("my ig is luna_cat", Handle),
        ("My IG is lunacat", Handle),
        ("follow me on tiktok", Handle),
        ("add me on roblox", Handle),
        ("find me on discord", Handle),
        ("message me on messenger", Handle),
        ("dm me on insta", Handle),
        ("IG: luna_cat", Handle),
        ("fb: Luna Santos", Handle),
        ("discord: luna#1234", Handle),
        ("luna#1234", Handle),
        ("i-add mo ako sa fb", Handle),
        ("add mo ako sa roblox", Handle),
        ("sa fb ko", Handle),
        ("ig ko: lunacat", Handle),
        ("my roblox username is LunaCat23", Handle),
        ("my username is lunacat", Handle),
        ("username: luna_cat", Handle),
        ("my ign is DragonSlayer", Handle),
        ("snapchat: luna.cat", Handle),
        ("roblox: luna_cat22", Handle),
        ("follow me on x", Handle),
        ("my tiktok is @lunadances", Handle),
        // Addresses.
        ("I live at 12 Rizal Street", Address),
        ("12 Rizal St.", Address),
        ("123 Mabini St", Address),
        ("#45 Bonifacio Avenue", Address),
        ("45 Main Road", Address),
        ("7 Sampaguita Lane", Address),
        ("21 Maple Dr", Address),
        ("99 Ocean Blvd", Address),
        ("12b Luna Street", Address),
        ("no. 5 Aguinaldo Highway", Address),
        ("twelve Rizal Street", Address),
        ("12 rizal street", Address),
        ("Blk 5 Lot 12", Address),
        ("Block 5 Lot 12 Phase 2", Address),
        ("blk. 3 lot 4", Address),
        ("Purok 3", Address),
        ("purok 7, barangay", Address),
        ("Apt 4B", Address),
        ("We live in Apartment 5", Address),
        ("house no. 15", Address),
        ("Brgy. 123", Address),
        ("Brgy. San Roque", Address),
        ("I live on Sesame Street", Address),
        ("We live in Barangay Malinis", Address),
        ("nakatira ako sa Purok 2", Address),
        ("Nakatira kami sa 5 Mabini Street", Address),
        ("my address is 45 Rizal", Address),
        ("My address is Blk 2 Lot 3 Camella Homes", Address),
        ("address ko: Mabini St", Address),
        ("my house is at 8 Narra Lane", Address),
        ("I live at number 7", Address),
        ("bahay namin ay sa Sitio Maligaya", Address),
        ("12 Sampaguita Subdivision", Address),
        ("Unit 5 Tower 2", Address),
        // Found while probing unseen forms.
        ("ph0ne: 0919 555 0123", Phone),
        ("09l9-555-Ol23", Phone),
        ("+63(917)1234567", Phone),
        ("Nine one seven, five five five, zero one two three", Phone),
        ("nueve uno siete cinco cinco cinco cero uno dos tres", Phone),
        ("0 9 1 7 - 1 2 3 - 4 5 6 7", Phone),
        ("٠٩١٧-١٢٣-٤٥٦٧", Phone),
        ("1-800-555-0199", Phone),
        ("+81 3 1234 5678", Phone),
        ("send to 0917..555..0123", Phone),
        ("juan dot delacruz at gmail dot com", Email),
        ("juan atgmail dotcom", Email),
        ("j u a n @ g m a i l . c o m", Email),
        ("juan@sub.domain.co.uk", Email),
        ("email ko: juan23 @ yahoo . com . ph", Email),
        ("www roblox com", Link),
        ("w w w . roblox . com", Link),
        ("instagram dot com slash lunacat", Link),
        ("lunastories dotcom", Link),
        ("my site is lunastories dot blogspot dot com", Link),
        ("@_luna_", Handle),
        ("hit me up on ig", Handle),
        ("roblox user: superluna123", Handle),
        ("subscribe to my youtube", Handle),
        ("add me: luna_cat", Handle),
        ("hanapin mo ako sa fb", Handle),
        ("I live at 221B Baker Street", Address),
        ("1600 Pennsylvania Avenue", Address),
        ("Lot 3 Block 7 Greenfields Subd.", Address),
        ("B5 L12 Camella", Address),
        ("Purok Maligaya, Brgy. Poblacion", Address),
        ("I live in unit 12B Tower 3", Address),
        ("my house number is 42", Address),
        ("Sa bahay namin sa Purok 4", Address),
        ("I live next to the church on Rizal Street", Address),
    ];

    /// Story text that must never be refused.
    const MUST_PASS: &[&str] = &[
        "Once upon a time there were 3 dragons.",
        "Turn to page 12.",
        "In 2025 the robots learned to dance.",
        "Room 4 was very dark.",
        "Chapter 3 page 12",
        "1, 2, 3, 4, 5, 6, 7, 8, 9, 10!",
        "1 2 3 4 5 6 7 8 9 10",
        "10 20 30 40 50 60 70",
        "100, 200, 300, 400, 500",
        "10, 9, 8, 7, 6, 5, 4, 3, 2, 1, blast off!",
        "2 4 6 8 10 12 14 16",
        "one two three four five six seven eight nine ten",
        "isa, dalawa, tatlo, apat, lima, anim, pito",
        "uno dos tres kwatro singko sais syete",
        "seven six five four three two one zero",
        "isa o dalawa o tatlo o apat o lima",
        "I have 3 cats and 2 dogs and 1 fish",
        "The date was 2025-12-03.",
        "On 12/03/2025 we went to the beach.",
        "Born on 03.12.2018 in Cebu.",
        "It was 12/25/24 and snowing.",
        "We met at 3:30 in the afternoon.",
        "The show starts at 10:15:00 sharp.",
        "From 9:00 to 17:30 we played.",
        "The score was 5-3.",
        "The scores were 21-19, 15-21, 21-18.",
        "It cost ₱20.",
        "It cost ₱1,000,000!",
        "The dragon had 1,234,567 gold coins.",
        "She counted 1000000 stars.",
        "I scored 2500000 points!",
        "Pi is 3.14159265",
        "Version 3.5 is out.",
        "I am 7 years old.",
        "I am 7.",
        "From 1999-2025 the castle stood.",
        "From 1999 to 2025 the castle stood.",
        "She was 1st, he was 2nd and I was 3rd.",
        "The 100th monkey laughed.",
        "ISBN 978-3-16-148410-0",
        "My code is 1234567",
        "He shouted 7777777!",
        "Meet me at the park.",
        "I am at home dot",
        "We went to the mall at noon.",
        "The end.Then she slept.",
        "Mr. Cat went home.",
        "Mr.Cat went home.",
        "e.g. apples and pears",
        "We woke at 7 a.m. and slept at 9 p.m.",
        "She went home.The stars came out.",
        "Dr.Who is a show.",
        "Dr. Santos helped the kitten.",
        "I like apples.So does my mom.",
        "I was at home. Net ball is fun.",
        "It was me. Me and my cat.",
        "Let's go.To the moon!",
        "They walked down the street.",
        "The cars on the road were loud.",
        "It was a long way home.",
        "The Court of the Cat King",
        "We watched Sesame Street.",
        "The Apartment was big.",
        "Level 5 was the hardest.",
        "12 little ducks crossed the road.",
        "3 cats walked down the street.",
        "We walked 5 blocks down the street.",
        "It was a one way street.",
        "The two lane road was empty.",
        "I live in a castle.",
        "I live on a farm with 3 goats.",
        "I live in a house with 3 dogs.",
        "I live in Manila.",
        "We live near the sea.",
        "My house is near the big tree.",
        "My address is a secret!",
        "My name is Luna.",
        "Nakatira ako sa isang malaking bahay.",
        "Nakatira kami sa tabi ng dagat.",
        "Ang bahay namin ay malaki.",
        "I love to play roblox.",
        "Roblox is my favorite game.",
        "My roblox is fun.",
        "I watched youtube with my dad.",
        "Facebook and Instagram are apps.",
        "She sat @ the park.",
        "We met @ 3pm.",
        "Email is how grown-ups send letters.",
        "Add me to your team, said the fox.",
        "Follow me to the cave!",
        "Find me in the forest.",
        "Message me when you get home, said Mom.",
        "Meet me at the cafe.",
        "The wizard cast spell #3.",
        "I got 5 stars on level 9.",
        "Team #1 won!",
        "May 3, 2024 was sunny.",
        "There were 7 dwarfs and 1 princess.",
        "The 3 little pigs built 3 houses.",
        "Noong 2020, may 5 aso kami.",
        "May tatlong pusa at dalawang aso.",
        "Si Juan ay 8 taong gulang.",
        "Pumunta kami sa Boracay noong 2023.",
        "Ika-3 araw na ng ulan.",
        "Ang puno ay may 100 mangga.",
        "Bumili ako ng 2 kilo ng bigas sa halagang ₱120.",
        "Nagbilang si Ana: isa, dalawa, tatlo, apat, lima, anim, pito, walo!",
        "Sa kanto ng kalye, may pusa.",
        "The bus number 42 came at 8:15.",
        "Gate 5, Seat 12, Row 3.",
        "The train left at 6:45 and arrived at 9:10.",
        "Day 1: we found 2 eggs. Day 2: we found 3 more.",
        "It was 50% off!",
        "I ate 2.5 pizzas.",
        "The temperature was -5 degrees.",
        "Grade 4 is fun.",
        "The year 2024 was great and 2025 will be better.",
        "Recipe: 2 cups flour, 1 egg, 3 spoons sugar.",
        "Score: 10 - 8",
        "The robot's name was R2D2.",
        "Agent 007 was here.",
        "I read 3 books, 12 comics and 5 magazines.",
        "1. Wake up 2. Brush teeth 3. Eat",
        "The answer is 42.",
        "We waited 24/7 for the bus.",
        "Ang aming paaralan ay may 1,500 estudyante.",
        "She had a dot on her nose. Com was her name.",
        "The dog jumped. Org the ogre laughed.",
        "The tv.It was on.",
        "I said no.No way!",
        "Hello!!! 123!!!",
        "Happy birthday to you! You are 8 today.",
        "My favorite number is 7 and his is 9.",
        "3, 2, 1... go!",
        "There are 365 days in a year and 24 hours in a day.",
        "In 1,000 years the tree grew.",
        "Tatlong libo at limang daan na bituin.",
        "The street was wet.",
        "They lived happily ever after.",
        "I live with my grandma.",
        "@",
        "Lot of fun!",
        "Phase 2 of the game began.",
        "Block 5 fell down.",
        "Unit 7 of the robot army.",
        "He lives in the big house on the hill.",
        "Zone 3 was full of zombies.",
        "Their house number was a secret.",
        "We ran the 5 km road race.",
        // Found while probing.
        "Lost numbers 4 8 15 16 23 42",
        "I got 98 98 97 99 in my tests",
        "In 1990 2000 2010 2020 the town grew",
        "dates 2024-01-05 and 2024-02-06",
        "It happened on 2024.05.12 at 10:30",
        "At 11:59:59 pm the clock struck.",
        "My lucky numbers are 7, 14, 21, 28, 35 and 42",
        "The treasure was at 47 degrees, 12 minutes and 9 seconds.",
        "we won.gg everyone",
        "I like pizza.Me too",
        "hello.world",
        "The dragon was at Gmail Castle.",
        "She worked at Yahoo for years.",
        "FB ko ang gamit ni mama.",
        "Roblox: The Best Day Ever",
        "My YouTube channel is about cats.",
        "I have a discord server.",
        "We sang #blessed",
        "Call 911!",
        "My score was 9,999,999!",
        "Noong Disyembre 25, 2024, masaya kami.",
        "Bilang: 1 2 3 4 5 6 7 8 9 10",
        "Nakatira kami sa bahay na kulay asul.",
        "We live in Quezon City.",
        "I live at my grandma's house.",
        "Walk down Main St. to the park.",
        "3 St. Bernards barked.",
        "The fox lives on Maple Street.",
        "The wizard lived on Dragon Lane",
        "I live on a street with many trees",
        "I live at the end of the road",
        "Apartment 3B is haunted",
        "Page 4 Road Trip",
        "I drove 2 miles down Elm Street",
        "He walked 3 blocks to Main Street.",
    ];

    fn kinds(text: &str) -> Vec<Kind> {
        find(text).into_iter().map(|d| d.kind).collect()
    }

    #[test]
    fn flags_every_kind_and_disguise() {
        assert!(MUST_FLAG.len() >= 120, "only {} entries", MUST_FLAG.len());
        let mut failures = Vec::new();
        for &(text, want) in MUST_FLAG {
            let got = kinds(text);
            if !got.contains(&want) {
                failures.push(format!("{text:?}: want {want:?}, got {got:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} not flagged:\n{}",
            failures.len(),
            MUST_FLAG.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn passes_story_text() {
        assert!(MUST_PASS.len() >= 120, "only {} entries", MUST_PASS.len());
        let mut failures = Vec::new();
        for &text in MUST_PASS {
            let found = find(text);
            if !found.is_empty() {
                let parts: Vec<String> = found
                    .iter()
                    .map(|d| format!("{:?} {:?}", d.kind, &text[d.start..d.end]))
                    .collect();
                failures.push(format!("{text:?}: {}", parts.join(", ")));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} flagged:\n{}",
            failures.len(),
            MUST_PASS.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn ranges_are_exact() {
        let text = "Hi! Call 0917 123 4567 or mail juan@gmail.com, ok?";
        let found = find(text);
        let parts: Vec<(&str, &str)> = found
            .iter()
            .map(|d| (d.kind.as_str(), &text[d.start..d.end]))
            .collect();
        assert_eq!(
            parts,
            vec![("phone", "0917 123 4567"), ("email", "juan@gmail.com")]
        );
        let text = "Tawag ka sa ０９１７１２３４５６７ ha";
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].start..found[0].end],
            "０９１７１２３４５６７"
        );
        let text = "visit https://example.com/a/b.";
        let found = find(text);
        assert_eq!(
            &text[found[0].start..found[0].end],
            "https://example.com/a/b"
        );
        assert_eq!(first("+63 917 123 4567"), Some(Phone));
        assert_eq!(first("A story about 3 dragons"), None);
        assert_eq!(Kind::Address.as_str(), "address");
    }

    #[test]
    fn ranges_are_sorted_disjoint_char_boundaries() {
        let mut all: Vec<&str> = MUST_FLAG.iter().map(|(t, _)| *t).collect();
        all.extend(MUST_PASS);
        let joined = all.join(" ");
        all.push(&joined);
        for text in all {
            let found = find(text);
            let mut prev_end = 0;
            for d in &found {
                assert!(d.start < d.end && d.end <= text.len(), "{text:?}: {d:?}");
                assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
                assert!(d.start >= prev_end, "{text:?}: overlapping {found:?}");
                prev_end = d.end;
            }
        }
    }

    #[test]
    fn random_text_does_not_panic() {
        let pieces = [
            "0", "9", "1", "7", " ", ".", "@", "at", "dot", "com", "www", "-", "(", ")", "+", "#",
            "０", "٣", "\u{200B}", "é", "ñ", "🙂", "1️⃣", "street", "Blk", "lot", "my", "ig", "is",
            ":", "/", "http", "gmail", "\n", "zero", "nine", "o", "l", "I", "Purok", "live", "on",
            "me", "follow", "_", ",", "ko", "sa", "double", "x", "ｗ", "𝟗", "\u{0301}",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20 {
            let mut text = String::new();
            while text.len() < 10_000 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let found = find(&text);
            for d in &found {
                assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
                assert!(d.start < d.end && d.end <= text.len());
            }
        }
        for piece in [
            "9",
            "a.",
            "@",
            "a-",
            "@a_",
            "double ",
            "onetwo",
            "0 ",
            "www.",
            "blk 1 ",
            "my ig is ",
            "1/",
            "1:",
            "at dot ",
        ] {
            let long = piece.repeat(10_000 / piece.len());
            let _ = find(&long);
        }
    }
}

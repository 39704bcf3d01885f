//! Phone numbers: runs of digit units joined by separators and connector words.
//!
//! A unit is a numeral, a digit word (English, Tagalog, Cebuano, Spanish-Filipino, with
//! colloquial spellings), a number word (`seventeen`, `fifty five`, `five hundred`), a numeral
//! written with look-alike letters (`O9I7`, `B2I7`), a word glued from digits and digit words
//! (`0nine17five`), a word with digits interleaved with single letters (`0a9b1c7`), or a date or
//! time. Units are joined by any symbols (punctuation, emoji, a blank line) and by short
//! connector words ("then", "and", "second part").
//!
//! A run is a phone when some stretch of it spells a Philippine mobile (`09XXXXXXXXX`,
//! `9XXXXXXXXX`, `639XXXXXXXXX`) whatever it looks like on the surface (a list, a decimal, a
//! time, a date), unless it is counting, key mashing or a round number; otherwise when it has at
//! least seven digits and is not a date, a time, counting, a list of small numbers, a page list,
//! thousands separators, a decimal, a year range or round numbers.

use super::*;

#[derive(Debug)]
pub(super) struct Unit {
    pub(super) ts: usize,
    pub(super) te: usize,
    pub(super) digits: String,
    /// Written with digits (not words).
    pub(super) numeral: bool,
    /// `o` / `oh`, or look-alike capitals (`SSS`): a digit only between other digits.
    pub(super) weak: bool,
    /// A date or a time.
    pub(super) atom: bool,
    /// Separator characters before this unit (`' '` for whitespace, `&` for a word).
    pub(super) sep: String,
}

/// Words that may join the parts of a number someone is spelling out.
const CONNECTORS: &[&str] = &[
    "then", "and", "next", "after", "that", "plus", "dash", "space", "comma", "period", "point",
    "dot", "part", "equals", "times", "minus", "first", "second", "third", "fourth", "last",
    "followed", "by", "tapos", "saka", "tsaka", "at", "pa", "ug", "og", "y", "is", "are", "ay",
    "ang", "ng",
];

/// Whether the word at `i` can sit between two parts of a number: a connector or a single
/// letter ("0 a 9 b 1").
fn connector(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.is_word() && !t.has_digit() && (t.word_in(CONNECTORS) || t.text.chars().count() == 1)
    })
}

pub(super) fn unit_at(
    toks: &[Tok],
    i: usize,
    atoms: &(Vec<Option<usize>>, Vec<bool>),
) -> Option<Unit> {
    let t = toks.get(i)?;
    let unit = |te: usize, digits: String, numeral: bool, weak: bool| Unit {
        ts: i,
        te,
        digits,
        numeral,
        weak,
        atom: false,
        sep: String::new(),
    };
    if let Some(end) = atoms.0[i] {
        let digits: String = toks[i..end]
            .iter()
            .filter(|t| t.is_numeral())
            .map(|t| t.text.as_str())
            .collect();
        let mut u = unit(end, digits, true, false);
        u.atom = true;
        return Some(u);
    }
    if atoms.1[i] || !t.is_word() {
        return None;
    }
    if t.is_numeral() {
        return Some(unit(i + 1, t.text.clone(), true, false));
    }
    if let Some(d) = glyph_digits(&t.text) {
        return Some(unit(i + 1, d, true, false));
    }
    // Capitals that all look like digits ("SSS", "IOI"): only between other digits.
    if t.allcap
        && !t.has_digit()
        && let Some(d) = t.text.chars().map(glyph).collect::<Option<String>>()
    {
        return Some(unit(i + 1, d, false, true));
    }
    if let Some((d, weak)) = digit_word(&t.text) {
        // "five hundred fifty five"
        if !weak && toks.get(i + 1).is_some_and(|n| n.word("hundred")) {
            let mut j = i + 2;
            if toks.get(j).is_some_and(|n| n.word("and")) {
                j += 1;
            }
            // The rest is one unit without its own "hundred" (no recursion on long texts).
            let small = toks.get(j + 1).is_none_or(|n| !n.word("hundred"));
            if let Some(rest) = small
                .then(|| unit_at(toks, j, atoms))
                .flatten()
                .filter(|u| !u.numeral && !u.weak && u.digits.len() <= 2)
            {
                let tail = if rest.digits.len() == 1 {
                    format!("0{}", rest.digits)
                } else {
                    rest.digits.chars().take(2).collect()
                };
                return Some(unit(rest.te, format!("{d}{tail}"), false, false));
            }
            return Some(unit(i + 2, format!("{d}00"), false, false));
        }
        return Some(unit(i + 1, d.to_string(), false, weak));
    }
    if let Some(t) = teen_word(&t.text) {
        return Some(unit(i + 1, t.to_string(), false, false));
    }
    if let Some(tens) = tens_word(&t.text) {
        // "fifty five", "fifty-five"
        let mut j = i + 1;
        if toks.get(j).is_some_and(|n| n.is('-') && !n.gap) {
            j += 1;
        }
        if let Some(n) = toks.get(j)
            && let Some((d, false)) = digit_word(&n.text)
            && n.is_word()
            && !atoms.1[j]
        {
            return Some(unit(j + 1, format!("{tens}{d}"), false, false));
        }
        return Some(unit(i + 1, format!("{tens}0"), false, false));
    }
    if t.word_in(&["double", "triple", "dobol", "tripol"]) {
        let times = if t.text.starts_with('d') { 2 } else { 3 };
        let next = toks.get(i + 1)?;
        if atoms.1[i + 1] {
            return None;
        }
        let digit = match digit_word(&next.text) {
            Some((d, false)) if next.is_word() => d,
            _ if next.is_numeral() && next.text.len() == 1 => next.text.chars().next()?,
            _ => return None,
        };
        return Some(unit(i + 2, digit.to_string().repeat(times), false, false));
    }
    if let Some(d) = split_digit_words(&t.text) {
        return Some(unit(i + 1, d, false, false));
    }
    interleaved_digits(&t.text).map(|d| unit(i + 1, d, false, false))
}

/// Finds numerals that form a date (`2025-12-03`, `12/03/2025`) or a time (`3:30`, `10:15:00`).
/// Each becomes one unit (an "atom"): innocent alone or beside another date or time, but its
/// digits still count when it sits inside a run that spells a mobile number ("09:17 5:55 8217").
/// Returns, for each token, where an atom starting there ends; tokens inside an atom are `None`
/// and marked in the second vector.
pub(super) fn date_time_tokens(toks: &[Tok]) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut atom_end: Vec<Option<usize>> = vec![None; toks.len()];
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
            atom_end[i] = Some(end);
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
                atom_end[i] = Some(i + 5);
            }
        }
    }
    (atom_end, blocked)
}

pub(super) fn find_phones(toks: &[Tok], hits: &mut Vec<Hit>) {
    let atoms = date_time_tokens(toks);
    let mut i = 0;
    while i < toks.len() {
        let Some(first) = unit_at(toks, i, &atoms) else {
            i += 1;
            continue;
        };
        let mut end = first.te;
        let mut run = vec![first];
        loop {
            // Separators: any symbols (up to 8), connector words (up to 3), one blank line.
            let mut k = end;
            let mut sep = String::new();
            let (mut syms, mut words) = (0, 0);
            while let Some(t) = toks.get(k) {
                if t.nl > 2 {
                    break;
                }
                if t.gap {
                    sep.push(' ');
                }
                // "2025! 10 9 8": a sentence ends.
                let ends_sentence =
                    matches!(t.sym, Some('!' | '?')) && toks.get(k + 1).is_none_or(|n| n.gap);
                match t.sym {
                    Some(c) if syms < 8 && !ends_sentence => {
                        sep.push(c);
                        syms += 1;
                        k += 1;
                    }
                    None if words < 3
                        && connector(toks, k)
                        && unit_at(toks, k, &atoms).is_none() =>
                    {
                        sep.push(match toks[k].text.as_str() {
                            "x" | "times" => '*',
                            "plus" => '+',
                            "minus" => '-',
                            "equals" => '=',
                            _ => '&',
                        });
                        words += 1;
                        k += 1;
                    }
                    _ => break,
                }
            }
            let Some(t) = toks.get(k) else { break };
            if t.nl > 2 {
                break;
            }
            if t.gap && !sep.ends_with(' ') {
                sep.push(' ');
            }
            let Some(mut next) = unit_at(toks, k, &atoms) else {
                break;
            };
            next.sep = sep;
            end = next.te;
            run.push(next);
        }
        // Weak digits only count between other digits.
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

/// The digits spell a Philippine mobile number: 09XXXXXXXXX, 9XXXXXXXXX or 639XXXXXXXXX.
fn ph_mobile(d: &str) -> bool {
    (d.len() == 11 && d.starts_with("09"))
        || (d.len() == 10 && d.starts_with('9'))
        || (d.len() == 12 && d.starts_with("639"))
}

/// One repeated digit, or 1234567… / 9876543….
fn key_mashing(digits: &str) -> bool {
    let bytes = digits.as_bytes();
    bytes.iter().all(|&b| b == bytes[0])
        || bytes
            .windows(2)
            .all(|w| (w[0] - b'0' + 1) % 10 == w[1] - b'0')
        || bytes
            .windows(2)
            .all(|w| (w[1] - b'0' + 1) % 10 == w[0] - b'0')
}

/// The numbers (ignoring weak units) form an arithmetic sequence of at least three.
fn counting(run: &[Unit]) -> bool {
    let values: Vec<u64> = run
        .iter()
        .filter(|u| !u.weak)
        .filter_map(|u| u.digits.parse::<u64>().ok())
        .collect();
    if values.len() < 3 || run.iter().any(|u| u.digits.len() > 6) {
        return false;
    }
    let step = values[1] as i128 - values[0] as i128;
    step != 0
        && values
            .windows(2)
            .all(|w| w[1] as i128 - w[0] as i128 == step)
}

pub(super) fn is_phone(run: &[Unit], plus: bool) -> bool {
    // Whatever it looks like, a stretch spelling a mobile number is one.
    for a in 0..run.len() {
        let mut digits = String::new();
        for b in a..run.len() {
            digits.push_str(&run[b].digits);
            if digits.len() > 12 {
                break;
            }
            let window = &run[a..=b];
            let atoms = window.iter().filter(|u| u.atom).count();
            // "95, 88, 92, 97 and 99": a list of scores in words, not a number.
            let score_list = window.len() >= 4
                && window
                    .iter()
                    .all(|u| u.numeral && u.digits.len() == 2 && !u.digits.starts_with('0'))
                && window.iter().skip(1).any(|u| u.sep.contains(','))
                && window.last().is_some_and(|u| u.sep.contains('&'));
            if ph_mobile(&digits)
                && !score_list
                && !key_mashing(&digits)
                && !digits.ends_with("0000")
                && !counting(window)
                && (atoms < window.len() || atoms >= 3)
            {
                return true;
            }
        }
    }
    if true_equations(run) {
        return false;
    }
    // Otherwise dates and times split the run, and each part is judged by its surface; so do
    // words between formatted numbers ("1,024 then 2,048").
    run.split(|u| u.atom).any(|part| {
        let pieces = split_at_words(part);
        if pieces.len() > 1 && pieces.iter().any(|p| formatted_number(p)) {
            pieces.iter().any(|p| looks_like_phone(p, plus))
        } else {
            !part.is_empty() && looks_like_phone(part, plus)
        }
    })
}

fn split_at_words(run: &[Unit]) -> Vec<&[Unit]> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for k in 1..run.len() {
        if run[k].sep.contains('&') {
            pieces.push(&run[start..k]);
            start = k;
        }
    }
    if start < run.len() {
        pieces.push(&run[start..]);
    }
    pieces
}

/// `1,024` / `3.5` / `1,234.50`: a number written with separators.
fn formatted_number(run: &[Unit]) -> bool {
    run.len() >= 2
        && run.iter().all(|u| u.numeral)
        && run[0].digits.len() <= 3
        && run[1..].iter().enumerate().all(|(n, u)| {
            let s = u.sep.trim();
            (s == "," && u.digits.len() == 3) || (s == "." && n + 2 == run.len())
        })
}

/// Every part of the run (between commas and words) is a true sum: "9 + 1 = 10 and 10 + 5 = 15".
fn true_equations(run: &[Unit]) -> bool {
    let mut parts: Vec<Vec<(char, f64)>> = vec![Vec::new()];
    for (n, u) in run.iter().enumerate() {
        let Ok(v) = u.digits.parse::<f64>() else {
            return false;
        };
        let s = u.sep.trim();
        let op = if n == 0 {
            '+'
        } else if s.len() == 1 && "+-*/=".contains(s) {
            s.chars().next().unwrap_or('+')
        } else if s.chars().all(|c| c == ',' || c == '&' || c == ' ') {
            parts.push(Vec::new());
            '+'
        } else {
            return false;
        };
        if let Some(p) = parts.last_mut() {
            p.push((if p.is_empty() { '+' } else { op }, v));
        }
    }
    parts.iter().all(|p| {
        let sides: Vec<&[(char, f64)]> = p.split(|&(op, _)| op == '=').collect();
        // split drops the `=` items themselves; put them back as the first term of each side.
        let mut values = Vec::new();
        let mut side = Vec::new();
        for &(op, v) in p {
            if op == '=' {
                values.push(eval(&side));
                side.clear();
                side.push(('+', v));
            } else {
                side.push((op, v));
            }
        }
        values.push(eval(&side));
        sides.len() >= 2 && values.windows(2).all(|w| (w[0] - w[1]).abs() < 1e-9)
    })
}

/// Evaluates `+ a * b - c` with `*` and `/` before `+` and `-`.
fn eval(terms: &[(char, f64)]) -> f64 {
    let mut total = 0.0;
    let mut term = 0.0;
    let mut sign = 1.0;
    for (n, &(op, v)) in terms.iter().enumerate() {
        match op {
            '*' if n > 0 => term *= v,
            '/' if n > 0 => term = if v == 0.0 { f64::NAN } else { term / v },
            _ => {
                total += sign * term;
                sign = if op == '-' { -1.0 } else { 1.0 };
                term = v;
            }
        }
    }
    total + sign * term
}

/// A run without dates or times that is a phone number by its surface.
fn looks_like_phone(run: &[Unit], plus: bool) -> bool {
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
        // A page list: growing numbers of up to four digits, "pages 104 112 118 125 131".
        if run.len() >= 3
            && run.iter().all(|u| u.digits.len() <= 4 && !lead_zero(u))
            && run.windows(2).all(|w| {
                w[0].digits.parse::<u32>().unwrap_or(u32::MAX)
                    < w[1].digits.parse::<u32>().unwrap_or(0)
            })
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

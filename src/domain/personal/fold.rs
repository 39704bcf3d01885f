use unicode_normalization::char::{decompose_compatible, is_combining_mark};
// Characters that change nothing visible: the word filter's list, so both filters see the
// same text.
use crate::domain::profanity::normalize::is_ignorable as is_invisible;

pub(super) struct Norm {
    pub(super) chars: Vec<char>,
    /// The folded character came from an upper-case letter.
    pub(super) upper: Vec<bool>,
    /// Byte range of the original character each folded character came from.
    pub(super) map: Vec<(usize, usize)>,
}

/// Code points of the digit zero in scripts whose digits run 0–9 consecutively and are not
/// folded by compatibility decomposition.
pub(super) const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16B50, 0x1D7CE, 0x1D7D8,
    0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

pub(super) fn unicode_digit(c: char) -> Option<char> {
    let cp = c as u32;
    if c.is_ascii_digit() || cp < 0x0660 {
        return None;
    }
    DIGIT_ZEROS
        .iter()
        .find(|&&z| cp >= z && cp < z + 10)
        .and_then(|&z| char::from_digit(cp - z, 10))
}

/// Maps one decomposed character to the folded alphabet (before lower-casing).
pub(super) fn fold_char(c: char) -> char {
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
        // Chinese and Japanese numerals, everyday and financial forms.
        '〇' | '零' => '0',
        '一' | '壹' => '1',
        '二' | '贰' | '貳' => '2',
        '三' | '叁' | '參' => '3',
        '四' | '肆' => '4',
        '五' | '伍' => '5',
        '六' | '陆' | '陸' => '6',
        '七' | '柒' => '7',
        '八' | '捌' => '8',
        '九' | '玖' => '9',
        _ => c,
    }
}

pub(super) fn normalize(text: &str) -> Norm {
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

//! Digits written as words, number words, look-alike letters and mixed spellings.

/// The digit a word stands for, and whether the word is only a digit inside a run (`o`, `oh`).
pub(super) fn digit_word(w: &str) -> Option<(char, bool)> {
    let d = match w {
        "o" | "oh" => return Some(('0', true)),
        "zero" | "sero" | "cero" | "ziro" | "siro" => '0',
        "one" | "isa" | "uno" | "wan" | "usa" => '1',
        "two" | "dalawa" | "dalwa" | "dos" | "duha" => '2',
        "three" | "tatlo" | "tatlu" | "tres" | "tri" | "tulo" => '3',
        "four" | "apat" | "upat" | "kwatro" | "kuwatro" | "cuatro" | "quatro" => '4',
        "five" | "lima" | "singko" | "sinko" | "cinco" => '5',
        "six" | "anim" | "unom" | "sais" | "seis" => '6',
        "seven" | "pito" | "syete" | "siyete" | "siete" => '7',
        "eight" | "walo" | "otso" | "ocho" => '8',
        "nine" | "siyam" | "syam" | "nuwebe" | "nueve" | "nwebe" | "nuebe" => '9',
        _ => return None,
    };
    Some((d, false))
}

/// Two-digit number words: `ten` … `nineteen`, and the tens (`twenty` is `2`, for `20`/`2x`).
pub(super) fn teen_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "ten" | "sampu" | "diyes" | "napulo" => "10",
        "eleven" => "11",
        "twelve" => "12",
        "thirteen" => "13",
        "fourteen" => "14",
        "fifteen" => "15",
        "sixteen" => "16",
        "seventeen" => "17",
        "eighteen" => "18",
        "nineteen" => "19",
        _ => return None,
    })
}

pub(super) fn tens_word(w: &str) -> Option<char> {
    Some(match w {
        "twenty" => '2',
        "thirty" => '3',
        "forty" | "fourty" => '4',
        "fifty" => '5',
        "sixty" => '6',
        "seventy" => '7',
        "eighty" => '8',
        "ninety" => '9',
        _ => return None,
    })
}

/// Splits a word written without spaces into digits, digit words and number words
/// ("ninefiveone", "0nine17five"), when it is nothing but those and has at least one word.
pub(super) fn split_digit_words(w: &str) -> Option<String> {
    if w.len() < 6 || w.len() > 160 || !w.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    if w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Dynamic programming over byte positions: best[i] = digits for w[..i]; at each position
    // the longest piece wins ("fiftyfive" is 55, not 505).
    let n = w.len();
    let mut best: Vec<Option<String>> = vec![None; n + 1];
    best[0] = Some(String::new());
    for i in 0..n {
        let Some(prefix) = best[i].clone() else {
            continue;
        };
        for len in (1..=16).rev() {
            if i + len > n || best[i + len].is_some() {
                continue;
            }
            let Some(piece) = w.get(i..i + len) else {
                continue;
            };
            if let Some(d) = piece_digits(piece) {
                best[i + len] = Some(format!("{prefix}{d}"));
            }
        }
    }
    best[n]
        .take()
        .filter(|s| s.len() >= 2 && w.bytes().any(|b| b.is_ascii_lowercase()))
}

pub(super) fn piece_digits(p: &str) -> Option<String> {
    if p.len() == 1 && p.as_bytes()[0].is_ascii_digit() {
        return Some(p.to_string());
    }
    if p.len() < 3 {
        return None;
    }
    if let Some((d, false)) = digit_word(p) {
        return Some(d.to_string());
    }
    if let Some(t) = teen_word(p) {
        return Some(t.to_string());
    }
    if let Some(t) = tens_word(p) {
        return Some(format!("{t}0"));
    }
    // "fiftyfive"
    for cut in 5..p.len() {
        if let (Some(t), Some((d, false))) = (
            p.get(..cut).and_then(tens_word),
            p.get(cut..).and_then(digit_word),
        ) {
            return Some(format!("{t}{d}"));
        }
    }
    None
}

/// Digits in a numeral where look-alike letters stand for digits ("O9l7", "B2I7"): `o` 0,
/// `l`/`i` 1, `s` 5, `b` 8.
pub(super) fn glyph_digits(w: &str) -> Option<String> {
    let real = w.bytes().filter(u8::is_ascii_digit).count();
    let letters = w.len() - real;
    if letters == 0 || real < 2 || letters > real || !w.is_ascii() {
        return None;
    }
    w.chars().map(glyph).collect()
}

pub(super) fn glyph(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        'o' => Some('0'),
        'l' | 'i' => Some('1'),
        's' => Some('5'),
        'b' => Some('8'),
        _ => None,
    }
}

/// Digits of a word with digits interleaved with single letters ("0a9b1c7d"), at least three
/// digits and never two letters in a row.
pub(super) fn interleaved_digits(w: &str) -> Option<String> {
    if !w.is_ascii() {
        return None;
    }
    let digits: String = w.chars().filter(char::is_ascii_digit).collect();
    let letters = w.len() - digits.len();
    let two_letters = w
        .as_bytes()
        .windows(2)
        .any(|p| p[0].is_ascii_alphabetic() && p[1].is_ascii_alphabetic());
    (digits.len() >= 7 || (digits.len() >= 3 && letters <= digits.len() && !two_letters))
        .then_some(digits)
}

//! The classroom's pure rules: reading a pasted roster, making a username from a first name,
//! and whether a class's sign-in is open at a given moment.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use super::accounts::{self, DISPLAY_NAME_MAX};

/// Children one paste may add.
pub const ROSTER_MAX_LINES: usize = 60;
/// Bytes one paste may hold (60 lines of two long names, with room to spare).
pub const ROSTER_MAX_BYTES: usize = 16 * 1024;
/// Letters of a first name kept in a username (the rest is a number).
const USERNAME_BASE_MAX: usize = 12;

/// Animals handed out as avatars, so 30 tiles on a sign-in page look different.
pub const AVATARS: &[&str] = &[
    "🦊", "🐼", "🐯", "🦁", "🐸", "🐵", "🐨", "🐰", "🦉", "🐢", "🐙", "🦄", "🐝", "🐞", "🦋", "🐳",
    "🐧", "🦒", "🦓", "🐘", "🦔", "🐿️", "🦜", "🐬", "🦀", "🐌", "🦕", "🐹", "🐮", "🐷",
];

/// One child from the paste, before the word rules (which need the word list) look at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterEntry {
    /// 1-based line number in the paste, for the teacher.
    pub line: usize,
    /// The first name: what the username is made from.
    pub name: String,
    /// What classmates see (the name when no second column was given).
    pub display_name: String,
}

/// Why one line cannot become an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub code: &'static str,
    pub message: String,
}

impl LineError {
    pub fn new(line: usize, code: &'static str, message: impl Into<String>) -> LineError {
        LineError {
            line,
            code,
            message: message.into(),
        }
    }
}

/// Splits one CSV line into fields: `,` `;` or a tab separate; double quotes group (`""` is a
/// quote). Spreadsheets export all three separators depending on the locale.
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' | ';' | '\t' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// Reads a pasted roster: one child per line, `name` or `name, display name`. A first line
/// that is a header (`name,display_name`) is skipped; blank lines at the end are ignored.
/// Returns the entries, and every line that is empty, malformed, too long or repeated.
pub fn parse_roster(text: &str) -> (Vec<RosterEntry>, Vec<LineError>) {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (i, raw) in lines.iter().enumerate() {
        let line = i + 1;
        let cols = fields(raw);
        if i == 0 && is_header(&cols) {
            continue;
        }
        let cols: Vec<String> = cols.into_iter().map(|c| c.trim().to_string()).collect();
        let name = cols.first().cloned().unwrap_or_default();
        if name.is_empty() {
            errors.push(LineError::new(line, "empty_line", "This line has no name."));
            continue;
        }
        if cols.len() > 2 && cols[2..].iter().any(|c| !c.is_empty()) {
            errors.push(LineError::new(
                line,
                "too_many_columns",
                "A line holds a name and, after a comma, the name classmates see. Nothing more.",
            ));
            continue;
        }
        let shown = cols.get(1).filter(|c| !c.is_empty()).unwrap_or(&name);
        if super::text::has_unshowable(&name, false) || super::text::has_unshowable(shown, false) {
            errors.push(LineError::new(
                line,
                "invalid_name",
                "This name has characters that cannot be shown.",
            ));
            continue;
        }
        let checked = accounts::validate_display_name(&name)
            .and_then(|n| accounts::validate_display_name(shown).map(|s| (n, s)));
        let Ok((name, display_name)) = checked else {
            errors.push(LineError::new(
                line,
                "too_long",
                format!("A name can have up to {DISPLAY_NAME_MAX} characters."),
            ));
            continue;
        };
        let key = fold_key(&display_name);
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            errors.push(LineError::new(
                line,
                "duplicate",
                format!("This name is already on line {first}. Add a letter to tell them apart."),
            ));
            continue;
        }
        seen.push((key, line));
        entries.push(RosterEntry {
            line,
            name,
            display_name,
        });
    }
    (entries, errors)
}

fn is_header(cols: &[String]) -> bool {
    let first = cols
        .first()
        .map(|c| c.trim().to_lowercase())
        .unwrap_or_default();
    matches!(
        first.as_str(),
        "name" | "first name" | "first_name" | "pangalan"
    )
}

/// Letters and digits of `text` without accents, in lower case: "Zoë" and "zoe" are one name.
pub fn fold_key(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        decompose_compatible(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase().filter(|x| x.is_alphanumeric()));
            }
        });
    }
    out
}

/// The start of a username made from a first name: ASCII letters and digits only, at most
/// twelve, or "kid" when the name has none (the number added after keeps it unique).
pub fn username_base(name: &str) -> String {
    let base: String = fold_key(name)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(USERNAME_BASE_MAX)
        .collect();
    if base.is_empty() || !base.starts_with(|c: char| c.is_ascii_lowercase()) {
        format!("kid{base}")
            .chars()
            .take(USERNAME_BASE_MAX)
            .collect()
    } else {
        base
    }
}

/// How a class's sign-in page and cards are opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignIn {
    /// Open in the teacher's hours (the default), closed outside them.
    Hours,
    Open,
    Closed,
}

impl SignIn {
    pub fn parse(s: &str) -> Option<SignIn> {
        match s {
            "hours" => Some(SignIn::Hours),
            "open" => Some(SignIn::Open),
            "closed" => Some(SignIn::Closed),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SignIn::Hours => "hours",
            SignIn::Open => "open",
            SignIn::Closed => "closed",
        }
    }
}

/// A class's sign-in rule: the mode and the hours as minutes after the teacher's midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours {
    pub mode: SignIn,
    pub from: i64,
    pub to: i64,
    /// The teacher's offset from UTC, in minutes (east positive).
    pub utc_offset: i64,
}

impl Hours {
    /// Whether children may sign in at `now` (Unix seconds). Hours that run past midnight
    /// (from > to) wrap.
    pub fn open_at(&self, now: i64) -> bool {
        match self.mode {
            SignIn::Open => true,
            SignIn::Closed => false,
            SignIn::Hours => {
                let m = (now.div_euclid(60) + self.utc_offset).rem_euclid(1440);
                if self.from < self.to {
                    (self.from..self.to).contains(&m)
                } else {
                    m >= self.from || m < self.to
                }
            }
        }
    }
}

/// "07:30" for 450 minutes.
pub fn clock(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

/// Minutes after midnight from "HH:MM" (24-hour clock; "24:00" is the end of the day).
pub fn parse_clock(s: &str) -> Option<i64> {
    let (h, m) = s.trim().split_once(':')?;
    if h.len() > 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    let total = h * 60 + m;
    ((0..60).contains(&m) && (0..=1440).contains(&total)).then_some(total)
}

/// A QR code for `text` as an SVG image (black on white, with its quiet zone), made by the
/// `qrcode` crate; medium error correction survives a crumpled card.
pub fn qr_svg(text: &str) -> Option<String> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(160, 160)
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_roster_reads_names_csv_and_a_header() {
        let (ok, bad) =
            parse_roster("name,display_name\nAna\r\n\"Ben, Jr\";Benny\nCruz\tCruzie\n\n");
        assert!(bad.is_empty(), "{bad:?}");
        let got: Vec<(&str, &str)> = ok
            .iter()
            .map(|e| (e.name.as_str(), e.display_name.as_str()))
            .collect();
        assert_eq!(
            got,
            [("Ana", "Ana"), ("Ben, Jr", "Benny"), ("Cruz", "Cruzie")]
        );
        assert_eq!(ok[2].line, 4);
    }

    #[test]
    fn empty_repeated_long_and_wide_lines_are_reported_by_number() {
        let long = "x".repeat(DISPLAY_NAME_MAX + 1);
        let text = format!("Ana\n\n ana \nZoë\nzoe\n{long}\nA,B,C\n , Bee\nOk\u{7}");
        let (ok, bad) = parse_roster(&text);
        assert_eq!(ok.len(), 2);
        let codes: Vec<(usize, &str)> = bad.iter().map(|e| (e.line, e.code)).collect();
        assert_eq!(
            codes,
            [
                (2, "empty_line"),
                (3, "duplicate"),
                (5, "duplicate"),
                (6, "too_long"),
                (7, "too_many_columns"),
                (8, "empty_line"),
                (9, "invalid_name"),
            ]
        );
    }

    #[test]
    fn usernames_come_from_the_letters_of_a_first_name() {
        assert_eq!(username_base("José María"), "josemaria");
        assert_eq!(username_base("Ñiña"), "nina");
        assert_eq!(username_base("李"), "kid");
        assert_eq!(username_base("7even"), "kid7even");
        assert_eq!(username_base("Maximiliano Alejandro"), "maximilianoa");
    }

    #[test]
    fn hours_are_read_in_the_teachers_time_and_may_wrap() {
        let h = Hours {
            mode: SignIn::Hours,
            from: 450,
            to: 960,
            utc_offset: 480,
        };
        // 00:00 UTC is 08:00 in Manila (UTC+8): open; 09:00 UTC is 17:00 there: closed.
        assert!(h.open_at(0));
        assert!(!h.open_at(9 * 3600));
        let night = Hours {
            from: 1320,
            to: 120,
            utc_offset: 0,
            ..h
        };
        assert!(night.open_at(23 * 3600) && night.open_at(3600) && !night.open_at(12 * 3600));
        assert!(
            Hours {
                mode: SignIn::Open,
                ..h
            }
            .open_at(9 * 3600)
        );
        assert!(
            !Hours {
                mode: SignIn::Closed,
                ..h
            }
            .open_at(0)
        );
    }

    #[test]
    fn a_qr_code_is_an_svg_image() {
        let svg = qr_svg("http://tales.local/card#abc").expect("qr");
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
    }

    #[test]
    fn clocks_read_and_print() {
        assert_eq!(parse_clock("07:30"), Some(450));
        assert_eq!(parse_clock("24:00"), Some(1440));
        assert_eq!(parse_clock("24:01"), None);
        assert_eq!(parse_clock("7:60"), None);
        assert_eq!(parse_clock("99999999999999999999:00"), None);
        assert_eq!(parse_clock("7:5"), None);
        assert_eq!(parse_clock("7:30"), Some(450));
        assert_eq!(clock(450), "07:30");
    }
}

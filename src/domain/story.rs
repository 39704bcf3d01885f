//! Story rules with no I/O: genres, titles, summaries, page text, limits, library sorts.

use super::accounts::FieldError;

/// The fixed genre list: (id, bit).
pub const GENRES: &[&str] = &[
    "adventure",
    "fantasy",
    "animals",
    "friendship",
    "family",
    "mystery",
    "science",
    "funny",
    "fairy_tale",
    "other",
];

/// Longest title, in characters.
pub const TITLE_MAX: usize = 120;
/// Longest summary, in characters.
pub const SUMMARY_MAX: usize = 500;
/// Longest page text, in characters.
pub const PAGE_TEXT_MAX: usize = 5000;
/// Most pages in one story.
pub const MAX_PAGES: usize = 60;
/// Most genres on one story.
pub const MAX_GENRES: usize = 3;
/// Longest comment, in characters.
pub const COMMENT_MAX: usize = 1000;

fn err(field: &'static str, code: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        code,
        message: message.into(),
    }
}

/// A title: trimmed, one line, 1–120 characters.
pub fn validate_title(raw: &str) -> Result<String, FieldError> {
    if super::text::has_unshowable(raw, false) {
        return Err(err(
            "title",
            "invalid_title",
            "A title must be on one line.",
        ));
    }
    let t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = t.chars().count();
    if n == 0 || n > TITLE_MAX {
        return Err(err(
            "title",
            "invalid_title",
            format!("A title needs 1 to {TITLE_MAX} characters."),
        ));
    }
    Ok(t)
}

/// A summary: trimmed, up to 500 characters, line breaks allowed.
pub fn validate_summary(raw: &str) -> Result<String, FieldError> {
    long_text("summary", "invalid_summary", raw, SUMMARY_MAX, "A summary")
}

/// Page text: up to 5000 characters, line breaks allowed; trailing space kept off.
pub fn validate_page_text(raw: &str) -> Result<String, FieldError> {
    long_text("text", "invalid_text", raw, PAGE_TEXT_MAX, "A page")
}

/// A comment: 1–1000 characters.
pub fn validate_comment(raw: &str) -> Result<String, FieldError> {
    let c = long_text("text", "invalid_comment", raw, COMMENT_MAX, "A comment")?;
    if c.is_empty() {
        return Err(err("text", "invalid_comment", "Write something first."));
    }
    Ok(c)
}

fn long_text(
    field: &'static str,
    code: &'static str,
    raw: &str,
    max: usize,
    what: &str,
) -> Result<String, FieldError> {
    let t = raw.replace("\r\n", "\n").trim().to_string();
    if super::text::has_unshowable(&t, true) {
        return Err(err(
            field,
            code,
            format!("{what} has characters we cannot show."),
        ));
    }
    if t.chars().count() > max {
        return Err(err(
            field,
            code,
            format!("{what} can have at most {max} characters."),
        ));
    }
    Ok(t)
}

/// Lower-cased title for sorting.
pub fn title_key(title: &str) -> String {
    title.to_lowercase()
}

/// Checks genres against the fixed list; returns them deduplicated and their bit mask.
pub fn validate_genres(raw: &[String]) -> Result<(Vec<String>, i64), FieldError> {
    let mut out: Vec<String> = Vec::new();
    let mut mask = 0i64;
    for g in raw {
        let g = g.trim().to_lowercase().replace(' ', "_");
        let Some(bit) = GENRES.iter().position(|x| *x == g) else {
            return Err(err(
                "genres",
                "invalid_genre",
                format!("Pick genres from: {}.", GENRES.join(", ")),
            ));
        };
        if !out.contains(&g) {
            out.push(g);
            mask |= 1 << bit;
        }
    }
    if out.len() > MAX_GENRES {
        return Err(err(
            "genres",
            "invalid_genre",
            format!("Pick at most {MAX_GENRES} genres."),
        ));
    }
    Ok((out, mask))
}

/// The bit of one genre (for filtering).
pub fn genre_bit(g: &str) -> Option<i64> {
    GENRES.iter().position(|x| *x == g).map(|b| 1i64 << b)
}

/// A library sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Newest first.
    New,
    /// Most liked in the last 30 days.
    Popular,
    /// Best rated.
    Top,
    /// Most viewed.
    Views,
    /// A to Z.
    Title,
    /// Best search match (only with a query).
    Relevance,
}

impl Sort {
    /// Parses the `sort` query value.
    pub fn parse(s: &str) -> Option<Sort> {
        Some(match s {
            "new" => Sort::New,
            "popular" => Sort::Popular,
            "top" => Sort::Top,
            "views" => Sort::Views,
            "title" => Sort::Title,
            "relevance" => Sort::Relevance,
            _ => return None,
        })
    }
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::New => "new",
            Sort::Popular => "popular",
            Sort::Top => "top",
            Sort::Views => "views",
            Sort::Title => "title",
            Sort::Relevance => "relevance",
        }
    }
}

/// A damped average rating x 1000: a story with one 5-star vote does not outrank one with fifty
/// 4.8s. Two phantom votes of 3 pull small samples towards the middle.
pub fn rating_score(sum: i64, count: i64) -> i64 {
    (sum + 6) * 1000 / (count + 2)
}

/// Turns a free-text search into a safe FTS5 query: every word becomes a quoted prefix term,
/// all required (`"drag"* AND "prin"*`). `None` when there is nothing to search for.
pub fn fts_query(q: &str) -> Option<String> {
    let terms: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("\"{}\"*", w.to_lowercase()))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genres_are_checked_and_masked() {
        let (g, mask) = validate_genres(&["Fairy Tale".into(), "animals".into(), "animals".into()])
            .expect("ok");
        assert_eq!(g, vec!["fairy_tale", "animals"]);
        assert_eq!(mask, (1 << 8) | (1 << 2));
        assert!(validate_genres(&["horror".into()]).is_err());
        assert!(
            validate_genres(&[
                "funny".into(),
                "family".into(),
                "fantasy".into(),
                "other".into()
            ])
            .is_err()
        );
    }

    #[test]
    fn titles_and_texts_are_bounded() {
        assert_eq!(
            validate_title("  The   Brave  Cat ").as_deref(),
            Ok("The Brave Cat")
        );
        assert!(validate_title("").is_err());
        assert!(validate_title(&"x".repeat(121)).is_err());
        assert!(validate_title("a\nb").is_err());
        assert_eq!(
            validate_page_text("Once upon a time.\r\nThe end.  ").as_deref(),
            Ok("Once upon a time.\nThe end.")
        );
        assert!(validate_page_text(&"x".repeat(5001)).is_err());
        assert!(validate_comment("   ").is_err());
        assert!(validate_summary("bell\u{7}").is_err());
    }

    #[test]
    fn ratings_are_damped() {
        assert!(
            rating_score(5, 1) < rating_score(240, 50),
            "one 5 < fifty 4.8s"
        );
        assert_eq!(rating_score(0, 0), 3000);
    }

    #[test]
    fn search_text_becomes_safe_prefix_terms() {
        assert_eq!(
            fts_query("Dragon princess").as_deref(),
            Some("\"dragon\"* AND \"princess\"*")
        );
        assert_eq!(
            fts_query("\" OR title:* NEAR("),
            Some("\"or\"* AND \"title\"* AND \"near\"*".into())
        );
        assert_eq!(fts_query("  !!! "), None);
        assert_eq!(
            fts_query("aso't pusa").as_deref(),
            Some("\"aso\"* AND \"t\"* AND \"pusa\"*")
        );
    }
}

//! Library search helpers over the search index's vocabulary (`story_vocab`).

use rusqlite::{Connection, OptionalExtension};

use crate::domain::typos;

/// Most vocabulary terms read for one word (a big library's words starting with one letter).
const SCAN: i64 = 20_000;

// The end of a range of terms that start with `prefix` (every term sorts below it).
fn range_end(prefix: &str) -> String {
    format!("{prefix}\u{10ffff}")
}

/// True when some word in the index starts with `word`.
fn known(c: &Connection, word: &str) -> rusqlite::Result<bool> {
    c.prepare_cached("SELECT 1 FROM story_vocab WHERE term >= ?1 AND term < ?2 LIMIT 1")?
        .query_row([word, &range_end(word)], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}

/// The search `q` with each word the index does not know replaced by the closest one it does
/// (one slip away); `None` when nothing could be corrected.
pub fn corrected(c: &Connection, q: &str) -> rusqlite::Result<Option<String>> {
    let mut words = typos::words(q);
    let mut changed = false;
    let mut scan = c.prepare_cached(
        "SELECT term, doc FROM story_vocab WHERE term >= ?1 AND term < ?2 LIMIT ?3",
    )?;
    for word in &mut words {
        let len = word.chars().count();
        if !(typos::MIN_LEN..=typos::MAX_LEN).contains(&len) || known(c, word)? {
            continue;
        }
        let prefix = typos::scan_prefix(word);
        let terms: Vec<(String, i64)> = scan
            .query_map(rusqlite::params![prefix, range_end(&prefix), SCAN], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        if let Some(better) = typos::closest(word, terms.iter().map(|(t, d)| (t.as_str(), *d))) {
            *word = better;
            changed = true;
        }
    }
    Ok(changed.then(|| words.join(" ")))
}

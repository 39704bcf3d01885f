//! Library search helpers over the search index's vocabulary (`story_vocab`).

use rusqlite::{Connection, OptionalExtension};

use crate::domain::typos;

/// Most vocabulary terms read for one near place (words starting with two given letters).
const NEAR: i64 = 2_000;
/// Most vocabulary terms read for the wide place (a big library's words starting with a letter).
const WIDE: i64 = 20_000;

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
        // Reading the vocabulary counts each term's stories, so the near places come first.
        let mut read = |prefix: &str, most: i64| -> rusqlite::Result<Vec<(String, i64)>> {
            scan.query_map(rusqlite::params![prefix, range_end(prefix), most], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect()
        };
        let mut terms: Vec<(String, i64)> = Vec::new();
        for prefix in typos::near_prefixes(word) {
            terms.extend(read(&prefix, NEAR)?);
        }
        let mut better = typos::closest(word, terms.iter().map(|(t, d)| (t.as_str(), *d)));
        if better.is_none() {
            let wide = read(&typos::wide_prefix(word), WIDE)?;
            better = typos::closest(word, wide.iter().map(|(t, d)| (t.as_str(), *d)));
        }
        if let Some(better) = better {
            *word = better;
            changed = true;
        }
    }
    Ok(changed.then(|| words.join(" ")))
}

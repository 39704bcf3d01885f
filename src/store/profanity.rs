//! The profanity service: the word list in SQLite, a compiled matcher, an LRU verdict cache,
//! and [`Profanity::guard`], the one rule every text others can see passes. The list itself is
//! never sent to clients: the editor's live hint asks `POST /api/text/check`.
//!
//! Every user-written field goes through [`Profanity::check`]. Verdicts are cached by a keyed
//! hash of the text (so nobody can craft collisions), and the cache is emptied whenever the list
//! changes. Changes made by another process (the CLI) are noticed by polling the list version
//! that triggers in the schema maintain.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use lru::LruCache;
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

use crate::db::Db;
use crate::domain::profanity::{
    Hit, Language, Matcher, Severity, Word, clean_word, hint, mask, starter,
};
use crate::error::{Error, Result};

/// What the filter found in one text.
#[derive(Debug, Default)]
pub struct Verdict {
    /// Where the words are.
    pub hits: Vec<Hit>,
    /// The dictionary words found (deduplicated) and how bad each is.
    pub words: Vec<(String, Severity)>,
    /// The worst severity found.
    pub worst: Option<Severity>,
}

impl Verdict {
    /// True when nothing was found.
    pub fn is_clean(&self) -> bool {
        self.hits.is_empty()
    }

    /// The words at least as bad as `floor`.
    pub fn words_at_least(&self, floor: Severity) -> Vec<String> {
        self.words
            .iter()
            .filter(|(_, s)| *s >= floor)
            .map(|(w, _)| w.clone())
            .collect()
    }
}

struct Compiled {
    version: i64,
    words: Vec<Word>,
    /// Built at the first text check, not at start: the forms of every listed word take a
    /// few milliseconds and about a megabyte, which an idle server (or one only serving the
    /// library) never needs.
    matcher: OnceLock<Matcher>,
}

impl Compiled {
    fn build(version: i64, words: Vec<Word>) -> Compiled {
        Compiled {
            version,
            words,
            matcher: OnceLock::new(),
        }
    }

    fn matcher(&self) -> &Matcher {
        self.matcher
            .get_or_init(|| Matcher::new(self.words.clone()))
    }
}

/// The running filter.
pub struct Profanity {
    compiled: RwLock<Arc<Compiled>>,
    cache: Mutex<LruCache<(i64, u64, usize), Arc<Verdict>>>,
    hasher: RandomState,
}

impl Profanity {
    /// Seeds the starter list on first start, then compiles the stored list. Blocking.
    pub fn open(db: &Db, cache_entries: usize) -> std::result::Result<Profanity, String> {
        let (version, words) = db
            .write_blocking(|tx| {
                seed_starter_if_needed(tx)?;
                Ok((list_version(tx)?, load_words(tx)?))
            })
            .map_err(|e| format!("cannot load the profanity list: {e}"))?;
        let cap = NonZeroUsize::new(cache_entries.max(1)).unwrap_or(NonZeroUsize::MIN);
        Ok(Profanity {
            compiled: RwLock::new(Arc::new(Compiled::build(version, words))),
            cache: Mutex::new(LruCache::new(cap)),
            hasher: RandomState::new(),
        })
    }

    fn current(&self) -> Arc<Compiled> {
        Arc::clone(&self.compiled.read().unwrap_or_else(|p| p.into_inner()))
    }

    /// Checks a text, using the cache.
    pub fn check(&self, text: &str) -> Arc<Verdict> {
        if text.is_empty() {
            return Arc::new(Verdict::default());
        }
        let compiled = self.current();
        // The version is part of the key: a verdict computed with an old list can never be
        // served after the list changed, even if it was stored after the swap.
        let key = (compiled.version, self.hasher.hash_one(text), text.len());
        if let Some(v) = self
            .cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&key)
        {
            return Arc::clone(v);
        }
        let matcher = compiled.matcher();
        let hits = matcher.find(text);
        let words = matcher
            .words_for(&hits)
            .into_iter()
            .map(|w| {
                let sev = hits
                    .iter()
                    .filter(|h| matcher.words()[h.word].text == w)
                    .map(|h| matcher.severity(h))
                    .max()
                    .unwrap_or(Severity::Moderate);
                (w, sev)
            })
            .collect();
        let verdict = Arc::new(Verdict {
            words,
            worst: matcher.worst(&hits),
            hits,
        });
        self.cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .put(key, Arc::clone(&verdict));
        verdict
    }

    /// The one rule for text a child writes that anyone else may see (titles, pages, comments,
    /// chat, names, bios): any listed word, however mild or disguised, and any personal detail
    /// (phone, address, e-mail, link, handle) is refused before it is stored. Nothing is posted
    /// masked. The refusal names the field and hints at a word by its first letter only.
    pub fn guard(&self, field: &'static str, text: &str) -> Result<()> {
        let verdict = self.check(text);
        if !verdict.is_clean() {
            let found: Vec<String> = verdict.words.iter().map(|(w, _)| w.clone()).collect();
            let hints = found.iter().map(|w| hint(w)).collect();
            return Err(Error::profanity(field, hints, found));
        }
        if let Some(kind) = crate::domain::personal::first(text) {
            return Err(Error::personal(field, kind.as_str()));
        }
        // A name is shown beside everything a person does: it holds no number long enough to
        // be part of a phone number, however it is dressed up (`DM 917.5558217`).
        let digits = text.chars().filter(|c| c.is_numeric()).count();
        if matches!(field, "display_name" | "username" | "name") && digits >= 7 {
            return Err(Error::personal(field, "phone"));
        }
        Ok(())
    }

    /// The text with every listed word masked, and the verdict.
    pub fn masked(&self, text: &str) -> (String, Arc<Verdict>) {
        let v = self.check(text);
        if v.is_clean() {
            (text.to_string(), v)
        } else {
            (mask(text, &v.hits), v)
        }
    }

    /// The list version the matcher was built from.
    pub fn version(&self) -> i64 {
        self.current().version
    }

    /// Active words in the compiled list.
    pub fn active_count(&self) -> usize {
        self.current().words.iter().filter(|w| w.active).count()
    }

    /// Rebuilds when the stored list changed; returns whether it did.
    pub async fn refresh(&self, db: &Db) -> Result<bool> {
        let known = self.version();
        let stored = db.read(|c| list_version(c).map_err(Error::from)).await?;
        if stored == known {
            return Ok(false);
        }
        let (version, words) = db.read(|c| Ok((list_version(c)?, load_words(c)?))).await?;
        self.install(version, words);
        Ok(true)
    }

    /// Swaps in a new list and empties the verdict cache.
    pub fn install(&self, version: i64, words: Vec<Word>) {
        let compiled = Arc::new(Compiled::build(version, words));
        *self.compiled.write().unwrap_or_else(|p| p.into_inner()) = compiled;
        self.cache.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}

// --- SQL ------------------------------------------------------------------------------------

/// The list version maintained by triggers (0 before any word exists).
pub fn list_version(conn: &Connection) -> rusqlite::Result<i64> {
    let v: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'profanity_version'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(v.and_then(|s| s.parse().ok()).unwrap_or(0))
}

fn word_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Word> {
    let lang: String = r.get(2)?;
    let sev: String = r.get(3)?;
    Ok(Word {
        id: r.get(0)?,
        text: r.get(1)?,
        language: Language::parse(&lang).unwrap_or(Language::En),
        severity: Severity::parse(&sev).unwrap_or(Severity::Moderate),
        active: r.get::<_, i64>(4)? != 0,
    })
}

/// Every stored word, active or not.
pub fn load_words(conn: &Connection) -> rusqlite::Result<Vec<Word>> {
    list_words(conn, None)
}

/// Stored words, optionally of one language, ordered by word.
pub fn list_words(conn: &Connection, language: Option<Language>) -> rusqlite::Result<Vec<Word>> {
    let mut stmt = conn.prepare(
        "SELECT id, word, language, severity, active FROM profanity_words
         WHERE ?1 IS NULL OR language = ?1 ORDER BY word, language",
    )?;
    let rows = stmt.query_map([language.map(Language::as_str)], word_from_row)?;
    rows.collect()
}

/// Loads the built-in list once per database (an admin who empties the list keeps it empty).
pub fn seed_starter_if_needed(tx: &Connection) -> rusqlite::Result<usize> {
    let seeded: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM settings WHERE key = 'profanity_seeded')",
        [],
        |r| r.get(0),
    )?;
    if seeded {
        return Ok(0);
    }
    let now = crate::time::now();
    let mut added = 0;
    for &(word, language, severity) in starter::STARTER {
        added += tx.execute(
            "INSERT OR IGNORE INTO profanity_words (word, language, severity, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![word, language.as_str(), severity.as_str(), now],
        )?;
    }
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ('profanity_seeded', ?1)",
        [now.to_string()],
    )?;
    Ok(added)
}

/// What adding a word did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// A new row.
    New,
    /// An existing row was changed (severity, or reactivated).
    Updated,
    /// Already there as asked.
    Unchanged,
}

/// Adds (or reactivates and re-grades) a word. `Err` when the word is unusable.
pub fn add_word(
    tx: &Connection,
    raw: &str,
    language: Language,
    severity: Severity,
) -> std::result::Result<Added, String> {
    let word = clean_word(raw).ok_or_else(|| format!("{raw:?} is not a usable word"))?;
    let now = crate::time::now();
    let existing: Option<(String, i64)> = tx
        .query_row(
            "SELECT severity, active FROM profanity_words WHERE word = ?1 AND language = ?2",
            params![word, language.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(|e| e.to_string())?;
    match existing {
        None => {
            tx.execute(
                "INSERT INTO profanity_words (word, language, severity, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)",
                params![word, language.as_str(), severity.as_str(), now],
            )
            .map_err(|e| e.to_string())?;
            Ok(Added::New)
        }
        Some((sev, active)) if sev == severity.as_str() && active == 1 => Ok(Added::Unchanged),
        Some(_) => {
            tx.execute(
                "UPDATE profanity_words SET severity = ?3, active = 1, updated_at = ?4
                 WHERE word = ?1 AND language = ?2",
                params![word, language.as_str(), severity.as_str(), now],
            )
            .map_err(|e| e.to_string())?;
            Ok(Added::Updated)
        }
    }
}

/// Deletes a word (in one language, or all); returns rows removed.
pub fn remove_word(
    tx: &Connection,
    raw: &str,
    language: Option<Language>,
) -> rusqlite::Result<usize> {
    let word = clean_word(raw).unwrap_or_else(|| raw.trim().to_lowercase());
    tx.execute(
        "DELETE FROM profanity_words WHERE word = ?1 AND (?2 IS NULL OR language = ?2)",
        params![word, language.map(Language::as_str)],
    )
}

/// Parses a word file: one word or phrase per line, `#` starts a comment.
pub fn parse_word_file(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// One word as the admin list shows it.
pub fn word_json(c: &Connection, id: i64) -> rusqlite::Result<Option<Value>> {
    c.query_row(
        &format!("SELECT {WORD_COLUMNS} FROM profanity_words WHERE id = ?1"),
        [id],
        word_row,
    )
    .optional()
}

/// Reads one row of [`WORD_COLUMNS`].
pub fn word_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    Ok(json!({
        "id": r.get::<_, i64>(0)?, "word": r.get::<_, String>(1)?,
        "language": r.get::<_, String>(2)?, "severity": r.get::<_, String>(3)?,
        "active": r.get::<_, bool>(4)?, "hits": r.get::<_, i64>(5)?,
        "created_at": r.get::<_, i64>(6)?,
    }))
}

/// The columns of a word in the admin list.
pub const WORD_COLUMNS: &str = "id, word, language, severity, active, hits, created_at";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_files_skip_comments_and_blanks() {
        let text = "# English extras\nbadword\n\n  another one  # trailing note\n#only comment\n";
        assert_eq!(parse_word_file(text), vec!["badword", "another one"]);
    }
}

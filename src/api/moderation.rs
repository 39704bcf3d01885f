//! Recording profanity violations and flagging accounts for the admin's moderation queue.

use rusqlite::{Connection, params};
use serde_json::json;

/// Violations within this window...
const WINDOW_SECS: i64 = 24 * 3600;
/// ...at or above this count flag the account.
const FLAG_AT: i64 = 3;

/// Records masked words a user posted; the third violation in 24 hours opens a moderation flag
/// (one open flag per account). Returns whether the account is now flagged.
pub fn record_violation(
    tx: &Connection,
    user: i64,
    field: &str,
    words: &[String],
) -> rusqlite::Result<bool> {
    let now = crate::time::now();
    tx.execute(
        "INSERT INTO profanity_violations (user_id, field, words, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![user, field, json!(words).to_string(), now],
    )?;
    tx.execute(
        "UPDATE profiles SET violation_count = violation_count + 1 WHERE user_id = ?1",
        [user],
    )?;
    // Hits per word feed the admin's word statistics.
    for w in words {
        tx.execute(
            "UPDATE profanity_words SET hits = hits + 1 WHERE word = ?1 AND active = 1",
            [w],
        )?;
    }
    let recent: i64 = tx.query_row(
        "SELECT count(*) FROM profanity_violations WHERE user_id = ?1 AND created_at > ?2",
        params![user, now - WINDOW_SECS],
        |r| r.get(0),
    )?;
    if recent < FLAG_AT {
        return Ok(false);
    }
    tx.execute(
        "INSERT OR IGNORE INTO moderation_flags (user_id, kind, reason, detail, created_at)
         VALUES (?1, 'profanity', ?2, ?3, ?4)",
        params![
            user,
            format!("{recent} profanity violations in 24 hours"),
            json!({ "violations_24h": recent }).to_string(),
            now
        ],
    )?;
    tx.execute("UPDATE profiles SET flagged = 1 WHERE user_id = ?1", [user])?;
    Ok(true)
}

//! Recording profanity violations and flagging accounts for the admin's moderation queue.

use rusqlite::{Connection, params};
use serde_json::json;

/// Violations within this window...
const WINDOW_SECS: i64 = 24 * 3600;
/// ...at or above this count flag the account.
const FLAG_AT: i64 = 3;

/// Records a refused text (`kind` is `profanity` or `personal_details`); the third violation of a
/// kind in 24 hours opens a moderation flag of that kind (one open flag per account and kind),
/// so a grown-up sees repeated tries. Returns whether the account is now flagged.
pub fn record_violation(
    tx: &Connection,
    user: i64,
    kind: &str,
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
    for w in words.iter().filter(|_| kind == "profanity") {
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
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            user,
            kind,
            if kind == "profanity" {
                format!("{recent} refused texts in 24 hours (rude words)")
            } else {
                format!("{recent} refused texts in 24 hours (tried to share personal details)")
            },
            json!({ "violations_24h": recent }).to_string(),
            now
        ],
    )?;
    tx.execute("UPDATE profiles SET flagged = 1 WHERE user_id = ?1", [user])?;
    Ok(true)
}

//! The audit log: security and admin events, written in the same transaction as what they
//! describe so the log never claims something that did not happen.

use rusqlite::{Connection, params};
use serde_json::Value;

/// Records one event.
pub fn record(
    conn: &Connection,
    actor: Option<i64>,
    action: &str,
    target: Option<(&str, String)>,
    ip: Option<&str>,
    detail: &Value,
) -> rusqlite::Result<()> {
    let (target_type, target_id) = match target {
        Some((t, id)) => (Some(t), Some(id)),
        None => (None, None),
    };
    conn.execute(
        "INSERT INTO audit_log (at, actor_id, action, target_type, target_id, ip, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            crate::time::now(),
            actor,
            action,
            target_type,
            target_id,
            ip,
            detail.to_string()
        ],
    )?;
    Ok(())
}

//! The audit log: security and admin events, written in the same transaction as what they
//! describe so the log never claims something that did not happen.

use rusqlite::{Connection, params};
use serde_json::{Value, json};

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

/// The audit list's query; callers add WHERE and ORDER.
pub const AUDIT_SELECT: &str = "SELECT a.id, a.at, a.actor_id, u.username, a.action, a.target_type,
    a.target_id, a.ip, a.detail FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id";

/// One audit entry as the admin sees it.
pub fn audit_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    let actor = match r.get::<_, Option<i64>>(2)? {
        Some(id) => json!({ "id": id, "username": r.get::<_, Option<String>>(3)? }),
        None => Value::Null,
    };
    let detail: String = r.get(8)?;
    Ok(json!({
        "id": r.get::<_, i64>(0)?, "at": r.get::<_, i64>(1)?, "actor": actor,
        "action": r.get::<_, String>(4)?, "target_type": r.get::<_, Option<String>>(5)?,
        "target_id": r.get::<_, Option<String>>(6)?, "ip": r.get::<_, Option<String>>(7)?,
        "detail": serde_json::from_str::<Value>(&detail).unwrap_or(Value::Null),
    }))
}

/// Audit entries done by or about a user, newest first.
pub fn entries_about_user(c: &Connection, user: i64, limit: i64) -> rusqlite::Result<Vec<Value>> {
    c.prepare_cached(&format!(
        "{AUDIT_SELECT} WHERE a.actor_id = ?1 OR (a.target_type = 'user' AND a.target_id = ?2)
         ORDER BY a.id DESC LIMIT ?3"
    ))?
    .query_map(params![user, user.to_string(), limit], audit_row)?
    .collect()
}

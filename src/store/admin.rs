//! SQL for the admin console: users as the admin sees them, and teachers' approval.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::store::audit;

/// The columns [`row`] reads, over `users u JOIN profiles p`.
pub const COLUMNS: &str = "u.id, u.username, p.display_name, u.role, u.status, u.suspended_until,
    u.created_at, u.last_seen_at, p.flagged, p.violation_count, u.pending_approval";

/// A user as the admin's list shows them.
pub fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    Ok(json!({
        "id": r.get::<_, i64>(0)?, "username": r.get::<_, String>(1)?,
        "display_name": r.get::<_, String>(2)?, "role": r.get::<_, String>(3)?,
        "status": r.get::<_, String>(4)?, "suspended_until": r.get::<_, Option<i64>>(5)?,
        "created_at": r.get::<_, i64>(6)?, "last_seen_at": r.get::<_, Option<i64>>(7)?,
        "flagged": r.get::<_, bool>(8)?, "violation_count": r.get::<_, i64>(9)?,
        "pending_approval": r.get::<_, bool>(10)?,
    }))
}

/// One user as the admin sees them.
pub fn user_json(c: &Connection, id: i64) -> rusqlite::Result<Option<Value>> {
    c.query_row(
        &format!(
            "SELECT {COLUMNS} FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.id = ?1"
        ),
        [id],
        row,
    )
    .optional()
}

/// Approves a teacher (or puts one back to waiting), with an audit row. Only teachers wait.
pub fn set_approved(
    tx: &Connection,
    id: i64,
    approved: bool,
    actor: Option<i64>,
    ip: Option<&str>,
) -> Result<()> {
    let role: String = tx
        .query_row("SELECT role FROM users WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(no_user)?;
    if role != "teacher" {
        return Err(Error::invalid(
            "approved",
            "not_a_teacher",
            "Only teacher accounts wait for approval.",
        ));
    }
    tx.execute(
        "UPDATE users SET pending_approval = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, !approved, crate::time::now()],
    )?;
    if !approved {
        // Cards the teacher printed sign children in: taking approval back ends them.
        tx.execute(
            "DELETE FROM signin_cards WHERE class_id IN (SELECT id FROM classes WHERE teacher_id = ?1)",
            [id],
        )?;
    }
    let action = if approved {
        "teacher_approved"
    } else {
        "teacher_unapproved"
    };
    audit::record(
        tx,
        actor,
        action,
        Some(("user", id.to_string())),
        ip,
        &json!({}),
    )?;
    Ok(())
}

/// 404 for a user id that names nobody.
pub fn no_user() -> Error {
    Error::not_found("not_found", "That user does not exist.")
}

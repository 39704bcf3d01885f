//! Direct messages as both people see them; the pusher reads them back after a commit.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::{Error, Result};
use serde_json::{Value, json};

/// The columns [`message_row`] reads.
pub const COLUMNS: &str = "id, sender_id, receiver_id, text, created_at, edited_at, read_at";

/// A message as both people see it.
pub fn message_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    Ok(json!({
        "id": r.get::<_, i64>(0)?,
        "from": r.get::<_, i64>(1)?,
        "to": r.get::<_, i64>(2)?,
        "text": r.get::<_, String>(3)?,
        "created_at": crate::time::rfc3339(r.get(4)?),
        "edited_at": r.get::<_, Option<i64>>(5)?.map(crate::time::rfc3339),
        "read": r.get::<_, Option<i64>>(6)?.is_some(),
    }))
}

/// One message by id.
pub fn message(c: &Connection, id: i64) -> rusqlite::Result<Option<Value>> {
    c.query_row(
        &format!("SELECT {COLUMNS} FROM messages WHERE id = ?1"),
        [id],
        message_row,
    )
    .optional()
}

pub fn own_message(c: &Connection, id: i64, me: i64) -> Result<i64> {
    c.query_row(
        "SELECT receiver_id FROM messages WHERE id = ?1 AND sender_id = ?2",
        params![id, me],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::not_found("message_not_found", "There is no such message of yours."))
}

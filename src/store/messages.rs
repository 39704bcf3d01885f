//! Direct messages as both people see them; the pusher reads them back after a commit.

use rusqlite::{Connection, OptionalExtension};
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

//! SQL for classes: who teaches what, a class as its teacher sees it, and join codes.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

/// Symbols in a class join code.
pub const JOIN_CODE_LEN: usize = 6;

/// True when `teacher` runs `class`.
pub fn teaches(c: &Connection, teacher: i64, class: i64) -> rusqlite::Result<bool> {
    c.query_row(
        "SELECT EXISTS (SELECT 1 FROM classes WHERE id = ?1 AND teacher_id = ?2)",
        params![class, teacher],
        |r| r.get(0),
    )
}

/// A class as its teacher sees it.
pub fn class_json(c: &Connection, class: i64) -> rusqlite::Result<Option<Value>> {
    let Some(row) = crate::store::classroom::class(c, class)? else {
        return Ok(None);
    };
    c.query_row(
        "SELECT id, name, join_code, created_at,
                (SELECT count(*) FROM class_members WHERE class_id = c.id),
                (SELECT count(*) FROM class_requests WHERE class_id = c.id),
                (SELECT count(*) FROM story_reviews WHERE class_id = c.id AND status = 'waiting')
         FROM classes c WHERE id = ?1",
        [class],
        |r| {
            let mut v = json!({
                "id": r.get::<_, i64>(0)?, "name": r.get::<_, String>(1)?,
                "join_code": r.get::<_, Option<String>>(2)?, "created_at": r.get::<_, i64>(3)?,
                "members": r.get::<_, i64>(4)?, "pending": r.get::<_, i64>(5)?,
                "waiting": r.get::<_, i64>(6)?,
            });
            if let (Value::Object(m), Value::Object(s)) =
                (&mut v, row.settings_json(crate::time::now()))
            {
                m.extend(s);
            }
            Ok(v)
        },
    )
    .optional()
}

/// Sets a fresh, unused join code on a class.
pub fn new_code(tx: &Connection, class: i64) -> rusqlite::Result<String> {
    loop {
        let code = crate::domain::encoding::random_code(JOIN_CODE_LEN);
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM classes WHERE join_code = ?1)",
            [&code],
            |r| r.get(0),
        )?;
        if !taken {
            tx.execute(
                "UPDATE classes SET join_code = ?2 WHERE id = ?1",
                params![class, code],
            )?;
            return Ok(code);
        }
    }
}

//! SQL for friendships and classmates.

use rusqlite::{Connection, params};

pub use crate::store::reach::are_friends;

/// True when `a` and `b` share a class (as members, or one teaches the other's class).
pub fn share_class(conn: &Connection, a: i64, b: i64) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS (
            SELECT 1 FROM class_members x JOIN class_members y ON y.class_id = x.class_id
            WHERE x.user_id = ?1 AND y.user_id = ?2
            UNION ALL
            SELECT 1 FROM classes c JOIN class_members m ON m.class_id = c.id
            WHERE (c.teacher_id = ?1 AND m.user_id = ?2) OR (c.teacher_id = ?2 AND m.user_id = ?1))",
    )?
    .query_row(params![a, b], |r| r.get(0))
}

/// Ids of a user's friends.
pub fn friend_ids(conn: &Connection, user: i64) -> rusqlite::Result<Vec<i64>> {
    conn.prepare_cached("SELECT friend_id FROM friends WHERE user_id = ?1")?
        .query_map([user], |r| r.get(0))?
        .collect()
}

/// Ids of everyone sharing a class with a user (not the user).
pub fn classmate_ids(conn: &Connection, user: i64) -> rusqlite::Result<Vec<i64>> {
    conn.prepare_cached(
        "SELECT y.user_id FROM class_members x JOIN class_members y ON y.class_id = x.class_id
         WHERE x.user_id = ?1 AND y.user_id != ?1
         UNION SELECT c.teacher_id FROM classes c JOIN class_members m ON m.class_id = c.id WHERE m.user_id = ?1
         UNION SELECT m.user_id FROM classes c JOIN class_members m ON m.class_id = c.id
               JOIN users t ON t.id = c.teacher_id
          WHERE c.teacher_id = ?1 AND t.pending_approval = 0",
    )?
    .query_map([user], |r| r.get(0))?
    .collect()
}

/// Makes two people friends (both directions).
pub fn befriend(tx: &Connection, a: i64, b: i64, now: i64) -> rusqlite::Result<()> {
    for (x, y) in [(a, b), (b, a)] {
        tx.execute(
            "INSERT OR IGNORE INTO friends (user_id, friend_id, since) VALUES (?1, ?2, ?3)",
            params![x, y, now],
        )?;
    }
    Ok(())
}

//! SQL for friendships and classmates.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::json;

use crate::domain::accounts::level_for_xp;
use crate::error::{Error, Result};
use crate::store::notifications::notify;
use crate::store::rewards;

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

/// A person in social lists.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub avatar_emoji: String,
    pub avatar_border: String,
    pub level: i64,
}

/// The `SELECT` list for [`card_row`], over `users u JOIN profiles p`.
pub const CARD_COLUMNS: &str =
    "u.id, u.username, p.display_name, p.avatar_emoji, p.avatar_border, p.xp";

/// Reads a card from columns 0..6 (as [`CARD_COLUMNS`]).
pub fn card_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Card> {
    Ok(Card {
        id: r.get(0)?,
        username: r.get(1)?,
        display_name: r.get(2)?,
        avatar_emoji: r.get(3)?,
        avatar_border: r.get(4)?,
        level: level_for_xp(r.get(5)?),
    })
}

/// One active user's card.
pub fn card(conn: &Connection, id: i64) -> rusqlite::Result<Option<Card>> {
    conn.prepare_cached(&format!(
        "SELECT {CARD_COLUMNS} FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.id = ?1 AND u.status = 'active'"
    ))?
    .query_row([id], card_row)
    .optional()
}

pub fn accept_in(
    tx: &crate::db::Tx<'_>,
    request: i64,
    from: i64,
    to: i64,
    now: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE friend_requests SET status = 'accepted', responded_at = ?2 WHERE id = ?1",
        params![request, now],
    )?;
    befriend(tx, from, to, now)?;
    notify(
        tx,
        from,
        "friend_accepted",
        Some(to),
        Some(("user", to)),
        &json!({}),
    )?;
    rewards::on_friends(tx, from, to)
}

/// Finds a pending request where the caller is on the given side.
pub fn pending_for(tx: &Connection, id: i64, me: i64, side: &str) -> Result<(i64, i64)> {
    let sql = if side == "to" {
        "SELECT from_id, to_id FROM friend_requests WHERE id = ?1 AND to_id = ?2 AND status = 'pending'"
    } else {
        "SELECT from_id, to_id FROM friend_requests WHERE id = ?1 AND from_id = ?2 AND status = 'pending'"
    };
    tx.query_row(sql, params![id, me], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| {
            Error::not_found(
                "request_not_found",
                "There is no such friend request waiting.",
            )
        })
}

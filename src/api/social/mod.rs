//! Friends, user search, public profiles, the friends' feed and the leaderboard.

pub mod feed;
pub mod friends;
pub mod users;

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::domain::accounts::level_for_xp;

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

//! Leaving: a person's data as one download, and deleting an account.
//!
//! Deleting removes what only that person owns (their account, profile, stories with their
//! pages and drawings, characters, comments, messages, likes, ratings, XP, game results,
//! friendships, requests, notifications, sessions, and pictures nobody else uses) and keeps what
//! others need in a form that says nothing about them: audit rows lose the username, the
//! address and any detail, and co-authored stories stay with their owner.

use rusqlite::{Connection, params};
use serde_json::{Value, json};

use crate::error::{Error, Result};

fn rows(c: &Connection, sql: &str, id: i64, cols: &[&str]) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = c.prepare(sql)?;
    let n = cols.len();
    let out = stmt
        .query_map([id], |r| {
            let mut obj = serde_json::Map::with_capacity(n);
            for (i, name) in cols.iter().enumerate() {
                let v: rusqlite::types::Value = r.get(i)?;
                let v = match v {
                    rusqlite::types::Value::Null => Value::Null,
                    rusqlite::types::Value::Integer(i) if crate::time::is_time_column(name) => {
                        json!(crate::time::rfc3339(i))
                    }
                    rusqlite::types::Value::Integer(i) => json!(i),
                    rusqlite::types::Value::Real(f) => json!(f),
                    rusqlite::types::Value::Text(t) => {
                        // Drawings and other JSON columns are kept as JSON, not as strings.
                        if name.ends_with("_json") {
                            serde_json::from_str(&t).unwrap_or(Value::String(t))
                        } else {
                            Value::String(t)
                        }
                    }
                    rusqlite::types::Value::Blob(b) => {
                        json!(crate::domain::encoding::b64url_encode(&b))
                    }
                };
                obj.insert(name.trim_end_matches("_json").to_string(), v);
            }
            Ok(Value::Object(obj))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

/// Everything a person made or was sent, as one JSON document: profile, stories with pages
/// and drawings, characters, comments, messages, XP, achievements, game results and the
/// pictures they uploaded (bytes as base64url).
pub fn export(c: &Connection, user: i64) -> Result<Value> {
    let profile = rows(
        c,
        "SELECT u.id, u.username, u.role, u.created_at, p.display_name, p.bio, p.avatar_emoji,
                p.language, p.privacy, p.xp, p.age_band
         FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.id = ?1",
        user,
        &[
            "id",
            "username",
            "role",
            "created_at",
            "display_name",
            "bio",
            "avatar_emoji",
            "language",
            "privacy",
            "xp",
            "age_band",
        ],
    )?
    .into_iter()
    .next()
    .ok_or_else(|| Error::not_found("user_not_found", "This account no longer exists."))?;
    let mut stories = rows(
        c,
        "SELECT id, title, summary, language, status, cover_media_id, created_at, updated_at,
                published_at, like_count, view_count
         FROM stories WHERE author_id = ?1 ORDER BY id",
        user,
        &[
            "id",
            "title",
            "summary",
            "language",
            "status",
            "cover_media_id",
            "created_at",
            "updated_at",
            "published_at",
            "like_count",
            "view_count",
        ],
    )?;
    for story in &mut stories {
        let id = story["id"].as_i64().unwrap_or_default();
        story["pages"] = json!(rows(
            c,
            "SELECT position, text, drawing, thumb_media_id, background_media_id, updated_at
             FROM pages WHERE story_id = ?1 ORDER BY position",
            id,
            &[
                "position",
                "text",
                "drawing_json",
                "thumb_media_id",
                "background_media_id",
                "updated_at"
            ],
        )?);
    }
    let coauthored = rows(
        c,
        "SELECT s.id, s.title FROM story_authors a JOIN stories s ON s.id = a.story_id
         WHERE a.user_id = ?1 ORDER BY s.id",
        user,
        &["id", "title"],
    )?;
    let characters = rows(
        c,
        "SELECT id, name, description, drawing, created_at FROM characters WHERE owner_id = ?1 ORDER BY id",
        user,
        &["id", "name", "description", "drawing_json", "created_at"],
    )?;
    let comments = rows(
        c,
        "SELECT id, story_id, text, created_at, updated_at FROM comments WHERE author_id = ?1 ORDER BY id",
        user,
        &["id", "story_id", "text", "created_at", "updated_at"],
    )?;
    let messages = rows(
        c,
        "SELECT id, sender_id, receiver_id, text, created_at, edited_at, read_at FROM messages
         WHERE sender_id = ?1 OR receiver_id = ?1 ORDER BY id",
        user,
        &[
            "id",
            "from",
            "to",
            "text",
            "created_at",
            "edited_at",
            "read_at",
        ],
    )?;
    let xp = rows(
        c,
        "SELECT reason, object, amount, created_at FROM xp_ledger WHERE user_id = ?1 ORDER BY created_at",
        user,
        &["reason", "object", "amount", "created_at"],
    )?;
    let achievements = rows(
        c,
        "SELECT achievement_id, earned_at FROM user_achievements WHERE user_id = ?1 ORDER BY earned_at",
        user,
        &["achievement", "earned_at"],
    )?;
    let games = rows(
        c,
        "SELECT g.story_id, g.kind, a.score, a.total, a.created_at FROM game_attempts a
         JOIN games g ON g.id = a.game_id WHERE a.user_id = ?1 ORDER BY a.id",
        user,
        &["story_id", "kind", "score", "total", "created_at"],
    )?;
    let media = rows(
        c,
        "SELECT m.id, m.mime, m.width, m.height, m.created_at, m.bytes FROM media_uploads u
         JOIN media m ON m.id = u.media_id WHERE u.user_id = ?1 ORDER BY u.created_at",
        user,
        &[
            "id",
            "mime",
            "width",
            "height",
            "created_at",
            "bytes_base64url",
        ],
    )?;
    Ok(json!({
        "format": "pixeltales-export-1",
        "exported_at": crate::time::rfc3339(crate::time::now()),
        "profile": profile,
        "stories": stories,
        "coauthored_stories": coauthored,
        "characters": characters,
        "comments": comments,
        "messages": messages,
        "xp": xp,
        "achievements": achievements,
        "game_results": games,
        "pictures": media,
    }))
}

/// What deleting an account removed, for the answer and the audit row.
#[derive(Debug, Default, Clone, Copy)]
pub struct Removed {
    pub stories: i64,
    pub comments: i64,
    pub messages: i64,
    pub pictures: i64,
}

fn count(c: &Connection, sql: &str, user: i64) -> rusqlite::Result<i64> {
    c.query_row(sql, [user], |r| r.get(0))
}

/// Deletes an account and everything only it owns (see the module doc). `detach` undoes the
/// account's likes, saves, ratings and comments in other stories' counters first. The caller
/// records the deletion's own audit row, without username or address.
pub fn delete_account(
    tx: &Connection,
    user: i64,
    detach: impl FnOnce(&Connection, i64) -> rusqlite::Result<()>,
) -> rusqlite::Result<Removed> {
    let removed = Removed {
        stories: count(
            tx,
            "SELECT count(*) FROM stories WHERE author_id = ?1",
            user,
        )?,
        comments: count(
            tx,
            "SELECT count(*) FROM comments WHERE author_id = ?1",
            user,
        )?,
        messages: count(
            tx,
            "SELECT count(*) FROM messages WHERE sender_id = ?1 OR receiver_id = ?1",
            user,
        )?,
        pictures: 0,
    };
    // Pictures this person uploaded and nobody else did: gone with them unless a story that
    // stays (someone else's) still shows one.
    let own_pictures: Vec<String> = tx
        .prepare(
            "SELECT u.media_id FROM media_uploads u WHERE u.user_id = ?1
               AND NOT EXISTS (SELECT 1 FROM media_uploads o WHERE o.media_id = u.media_id AND o.user_id != ?1)",
        )?
        .query_map([user], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // What must stay keeps nothing about them: rows they acted in lose the address; rows about
    // them, and failed sign-ins with their name, lose the details (which hold the username).
    let username: String =
        tx.query_row("SELECT username FROM users WHERE id = ?1", [user], |r| {
            r.get(0)
        })?;
    tx.execute("UPDATE audit_log SET ip = NULL WHERE actor_id = ?1", [user])?;
    tx.execute(
        "UPDATE audit_log SET ip = NULL, detail = '{}' WHERE target_type = 'user' AND target_id = ?1",
        [user.to_string()],
    )?;
    tx.execute(
        "UPDATE audit_log SET ip = NULL, detail = '{}'
         WHERE action = 'login_failed' AND json_extract(detail, '$.username') = ?1",
        params![username],
    )?;
    detach(tx, user)?;
    tx.execute("DELETE FROM users WHERE id = ?1", [user])?;
    let mut pictures = 0;
    for id in own_pictures {
        let used: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM stories WHERE cover_media_id = ?1)
                 OR EXISTS (SELECT 1 FROM pages WHERE thumb_media_id = ?1 OR background_media_id = ?1
                                                  OR instr(coalesce(drawing, ''), ?1) > 0)
                 OR EXISTS (SELECT 1 FROM characters WHERE instr(coalesce(drawing, ''), ?1) > 0)",
            [&id],
            |r| r.get(0),
        )?;
        if !used {
            pictures += tx.execute("DELETE FROM media WHERE id = ?1", [&id])? as i64;
        }
    }
    Ok(Removed {
        pictures,
        ..removed
    })
}

//! SQL of drawing sessions: sessions, members, invites, the op log and publishing.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

use crate::db::Tx;
use crate::domain::events::Event;
use crate::domain::story;
use crate::error::{Error, Result};
use crate::store::reach;

/// Member colours, distinct within a session.
pub const COLORS: &[&str] = &[
    "#e8590c", "#1c7ed6", "#2f9e44", "#ae3ec9", "#f08c00", "#0c8599", "#e03131", "#5f3dc4",
    "#66a80f", "#c2255c",
];

/// A session row.
#[derive(Debug, Clone)]
pub struct SessionRow {
    /// Id.
    pub id: i64,
    /// Join code.
    pub join_code: String,
    /// Host.
    pub host_id: i64,
    /// Title given at creation.
    pub title: String,
    /// lobby | drawing | voting | published | ended.
    pub state: String,
    /// Joins by code allowed.
    pub lobby_open: bool,
    /// Seats.
    pub max_participants: i64,
    /// The published story.
    pub story_id: Option<i64>,
    /// Unix seconds.
    pub expires_at: i64,
}

/// A member row with names.
#[derive(Debug, Clone)]
pub struct MemberRow {
    /// The user.
    pub user_id: i64,
    /// Username.
    pub username: String,
    /// Display name.
    pub display_name: String,
    /// Colour.
    pub color: String,
    /// Removed by the host.
    pub kicked: bool,
    /// Opened the canvas at least once.
    pub took_part: bool,
    /// Unix seconds.
    pub joined_at: i64,
}

/// One stored op.
#[derive(Debug, Clone)]
pub struct OpRow {
    /// Seq.
    pub seq: u64,
    /// Author.
    pub user: i64,
    /// Client's id.
    pub client_op_id: Option<String>,
    /// JSON.
    pub op: String,
}

/// Everything a room loads.
#[derive(Debug)]
pub struct RoomRow {
    /// Host.
    pub host_id: i64,
    /// Title at creation.
    pub title: String,
    /// State.
    pub state: String,
    /// Joins by code allowed.
    pub lobby_open: bool,
    /// Unix seconds.
    pub expires_at: i64,
    /// Published story.
    pub story_id: Option<i64>,
    /// Members.
    pub members: Vec<MemberRow>,
    /// The whole op log.
    pub ops: Vec<OpRow>,
}

/// Is the state one where drawing goes on?
pub fn is_live(state: &str) -> bool {
    matches!(state, "lobby" | "drawing" | "voting")
}

/// A session by id.
pub fn session_row(c: &Connection, id: i64) -> rusqlite::Result<Option<SessionRow>> {
    c.query_row(
        "SELECT id, join_code, host_id, title, state, lobby_open, max_participants, story_id, expires_at
         FROM collab_sessions WHERE id = ?1",
        [id],
        |r| {
            Ok(SessionRow {
                id: r.get(0)?,
                join_code: r.get(1)?,
                host_id: r.get(2)?,
                title: r.get(3)?,
                state: r.get(4)?,
                lobby_open: r.get(5)?,
                max_participants: r.get(6)?,
                story_id: r.get(7)?,
                expires_at: r.get(8)?,
            })
        },
    )
    .optional()
}

/// A live session by join code.
pub fn live_by_code(c: &Connection, code: &str) -> rusqlite::Result<Option<i64>> {
    c.query_row(
        "SELECT id FROM collab_sessions WHERE join_code = ?1 AND state IN ('lobby', 'drawing', 'voting')",
        [code],
        |r| r.get(0),
    )
    .optional()
}

/// Members with their names, host first then by joining time.
pub fn members(c: &Connection, id: i64) -> rusqlite::Result<Vec<MemberRow>> {
    let mut stmt = c.prepare_cached(
        "SELECT m.user_id, u.username, p.display_name, m.color, m.kicked_at IS NOT NULL, m.took_part, m.joined_at
         FROM collab_members m JOIN users u ON u.id = m.user_id JOIN profiles p ON p.user_id = m.user_id
         WHERE m.session_id = ?1 ORDER BY m.joined_at, m.user_id",
    )?;
    stmt.query_map([id], |r| {
        Ok(MemberRow {
            user_id: r.get(0)?,
            username: r.get(1)?,
            display_name: r.get(2)?,
            color: r.get(3)?,
            kicked: r.get(4)?,
            took_part: r.get(5)?,
            joined_at: r.get(6)?,
        })
    })?
    .collect()
}

/// A session with its members and op log.
pub fn load_room(c: &Connection, id: i64) -> rusqlite::Result<Option<RoomRow>> {
    let Some(s) = session_row(c, id)? else {
        return Ok(None);
    };
    let mut stmt = c.prepare_cached(
        "SELECT seq, user_id, client_op_id, op FROM collab_ops WHERE session_id = ?1 ORDER BY seq",
    )?;
    let ops = stmt
        .query_map([id], |r| {
            Ok(OpRow {
                seq: r.get::<_, i64>(0)? as u64,
                user: r.get(1)?,
                client_op_id: r.get(2)?,
                op: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(RoomRow {
        host_id: s.host_id,
        title: s.title,
        state: s.state,
        lobby_open: s.lobby_open,
        expires_at: s.expires_at,
        story_id: s.story_id,
        members: members(c, id)?,
        ops,
    }))
}

/// Records that a member opened the canvas (co-authorship).
pub fn mark_took_part(tx: &Connection, id: i64, user: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE collab_members SET took_part = 1 WHERE session_id = ?1 AND user_id = ?2",
        params![id, user],
    )?;
    Ok(())
}

/// Moves a live session between drawing and voting.
pub fn set_live_state(tx: &Connection, id: i64, state: &str) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE collab_sessions SET state = ?2 WHERE id = ?1 AND state IN ('lobby', 'drawing', 'voting')",
        params![id, state],
    )?;
    Ok(())
}

/// Adds a member (or returns the existing seat), enforcing kicks, state and capacity inside the
/// write transaction so two last-seat joins cannot both win.
pub fn seat(tx: &Connection, id: i64, user: i64, by_code: bool, now: i64) -> Result<()> {
    let s = session_row(tx, id)?
        .filter(|s| is_live(&s.state) && s.expires_at > now)
        .ok_or_else(not_found)?;
    let existing: Option<bool> = tx
        .query_row(
            "SELECT kicked_at IS NOT NULL FROM collab_members WHERE session_id = ?1 AND user_id = ?2",
            params![id, user],
            |r| r.get(0),
        )
        .optional()?;
    match existing {
        Some(true) => {
            return Err(Error::forbidden(
                "kicked",
                "The host removed you from this session.",
            ));
        }
        Some(false) => return Ok(()),
        None => {}
    }
    if by_code && !s.lobby_open {
        return Err(Error::forbidden(
            "lobby_closed",
            "This session is not taking new friends any more.",
        ));
    }
    let seated: i64 = tx.query_row(
        "SELECT count(*) FROM collab_members WHERE session_id = ?1 AND kicked_at IS NULL",
        [id],
        |r| r.get(0),
    )?;
    if seated >= s.max_participants {
        return Err(Error::forbidden(
            "session_full",
            "This session is full. Maybe next time!",
        ));
    }
    let used: Vec<String> = tx
        .prepare_cached("SELECT color FROM collab_members WHERE session_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let color = COLORS
        .iter()
        .find(|c| !used.iter().any(|u| u == *c))
        .unwrap_or(&COLORS[(seated as usize) % COLORS.len()]);
    tx.execute(
        "INSERT INTO collab_members (session_id, user_id, color, joined_at) VALUES (?1, ?2, ?3, ?4)",
        params![id, user, color, now],
    )?;
    Ok(())
}

/// 404 for sessions that are unknown, over, or not the caller's.
pub fn not_found() -> Error {
    Error::not_found(
        "session_not_found",
        "There is no drawing session with that code (it may have ended).",
    )
}

/// Is `user` a member who was not kicked?
pub fn is_member(c: &Connection, id: i64, user: i64) -> rusqlite::Result<bool> {
    c.query_row(
        "SELECT EXISTS (SELECT 1 FROM collab_members WHERE session_id = ?1 AND user_id = ?2 AND kicked_at IS NULL)",
        params![id, user],
        |r| r.get(0),
    )
}

/// Creates the published story from the room's document (idempotent: a session publishes once).
/// `drew` is everyone who took part, kicked or not, for the class's approval.
pub fn publish(
    tx: &Tx<'_>,
    id: i64,
    host: i64,
    title: &str,
    pages: &[(String, Option<String>)],
    authors: &[i64],
    drew: &[i64],
) -> Result<i64> {
    let s = session_row(tx, id)?.ok_or_else(not_found)?;
    if let Some(story) = s.story_id {
        return Ok(story);
    }
    if !is_live(&s.state) {
        return Err(Error::conflict(
            "session_closed",
            "This drawing session is over.",
        ));
    }
    if pages
        .iter()
        .all(|(t, d)| t.trim().is_empty() && d.is_none())
    {
        return Err(Error::invalid(
            "pages",
            "story_empty",
            "Write or draw something on a page first.",
        ));
    }
    let now = crate::time::now();
    // The host's class may ask for approval: then the story waits as a draft until the teacher
    // publishes it (paying every author then, as for any approved story).
    let everyone: Vec<i64> = std::iter::once(host)
        .chain(authors.iter().copied())
        .chain(drew.iter().copied())
        .collect();
    let gate = crate::store::reviews::gate(tx, &everyone)?;
    tx.execute(
        "INSERT INTO stories (author_id, title, title_key, genres, language, status, collaborative, created_at, updated_at, published_at, rating_score)
         VALUES (?1, ?2, ?3, ?4, 'en', ?7, 1, ?5, ?5, CASE WHEN ?7 = 'published' THEN ?5 END, ?6)",
        params![host, title, story::title_key(title), json!([]).to_string(), now, story::rating_score(0, 0),
                if gate.is_some() { "draft" } else { "published" }],
    )?;
    let story_id = tx.last_insert_rowid();
    for (i, (text, drawing)) in pages.iter().enumerate() {
        let content = crate::store::pages::PageContent {
            text: Some(text.clone()),
            drawing: Some(drawing.clone()),
            background: None,
            thumb: None,
        };
        crate::store::pages::insert_page(tx, story_id, i as i64, &content, now)?;
    }
    for a in authors {
        tx.execute(
            "INSERT OR IGNORE INTO story_authors (story_id, user_id, added_at) VALUES (?1, ?2, ?3)",
            params![story_id, a, now],
        )?;
    }
    if let Some(class) = gate {
        crate::store::reviews::submit(tx, story_id, host, title, class, now)?;
    } else {
        crate::store::stories::sync_search(tx, story_id)?;
        crate::store::games::ensure(tx, story_id)?;
        let everyone = crate::store::stories::authors(tx, story_id, host)?;
        crate::store::rewards::on_story_published(
            tx,
            story_id,
            &everyone,
            "en",
            pages.len() as i64,
        )?;
    }
    tx.execute(
        "UPDATE collab_sessions SET state = 'published', story_id = ?2, ended_at = ?3 WHERE id = ?1",
        params![id, story_id, now],
    )?;
    tx.emit(Event::CollabStatus { session: id });
    Ok(story_id)
}

/// Ends a live session (its host, its time, the command line) and tells its members and room.
pub fn end(tx: &Tx<'_>, id: i64, reason: &'static str, now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE collab_sessions SET state = 'ended', ended_reason = ?2, ended_at = ?3
         WHERE id = ?1 AND state IN ('lobby', 'drawing', 'voting')",
        params![id, reason, now],
    )?;
    tx.emit(Event::CollabEnded {
        session: id,
        reason,
    });
    Ok(())
}

/// Ends live sessions past their time and tells their members; returns how many.
pub fn expire(tx: &Tx<'_>, now: i64) -> rusqlite::Result<usize> {
    let ids: Vec<i64> = tx
        .prepare(
            "UPDATE collab_sessions SET state = 'ended', ended_reason = 'expired', ended_at = ?1
             WHERE state IN ('lobby', 'drawing', 'voting') AND expires_at < ?1 RETURNING id",
        )?
        .query_map([now], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for &session in &ids {
        tx.emit(Event::CollabEnded {
            session,
            reason: "expired",
        });
    }
    Ok(ids.len())
}

/// A session as its members see it.
pub fn session_json(c: &Connection, id: i64, viewer: i64) -> rusqlite::Result<Option<Value>> {
    let Some(s) = session_row(c, id)? else {
        return Ok(None);
    };
    let members: Vec<Value> = members(c, id)?
        .into_iter()
        .filter(|m| !m.kicked)
        .map(|m| {
            json!({
                "user_id": m.user_id, "username": m.username, "display_name": m.display_name,
                "color": m.color, "host": m.user_id == s.host_id,
            })
        })
        .collect();
    Ok(Some(json!({
        "id": s.id, "join_code": s.join_code, "title": s.title, "state": s.state,
        "lobby_open": s.lobby_open, "host_id": s.host_id, "max_participants": s.max_participants,
        "members": members, "expires_at": crate::time::rfc3339(s.expires_at),
        "story_id": s.story_id, "is_host": s.host_id == viewer,
    })))
}

/// True when `user` may sit in session `id` with everyone already there (the host and every
/// member): the safety policy's rule for rooms, asked by every way in (code, invite, accept).
pub fn may_enter(tx: &Connection, user: i64, id: i64) -> rusqlite::Result<bool> {
    let people: Vec<i64> = tx
        .prepare_cached(
            "SELECT host_id FROM collab_sessions WHERE id = ?1
             UNION SELECT user_id FROM collab_members WHERE session_id = ?1 AND kicked_at IS NULL",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    reach::may_share_room(tx, user, &people)
}

pub fn pending_invite(c: &Connection, invite: i64, user: i64, now: i64) -> Result<i64> {
    c.query_row(
        "SELECT session_id FROM collab_invites WHERE id = ?1 AND invitee_id = ?2 AND status = 'pending' AND expires_at > ?3",
        params![invite, user, now],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::not_found("invite_not_found", "There is no such invitation (it may have expired)."))
}

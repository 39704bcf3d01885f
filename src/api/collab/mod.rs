//! Drawing sessions over REST: create, join by code, invites (friends only), host controls.
//! The live part (canvas, ops, votes) is the room actor in `realtime::room`.

use rusqlite::{Connection, params};
use serde::Deserialize;
use serde_json::json;

use crate::api::ctx::Ctx;
use crate::domain::events::Event;
use crate::error::{Error, Result};
use crate::http::response::{Response, created, empty, ok};
use crate::store::collab::{self as store, is_live, not_found, session_json};
use crate::store::collab::{may_enter, pending_invite};
use crate::store::notifications::notify;
use crate::store::reach::{self, Reach, Way};

/// How long an invite waits.
const INVITE_SECS: i64 = 24 * 3600;

fn random_code() -> String {
    crate::domain::encoding::random_code(5)
}

/// Upper-cases and drops spaces and dashes; `None` unless 5 symbols of the alphabet remain.
pub fn clean_code(input: &str) -> Option<String> {
    crate::domain::encoding::clean_code(input, 5)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateBody {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    max_participants: Option<i64>,
    #[serde(default)]
    hours: Option<i64>,
}

/// `POST /api/collab/sessions`.
pub async fn create(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let body: CreateBody = cx.req.json_opt().await?.unwrap_or(CreateBody {
        title: None,
        max_participants: None,
        hours: None,
    });
    let title = body
        .title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Our story".to_string());
    if title.chars().count() > crate::domain::collab::MAX_TITLE
        || crate::domain::text::has_unshowable(&title, false)
    {
        return Err(Error::invalid(
            "title",
            "invalid_title",
            "A title has 1 to 80 characters.",
        ));
    }
    cx.app.profanity.guard("title", &title)?;
    let max = body.max_participants.unwrap_or(6);
    if !(2..=10).contains(&max) {
        return Err(Error::invalid(
            "max_participants",
            "invalid_max_participants",
            "A session has 2 to 10 places.",
        ));
    }
    let hours = body.hours.unwrap_or(24);
    if !(1..=72).contains(&hours) {
        return Err(Error::invalid(
            "hours",
            "invalid_hours",
            "A session lasts 1 to 72 hours.",
        ));
    }
    cx.app.limits.story_writes.hit(&format!("collab:{user}"))?;
    let now = crate::time::now();
    let view = cx
        .app
        .db
        .write(move |tx| {
            let mut id = None;
            for _ in 0..20 {
                // The unique index over live codes decides; a clash just draws again.
                let inserted = tx.execute(
                    "INSERT OR IGNORE INTO collab_sessions (join_code, host_id, title, max_participants, created_at, expires_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![random_code(), user, title, max, now, now + hours * 3600],
                )?;
                if inserted == 1 {
                    id = Some(tx.last_insert_rowid());
                    break;
                }
            }
            let id = id.ok_or_else(|| Error::unavailable("busy", "Please try again."))?;
            store::seat(tx, id, user, false, now)?;
            let first_page = json!({
                "kind": "page_add",
                "page_id": format!("p{}", crate::domain::encoding::random_token::<6>()),
                "index": 0
            });
            tx.execute(
                "INSERT INTO collab_ops (session_id, seq, user_id, client_op_id, op, created_at) VALUES (?1, 1, ?2, NULL, ?3, ?4)",
                params![id, user, first_page.to_string(), now],
            )?;
            Ok(session_json(tx, id, user)?)
        })
        .await?;
    Ok(created(&view))
}

/// `GET /api/collab/sessions`: live sessions the caller is in.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let items = cx
        .app
        .db
        .read(move |c| {
            let ids: Vec<i64> = c
                .prepare_cached(
                    "SELECT s.id FROM collab_members m JOIN collab_sessions s ON s.id = m.session_id
                     WHERE m.user_id = ?1 AND m.kicked_at IS NULL
                       AND s.state IN ('lobby', 'drawing', 'voting') AND s.expires_at > ?2
                     ORDER BY s.id DESC LIMIT 50",
                )?
                .query_map(params![user, crate::time::now()], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut out = Vec::new();
            for id in ids {
                out.extend(session_json(c, id, user)?);
            }
            Ok(out)
        })
        .await?;
    Ok(ok(&json!({ "items": items })))
}

/// `GET /api/collab/sessions/{id}`: members only.
pub async fn get(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    let view = cx
        .app
        .db
        .read(move |c| {
            if !store::is_member(c, id, user)? {
                return Err(not_found());
            }
            session_json(c, id, user)?.ok_or_else(not_found)
        })
        .await?;
    Ok(ok(&view))
}

#[derive(Deserialize)]
struct CodeBody {
    code: String,
}

/// `POST /api/collab/join {code}`.
pub async fn join(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let body: CodeBody = cx.req.json().await?;
    let limits = &cx.app.limits;
    for (limiter, key) in [
        (&limits.collab_joins, format!("user:{user}")),
        (&limits.collab_joins_ip, cx.ip_key()),
    ] {
        limiter.hit(&key)?;
    }
    let code = clean_code(&body.code).ok_or_else(|| {
        Error::bad_request(
            "invalid_code",
            "A join code has 5 letters and numbers, like K7QP2.",
        )
    })?;
    let now = crate::time::now();
    let view = cx
        .app
        .db
        .write(move |tx| {
            let id = store::live_by_code(tx, &code)?.ok_or_else(not_found)?;
            // A wrong code and a room this person may not enter read the same.
            if !may_enter(tx, user, id)? {
                return Err(not_found());
            }
            store::seat(tx, id, user, true, now)?;
            Ok(session_json(tx, id, user)?)
        })
        .await?;
    Ok(ok(&view))
}

fn require_host(c: &Connection, id: i64, user: i64) -> Result<store::SessionRow> {
    let s = store::session_row(c, id)?.ok_or_else(not_found)?;
    if s.host_id != user {
        if store::is_member(c, id, user)? {
            return Err(Error::forbidden("not_host", "Only the host can do that."));
        }
        return Err(not_found());
    }
    Ok(s)
}

#[derive(Deserialize)]
struct UserBody {
    user_id: i64,
}

/// `POST /api/collab/sessions/{id}/invites {user_id}`: host only, friends only.
pub async fn invite(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    let body: UserBody = cx.req.json().await?;
    cx.app.limits.invites.hit(&format!("user:{user}"))?;
    let now = crate::time::now();
    let invite = cx
        .app
        .db
        .write(move |tx| {
            let s = require_host(tx, id, user)?;
            if !is_live(&s.state) || s.expires_at <= now {
                return Err(not_found());
            }
            if reach::decide(tx, user, body.user_id, Way::Invite)? != Reach::Allowed
                || !may_enter(tx, body.user_id, id)?
            {
                return Err(Error::forbidden(
                    "not_friends",
                    "You can invite your friends only.",
                ));
            }
            if store::is_member(tx, id, body.user_id)? {
                return Err(Error::conflict(
                    "already_member",
                    "Your friend is already in this session.",
                ));
            }
            // One pending invite per person and session: a new one replaces the old.
            tx.execute(
                "INSERT INTO collab_invites (session_id, inviter_id, invitee_id, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (session_id, invitee_id) DO UPDATE SET status = 'pending',
                   inviter_id = excluded.inviter_id, created_at = excluded.created_at,
                   expires_at = excluded.expires_at",
                params![id, user, body.user_id, now, now + INVITE_SECS],
            )?;
            let invite_id: i64 = tx.query_row(
                "SELECT id FROM collab_invites WHERE session_id = ?1 AND invitee_id = ?2",
                params![id, body.user_id],
                |r| r.get(0),
            )?;
            tx.execute(
                "DELETE FROM notifications WHERE user_id = ?1 AND type = 'collab_invite' AND target_type = 'collab_invite' AND target_id = ?2",
                params![body.user_id, invite_id],
            )?;
            notify(
                tx,
                body.user_id,
                "collab_invite",
                Some(user),
                Some(("collab_invite", invite_id)),
                &json!({ "session_id": id, "title": s.title, "invite_id": invite_id }),
            )?;
            Ok(json!({
                "id": invite_id, "session_id": id, "invitee_id": body.user_id,
                "expires_at": crate::time::rfc3339(now + INVITE_SECS),
            }))
        })
        .await?;
    Ok(created(&json!({ "invite": invite })))
}

/// `GET /api/collab/invites`: pending invites to the caller.
pub async fn invites(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let items = cx
        .app
        .db
        .read(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT i.id, i.session_id, s.title, i.inviter_id, p.display_name, i.created_at, i.expires_at
                 FROM collab_invites i JOIN collab_sessions s ON s.id = i.session_id
                 JOIN profiles p ON p.user_id = i.inviter_id
                 WHERE i.invitee_id = ?1 AND i.status = 'pending' AND i.expires_at > ?2
                   AND s.state IN ('lobby', 'drawing', 'voting') AND s.expires_at > ?2
                 ORDER BY i.id DESC LIMIT 50",
            )?;
            let rows = stmt.query_map(params![user, crate::time::now()], |r| {
                Ok(json!({
                    "id": r.get::<_, i64>(0)?, "session_id": r.get::<_, i64>(1)?,
                    "title": r.get::<_, String>(2)?,
                    "inviter": { "id": r.get::<_, i64>(3)?, "display_name": r.get::<_, String>(4)? },
                    "created_at": crate::time::rfc3339(r.get(5)?),
                    "expires_at": crate::time::rfc3339(r.get(6)?),
                }))
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await?;
    Ok(ok(&json!({ "items": items })))
}

/// `POST /api/collab/invites/{id}/accept`.
pub async fn accept(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let invite = cx.req.params.id(0)?;
    let now = crate::time::now();
    let view = cx
        .app
        .db
        .write(move |tx| {
            let id = pending_invite(tx, invite, user, now)?;
            // The room may have changed since the invite: it is asked again at the door.
            if !may_enter(tx, user, id)? {
                return Err(not_found());
            }
            store::seat(tx, id, user, false, now)?;
            tx.execute(
                "UPDATE collab_invites SET status = 'accepted' WHERE id = ?1",
                [invite],
            )?;
            Ok(session_json(tx, id, user)?)
        })
        .await?;
    Ok(ok(&view))
}

/// `POST /api/collab/invites/{id}/decline`.
pub async fn decline(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let invite = cx.req.params.id(0)?;
    let now = crate::time::now();
    cx.app
        .db
        .write(move |tx| {
            pending_invite(tx, invite, user, now)?;
            tx.execute(
                "UPDATE collab_invites SET status = 'declined' WHERE id = ?1",
                [invite],
            )?;
            Ok(())
        })
        .await?;
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

/// `POST /api/collab/sessions/{id}/kick {user_id}`.
pub async fn kick(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    let body: UserBody = cx.req.json().await?;
    let now = crate::time::now();
    cx
        .app
        .db
        .write(move |tx| {
            let s = require_host(tx, id, user)?;
            if body.user_id == user {
                return Err(Error::bad_request(
                    "cannot_kick_self",
                    "The host cannot remove themselves; end the session instead.",
                ));
            }
            if !is_live(&s.state) {
                return Err(Error::conflict("session_closed", "This drawing session is over."));
            }
            let n = tx.execute(
                "UPDATE collab_members SET kicked_at = ?3 WHERE session_id = ?1 AND user_id = ?2 AND kicked_at IS NULL",
                params![id, body.user_id, now],
            )?;
            if n == 0 {
                return Err(Error::not_found("member_not_found", "That person is not in this session."));
            }
            tx.execute(
                "UPDATE collab_invites SET status = 'declined' WHERE session_id = ?1 AND invitee_id = ?2",
                params![id, body.user_id],
            )?;
            tx.emit(Event::CollabKicked {
                session: id,
                user: body.user_id,
            });
            Ok(())
        })
        .await?;
    cx.app.db.outbox.settled().await;
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

async fn host_change(cx: &mut Ctx<'_>, sql: &'static str) -> Result<Response> {
    let user = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    let view = cx
        .app
        .db
        .write(move |tx| {
            let s = require_host(tx, id, user)?;
            if !is_live(&s.state) {
                return Err(Error::conflict(
                    "session_closed",
                    "This drawing session is over.",
                ));
            }
            tx.execute(sql, [id])?;
            tx.emit(Event::CollabChanged { session: id });
            Ok(session_json(tx, id, user)?)
        })
        .await?;
    cx.app.db.outbox.settled().await;
    Ok(ok(&view))
}

/// `POST /api/collab/sessions/{id}/lobby/close`: no more joins by code.
pub async fn close_lobby(cx: &mut Ctx<'_>) -> Result<Response> {
    host_change(
        cx,
        "UPDATE collab_sessions SET lobby_open = 0 WHERE id = ?1",
    )
    .await
}

/// `POST /api/collab/sessions/{id}/start`: lobby → drawing.
pub async fn start(cx: &mut Ctx<'_>) -> Result<Response> {
    host_change(
        cx,
        "UPDATE collab_sessions SET state = 'drawing' WHERE id = ?1 AND state = 'lobby'",
    )
    .await
}

/// `POST /api/collab/sessions/{id}/end`.
pub async fn end(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    let s = cx.app.db.read(move |c| require_host(c, id, user)).await?;
    if !is_live(&s.state) {
        return Err(Error::conflict(
            "session_closed",
            "This drawing session is over.",
        ));
    }
    let now = crate::time::now();
    cx.app
        .db
        .write(move |tx| Ok(store::end(tx, id, "host_ended", now)?))
        .await?;
    cx.app.db.outbox.settled().await;
    let view = cx
        .app
        .db
        .read(move |c| session_json(c, id, user)?.ok_or_else(not_found))
        .await?;
    Ok(ok(&view))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_cleaned_and_checked() {
        assert_eq!(clean_code(" k7q p2 ").as_deref(), Some("K7QP2"));
        assert_eq!(clean_code("k7q-p2").as_deref(), Some("K7QP2"));
        assert_eq!(clean_code("K7QP0"), None, "0 is not in the alphabet");
        assert_eq!(clean_code("K7QP"), None);
        assert_eq!(clean_code("ÄBCDE"), None);
        for _ in 0..100 {
            assert!(clean_code(&random_code()).is_some());
        }
    }
}

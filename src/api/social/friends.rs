//! Friend requests (send, accept, reject, cancel), the friends list and unfriending.
//!
//! A request goes only to someone the sender could find: by exact username (unless that person
//! is private), through a shared class, or by id when the profile is public. Nobody befriends a
//! child by walking user ids.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Deserialize;
use serde_json::json;

use crate::api::ctx::Ctx;
use crate::domain::accounts::normalize_username;
use crate::error::{Error, Result};
use crate::http::response::{Response, created, empty, ok};
use crate::store::notifications::notify;
use crate::store::reach::{self, Reach, Way, Why};
use crate::store::social::{CARD_COLUMNS, Card, card, card_row};
use crate::store::social::{accept_in, pending_for};
use crate::store::social::{are_friends, share_class};

/// `GET /api/friends`.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let friends = cx
        .app
        .db
        .read(move |c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {CARD_COLUMNS}, f.since FROM friends f JOIN users u ON u.id = f.friend_id
                 JOIN profiles p ON p.user_id = u.id WHERE f.user_id = ?1 AND u.status = 'active'
                 ORDER BY p.display_name COLLATE NOCASE"
            ))?;
            let rows = stmt.query_map([user], |r| {
                let card = card_row(r)?;
                let since: i64 = r.get(6)?;
                Ok(json!({ "user": card, "since": crate::time::rfc3339(since) }))
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await?;
    Ok(ok(&json!({ "items": friends })))
}

/// `GET /api/friends/requests`: pending requests to and from the caller.
pub async fn requests(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let (incoming, outgoing) = cx
        .app
        .db
        .read(move |c| {
            let query = |sql: &str| -> rusqlite::Result<Vec<serde_json::Value>> {
                let mut stmt = c.prepare_cached(sql)?;
                let rows = stmt.query_map([user], |r| {
                    let id: i64 = r.get(0)?;
                    let at: i64 = r.get(1)?;
                    let other = Card {
                        id: r.get(2)?,
                        username: r.get(3)?,
                        display_name: r.get(4)?,
                        avatar_emoji: r.get(5)?,
                        avatar_border: r.get(6)?,
                        level: crate::domain::accounts::level_for_xp(r.get(7)?),
                    };
                    let waiting = r.get::<_, i64>(8)? != 0;
                    Ok(json!({ "id": id, "user": other, "created_at": crate::time::rfc3339(at),
                               "waiting_for_grown_up": waiting }))
                })?;
                rows.collect()
            };
            let incoming = query(&format!(
                "SELECT fr.id, fr.created_at, {CARD_COLUMNS}, fr.awaiting_guardian FROM friend_requests fr JOIN users u ON u.id = fr.from_id
                 JOIN profiles p ON p.user_id = u.id WHERE fr.to_id = ?1 AND fr.status = 'pending' ORDER BY fr.id DESC"
            ))?;
            let outgoing = query(&format!(
                "SELECT fr.id, fr.created_at, {CARD_COLUMNS}, fr.awaiting_guardian FROM friend_requests fr JOIN users u ON u.id = fr.to_id
                 JOIN profiles p ON p.user_id = u.id WHERE fr.from_id = ?1 AND fr.status = 'pending' ORDER BY fr.id DESC"
            ))?;
            Ok((incoming, outgoing))
        })
        .await?;
    Ok(ok(&json!({ "incoming": incoming, "outgoing": outgoing })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RequestBody {
    #[serde(default)]
    user_id: Option<i64>,
    #[serde(default)]
    username: Option<String>,
}

fn no_such_person() -> Error {
    Error::not_found("user_not_found", "We could not find that person.")
}

/// The target of a request, if the sender is allowed to reach them.
fn reachable(tx: &Connection, me: i64, body: &RequestBody) -> Result<i64> {
    let (id, privacy): (i64, String) = match (&body.user_id, &body.username) {
        (Some(id), None) => tx
            .query_row(
                "SELECT u.id, p.privacy FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.id = ?1 AND u.status = 'active'",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(no_such_person)?,
        (None, Some(name)) => {
            let name = normalize_username(name).map_err(|_| no_such_person())?;
            tx.query_row(
                "SELECT u.id, p.privacy FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.username = ?1 AND u.status = 'active'",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(no_such_person)?
        }
        _ => return Err(Error::invalid("user_id", "invalid_target", "Send either user_id or username.")),
    };
    if id == me {
        return Err(Error::invalid(
            "user_id",
            "self_request",
            "You cannot be your own friend request.",
        ));
    }
    // Who can be asked: classmates always; others only as search would find them. A private
    // person cannot be found at all; by id (which can be walked) only public profiles; anyone
    // else needs their exact username. Refusals look the same as "nobody here".
    let by_id = body.user_id.is_some();
    let allowed = match privacy.as_str() {
        "public" => true,
        "private" => false,
        _ => !by_id,
    };
    if !allowed && !share_class(tx, me, id)? {
        return Err(no_such_person());
    }
    Ok(id)
}

/// `POST /api/friends/requests` with `{user_id}` or `{username}`. If the other person already
/// asked the caller, this accepts their request instead.
pub async fn send(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    cx.app.limits.friend_requests.hit(&format!("user:{me}"))?;
    let body: RequestBody = cx.req.json().await?;
    let now = crate::time::now();
    let (status, request_id, other) = cx
        .app
        .db
        .write(move |tx| {
            let other = reachable(tx, me, &body)?;
            let waits = match reach::decide(tx, me, other, Way::FriendRequest)? {
                Reach::Allowed => false,
                Reach::NeedsGuardian => true,
                Reach::Refused(Why::AlreadyFamily) => {
                    return Err(Error::conflict("already_family", "You are family already: no request needed."));
                }
                // The same answer as for nobody at all: an adult learns nothing about a child.
                Reach::Refused(_) => return Err(no_such_person()),
            };
            if are_friends(tx, me, other)? {
                return Err(Error::conflict("already_friends", "You are already friends."));
            }
            let pending: Option<(i64, i64, bool)> = tx
                .query_row(
                    "SELECT id, from_id, awaiting_guardian FROM friend_requests WHERE status = 'pending'
                     AND min(from_id, to_id) = min(?1, ?2) AND max(from_id, to_id) = max(?1, ?2)",
                    params![me, other],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? != 0)),
                )
                .optional()?;
            match pending {
                Some((_, from, _)) if from == me => Err(Error::conflict("request_pending", "You already asked. Wait for an answer.")),
                Some((_, _, true)) => Err(waiting_for_grown_up()),
                Some((id, _, false)) => {
                    accept_in(tx, id, other, me, now)?;
                    Ok(("accepted", id, other))
                }
                None => {
                    tx.execute(
                        "INSERT INTO friend_requests (from_id, to_id, created_at, awaiting_guardian) VALUES (?1, ?2, ?3, ?4)",
                        params![me, other, now, waits],
                    )?;
                    let id = tx.last_insert_rowid();
                    if waits {
                        let child_name: String = tx.query_row(
                            "SELECT display_name FROM profiles WHERE user_id = ?1",
                            [other],
                            |r| r.get(0),
                        )?;
                        let data = json!({ "child_id": other, "child_name": child_name });
                        for parent in reach::carers(tx, other)? {
                            notify(tx, parent, "friend_request_guardian", Some(me), Some(("friend_request", id)), &data)?;
                        }
                        Ok(("waiting_for_grown_up", id, other))
                    } else {
                        notify(tx, other, "friend_request", Some(me), Some(("friend_request", id)), &json!({}))?;
                        Ok(("pending", id, other))
                    }
                }
            }
        })
        .await?;
    let card = cx.app.db.read(move |c| Ok(card(c, other)?)).await?;
    let body = json!({ "id": request_id, "status": status, "user": card });
    Ok(if status != "accepted" {
        created(&body)
    } else {
        ok(&body)
    })
}

fn waiting_for_grown_up() -> Error {
    Error::forbidden(
        "waiting_for_grown_up",
        "This friend request is waiting for your grown-up to say yes.",
    )
}

/// `POST /api/friends/requests/{id}/accept`.
pub async fn accept(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    let now = crate::time::now();
    let from = cx
        .app
        .db
        .write(move |tx| {
            let (from, _) = pending_for(tx, id, me, "to")?;
            let waiting: bool = tx.query_row(
                "SELECT awaiting_guardian FROM friend_requests WHERE id = ?1",
                [id],
                |r| Ok(r.get::<_, i64>(0)? != 0),
            )?;
            if waiting {
                return Err(waiting_for_grown_up());
            }
            // The policy may have changed since the request was sent (a class left, an account
            // role changed): it decides again now.
            if let Reach::Refused(_) = reach::decide(tx, from, me, Way::FriendRequest)? {
                return Err(Error::not_found(
                    "request_not_found",
                    "There is no such friend request waiting.",
                ));
            }
            accept_in(tx, id, from, me, now)?;
            Ok(from)
        })
        .await?;
    let card = cx.app.db.read(move |c| Ok(card(c, from)?)).await?;
    Ok(ok(&json!({ "id": id, "status": "accepted", "user": card })))
}

/// `POST /api/friends/requests/{id}/reject` (the sender is not told).
pub async fn reject(cx: &mut Ctx<'_>) -> Result<Response> {
    respond(cx, "to", "rejected").await
}

/// `POST /api/friends/requests/{id}/cancel` (by the sender).
pub async fn cancel(cx: &mut Ctx<'_>) -> Result<Response> {
    respond(cx, "from", "cancelled").await
}

async fn respond(cx: &mut Ctx<'_>, side: &'static str, status: &'static str) -> Result<Response> {
    let me = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    let now = crate::time::now();
    cx.app
        .db
        .write(move |tx| {
            pending_for(tx, id, me, side)?;
            tx.execute(
                "UPDATE friend_requests SET status = ?2, responded_at = ?3 WHERE id = ?1",
                params![id, status, now],
            )?;
            Ok(())
        })
        .await?;
    Ok(ok(&json!({ "id": id, "status": status })))
}

/// `DELETE /api/friends/{user_id}`.
pub async fn unfriend(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let other = cx.req.params.id(0)?;
    cx.app
        .db
        .write(move |tx| {
            let n = tx.execute(
                "DELETE FROM friends WHERE (user_id = ?1 AND friend_id = ?2) OR (user_id = ?2 AND friend_id = ?1)",
                params![me, other],
            )?;
            if n == 0 {
                return Err(Error::not_found("not_friends", "You are not friends with that person."));
            }
            Ok(())
        })
        .await?;
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

//! Direct messages between friends: send, list with paging, edit, delete, read receipts; every
//! change is pushed to both people's open tabs.

use rusqlite::{Connection, params};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::ctx::Ctx;
use crate::domain::events::Event;
use crate::error::{Error, Result};
use crate::http::response::{Response, created, empty, ok};
use crate::store::messages::own_message;
use crate::store::messages::{COLUMNS, message, message_row};
use crate::store::notifications::notify;
use crate::store::reach::{self, Reach, Way, Why};

/// Longest message, in characters.
pub const MAX_TEXT: usize = 2000;

fn not_friends() -> Error {
    Error::forbidden("not_friends", "You can only chat with your friends.")
}

fn require_friend(c: &Connection, me: i64, other: i64) -> Result<()> {
    match reach::decide(c, me, other, Way::Message)? {
        Reach::Allowed => Ok(()),
        Reach::Refused(Why::NoOne) if other != me => Err(Error::not_found(
            "user_not_found",
            "There is no such person.",
        )),
        // Only the sender's own grown-up's rule is explained; anything about the other person
        // reads like any other "not friends".
        Reach::Refused(Why::GuardianSaidNo)
            if reach::child_rules(c, me)?.who_may_message == "nobody" =>
        {
            Err(Error::forbidden(
                "chat_off",
                "Your grown-up has turned chat off for now.",
            ))
        }
        _ => Err(not_friends()),
    }
}

/// Checks length and characters and the text rule; returns the trimmed text.
fn clean(cx: &Ctx<'_>, raw: &str) -> Result<String> {
    let text = raw.trim();
    if text.is_empty() || text.chars().count() > MAX_TEXT {
        return Err(Error::invalid(
            "text",
            "invalid_text",
            format!("A message has 1 to {MAX_TEXT} characters."),
        ));
    }
    if crate::domain::text::has_unshowable(text, true) {
        return Err(Error::invalid(
            "text",
            "invalid_text",
            "The message has characters that cannot be shown.",
        ));
    }
    cx.app.profanity.guard("message", text)?;
    Ok(text.to_string())
}

#[derive(Deserialize)]
struct TextBody {
    text: String,
}

/// `GET /api/conversations`: one row per friend, most recent conversation first.
pub async fn conversations(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let items = cx
        .app
        .db
        .read(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT u.id, u.username, p.display_name, p.avatar_emoji,
                   (SELECT m.id FROM messages m
                     WHERE min(m.sender_id, m.receiver_id) = min(?1, u.id)
                       AND max(m.sender_id, m.receiver_id) = max(?1, u.id)
                     ORDER BY m.id DESC LIMIT 1) AS last_id,
                   (SELECT count(*) FROM messages m
                     WHERE m.receiver_id = ?1 AND m.sender_id = u.id AND m.read_at IS NULL) AS unread
                 FROM (SELECT friend_id AS id FROM friends WHERE user_id = ?1
                       UNION SELECT child_id FROM family_links WHERE parent_id = ?1
                       UNION SELECT parent_id FROM family_links WHERE child_id = ?1) f
                 JOIN users u ON u.id = f.id JOIN profiles p ON p.user_id = u.id
                 WHERE u.status = 'active'
                 ORDER BY last_id IS NULL, last_id DESC, p.display_name COLLATE NOCASE",
            )?;
            let rows: Vec<(Value, Option<i64>, i64)> = stmt
                .query_map([me], |r| {
                    Ok((
                        json!({
                            "id": r.get::<_, i64>(0)?, "username": r.get::<_, String>(1)?,
                            "display_name": r.get::<_, String>(2)?,
                            "avatar_emoji": r.get::<_, String>(3)?,
                        }),
                        r.get(4)?,
                        r.get(5)?,
                    ))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let mut out = Vec::with_capacity(rows.len());
            for (user, last, unread) in rows {
                let other = user["id"].as_i64().unwrap_or_default();
                if reach::decide(c, me, other, Way::Message)? != Reach::Allowed {
                    continue;
                }
                let last_message = match last {
                    Some(id) => message(c, id)?,
                    None => None,
                };
                out.push(json!({ "user": user, "last_message": last_message, "unread_count": unread }));
            }
            Ok(out)
        })
        .await?;
    Ok(ok(&json!({ "items": items })))
}

/// `GET /api/conversations/{user_id}/messages?before=&limit=`: a page, oldest first.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let other = cx.req.params.id(0)?;
    let limit = match cx.req.query("limit") {
        None => 30,
        Some(l) => l
            .parse::<usize>()
            .ok()
            .filter(|l| (1..=100).contains(l))
            .ok_or_else(|| Error::bad_request("invalid_limit", "limit must be 1 to 100."))?,
    };
    let before =
        match cx.req.query("before") {
            None => i64::MAX,
            Some(b) => b.parse::<i64>().ok().filter(|b| *b > 0).ok_or_else(|| {
                Error::bad_request("invalid_before", "before must be a message id.")
            })?,
        };
    let (items, next) = cx
        .app
        .db
        .read(move |c| {
            require_friend(c, me, other)?;
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM messages
                 WHERE min(sender_id, receiver_id) = min(?1, ?2) AND max(sender_id, receiver_id) = max(?1, ?2)
                   AND id < ?3
                 ORDER BY min(sender_id, receiver_id), max(sender_id, receiver_id), id DESC LIMIT {}",
                limit + 1
            ))?;
            let mut rows: Vec<Value> = stmt
                .query_map(params![me, other, before], message_row)?
                .collect::<rusqlite::Result<_>>()?;
            let next = if rows.len() > limit {
                rows.truncate(limit);
                rows.last().and_then(|m| m["id"].as_i64())
            } else {
                None
            };
            rows.reverse();
            Ok((rows, next))
        })
        .await?;
    Ok(ok(&json!({ "items": items, "next_before": next })))
}

/// `POST /api/conversations/{user_id}/messages {text}`.
pub async fn send(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let other = cx.req.params.id(0)?;
    let body: TextBody = cx.req.json().await?;
    let text = clean(cx, &body.text)?;
    cx.app.limits.messages.hit(&format!("user:{me}"))?;
    let now = crate::time::now();
    let msg = cx
        .app
        .db
        .write(move |tx| {
            require_friend(tx, me, other)?;
            tx.execute(
                "INSERT INTO messages (sender_id, receiver_id, text, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![me, other, text, now],
            )?;
            let id = tx.last_insert_rowid();
            tx.emit(Event::MessageSent { id });
            // One unread "message" notification per sender: later ones refresh it.
            let preview: String = text.chars().take(80).collect();
            let refreshed = tx.execute(
                "UPDATE notifications SET data = ?3, created_at = ?4, target_id = ?5
                 WHERE user_id = ?1 AND actor_id = ?2 AND type = 'message' AND read_at IS NULL",
                params![other, me, json!({ "preview": preview, "from": me }).to_string(), now, id],
            )?;
            if refreshed == 0 {
                notify(
                    tx,
                    other,
                    "message",
                    Some(me),
                    Some(("message", id)),
                    &json!({ "preview": preview, "from": me }),
                )?;
            }
            Ok(message(tx, id)?.unwrap_or(Value::Null))
        })
        .await?;
    cx.app.db.outbox.settled().await;
    Ok(created(&json!({ "message": msg })))
}

/// `PATCH /api/messages/{id} {text}`: the sender edits.
pub async fn edit(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    let body: TextBody = cx.req.json().await?;
    let text = clean(cx, &body.text)?;
    cx.app.limits.messages.hit(&format!("user:{me}"))?;
    let now = crate::time::now();
    let msg = cx
        .app
        .db
        .write(move |tx| {
            let other = own_message(tx, id, me)?;
            require_friend(tx, me, other)?;
            tx.execute(
                "UPDATE messages SET text = ?2, edited_at = ?3 WHERE id = ?1",
                params![id, text, now],
            )?;
            tx.emit(Event::MessageEdited { id });
            Ok(message(tx, id)?.unwrap_or(Value::Null))
        })
        .await?;
    cx.app.db.outbox.settled().await;
    Ok(ok(&json!({ "message": msg })))
}

/// `DELETE /api/messages/{id}`: the sender deletes.
pub async fn delete(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    cx.app
        .db
        .write(move |tx| {
            let receiver = own_message(tx, id, me)?;
            tx.execute("DELETE FROM messages WHERE id = ?1", [id])?;
            tx.emit(Event::MessageDeleted {
                id,
                sender: me,
                receiver,
            });
            Ok(())
        })
        .await?;
    cx.app.db.outbox.settled().await;
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

/// `POST /api/conversations/{user_id}/read`: marks their messages to me as read.
pub async fn mark_read(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let other = cx.req.params.id(0)?;
    let now = crate::time::now();
    let (marked, up_to) = cx
        .app
        .db
        .write(move |tx| {
            require_friend(tx, me, other)?;
            let up_to: Option<i64> = tx.query_row(
                "SELECT max(id) FROM messages WHERE receiver_id = ?1 AND sender_id = ?2 AND read_at IS NULL",
                params![me, other],
                |r| r.get(0),
            )?;
            let marked = tx.execute(
                "UPDATE messages SET read_at = ?3 WHERE receiver_id = ?1 AND sender_id = ?2 AND read_at IS NULL",
                params![me, other, now],
            )?;
            let cleared = tx.execute(
                "UPDATE notifications SET read_at = ?3 WHERE user_id = ?1 AND actor_id = ?2 AND type = 'message' AND read_at IS NULL",
                params![me, other, now],
            )?;
            if cleared > 0 {
                tx.emit(Event::UnreadChanged { user: me });
            }
            if marked > 0 {
                tx.emit(Event::MessagesRead {
                    reader: me,
                    sender: other,
                    up_to,
                });
            }
            Ok((marked, up_to))
        })
        .await?;
    cx.app.db.outbox.settled().await;
    Ok(ok(&json!({ "marked": marked, "up_to_id": up_to })))
}

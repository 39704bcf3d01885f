//! Notifications: created in the same transaction as what they tell about, honouring the
//! recipient's preferences; listed, and marked read.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::Ctx;
use super::pagination::{self, List};
use crate::error::{Error, Result};
use crate::http::response::{Response, ok};

/// Notification types a user can mute (everything else always arrives).
pub const MUTABLE: &[&str] = &[
    "story_liked",
    "story_commented",
    "story_rated",
    "friend_request",
    "friend_accepted",
    "achievement",
    "level_up",
];

/// Creates a notification unless the recipient muted this type or is the actor; returns its id.
pub fn notify(
    tx: &Connection,
    recipient: i64,
    kind: &str,
    actor: Option<i64>,
    target: Option<(&str, i64)>,
    data: &Value,
) -> rusqlite::Result<Option<i64>> {
    if actor == Some(recipient) {
        return Ok(None);
    }
    if let Some(actor) = actor
        && !crate::store::reach::may_notify(tx, actor, recipient)?
    {
        return Ok(None);
    }
    let prefs: Option<String> = tx
        .query_row(
            "SELECT notify FROM profiles WHERE user_id = ?1",
            [recipient],
            |r| r.get(0),
        )
        .optional()?;
    let Some(prefs) = prefs else { return Ok(None) };
    let muted = serde_json::from_str::<Value>(&prefs)
        .ok()
        .and_then(|v| v.get(kind).and_then(Value::as_bool))
        == Some(false);
    if muted {
        return Ok(None);
    }
    let (tt, ti) = target.map_or((None, None), |(t, i)| (Some(t), Some(i)));
    tx.execute(
        "INSERT INTO notifications (user_id, type, actor_id, target_type, target_id, data, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![recipient, kind, actor, tt, ti, data.to_string(), crate::time::now()],
    )?;
    let id = tx.last_insert_rowid();
    crate::db::outbox::record(crate::db::outbox::Event::Notification {
        user: recipient,
        id,
    });
    Ok(Some(id))
}

/// Unread notifications of a user.
pub fn unread_count(conn: &Connection, user: i64) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM notifications WHERE user_id = ?1 AND read_at IS NULL",
        [user],
        |r| r.get(0),
    )
}

#[derive(Serialize)]
struct Actor {
    id: i64,
    display_name: String,
    avatar_emoji: String,
}

#[derive(Serialize)]
struct Item {
    id: i64,
    #[serde(rename = "type")]
    kind: String,
    actor: Option<Actor>,
    target: Option<Value>,
    data: Value,
    read: bool,
    created_at: String,
}

const SELECT: &str =
    "SELECT n.id, n.type, n.actor_id, p.display_name, p.avatar_emoji, n.target_type,
        n.target_id, n.data, n.read_at, n.created_at
 FROM notifications n LEFT JOIN profiles p ON p.user_id = n.actor_id";

fn item_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Item> {
    let actor = match (r.get::<_, Option<i64>>(2)?, r.get::<_, Option<String>>(3)?) {
        (Some(id), Some(display_name)) => Some(Actor {
            id,
            display_name,
            avatar_emoji: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
        }),
        _ => None,
    };
    let target = match (r.get::<_, Option<String>>(5)?, r.get::<_, Option<i64>>(6)?) {
        (Some(t), Some(i)) => Some(json!({ "type": t, "id": i })),
        _ => None,
    };
    let data: String = r.get(7)?;
    Ok(Item {
        id: r.get(0)?,
        kind: r.get(1)?,
        actor,
        target,
        data: serde_json::from_str(&data).unwrap_or(Value::Null),
        read: r.get::<_, Option<i64>>(8)?.is_some(),
        created_at: crate::time::rfc3339(r.get(9)?),
    })
}

/// One notification as the list shows it, for the live push.
pub fn load_item(conn: &Connection, user: i64, id: i64) -> rusqlite::Result<Option<Value>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE n.id = ?1 AND n.user_id = ?2"))?;
    let item = stmt.query_row(params![id, user], item_row).optional()?;
    Ok(item.and_then(|i| serde_json::to_value(i).ok()))
}

#[derive(Serialize, Deserialize)]
struct Cursor {
    id: i64,
}

/// `GET /api/notifications?unread=true&limit=&cursor=`: newest first, with the unread count.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let limit = pagination::limit(&cx.req)?;
    let after: Option<Cursor> = pagination::cursor(&cx.req)?;
    let unread_only = match cx.req.query("unread").as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            return Err(Error::bad_request(
                "invalid_unread",
                "unread must be true or false.",
            ));
        }
    };
    let (rows, unread) = cx
        .app
        .db
        .read(move |c| {
            // The limit is written into the SQL: a bound LIMIT makes SQLite re-prepare each time.
            let mut stmt = c.prepare_cached(&format!(
                "{SELECT} WHERE n.user_id = ?1 AND n.id < ?2 AND (?3 = 0 OR n.read_at IS NULL)
                 ORDER BY n.id DESC LIMIT {}",
                limit + 1
            ))?;
            let rows = stmt
                .query_map(
                    params![user, after.map_or(i64::MAX, |c| c.id), unread_only as i64],
                    item_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((rows, unread_count(c, user)?))
        })
        .await?;
    let List { items, next_cursor } = pagination::page(rows, limit, |n: &Item| Cursor { id: n.id });
    Ok(ok(
        &json!({ "items": items, "next_cursor": next_cursor, "unread_count": unread }),
    ))
}

/// `POST /api/notifications/{id}/read`.
pub async fn mark_read(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    let now = crate::time::now();
    let unread = cx
        .app
        .db
        .write(move |tx| {
            let found: Option<Option<i64>> = tx
                .query_row("SELECT read_at FROM notifications WHERE id = ?1 AND user_id = ?2", params![id, user], |r| r.get(0))
                .optional()?;
            if found.is_none() {
                return Err(Error::not_found("notification_not_found", "There is no such notification."));
            }
            tx.execute("UPDATE notifications SET read_at = ?3 WHERE id = ?1 AND user_id = ?2 AND read_at IS NULL", params![id, user, now])?;
            Ok(unread_count(tx, user)?)
        })
        .await?;
    crate::realtime::presence::push_unread(cx.app, user, unread);
    Ok(ok(&json!({ "unread_count": unread })))
}

/// `POST /api/notifications/read-all`.
pub async fn mark_all_read(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let now = crate::time::now();
    let marked = cx
        .app
        .db
        .write(move |tx| {
            Ok(tx.execute(
                "UPDATE notifications SET read_at = ?2 WHERE user_id = ?1 AND read_at IS NULL",
                params![user, now],
            )?)
        })
        .await?;
    crate::realtime::presence::push_unread(cx.app, user, 0);
    Ok(ok(&json!({ "marked": marked, "unread_count": 0 })))
}

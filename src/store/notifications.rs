//! Notifications: created in the same transaction as what they tell about, honouring the
//! recipient's preferences.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use serde_json::{Value, json};

use crate::db::Tx;
use crate::domain::events::Event;

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
    tx: &Tx<'_>,
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
    tx.emit(Event::Notification {
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
pub struct Item {
    pub id: i64,
    #[serde(rename = "type")]
    kind: String,
    actor: Option<Actor>,
    target: Option<Value>,
    data: Value,
    read: bool,
    created_at: String,
}

/// The list's columns; callers add their own WHERE.
pub const SELECT: &str =
    "SELECT n.id, n.type, n.actor_id, p.display_name, p.avatar_emoji, n.target_type,
        n.target_id, n.data, n.read_at, n.created_at
 FROM notifications n LEFT JOIN profiles p ON p.user_id = n.actor_id";

/// One row of [`SELECT`].
pub fn item_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Item> {
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

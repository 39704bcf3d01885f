//! Notifications: listed, and marked read (they are made by `store::notifications`).

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::pagination::{self, List};
use crate::api::ctx::Ctx;
use crate::domain::events::Event;
use crate::error::{Error, Result};
use crate::http::response::{Response, ok};
use crate::store::notifications::{Item, SELECT, item_row, unread_count};

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
            tx.emit(Event::UnreadChanged { user });
            Ok(unread_count(tx, user)?)
        })
        .await?;
    cx.app.db.outbox.settled().await;
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
            tx.emit(Event::UnreadChanged { user });
            Ok(tx.execute(
                "UPDATE notifications SET read_at = ?2 WHERE user_id = ?1 AND read_at IS NULL",
                params![user, now],
            )?)
        })
        .await?;
    cx.app.db.outbox.settled().await;
    Ok(ok(&json!({ "marked": marked, "unread_count": 0 })))
}

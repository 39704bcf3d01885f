//! The admin console's API (every route is `Access::Admin`): the dashboard figures and
//! announcements here; users, moderation, words, records and backups in their own modules.

pub mod backups;
pub mod moderation;
pub mod records;
pub mod users;
pub mod words;

use rusqlite::{Connection, params};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::ctx::Ctx;
use crate::error::{Error, Result};
use crate::http::response::{Response, created, ok};
use crate::store::audit;
use crate::store::rewards::day_of;

/// Days in the dashboard's activity chart.
const DAYS: i64 = 30;

fn counts(c: &Connection, sql: &str) -> rusqlite::Result<Value> {
    let mut stmt = c.prepare_cached(sql)?;
    let mut out = serde_json::Map::new();
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
        let (k, n) = row?;
        out.insert(k, json!(n));
    }
    Ok(Value::Object(out))
}

fn per_day(
    c: &Connection,
    sql: &str,
    first: i64,
    out: &mut [Value],
    key: &str,
) -> rusqlite::Result<()> {
    let mut stmt = c.prepare_cached(sql)?;
    for row in stmt.query_map([first], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (day, n) = row?;
        if let Some(slot) = usize::try_from(day - first)
            .ok()
            .and_then(|i| out.get_mut(i))
        {
            slot[key] = json!(n);
        }
    }
    Ok(())
}

/// `GET /api/admin/stats`.
pub async fn stats(cx: &mut Ctx<'_>) -> Result<Response> {
    let now = crate::time::now();
    let first = day_of(now) - DAYS + 1;
    let mut body = cx
        .app
        .db
        .read(move |c| {
            let mut users = counts(
                c,
                "SELECT role, count(*) FROM users GROUP BY role
                 UNION ALL SELECT status, count(*) FROM users WHERE status != 'active' GROUP BY status
                 UNION ALL SELECT 'total', count(*) FROM users",
            )?;
            for k in ["child", "parent", "teacher", "admin", "suspended", "archived"] {
                if users.get(k).is_none() {
                    users[k] = json!(0);
                }
            }
            let stories = c.query_row(
                "SELECT count(*) FILTER (WHERE status = 'published'),
                        count(*) FILTER (WHERE status = 'draft'), count(*) FILTER (WHERE hidden = 1)
                 FROM stories",
                [],
                |r| {
                    Ok(json!({ "published": r.get::<_, i64>(0)?, "drafts": r.get::<_, i64>(1)?,
                               "hidden": r.get::<_, i64>(2)? }))
                },
            )?;
            let comments: i64 = c.query_row("SELECT count(*) FROM comments", [], |r| r.get(0))?;
            let mut activity: Vec<Value> = (0..DAYS)
                .map(|i| {
                    json!({
                        "day": crate::time::rfc3339((first + i) * 86_400).get(..10).unwrap_or_default(),
                        "signups": 0, "stories": 0, "reads": 0, "comments": 0,
                    })
                })
                .collect();
            per_day(c, "SELECT created_at / 86400, count(*) FROM users WHERE created_at >= ?1 * 86400 GROUP BY 1", first, &mut activity, "signups")?;
            per_day(c, "SELECT published_at / 86400, count(*) FROM stories WHERE published_at >= ?1 * 86400 GROUP BY 1", first, &mut activity, "stories")?;
            per_day(c, "SELECT day, count(*) FROM story_views WHERE day >= ?1 GROUP BY day", first, &mut activity, "reads")?;
            per_day(c, "SELECT created_at / 86400, count(*) FROM comments WHERE created_at >= ?1 * 86400 GROUP BY 1", first, &mut activity, "comments")?;
            let db_bytes: i64 = c.query_row(
                "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
                [],
                |r| r.get(0),
            )?;
            Ok(json!({
                "users": users, "stories": stories, "comments": comments,
                "activity": activity, "db_bytes": db_bytes,
            }))
        })
        .await?;
    body["sockets_online"] = json!(cx.app.hub.sockets_open());
    body["live_rooms"] = json!(cx.app.rooms.live());
    body["backups"] = json!(crate::app::backups::list_files(&cx.app.config.data_dir));
    Ok(ok(&body))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Announcement {
    title: String,
    body: String,
}

/// `POST /api/admin/announcements`: a notification for every active account, pushed live to
/// everyone online by the notification pusher once the transaction commits.
pub async fn announce(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let body: Announcement = cx.req.json_small().await?;
    let title = body.title.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = body.body.trim().to_string();
    if title.is_empty() || title.chars().count() > 100 {
        return Err(Error::invalid(
            "title",
            "invalid_title",
            "A title needs 1 to 100 characters.",
        ));
    }
    if text.is_empty() || text.chars().count() > 1000 {
        return Err(Error::invalid(
            "body",
            "invalid_body",
            "The message needs 1 to 1000 characters.",
        ));
    }
    let (now, ip) = (crate::time::now(), cx.ip());
    let recipients = cx
        .app
        .db
        .write(move |tx| {
            let data = json!({ "title": title, "body": text }).to_string();
            let ids: Vec<i64> = tx
                .prepare_cached("SELECT id FROM users WHERE status = 'active' AND id != ?1")?
                .query_map([me], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO notifications (user_id, type, actor_id, data, created_at)
                 VALUES (?1, 'announcement', ?2, ?3, ?4)",
            )?;
            for &id in &ids {
                insert.execute(params![id, me, data, now])?;
                tx.emit(crate::domain::events::Event::Notification {
                    user: id,
                    id: tx.last_insert_rowid(),
                });
            }
            audit::record(
                tx,
                Some(me),
                "announcement_sent",
                None,
                Some(&ip),
                &json!({ "title": title, "recipients": ids.len() }),
            )?;
            Ok(ids.len())
        })
        .await?;
    Ok(created(&json!({ "recipients": recipients })))
}

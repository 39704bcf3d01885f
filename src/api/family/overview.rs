//! `GET /api/family/children/{id}/overview`: what a parent's dashboard shows about a child.
//!
//! Activity is read from what the child did (pages written, stories read, comments, messages
//! and rewards), so nothing extra is logged to feed it.

use rusqlite::{Connection, params};
use serde_json::{Value, json};

use super::{linked, no_child};
use crate::api::ctx::Ctx;
use crate::error::Result;
use crate::http::response::{Response, ok};
use crate::store::family::{child_json, stats};
use crate::store::rewards::day_of;

/// Days in the activity charts.
pub const DAYS: i64 = 30;

/// `GET /api/family/children/{id}/overview`.
pub async fn overview(cx: &mut Ctx<'_>) -> Result<Response> {
    let (me, child) = linked(cx).await?;
    let pid = me.id;
    let now = crate::time::now();
    let body = cx
        .app
        .db
        .read(move |c| {
            let view = child_json(c, pid, child)?.ok_or_else(no_child)?;
            Ok(json!({
                "child": view,
                "stats": stats(c, child)?,
                "stories": stories(c, child)?,
                "reading": reading(c, child)?,
                "days": days(c, child, now)?,
                "hours": hours(c, child, now)?,
                "achievements": achievements(c, child)?,
                "games": crate::store::games::summary(c, child)?,
            }))
        })
        .await?;
    Ok(ok(&body))
}

fn stories(c: &Connection, user: i64) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = c.prepare_cached(
        "SELECT id, title, status, page_count, like_count, updated_at, hidden FROM stories
         WHERE author_id = ?1 ORDER BY updated_at DESC LIMIT 50",
    )?;
    stmt.query_map([user], |r| {
        Ok(json!({
            "id": r.get::<_, i64>(0)?, "title": r.get::<_, String>(1)?,
            "status": r.get::<_, String>(2)?, "page_count": r.get::<_, i64>(3)?,
            "like_count": r.get::<_, i64>(4)?, "updated_at": r.get::<_, i64>(5)?,
            "hidden": r.get::<_, bool>(6)?,
        }))
    })?
    .collect()
}

fn reading(c: &Connection, user: i64) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = c.prepare_cached(
        "SELECT v.story_id, s.title, v.day FROM story_views v JOIN stories s ON s.id = v.story_id
         WHERE v.viewer = 'u:' || ?1 ORDER BY v.day DESC, v.story_id DESC LIMIT 20",
    )?;
    stmt.query_map([user], |r| {
        Ok(json!({
            "story_id": r.get::<_, i64>(0)?, "title": r.get::<_, String>(1)?,
            "day": day_text(r.get(2)?),
        }))
    })?
    .collect()
}

fn day_text(day: i64) -> String {
    crate::time::rfc3339(day * 86_400)
        .get(..10)
        .unwrap_or_default()
        .to_string()
}

/// The last [`DAYS`] days, oldest first: pages written and stories read per day.
fn days(c: &Connection, user: i64, now: i64) -> rusqlite::Result<Vec<Value>> {
    let today = day_of(now);
    let first = today - DAYS + 1;
    let mut pages = vec![0i64; DAYS as usize];
    let mut reads = vec![0i64; DAYS as usize];
    let mut stmt = c.prepare_cached(
        "SELECT p.created_at / 86400, count(*) FROM pages p JOIN stories s ON s.id = p.story_id
         WHERE s.author_id = ?1 AND p.created_at >= ?2 * 86400 GROUP BY 1",
    )?;
    for row in stmt.query_map(params![user, first], |r| {
        Ok((r.get::<_, i64>(0)?, r.get(1)?))
    })? {
        let (day, n) = row?;
        if let Some(slot) = usize::try_from(day - first)
            .ok()
            .and_then(|i| pages.get_mut(i))
        {
            *slot = n;
        }
    }
    let mut stmt = c.prepare_cached(
        "SELECT day, count(*) FROM story_views WHERE viewer = 'u:' || ?1 AND day >= ?2 GROUP BY day",
    )?;
    for row in stmt.query_map(params![user, first], |r| {
        Ok((r.get::<_, i64>(0)?, r.get(1)?))
    })? {
        let (day, n) = row?;
        if let Some(slot) = usize::try_from(day - first)
            .ok()
            .and_then(|i| reads.get_mut(i))
        {
            *slot = n;
        }
    }
    Ok((0..DAYS as usize)
        .map(|i| json!({ "day": day_text(first + i as i64), "pages": pages[i], "reads": reads[i] }))
        .collect())
}

/// Things the child did in the last [`DAYS`] days, by hour of day (UTC).
fn hours(c: &Connection, user: i64, now: i64) -> rusqlite::Result<Vec<i64>> {
    let since = now - DAYS * 86_400;
    let mut out = vec![0i64; 24];
    let mut stmt = c.prepare_cached(
        "SELECT (t % 86400) / 3600, count(*) FROM (
            SELECT p.created_at AS t FROM pages p JOIN stories s ON s.id = p.story_id
             WHERE s.author_id = ?1 AND p.created_at >= ?2
            UNION ALL SELECT created_at FROM comments WHERE author_id = ?1 AND created_at >= ?2
            UNION ALL SELECT created_at FROM messages WHERE sender_id = ?1 AND created_at >= ?2
            UNION ALL SELECT created_at FROM xp_ledger WHERE user_id = ?1 AND created_at >= ?2
         ) GROUP BY 1",
    )?;
    for row in stmt.query_map(params![user, since], |r| {
        Ok((r.get::<_, i64>(0)?, r.get(1)?))
    })? {
        let (hour, n) = row?;
        if let Some(slot) = usize::try_from(hour).ok().and_then(|h| out.get_mut(h)) {
            *slot = n;
        }
    }
    Ok(out)
}

fn achievements(c: &Connection, user: i64) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = c.prepare_cached(
        "SELECT achievement_id, earned_at FROM user_achievements WHERE user_id = ?1 ORDER BY earned_at DESC",
    )?;
    stmt.query_map([user], |r| {
        Ok(json!({ "id": r.get::<_, String>(0)?, "earned_at": r.get::<_, i64>(1)? }))
    })?
    .collect()
}

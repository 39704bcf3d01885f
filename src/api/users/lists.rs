//! The caller's own lists: `/api/me/stories`, `/api/me/saved`, `/api/me/achievements`,
//! `/api/me/xp`.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::api::ctx::Ctx;
use crate::api::pagination::{self, List};
use crate::domain::accounts::{XP_PER_LEVEL, level_for_xp};
use crate::domain::rewards::{ACHIEVEMENTS, BORDERS, borders_for};
use crate::error::{Error, Result};
use crate::http::response::{Response, ok};
use crate::store::rewards;

#[derive(Serialize, Deserialize)]
struct Cursor {
    t: i64,
    id: i64,
}

#[derive(Serialize)]
struct Mine {
    id: i64,
    title: String,
    status: String,
    is_owner: bool,
    cover: Option<Value>,
    page_count: i64,
    like_count: i64,
    comment_count: i64,
    view_count: i64,
    updated_at: String,
    published_at: Option<String>,
    #[serde(skip)]
    t: i64,
}

/// `GET /api/me/stories?status=draft|published`: stories the caller wrote or co-writes, most
/// recently changed first.
pub async fn stories(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let status = match cx.req.query("status").as_deref() {
        None | Some("") => None,
        Some(s @ ("draft" | "published")) => Some(s.to_string()),
        Some(_) => {
            return Err(Error::bad_request(
                "invalid_status",
                "status must be draft or published.",
            ));
        }
    };
    let limit = pagination::limit(&cx.req)?;
    let after: Option<Cursor> = pagination::cursor(&cx.req)?;
    let keys = cx.app.tokens.clone();
    let rows = cx
        .app
        .db
        .read(move |c| {
            // The limit is written into the SQL: a bound LIMIT makes SQLite re-prepare each time.
            let mut stmt = c.prepare_cached(&format!(
                "SELECT s.id, s.title, s.status, s.author_id = ?1, s.cover_media_id, s.page_count, s.like_count,
                        s.comment_count, s.view_count, s.updated_at, s.published_at, s.hidden
                 FROM stories s
                 WHERE (s.author_id = ?1 OR s.id IN (SELECT story_id FROM story_authors WHERE user_id = ?1))
                   AND (?2 IS NULL OR s.status = ?2)
                   AND (s.updated_at, s.id) < (?3, ?4)
                 ORDER BY s.updated_at DESC, s.id DESC LIMIT {}",
                limit + 1
            ))?;
            let (t, id) = after.map_or((i64::MAX, i64::MAX), |a| (a.t, a.id));
            let rows = stmt.query_map(params![me, status, t, id], |r| {
                let status: String = r.get(2)?;
                let public = status == "published" && r.get::<_, i64>(11)? == 0;
                let cover: Option<String> = r.get(4)?;
                let updated: i64 = r.get(9)?;
                Ok(Mine {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    is_owner: r.get(3)?,
                    cover: cover.map(|c| crate::store::media::reference(&keys, &c, public)),
                    page_count: r.get(5)?,
                    like_count: r.get(6)?,
                    comment_count: r.get(7)?,
                    view_count: r.get(8)?,
                    updated_at: crate::time::rfc3339(updated),
                    published_at: r.get::<_, Option<i64>>(10)?.map(crate::time::rfc3339),
                    status,
                    t: updated,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await?;
    let list: List<Mine> = pagination::page(rows, limit, |m: &Mine| Cursor { t: m.t, id: m.id });
    Ok(ok(&list))
}

/// `GET /api/me/saved`: saved stories still in the library, most recently saved first.
pub async fn saved(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let limit = pagination::limit(&cx.req)?;
    let after: Option<Cursor> = pagination::cursor(&cx.req)?;
    let rows = cx
        .app
        .db
        .read(move |c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT s.id, s.title, s.cover_media_id, s.author_id, p.display_name, p.avatar_emoji, s.like_count, sv.created_at, s.updated_at
                 FROM saves sv JOIN stories s ON s.id = sv.story_id JOIN profiles p ON p.user_id = s.author_id
                 WHERE sv.user_id = ?1 AND s.status = 'published' AND s.hidden = 0 AND (sv.created_at, sv.story_id) < (?2, ?3)
                 ORDER BY sv.created_at DESC, sv.story_id DESC LIMIT {}",
                limit + 1
            ))?;
            let (t, id) = after.map_or((i64::MAX, i64::MAX), |a| (a.t, a.id));
            let rows = stmt.query_map(params![me, t, id], |r| {
                let cover: Option<String> = r.get(2)?;
                let at: i64 = r.get(7)?;
                Ok((
                    json!({
                        "id": r.get::<_, i64>(0)?,
                        "title": r.get::<_, String>(1)?,
                        "cover_url": crate::domain::cover::url(r.get(0)?, cover.as_deref(), r.get(8)?),
                        "author": { "id": r.get::<_, i64>(3)?, "display_name": r.get::<_, String>(4)?, "avatar_emoji": r.get::<_, String>(5)? },
                        "like_count": r.get::<_, i64>(6)?,
                        "saved_at": crate::time::rfc3339(at),
                    }),
                    at,
                ))
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await?;
    let list = pagination::page(rows, limit, |(v, at): &(Value, i64)| Cursor {
        t: *at,
        id: v["id"].as_i64().unwrap_or(0),
    });
    Ok(ok(
        &json!({ "items": list.items.into_iter().map(|(v, _)| v).collect::<Vec<_>>(), "next_cursor": list.next_cursor }),
    ))
}

/// `GET /api/me/achievements`: every achievement, earned or not, with progress.
pub async fn achievements(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let (stats, earned) = cx
        .app
        .db
        .read(move |c| {
            let stats = rewards::stats(c, me)?;
            let mut stmt = c.prepare_cached(
                "SELECT achievement_id, earned_at FROM user_achievements WHERE user_id = ?1",
            )?;
            let earned: Vec<(String, i64)> = stmt
                .query_map([me], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            Ok((stats, earned))
        })
        .await?;
    let items: Vec<Value> = ACHIEVEMENTS
        .iter()
        .map(|a| {
            let (have, need) = (a.progress)(&stats);
            let at = earned
                .iter()
                .find(|(id, _)| id == a.id)
                .map(|(_, t)| crate::time::rfc3339(*t));
            json!({
                "id": a.id, "icon": a.icon, "title": a.title_en, "title_tl": a.title_tl,
                "description": a.description_en, "description_tl": a.description_tl, "xp": a.xp,
                "earned": at.is_some(), "earned_at": at,
                "progress": { "have": have, "need": need },
            })
        })
        .collect();
    let count = items.iter().filter(|i| i["earned"] == true).count();
    Ok(ok(&json!({ "items": items, "earned_count": count })))
}

/// `GET /api/me/xp`: total, level, progress to the next level, borders, recent rewards.
pub async fn xp(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let (xp, recent) = cx
        .app
        .db
        .read(move |c| {
            let xp: i64 = c.query_row("SELECT xp FROM profiles WHERE user_id = ?1", [me], |r| r.get(0))?;
            let mut stmt = c.prepare_cached(
                "SELECT reason, object, amount, created_at FROM xp_ledger WHERE user_id = ?1 AND amount > 0
                 ORDER BY created_at DESC LIMIT 20",
            )?;
            let recent: Vec<Value> = stmt
                .query_map([me], |r| {
                    Ok(json!({
                        "reason": r.get::<_, String>(0)?,
                        "object": r.get::<_, String>(1)?,
                        "amount": r.get::<_, i64>(2)?,
                        "at": crate::time::rfc3339(r.get(3)?),
                    }))
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok((xp, recent))
        })
        .await?;
    let level = level_for_xp(xp);
    Ok(ok(&json!({
        "xp": xp,
        "level": level,
        "level_xp": xp - (level - 1) * XP_PER_LEVEL,
        "next_level_at": level * XP_PER_LEVEL,
        "xp_per_level": XP_PER_LEVEL,
        "borders": BORDERS.iter().map(|(b, l)| json!({ "id": b, "level": l, "unlocked": *l <= level })).collect::<Vec<_>>(),
        "unlocked_borders": borders_for(level),
        "recent": recent,
    })))
}

//! Likes, saves, ratings and reads. Likes, saves and ratings are idempotent and only for
//! published stories; views count once per reader per day and never for the story's authors.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Deserialize;
use serde_json::json;

use crate::api::ctx::Ctx;
use crate::auth::AuthUser;
use crate::error::{Error, Result};
use crate::http::response::{Response, ok};
use crate::store::actions;
use crate::store::rewards;
use crate::store::stories::{self as store, Meta, Need, Relation};

/// A published story the caller can see, or why not.
fn published(tx: &Connection, id: i64, user: &AuthUser) -> Result<(Meta, Relation)> {
    let (m, rel) = store::require(tx, id, Some(user), Need::Read)?;
    if !m.is_public() {
        return Err(Error::conflict(
            "not_published",
            "This story is not in the library yet.",
        ));
    }
    Ok((m, rel))
}

fn not_own(rel: Relation, what: &str) -> Result<()> {
    if rel.is_author() {
        return Err(Error::forbidden(
            "own_story",
            format!("You cannot {what} your own story."),
        ));
    }
    Ok(())
}

fn count(tx: &Connection, sql: &str, id: i64) -> rusqlite::Result<i64> {
    tx.query_row(sql, [id], |r| r.get(0))
}

/// `POST /api/stories/{id}/like`.
pub async fn like(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let now = crate::time::now();
    let likes = cx
        .app
        .db
        .write(move |tx| {
            let (m, rel) = published(tx, id, &user)?;
            not_own(rel, "like")?;
            actions::like(tx, &m, user.id, now)?;
            Ok(count(
                tx,
                "SELECT like_count FROM stories WHERE id = ?1",
                id,
            )?)
        })
        .await?;
    Ok(ok(&json!({ "liked": true, "like_count": likes })))
}

/// `DELETE /api/stories/{id}/like`.
pub async fn unlike(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let month_ago = crate::time::now() - 30 * 86_400;
    let likes = cx
        .app
        .db
        .write(move |tx| {
            store::require(tx, id, Some(&user), Need::Read)?;
            let at: Option<i64> = tx
                .query_row("SELECT created_at FROM likes WHERE story_id = ?1 AND user_id = ?2", params![id, user.id], |r| r.get(0))
                .optional()?;
            if let Some(at) = at {
                tx.execute("DELETE FROM likes WHERE story_id = ?1 AND user_id = ?2", params![id, user.id])?;
                tx.execute(
                    "UPDATE stories SET like_count = like_count - 1, likes_recent = likes_recent - ?2 WHERE id = ?1",
                    params![id, i64::from(at > month_ago)],
                )?;
            }
            Ok(count(tx, "SELECT like_count FROM stories WHERE id = ?1", id)?)
        })
        .await?;
    Ok(ok(&json!({ "liked": false, "like_count": likes })))
}

/// `POST /api/stories/{id}/save`.
pub async fn save(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let now = crate::time::now();
    let saves = cx
        .app
        .db
        .write(move |tx| {
            published(tx, id, &user)?;
            if tx.execute(
                "INSERT OR IGNORE INTO saves (story_id, user_id, created_at) VALUES (?1, ?2, ?3)",
                params![id, user.id, now],
            )? > 0
            {
                tx.execute(
                    "UPDATE stories SET save_count = save_count + 1 WHERE id = ?1",
                    [id],
                )?;
            }
            Ok(count(
                tx,
                "SELECT save_count FROM stories WHERE id = ?1",
                id,
            )?)
        })
        .await?;
    Ok(ok(&json!({ "saved": true, "save_count": saves })))
}

/// `DELETE /api/stories/{id}/save`.
pub async fn unsave(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let saves = cx
        .app
        .db
        .write(move |tx| {
            store::require(tx, id, Some(&user), Need::Read)?;
            if tx.execute(
                "DELETE FROM saves WHERE story_id = ?1 AND user_id = ?2",
                params![id, user.id],
            )? > 0
            {
                tx.execute(
                    "UPDATE stories SET save_count = save_count - 1 WHERE id = ?1",
                    [id],
                )?;
            }
            Ok(count(
                tx,
                "SELECT save_count FROM stories WHERE id = ?1",
                id,
            )?)
        })
        .await?;
    Ok(ok(&json!({ "saved": false, "save_count": saves })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RatingBody {
    value: i64,
}

/// `PUT /api/stories/{id}/rating`: 1 to 5 stars, one per reader, changeable.
pub async fn rate(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let body: RatingBody = cx.req.json().await?;
    if !(1..=5).contains(&body.value) {
        return Err(Error::invalid(
            "value",
            "invalid_rating",
            "Pick 1 to 5 stars.",
        ));
    }
    let now = crate::time::now();
    let (sum, n) = cx
        .app
        .db
        .write(move |tx| {
            let (m, rel) = published(tx, id, &user)?;
            not_own(rel, "rate")?;
            tx.execute(
                "INSERT INTO ratings (story_id, user_id, value, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
                 ON CONFLICT (story_id, user_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                params![id, user.id, body.value, now],
            )?;
            let totals = store::refresh_rating(tx, id)?;
            let authors = store::authors(tx, id, m.author_id)?;
            rewards::on_rating(tx, id, &m.title, &authors, user.id, body.value)?;
            Ok(totals)
        })
        .await?;
    Ok(ok(
        &json!({ "rating": store::rating_json(sum, n), "mine": body.value }),
    ))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ReadBody {
    #[serde(default)]
    page_id: Option<i64>,
    #[serde(default)]
    finished: bool,
}

/// `POST /api/stories/{id}/reads`: the reader opened the story or turned a page. Counts one
/// view per reader per day (guests by a keyed hash of their address, authors never) and keeps
/// signed-in readers' progress, streaks and finished-story rewards.
pub async fn read(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user.clone();
    let id = cx.req.params.id(0)?;
    let body: ReadBody = cx.req.json_opt().await?.unwrap_or_default();
    let now = crate::time::now();
    let viewer = match &user {
        Some(u) => format!("u:{}", u.id),
        None => format!("g:{}", cx.app.tokens.mac("guest", &cx.ip_key())),
    };
    let (counted, views) = cx
        .app
        .db
        .write(move |tx| {
            let (m, rel) = store::require(tx, id, user.as_ref(), Need::Read)?;
            if let Some(pid) = body.page_id {
                let ok: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM pages WHERE id = ?1 AND story_id = ?2)", params![pid, id], |r| r.get(0))?;
                if !ok {
                    return Err(Error::invalid("page_id", "page_not_found", "That page is not in this story."));
                }
            }
            let mut counted = false;
            if m.is_public() && !rel.is_author() {
                let day = rewards::day_of(now);
                if tx.execute("INSERT OR IGNORE INTO story_views (story_id, viewer, day) VALUES (?1, ?2, ?3)", params![id, viewer, day])? > 0 {
                    tx.execute("UPDATE stories SET view_count = view_count + 1 WHERE id = ?1", [id])?;
                    counted = true;
                }
            }
            if let Some(u) = &user {
                tx.execute(
                    "INSERT INTO reading_progress (user_id, story_id, page_id, finished, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (user_id, story_id) DO UPDATE SET page_id = coalesce(excluded.page_id, page_id),
                        finished = max(finished, excluded.finished), updated_at = excluded.updated_at",
                    params![u.id, id, body.page_id, i64::from(body.finished), now],
                )?;
                if m.is_public() && !rel.is_author() {
                    rewards::on_read(tx, u.id, id, body.finished, now)?;
                }
            }
            Ok((counted, count(tx, "SELECT view_count FROM stories WHERE id = ?1", id)?))
        })
        .await?;
    Ok(ok(&json!({ "view_counted": counted, "view_count": views })))
}

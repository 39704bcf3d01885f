//! Games made from published stories: listed per story, played, and scored on the server.
//! Answers stay in the database until an attempt; the first attempt and the first perfect
//! score at each game pay XP once.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

use crate::api::ctx::Ctx;
use crate::domain::games::{Game, wordsearch};
use crate::error::{Error, Result};
use crate::http::response::{Response, created, ok};
use crate::store::games::{ensure, summary};
use crate::store::stories::{self as stories, Need};

fn list_rows(c: &Connection, story: i64, user: Option<i64>) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = c.prepare_cached(
        "SELECT g.id, g.kind, g.content FROM games g WHERE g.story_id = ?1
         ORDER BY CASE g.kind WHEN 'quiz' THEN 0 WHEN 'fill_blank' THEN 1 ELSE 2 END",
    )?;
    let rows = stmt.query_map([story], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, kind, content) = row?;
        let count = serde_json::from_str::<Game>(&content).map_or(0, |g| g.count());
        let best = match user {
            Some(u) => c
                .query_row(
                    "SELECT score, total FROM game_attempts WHERE game_id = ?1 AND user_id = ?2
                     ORDER BY score * 1.0 / max(total, 1) DESC, id LIMIT 1",
                    params![id, u],
                    |r| Ok(json!({ "score": r.get::<_, i64>(0)?, "total": r.get::<_, i64>(1)? })),
                )
                .optional()?,
            None => None,
        };
        out.push(json!({ "id": id, "kind": kind, "count": count, "best": best }));
    }
    Ok(out)
}

/// `GET /api/stories/{id}/games`.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let story = cx.req.params.id(0)?;
    let user = cx.user.clone();
    let viewer = user.as_ref().map(|u| u.id);
    let (items, stale) = cx
        .app
        .db
        .read(move |c| {
            stories::require(c, story, user.as_ref(), Need::Read)?;
            let stale = crate::store::games::stale(c, story)?;
            Ok((list_rows(c, story, viewer)?, stale))
        })
        .await?;
    if !stale {
        return Ok(ok(&json!({ "items": items })));
    }
    // Games are made on publish; stories published before games existed, by the demo, or
    // changed since get theirs (again) on the next look.
    let items = cx
        .app
        .db
        .write(move |tx| {
            ensure(tx, story)?;
            Ok(list_rows(tx, story, viewer)?)
        })
        .await?;
    Ok(ok(&json!({ "items": items })))
}

fn no_game() -> Error {
    Error::not_found("game_not_found", "We could not find that game.")
}

/// Loads a game the caller may play (its story must be readable by them).
fn load(
    c: &Connection,
    id: i64,
    user: Option<&crate::auth::AuthUser>,
) -> Result<(Game, stories::Meta)> {
    let row: Option<(i64, String)> = c
        .query_row(
            "SELECT story_id, content FROM games WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (story, content) = row.ok_or_else(no_game)?;
    // A story the caller cannot see hides its games too.
    let (meta, _) = stories::require(c, story, user, Need::Read).map_err(|_| no_game())?;
    let game: Game = serde_json::from_str(&content)
        .map_err(|e| Error::internal(format!("stored game {id} unreadable: {e}")))?;
    Ok((game, meta))
}

/// The word-search width asked for: `?size=` (or `size` in an attempt) when given, else the
/// player's age band, else the story's own.
fn wanted_size(asked: Option<&Value>, band: Option<&str>) -> Result<Option<usize>> {
    match asked {
        None | Some(Value::Null) => Ok(wordsearch::size_for_age_band(band)),
        Some(v) => v
            .as_u64()
            .map(|n| n as usize)
            .filter(|n| wordsearch::SIZES.contains(n))
            .map(Some)
            .ok_or_else(|| {
                Error::invalid(
                    "size",
                    "invalid_size",
                    "A word search is 8, 10 or 12 letters wide.",
                )
            }),
    }
}

/// The caller's age band, if they have one.
fn age_band(c: &Connection, user: Option<i64>) -> rusqlite::Result<Option<String>> {
    let Some(user) = user else { return Ok(None) };
    Ok(c.query_row(
        "SELECT age_band FROM profiles WHERE user_id = ?1",
        [user],
        |r| r.get(0),
    )
    .optional()?
    .flatten())
}

/// `GET /api/games/{id}`: the game without its answers (a word search sized for the player).
pub async fn get(cx: &mut Ctx<'_>) -> Result<Response> {
    let id = cx.req.params.id(0)?;
    let user = cx.user.clone();
    let asked = cx
        .req
        .query("size")
        .map(|s| s.parse::<u64>().map_or(Value::String(s), Value::from));
    let (game, meta, band) = cx
        .app
        .db
        .read(move |c| {
            let (game, meta) = load(c, id, user.as_ref())?;
            Ok((game, meta, age_band(c, user.as_ref().map(|u| u.id))?))
        })
        .await?;
    let size = wanted_size(asked.as_ref(), band.as_deref())?;
    let game = game.sized(size, meta.id as u64);
    let mut body = game.public();
    body["id"] = json!(id);
    body["kind"] = json!(game.kind());
    body["story_id"] = json!(meta.id);
    body["story_title"] = json!(meta.title);
    body["language"] = json!(meta.language);
    if game.kind() == "word_search" {
        body["sizes"] = json!(wordsearch::SIZES);
        body["age_band"] = json!(band);
    }
    Ok(ok(&body))
}

/// `POST /api/games/{id}/attempts`: scores the answers, reveals them, pays XP once.
pub async fn attempt(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    cx.app.limits.games.hit(&format!("user:{}", user.id))?;
    let id = cx.req.params.id(0)?;
    let body: Value = cx.req.json_small().await?;
    let now = crate::time::now();
    let answer = cx
        .app
        .db
        .write(move |tx| {
            let (game, meta) = load(tx, id, Some(&user))?;
            let band = age_band(tx, Some(user.id))?;
            let size = wanted_size(body.get("size"), band.as_deref())?;
            let game = game.sized(size, meta.id as u64);
            let checked = game
                .check(&body)
                .map_err(|e| Error::invalid("answers", "invalid_attempt", e.0))?;
            let first_time: bool = !tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM game_attempts WHERE game_id = ?1 AND user_id = ?2)",
                params![id, user.id],
                |r| r.get::<_, bool>(0),
            )?;
            tx.execute(
                "INSERT INTO game_attempts (game_id, user_id, score, total, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, user.id, checked.score as i64, checked.total as i64, now],
            )?;
            let perfect = checked.total > 0 && checked.score == checked.total;
            let (xp, earned) = crate::store::rewards::on_game(tx, user.id, id, perfect)?;
            let achievements: Vec<Value> = earned
                .iter()
                .filter_map(|a| crate::domain::rewards::achievement(a))
                .map(|a| json!({ "id": a.id, "title": a.title_en, "title_tl": a.title_tl, "icon": a.icon }))
                .collect();
            Ok(json!({
                "score": checked.score, "total": checked.total, "perfect": perfect,
                "xp_earned": xp, "first_time": first_time, "achievements": achievements,
                "results": checked.results,
            }))
        })
        .await?;
    Ok(created(&answer))
}

/// `GET /api/me/games`.
pub async fn mine(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let body = cx
        .app
        .db
        .read(move |c| {
            let mut s = summary(c, me)?;
            s["xp"] = json!(c.query_row(
                "SELECT coalesce(sum(amount), 0) FROM xp_ledger WHERE user_id = ?1 AND reason IN ('game_played', 'game_perfect')",
                [me],
                |r| r.get::<_, i64>(0),
            )?);
            Ok(s)
        })
        .await?;
    Ok(ok(&body))
}

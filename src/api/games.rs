//! Games made from published stories: listed per story, played, and scored on the server.
//! Answers stay in the database until an attempt; the first attempt and the first perfect
//! score at each game pay XP once.

use serde_json::{Value, json};

use crate::api::ctx::Ctx;
use crate::domain::games::wordsearch;
use crate::error::{Error, Result};
use crate::http::response::{Response, created, ok};
use crate::store::games::{age_band, list_rows, load};
use crate::store::games::{ensure, summary};
use crate::store::stories::{self as stories, Need};

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
            let played = crate::store::actions::game_result(tx, id, user.id, &checked, now)?;
            let achievements: Vec<Value> = played
                .earned
                .iter()
                .filter_map(|a| crate::domain::rewards::achievement(a))
                .map(|a| json!({ "id": a.id, "title": a.title_en, "title_tl": a.title_tl, "icon": a.icon }))
                .collect();
            Ok(json!({
                "score": checked.score, "total": checked.total, "perfect": played.perfect,
                "xp_earned": played.xp, "first_time": played.first_time, "achievements": achievements,
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

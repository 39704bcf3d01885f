//! Pages, one at a time: add, edit (with an optimistic version), delete, reorder. Two tabs
//! editing different pages never overwrite each other; two editing the same page get a 409.

use rusqlite::{OptionalExtension, params};
use serde::Deserialize;

use super::{PageInput, prepare_page};
use crate::api::ctx::Ctx;
use crate::domain::story::MAX_PAGES;
use crate::error::{Error, Result};
use crate::http::response::{Response, created, empty, ok};
use crate::store::pages::{self, check_page_media};
use crate::store::stories::{self as store, Need};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewPage {
    #[serde(default)]
    text: Option<String>,
    #[serde(default, deserialize_with = "super::present")]
    drawing: Option<Option<serde_json::Value>>,
    #[serde(default, deserialize_with = "super::present")]
    thumbnail_media_id: Option<Option<String>>,
    /// Insert after this page; absent = at the end, `null` = first.
    #[serde(default, deserialize_with = "super::present")]
    after: Option<Option<i64>>,
}

/// `POST /api/stories/{id}/pages`.
pub async fn add(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let body: NewPage = cx.req.json().await?;
    let input = PageInput {
        text: body.text,
        drawing: body.drawing,
        thumbnail_media_id: body.thumbnail_media_id,
    };
    let content = prepare_page(cx.app, input)?;
    let after = body.after;
    let now = crate::time::now();
    let keys = cx.app.tokens.clone();
    let page = cx
        .app
        .db
        .write(move |tx| {
            let (m, _) = store::require(tx, id, Some(&user), Need::Edit)?;
            if m.page_count as usize >= MAX_PAGES {
                return Err(Error::conflict(
                    "too_many_pages",
                    format!("A story can have at most {MAX_PAGES} pages."),
                ));
            }
            check_page_media(tx, user.id, Some(id), &content)?;
            let position = match after {
                None => m.page_count,
                Some(None) => 0,
                Some(Some(pid)) => {
                    let pos: Option<i64> = tx
                        .query_row(
                            "SELECT position FROM pages WHERE id = ?1 AND story_id = ?2",
                            params![pid, id],
                            |r| r.get(0),
                        )
                        .optional()?;
                    pos.ok_or_else(|| {
                        Error::invalid("after", "page_not_found", "That page is not in this story.")
                    })? + 1
                }
            };
            let page_id = pages::insert_page(tx, id, position, &content, now)?;
            store::sync_search(tx, id)?;
            crate::store::actions::edited(tx, &m, now)?;
            pages::page(tx, &keys, id, page_id, m.is_public())
        })
        .await?;
    Ok(created(&page))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageEdit {
    #[serde(default)]
    text: Option<String>,
    #[serde(default, deserialize_with = "super::present")]
    drawing: Option<Option<serde_json::Value>>,
    #[serde(default, deserialize_with = "super::present")]
    thumbnail_media_id: Option<Option<String>>,
    /// The version the editor started from.
    version: i64,
}

/// `PUT /api/stories/{id}/pages/{page_id}`: changes the fields given; a stale `version` is 409
/// with the current page in `current`.
pub async fn update(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let page_id = cx.req.params.id(1)?;
    let body: PageEdit = cx.req.json().await?;
    let input = PageInput {
        text: body.text,
        drawing: body.drawing,
        thumbnail_media_id: body.thumbnail_media_id,
    };
    let content = prepare_page(cx.app, input)?;
    let expected = body.version;
    let now = crate::time::now();
    let keys = cx.app.tokens.clone();
    let page = cx
        .app
        .db
        .write(move |tx| {
            let (m, _) = store::require(tx, id, Some(&user), Need::Edit)?;
            let current: Option<i64> = tx
                .query_row("SELECT version FROM pages WHERE id = ?1 AND story_id = ?2", params![page_id, id], |r| r.get(0))
                .optional()?;
            let current = current.ok_or_else(|| Error::not_found("page_not_found", "That page is not in this story."))?;
            if current != expected {
                return Err(Error::conflict(
                    "page_conflict",
                    format!("This page was changed somewhere else (now version {current}). Reload it before saving."),
                ));
            }
            check_page_media(tx, user.id, Some(id), &content)?;
            tx.execute(
                "UPDATE pages SET
                    text = coalesce(?3, text),
                    drawing = CASE WHEN ?4 THEN ?5 ELSE drawing END,
                    background_media_id = CASE WHEN ?6 THEN ?7 ELSE background_media_id END,
                    thumb_media_id = CASE WHEN ?8 THEN ?9 ELSE thumb_media_id END,
                    version = version + 1, updated_at = ?10
                 WHERE id = ?1 AND story_id = ?2",
                params![
                    page_id,
                    id,
                    content.text,
                    content.drawing.is_some(),
                    content.drawing.clone().flatten(),
                    content.background.is_some(),
                    content.background.clone().flatten(),
                    content.thumb.is_some(),
                    content.thumb.clone().flatten(),
                    now
                ],
            )?;
            tx.execute("UPDATE stories SET updated_at = ?2 WHERE id = ?1", params![id, now])?;
            if content.text.is_some() {
                store::sync_search(tx, id)?;
            }
            crate::store::actions::edited(tx, &m, now)?;
            pages::page(tx, &keys, id, page_id, m.is_public())
        })
        .await?;
    Ok(ok(&page))
}

/// `DELETE /api/stories/{id}/pages/{page_id}`: a story keeps at least one page.
pub async fn delete(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let page_id = cx.req.params.id(1)?;
    let now = crate::time::now();
    cx.app
        .db
        .write(move |tx| {
            let (m, _) = store::require(tx, id, Some(&user), Need::Edit)?;
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM pages WHERE id = ?1 AND story_id = ?2)",
                params![page_id, id],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(Error::not_found(
                    "page_not_found",
                    "That page is not in this story.",
                ));
            }
            if m.page_count <= 1 {
                return Err(Error::conflict(
                    "last_page",
                    "A story needs at least one page.",
                ));
            }
            tx.execute("DELETE FROM pages WHERE id = ?1", [page_id])?;
            pages::compact_positions(tx, id)?;
            pages::recount_pages(tx, id, now)?;
            store::sync_search(tx, id)?;
            crate::store::actions::edited(tx, &m, now)?;
            Ok(())
        })
        .await?;
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Order {
    page_ids: Vec<i64>,
}

/// `POST /api/stories/{id}/pages/order`: the new order, naming every page exactly once.
pub async fn reorder(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let body: Order = cx.req.json().await?;
    let now = crate::time::now();
    let keys = cx.app.tokens.clone();
    let pages = cx
        .app
        .db
        .write(move |tx| {
            let (m, _) = store::require(tx, id, Some(&user), Need::Edit)?;
            let mut current: Vec<i64> = tx
                .prepare("SELECT id FROM pages WHERE story_id = ?1")?
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut wanted = body.page_ids.clone();
            current.sort_unstable();
            wanted.sort_unstable();
            if current != wanted {
                return Err(Error::invalid(
                    "page_ids",
                    "invalid_order",
                    "List every page of the story exactly once.",
                ));
            }
            for (i, pid) in body.page_ids.iter().enumerate() {
                tx.execute(
                    "UPDATE pages SET position = ?2 WHERE id = ?1",
                    params![pid, i as i64],
                )?;
            }
            pages::recount_pages(tx, id, now)?;
            store::sync_search(tx, id)?;
            crate::store::actions::edited(tx, &m, now)?;
            Ok(pages::pages(tx, &keys, id, m.is_public())?)
        })
        .await?;
    Ok(ok(&serde_json::json!({ "pages": pages })))
}

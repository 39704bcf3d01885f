//! The teacher's side of publishing approval (the rule itself is `store::reviews`): stories
//! waiting in a class, approving one, returning one with a kind note, and the class book.

use serde::Deserialize;
use serde_json::json;

use super::{no_class, own_class};
use crate::api::ctx::Ctx;
use crate::error::{Error, Result};
use crate::http::response::{Response, ok};
use crate::store::stories::Meta;
use crate::store::{audit, reviews};

/// Longest note a teacher sends back with a story.
const NOTE_MAX: usize = 300;
/// Stories in one class book.
const BOOK_MAX: i64 = 200;

/// `GET /api/classes/{id}/reviews`: stories waiting for the teacher, oldest first.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let (_, class) = own_class(cx).await?;
    let items = cx
        .app
        .db
        .read(move |c| Ok(reviews::waiting(c, class)?))
        .await?;
    Ok(ok(&json!({ "items": items })))
}

/// The story waiting in `class`, or 404. Checked before the body is read (so a story that is
/// no longer waiting says so first) and again inside the write that acts on it.
fn waiting_in(c: &rusqlite::Connection, story: i64, class: i64) -> Result<Meta> {
    match reviews::of_story(c, story)? {
        Some((cid, status, _)) if cid == class && status == "waiting" => {
            crate::store::stories::meta(c, story)?
        }
        _ => None,
    }
    .ok_or_else(|| {
        Error::not_found(
            "not_found",
            "That story is not waiting in this class any more.",
        )
    })
}

/// The teacher, their class and the waiting story in the path.
async fn waiting_story(cx: &Ctx<'_>) -> Result<(i64, i64, i64)> {
    let (me, class) = own_class(cx).await?;
    let story = cx.req.params.id(1)?;
    cx.app
        .db
        .read(move |c| waiting_in(c, story, class).map(|_| ()))
        .await?;
    Ok((me.id, class, story))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApproveBody {
    /// The story's `review.fingerprint` as the teacher read it.
    fingerprint: String,
}

/// `POST /api/classes/{id}/reviews/{story_id}/approve`: the story goes into the library and
/// its author hears so, if it is still exactly what the teacher read.
pub async fn approve(cx: &mut Ctx<'_>) -> Result<Response> {
    let (tid, class, story) = waiting_story(cx).await?;
    let body: ApproveBody = cx.req.json_small().await?;
    let (now, ip) = (crate::time::now(), cx.ip());
    cx.app
        .db
        .write(move |tx| {
            // What is published is what the teacher approved: checked in the same write.
            let meta = waiting_in(tx, story, class)?;
            if reviews::fingerprint(tx, story)?.as_deref() != Some(body.fingerprint.as_str()) {
                return Err(Error::conflict(
                    "story_changed",
                    "This story changed since you read it. Please read it again before approving.",
                ));
            }
            crate::store::actions::publish_approved(tx, &meta, now)?;
            crate::store::notifications::notify(
                tx,
                meta.author_id,
                "story_approved",
                Some(tid),
                Some(("story", meta.id)),
                &json!({ "title": meta.title }),
            )?;
            audit::record(
                tx,
                Some(tid),
                "story_approved",
                Some(("story", meta.id.to_string())),
                Some(&ip),
                &json!({ "class": class }),
            )?;
            Ok(())
        })
        .await?;
    Ok(ok(&json!({ "status": "published" })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReturnBody {
    #[serde(default)]
    note: String,
}

/// `POST /api/classes/{id}/reviews/{story_id}/return`: back to the author as a draft, with a
/// note (checked like anything a child reads).
pub async fn send_back(cx: &mut Ctx<'_>) -> Result<Response> {
    let (tid, class, story) = waiting_story(cx).await?;
    let body: ReturnBody = cx.req.json_small().await?;
    let note = body.note.trim().to_string();
    if note.chars().count() > NOTE_MAX || crate::domain::text::has_unshowable(&note, true) {
        return Err(Error::invalid(
            "note",
            "invalid_note",
            format!("A note can have up to {NOTE_MAX} characters."),
        ));
    }
    cx.app.profanity.guard("note", &note)?;
    let (now, ip) = (crate::time::now(), cx.ip());
    cx.app
        .db
        .write(move |tx| {
            let meta = waiting_in(tx, story, class)?;
            reviews::send_back(tx, meta.id, tid, meta.author_id, &meta.title, &note, now)?;
            audit::record(
                tx,
                Some(tid),
                "story_returned",
                Some(("story", meta.id.to_string())),
                Some(&ip),
                &json!({ "class": class }),
            )?;
            Ok(())
        })
        .await?;
    Ok(ok(&json!({ "status": "returned" })))
}

/// `GET /api/classes/{id}/book`: every approved (published, visible) story by the class's
/// children, whole, for printing as one book.
pub async fn book(cx: &mut Ctx<'_>) -> Result<Response> {
    let (me, class) = own_class(cx).await?;
    let keys = cx.app.tokens.clone();
    let body = cx
        .app
        .db
        .read(move |c| {
            let view = crate::store::classes::class_json(c, class)?.ok_or_else(no_class)?;
            let ids: Vec<i64> = c
                .prepare_cached(
                    "SELECT s.id FROM stories s JOIN class_members m ON m.user_id = s.author_id
                      WHERE m.class_id = ?1 AND s.status = 'published' AND s.hidden = 0
                      ORDER BY s.published_at, s.id LIMIT ?2",
                )?
                .query_map(rusqlite::params![class, BOOK_MAX], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut stories = Vec::with_capacity(ids.len());
            for id in ids {
                if let Some(m) = crate::store::stories::meta(c, id)? {
                    stories.push(crate::store::stories::story_json(
                        c,
                        &keys,
                        &m,
                        crate::store::stories::Relation::Reader,
                        Some(me.id),
                    )?);
                }
            }
            Ok(json!({ "class": view, "stories": stories }))
        })
        .await?;
    Ok(ok(&body))
}

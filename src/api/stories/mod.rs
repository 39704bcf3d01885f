//! Stories: create, read, edit, delete, publish (this file); co-authors, pages, the library,
//! reactions and comments in their own modules. Shared SQL lives in `store::stories`.

pub mod coauthors;
pub mod comments;
pub mod cover;
pub mod library;
pub mod pages;
pub mod reactions;

use rusqlite::params;
use serde::{Deserialize, Deserializer};
use serde_json::{Value, json};

use crate::api::ctx::Ctx;
use crate::app::App;
use crate::domain::drawing::Drawing;
use crate::domain::story::{self, MAX_PAGES};
use crate::error::{Error, Result};
use crate::http::response::{Response, created, empty, ok};
use crate::store::pages::{PageContent, check_page_media, insert_page};
use crate::store::stories::{self as store, Need};

/// Deserialises a field so that "absent" (`None`) and `null` (`Some(None)`) differ.
pub(crate) fn present<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// A page as sent by the editor. Absent fields are left alone; `null` clears.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PageInput {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub drawing: Option<Option<Value>>,
    #[serde(default, deserialize_with = "present")]
    pub thumbnail_media_id: Option<Option<String>>,
}

/// Validates page input: text and drawing shape, and profanity in the text and the drawing's
/// text boxes. Picture references are checked later, against the database.
pub fn prepare_page(app: &App, input: PageInput) -> Result<PageContent> {
    let mut c = PageContent::default();
    if let Some(text) = input.text {
        let text = story::validate_page_text(&text)?;
        app.profanity.guard("text", &text)?;
        c.text = Some(text);
    }
    if let Some(drawing) = input.drawing {
        match drawing {
            None => {
                c.drawing = Some(None);
                c.background = Some(None);
            }
            Some(v) => {
                let d = Drawing::from_value(v)?;
                for t in d.texts() {
                    app.profanity.guard("drawing", t)?;
                }
                c.background = Some(d.background_media.clone());
                c.drawing = Some(Some(d.to_json()?));
            }
        }
    }
    c.thumb = input.thumbnail_media_id;
    Ok(c)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewStory {
    title: String,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    genres: Option<Vec<String>>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    cover_media_id: Option<String>,
    #[serde(default)]
    pages: Option<Vec<PageInput>>,
}

/// Validated story metadata.
#[derive(Default)]
struct MetaChange {
    title: Option<String>,
    summary: Option<String>,
    genres: Option<(Vec<String>, i64)>,
    language: Option<String>,
    cover: Option<Option<String>>,
}

fn prepare_meta(
    app: &App,
    title: Option<&str>,
    summary: Option<&str>,
    genres: Option<&[String]>,
    language: Option<&str>,
) -> Result<MetaChange> {
    let mut m = MetaChange::default();
    if let Some(t) = title {
        let t = story::validate_title(t)?;
        app.profanity.guard("title", &t)?;
        m.title = Some(t);
    }
    if let Some(s) = summary {
        let s = story::validate_summary(s)?;
        app.profanity.guard("summary", &s)?;
        m.summary = Some(s);
    }
    if let Some(g) = genres {
        m.genres = Some(story::validate_genres(g)?);
    }
    if let Some(l) = language {
        m.language = Some(crate::domain::accounts::validate_language("language", l)?);
    }
    Ok(m)
}

fn story_answer(
    cx: &Ctx<'_>,
    id: i64,
) -> impl FnOnce(&rusqlite::Connection) -> Result<Value> + Send + 'static {
    let keys = cx.app.tokens.clone();
    let user = cx.user.clone();
    move |c| {
        let (m, rel) = store::require(c, id, user.as_ref(), Need::Read)?;
        store::story_json(c, &keys, &m, rel, user.map(|u| u.id))
    }
}

/// `POST /api/stories`: a new draft (with one empty page unless pages are given).
pub async fn create(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    cx.app.limits.story_writes.hit(&format!("user:{user}"))?;
    let body: NewStory = cx.req.json().await?;
    let meta = prepare_meta(
        cx.app,
        Some(&body.title),
        body.summary.as_deref(),
        body.genres.as_deref(),
        body.language.as_deref(),
    )?;
    let inputs = body.pages.unwrap_or_default();
    if inputs.len() > MAX_PAGES {
        return Err(Error::invalid(
            "pages",
            "too_many_pages",
            format!("A story can have at most {MAX_PAGES} pages."),
        ));
    }
    let mut pages = Vec::with_capacity(inputs.len().max(1));
    for p in inputs {
        pages.push(prepare_page(cx.app, p)?);
    }
    if pages.is_empty() {
        pages.push(PageContent::default());
    }
    let cover = body.cover_media_id;
    let now = crate::time::now();
    let id = cx
        .app
        .db
        .write(move |tx| {
            if let Some(c) = &cover {
                crate::store::media::check_usable(tx, user, c, None, "cover_media_id")?;
            }
            for p in &pages {
                check_page_media(tx, user, None, p)?;
            }
            let title = meta.title.unwrap_or_default();
            let (genres, mask) = meta.genres.unwrap_or_default();
            tx.execute(
                "INSERT INTO stories (author_id, title, title_key, summary, genres, genre_mask, language, cover_media_id, created_at, updated_at, rating_score)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
                params![
                    user,
                    title,
                    story::title_key(&title),
                    meta.summary.unwrap_or_default(),
                    json!(genres).to_string(),
                    mask,
                    meta.language.unwrap_or_else(|| "en".into()),
                    cover,
                    now,
                    story::rating_score(0, 0)
                ],
            )?;
            let id = tx.last_insert_rowid();
            for (i, p) in pages.iter().enumerate() {
                insert_page(tx, id, i as i64, p, now)?;
            }
            tx.execute("UPDATE stories SET version = 1 WHERE id = ?1", [id])?;
            Ok(id)
        })
        .await?;
    let view = cx.app.db.read(story_answer(cx, id)).await?;
    Ok(created(&view))
}

/// `GET /api/stories/{id}`: the whole story for the reader; drafts only for their authors.
pub async fn get(cx: &mut Ctx<'_>) -> Result<Response> {
    let id = cx.req.params.id(0)?;
    let view = cx.app.db.read(story_answer(cx, id)).await?;
    Ok(ok(&view))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryPatch {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    genres: Option<Vec<String>>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default, deserialize_with = "present")]
    cover_media_id: Option<Option<String>>,
    /// When given, must match the stored version (409 otherwise).
    #[serde(default)]
    version: Option<i64>,
}

/// `PATCH /api/stories/{id}`: title, summary, genres, language, cover (authors only).
pub async fn update(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let body: StoryPatch = cx.req.json().await?;
    let mut meta = prepare_meta(
        cx.app,
        body.title.as_deref(),
        body.summary.as_deref(),
        body.genres.as_deref(),
        body.language.as_deref(),
    )?;
    meta.cover = body.cover_media_id;
    let now = crate::time::now();
    cx.app
        .db
        .write(move |tx| {
            let (m, _) = store::require(tx, id, Some(&user), Need::Edit)?;
            if let Some(v) = body.version
                && v != m.version
            {
                return Err(Error::conflict("version_conflict", "Someone else changed this story. Reload it and try again."));
            }
            if let Some(Some(c)) = &meta.cover {
                crate::store::media::check_usable(tx, user.id, c, Some(id), "cover_media_id")?;
            }
            let (genres, mask) = match meta.genres {
                Some((g, m)) => (Some(json!(g).to_string()), Some(m)),
                None => (None, None),
            };
            let title_key = meta.title.as_deref().map(story::title_key);
            tx.execute(
                "UPDATE stories SET title = coalesce(?2, title), title_key = coalesce(?3, title_key),
                        summary = coalesce(?4, summary), genres = coalesce(?5, genres), genre_mask = coalesce(?6, genre_mask),
                        language = coalesce(?7, language),
                        cover_media_id = CASE WHEN ?8 THEN ?9 ELSE cover_media_id END,
                        version = version + 1, updated_at = ?10
                 WHERE id = ?1",
                params![id, meta.title, title_key, meta.summary, genres, mask, meta.language, meta.cover.is_some(), meta.cover.flatten(), now],
            )?;
            store::sync_search(tx, id)?;
            crate::store::actions::edited(tx, &m, now)?;
            Ok(())
        })
        .await?;
    let view = cx.app.db.read(story_answer(cx, id)).await?;
    Ok(ok(&view))
}

/// `DELETE /api/stories/{id}`: the owner only; everything attached goes with it.
pub async fn delete(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    cx.app
        .db
        .write(move |tx| {
            store::require(tx, id, Some(&user), Need::Own)?;
            tx.execute("DELETE FROM story_fts WHERE rowid = ?1", [id])?;
            tx.execute("DELETE FROM stories WHERE id = ?1", [id])?;
            Ok(())
        })
        .await?;
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

/// `POST /api/stories/{id}/publish` (idempotent): puts the story in the library.
pub async fn publish(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let now = crate::time::now();
    let outcome = cx
        .app
        .db
        .write(move |tx| {
            let (m, _) = store::require(tx, id, Some(&user), Need::Edit)?;
            crate::store::actions::publish(tx, &m, now)
        })
        .await?;
    let view = cx.app.db.read(story_answer(cx, id)).await?;
    // Waiting for the teacher is not an error: 202 with the story (still a draft, its
    // `review` saying so).
    Ok(match outcome {
        crate::store::actions::Publish::Published => ok(&view),
        crate::store::actions::Publish::Waiting => {
            crate::http::response::json_response(hyper::StatusCode::ACCEPTED, &view)
        }
    })
}

/// `POST /api/stories/{id}/unpublish` (idempotent): back to a private draft.
pub async fn unpublish(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let now = crate::time::now();
    cx.app
        .db
        .write(move |tx| {
            store::require(tx, id, Some(&user), Need::Edit)?;
            tx.execute(
                "UPDATE stories SET status = 'draft', updated_at = ?2 WHERE id = ?1",
                params![id, now],
            )?;
            // Taking a waiting story back to edit withdraws it from the teacher's list.
            crate::store::reviews::clear(tx, id)?;
            store::sync_search(tx, id)?;
            Ok(())
        })
        .await?;
    let view = cx.app.db.read(story_answer(cx, id)).await?;
    Ok(ok(&view))
}

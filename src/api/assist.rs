//! Creation helpers: the story starter (`POST /api/assist/story`: the built-in engine, or the
//! configured model server with the engine as fallback), OCR for photo stories
//! (`POST /api/assist/ocr`), and what is available (`GET /api/assist/status`).

use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::ctx::Ctx;
use crate::assist::llm::Prompt;
use crate::assist::ocr::OcrError;
use crate::domain::starter::{self, StarterError};
use crate::error::{Error, Result};
use crate::http::response::{Response, ok};

/// How to switch OCR on, for the grown-up reading the status.
const OCR_HINT: &str = "Install tesseract-ocr, tesseract-ocr-eng and tesseract-ocr-fil (Debian: \
    apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-fil), then restart nothing: \
    PixelTales finds it on the next photo.";

/// `GET /api/assist/status`.
pub async fn status(cx: &mut Ctx<'_>) -> Result<Response> {
    let langs = cx.app.assist.ocr.languages().await;
    Ok(ok(&json!({
        "story_starter": {
            "engine": "built-in",
            "model_server": cx.app.assist.llm.is_some(),
            "genres": crate::domain::story::GENRES,
            "min_pages": starter::MIN_PAGES,
            "max_pages": starter::MAX_PAGES,
            "idea_max": starter::IDEA_MAX,
        },
        "ocr": {
            "available": langs.is_some(),
            "languages": langs.unwrap_or_default(),
            "hint": OCR_HINT,
        },
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryAsk {
    #[serde(default)]
    idea: String,
    genre: String,
    language: String,
    pages: usize,
    #[serde(default)]
    seed: Option<u64>,
    /// "5-7", "8-9" or "10-12"; the account's own when not given.
    #[serde(default)]
    age_band: Option<String>,
}

fn starter_error(e: StarterError) -> Error {
    let (field, code) = match &e {
        StarterError::BadLanguage => ("language", "invalid_language"),
        StarterError::BadGenre => ("genre", "invalid_genre"),
        StarterError::BadPages { .. } => ("pages", "invalid_pages"),
        StarterError::IdeaTooLong { .. } => ("idea", "idea_too_long"),
    };
    Error::invalid(field, code, e.to_string())
}

/// `POST /api/assist/story`: a whole story from the child's idea, ready to edit in the studio.
pub async fn story(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    cx.app.limits.assist.hit(&format!("user:{me}"))?;
    let ask: StoryAsk = cx.req.json_small().await?;
    cx.app.profanity.guard("idea", &ask.idea)?;
    let age_band = match &ask.age_band {
        Some(band) => crate::domain::accounts::parse_age_band(band)?,
        None => cx
            .app
            .db
            .read(move |c| crate::store::users::load_view(c, me).map_err(Error::from))
            .await?
            .and_then(|v| v.age_band),
    };
    let req = starter::Request {
        idea: &ask.idea,
        genre: &ask.genre,
        language: &ask.language,
        pages: ask.pages,
        seed: ask.seed,
        age_band: age_band.as_deref(),
    };
    let built = starter::write(&req).map_err(starter_error)?;
    let mut pages: Vec<Value> = built
        .pages
        .iter()
        .map(|p| {
            json!({ "text": cx.app.profanity.masked(&p.text).0, "image_prompt": p.image_prompt,
                    "scene": p.scene, "beat": p.beat })
        })
        .collect();
    let mut title = cx.app.profanity.masked(&built.title).0;
    let mut source = "built-in";
    let mut fallback: Option<String> = None;
    if let Some(llm) = &cx.app.assist.llm {
        let prompt = Prompt {
            idea: &ask.idea,
            genre: &ask.genre,
            language: &ask.language,
            pages: ask.pages,
        };
        match llm.write(&prompt).await {
            Ok(w) => {
                let clean = cx.app.profanity.check(&w.title).is_clean()
                    && w.pages
                        .iter()
                        .all(|(t, _)| cx.app.profanity.check(t).is_clean());
                if clean {
                    title = w.title;
                    for (page, (text, image)) in pages.iter_mut().zip(w.pages) {
                        page["text"] = json!(text);
                        if !image.is_empty() {
                            page["image_prompt"] = json!(image);
                        }
                    }
                    source = "model";
                } else {
                    fallback = Some("the model's story did not pass the word filter".into());
                }
            }
            Err(e) => fallback = Some(e),
        }
        if let Some(why) = &fallback {
            crate::log_warn!("story starter fell back to the built-in engine: {why}");
        }
    }
    Ok(ok(&json!({
        "title": title, "summary": cx.app.profanity.masked(&built.summary).0,
        "genre": ask.genre, "language": ask.language, "pages": pages,
        "hero": built.hero, "place": built.place, "object": built.object, "seed": built.seed,
        "source": source, "fallback": fallback,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OcrAsk {
    media_id: String,
    #[serde(default)]
    language: Option<String>,
}

/// `POST /api/assist/ocr`: the text in a photo the caller uploaded (`POST /api/media` first).
pub async fn ocr(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    cx.app.limits.assist.hit(&format!("user:{me}"))?;
    let ask: OcrAsk = cx.req.json_small().await?;
    let language = match ask.language.as_deref() {
        None | Some("en") => "en",
        Some("tl") => "tl",
        Some(_) => {
            return Err(Error::invalid(
                "language",
                "invalid_language",
                "Pick en or tl.",
            ));
        }
    };
    let id = ask.media_id.clone();
    let bytes: Vec<u8> = cx
        .app
        .db
        .read(move |c| {
            crate::store::media::check_usable(c, me, &id, None, "media_id")?;
            Ok(c.query_row("SELECT bytes FROM media WHERE id = ?1", [&id], |r| r.get(0))?)
        })
        .await?;
    let text = cx
        .app
        .assist
        .ocr
        .read(bytes, language)
        .await
        .map_err(|e| match e {
            OcrError::Unavailable => Error::unavailable(
                "ocr_unavailable",
                "Reading photos is not switched on here yet. A grown-up can turn it on.",
            ),
            OcrError::TimedOut => Error::unavailable(
                "ocr_timeout",
                "That photo took too long to read. Try a smaller or clearer photo.",
            ),
            OcrError::Failed(why) => {
                crate::log_warn!("ocr failed: {why}");
                Error::invalid(
                    "media_id",
                    "ocr_failed",
                    "We could not read that photo. Try a brighter, straighter one.",
                )
            }
        })?;
    Ok(ok(&json!({ "text": text, "language": language })))
}

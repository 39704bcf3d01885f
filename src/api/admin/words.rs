//! Admin: the profanity word list. Every change rebuilds the running matcher and empties its
//! verdict cache before the answer goes out, so the next comment is checked against it.

use rusqlite::{Connection, params};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::ctx::Ctx;
use crate::domain::profanity::{Language, Severity, clean_word};
use crate::error::{Error, Result};
use crate::http::response::{Response, created, empty, ok};
use crate::store::audit;
use crate::store::profanity::{Added, add_word, parse_word_file};
use crate::store::profanity::{WORD_COLUMNS, word_json, word_row};

/// Most lines one bulk import takes.
const BULK_MAX: usize = 5000;

fn language(field: &'static str, raw: &str) -> Result<Language> {
    Language::parse(raw).ok_or_else(|| Error::invalid(field, "invalid_language", "Pick en or tl."))
}

fn severity(raw: &str) -> Result<Severity> {
    Severity::parse(raw).ok_or_else(|| {
        Error::invalid(
            "severity",
            "invalid_severity",
            "Pick mild, moderate or severe.",
        )
    })
}

fn no_word() -> Error {
    Error::not_found("not_found", "That word is not in the list.")
}

/// Changes the word list and writes the audit entry in one transaction, then rebuilds the
/// running matcher (and empties its cache) before the caller answers.
async fn change<T, F>(cx: &Ctx<'_>, action: &'static str, f: F) -> Result<T>
where
    F: FnOnce(&Connection) -> Result<(T, Value)> + Send + 'static,
    T: Send + 'static,
{
    let (me, ip) = (cx.user()?.id, cx.ip());
    let out = cx
        .app
        .db
        .write(move |tx| {
            let (out, detail) = f(tx)?;
            audit::record(tx, Some(me), action, None, Some(&ip), &detail)?;
            Ok(out)
        })
        .await?;
    cx.app.profanity.refresh(&cx.app.db).await?;
    Ok(out)
}

/// `GET /api/admin/profanity?q=&language=&active=`.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let lang = match cx.req.query("language").filter(|l| !l.is_empty()) {
        Some(l) => Some(language("language", &l)?.as_str()),
        None => None,
    };
    let active = match cx.req.query("active").as_deref() {
        None | Some("") => None,
        Some("true" | "1") => Some(true),
        Some("false" | "0") => Some(false),
        Some(_) => {
            return Err(Error::bad_request(
                "invalid_active",
                "active is true or false.",
            ));
        }
    };
    let q = cx
        .req
        .query("q")
        .map(|q| q.trim().to_lowercase())
        .filter(|q| !q.is_empty())
        .map(|q| format!("%{}%", q.replace(['%', '_', '\\'], "")));
    let items = cx
        .app
        .db
        .read(move |c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {WORD_COLUMNS} FROM profanity_words
                 WHERE (?1 IS NULL OR language = ?1) AND (?2 IS NULL OR active = ?2)
                   AND (?3 IS NULL OR word LIKE ?3) ORDER BY word, language LIMIT 2000"
            ))?;
            let rows = stmt
                .query_map(params![lang, active, q], word_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .await?;
    Ok(ok(&json!({ "items": items })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewWord {
    word: String,
    language: String,
    #[serde(default)]
    severity: Option<String>,
}

/// `POST /api/admin/profanity`: adds a word (or reactivates it with the given severity).
pub async fn add(cx: &mut Ctx<'_>) -> Result<Response> {
    let body: NewWord = cx.req.json_small().await?;
    let lang = language("language", &body.language)?;
    let sev = severity(body.severity.as_deref().unwrap_or("moderate"))?;
    let word = clean_word(&body.word)
        .ok_or_else(|| Error::invalid("word", "invalid_word", "That is not a usable word."))?;
    let view = change(cx, "profanity_word_added", move |tx| {
        add_word(tx, &word, lang, sev).map_err(|e| Error::invalid("word", "invalid_word", e))?;
        let id: i64 = tx.query_row(
            "SELECT id FROM profanity_words WHERE word = ?1 AND language = ?2",
            params![word, lang.as_str()],
            |r| r.get(0),
        )?;
        let view = word_json(tx, id)?.ok_or_else(no_word)?;
        Ok((view.clone(), json!({ "word": view })))
    })
    .await?;
    Ok(created(&json!({ "word": view })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordPatch {
    #[serde(default)]
    severity: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    active: Option<bool>,
}

/// `PATCH /api/admin/profanity/{id}`.
pub async fn update(cx: &mut Ctx<'_>) -> Result<Response> {
    let id = cx.req.params.id(0)?;
    let body: WordPatch = cx.req.json_small().await?;
    let sev = body.severity.as_deref().map(severity).transpose()?;
    let lang = body
        .language
        .as_deref()
        .map(|l| language("language", l))
        .transpose()?;
    let now = crate::time::now();
    let view = change(cx, "profanity_word_changed", move |tx| {
            let before = word_json(tx, id)?.ok_or_else(no_word)?;
            let res = tx.execute(
                "UPDATE profanity_words SET severity = coalesce(?2, severity),
                        language = coalesce(?3, language), active = coalesce(?4, active), updated_at = ?5
                 WHERE id = ?1",
                params![id, sev.map(Severity::as_str), lang.map(Language::as_str), body.active, now],
            );
            match res {
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == rusqlite::ErrorCode::ConstraintViolation =>
                {
                    return Err(Error::conflict(
                        "word_exists",
                        "That word is already in the list for that language.",
                    ));
                }
                other => other?,
            };
            let after = word_json(tx, id)?.ok_or_else(no_word)?;
            Ok((after.clone(), json!({ "before": before, "after": after })))
        })
        .await?;
    Ok(ok(&json!({ "word": view })))
}

/// `DELETE /api/admin/profanity/{id}`.
pub async fn delete(cx: &mut Ctx<'_>) -> Result<Response> {
    let id = cx.req.params.id(0)?;
    change(cx, "profanity_word_removed", move |tx| {
        let word = word_json(tx, id)?.ok_or_else(no_word)?;
        tx.execute("DELETE FROM profanity_words WHERE id = ?1", [id])?;
        Ok(((), json!({ "word": word })))
    })
    .await?;
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Bulk {
    text: String,
    language: String,
    #[serde(default)]
    severity: Option<String>,
}

/// `POST /api/admin/profanity/bulk`: one word or phrase per line (`#` starts a comment), as a
/// text file's contents.
pub async fn bulk(cx: &mut Ctx<'_>) -> Result<Response> {
    let body: Bulk = cx.req.json().await?;
    let lang = language("language", &body.language)?;
    let sev = severity(body.severity.as_deref().unwrap_or("moderate"))?;
    let lines = parse_word_file(&body.text);
    if lines.len() > BULK_MAX {
        return Err(Error::invalid(
            "text",
            "too_many_words",
            format!("Import up to {BULK_MAX} words at a time."),
        ));
    }
    let (added, skipped) = change(cx, "profanity_words_imported", move |tx| {
        let (mut added, mut skipped) = (0usize, 0usize);
        for line in &lines {
            match add_word(tx, line, lang, sev) {
                Ok(Added::New | Added::Updated) => added += 1,
                Ok(Added::Unchanged) | Err(_) => skipped += 1,
            }
        }
        let detail = json!({ "added": added, "skipped": skipped, "language": lang.as_str() });
        Ok(((added, skipped), detail))
    })
    .await?;
    Ok(ok(&json!({ "added": added, "skipped": skipped })))
}

/// `GET /api/admin/profanity/stats`.
pub async fn stats(cx: &mut Ctx<'_>) -> Result<Response> {
    let since = crate::time::now() - 7 * 86_400;
    let body = cx
        .app
        .db
        .read(move |c| {
            let count = |sql: &str| -> rusqlite::Result<i64> { c.query_row(sql, [], |r| r.get(0)) };
            let by = |col: &str, keys: &[&str]| -> rusqlite::Result<Value> {
                let mut out = serde_json::Map::new();
                for k in keys {
                    let n: i64 = c.query_row(
                        &format!(
                            "SELECT count(*) FROM profanity_words WHERE {col} = ?1 AND active = 1"
                        ),
                        [k],
                        |r| r.get(0),
                    )?;
                    out.insert((*k).to_string(), json!(n));
                }
                Ok(Value::Object(out))
            };
            let top: Vec<Value> = c
                .prepare_cached(
                    "SELECT word, language, hits FROM profanity_words WHERE hits > 0
                     ORDER BY hits DESC, word LIMIT 20",
                )?
                .query_map([], |r| {
                    Ok(
                        json!({ "word": r.get::<_, String>(0)?, "language": r.get::<_, String>(1)?,
                               "hits": r.get::<_, i64>(2)? }),
                    )
                })?
                .collect::<rusqlite::Result<_>>()?;
            let violations: i64 = c.query_row(
                "SELECT count(*) FROM profanity_violations WHERE created_at >= ?1",
                [since],
                |r| r.get(0),
            )?;
            Ok(json!({
                "total": count("SELECT count(*) FROM profanity_words")?,
                "active": count("SELECT count(*) FROM profanity_words WHERE active = 1")?,
                "by_language": by("language", &["en", "tl"])?,
                "by_severity": by("severity", &["mild", "moderate", "severe"])?,
                "top": top, "violations_7d": violations,
            }))
        })
        .await?;
    Ok(ok(&body))
}

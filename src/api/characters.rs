//! A child's saved characters: name, description and a drawing, private to their owner.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Value, json};

use super::stories::present;
use crate::api::ctx::Ctx;
use crate::domain::drawing::Drawing;
use crate::error::{Error, Result};
use crate::http::response::{Response, created, empty, ok};

/// Most characters one person keeps.
const MAX_CHARACTERS: i64 = 200;

fn view(r: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    let drawing: Option<String> = r.get(3)?;
    Ok(json!({
        "id": r.get::<_, i64>(0)?,
        "name": r.get::<_, String>(1)?,
        "description": r.get::<_, String>(2)?,
        "drawing": drawing.and_then(|d| RawValue::from_string(d).ok()),
        "created_at": crate::time::rfc3339(r.get(4)?),
        "updated_at": crate::time::rfc3339(r.get(5)?),
    }))
}

const SELECT: &str =
    "SELECT id, name, description, drawing, created_at, updated_at FROM characters";

fn load(conn: &Connection, id: i64, owner: i64) -> Result<Value> {
    conn.query_row(
        &format!("{SELECT} WHERE id = ?1 AND owner_id = ?2"),
        params![id, owner],
        view,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("character_not_found", "We could not find that character."))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Body {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default, deserialize_with = "present")]
    drawing: Option<Option<Value>>,
}

struct Clean {
    name: Option<String>,
    description: Option<String>,
    drawing: Option<Option<String>>,
}

fn clean(cx: &Ctx<'_>, body: Body) -> Result<Clean> {
    let name = match body.name {
        None => None,
        Some(n) => {
            let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
            if n.is_empty() || n.chars().count() > 40 || n.chars().any(char::is_control) {
                return Err(Error::invalid(
                    "name",
                    "invalid_name",
                    "A character's name needs 1 to 40 characters.",
                ));
            }
            cx.app.profanity.guard("name", &n)?;
            Some(n)
        }
    };
    let description = match body.description {
        None => None,
        Some(d) => {
            let d = crate::domain::story::validate_summary(&d).map_err(|mut e| {
                e.field = "description";
                e
            })?;
            cx.app.profanity.guard("description", &d)?;
            Some(d)
        }
    };
    let drawing = match body.drawing {
        None => None,
        Some(None) => Some(None),
        Some(Some(v)) => {
            let d = Drawing::from_value(v)?;
            for t in d.texts() {
                cx.app.profanity.guard("drawing", t)?;
            }
            Some(Some(d.to_json()?))
        }
    };
    Ok(Clean {
        name,
        description,
        drawing,
    })
}

/// `GET /api/characters`.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let items = cx
        .app
        .db
        .read(move |c| {
            let mut stmt =
                c.prepare_cached(&format!("{SELECT} WHERE owner_id = ?1 ORDER BY id"))?;
            Ok(stmt
                .query_map([me], view)?
                .collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await?;
    Ok(ok(&json!({ "items": items })))
}

/// `POST /api/characters`.
pub async fn create(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let body: Body = cx.req.json().await?;
    if body.name.is_none() {
        return Err(Error::invalid(
            "name",
            "invalid_name",
            "Give your character a name.",
        ));
    }
    let c = clean(cx, body)?;
    let now = crate::time::now();
    let character = cx
        .app
        .db
        .write(move |tx| {
            let n: i64 = tx.query_row("SELECT count(*) FROM characters WHERE owner_id = ?1", [me], |r| r.get(0))?;
            if n >= MAX_CHARACTERS {
                return Err(Error::conflict("too_many_characters", format!("You can keep up to {MAX_CHARACTERS} characters.")));
            }
            tx.execute(
                "INSERT INTO characters (owner_id, name, description, drawing, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![me, c.name, c.description.unwrap_or_default(), c.drawing.flatten(), now],
            )?;
            load(tx, tx.last_insert_rowid(), me)
        })
        .await?;
    Ok(created(&character))
}

/// `PATCH /api/characters/{id}`.
pub async fn update(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    let body: Body = cx.req.json().await?;
    let c = clean(cx, body)?;
    let now = crate::time::now();
    let character = cx
        .app
        .db
        .write(move |tx| {
            load(tx, id, me)?;
            tx.execute(
                "UPDATE characters SET name = coalesce(?3, name), description = coalesce(?4, description),
                        drawing = CASE WHEN ?5 THEN ?6 ELSE drawing END, updated_at = ?7
                 WHERE id = ?1 AND owner_id = ?2",
                params![id, me, c.name, c.description, c.drawing.is_some(), c.drawing.flatten(), now],
            )?;
            load(tx, id, me)
        })
        .await?;
    Ok(ok(&character))
}

/// `DELETE /api/characters/{id}`.
pub async fn delete(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    cx.app
        .db
        .write(move |tx| {
            if tx.execute(
                "DELETE FROM characters WHERE id = ?1 AND owner_id = ?2",
                params![id, me],
            )? == 0
            {
                return Err(Error::not_found(
                    "character_not_found",
                    "We could not find that character.",
                ));
            }
            Ok(())
        })
        .await?;
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

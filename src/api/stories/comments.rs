//! Comments on published stories. A comment with a listed word or a personal detail is refused
//! (and counts on the writer's record); only the comment's author or an admin may edit or
//! delete it.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::api::ctx::Ctx;
use crate::api::pagination::{self, List};
use crate::auth::AuthUser;
use crate::domain::accounts::Role;
use crate::domain::story::validate_comment;
use crate::error::{Error, Result};
use crate::http::response::{Response, created, empty, ok};
use crate::store::stories::may_change;
use crate::store::stories::{self as store, Need, Person};

/// A comment as shown.
#[derive(Serialize)]
pub struct CommentView {
    pub id: i64,
    pub story_id: i64,
    pub author: Person,
    pub text: String,
    pub masked: bool,
    pub edited: bool,
    pub created_at: String,
    pub updated_at: String,
}

const SELECT: &str = "SELECT c.id, c.story_id, c.text, c.masked, c.edited, c.created_at, c.updated_at,
                             u.id, p.display_name, p.avatar_emoji
                      FROM comments c JOIN users u ON u.id = c.author_id JOIN profiles p ON p.user_id = c.author_id";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CommentView> {
    Ok(CommentView {
        id: r.get(0)?,
        story_id: r.get(1)?,
        text: r.get(2)?,
        masked: r.get::<_, i64>(3)? != 0,
        edited: r.get::<_, i64>(4)? != 0,
        created_at: crate::time::rfc3339(r.get(5)?),
        updated_at: crate::time::rfc3339(r.get(6)?),
        author: Person {
            id: r.get(7)?,
            display_name: r.get(8)?,
            avatar_emoji: r.get(9)?,
        },
    })
}

fn load(conn: &Connection, id: i64) -> Result<CommentView> {
    conn.query_row(
        &format!("{SELECT} WHERE c.id = ?1 AND c.hidden = 0"),
        [id],
        row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("comment_not_found", "We could not find that comment."))
}

#[derive(Serialize, Deserialize)]
struct Cursor {
    id: i64,
}

/// `GET /api/stories/{id}/comments`: newest first.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user.clone();
    let id = cx.req.params.id(0)?;
    let limit = pagination::limit(&cx.req)?;
    let after: Option<Cursor> = pagination::cursor(&cx.req)?;
    let rows = cx
        .app
        .db
        .read(move |c| {
            store::require(c, id, user.as_ref(), Need::Read)?;
            let mut stmt = c.prepare_cached(&format!("{SELECT} WHERE c.story_id = ?1 AND c.hidden = 0 AND c.id < ?2 ORDER BY c.id DESC LIMIT {}", limit + 1))?;
            let rows = stmt.query_map(params![id, after.map_or(i64::MAX, |a| a.id)], row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await?;
    let list: List<CommentView> =
        pagination::page(rows, limit, |c: &CommentView| Cursor { id: c.id });
    Ok(ok(&list))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CommentBody {
    text: String,
}

/// A comment that passed the text rule: classmates read comments, so nothing rude or personal
/// is posted, not even masked.
fn filtered(cx: &Ctx<'_>, raw: &str) -> Result<String> {
    let text = validate_comment(raw)?;
    cx.app.profanity.guard("comment", &text)?;
    Ok(text)
}

/// `POST /api/stories/{id}/comments`.
pub async fn create(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    cx.app.limits.comments.hit(&format!("user:{}", user.id))?;
    let body: CommentBody = cx.req.json().await?;
    let text = filtered(cx, &body.text)?;
    let now = crate::time::now();
    let comment = cx
        .app
        .db
        .write(move |tx| {
            let (m, _) = store::require(tx, id, Some(&user), Need::Read)?;
            if !m.is_public() {
                return Err(Error::conflict(
                    "not_published",
                    "This story is not in the library yet.",
                ));
            }
            let cid = crate::store::actions::comment(tx, &m, user.id, &text, now)?;
            load(tx, cid)
        })
        .await?;
    Ok(created(&comment))
}

/// `PATCH /api/comments/{id}`.
pub async fn update(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let body: CommentBody = cx.req.json().await?;
    let text = filtered(cx, &body.text)?;
    let now = crate::time::now();
    let comment = cx
        .app
        .db
        .write(move |tx| {
            may_change(tx, id, &user)?;
            tx.execute(
                "UPDATE comments SET text = ?2, masked = 0, edited = 1, updated_at = ?3 WHERE id = ?1",
                params![id, text, now],
            )?;
            load(tx, id)
        })
        .await?;
    Ok(ok(&comment))
}

/// `DELETE /api/comments/{id}`.
pub async fn delete(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    cx.app
        .db
        .write(move |tx| {
            let story = may_change(tx, id, &user)?;
            tx.execute("DELETE FROM comments WHERE id = ?1", [id])?;
            tx.execute(
                "UPDATE stories SET comment_count = comment_count - 1 WHERE id = ?1",
                [story],
            )?;
            audit_if_admin(tx, &user, id)?;
            Ok(())
        })
        .await?;
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

fn audit_if_admin(tx: &Connection, user: &AuthUser, comment: i64) -> rusqlite::Result<()> {
    if user.role == Role::Admin {
        crate::store::audit::record(
            tx,
            Some(user.id),
            "comment_deleted",
            Some(("comment", comment.to_string())),
            None,
            &json!({}),
        )?;
    }
    Ok(())
}

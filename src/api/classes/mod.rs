//! Teachers' classes: making, renaming, deleting and the join code here; who is in a class
//! (`members`), the roster and the care of the accounts it made (`roster`), signing in without
//! typing (`signin`, `cards`), publishing approval and the class book (`reviews`), the
//! teacher's home (`home`) and the report (`report`). Membership is what makes classmates
//! findable to each other.

pub mod cards;
pub mod home;
pub mod members;
pub mod report;
pub mod reviews;
pub mod roster;
pub mod signin;

use rusqlite::{Connection, params};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::ctx::Ctx;
use crate::auth::AuthUser;
use crate::domain::accounts::Role;
use crate::error::{Error, Result};
use crate::http::response::{Response, created, empty, ok};
use crate::store::audit;
pub use crate::store::classes::JOIN_CODE_LEN;
use crate::store::classes::{class_json, new_code, teaches};

/// Longest class name.
const NAME_MAX: usize = 60;
/// Classes one teacher may have.
const MAX_CLASSES: i64 = 50;
/// Children in one class (approved and waiting).
const MAX_MEMBERS: i64 = 200;

fn teacher(cx: &Ctx<'_>) -> Result<AuthUser> {
    cx.user_as(
        Role::Teacher,
        "teachers_only",
        "This is for teachers' accounts.",
    )
}

fn no_class() -> Error {
    Error::not_found("not_found", "That class does not exist or is not yours.")
}

/// The teacher's class in the path; 404 for anyone else's.
async fn own_class(cx: &Ctx<'_>) -> Result<(AuthUser, i64)> {
    let me = teacher(cx)?;
    let class = cx.req.params.id(0)?;
    let tid = me.id;
    // A teacher whose approval was taken back keeps no way into the class.
    let mine = cx
        .app
        .db
        .read(move |c| {
            let approved = crate::store::reach::person(c, tid)?.is_some_and(|p| p.approved);
            Ok(approved && teaches(c, tid, class)?)
        })
        .await?;
    if mine {
        Ok((me, class))
    } else {
        Err(no_class())
    }
}

/// The teacher's class in the path, refused (409) once archived: an archived class is read-only.
async fn active_class(cx: &Ctx<'_>) -> Result<(AuthUser, crate::store::classroom::ClassRow)> {
    let (me, id) = own_class(cx).await?;
    let row = cx
        .app
        .db
        .read(move |c| Ok(crate::store::classroom::class(c, id)?))
        .await?
        .ok_or_else(no_class)?;
    if row.archived {
        return Err(Error::conflict(
            "class_archived",
            "This class is archived for the year. Make a new class for new children.",
        ));
    }
    Ok((me, row))
}

/// The class as its teacher sees it, or 404.
fn class_view(c: &Connection, id: i64) -> Result<Value> {
    class_json(c, id)?.ok_or_else(no_class)
}

fn clean_name(raw: &str) -> Result<String> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let len = name.chars().count();
    if len == 0 || len > NAME_MAX || crate::domain::text::has_unshowable(&name, false) {
        return Err(Error::invalid(
            "name",
            "invalid_name",
            format!("A class name needs 1 to {NAME_MAX} characters."),
        ));
    }
    Ok(name)
}

/// `GET /api/classes`: a teacher's classes, or the classes a child is in or waiting for.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.clone();
    let items = cx
        .app
        .db
        .read(move |c| {
            if me.role == Role::Teacher {
                let ids: Vec<i64> = c
                    .prepare_cached("SELECT id FROM classes WHERE teacher_id = ?1 ORDER BY name COLLATE NOCASE, id")?
                    .query_map([me.id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                let mut out = Vec::with_capacity(ids.len());
                for id in ids {
                    out.extend(class_json(c, id)?);
                }
                return Ok(out);
            }
            let mut stmt = c.prepare_cached(
                "SELECT c.id, c.name, p.display_name, 'member' FROM class_members m
                   JOIN classes c ON c.id = m.class_id JOIN profiles p ON p.user_id = c.teacher_id
                  WHERE m.user_id = ?1
                 UNION ALL
                 SELECT c.id, c.name, p.display_name, 'pending' FROM class_requests q
                   JOIN classes c ON c.id = q.class_id JOIN profiles p ON p.user_id = c.teacher_id
                  WHERE q.user_id = ?1
                 ORDER BY 2 COLLATE NOCASE",
            )?;
            let rows = stmt
                .query_map([me.id], |r| {
                    Ok(json!({
                        "id": r.get::<_, i64>(0)?, "name": r.get::<_, String>(1)?,
                        "teacher_name": r.get::<_, String>(2)?, "status": r.get::<_, String>(3)?,
                    }))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .await?;
    Ok(ok(&json!({ "items": items })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NameBody {
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateBody {
    name: String,
    /// The teacher's offset from UTC in minutes (east positive), so the default sign-in hours
    /// are school hours where the teacher is, not in UTC.
    #[serde(default)]
    utc_offset: Option<i64>,
}

/// `POST /api/classes`.
pub async fn create(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = teacher(cx)?;
    let body: CreateBody = cx.req.json_small().await?;
    let name = clean_name(&body.name)?;
    let offset = body.utc_offset.unwrap_or(0);
    if !(-840..=840).contains(&offset) {
        return Err(Error::invalid(
            "utc_offset",
            "invalid_offset",
            "The time zone offset is in minutes, from -840 to 840.",
        ));
    }
    cx.app.profanity.guard("name", &name)?;
    let (now, ip, tid) = (crate::time::now(), cx.ip(), me.id);
    let class = cx
        .app
        .db
        .write(move |tx| {
            if crate::store::reach::person(tx, tid)?.is_some_and(|p| !p.approved) {
                return Err(Error::forbidden(
                    "teacher_pending",
                    "An admin checks new teacher accounts first. You can make classes once yours is approved.",
                ));
            }
            let n: i64 = tx.query_row(
                "SELECT count(*) FROM classes WHERE teacher_id = ?1",
                [tid],
                |r| r.get(0),
            )?;
            if n >= MAX_CLASSES {
                return Err(Error::conflict(
                    "too_many_classes",
                    format!("A teacher can have up to {MAX_CLASSES} classes."),
                ));
            }
            tx.execute(
                "INSERT INTO classes (teacher_id, name, created_at, needs_approval, utc_offset) VALUES (?1, ?2, ?3, 1, ?4)",
                params![tid, name, now, offset],
            )?;
            let id = tx.last_insert_rowid();
            new_code(tx, id)?;
            audit::record(
                tx,
                Some(tid),
                "class_created",
                Some(("class", id.to_string())),
                Some(&ip),
                &json!({ "name": name }),
            )?;
            class_json(tx, id)?.ok_or_else(|| Error::internal("new class vanished"))
        })
        .await?;
    Ok(created(&json!({ "class": class })))
}

/// `PATCH /api/classes/{id}`: rename.
pub async fn rename(cx: &mut Ctx<'_>) -> Result<Response> {
    let (_, class) = own_class(cx).await?;
    let body: NameBody = cx.req.json_small().await?;
    let name = clean_name(&body.name)?;
    cx.app.profanity.guard("name", &name)?;
    let view = cx
        .app
        .db
        .write(move |tx| {
            tx.execute(
                "UPDATE classes SET name = ?2 WHERE id = ?1",
                params![class, name],
            )?;
            class_json(tx, class)?.ok_or_else(no_class)
        })
        .await?;
    Ok(ok(&json!({ "class": view })))
}

/// `DELETE /api/classes/{id}`: the class and its memberships go; accounts stay.
pub async fn delete(cx: &mut Ctx<'_>) -> Result<Response> {
    let (me, class) = own_class(cx).await?;
    let (ip, tid) = (cx.ip(), me.id);
    let closed = cx
        .app
        .db
        .write(move |tx| {
            // Deleting the class takes away the only grown-up of the children it made and no
            // parent linked: their accounts close with it, as when each is removed.
            let now = crate::time::now();
            let kids: Vec<i64> = tx
                .prepare("SELECT user_id FROM class_members WHERE class_id = ?1 AND managed = 1")?
                .query_map([class], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut closed = Vec::new();
            for kid in kids {
                if crate::store::classroom::close_if_orphaned(tx, class, kid, now)? {
                    crate::auth::sessions::revoke_all(tx, kid, "class_removed", now, None)?;
                    closed.push(kid);
                }
            }
            tx.execute("DELETE FROM classes WHERE id = ?1", [class])?;
            audit::record(
                tx,
                Some(tid),
                "class_deleted",
                Some(("class", class.to_string())),
                Some(&ip),
                &json!({ "accounts_closed": closed.len() }),
            )?;
            Ok(closed)
        })
        .await?;
    for kid in closed {
        cx.app
            .hub
            .close_user(kid, crate::realtime::protocol::close::SIGNED_OUT);
    }
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

/// `POST /api/classes/{id}/join-code`: a new code; the old one stops working.
pub async fn rotate_code(cx: &mut Ctx<'_>) -> Result<Response> {
    let (_, class) = own_class(cx).await?;
    let code = cx.app.db.write(move |tx| Ok(new_code(tx, class)?)).await?;
    Ok(ok(&json!({ "join_code": code })))
}

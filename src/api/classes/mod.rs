//! Teachers' classes: a join code children type in, the teacher's approval, and reports
//! (`report`). Membership is what makes classmates findable to each other.

pub mod cards;
pub mod home;
pub mod report;
pub mod reviews;
pub mod roster;
pub mod signin;

use rusqlite::{Connection, OptionalExtension, params};
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinBody {
    code: String,
}

/// `POST /api/classes/join`: a child asks to join; the teacher approves.
pub async fn join(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user_as(
        Role::Child,
        "children_only",
        "Only children's accounts join classes.",
    )?;
    cx.app.limits.code_tries.hit(&format!("user:{}", me.id))?;
    let body: JoinBody = cx.req.json_small().await?;
    let code = crate::domain::encoding::clean_code(&body.code, JOIN_CODE_LEN).ok_or_else(|| {
        Error::bad_request(
            "invalid_code",
            "A class code has 6 letters and numbers, like K7QP2A.",
        )
    })?;
    let (now, kid) = (crate::time::now(), me.id);
    let (class, status) = cx
        .app
        .db
        .write(move |tx| {
            let found: Option<(i64, String, i64)> = tx
                .query_row(
                    "SELECT id, name, teacher_id FROM classes WHERE join_code = ?1 AND archived_at IS NULL",
                    [&code],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let (id, name, teacher) = found.ok_or_else(|| {
                Error::not_found("invalid_code", "No class has that code. Check it with your teacher.")
            })?;
            let member: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM class_members WHERE class_id = ?1 AND user_id = ?2)",
                params![id, kid],
                |r| r.get(0),
            )?;
            if member {
                return Ok((json!({ "id": id, "name": name }), "member"));
            }
            let size: i64 = tx.query_row(
                "SELECT (SELECT count(*) FROM class_members WHERE class_id = ?1)
                      + (SELECT count(*) FROM class_requests WHERE class_id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if size >= MAX_MEMBERS {
                return Err(Error::conflict("class_full", "This class is full."));
            }
            let added = tx.execute(
                "INSERT OR IGNORE INTO class_requests (class_id, user_id, requested_at) VALUES (?1, ?2, ?3)",
                params![id, kid, now],
            )?;
            if added > 0 {
                crate::store::notifications::notify(
                    tx,
                    teacher,
                    "class_join_request",
                    Some(kid),
                    Some(("class", id)),
                    &json!({ "class_name": name }),
                )?;
            }
            Ok((json!({ "id": id, "name": name }), "pending"))
        })
        .await?;
    let status_code = if status == "pending" {
        hyper::StatusCode::ACCEPTED
    } else {
        hyper::StatusCode::OK
    };
    Ok(crate::http::response::json_response(
        status_code,
        &json!({ "class": class, "status": status }),
    ))
}

fn people(c: &Connection, sql: &str, class: i64, when: &str) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = c.prepare_cached(sql)?;
    stmt.query_map([class], |r| {
        let mut v = json!({
            "id": r.get::<_, i64>(0)?, "username": r.get::<_, String>(1)?,
            "display_name": r.get::<_, String>(2)?, "avatar_emoji": r.get::<_, String>(3)?,
        });
        v[when] = json!(r.get::<_, i64>(4)?);
        Ok(v)
    })?
    .collect()
}

/// The class's children, with whether the class looks after their account and (for those)
/// the pictures printed on their card.
fn members(c: &Connection, class: i64) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = c.prepare_cached(
        "SELECT u.id, u.username, p.display_name, p.avatar_emoji, m.joined_at, m.managed, cp.pictures, u.status
           FROM class_members m JOIN users u ON u.id = m.user_id JOIN profiles p ON p.user_id = u.id
           LEFT JOIN card_pictures cp ON cp.user_id = u.id AND m.managed = 1
          WHERE m.class_id = ?1 ORDER BY p.display_name COLLATE NOCASE, u.id",
    )?;
    stmt.query_map([class], |r| {
        let pictures: Option<String> = r.get(6)?;
        Ok(json!({
            "id": r.get::<_, i64>(0)?, "username": r.get::<_, String>(1)?,
            "display_name": r.get::<_, String>(2)?, "avatar_emoji": r.get::<_, String>(3)?,
            "joined_at": r.get::<_, i64>(4)?, "managed": r.get::<_, bool>(5)?,
            "pictures": pictures.as_deref().map(roster::pictures_json),
            "status": r.get::<_, String>(7)?,
        }))
    })?
    .collect()
}

/// `GET /api/classes/{id}`: members and waiting requests.
pub async fn get(cx: &mut Ctx<'_>) -> Result<Response> {
    let (_, class) = own_class(cx).await?;
    let body = cx
        .app
        .db
        .read(move |c| {
            let view = class_json(c, class)?.ok_or_else(no_class)?;
            let members = members(c, class)?;
            let pending = people(
                c,
                "SELECT u.id, u.username, p.display_name, p.avatar_emoji, q.requested_at
                 FROM class_requests q JOIN users u ON u.id = q.user_id JOIN profiles p ON p.user_id = u.id
                 WHERE q.class_id = ?1 ORDER BY q.requested_at",
                class,
                "requested_at",
            )?;
            Ok(json!({ "class": view, "members": members, "pending": pending }))
        })
        .await?;
    let mut body = body;
    body["signin"] = cards::signin_link(cx, body["class"]["join_code"].as_str());
    Ok(ok(&body))
}

/// `POST /api/classes/{id}/members/{user_id}/approve`.
pub async fn approve(cx: &mut Ctx<'_>) -> Result<Response> {
    let (me, class) = own_class(cx).await?;
    let kid = cx.req.params.id(1)?;
    let (now, ip, tid) = (crate::time::now(), cx.ip(), me.id);
    cx.app
        .db
        .write(move |tx| {
            let asked = tx.execute(
                "DELETE FROM class_requests WHERE class_id = ?1 AND user_id = ?2",
                params![class, kid],
            )?;
            if asked == 0 {
                return Err(Error::not_found(
                    "not_found",
                    "That child has not asked to join this class.",
                ));
            }
            tx.execute(
                "INSERT OR IGNORE INTO class_members (class_id, user_id, joined_at) VALUES (?1, ?2, ?3)",
                params![class, kid, now],
            )?;
            let name: String =
                tx.query_row("SELECT name FROM classes WHERE id = ?1", [class], |r| r.get(0))?;
            crate::store::notifications::notify(
                tx,
                kid,
                "class_joined",
                Some(tid),
                Some(("class", class)),
                &json!({ "class_name": name }),
            )?;
            audit::record(
                tx,
                Some(tid),
                "class_member_approved",
                Some(("user", kid.to_string())),
                Some(&ip),
                &json!({ "class": class }),
            )?;
            Ok(())
        })
        .await?;
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

/// `DELETE /api/classes/{id}/members/{user_id}`: turns down a request or removes a member.
pub async fn remove(cx: &mut Ctx<'_>) -> Result<Response> {
    let (me, class) = own_class(cx).await?;
    let kid = cx.req.params.id(1)?;
    let (ip, tid) = (cx.ip(), me.id);
    let closed = cx
        .app
        .db
        .write(move |tx| {
            // A child the class looked after, with no family to hand the account to, has nobody
            // left to sign them in: the account is closed (its stories stay in the library).
            let now = crate::time::now();
            let closed = crate::store::classroom::close_if_orphaned(tx, class, kid, now)?;
            if closed {
                crate::auth::sessions::revoke_all(tx, kid, "class_removed", now, None)?;
            }
            crate::store::classroom::leave(tx, class, kid)?;
            let n = tx.execute(
                "DELETE FROM class_requests WHERE class_id = ?1 AND user_id = ?2",
                params![class, kid],
            )? + tx.execute(
                "DELETE FROM class_members WHERE class_id = ?1 AND user_id = ?2",
                params![class, kid],
            )?;
            if n == 0 {
                return Err(Error::not_found(
                    "not_found",
                    "That child is not in this class.",
                ));
            }
            audit::record(
                tx,
                Some(tid),
                "class_member_removed",
                Some(("user", kid.to_string())),
                Some(&ip),
                &json!({ "class": class, "account_closed": closed }),
            )?;
            Ok(closed)
        })
        .await?;
    if closed {
        cx.app
            .hub
            .close_user(kid, crate::realtime::protocol::close::SIGNED_OUT);
    }
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

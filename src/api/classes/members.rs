//! Who is in a class: a child asks to join with the code, the teacher sees members (with what
//! the class looks after) and requests, lets children in and removes them.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{JOIN_CODE_LEN, MAX_MEMBERS, cards, no_class, own_class, roster};
use crate::api::ctx::Ctx;
use crate::domain::accounts::Role;
use crate::error::{Error, Result};
use crate::http::response::{Response, empty, ok};
use crate::store::audit;
use crate::store::classes::class_json;

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

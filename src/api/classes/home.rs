//! `GET /api/teacher/home`: what a teacher opens PixelTales for, in one answer: their classes,
//! stories waiting for approval, what their students published lately, and children who may
//! need a hand (forgot their pictures today, or have not been in for two weeks).

use rusqlite::{Connection, params};
use serde_json::{Value, json};

use super::teacher;
use crate::api::ctx::Ctx;
use crate::error::Result;
use crate::http::response::{Response, ok};
use crate::store::classes::class_json;

/// Entries in each list.
const LIST_MAX: i64 = 12;
/// "Has not been in for a while": two weeks.
const QUIET_SECS: i64 = 14 * 86_400;

fn rows(
    c: &Connection,
    sql: &str,
    p: impl rusqlite::Params,
    f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<Value>,
) -> rusqlite::Result<Vec<Value>> {
    c.prepare_cached(sql)?.query_map(p, f)?.collect()
}

fn home(c: &Connection, tid: i64, now: i64) -> rusqlite::Result<Value> {
    let ids: Vec<i64> = c
        .prepare_cached("SELECT id FROM classes WHERE teacher_id = ?1 ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE, id")?
        .query_map([tid], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut classes = Vec::with_capacity(ids.len());
    for id in ids {
        classes.extend(class_json(c, id)?);
    }
    let waiting = rows(
        c,
        "SELECT s.id, s.title, r.submitted_at, p.display_name, p.avatar_emoji, cl.id, cl.name
           FROM story_reviews r JOIN classes cl ON cl.id = r.class_id JOIN stories s ON s.id = r.story_id
           JOIN profiles p ON p.user_id = s.author_id
          WHERE cl.teacher_id = ?1 AND r.status = 'waiting'
          ORDER BY r.submitted_at, s.id LIMIT ?2",
        params![tid, LIST_MAX],
        |r| {
            Ok(json!({
                "story": { "id": r.get::<_, i64>(0)?, "title": r.get::<_, String>(1)? },
                "submitted_at": r.get::<_, i64>(2)?,
                "author": { "display_name": r.get::<_, String>(3)?, "avatar_emoji": r.get::<_, String>(4)? },
                "class": { "id": r.get::<_, i64>(5)?, "name": r.get::<_, String>(6)? },
            }))
        },
    )?;
    let published = rows(
        c,
        "SELECT s.id, s.title, s.published_at, p.display_name, p.avatar_emoji, min(cl.name)
           FROM stories s JOIN class_members m ON m.user_id = s.author_id
           JOIN classes cl ON cl.id = m.class_id JOIN profiles p ON p.user_id = s.author_id
          WHERE cl.teacher_id = ?1 AND s.status = 'published' AND s.hidden = 0
          GROUP BY s.id ORDER BY s.published_at DESC, s.id DESC LIMIT ?2",
        params![tid, LIST_MAX],
        |r| {
            Ok(json!({
                "story": { "id": r.get::<_, i64>(0)?, "title": r.get::<_, String>(1)? },
                "published_at": r.get::<_, Option<i64>>(2)?,
                "author": { "display_name": r.get::<_, String>(3)?, "avatar_emoji": r.get::<_, String>(4)? },
                "class": { "name": r.get::<_, String>(5)? },
            }))
        },
    )?;
    // Failed sign-ins name the username typed; a child of the class who failed today and has
    // not signed in since is probably stuck on their pictures.
    let help = rows(
        c,
        "SELECT u.id, p.display_name, p.avatar_emoji, min(cl.id), min(cl.name),
                CASE WHEN EXISTS (SELECT 1 FROM audit_log a
                                   WHERE a.action = 'login_failed' AND a.at > ?2
                                     AND json_extract(a.detail, '$.username') = u.username
                                     AND a.at > coalesce(u.last_login_at, 0))
                     THEN 'forgot_pictures' ELSE 'quiet' END AS why
           FROM class_members m JOIN classes cl ON cl.id = m.class_id
           JOIN users u ON u.id = m.user_id JOIN profiles p ON p.user_id = u.id
          WHERE cl.teacher_id = ?1 AND cl.archived_at IS NULL AND u.status = 'active'
            AND (coalesce(u.last_seen_at, u.created_at) < ?3
                 OR EXISTS (SELECT 1 FROM audit_log a
                             WHERE a.action = 'login_failed' AND a.at > ?2
                               AND json_extract(a.detail, '$.username') = u.username
                               AND a.at > coalesce(u.last_login_at, 0)))
          GROUP BY u.id ORDER BY why, p.display_name COLLATE NOCASE LIMIT ?4",
        params![tid, now - 86_400, now - QUIET_SECS, LIST_MAX],
        |r| {
            Ok(json!({
                "child": { "id": r.get::<_, i64>(0)?, "display_name": r.get::<_, String>(1)?,
                           "avatar_emoji": r.get::<_, String>(2)? },
                "class": { "id": r.get::<_, i64>(3)?, "name": r.get::<_, String>(4)? },
                "why": r.get::<_, String>(5)?,
            }))
        },
    )?;
    Ok(json!({ "classes": classes, "waiting": waiting, "published": published, "help": help }))
}

/// `GET /api/teacher/home`.
pub async fn get(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = teacher(cx)?.id;
    let now = crate::time::now();
    let body = cx
        .app
        .db
        .read(move |c| {
            // A teacher whose approval was taken back sees no class and no child.
            if !crate::store::reach::person(c, me)?.is_some_and(|p| p.approved) {
                return Err(crate::error::Error::forbidden(
                    "teacher_pending",
                    "An admin checks teacher accounts first. Your classes open once yours is approved.",
                ));
            }
            Ok(home(c, me, now)?)
        })
        .await?;
    Ok(ok(&body))
}

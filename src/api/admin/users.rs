//! Admin: find users, change role and standing (suspend until a date, archive, restore), hand
//! out one-time password reset codes, and look at one user's activity.

use rusqlite::{OptionalExtension, params};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::ctx::Ctx;
use crate::api::pagination::{self, page};
use crate::domain::accounts::Role;
use crate::error::{Error, Result};
use crate::http::response::{Response, created, ok};
use crate::realtime::protocol::close::SIGNED_OUT;
use crate::store::admin::{COLUMNS, no_user, row, set_approved, user_json};
use crate::store::audit;
use crate::store::codes::{self, Purpose};
use crate::store::users::other_admins;

/// How long a reset code works.
const RESET_CODE_SECS: i64 = 24 * 3600;

/// `GET /api/admin/users?q=&role=&status=&cursor=&limit=`, newest first.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let limit = pagination::limit(&cx.req)?;
    let before: Option<i64> = pagination::cursor(&cx.req)?;
    let role = cx.req.query("role").filter(|r| !r.is_empty());
    if role.as_deref().is_some_and(|r| Role::parse(r).is_none()) {
        return Err(Error::bad_request("invalid_role", "Unknown role."));
    }
    let status = cx.req.query("status").filter(|s| !s.is_empty());
    if status
        .as_deref()
        .is_some_and(|s| !["active", "suspended", "archived"].contains(&s))
    {
        return Err(Error::bad_request("invalid_status", "Unknown status."));
    }
    let q = cx
        .req
        .query("q")
        .map(|q| q.trim().to_lowercase())
        .filter(|q| !q.is_empty())
        .map(|q| {
            let escaped: String = q
                .chars()
                .take(50)
                .flat_map(|ch| match ch {
                    '%' | '_' | '\\' => vec!['\\', ch],
                    _ => vec![ch],
                })
                .collect();
            format!("%{escaped}%")
        });
    let rows = cx
        .app
        .db
        .read(move |c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM users u JOIN profiles p ON p.user_id = u.id
                 WHERE (?1 IS NULL OR u.id < ?1) AND (?2 IS NULL OR u.role = ?2)
                   AND (?3 IS NULL OR u.status = ?3)
                   AND (?4 IS NULL OR u.username LIKE ?4 ESCAPE '\\' OR lower(p.display_name) LIKE ?4 ESCAPE '\\')
                 ORDER BY u.id DESC LIMIT ?5"
            ))?;
            let rows = stmt
                .query_map(params![before, role, status, q, limit as i64 + 1], row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .await?;
    Ok(ok(&page(rows, limit, |u| u["id"].as_i64())))
}

/// `GET /api/admin/users/{id}`: the account, its stories and comments, and its audit trail.
pub async fn get(cx: &mut Ctx<'_>) -> Result<Response> {
    let id = cx.req.params.id(0)?;
    let body = cx
        .app
        .db
        .read(move |c| {
            let user = user_json(c, id)?.ok_or_else(no_user)?;
            let stories: Vec<Value> = c
                .prepare_cached(
                    "SELECT id, title, status, hidden, updated_at FROM stories WHERE author_id = ?1
                     ORDER BY updated_at DESC LIMIT 50",
                )?
                .query_map([id], |r| {
                    Ok(json!({ "id": r.get::<_, i64>(0)?, "title": r.get::<_, String>(1)?,
                               "status": r.get::<_, String>(2)?, "hidden": r.get::<_, bool>(3)?,
                               "updated_at": r.get::<_, i64>(4)? }))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let comments: Vec<Value> = c
                .prepare_cached(
                    "SELECT id, story_id, text, hidden, created_at FROM comments WHERE author_id = ?1
                     ORDER BY id DESC LIMIT 50",
                )?
                .query_map([id], |r| {
                    Ok(json!({ "id": r.get::<_, i64>(0)?, "story_id": r.get::<_, i64>(1)?,
                               "text": r.get::<_, String>(2)?, "hidden": r.get::<_, bool>(3)?,
                               "created_at": r.get::<_, i64>(4)? }))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let audit = crate::store::audit::entries_about_user(c, id, 50)?;
            let sessions: i64 = c.query_row(
                "SELECT count(*) FROM sessions WHERE user_id = ?1 AND revoked_at IS NULL AND expires_at > ?2",
                params![id, crate::time::now()],
                |r| r.get(0),
            )?;
            Ok(json!({ "user": user, "stories": stories, "comments": comments,
                       "audit": audit, "sessions": sessions }))
        })
        .await?;
    Ok(ok(&body))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Patch {
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    suspended_until: Option<i64>,
    #[serde(default)]
    reason: Option<String>,
    /// `true` approves a teacher who signed up; `false` puts one back to waiting.
    #[serde(default)]
    approved: Option<bool>,
}

/// `PATCH /api/admin/users/{id}`: role and standing. Suspending or archiving ends every session
/// and closes the user's sockets at once.
pub async fn update(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    let body: Patch = cx.req.json_small().await?;
    if id == me {
        return Err(Error::conflict(
            "not_yourself",
            "Ask another admin to change your own account.",
        ));
    }
    let role = match &body.role {
        Some(r) => Some(Role::parse(r).ok_or_else(|| {
            Error::invalid(
                "role",
                "invalid_role",
                "Pick child, parent, teacher or admin.",
            )
        })?),
        None => None,
    };
    let status = match body.status.as_deref() {
        None => None,
        Some(s @ ("active" | "suspended" | "archived")) => Some(s.to_string()),
        Some(_) => {
            return Err(Error::invalid(
                "status",
                "invalid_status",
                "Pick active, suspended or archived.",
            ));
        }
    };
    let now = crate::time::now();
    let until = match (status.as_deref(), body.suspended_until) {
        (Some("suspended"), Some(t)) if t <= now => {
            return Err(Error::invalid(
                "suspended_until",
                "in_the_past",
                "Pick a date in the future.",
            ));
        }
        (Some("suspended"), t) => t,
        (_, Some(_)) => {
            return Err(Error::invalid(
                "suspended_until",
                "not_suspending",
                "A date only goes with status \"suspended\".",
            ));
        }
        _ => None,
    };
    let reason = body
        .reason
        .map(|r| r.chars().take(300).collect::<String>())
        .unwrap_or_default();
    let ip = cx.ip();
    let ends_sessions = matches!(status.as_deref(), Some("suspended" | "archived"));
    let user = cx
        .app
        .db
        .write(move |tx| {
            let current: Option<(String, String)> = tx
                .query_row("SELECT role, status FROM users WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            let (old_role, old_status) = current.ok_or_else(no_user)?;
            let leaves_admin = old_role == "admin"
                && (role.is_some_and(|r| r != Role::Admin) || ends_sessions);
            if leaves_admin && other_admins(tx, id)? == 0 {
                return Err(Error::conflict(
                    "last_admin",
                    "PixelTales needs at least one active admin.",
                ));
            }
            if let Some(r) = role {
                tx.execute(
                    "UPDATE users SET role = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, r.as_str(), now],
                )?;
                audit::record(
                    tx,
                    Some(me),
                    "role_changed",
                    Some(("user", id.to_string())),
                    Some(&ip),
                    &json!({ "from": old_role, "to": r.as_str(), "reason": reason }),
                )?;
            }
            if let Some(s) = &status {
                tx.execute(
                    "UPDATE users SET status = ?2, suspended_until = ?3, updated_at = ?4 WHERE id = ?1",
                    params![id, s, until, now],
                )?;
                let action = match s.as_str() {
                    "suspended" => "user_suspended",
                    "archived" => "user_archived",
                    _ if old_status == "archived" => "user_restored",
                    _ => "user_reinstated",
                };
                let mut ended = 0;
                if ends_sessions {
                    ended = crate::auth::sessions::revoke_all(tx, id, action, now, None)?;
                }
                audit::record(
                    tx,
                    Some(me),
                    action,
                    Some(("user", id.to_string())),
                    Some(&ip),
                    &json!({ "until": until, "reason": reason, "sessions_ended": ended }),
                )?;
            }
            if let Some(approved) = body.approved {
                set_approved(tx, id, approved, Some(me), Some(&ip))?;
            }
            user_json(tx, id)?.ok_or_else(no_user)
        })
        .await?;
    if ends_sessions {
        cx.app.hub.close_user(id, SIGNED_OUT);
    }
    Ok(ok(&json!({ "user": user })))
}

/// `POST /api/admin/users/{id}/reset-code`: a one-time code the user redeems at
/// `POST /api/auth/reset` (no e-mail needed).
pub async fn reset_code(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    let (now, ip) = (crate::time::now(), cx.ip());
    let (code, expires_at) = cx
        .app
        .db
        .write(move |tx| {
            user_json(tx, id)?.ok_or_else(no_user)?;
            let made = codes::issue(tx, Purpose::PasswordReset, id, me, RESET_CODE_SECS, now)?;
            audit::record(
                tx,
                Some(me),
                "reset_code_made",
                Some(("user", id.to_string())),
                Some(&ip),
                &json!({}),
            )?;
            Ok(made)
        })
        .await?;
    Ok(created(&json!({ "code": code, "expires_at": expires_at })))
}

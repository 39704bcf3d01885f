//! Parents and their children: child accounts, consent-based linking with one-time codes,
//! privacy and password care, a dashboard (`overview`) and a logged, read-only look.

pub mod guardian;
pub mod link;
pub mod overview;

use rusqlite::params;
use serde::Deserialize;
use serde_json::{Value, json};

use super::users::reset::{checked_secret, replace_password};
use crate::api::ctx::Ctx;
use crate::auth::AuthUser;
use crate::domain::accounts::{self, Role};
use crate::error::{Error, Result};
use crate::http::response::{Response, created, empty, ok};
use crate::store::audit;
use crate::store::family::{child_json, children};
use crate::store::reach;
use crate::store::users::{self as users, NewUser};

/// How long a parent's look through a child's eyes lasts.
pub(crate) const VIEW_SECS: i64 = 600;

pub(crate) fn parent(cx: &Ctx<'_>) -> Result<AuthUser> {
    cx.user_as(
        Role::Parent,
        "parents_only",
        "This is for parents' accounts.",
    )
}

pub(crate) fn no_child() -> Error {
    Error::not_found("not_found", "That child is not in your family.")
}

/// The caller (a parent) and the child in the path, refused unless they are linked.
pub(crate) async fn linked(cx: &Ctx<'_>) -> Result<(AuthUser, i64)> {
    let me = parent(cx)?;
    let child = cx.req.params.id(0)?;
    let pid = me.id;
    let ok = cx
        .app
        .db
        .read(move |c| Ok(reach::is_parent_of(c, pid, child)?))
        .await?;
    if ok { Ok((me, child)) } else { Err(no_child()) }
}

/// `GET /api/family/children`.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = parent(cx)?.id;
    let items = cx.app.db.read(move |c| Ok(children(c, me, None)?)).await?;
    Ok(ok(&json!({ "items": items })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewChild {
    username: String,
    display_name: String,
    #[serde(default)]
    password: Option<String>,
    #[serde(default)]
    picture: Option<Vec<String>>,
    #[serde(default)]
    language: Option<String>,
}

/// `POST /api/family/children`: a parent makes a child account, linked from the start.
pub async fn create(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = parent(cx)?;
    cx.app.limits.register_ip.hit(&cx.ip_key())?;
    let body: NewChild = cx.req.json_small().await?;
    let username = accounts::normalize_username(&body.username)?;
    let display_name = accounts::validate_display_name(&body.display_name)?;
    let secret = checked_secret(
        Role::Child,
        body.password.as_deref(),
        body.picture.as_deref(),
    )?;
    let language = match &body.language {
        Some(l) => accounts::validate_language("language", l)?,
        None => "en".to_string(),
    };
    cx.app.profanity.guard("username", &username)?;
    cx.app.profanity.guard("display_name", &display_name)?;
    let password_hash = cx.app.passwords.hash(&secret).await?;
    let new = NewUser {
        username,
        password_hash,
        role: Role::Child,
        display_name,
        language,
    };
    let (now, ip, pid) = (crate::time::now(), cx.ip(), me.id);
    let child = cx
        .app
        .db
        .write(move |tx| {
            let id = users::insert(tx, &new, now)?;
            tx.execute(
                "INSERT INTO family_links (parent_id, child_id, created_at) VALUES (?1, ?2, ?3)",
                params![pid, id, now],
            )?;
            audit::record(
                tx,
                Some(pid),
                "child_created",
                Some(("user", id.to_string())),
                Some(&ip),
                &json!({ "username": new.username }),
            )?;
            child_json(tx, pid, id)?.ok_or_else(|| Error::internal("new child vanished"))
        })
        .await?;
    Ok(created(&json!({ "child": child })))
}

/// `DELETE /api/family/children/{id}`: the parent lets go of the link (the account stays).
pub async fn unlink(cx: &mut Ctx<'_>) -> Result<Response> {
    let (me, child) = linked(cx).await?;
    let (ip, pid) = (cx.ip(), me.id);
    cx.app
        .db
        .write(move |tx| {
            tx.execute(
                "DELETE FROM family_links WHERE parent_id = ?1 AND child_id = ?2",
                params![pid, child],
            )?;
            audit::record(
                tx,
                Some(pid),
                "family_unlinked",
                Some(("user", child.to_string())),
                Some(&ip),
                &json!({}),
            )?;
            Ok(())
        })
        .await?;
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChildPatch {
    #[serde(default)]
    privacy: Option<String>,
    #[serde(default)]
    display_name: Option<String>,
    /// "5-7", "8-9", "10-12", or "" to clear.
    #[serde(default)]
    age_band: Option<String>,
    /// Who may reach the child: `{friends_need_ok, who_may_message}`, either or both.
    #[serde(default)]
    rules: Option<RulesPatch>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesPatch {
    #[serde(default)]
    friends_need_ok: Option<bool>,
    #[serde(default)]
    who_may_message: Option<String>,
    /// No sounds or music for the child.
    #[serde(default)]
    quiet: Option<bool>,
}

/// `PATCH /api/family/children/{id}`: privacy (who can find and message the child), name and
/// age band (which sizes the child's games).
pub async fn update(cx: &mut Ctx<'_>) -> Result<Response> {
    let (me, child) = linked(cx).await?;
    let body: ChildPatch = cx.req.json_small().await?;
    let privacy = match &body.privacy {
        Some(p) if ["public", "friends", "private"].contains(&p.as_str()) => Some(p.clone()),
        Some(_) => {
            return Err(Error::invalid(
                "privacy",
                "invalid_privacy",
                "Pick public, friends or private.",
            ));
        }
        None => None,
    };
    let name = match &body.display_name {
        Some(n) => {
            let n = accounts::validate_display_name(n)?;
            cx.app.profanity.guard("display_name", &n)?;
            Some(n)
        }
        None => None,
    };
    let band = match &body.age_band {
        Some(b) => Some(accounts::parse_age_band(b)?),
        None => None,
    };
    if let Some(w) = body
        .rules
        .as_ref()
        .and_then(|r| r.who_may_message.as_deref())
        && !["friends", "friends_and_classmates", "nobody"].contains(&w)
    {
        return Err(Error::invalid(
            "who_may_message",
            "invalid_rule",
            "Pick friends, friends_and_classmates or nobody.",
        ));
    }
    let rules = body.rules;
    let (now, ip, pid) = (crate::time::now(), cx.ip(), me.id);
    let child = cx
        .app
        .db
        .write(move |tx| {
            tx.execute(
                "UPDATE profiles SET privacy = coalesce(?2, privacy),
                        display_name = coalesce(?3, display_name),
                        age_band = CASE WHEN ?4 THEN ?5 ELSE age_band END WHERE user_id = ?1",
                params![child, privacy, name, band.is_some(), band.clone().flatten()],
            )?;
            tx.execute(
                "UPDATE users SET updated_at = ?2 WHERE id = ?1",
                params![child, now],
            )?;
            let mut changed_rules = Value::Null;
            if let Some(patch) = &rules {
                let mut r = reach::child_rules(tx, child)?;
                if let Some(ok) = patch.friends_need_ok {
                    r.friends_need_ok = ok;
                }
                if let Some(w) = &patch.who_may_message {
                    r.who_may_message = w.clone();
                }
                if let Some(q) = patch.quiet {
                    r.quiet = q;
                }
                reach::set_child_rules(tx, child, &r)?;
                changed_rules = json!({ "friends_need_ok": r.friends_need_ok, "who_may_message": r.who_may_message, "quiet": r.quiet });
            }
            audit::record(
                tx,
                Some(pid),
                "child_updated",
                Some(("user", child.to_string())),
                Some(&ip),
                &json!({ "privacy": privacy, "display_name": name, "age_band": band, "rules": changed_rules }),
            )?;
            child_json(tx, pid, child)?.ok_or_else(no_child)
        })
        .await?;
    Ok(ok(&json!({ "child": child })))
}

/// A new password for a child from a grown-up who answers for them: typed or pictures (a
/// class's teacher may send neither, for random pictures).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PasswordBody {
    #[serde(default)]
    pub password: Option<String>,
    #[serde(default)]
    pub picture: Option<Vec<String>>,
}

/// `POST /api/family/children/{id}/password`: the child is signed out everywhere.
pub async fn set_password(cx: &mut Ctx<'_>) -> Result<Response> {
    let (me, child) = linked(cx).await?;
    let body: PasswordBody = cx.req.json_small().await?;
    let secret = checked_secret(
        Role::Child,
        body.password.as_deref(),
        body.picture.as_deref(),
    )?;
    replace_password(
        cx.app,
        child,
        secret,
        Some(me.id),
        "child_password_reset",
        cx.ip(),
    )
    .await?;
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

/// `POST /api/family/children/{id}/view-as`: a short, read-only session as the child, logged.
pub async fn view_as(cx: &mut Ctx<'_>) -> Result<Response> {
    let (me, child) = linked(cx).await?;
    let pid = me.id;
    let (token, view) = look(cx, child, pid, "parent", json!({}), move |tx| {
        child_json(tx, pid, child)?.ok_or_else(no_child)
    })
    .await?;
    Ok(created(&json!({
        "access_token": token, "token_type": "Bearer", "expires_in": VIEW_SECS, "child": view,
        "view_only": true,
    })))
}

/// A read-only session as `child` for `VIEW_SECS`, started by a grown-up who answers for them
/// (`who`: "parent" or "teacher"), written to the audit log as `{who}_view_as`. Returns the
/// access token and `view(tx)`, the child as the caller's page shows them.
pub(crate) async fn look<V: Send + 'static>(
    cx: &Ctx<'_>,
    child: i64,
    grown_up: i64,
    who: &'static str,
    detail: Value,
    view: impl FnOnce(&crate::db::Tx<'_>) -> Result<V> + Send + 'static,
) -> Result<(String, V)> {
    let (now, ip) = (crate::time::now(), cx.ip());
    let (session, view) = cx
        .app
        .db
        .write(move |tx| {
            let note = format!("read-only view by {who} {grown_up}");
            let sid = crate::auth::sessions::create_view(tx, child, now, VIEW_SECS, &note, &ip)?;
            let mut detail = detail;
            detail["session"] = json!(sid);
            detail["seconds"] = json!(VIEW_SECS);
            audit::record(
                tx,
                Some(grown_up),
                if who == "teacher" {
                    "teacher_view_as"
                } else {
                    "parent_view_as"
                },
                Some(("user", child.to_string())),
                Some(&ip),
                &detail,
            )?;
            Ok((sid, view(tx)?))
        })
        .await?;
    let token = cx
        .app
        .tokens
        .access_token(child, &session, "child", now, VIEW_SECS);
    Ok((token, view))
}

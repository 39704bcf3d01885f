//! Leaving: download your data, delete your account; a linked parent does both for their
//! child, and an admin can delete any account. The rules of what goes and what stays are in
//! `store::leaving`.

use serde::Deserialize;
use serde_json::json;

use crate::api::ctx::Ctx;
use crate::auth::AuthUser;
use crate::domain::accounts::Role;
use crate::error::{Error, Result};
use crate::http::response::{Response, ok, with_body};
use crate::store::audit;
use crate::store::leaving::{self, Removed};

/// The export as a file download named after its day.
async fn download(cx: &Ctx<'_>, user: i64) -> Result<Response> {
    let doc = cx.app.db.read(move |c| leaving::export(c, user)).await?;
    let body = serde_json::to_vec_pretty(&doc).map_err(|e| Error::internal(e.to_string()))?;
    let day = crate::time::rfc3339(crate::time::now());
    let day = day.get(..10).unwrap_or("today");
    let mut resp = with_body(hyper::StatusCode::OK, "application/json", body);
    if let Ok(v) = hyper::header::HeaderValue::from_str(&format!(
        "attachment; filename=\"pixeltales-my-data-{day}.json\""
    )) {
        resp.headers_mut()
            .insert(hyper::header::CONTENT_DISPOSITION, v);
    }
    Ok(resp)
}

/// `GET /api/me/export`: everything you made and were sent, with your pictures.
pub async fn export_me(cx: &mut Ctx<'_>) -> Result<Response> {
    let id = cx.user()?.id;
    download(cx, id).await
}

/// `GET /api/family/children/{id}/export`: a linked parent downloads their child's data.
pub async fn export_child(cx: &mut Ctx<'_>) -> Result<Response> {
    let (_, child) = crate::api::family::linked(cx).await?;
    download(cx, child).await
}

/// The confirming grown-up's or person's secret: a typed password or a picture password.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Confirm {
    #[serde(default)]
    password: Option<String>,
    #[serde(default)]
    picture: Option<Vec<String>>,
}

impl Confirm {
    fn secret(&self) -> Result<String> {
        let s = crate::domain::pictures::secret(
            "password",
            self.password.as_deref(),
            self.picture.as_deref(),
        )?;
        Ok(s.as_str().to_string())
    }
}

/// Deletes `user`'s account in one transaction, audits it without their name or address, and
/// closes their sockets. `by` is who asked (themselves, a parent or an admin).
async fn delete(cx: &Ctx<'_>, user: i64, by: &AuthUser) -> Result<Removed> {
    let (actor, how) = match by.role {
        _ if by.id == user => (None, "self"),
        Role::Admin => (Some(by.id), "admin"),
        _ => (Some(by.id), "parent"),
    };
    let removed = cx
        .app
        .db
        .write(move |tx| {
            let role: Option<String> = rusqlite::OptionalExtension::optional(tx.query_row(
                "SELECT role FROM users WHERE id = ?1",
                [user],
                |r| r.get(0),
            ))?;
            let role = role.ok_or_else(|| {
                Error::not_found("user_not_found", "This account no longer exists.")
            })?;
            if role == "admin" && crate::store::users::other_admins(tx, user)? == 0 {
                return Err(Error::conflict(
                    "last_admin",
                    "This is the only admin account. Make another admin before deleting it.",
                ));
            }
            let removed = leaving::delete_account(tx, user, crate::store::stories::detach_user)?;
            audit::record(
                tx,
                actor,
                "account_deleted",
                Some(("user", user.to_string())),
                None,
                &json!({ "by": how, "stories": removed.stories, "comments": removed.comments,
                         "messages": removed.messages, "pictures": removed.pictures }),
            )?;
            Ok(removed)
        })
        .await?;
    cx.app
        .hub
        .close_user(user, crate::realtime::protocol::close::SIGNED_OUT);
    Ok(removed)
}

fn removed_json(r: Removed) -> serde_json::Value {
    json!({ "deleted": true, "removed": { "stories": r.stories, "comments": r.comments,
            "messages": r.messages, "pictures": r.pictures } })
}

/// `DELETE /api/me {password}`: deletes the caller's account after confirming the password.
pub async fn delete_me(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.clone();
    let body: Confirm = cx.req.json().await?;
    super::me::confirm_password(cx, me.id, &body.secret()?).await?;
    delete(cx, me.id, &me).await?;
    Ok(crate::http::response::empty(hyper::StatusCode::NO_CONTENT))
}

/// `DELETE /api/family/children/{id}/account {password}`: a linked parent deletes their
/// child's account, confirming with their own password.
pub async fn delete_child(cx: &mut Ctx<'_>) -> Result<Response> {
    let (me, child) = crate::api::family::linked(cx).await?;
    let body: Confirm = cx.req.json().await?;
    super::me::confirm_password(cx, me.id, &body.secret()?).await?;
    let removed = delete(cx, child, &me).await?;
    Ok(ok(&removed_json(removed)))
}

/// `DELETE /api/admin/users/{id}`: an admin deletes any account for good.
pub async fn delete_by_admin(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    if id == me.id {
        return Err(Error::conflict(
            "not_yourself",
            "Ask another admin to change your own account.",
        ));
    }
    let removed = delete(cx, id, &me).await?;
    Ok(ok(&removed_json(removed)))
}

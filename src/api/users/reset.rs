//! Setting a password for someone: a parent for their child, or a user redeeming an admin's
//! reset code (`POST /api/auth/reset`). Either way every session of the account ends.

use serde::Deserialize;
use serde_json::json;

use crate::api::ctx::Ctx;
use crate::app::App;
use crate::domain::accounts::{self, Role};
use crate::domain::pictures::{self, Secret};
use crate::error::{Error, Result};
use crate::http::response::{Response, empty};
use crate::realtime::protocol::close::SIGNED_OUT;
use crate::store::audit;
use crate::store::codes::{self, Purpose};
use crate::store::users as store;

/// Checks a typed or picture password for an account of `role`; returns what gets hashed.
pub fn checked_secret(
    role: Role,
    password: Option<&str>,
    picture: Option<&[String]>,
) -> Result<String> {
    let secret = pictures::secret("password", password, picture)?;
    if let Secret::Typed(p) = &secret {
        accounts::validate_password("password", p, role)?;
    } else if role != Role::Child {
        return Err(Error::invalid(
            "picture",
            "picture_for_children",
            "Picture passwords are for children's accounts.",
        ));
    }
    Ok(secret.as_str().to_string())
}

/// Stores a new password hash for `target` inside a write transaction, ends all its sessions
/// and writes `action` to the audit log. Close the user's sockets after the commit.
fn store_new_password(
    tx: &rusqlite::Connection,
    target: i64,
    hash: &str,
    actor: Option<i64>,
    action: &'static str,
    ip: &str,
) -> Result<()> {
    let now = crate::time::now();
    store::set_password(tx, target, hash, now)?;
    let ended = crate::auth::sessions::revoke_all(tx, target, action, now, None)?;
    audit::record(
        tx,
        actor,
        action,
        Some(("user", target.to_string())),
        Some(ip),
        &json!({ "sessions_ended": ended }),
    )?;
    Ok(())
}

/// Hashes and stores a new password for `target`, ends all its sessions, closes its sockets and
/// writes `action` to the audit log.
pub async fn replace_password(
    app: &App,
    target: i64,
    secret: String,
    actor: Option<i64>,
    action: &'static str,
    ip: String,
) -> Result<()> {
    let hash = app.passwords.hash(&secret).await?;
    app.db
        .write(move |tx| store_new_password(tx, target, &hash, actor, action, &ip))
        .await?;
    app.hub.close_user(target, SIGNED_OUT);
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResetBody {
    username: String,
    code: String,
    #[serde(default)]
    password: Option<String>,
    #[serde(default)]
    picture: Option<Vec<String>>,
}

/// `POST /api/auth/reset`: sets a new password with a one-time code from the admin.
pub async fn reset(cx: &mut Ctx<'_>) -> Result<Response> {
    cx.app.limits.login_ip.hit(&cx.ip_key())?;
    let body: ResetBody = cx.req.json_small().await?;
    let username = accounts::normalize_username(&body.username).unwrap_or_default();
    // The same two buckets as sign-in: this account from this address, and from anywhere.
    let limits = &cx.app.limits;
    limits
        .login_account_ip
        .hit(&format!("login:{username}@{}", cx.ip_key()))?;
    limits.login_account.hit(&format!("login:{username}"))?;
    let wrong = || {
        Error::bad_request(
            "invalid_code",
            "That code does not work. Ask the admin for a new one.",
        )
    };
    let (lookup, code, now) = (username.clone(), body.code.clone(), crate::time::now());
    let holder = cx
        .app
        .db
        .read(move |c| {
            let Some(creds) = store::credentials_by_username(c, &lookup)? else {
                return Ok(None);
            };
            let owner = codes::peek(c, Purpose::PasswordReset, &code, now)?;
            Ok((owner == Some(creds.id)).then_some(creds))
        })
        .await?
        .ok_or_else(wrong)?;
    let role = Role::parse(&holder.role).ok_or_else(|| Error::internal("unknown role"))?;
    let secret = checked_secret(role, body.password.as_deref(), body.picture.as_deref())?;
    // Hash first: the code is spent in the same transaction that stores the password, so a
    // failure anywhere leaves the code usable, and a racing second request finds it spent.
    let hash = cx.app.passwords.hash(&secret).await?;
    let (code, target, ip) = (body.code.clone(), holder.id, cx.ip());
    cx.app
        .db
        .write(move |tx| {
            let used = codes::redeem(tx, Purpose::PasswordReset, &code, now)?;
            if used.map(|r| r.user) != Some(target) {
                return Err(wrong());
            }
            store_new_password(
                tx,
                target,
                &hash,
                Some(target),
                "password_reset_by_code",
                &ip,
            )
        })
        .await?;
    cx.app.hub.close_user(target, SIGNED_OUT);
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

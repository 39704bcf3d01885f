//! `POST /api/auth/{register,login,refresh,logout}`.

use crate::realtime::protocol::close::SIGNED_OUT;
use serde::Deserialize;
use serde_json::json;

use super::{refresh_ttl, session_json, tokens_json};
use crate::api::ctx::Ctx;
use crate::auth::guard::suspended;
use crate::auth::ratelimit::Refusal;
use crate::auth::sessions::{self, Rotation};
use crate::domain::accounts::{self, Role, Standing, standing};
use crate::domain::pictures;
use crate::error::{Error, Result};
use crate::http::response::{Response, created, empty, ok};
use crate::store::audit;
use crate::store::users::{self as store, NewUser};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterBody {
    username: String,
    password: String,
    display_name: String,
    role: String,
    #[serde(default)]
    language: Option<String>,
}

/// Records the first refusal of a rate-limit streak, then answers 429.
async fn limited(cx: &Ctx<'_>, refusal: Refusal, what: &'static str, key: String) -> Error {
    if refusal.first {
        let ip = cx.ip();
        let detail = json!({ "limit": what, "key": key });
        let res = cx
            .app
            .db
            .write(move |tx| {
                audit::record(tx, None, "rate_limited", None, Some(&ip), &detail)
                    .map_err(Error::from)
            })
            .await;
        if let Err(e) = res {
            crate::log_warn!("could not record a rate-limit event: {e}");
        }
    }
    Error::RateLimited {
        retry_after: refusal.retry_after,
    }
}

/// `POST /api/auth/register`: a child, parent or teacher signs up and is signed in.
pub async fn register(cx: &mut Ctx<'_>) -> Result<Response> {
    if !cx.app.limits.is_trusted(cx.req.ip)
        && let Err(r) = cx.app.limits.register_ip.hit(&cx.ip_key())
    {
        return Err(limited(cx, r, "register_ip", cx.ip_key()).await);
    }
    let body: RegisterBody = cx.req.json_small().await?;
    let role = match Role::parse(&body.role) {
        Some(r) if r.self_service() => r,
        Some(_) => {
            return Err(Error::forbidden(
                "role_not_allowed",
                "Admin accounts are made by the person who runs PixelTales.",
            ));
        }
        None => {
            return Err(Error::invalid(
                "role",
                "invalid_role",
                "Pick child, parent or teacher.",
            ));
        }
    };
    let username = accounts::normalize_username(&body.username)?;
    let display_name = accounts::validate_display_name(&body.display_name)?;
    accounts::validate_password("password", &body.password, role)?;
    let language = match &body.language {
        Some(l) => accounts::validate_language("language", l)?,
        None => "en".to_string(),
    };
    cx.app.profanity.guard("username", &username)?;
    cx.app.profanity.guard("display_name", &display_name)?;

    let password_hash = cx.app.passwords.hash(&body.password).await?;
    let new = NewUser {
        username,
        password_hash,
        role,
        display_name,
        language,
    };
    let (now, ttl, ua, ip) = (
        crate::time::now(),
        refresh_ttl(cx.app),
        cx.req.user_agent(),
        cx.ip(),
    );
    let (view, issued) = cx
        .app
        .db
        .write(move |tx| {
            let id = store::insert(tx, &new, now)?;
            // Anyone can say they are a teacher; an admin checks before a class or a child is
            // in their reach.
            if new.role == Role::Teacher {
                tx.execute("UPDATE users SET pending_approval = 1 WHERE id = ?1", [id])?;
            }
            let issued = sessions::create(tx, id, now, ttl, &ua, &ip)?;
            let detail = json!({ "username": new.username, "role": new.role.as_str() });
            audit::record(
                tx,
                Some(id),
                "user_registered",
                Some(("user", id.to_string())),
                Some(&ip),
                &detail,
            )?;
            let view =
                store::load_view(tx, id)?.ok_or_else(|| Error::internal("new user vanished"))?;
            Ok((view, issued))
        })
        .await?;
    Ok(created(&session_json(cx.app, &view, &issued)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LoginBody {
    username: String,
    #[serde(default)]
    password: Option<String>,
    #[serde(default)]
    picture: Option<Vec<String>>,
}

/// `POST /api/auth/login`.
pub async fn login(cx: &mut Ctx<'_>) -> Result<Response> {
    let trusted = address_gate(cx).await?;
    let body: LoginBody = cx.req.json_small().await?;
    let secret = pictures::secret(
        "password",
        body.password.as_deref(),
        body.picture.as_deref(),
    )?;
    // A malformed username is just an unknown user: same work, same answer.
    let username = accounts::normalize_username(&body.username).unwrap_or_default();
    let (view, issued) = authenticate(cx, username, secret.as_str(), trusted).await?;
    Ok(ok(&session_json(cx.app, &view, &issued)))
}

/// The per-address bucket every sign-in passes first. Per address, only failures count: a
/// successful sign-in gives its token back, so a school behind one address signs in at 9:00.
/// A trusted network skips it. Returns whether the address is trusted.
pub(crate) async fn address_gate(cx: &Ctx<'_>) -> Result<bool> {
    let trusted = cx.app.limits.is_trusted(cx.req.ip);
    if !trusted && let Err(r) = cx.app.limits.login_ip.hit(&cx.ip_key()) {
        return Err(limited(cx, r, "login_ip", cx.ip_key()).await);
    }
    Ok(trusted)
}

/// Checks `secret` for `username` under the per-account limits and, when it matches an active
/// account, starts a session. Every way of signing in with a password (typed, pictures, a tap
/// on a class page) comes through here, so the limits and the audit trail are one.
pub(crate) async fn authenticate(
    cx: &Ctx<'_>,
    username: String,
    secret: &str,
    trusted: bool,
) -> Result<(store::UserView, sessions::Issued)> {
    // The token is taken before the (slow) hash, so concurrent guesses cannot all slip past a
    // check; a successful login gives the account its tokens back.
    // Two buckets: the account from this address (tight), and the account from anywhere (ten
    // times looser), so a stranger's guesses lock out the stranger, not the child.
    let account_key = format!("login:{username}");
    let here_key = format!("login:{username}@{}", cx.ip_key());
    if let Err(r) = cx.app.limits.login_account_ip.hit(&here_key) {
        return Err(limited(cx, r, "login_account", username).await);
    }
    let account = cx.app.limits.login_account.hit(&account_key);
    let day = cx.app.limits.login_account_day.hit(&account_key);
    if let Err(r) = account.and(day) {
        // Guesses from many places can fill the account's ceiling; a place this account has
        // signed in from before still gets in (its own bucket above still limits it).
        let (name, ip) = (username.clone(), cx.ip());
        let known = cx
            .app
            .db
            .read(move |c| Ok(store::signed_in_from(c, &name, &ip)?))
            .await?;
        if !known {
            return Err(limited(cx, r, "login_account", username).await);
        }
    }
    let lookup = username.clone();
    let creds = if username.is_empty() {
        None
    } else {
        cx.app
            .db
            .read(move |c| store::credentials_by_username(c, &lookup).map_err(Error::from))
            .await?
    };
    let verified = cx
        .app
        .passwords
        .verify(secret, creds.as_ref().map(|c| c.password_hash.clone()))
        .await?;
    let ip = cx.ip();
    let Some(creds) = creds.filter(|_| verified) else {
        let detail = json!({ "username": username });
        let ip2 = ip.clone();
        cx.app
            .db
            .write(move |tx| {
                audit::record(tx, None, "login_failed", None, Some(&ip2), &detail)
                    .map_err(Error::from)
            })
            .await?;
        return Err(Error::unauthorized(
            "invalid_credentials",
            "That username and password do not match.",
        ));
    };
    active(&creds.status, creds.suspended_until)?;
    cx.app.limits.login_account_ip.reset(&here_key);
    cx.app.limits.login_account.reset(&account_key);
    cx.app.limits.login_account_day.reset(&account_key);
    start_session(cx, creds.id, trusted).await
}

/// Refuses a suspended or closed account.
pub(crate) fn active(status: &str, suspended_until: Option<i64>) -> Result<()> {
    match standing(status, suspended_until, crate::time::now()) {
        Standing::Active => Ok(()),
        Standing::Suspended(until) => Err(suspended(until)),
        Standing::Archived => Err(Error::forbidden(
            "account_closed",
            "This account has been closed.",
        )),
    }
}

/// A new session for a person who just proved who they are; the address gets its token back.
pub(crate) async fn start_session(
    cx: &Ctx<'_>,
    id: i64,
    trusted: bool,
) -> Result<(store::UserView, sessions::Issued)> {
    if !trusted {
        cx.app.limits.login_ip.refund(&cx.ip_key());
    }
    let (now, ttl, ua, ip) = (
        crate::time::now(),
        refresh_ttl(cx.app),
        cx.req.user_agent(),
        cx.ip(),
    );
    cx.app
        .db
        .write(move |tx| {
            store::touch_login(tx, id, now)?;
            let issued = sessions::create(tx, id, now, ttl, &ua, &ip)?;
            let view = store::load_view(tx, id)?.ok_or_else(|| Error::internal("user vanished"))?;
            Ok((view, issued))
        })
        .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RefreshBody {
    refresh_token: String,
}

/// `POST /api/auth/refresh`: exchanges a refresh token; reuse revokes the session.
pub async fn refresh(cx: &mut Ctx<'_>) -> Result<Response> {
    let body: RefreshBody = cx.req.json_small().await?;
    let token = body.refresh_token.clone();
    let (now, ttl, ip) = (crate::time::now(), refresh_ttl(cx.app), cx.ip());
    let outcome = cx
        .app
        .db
        .write(move |tx| {
            let r = sessions::rotate(tx, &body.refresh_token, now, ttl)?;
            if let Rotation::Reused {
                user_id,
                session_id,
            } = &r
            {
                let detail = json!({ "session": session_id });
                audit::record(
                    tx,
                    Some(*user_id),
                    "refresh_token_reused",
                    None,
                    Some(&ip),
                    &detail,
                )?;
            }
            Ok(r)
        })
        .await?;
    match outcome {
        Rotation::Rotated {
            user_id,
            role,
            issued,
        } => Ok(ok(&tokens_json(cx.app, user_id, role.as_str(), &issued))),
        Rotation::Reused {
            user_id,
            session_id,
        } => {
            cx.app
                .hub
                .close_auth_session(user_id, &session_id, SIGNED_OUT);
            Err(Error::unauthorized(
                "refresh_token_reused",
                "This sign-in was used twice, so it has been closed for safety. Please log in again.",
            ))
        }
        Rotation::Invalid => {
            // A suspension ended the session: say so rather than "signed out".
            let standing = cx
                .app
                .db
                .read(move |c| match sessions::session_of_token(c, &token)? {
                    Some((_, user)) => Ok(sessions::standing_of(c, user, now)?),
                    None => Ok(None),
                })
                .await?;
            if let Some(Standing::Suspended(until)) = standing {
                return Err(suspended(until));
            }
            Err(Error::unauthorized(
                "invalid_refresh_token",
                "Your sign-in has ended. Please log in again.",
            ))
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LogoutBody {
    #[serde(default)]
    refresh_token: Option<String>,
}

/// `POST /api/auth/logout`: ends this device's session (by access token or refresh token).
pub async fn logout(cx: &mut Ctx<'_>) -> Result<Response> {
    let body: LogoutBody = cx.req.json_opt().await?.unwrap_or_default();
    let from_token = cx.user.as_ref().map(|u| (u.session_id.clone(), u.id));
    let session = match (from_token, body.refresh_token) {
        (Some(s), _) => Some(s),
        (None, Some(rt)) => {
            cx.app
                .db
                .read(move |c| sessions::session_of_token(c, &rt).map_err(Error::from))
                .await?
        }
        (None, None) => None,
    };
    let Some((session_id, user_id)) = session else {
        return Err(Error::unauthorized(
            "missing_token",
            "There is no sign-in to end.",
        ));
    };
    let now = crate::time::now();
    let sid = session_id.clone();
    cx.app
        .db
        .write(move |tx| {
            if sessions::revoke(tx, &session_id, "logout", now)? {
                audit::record(tx, Some(user_id), "logout", None, None, &json!({}))?;
            }
            Ok(())
        })
        .await?;
    cx.app.hub.close_auth_session(user_id, &sid, SIGNED_OUT);
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

/// `POST /api/auth/logout-all`: ends every sign-in of the caller and closes their sockets.
pub async fn logout_all(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    let now = crate::time::now();
    cx.app
        .db
        .write(move |tx| {
            let ended = sessions::revoke_all(tx, user, "logout_all", now, None)?;
            audit::record(
                tx,
                Some(user),
                "logout_all",
                None,
                None,
                &json!({ "sessions_ended": ended }),
            )?;
            Ok(())
        })
        .await?;
    cx.app.hub.close_user(user, SIGNED_OUT);
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

//! `GET/PATCH /api/me` and `POST /api/me/password` (deleting and exporting: `leaving`).

use serde::Deserialize;
use serde_json::{Value, json};

use super::{refresh_ttl, tokens_json};
use crate::api::ctx::Ctx;
use crate::auth::sessions;
use crate::domain::accounts;
use crate::error::{Error, Result};
use crate::http::response::{Response, ok};
use crate::store::audit;
use crate::store::users::{self as store, ProfileChanges};

/// Largest stored preferences object, serialised.
const MAX_PREFS_BYTES: usize = 4096;

/// `GET /api/me`.
pub async fn get(cx: &mut Ctx<'_>) -> Result<Response> {
    let id = cx.user()?.id;
    let view = cx
        .app
        .db
        .read(move |c| store::load_view(c, id).map_err(Error::from))
        .await?
        .ok_or_else(|| Error::not_found("user_not_found", "This account no longer exists."))?;
    Ok(ok(&view))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MePatch {
    display_name: Option<String>,
    bio: Option<String>,
    avatar_emoji: Option<String>,
    theme: Option<String>,
    language: Option<String>,
    privacy: Option<String>,
    prefs: Option<Value>,
    // Named so the refusal can say why, instead of "unknown field".
    avatar_border: Option<String>,
    /// "5-7", "8-9", "10-12", or "" to clear.
    age_band: Option<String>,
    /// Notification type -> on/off (only the types in `notifications::MUTABLE`).
    notifications: Option<serde_json::Map<String, Value>>,
    // Named so the refusal can say why, instead of "unknown field".
    role: Option<Value>,
    username: Option<Value>,
}

/// `PATCH /api/me`: changes profile fields; the role and username never change here.
pub async fn update(cx: &mut Ctx<'_>) -> Result<Response> {
    let id = cx.user()?.id;
    let patch: MePatch = cx.req.json().await?;
    if patch.role.is_some() {
        return Err(Error::forbidden(
            "role_change_forbidden",
            "Only an admin can change a role.",
        ));
    }
    if patch.username.is_some() {
        return Err(Error::invalid(
            "username",
            "username_fixed",
            "A username cannot be changed.",
        ));
    }
    let p = &cx.app.profanity;
    let mut changes = ProfileChanges::default();
    if let Some(name) = &patch.display_name {
        let name = accounts::validate_display_name(name)?;
        p.guard("display_name", &name)?;
        changes.display_name = Some(name);
    }
    if let Some(bio) = &patch.bio {
        let bio = accounts::validate_bio(bio)?;
        p.guard("bio", &bio)?;
        changes.bio = Some(bio);
    }
    if let Some(e) = &patch.avatar_emoji {
        changes.avatar_emoji = Some(accounts::validate_avatar_emoji(e)?);
    }
    if let Some(t) = &patch.theme {
        changes.theme = Some(accounts::validate_theme(t)?);
    }
    if let Some(l) = &patch.language {
        changes.language = Some(accounts::validate_language("language", l)?);
    }
    if let Some(v) = &patch.privacy {
        changes.privacy = Some(accounts::validate_privacy(v)?);
    }
    if let Some(prefs) = &patch.prefs {
        if !prefs.is_object() {
            return Err(Error::invalid(
                "prefs",
                "invalid_prefs",
                "Preferences must be a JSON object.",
            ));
        }
        let text = prefs.to_string();
        if text.len() > MAX_PREFS_BYTES {
            return Err(Error::invalid(
                "prefs",
                "invalid_prefs",
                format!("Preferences can take at most {MAX_PREFS_BYTES} bytes."),
            ));
        }
        changes.prefs = Some(text);
    }
    if let Some(n) = &patch.notifications {
        let mutable = crate::store::notifications::MUTABLE;
        if n.iter()
            .any(|(k, v)| !mutable.contains(&k.as_str()) || !v.is_boolean())
        {
            return Err(Error::invalid(
                "notifications",
                "invalid_notifications",
                format!(
                    "Notification settings are true or false for: {}.",
                    mutable.join(", ")
                ),
            ));
        }
    }
    if let Some(band) = &patch.age_band {
        changes.age_band = Some(accounts::parse_age_band(band)?);
    }
    let border = patch.avatar_border.clone();
    let notifications = patch.notifications.clone();
    let renamed = changes.display_name.is_some();
    let now = crate::time::now();
    let view = cx
        .app
        .db
        .write(move |tx| {
            if let Some(b) = border {
                let need = crate::domain::rewards::border_level(&b).ok_or_else(|| {
                    Error::invalid(
                        "avatar_border",
                        "invalid_border",
                        "That border does not exist.",
                    )
                })?;
                let xp: i64 =
                    tx.query_row("SELECT xp FROM profiles WHERE user_id = ?1", [id], |r| {
                        r.get(0)
                    })?;
                if accounts::level_for_xp(xp) < need {
                    return Err(Error::invalid(
                        "avatar_border",
                        "border_locked",
                        format!("Reach level {need} to unlock this border."),
                    ));
                }
                changes.avatar_border = Some(b);
            }
            if let Some(n) = notifications {
                let current: String = tx.query_row(
                    "SELECT notify FROM profiles WHERE user_id = ?1",
                    [id],
                    |r| r.get(0),
                )?;
                let mut merged: serde_json::Map<String, Value> =
                    serde_json::from_str(&current).unwrap_or_default();
                merged.extend(n);
                changes.notify = Some(Value::Object(merged).to_string());
            }
            store::update_profile(tx, id, &changes, now)?;
            if renamed {
                crate::store::stories::resync_author(tx, id)?;
            }
            store::load_view(tx, id)?
                .ok_or_else(|| Error::not_found("user_not_found", "This account no longer exists."))
        })
        .await?;
    Ok(ok(&view))
}

/// Checks the caller's password, counting failures against the per-account limit.
pub(super) async fn confirm_password(
    cx: &Ctx<'_>,
    id: i64,
    password: &str,
) -> Result<store::Credentials> {
    // Taken before the hash (as at login) and given back when the password is right.
    // The tight bucket: whoever holds this session gets a few guesses, not the looser
    // sign-in ceiling.
    let key = format!("account:{id}");
    cx.app.limits.login_account_ip.hit(&key)?;
    let creds = cx
        .app
        .db
        .read(move |c| store::credentials_by_id(c, id).map_err(Error::from))
        .await?
        .ok_or_else(|| Error::not_found("user_not_found", "This account no longer exists."))?;
    if !cx
        .app
        .passwords
        .verify(password, Some(creds.password_hash.clone()))
        .await?
    {
        return Err(Error::forbidden(
            "wrong_password",
            "That password is not right.",
        ));
    }
    cx.app.limits.login_account_ip.reset(&key);
    Ok(creds)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PasswordChange {
    current_password: String,
    new_password: String,
}

/// `POST /api/me/password`: every session ends; this device gets a fresh one.
pub async fn change_password(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let body: PasswordChange = cx.req.json().await?;
    accounts::validate_password("new_password", &body.new_password, user.role)?;
    if body.new_password == body.current_password {
        return Err(Error::invalid(
            "new_password",
            "password_unchanged",
            "The new password must be different from the old one.",
        ));
    }
    confirm_password(cx, user.id, &body.current_password).await?;
    let hash = cx.app.passwords.hash(&body.new_password).await?;
    let (now, ttl, ua, ip) = (
        crate::time::now(),
        refresh_ttl(cx.app),
        cx.req.user_agent(),
        cx.ip(),
    );
    let id = user.id;
    let issued = cx
        .app
        .db
        .write(move |tx| {
            store::set_password(tx, id, &hash, now)?;
            let ended = sessions::revoke_all(tx, id, "password_changed", now, None)?;
            let issued = sessions::create(tx, id, now, ttl, &ua, &ip)?;
            let detail = json!({ "sessions_ended": ended });
            audit::record(
                tx,
                Some(id),
                "password_changed",
                Some(("user", id.to_string())),
                Some(&ip),
                &detail,
            )?;
            Ok(issued)
        })
        .await?;
    cx.app
        .hub
        .close_user(id, crate::realtime::protocol::close::SIGNED_OUT);
    Ok(ok(&tokens_json(
        cx.app,
        user.id,
        user.role.as_str(),
        &issued,
    )))
}

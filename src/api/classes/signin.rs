//! Signing in without typing: a class's sign-in page (the class code, a short link or a QR code
//! leads there) shows the children as tiles, a child taps their name and then their pictures;
//! or a printed card's QR code signs the child in at once. Both are open only while the
//! teacher's sign-in rule says so, and pass the same limits as every sign-in.

use serde::Deserialize;
use serde_json::json;

use crate::api::ctx::Ctx;
use crate::api::users::auth::{active, address_gate, authenticate, start_session};
use crate::api::users::session_json;
use crate::domain::encoding::clean_code;
use crate::domain::pictures::{PICTURES, secret};
use crate::error::{Error, Result};
use crate::http::response::{Response, ok};
use crate::store::classroom::{self as store, ClassRow};

use super::JOIN_CODE_LEN;

/// The class behind a sign-in code. An unknown code costs the address a try (only failures
/// count), so codes cannot be walked, on a trusted network too; a class of 30 opening the page
/// costs nothing.
async fn class_by_code(cx: &Ctx<'_>) -> Result<ClassRow> {
    let unknown = || {
        Error::not_found(
            "invalid_code",
            "We could not find that class. Check the code with your teacher.",
        )
    };
    // The code may arrive typed with a space ("k7q p2a"), percent-encoded in the path.
    let raw = crate::http::request::percent_decode(cx.req.params.key(0)?).unwrap_or_default();
    let found = match clean_code(&raw, JOIN_CODE_LEN) {
        Some(code) => {
            cx.app
                .db
                .read(move |c| Ok(store::by_code(c, &code)?))
                .await?
        }
        None => None,
    };
    match found {
        Some(class) => Ok(class),
        None => {
            // A school LAN skips the sign-in bucket, but walking codes costs there too.
            if cx.app.limits.is_trusted(cx.req.ip) {
                cx.app.limits.code_tries.hit(&cx.ip_key())?;
            } else {
                cx.app.limits.login_ip.hit(&cx.ip_key())?;
            }
            Err(unknown())
        }
    }
}

/// 403 for a class whose sign-in is not open now, in words for the child at the tablet.
fn require_open(class: &ClassRow) -> Result<()> {
    if class.archived {
        return Err(Error::forbidden(
            "class_archived",
            "This class has finished for the year. Ask your teacher how to sign in now.",
        ));
    }
    if !class.open_at(crate::time::now()) {
        return Err(Error::forbidden(
            "class_closed",
            "Class sign-in is closed right now. Ask your teacher to open it.",
        ));
    }
    Ok(())
}

/// `GET /api/class-signin/{code}`: the class's name and its children as tiles.
pub async fn page(cx: &mut Ctx<'_>) -> Result<Response> {
    let class = class_by_code(cx).await?;
    require_open(&class)?;
    let id = class.id;
    let kids = cx.app.db.read(move |c| Ok(store::tiles(c, id)?)).await?;
    let pictures: Vec<_> = PICTURES
        .iter()
        .map(|(id, emoji)| json!({ "id": id, "emoji": emoji }))
        .collect();
    Ok(ok(&json!({
        "class": { "name": class.name, "teacher_name": class.teacher_name },
        "children": kids,
        "pictures": pictures,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TapBody {
    user_id: i64,
    #[serde(default)]
    picture: Option<Vec<String>>,
    #[serde(default)]
    password: Option<String>,
}

/// `POST /api/class-signin/{code}`: a child of the class signs in with their pictures (or
/// typed password); failed tries are limited per child and address like any sign-in.
pub async fn sign_in(cx: &mut Ctx<'_>) -> Result<Response> {
    let class = class_by_code(cx).await?;
    let trusted = address_gate(cx).await?;
    require_open(&class)?;
    let body: TapBody = cx.req.json_small().await?;
    let secret = secret("picture", body.password.as_deref(), body.picture.as_deref())?;
    let (cid, kid) = (class.id, body.user_id);
    let username = cx
        .app
        .db
        .read(move |c| Ok(store::member_username(c, cid, kid)?))
        .await?
        .ok_or_else(|| Error::not_found("not_found", "That name is not in this class."))?;
    let (view, issued) = authenticate(cx, username, secret.as_str(), trusted)
        .await
        .map_err(|e| match e.code() {
            "invalid_credentials" => Error::unauthorized(
                "wrong_pictures",
                "Those are not your pictures. Try again, or ask your teacher.",
            ),
            _ => e,
        })?;
    Ok(ok(&session_json(cx.app, &view, &issued)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CardBody {
    secret: String,
}

/// `POST /api/auth/card`: the secret from a printed card's QR code signs its child in. A card
/// from an older print, of a child who left, or of a class that has finished, says so.
pub async fn card(cx: &mut Ctx<'_>) -> Result<Response> {
    let trusted = address_gate(cx).await?;
    let body: CardBody = cx.req.json_small().await?;
    let revoked = || {
        Error::unauthorized(
            "card_revoked",
            "This card does not work any more. Ask your teacher for a new one.",
        )
    };
    // Secrets are 24 random bytes in base64url: anything else is not a card.
    if body.secret.len() != 32
        || !body
            .secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(revoked());
    }
    let s = body.secret;
    let found = cx
        .app
        .db
        .read(move |c| {
            let Some((kid, class)) = store::card_owner(c, &s)? else {
                return Ok(None);
            };
            let creds = crate::store::users::credentials_by_id(c, kid)?;
            Ok(store::class(c, class)?.zip(creds))
        })
        .await?;
    let Some((class, creds)) = found else {
        return Err(revoked());
    };
    require_open(&class)?;
    active(&creds.status, creds.suspended_until)?;
    let (view, issued) = start_session(cx, creds.id, trusted).await?;
    Ok(ok(&session_json(cx.app, &view, &issued)))
}

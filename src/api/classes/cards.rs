//! Printable sign-in cards: one per child, with their name, avatar, pictures in order and a QR
//! code holding a fresh secret. Printing new cards makes the old ones stop working.

use serde_json::{Value, json};

use super::active_class;
use crate::api::ctx::Ctx;
use crate::domain::classroom::qr_svg;
use crate::error::{Error, Result};
use crate::http::response::{Response, created};
use crate::store::audit;
use crate::store::classroom as store;

/// Where the QR codes point: the configured public address, or the address the teacher's
/// browser used (a classroom server is often reached by its LAN address).
pub(super) fn origin(cx: &Ctx<'_>) -> String {
    if let Some(o) = cx.app.config.public_origin() {
        return o.to_string();
    }
    let host = cx
        .req
        .header("host")
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// The class sign-in page's short link and its QR code.
pub(super) fn signin_link(cx: &Ctx<'_>, code: Option<&str>) -> Value {
    let Some(code) = code else {
        return Value::Null;
    };
    let url = format!("{}/c/{code}", origin(cx));
    json!({ "url": url, "qr_svg": qr_svg(&url) })
}

/// `POST /api/classes/{id}/cards`: new cards for every child of the class.
pub async fn print(cx: &mut Ctx<'_>) -> Result<Response> {
    let (me, class) = active_class(cx).await?;
    let (now, ip, tid, cid) = (crate::time::now(), cx.ip(), me.id, class.id);
    let (cards, view) = cx
        .app
        .db
        .write(move |tx| {
            let cards = store::issue_cards(tx, cid, now)?;
            audit::record(
                tx,
                Some(tid),
                "class_cards_printed",
                Some(("class", cid.to_string())),
                Some(&ip),
                &json!({ "cards": cards.len() }),
            )?;
            Ok((cards, super::class_view(tx, cid)?))
        })
        .await?;
    let base = origin(cx);
    let mut out = Vec::with_capacity(cards.len());
    for c in cards {
        let url = format!("{base}/card#{}", c.secret);
        let qr = qr_svg(&url).ok_or_else(|| Error::internal("card QR code too long"))?;
        out.push(json!({
            "user_id": c.user_id, "username": c.username, "display_name": c.display_name,
            "avatar_emoji": c.avatar_emoji,
            "pictures": c.pictures.as_deref().map(super::roster::pictures_json),
            "url": url, "qr_svg": qr,
        }));
    }
    let link = signin_link(cx, view["join_code"].as_str());
    Ok(created(
        &json!({ "class": view, "cards": out, "signin": link }),
    ))
}

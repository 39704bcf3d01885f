//! Images: `POST /api/media` (raw PNG/JPEG/WebP body) and `GET /media/{id}`.
//!
//! Bytes are stored in SQLite under their SHA-256, so one file holds everything and the same
//! picture uploaded twice is stored once. A picture used by a published story is public and
//! cached for a year; any other picture is served only through a signed URL the API hands to
//! the people allowed to see it (an `<img>` cannot send a bearer token).

use hyper::StatusCode;
use hyper::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, HeaderValue, IF_NONE_MATCH};
use rusqlite::{OptionalExtension, params};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::api::ctx::Ctx;
use crate::auth::tokens::TokenKeys;
use crate::domain::drawing::is_media_id;
use crate::domain::encoding::hex;
use crate::domain::media::sniff;
use crate::error::{Error, Result};
use crate::http::response::{Response, created, empty, etag_matches, with_body};
use crate::store::media::{Signer, is_public};

/// Private pictures get URLs signed with the server's key (valid to the end of tomorrow, so
/// the URL stays the same all day and browsers can cache it); public ones stay plain.
impl Signer for TokenKeys {
    fn media_url(&self, id: &str, public: bool) -> String {
        if public {
            return format!("/media/{id}");
        }
        let exp = (crate::time::now().div_euclid(86_400) + 2) * 86_400;
        let sig = self.mac("media", &format!("{id}|{exp}"));
        format!("/media/{id}?exp={exp}&sig={sig}")
    }
}

/// `POST /api/media`: the body is the image itself.
pub async fn upload(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    cx.app.limits.uploads.hit(&format!("user:{user}"))?;
    if let Some(ct) = cx.req.header(CONTENT_TYPE) {
        let mime = ct
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if !mime.starts_with("image/") && mime != "application/octet-stream" {
            return Err(Error::UnsupportedMediaType {
                expected: "image/png, image/jpeg or image/webp",
            });
        }
    }
    let bytes = cx.req.body_bytes(cx.app.config.max_upload_bytes).await?;
    if bytes.is_empty() {
        return Err(Error::bad_request(
            "empty_body",
            "Send the picture as the request body.",
        ));
    }
    let info = sniff(&bytes).map_err(|e| Error::invalid("body", "invalid_image", e.to_string()))?;
    let id = hex(&Sha256::digest(&bytes));
    let size = bytes.len();
    let now = crate::time::now();
    let stored_id = id.clone();
    cx.app
        .db
        .write(move |tx| {
            tx.execute(
                "INSERT OR IGNORE INTO media (id, mime, size, width, height, owner_id, created_at, bytes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![stored_id, info.mime, size as i64, info.width, info.height, user, now, &bytes[..]],
            )?;
            tx.execute(
                "INSERT OR IGNORE INTO media_uploads (media_id, user_id, created_at) VALUES (?1, ?2, ?3)",
                params![stored_id, user, now],
            )?;
            Ok(())
        })
        .await?;
    let public = {
        let id = id.clone();
        cx.app
            .db
            .read(move |c| is_public(c, &id).map_err(Error::from))
            .await?
    };
    Ok(created(&json!({
        "id": id,
        "url": cx.app.tokens.media_url(&id, public),
        "mime": info.mime,
        "width": info.width,
        "height": info.height,
        "size": size,
    })))
}

/// `GET /media/{id}`.
pub async fn serve(cx: &mut Ctx<'_>) -> Result<Response> {
    let id = cx.req.params.key(0)?.to_string();
    let not_found = || Error::not_found("media_not_found", "There is no picture here.");
    if !is_media_id(&id) {
        return Err(not_found());
    }
    let etag = format!("\"{}\"", &id[..32]);
    let lookup = id.clone();
    let found = cx
        .app
        .db
        .read(move |c| {
            let row: Option<(String, Vec<u8>)> = c
                .query_row(
                    "SELECT mime, bytes FROM media WHERE id = ?1",
                    [&lookup],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            match row {
                Some((mime, bytes)) => Ok(Some((mime, bytes, is_public(c, &lookup)?))),
                None => Ok(None),
            }
        })
        .await?;
    let Some((mime, bytes, public)) = found else {
        return Err(not_found());
    };
    if !public {
        let exp: i64 = cx
            .req
            .query("exp")
            .and_then(|e| e.parse().ok())
            .unwrap_or(0);
        let sig = cx.req.query("sig").unwrap_or_default();
        let valid = exp > crate::time::now()
            && cx
                .app
                .tokens
                .mac_matches("media", &format!("{id}|{exp}"), &sig);
        if !valid {
            // Not 403: a private picture's existence is not for strangers to learn.
            return Err(not_found());
        }
    }
    let cache = if public {
        "public, max-age=31536000, immutable"
    } else {
        "private, max-age=86400"
    };
    let mut resp = if etag_matches(cx.req.headers().get(IF_NONE_MATCH), &etag) {
        empty(StatusCode::NOT_MODIFIED)
    } else {
        with_body(StatusCode::OK, "application/octet-stream", bytes)
    };
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&mime) {
        h.insert(CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(ETAG, v);
    }
    h.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    Ok(resp)
}

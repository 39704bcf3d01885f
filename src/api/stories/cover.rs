//! `GET /covers/{id}`: the cover made for a story whose author picked none (see
//! `domain::cover`). Public like the story; a URL with the current version is cached for a year
//! like other media, any other for five minutes.

use hyper::StatusCode;
use hyper::header::{CACHE_CONTROL, ETAG, HeaderValue, IF_NONE_MATCH};

use crate::api::ctx::Ctx;
use crate::error::{Error, Result};
use crate::http::response::{Response, empty, etag_matches, with_body};
use crate::store::covers;

pub async fn serve(cx: &mut Ctx<'_>) -> Result<Response> {
    let id = cx.req.params.id(0)?;
    let not_found = || Error::not_found("story_not_found", "There is no such story.");
    let asked: Option<i64> = cx.req.query("v").and_then(|v| v.parse().ok());
    let inm = cx.req.headers().get(IF_NONE_MATCH).cloned();
    let found = cx
        .app
        .db
        .read(move |c| {
            let Some(version) = covers::version(c, id)? else {
                return Ok(None);
            };
            let etag = format!("\"cover-{id}-{version}\"");
            // A browser that has this version already gets no body (and nothing is drawn).
            if etag_matches(inm.as_ref(), &etag) {
                return Ok(Some((version, etag, None)));
            }
            Ok(covers::render(c, id)?.map(|svg| (version, etag, Some(svg))))
        })
        .await?;
    let Some((version, etag, svg)) = found else {
        return Err(not_found());
    };
    let mut resp = match svg {
        Some(svg) => with_body(StatusCode::OK, "image/svg+xml", svg.into_bytes()),
        None => empty(StatusCode::NOT_MODIFIED),
    };
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(ETAG, v);
    }
    let cache = if asked == Some(version) {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    };
    h.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    Ok(resp)
}

//! Building responses.

use bytes::Bytes;
use http_body_util::Full;
use hyper::StatusCode;
use hyper::header::{CACHE_CONTROL, CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use serde::Serialize;

use crate::error::Error;

/// Every response body is a complete buffer.
pub type Body = Full<Bytes>;
/// The response type handlers return.
pub type Response = hyper::Response<Body>;

/// A response with a body and content type.
pub fn with_body(
    status: StatusCode,
    content_type: &'static str,
    body: impl Into<Bytes>,
) -> Response {
    let mut resp = hyper::Response::new(Full::new(body.into()));
    *resp.status_mut() = status;
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    resp
}

/// A JSON response; API answers are never cached by the browser.
pub fn json_response<T: Serialize + ?Sized>(status: StatusCode, value: &T) -> Response {
    let (status, body) = match serde_json::to_vec(value) {
        Ok(b) => (status, b),
        Err(_) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            br#"{"error":{"code":"internal_error","message":"Something went wrong on our side."}}"#
                .to_vec(),
        ),
    };
    let mut resp = with_body(status, "application/json", body);
    resp.headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

/// 200 with JSON.
pub fn ok<T: Serialize + ?Sized>(value: &T) -> Response {
    json_response(StatusCode::OK, value)
}

/// 201 with JSON.
pub fn created<T: Serialize + ?Sized>(value: &T) -> Response {
    json_response(StatusCode::CREATED, value)
}

/// An empty response with a status (204, 304, ...).
pub fn empty(status: StatusCode) -> Response {
    let mut resp = hyper::Response::new(Full::new(Bytes::new()));
    *resp.status_mut() = status;
    resp
}

/// True when an `If-None-Match` header value matches `etag` (weak comparison, as RFC 9110
/// prescribes for GET).
pub fn etag_matches(if_none_match: Option<&HeaderValue>, etag: &str) -> bool {
    let Some(value) = if_none_match.and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
    let want = bare(etag);
    value.split(',').any(|t| t.trim() == "*" || bare(t) == want)
}

/// The HTTP side of the one error envelope (`error` knows statuses and codes, not responses).
pub trait ErrorResponse {
    /// The full HTTP response; internal details are logged here, once.
    fn into_response(self) -> Response;
    /// The same, with the message in Tagalog when `tagalog` (and the app has the words).
    fn into_response_in(self, tagalog: bool) -> Response;
}

impl ErrorResponse for Error {
    fn into_response(self) -> Response {
        self.into_response_in(false)
    }

    fn into_response_in(self, tagalog: bool) -> Response {
        if let Error::Internal(detail) = &self {
            crate::log_error!("internal error: {detail}");
        }
        let mut body = self.body();
        if tagalog && let Some(text) = self.message_tl() {
            body["error"]["message"] = serde_json::Value::String(text);
        }
        let mut resp = json_response(self.status(), &body);
        match &self {
            Error::RateLimited { retry_after } => {
                resp.headers_mut()
                    .insert(RETRY_AFTER, HeaderValue::from(*retry_after));
            }
            Error::MethodNotAllowed { allow } => {
                resp.headers_mut()
                    .insert(hyper::header::ALLOW, HeaderValue::from_static(allow));
            }
            Error::Unavailable { .. } => {
                resp.headers_mut()
                    .insert(RETRY_AFTER, HeaderValue::from_static("5"));
            }
            // Whatever is left of an oversized body is not worth reading on this connection.
            Error::PayloadTooLarge { .. } => {
                resp.headers_mut()
                    .insert(hyper::header::CONNECTION, HeaderValue::from_static("close"));
            }
            _ => {}
        }
        resp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_compare_weakly_and_in_lists() {
        let h = |s: &'static str| HeaderValue::from_static(s);
        assert!(etag_matches(Some(&h("\"abc\"")), "\"abc\""));
        assert!(etag_matches(Some(&h("W/\"abc\"")), "\"abc\""));
        assert!(etag_matches(Some(&h("\"x\", \"abc\"")), "\"abc\""));
        assert!(etag_matches(Some(&h("*")), "\"abc\""));
        assert!(!etag_matches(Some(&h("\"abd\"")), "\"abc\""));
        assert!(!etag_matches(None, "\"abc\""));
    }
}

//! The one error type handlers return, and its single mapping to HTTP.
//!
//! Every error reaches the client as `{"error":{"code":"snake_case","message":"..."}}` with the
//! right status. Internal errors are logged with their detail and answered with a generic
//! message: nothing about SQL, files or panics leaks.

use std::fmt;

use hyper::StatusCode;
use serde_json::{Map, Value, json};

/// What went wrong, in terms a client can act on.
#[derive(Debug)]
pub enum Error {
    /// 400: the request is malformed.
    BadRequest { code: &'static str, message: String },
    /// 401: no, bad or expired credentials.
    Unauthorized { code: &'static str, message: String },
    /// 403: authenticated but not allowed.
    Forbidden { code: &'static str, message: String },
    /// 404: no such thing (or not visible to this user).
    NotFound { code: &'static str, message: String },
    /// 405: the path exists with other methods.
    MethodNotAllowed { allow: &'static str },
    /// 409: conflicts with current state.
    Conflict { code: &'static str, message: String },
    /// 413: body larger than the limit.
    PayloadTooLarge { limit: usize },
    /// 415: a body type we do not take here.
    UnsupportedMediaType { expected: &'static str },
    /// 422: well-formed but invalid; `field` names the input, `words` lists profanity found.
    Validation {
        code: &'static str,
        message: String,
        field: Option<&'static str>,
        words: Vec<String>,
        /// What a text refusal found, for the writer's violation record; never sent.
        found: Vec<String>,
    },
    /// 429: slow down; retry after this many seconds.
    RateLimited { retry_after: u64 },
    /// 408: the client was too slow sending its request.
    RequestTimeout,
    /// 503: temporarily unable (overloaded, shutting down, timed out inside).
    Unavailable { code: &'static str, message: String },
    /// 507: the data disk is full, so nothing new can be stored.
    StorageFull,
    /// 507: a backup would not fit on the data disk (sizes in bytes).
    NoRoomForBackup { needed: u64, free: u64 },
    /// 500: a bug or an environment failure; the detail is logged, never sent.
    Internal(String),
}

/// A field's name in words, for messages.
fn field_name(field: &str) -> &'static str {
    match field {
        "title" => "title",
        "summary" => "summary",
        "text" | "pages" => "story text",
        "comment" => "comment",
        "message" | "chat" => "message",
        "bio" => "about-me",
        "username" => "username",
        "display_name" | "name" => "name",
        "description" => "description",
        "drawing" => "drawing's words",
        "idea" => "idea",
        _ => "text",
    }
}

/// A personal detail's kind in words.
fn kind_name(kind: &str) -> &'static str {
    match kind {
        "phone" => "phone number",
        "email" => "e-mail address",
        "link" => "link",
        "handle" => "social media name",
        _ => "address",
    }
}

impl Error {
    /// 400 with a code and message.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Error::BadRequest {
            code,
            message: message.into(),
        }
    }
    /// 401 with a code and message.
    pub fn unauthorized(code: &'static str, message: impl Into<String>) -> Self {
        Error::Unauthorized {
            code,
            message: message.into(),
        }
    }
    /// 403 with a code and message.
    pub fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        Error::Forbidden {
            code,
            message: message.into(),
        }
    }
    /// 404 with a code and message.
    pub fn not_found(code: &'static str, message: impl Into<String>) -> Self {
        Error::NotFound {
            code,
            message: message.into(),
        }
    }
    /// 409 with a code and message.
    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Error::Conflict {
            code,
            message: message.into(),
        }
    }
    /// 422 about one field.
    pub fn invalid(field: &'static str, code: &'static str, message: impl Into<String>) -> Self {
        Error::Validation {
            code,
            message: message.into(),
            field: Some(field),
            words: Vec::new(),
            found: Vec::new(),
        }
    }
    /// 422 because a field holds words that are not allowed. `hints` show each word's first
    /// letter only (`s***`), so a refusal never spells a rude word out for a child to read.
    pub fn profanity(field: &'static str, hints: Vec<String>, found: Vec<String>) -> Self {
        Error::Validation {
            code: "profanity",
            message: format!(
                "Please use kind words in the {}. Some words here are not allowed.",
                field_name(field)
            ),
            field: Some(field),
            words: hints,
            found,
        }
    }
    /// 422 because a field holds a phone number, an address, an e-mail, a link or a handle
    /// (`kind` says which, in `words`).
    pub fn personal(field: &'static str, kind: &'static str) -> Self {
        Error::Validation {
            code: "personal_details",
            message: format!(
                "Keep your phone number and home address secret. Please take the {} out of the {}.",
                kind_name(kind),
                field_name(field)
            ),
            field: Some(field),
            words: vec![kind.to_string()],
            found: vec![kind.to_string()],
        }
    }
    /// For the refusals that count on the writer's record: the flag kind, the field and what
    /// was found.
    pub fn text_violation(&self) -> Option<(&'static str, &'static str, Vec<String>)> {
        match self {
            Error::Validation {
                code: code @ ("profanity" | "personal_details"),
                field,
                found,
                ..
            } => Some((code, field.unwrap_or("text"), found.clone())),
            _ => None,
        }
    }
    /// 503 with a code and message.
    pub fn unavailable(code: &'static str, message: impl Into<String>) -> Self {
        Error::Unavailable {
            code,
            message: message.into(),
        }
    }
    /// 500; `detail` is logged only.
    pub fn internal(detail: impl Into<String>) -> Self {
        Error::Internal(detail.into())
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            Error::BadRequest { .. } => StatusCode::BAD_REQUEST,
            Error::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            Error::Forbidden { .. } => StatusCode::FORBIDDEN,
            Error::NotFound { .. } => StatusCode::NOT_FOUND,
            Error::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            Error::Conflict { .. } => StatusCode::CONFLICT,
            Error::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Error::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Error::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Error::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Error::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            Error::Unavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
            Error::StorageFull | Error::NoRoomForBackup { .. } => StatusCode::INSUFFICIENT_STORAGE,
            Error::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable snake_case code clients switch on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::BadRequest { code, .. }
            | Error::Unauthorized { code, .. }
            | Error::Forbidden { code, .. }
            | Error::NotFound { code, .. }
            | Error::Conflict { code, .. }
            | Error::Validation { code, .. }
            | Error::Unavailable { code, .. } => code,
            Error::MethodNotAllowed { .. } => "method_not_allowed",
            Error::PayloadTooLarge { .. } => "payload_too_large",
            Error::UnsupportedMediaType { .. } => "unsupported_media_type",
            Error::RateLimited { .. } => "rate_limited",
            Error::RequestTimeout => "request_timeout",
            Error::StorageFull => "storage_full",
            Error::NoRoomForBackup { .. } => "backup_no_room",
            Error::Internal(_) => "internal_error",
        }
    }

    /// The human message sent to the client.
    pub fn message(&self) -> String {
        match self {
            Error::BadRequest { message, .. }
            | Error::Unauthorized { message, .. }
            | Error::Forbidden { message, .. }
            | Error::NotFound { message, .. }
            | Error::Conflict { message, .. }
            | Error::Validation { message, .. }
            | Error::Unavailable { message, .. } => message.clone(),
            Error::MethodNotAllowed { allow } => {
                format!("This address does not take that method. Allowed: {allow}.")
            }
            Error::PayloadTooLarge { limit } => {
                format!("The request body is too large (the limit is {limit} bytes).")
            }
            Error::UnsupportedMediaType { expected } => {
                format!("Send the body as {expected}.")
            }
            Error::RateLimited { retry_after } => {
                format!("Too many tries. Please wait {retry_after} seconds and try again.")
            }
            Error::RequestTimeout => "The request took too long to arrive.".to_string(),
            Error::StorageFull => "The computer PixelTales runs on is full, so nothing new can be \
                saved. A grown-up can free space on its data disk or make the disk bigger; saving \
                works again as soon as there is room."
                .to_string(),
            Error::NoRoomForBackup { needed, free } => format!(
                "There is not enough room on the data disk for a backup: it needs about {} MB \
                 and {} MB are free. Free space there, or keep fewer backups.",
                needed.div_ceil(1 << 20),
                free >> 20
            ),
            Error::Internal(_) => "Something went wrong on our side. Please try again.".to_string(),
        }
    }

    /// The message in Tagalog, from the app's own words (`None` when it has none for the code).
    pub fn message_tl(&self) -> Option<String> {
        let words = self.words();
        let mut vars = crate::error_tl::Vars {
            words: &words,
            ..Default::default()
        };
        match self {
            Error::Validation { field, .. } => vars.field = *field,
            Error::RateLimited { retry_after } => vars.seconds = Some(*retry_after),
            Error::PayloadTooLarge { limit } => vars.limit = Some(*limit),
            Error::MethodNotAllowed { allow } => vars.allow = Some(allow),
            _ => {}
        }
        crate::error_tl::message(self.code(), &vars)
    }

    /// Profanity found, for a 422 that names the words.
    pub fn words(&self) -> Vec<String> {
        match self {
            Error::Validation { words, .. } => words.clone(),
            _ => Vec::new(),
        }
    }

    /// The JSON envelope: `{"error":{"code","message",...}}`.
    pub fn body(&self) -> Value {
        let mut inner = Map::new();
        inner.insert("code".into(), json!(self.code()));
        inner.insert("message".into(), json!(self.message()));
        match self {
            Error::Validation { field, words, .. } => {
                if let Some(field) = field {
                    inner.insert("field".into(), json!(field));
                }
                if !words.is_empty() {
                    inner.insert("words".into(), json!(words));
                }
            }
            Error::RateLimited { retry_after } => {
                inner.insert("retry_after".into(), json!(retry_after));
            }
            Error::PayloadTooLarge { limit } => {
                inner.insert("limit".into(), json!(limit));
            }
            _ => {}
        }
        json!({ "error": inner })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Internal(detail) => write!(f, "internal error: {detail}"),
            other => write!(
                f,
                "{} ({}): {}",
                other.status(),
                other.code(),
                other.message()
            ),
        }
    }
}

impl std::error::Error for Error {}

impl From<crate::domain::accounts::FieldError> for Error {
    fn from(e: crate::domain::accounts::FieldError) -> Self {
        Error::Validation {
            code: e.code,
            message: e.message,
            field: Some(e.field),
            words: Vec::new(),
            found: Vec::new(),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match &e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DiskFull => {
                Error::StorageFull
            }
            _ => Error::Internal(format!("sqlite: {e}")),
        }
    }
}

impl From<r2d2::Error> for Error {
    fn from(e: r2d2::Error) -> Self {
        Error::Internal(format!("connection pool: {e}"))
    }
}

impl From<tokio::task::JoinError> for Error {
    fn from(e: tokio::task::JoinError) -> Self {
        Error::Internal(format!("blocking task failed: {e}"))
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Internal(format!("json: {e}"))
    }
}

/// Shorthand for handler results.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_do_not_leak_detail() {
        let e = Error::from(rusqlite::Error::InvalidQuery);
        let body = e.body().to_string();
        assert!(!body.contains("sqlite"), "{body}");
        assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(e.code(), "internal_error");
    }

    #[test]
    fn a_rude_word_refusal_names_the_field_and_only_hints_at_the_word() {
        let e = Error::profanity("display_name", vec!["d***".into()], vec!["darn".into()]);
        let body = e.body();
        assert_eq!(body["error"]["code"], "profanity");
        assert_eq!(body["error"]["field"], "display_name");
        assert_eq!(body["error"]["words"][0], "d***");
        assert!(!body.to_string().contains("darn"), "{body}");
        assert!(
            body["error"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("name"))
        );
        assert_eq!(e.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let (kind, field, found) = e.text_violation().expect("a text violation");
        assert_eq!(
            (kind, field, found),
            ("profanity", "display_name", vec!["darn".to_string()])
        );
    }
}

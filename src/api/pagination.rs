//! Lists: `?limit=` (default 20, max 100) and an opaque `cursor`, answered as
//! `{"items": [...], "next_cursor": "..." | null}`.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::domain::encoding::{b64url_decode, b64url_encode};
use crate::error::{Error, Result};
use crate::http::request::Request;

/// Default page size.
pub const DEFAULT_LIMIT: usize = 20;
/// Largest page size.
pub const MAX_LIMIT: usize = 100;

/// Reads `limit`, refusing nonsense with 400.
pub fn limit(req: &Request) -> Result<usize> {
    match req.query("limit") {
        None => Ok(DEFAULT_LIMIT),
        Some(v) => match v.parse::<usize>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            _ => Err(Error::bad_request(
                "invalid_limit",
                format!("limit must be 1 to {MAX_LIMIT}."),
            )),
        },
    }
}

/// Reads and decodes `cursor` (a value made by [`encode`]).
pub fn cursor<T: DeserializeOwned>(req: &Request) -> Result<Option<T>> {
    let Some(raw) = req.query("cursor").filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let bad = || {
        Error::bad_request(
            "invalid_cursor",
            "That page marker is not valid. Start again from the first page.",
        )
    };
    let bytes = b64url_decode(&raw).ok_or_else(bad)?;
    serde_json::from_slice(&bytes).map(Some).map_err(|_| bad())
}

/// Encodes a cursor value.
pub fn encode<T: Serialize>(value: &T) -> String {
    b64url_encode(&serde_json::to_vec(value).unwrap_or_default())
}

/// The list envelope.
#[derive(Serialize)]
pub struct List<T: Serialize> {
    /// This page.
    pub items: Vec<T>,
    /// Pass back as `cursor` for the next page; null at the end.
    pub next_cursor: Option<String>,
}

/// Splits off one extra row (fetched to learn whether there is a next page) and builds the
/// envelope, making the cursor from the last item kept.
pub fn page<T: Serialize, C: Serialize>(
    mut rows: Vec<T>,
    limit: usize,
    key: impl Fn(&T) -> C,
) -> List<T> {
    let more = rows.len() > limit;
    rows.truncate(limit);
    let next_cursor = if more {
        rows.last().map(|r| encode(&key(r)))
    } else {
        None
    };
    List {
        items: rows,
        next_cursor,
    }
}

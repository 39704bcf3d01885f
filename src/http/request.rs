//! The request handlers see: parsed path parameters, client IP, limited body reading, JSON.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::header::{AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, HeaderMap, USER_AGENT};
use serde::de::DeserializeOwned;
use tokio::sync::Semaphore;

use crate::error::{Error, Result};

/// How much of an oversized body is read and thrown away so the client sees the 413 instead of
/// a reset connection.
const DRAIN_CAP: usize = 16 << 20;
/// How long that draining may take.
const DRAIN_TIME: Duration = Duration::from_secs(5);

/// Values taken from the path by the router.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    /// Numeric ids in path order.
    pub ids: Vec<i64>,
    /// Text keys in path order.
    pub keys: Vec<String>,
}

impl Params {
    /// The `i`-th numeric id.
    pub fn id(&self, i: usize) -> Result<i64> {
        self.ids
            .get(i)
            .copied()
            .ok_or_else(|| Error::internal(format!("route has no id {i}")))
    }
    /// The `i`-th text key.
    pub fn key(&self, i: usize) -> Result<&str> {
        self.keys
            .get(i)
            .map(String::as_str)
            .ok_or_else(|| Error::internal(format!("route has no key {i}")))
    }
}

/// Limits shared by every request body.
#[derive(Clone, Debug)]
pub struct BodyLimits {
    /// Largest JSON body.
    pub json: usize,
    /// Time allowed for a body to arrive (408 after).
    pub timeout: Duration,
    /// Kibibytes of body that may be buffered at once across all requests: slow senders cannot
    /// hold unbounded memory between them.
    pub budget: Arc<Semaphore>,
}

impl BodyLimits {
    /// Limits from config.
    pub fn from_config(c: &crate::Config) -> BodyLimits {
        BodyLimits {
            json: c.max_json_bytes,
            timeout: c.request_timeout(),
            budget: Arc::new(Semaphore::new(c.max_body_memory / 1024)),
        }
    }
}

/// Account endpoints take small bodies only: nobody needs a megabyte to log in.
pub const SMALL_JSON: usize = 16 * 1024;

/// A request on its way to a handler.
pub struct Request {
    /// Method, URI, headers.
    pub parts: hyper::http::request::Parts,
    body: Option<Incoming>,
    /// The client's address (from the proxy header when trusted).
    pub ip: IpAddr,
    /// Path parameters.
    pub params: Params,
    limits: BodyLimits,
}

impl Request {
    /// Wraps hyper's request.
    pub fn new(req: hyper::Request<Incoming>, ip: IpAddr, limits: BodyLimits) -> Request {
        let (parts, body) = req.into_parts();
        Request {
            parts,
            body: Some(body),
            ip,
            params: Params::default(),
            limits,
        }
    }

    /// A header as text, if present and valid.
    pub fn header(&self, name: impl hyper::header::AsHeaderName) -> Option<&str> {
        self.parts.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.parts.headers
    }

    /// The bearer token from `Authorization`, if any.
    pub fn bearer(&self) -> Option<&str> {
        let value = self.header(AUTHORIZATION)?;
        let (scheme, token) = value.split_once(' ')?;
        scheme
            .eq_ignore_ascii_case("bearer")
            .then(|| token.trim())
            .filter(|t| !t.is_empty())
    }

    /// The user agent, shortened for storage.
    pub fn user_agent(&self) -> String {
        self.header(USER_AGENT)
            .unwrap_or("")
            .chars()
            .take(200)
            .collect()
    }

    /// A query parameter, percent-decoded (`+` is a space). A value that does not decode is
    /// returned as sent, so the handler's own checks refuse it instead of it silently vanishing.
    pub fn query(&self, key: &str) -> Option<String> {
        query_param(self.parts.uri.query()?, key)
    }

    /// Reads the whole body, refusing more than `limit` bytes with 413 and a body that takes
    /// longer than the request timeout with 408.
    pub async fn body_bytes(&mut self, limit: usize) -> Result<Bytes> {
        let Some(body) = self.body.take() else {
            return Ok(Bytes::new());
        };
        let declared = self
            .header(CONTENT_LENGTH)
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|len| len > limit as u64) {
            // A client waiting for "100 Continue" has not sent the body: refuse without asking
            // for it. Otherwise read a bounded amount so it sees the 413, not a reset.
            let waiting = self
                .header(hyper::header::EXPECT)
                .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"));
            if !waiting {
                drain(body, 0).await;
            }
            return Err(Error::PayloadTooLarge { limit });
        }
        let want = declared
            .map_or(limit, |d| d as usize)
            .min(limit)
            .div_ceil(1024)
            .max(1);
        let want = u32::try_from(want).unwrap_or(u32::MAX);
        let budget = Arc::clone(&self.limits.budget);
        let permit = tokio::time::timeout(self.limits.timeout, budget.acquire_many_owned(want))
            .await
            .ok()
            .and_then(Result::ok)
            .ok_or_else(|| {
                Error::unavailable(
                    "busy",
                    "The server is very busy right now. Please try again.",
                )
            })?;
        let out = tokio::time::timeout(self.limits.timeout, read_limited(body, limit))
            .await
            .unwrap_or(Err(Error::RequestTimeout));
        drop(permit);
        out
    }

    /// Refuses bodies that say they are not JSON (415). A missing type is accepted.
    fn require_json_type(&self) -> Result<()> {
        match self.header(CONTENT_TYPE) {
            None => Ok(()),
            Some(ct) => {
                let mime = ct.split(';').next().unwrap_or("").trim();
                if mime.eq_ignore_ascii_case("application/json") {
                    Ok(())
                } else {
                    Err(Error::UnsupportedMediaType {
                        expected: "application/json",
                    })
                }
            }
        }
    }

    /// Reads and parses a JSON body (1 MiB limit by default).
    pub async fn json<T: DeserializeOwned>(&mut self) -> Result<T> {
        self.require_json_type()?;
        let bytes = self.body_bytes(self.limits.json).await?;
        parse_json(&bytes)
    }

    /// Reads and parses a small JSON body ([`SMALL_JSON`]), for account endpoints.
    pub async fn json_small<T: DeserializeOwned>(&mut self) -> Result<T> {
        self.require_json_type()?;
        let bytes = self.body_bytes(SMALL_JSON.min(self.limits.json)).await?;
        parse_json(&bytes)
    }

    /// Like [`Request::json`], but an empty body gives `None`.
    pub async fn json_opt<T: DeserializeOwned>(&mut self) -> Result<Option<T>> {
        self.require_json_type()?;
        let bytes = self.body_bytes(SMALL_JSON.min(self.limits.json)).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        parse_json(&bytes).map(Some)
    }
}

/// Collects a body up to `limit` bytes.
async fn read_limited(mut body: Incoming, limit: usize) -> Result<Bytes> {
    let mut buf = BytesMut::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| {
            Error::bad_request("body_read_failed", "The request body could not be read.")
        })?;
        if let Ok(data) = frame.into_data() {
            if buf.len() + data.len() > limit {
                drain(body, buf.len() + data.len()).await;
                return Err(Error::PayloadTooLarge { limit });
            }
            buf.extend_from_slice(&data);
        }
    }
    Ok(buf.freeze())
}

/// Parses JSON, telling malformed JSON (400 `invalid_json`) from well-formed JSON of the wrong
/// shape (400 `invalid_body`, naming the field).
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::bad_request(
            "invalid_json",
            "The request needs a JSON body.",
        ));
    }
    serde_json::from_slice(bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => {
            let text = e.to_string();
            let text = text.split(" at line ").next().unwrap_or(&text).to_string();
            Error::bad_request(
                "invalid_body",
                format!("The request body has a problem: {text}."),
            )
        }
        _ => Error::bad_request("invalid_json", "The request body is not valid JSON."),
    })
}

/// Reads and discards what is left of a body, up to a cap and a time limit.
async fn drain(mut body: Incoming, already: usize) {
    let _ = tokio::time::timeout(DRAIN_TIME, async {
        let mut seen = already;
        while let Some(Ok(frame)) = body.frame().await {
            if let Ok(data) = frame.into_data() {
                seen += data.len();
                if seen > DRAIN_CAP {
                    break;
                }
            }
        }
    })
    .await;
}

/// The client address. With `proxy_hops` = N > 0 it is the Nth `X-Forwarded-For` entry from the
/// right: each trusted proxy appends the address it saw, so entries further left came from the
/// client and prove nothing. IPv4-mapped IPv6 addresses are shown as IPv4.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, proxy_hops: usize) -> IpAddr {
    if proxy_hops > 0 {
        let entries: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        // Fewer entries than proxies: take the leftmost we have (the chain was shorter).
        let pick = entries.len().saturating_sub(proxy_hops);
        if let Some(ip) = entries.get(pick).and_then(|s| s.parse::<IpAddr>().ok()) {
            return ip.to_canonical();
        }
        // Behind a proxy, a request that did not come through it (no usable header) is from
        // somewhere else: never "this machine", which would open the loopback-only routes.
        let peer = peer.to_canonical();
        if peer.is_loopback() {
            return IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED);
        }
        return peer;
    }
    peer.to_canonical()
}

/// The key rate limits use for an address: IPv6 clients are grouped by /64, because one home
/// or school usually gets a whole /64 and could otherwise mint endless fresh keys.
pub fn limit_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

/// The first value of `key` in a raw query string, percent-decoded (a value that does not
/// decode is returned as sent). Never panics: it is a fuzz target.
pub fn query_param(query: &str, key: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(k).as_deref() == Some(key))
            .then(|| percent_decode(v).unwrap_or_else(|| v.to_string()))
    })
}

/// Decodes `%XX` escapes and `+`; `None` when the result is not UTF-8 or an escape is broken.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let v = u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
                out.push(v);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::header::HeaderValue;

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("a%20b+c").as_deref(), Some("a b c"));
        assert_eq!(percent_decode("%E2%9C%93").as_deref(), Some("✓"));
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%e"), None);
        assert_eq!(percent_decode("%ff"), None);
    }

    #[test]
    fn client_ip_counts_trusted_hops_from_the_right() {
        let ip = |s: &str| s.parse::<IpAddr>().expect("ip");
        let peer = ip("10.21.157.68");
        let mut h = HeaderMap::new();
        // Render: the client, then Cloudflare's edge; the peer is Render's proxy.
        h.insert(
            "x-forwarded-for",
            HeaderValue::from_static("99.61.165.29, 104.22.17.40"),
        );
        assert_eq!(
            client_ip(peer, &h, 0),
            peer,
            "not behind a proxy: the header is ignored"
        );
        assert_eq!(client_ip(peer, &h, 2), ip("99.61.165.29"));
        assert_eq!(client_ip(peer, &h, 1), ip("104.22.17.40"));
        // A client cannot choose its address by adding entries on the left.
        h.insert(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 99.61.165.29, 104.22.17.40"),
        );
        assert_eq!(client_ip(peer, &h, 2), ip("99.61.165.29"));
        h.insert("x-forwarded-for", HeaderValue::from_static("garbage"));
        assert_eq!(client_ip(peer, &h, 1), peer);
        // A proxy on this machine and no header: remote, not loopback (no /metrics).
        assert!(!client_ip(ip("127.0.0.1"), &HeaderMap::new(), 2).is_loopback());
        assert!(!client_ip(ip("::1"), &h, 1).is_loopback());
        assert_eq!(
            client_ip(ip("::ffff:127.0.0.1"), &HeaderMap::new(), 0),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn ipv6_clients_share_a_key_per_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().expect("ip");
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().expect("ip");
        assert_eq!(limit_key(a), limit_key(b));
        assert_eq!(limit_key("1.2.3.4".parse().expect("ip")), "1.2.3.4");
    }

    #[test]
    fn json_errors_tell_syntax_from_shape() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            name: String,
        }
        let e = parse_json::<T>(b"{").expect_err("syntax");
        assert_eq!(e.code(), "invalid_json");
        let e = parse_json::<T>(br#"{"name": 5}"#).expect_err("shape");
        assert_eq!(e.code(), "invalid_body");
        assert!(!e.message().contains("line"), "{}", e.message());
        let e = parse_json::<T>(b"  ").expect_err("empty");
        assert_eq!(e.code(), "invalid_json");
    }
}

//! The SPA, embedded in the binary.
//!
//! There is no build step, so asset names carry no content hash. Instead every asset is served
//! under `/static/<version>/...`, where the version is a hash of all embedded files: the files
//! can be cached for a year, and an upgrade changes every URL at once (ES module imports are
//! relative, so they inherit the prefix). `index.html` names the prefix and is never cached
//! without revalidation. Unknown non-API paths get `index.html` so deep links work.

use std::borrow::Cow;

use bytes::Bytes;
use hyper::StatusCode;
use hyper::header::{CACHE_CONTROL, ETAG, HeaderMap, HeaderValue, IF_NONE_MATCH};
use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};

use super::response::{Response, empty, etag_matches, with_body};
use crate::domain::encoding::hex;
use crate::http::response::ErrorResponse as _;

#[derive(RustEmbed)]
#[folder = "assets/"]
struct Assets;

/// Long-lived caching for versioned assets.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Revalidate every time (ETag makes that a 304).
const REVALIDATE: &str = "no-cache";

/// Extensions that name files; a missing one is a 404, not the SPA.
const FILE_EXTENSIONS: &[&str] = &[
    "js",
    "mjs",
    "css",
    "png",
    "jpg",
    "jpeg",
    "webp",
    "gif",
    "svg",
    "ico",
    "json",
    "webmanifest",
    "txt",
    "map",
    "woff",
    "woff2",
    "wasm",
    "html",
];

/// The prepared SPA.
pub struct Spa {
    version: String,
    index: Bytes,
    index_etag: String,
}

impl Default for Spa {
    fn default() -> Self {
        Spa::new()
    }
}

impl Spa {
    /// Hashes the embedded files into a version and prepares `index.html`.
    pub fn new() -> Spa {
        let mut names: Vec<Cow<'static, str>> = Assets::iter().collect();
        names.sort();
        let mut h = Sha256::new();
        for name in &names {
            if let Some(f) = Assets::get(name) {
                h.update(name.as_bytes());
                h.update(f.metadata.sha256_hash());
            }
        }
        let version = hex(&h.finalize()[..6]);
        let template = Assets::get("index.html")
            .map(|f| String::from_utf8_lossy(&f.data).into_owned())
            .unwrap_or_else(|| "<!doctype html><title>PixelTales</title>".to_string());
        let index = template
            .replace("{{ASSET_BASE}}", &format!("/static/{version}"))
            .replace("{{VERSION}}", crate::VERSION);
        let index_etag = format!("\"{}\"", hex(&Sha256::digest(index.as_bytes())[..16]));
        Spa {
            version,
            index: Bytes::from(index),
            index_etag,
        }
    }

    /// The asset version (prefix segment).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Answers a GET/HEAD for a non-API path.
    pub fn serve(&self, path: &str, headers: &HeaderMap) -> Response {
        let inm = headers.get(IF_NONE_MATCH);
        if let Some(rest) = path.strip_prefix("/static/") {
            let Some((version, file)) = rest.split_once('/') else {
                return not_found();
            };
            let cache = if version == self.version {
                IMMUTABLE
            } else {
                REVALIDATE
            };
            return serve_asset(file, cache, inm);
        }
        let last = path.rsplit('/').next().unwrap_or("");
        let is_file = last
            .rsplit_once('.')
            .is_some_and(|(_, ext)| FILE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()));
        if is_file && path != "/index.html" {
            let file = path.trim_start_matches('/');
            // Root files (favicon, manifest) must keep fixed names, so they revalidate.
            return if file.contains('/') {
                not_found()
            } else {
                serve_asset(file, REVALIDATE, inm)
            };
        }
        if etag_matches(inm, &self.index_etag) {
            return not_modified(&self.index_etag, REVALIDATE);
        }
        let mut resp = with_body(
            StatusCode::OK,
            "text/html; charset=utf-8",
            self.index.clone(),
        );
        set_cache(&mut resp, &self.index_etag, REVALIDATE);
        resp
    }
}

fn serve_asset(file: &str, cache: &'static str, inm: Option<&HeaderValue>) -> Response {
    if file.is_empty()
        || file == "index.html"
        || file
            .split('/')
            .any(|s| s.is_empty() || s == ".." || s == ".")
    {
        return not_found();
    }
    let Some(asset) = Assets::get(file) else {
        return not_found();
    };
    let etag = format!("\"{}\"", hex(&asset.metadata.sha256_hash()[..16]));
    if etag_matches(inm, &etag) {
        return not_modified(&etag, cache);
    }
    let mime = asset.metadata.mimetype();
    let needs_charset =
        mime.starts_with("text/") || mime.contains("javascript") || mime.contains("json");
    let content_type = if needs_charset {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    };
    let body = match asset.data {
        Cow::Borrowed(b) => Bytes::from_static(b),
        Cow::Owned(v) => Bytes::from(v),
    };
    let mut resp = with_body(StatusCode::OK, "application/octet-stream", body);
    if let Ok(v) = HeaderValue::from_str(&content_type) {
        resp.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
    }
    set_cache(&mut resp, &etag, cache);
    resp
}

fn set_cache(resp: &mut Response, etag: &str, cache: &'static str) {
    if let Ok(v) = HeaderValue::from_str(etag) {
        resp.headers_mut().insert(ETAG, v);
    }
    resp.headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static(cache));
}

fn not_modified(etag: &str, cache: &'static str) -> Response {
    let mut resp = empty(StatusCode::NOT_MODIFIED);
    set_cache(&mut resp, etag, cache);
    resp
}

fn not_found() -> Response {
    crate::error::Error::not_found("not_found", "There is no file here.").into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_names_the_versioned_prefix() {
        let spa = Spa::new();
        let index = String::from_utf8_lossy(&spa.index).into_owned();
        assert!(
            index.contains(&format!("/static/{}/", spa.version())),
            "{index}"
        );
        assert!(!index.contains("{{"), "placeholders left in index.html");
    }

    #[test]
    fn traversal_and_index_are_refused_as_assets() {
        for bad in [
            "../Cargo.toml",
            "js/../../x",
            "",
            "index.html",
            "js//main.js",
        ] {
            assert_eq!(
                serve_asset(bad, IMMUTABLE, None).status(),
                StatusCode::NOT_FOUND,
                "{bad}"
            );
        }
    }
}

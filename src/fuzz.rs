//! Properties the fuzz targets (`fuzz/`, `make fuzz`) check on untrusted input; the
//! regression inputs in `fuzz/regressions/` run through the same functions in `make test`.
//! Each function panics when a property breaks and returns quietly otherwise.

use std::sync::OnceLock;

use hyper::Method;

use crate::domain::collab::{self, Doc, Page};
use crate::domain::drawing::Drawing;
use crate::domain::profanity::matcher::{Matcher, mask};
use crate::domain::profanity::normalize::{fold, readings};
use crate::domain::profanity::{Language, Severity, Word};
use crate::http::request::{percent_decode, query_param};
use crate::http::router::{Resolved, resolve};
use crate::realtime::protocol::{ClientMsg, decode, error_frame};

/// The drawing validator: any JSON fails with a field error or becomes a document that
/// serialises and validates again to the same document.
pub fn drawing(data: &[u8]) {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let Ok(doc) = Drawing::from_value(value) else {
        return;
    };
    let json = doc.to_json().expect("a valid document serialises");
    let again: serde_json::Value = serde_json::from_str(&json).expect("it is JSON");
    let doc2 = Drawing::from_value(again).expect("a serialised document validates again");
    assert_eq!(
        doc2.to_json().expect("serialises"),
        json,
        "round trip changed the document"
    );
}

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let words = [
            ("damn", Language::En, Severity::Mild),
            ("shit", Language::En, Severity::Severe),
            ("stupid idiot", Language::En, Severity::Mild),
            ("gago", Language::Tl, Severity::Severe),
            ("putang ina", Language::Tl, Severity::Severe),
            ("ñañá", Language::Tl, Severity::Mild),
        ];
        let list = words
            .iter()
            .enumerate()
            .map(|(i, (text, language, severity))| Word {
                id: i as i64 + 1,
                text: (*text).to_string(),
                language: *language,
                severity: *severity,
                active: true,
            })
            .collect();
        Matcher::with_allowlist(list, &["scunthorpe", "class"])
    })
}

/// The profanity normaliser and matcher: every hit is a char-boundary range inside the text,
/// and masking never makes a hit where there was none.
pub fn profanity(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let m = matcher();
    let hits = m.find(text);
    for h in &hits {
        assert!(
            h.start < h.end && h.end <= text.len(),
            "hit {h:?} outside the text"
        );
        assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
        assert!(h.word < m.words().len());
    }
    let masked = mask(text, &hits);
    if hits.is_empty() {
        assert_eq!(masked, text);
    }
    // Masking never makes clean text dirty: whatever the filter sees in the masked text (a
    // masked word still reads as one, `*` being a wildcard letter) touches an original hit.
    for h in m.find(&masked) {
        assert!(
            hits.iter().any(|o| o.start < h.end && h.start < o.end),
            "masking made a new hit {h:?}: {text:?} {hits:?} -> {masked:?}"
        );
    }
    for token in text.split_whitespace().take(64) {
        let _ = readings(&fold(token, true));
    }
}

const METHODS: [Method; 5] = [
    Method::GET,
    Method::POST,
    Method::PATCH,
    Method::DELETE,
    Method::PUT,
];

/// The router's path resolution and the query parser: no panic, the same answer twice, and
/// an API route only for `/api/` paths with the method asked for.
pub fn router(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (path, query) = text.split_once('?').unwrap_or((text, ""));
    let method = METHODS[data.len() % METHODS.len()].clone();
    let first = resolve(&method, path);
    let second = resolve(&method, path);
    assert_eq!(
        std::mem::discriminant(&first),
        std::mem::discriminant(&second),
        "the router is not deterministic"
    );
    if let Resolved::Api(route, _) = first {
        assert_eq!(route.method(), method);
        assert!(
            path.starts_with("/api/") || path == route.template(),
            "{path} resolved to {route:?}"
        );
    }
    for key in ["q", "cursor", "limit", "genre", "lang", "sort", "ticket"] {
        let _ = query_param(query, key);
    }
    if let Some(decoded) = percent_decode(query) {
        assert!(decoded.len() <= query.len());
    }
}

/// The WebSocket frame decoder, and for drawing ops the op parser and the room's check and
/// apply on a one-page document: errors become JSON error frames, nothing panics.
pub fn ws_frame(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match decode(text) {
        Err(e) => {
            let frame = error_frame(e.code, &e.message, e.id.as_deref());
            let v: serde_json::Value = serde_json::from_str(&frame).expect("error frames are JSON");
            assert_eq!(v["type"], "error");
        }
        Ok(incoming) => {
            if let ClientMsg::Op { op, .. } = incoming.msg
                && let Ok(mut op) = collab::parse(op.get())
            {
                let mut doc = Doc {
                    title: "T".into(),
                    pages: vec![Page {
                        id: "p1".into(),
                        text: String::new(),
                        items: Vec::new(),
                        bytes: 0,
                    }],
                };
                if doc.check(1, &op, |_| false).is_ok() {
                    doc.apply(1, 1, &mut op);
                    let _ = doc.to_json();
                }
            }
        }
    }
}

//! HTTP behaviour through the real server: the error envelope, every limit, security headers,
//! the SPA's caching and deep links, service endpoints and the OpenAPI document.

use std::time::Duration;

use crate::common::{Call, TestServer};
use pixeltales::http::router::{Route, sample_path};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn bad_json_gets_a_clear_400() {
    let s = TestServer::start().await;
    let post = |body: &str| {
        s.post("/api/auth/login")
            .raw(body.as_bytes().to_vec(), "application/json")
    };
    let r = post("{\"username\": ").send().await;
    assert_eq!(r.status, 400);
    assert_eq!(r.code(), "invalid_json");
    let r = post("").send().await;
    assert_eq!(r.status, 400);
    assert_eq!(r.code(), "invalid_json");
    for body in [
        r#"{"username": 5, "password": "x"}"#,
        r#"{"password": "a"}"#,
        r#"{"username": "a", "picture": "cat"}"#,
        r#"{"username": "a", "password": "b", "extra": 1}"#,
        r#"[1,2,3]"#,
        r#""just a string""#,
    ] {
        let r = post(body).send().await;
        assert_eq!(r.status, 400, "{body}: {}", r.text());
        assert_eq!(r.code(), "invalid_body", "{body}");
        assert!(
            !r.json()["error"]["message"]
                .as_str()
                .expect("message")
                .contains("line"),
            "{body}"
        );
    }
    let r = s
        .post("/api/auth/login")
        .raw(b"username=a".to_vec(), "application/x-www-form-urlencoded")
        .send()
        .await;
    assert_eq!(r.status, 415);
    assert_eq!(r.code(), "unsupported_media_type");
}

#[tokio::test]
async fn bodies_over_the_limit_get_413() {
    let s = TestServer::start().await;
    let big = vec![b' '; 2 << 20];
    // Account endpoints take small bodies only.
    let r = s
        .post("/api/auth/login")
        .raw(big.clone(), "application/json")
        .send()
        .await;
    assert_eq!(r.status, 413);
    assert_eq!(r.code(), "payload_too_large");
    assert_eq!(r.json()["error"]["limit"], 16 * 1024);
    assert_eq!(r.header("connection"), Some("close"));
    // Everything else takes up to 1 MiB of JSON.
    let u = s.register("bigwriter", "child").await;
    let r = s
        .post("/api/stories")
        .bearer(&u.access)
        .raw(big, "application/json")
        .send()
        .await;
    assert_eq!(r.status, 413);
    assert_eq!(r.json()["error"]["limit"], 1 << 20);
    // A client that waits for "100 Continue" is refused before it sends anything.
    let mut tcp = tokio::net::TcpStream::connect(s.addr)
        .await
        .expect("connect");
    tcp.write_all(b"POST /api/stories HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 50000000\r\nexpect: 100-continue\r\n\r\n")
        .await
        .expect("head");
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(5), tcp.read(&mut buf))
        .await
        .expect("answer")
        .expect("read");
    let head = String::from_utf8_lossy(&buf[..n]);
    assert!(
        head.starts_with("HTTP/1.1 413") || head.starts_with("HTTP/1.1 401"),
        "{head}"
    );

    // Chunked, with no length announced: the limit still holds.
    let mut tcp = tokio::net::TcpStream::connect(s.addr)
        .await
        .expect("connect");
    let head = "POST /api/auth/login HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
    tcp.write_all(head.as_bytes()).await.expect("head");
    let chunk = vec![b' '; 64 * 1024];
    let mut response = Vec::new();
    for _ in 0..40 {
        let frame = [format!("{:x}\r\n", chunk.len()).as_bytes(), &chunk, b"\r\n"].concat();
        if tcp.write_all(&frame).await.is_err() {
            break;
        }
    }
    let _ = tcp.write_all(b"0\r\n\r\n").await;
    let _ = tokio::time::timeout(Duration::from_secs(5), async {
        let mut buf = [0u8; 4096];
        while !response.windows(4).any(|w| w == b"\r\n\r\n") {
            match tcp.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => response.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    let text = String::from_utf8_lossy(&response);
    assert!(text.starts_with("HTTP/1.1 413"), "{text}");

    // A smaller limit from config is honoured.
    let small = TestServer::start_with(&["--max-json-bytes", "2048"]).await;
    let r = small
        .post("/api/auth/login")
        .raw(vec![b' '; 4096], "application/json")
        .send()
        .await;
    assert_eq!(r.status, 413);
}

#[tokio::test]
async fn oversized_headers_get_431_and_slow_headers_are_cut_off() {
    let s = TestServer::start_with(&["--max-header-bytes", "4096", "--header-timeout", "1"]).await;
    let r = s
        .get("/healthz")
        .header("x-filler", &"a".repeat(8000))
        .send()
        .await;
    assert_eq!(r.status, 431);

    let mut tcp = tokio::net::TcpStream::connect(s.addr)
        .await
        .expect("connect");
    tcp.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\n")
        .await
        .expect("partial");
    let mut buf = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), tcp.read_to_end(&mut buf)).await;
    assert!(
        read.is_ok(),
        "the server must close a connection that never finishes its headers"
    );
}

#[tokio::test]
async fn slow_bodies_get_408() {
    let s = TestServer::start_with(&["--request-timeout", "1"]).await;
    let mut tcp = tokio::net::TcpStream::connect(s.addr)
        .await
        .expect("connect");
    tcp.write_all(b"POST /api/auth/login HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{")
        .await
        .expect("partial");
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(5), tcp.read(&mut buf))
        .await
        .expect("answer")
        .expect("read");
    let text = String::from_utf8_lossy(&buf[..n]);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
}

#[tokio::test]
async fn unknown_routes_and_methods_get_json_errors() {
    let s = TestServer::start().await;
    let r = s.get("/api/nothing/here").send().await;
    assert_eq!(r.status, 404);
    assert_eq!(r.code(), "route_not_found");
    assert_eq!(r.header("content-type"), Some("application/json"));
    let r = s.call("PUT", "/api/me").send().await;
    assert_eq!(r.status, 405);
    assert_eq!(r.header("allow"), Some("GET, HEAD, PATCH, DELETE"));
    assert_eq!(r.code(), "method_not_allowed");
    let r = s.post("/some/page").send().await;
    assert_eq!(r.status, 404);
    let r = s.get("/api/me").send().await;
    assert_eq!(r.status, 401);
    assert_eq!(r.code(), "missing_token");
    let r = s.get("/api/me").bearer("not-a-token").send().await;
    assert_eq!(r.code(), "invalid_token");
}

#[tokio::test]
async fn every_response_carries_security_headers() {
    let s = TestServer::start().await;
    for call in [
        s.get("/"),
        s.get("/healthz"),
        s.get("/api/nope"),
        s.get("/library/deep/link"),
    ] {
        let r = call.send().await;
        let csp = r.header("content-security-policy").expect("csp");
        assert!(
            csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{csp}"
        );
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(r.header("referrer-policy"), Some("same-origin"));
        assert_eq!(r.header("x-frame-options"), Some("DENY"));
        assert!(
            r.header("strict-transport-security").is_none(),
            "no HSTS on plain http"
        );
    }
    let https = TestServer::start_with(&["--public-url", "https://tales.example.org"]).await;
    assert!(
        https
            .get("/healthz")
            .send()
            .await
            .header("strict-transport-security")
            .is_some()
    );
}

#[tokio::test]
async fn the_spa_is_served_with_etags_and_deep_links() {
    let s = TestServer::start().await;
    let index = s.get("/").send().await;
    assert_eq!(index.status, 200);
    assert_eq!(
        index.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(index.header("cache-control"), Some("no-cache"));
    let etag = index.header("etag").expect("etag").to_string();
    let html = index.text();
    assert!(html.contains("<main id=\"app\""), "{html}");

    let again = s.get("/").header("if-none-match", &etag).send().await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());

    for deep in ["/login", "/library/story/42", "/u/maya.cruz"] {
        let r = s.get(deep).send().await;
        assert_eq!(r.status, 200, "{deep}");
        assert_eq!(r.text(), html, "{deep} serves the app");
    }

    // Assets live under the versioned prefix index.html names.
    let main_js = html
        .split('"')
        .find(|p| p.starts_with("/static/") && p.ends_with("/js/main.js"))
        .expect("index references main.js")
        .to_string();
    let js = s.get(&main_js).send().await;
    assert_eq!(js.status, 200);
    assert!(
        js.header("content-type")
            .expect("type")
            .contains("javascript")
    );
    assert_eq!(
        js.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let js_etag = js.header("etag").expect("etag").to_string();
    assert_eq!(
        s.get(&main_js)
            .header("if-none-match", &js_etag)
            .send()
            .await
            .status,
        304
    );
    let head = s.call("HEAD", &main_js).send().await;
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());

    // An old version still loads but is not cached forever.
    let stale = s.get("/static/000000000000/js/main.js").send().await;
    assert_eq!(stale.status, 200);
    assert_eq!(stale.header("cache-control"), Some("no-cache"));

    assert_eq!(s.get("/static/x/js/nope.js").send().await.status, 404);
    assert_eq!(s.get("/missing.js").send().await.status, 404);
    assert_eq!(s.get("/static/x/../Cargo.toml").send().await.status, 404);
}

#[tokio::test]
async fn health_config_and_metrics_answer_and_the_word_list_is_private() {
    let s = TestServer::start().await;
    let r = s.get("/healthz").send().await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["status"], "ok");
    let head = s.call("HEAD", "/healthz").send().await;
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());

    let c = s.get("/api/config").send().await.json();
    assert_eq!(c["name"], "PixelTales");
    assert_eq!(c["limits"]["json_body_bytes"], 1 << 20);
    assert_eq!(c["signup_roles"], json!(["child", "parent", "teacher"]));

    let m = s.get("/metrics").send().await;
    assert_eq!(m.status, 200, "loopback may read metrics");
    let text = m.text();
    assert!(
        text.contains("pixeltales_http_requests_total{class=\"2xx\"}"),
        "{text}"
    );
    assert!(
        text.contains("pixeltales_process_resident_memory_bytes"),
        "{text}"
    );

    // The word list is not public any more: the live hint asks the server instead.
    let w = s.get("/api/profanity/words").send().await;
    assert_eq!(w.status, 404);
}

#[tokio::test]
async fn metrics_need_an_admin_from_elsewhere() {
    // Behind a proxy the client address comes from X-Forwarded-For, so a remote caller can be
    // simulated from loopback.
    let s = TestServer::start_with(&["--proxy-hops", "1"]).await;
    let remote = |c: Call| c.header("x-forwarded-for", "203.0.113.9");
    let r = remote(s.get("/metrics")).send().await;
    assert_eq!(r.status, 401);
    let kid = s.register("moe", "child").await;
    let r = remote(s.get("/metrics")).bearer(&kid.access).send().await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "admin_only");
    let db = rusqlite::Connection::open(s.db_path()).expect("open");
    db.execute("UPDATE users SET role = 'admin' WHERE username = 'moe'", [])
        .expect("promote");
    assert_eq!(
        remote(s.get("/metrics"))
            .bearer(&kid.access)
            .send()
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn openapi_describes_every_route_the_server_answers() {
    let s = TestServer::start().await;
    let doc: Value = s.get("/api/openapi.json").send().await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().expect("paths");
    // Every routed path is documented...
    for &route in Route::ALL {
        let method = route.method().as_str().to_ascii_lowercase();
        assert!(
            paths
                .get(route.template())
                .and_then(|p| p.get(&method))
                .is_some(),
            "{method} {} undocumented",
            route.template()
        );
    }
    // ...and every documented operation is really routed (not 404 route_not_found / 405).
    for (path, ops) in paths {
        for method in ops.as_object().expect("ops").keys() {
            let r = s
                .call(&method.to_ascii_uppercase(), &sample_path(path))
                .send()
                .await;
            assert!(r.status != 405, "{method} {path} not routed");
            if r.status == 404 {
                assert_ne!(r.code(), "route_not_found", "{method} {path} not routed");
            }
        }
    }
}

#[tokio::test]
async fn a_data_dir_serves_one_server_at_a_time() {
    let s = TestServer::start().await;
    let second = TestServer::start_in(&s.data_dir, &[]).await;
    let err = second.err().expect("second server refused").to_string();
    assert!(err.contains("another pixeltales process"), "{err}");
}

/// Every screen word and error text exists in both languages (a missing Tagalog string would
/// quietly show English to a child who chose Tagalog), area file by area file (`en.js` beside
/// `tl.js`, `en-studio.js` beside `tl-studio.js`...).
#[test]
fn both_languages_have_every_string() {
    let dir = format!("{}/assets/js/i18n", env!("CARGO_MANIFEST_DIR"));
    let keys = |file: &str| -> Vec<Vec<String>> {
        let text = std::fs::read_to_string(format!("{dir}/{file}")).expect("strings file");
        // Objects (`words`, then `errors` in the main file), one `key: "…",` per line.
        text.split("export const ")
            .skip(1)
            .map(|block| {
                let mut k: Vec<String> = block
                    .lines()
                    .filter_map(|l| l.strip_prefix("  "))
                    .filter_map(|l| l.split_once(':').map(|(k, _)| k.trim().to_string()))
                    .filter(|k| {
                        !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    })
                    .collect();
                k.sort();
                k
            })
            .collect()
    };
    let mut areas = 0;
    let mut all: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("i18n dir") {
        let name = entry
            .expect("entry")
            .file_name()
            .into_string()
            .expect("utf-8");
        let Some(area) = name.strip_prefix("en") else {
            continue;
        };
        let tl = format!("tl{area}");
        let (en, tl) = (keys(&name), keys(&tl));
        assert_eq!(en, tl, "{name} and its Tagalog file differ in keys");
        all.extend(en.into_iter().next().unwrap_or_default());
        areas += 1;
    }
    assert!(areas >= 4, "{areas}");
    assert!(all.len() > 400, "{}", all.len());
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        all.len(),
        "a screen word is defined in two area files"
    );
}

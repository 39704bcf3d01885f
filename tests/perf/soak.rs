//! `make soak` (not in CI): 1,000 sockets with presence churn, 20 live drawing rooms and HTTP
//! browsing against the release binary for PIXELTALES_SOAK_SECS (default 600). Prints resident
//! memory, errors and p99s every 30 s; the table gets the growth after warm-up (must be flat),
//! the error count (must be 0) and the p99s.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use super::realtime_load::{
    SERVER_FLAGS, Ws, clock, micros, open, pin_to, raise_fd_limit, register, room_socket, session,
};
use super::{
    Row, common, free_port, mib, percentile, spawn_with, status_kib, stop, targets, until_healthy,
};

/// Users whose 8 sockets stay open all along (800 sockets).
const STEADY_USERS: usize = 100;
const STEADY_SOCKETS_EACH: usize = 8;
/// Users with one socket that comes and goes (200 sockets, each flips presence).
const CHURN_USERS: usize = 200;
const ROOMS: usize = 20;
const ROOM_MEMBERS: usize = 5;
/// Readers browsing the library and stories, one request after another.
const BROWSERS: usize = 4;
/// How often the figures are printed.
const REPORT_EVERY: Duration = Duration::from_secs(30);
/// Memory is compared from this point on: caches and pools are full, and every room's replay
/// ring (2,048 ops, at 12.5 ops/s per room) has filled.
const WARM_UP: Duration = Duration::from_secs(240);

/// What the load saw; swapped out at every report.
#[derive(Default)]
struct Stats {
    http_ms: Vec<f64>,
    preview_ms: Vec<f64>,
}

struct Shared {
    stats: Mutex<Stats>,
    errors: AtomicU64,
    reconnects: AtomicU64,
    http_requests: AtomicU64,
    stop: AtomicBool,
}

impl Shared {
    fn error(&self, what: &str) {
        if self.errors.fetch_add(1, Ordering::Relaxed) < 10 {
            eprintln!("soak error: {what}");
        }
    }
    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// Reads a socket until the soak ends; an unexpected close is an error.
async fn drain(mut ws: Ws, shared: Arc<Shared>) {
    while !shared.stopped() {
        match tokio::time::timeout(Duration::from_millis(500), ws.next()).await {
            Err(_) | Ok(Some(Ok(_))) => {}
            Ok(None) | Ok(Some(Err(_))) => {
                if !shared.stopped() {
                    shared.error("a steady socket closed");
                }
                return;
            }
        }
    }
    let _ = ws.close(None).await;
}

/// One socket that disconnects and reconnects every 1–3 s, so its friends see presence flip.
async fn churn(addr: SocketAddr, token: String, seed: u64, shared: Arc<Shared>) {
    let mut n = seed;
    while !shared.stopped() {
        let Some(mut ws) = open(addr, &token).await else {
            shared.error("a churning socket could not connect");
            tokio::time::sleep(Duration::from_secs(1)).await;
            continue;
        };
        shared.reconnects.fetch_add(1, Ordering::Relaxed);
        n = n
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let stay = Duration::from_millis(1000 + (n >> 33) % 2000);
        let until = Instant::now() + stay;
        while Instant::now() < until && !shared.stopped() {
            if let Ok(None) | Ok(Some(Err(_))) =
                tokio::time::timeout(Duration::from_millis(200), ws.next()).await
            {
                shared.error("a churning socket closed early");
                break;
            }
        }
        let _ = ws.close(None).await;
        tokio::time::sleep(Duration::from_millis(300 + (n >> 40) % 700)).await;
    }
}

/// A room member: previews and durable ops (page text) in turn, 2.5 Hz each; measures preview
/// fan-out.
async fn member(id: i64, ws: Ws, page: String, shared: Arc<Shared>) {
    let (mut tx, mut rx) = ws.split();
    let sender = {
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_millis(200));
            let mut k = 0u64;
            while !shared.stopped() {
                tick.tick().await;
                k += 1;
                // The durable op rewrites the page text, so the document stays the same size
                // and any growth in memory is the server's, not the drawing's.
                let f = if k.is_multiple_of(2) {
                    json!({"type": "collab.op", "session_id": id, "client_op_id": format!("s{k}"),
                           "op": {"kind": "page_text", "page_id": page, "text": format!("Page text {}", k % 100)}})
                } else {
                    json!({"type": "collab.preview", "session_id": id, "page_id": page,
                           "data": {"t": micros(), "points": [1, 2, 3, 4]}})
                };
                if tx.send(Message::text(f.to_string())).await.is_err() {
                    shared.error("a room socket refused a frame");
                    return;
                }
            }
            let _ = tx.close().await;
        })
    };
    while !shared.stopped() {
        match tokio::time::timeout(Duration::from_millis(500), rx.next()).await {
            Err(_) => {}
            Ok(Some(Ok(Message::Text(t)))) => {
                let now = micros();
                if let Ok(v) = serde_json::from_str::<Value>(t.as_str()) {
                    if v["type"] == "error" {
                        shared.error(&format!("room error frame: {v}"));
                    } else if v["type"] == "collab.preview"
                        && let Some(t0) = v["data"]["t"].as_u64()
                    {
                        let ms = now.saturating_sub(t0) as f64 / 1000.0;
                        shared.stats.lock().expect("stats").preview_ms.push(ms);
                    }
                }
            }
            Ok(Some(Ok(_))) => {}
            Ok(None) | Ok(Some(Err(_))) => {
                if !shared.stopped() {
                    shared.error("a room socket closed");
                }
                break;
            }
        }
    }
    let _ = sender.await;
}

/// A reader going from the library to a story and back, as fast as answers come.
async fn browse(addr: SocketAddr, token: String, stories: Vec<i64>, k: usize, shared: Arc<Shared>) {
    let mut i = k;
    while !shared.stopped() {
        i += 1;
        let path = match i % 4 {
            0 => "/api/stories?limit=12".to_string(),
            1 => format!("/api/stories/{}", stories[i % stories.len()]),
            2 => "/api/stories?limit=12&q=soak".to_string(),
            _ => "/api/me".to_string(),
        };
        let auth = format!("Bearer {token}");
        let t = Instant::now();
        match common::try_send(addr, "GET", &path, &[("authorization", &auth)], Vec::new()).await {
            Ok(r) if r.status == 200 => {
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                shared.stats.lock().expect("stats").http_ms.push(ms);
            }
            Ok(r) => shared.error(&format!("GET {path}: {}", r.status)),
            Err(e) => shared.error(&format!("GET {path}: {e}")),
        }
        shared.http_requests.fetch_add(1, Ordering::Relaxed);
    }
}

async fn befriend(addr: SocketAddr, a: &str, b: &str, b_name: &str) {
    let r = common::Call::new(addr, "POST", "/api/friends/requests")
        .bearer(a)
        .json(&json!({ "username": b_name }))
        .send()
        .await;
    assert_eq!(r.status, 201, "friend request: {}", r.text());
    let id = r.json()["id"].as_i64().expect("request id");
    let r = common::Call::new(addr, "POST", &format!("/api/friends/requests/{id}/accept"))
        .bearer(b)
        .send()
        .await;
    assert_eq!(r.status, 200, "accept: {}", r.text());
}

async fn soak(secs: u64) -> Vec<Row> {
    clock();
    let dir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let pinned = std::thread::available_parallelism().map_or(1, |n| n.get()) >= 2;
    let mut flags = SERVER_FLAGS.to_vec();
    flags.extend(["--presence-grace-ms", "200"]);
    let child = spawn_with(dir.path(), port, &flags, pinned.then_some("0"));
    let pid = child.id();
    until_healthy(addr, Instant::now()).await;

    eprintln!("soak: setting up {STEADY_USERS} steady and {CHURN_USERS} churning users");
    let mut steady = Vec::new();
    for i in 0..STEADY_USERS {
        steady.push(register(addr, &format!("steady{i:03}")).await);
    }
    let mut churners = Vec::new();
    for i in 0..CHURN_USERS {
        churners.push(register(addr, &format!("churn{i:03}")).await);
    }
    // Each churning user is a friend of two steady ones, so every flip is pushed somewhere.
    for (i, c) in churners.iter().enumerate() {
        for k in [i % STEADY_USERS, (i * 7 + 3) % STEADY_USERS] {
            befriend(addr, c, &steady[k], &format!("steady{k:03}")).await;
        }
    }
    let mut stories = Vec::new();
    for (i, t) in steady.iter().take(10).enumerate() {
        for j in 0..2 {
            let r = common::Call::new(addr, "POST", "/api/stories")
                .bearer(t)
                .json(&json!({"title": format!("Soak story {i}-{j}"),
                              "pages": [{"text": "The soak dragon flew over the sea."},
                                        {"text": "Then it came home for tea."}]}))
                .send()
                .await;
            assert_eq!(r.status, 201, "story: {}", r.text());
            let id = r.json()["id"].as_i64().expect("id");
            let r = common::Call::new(addr, "POST", &format!("/api/stories/{id}/publish"))
                .bearer(t)
                .send()
                .await;
            assert_eq!(r.status, 200, "publish: {}", r.text());
            stories.push(id);
        }
    }

    let shared = Arc::new(Shared {
        stats: Mutex::new(Stats::default()),
        errors: AtomicU64::new(0),
        reconnects: AtomicU64::new(0),
        http_requests: AtomicU64::new(0),
        stop: AtomicBool::new(false),
    });
    let mut tasks = Vec::new();
    for t in &steady {
        for _ in 0..STEADY_SOCKETS_EACH {
            let ws = open(addr, t).await.expect("steady socket");
            tasks.push(tokio::spawn(drain(ws, Arc::clone(&shared))));
        }
    }
    for (i, t) in churners.iter().enumerate() {
        tasks.push(tokio::spawn(churn(
            addr,
            t.clone(),
            i as u64 + 1,
            Arc::clone(&shared),
        )));
    }
    for r in 0..ROOMS {
        let members: Vec<&String> = (0..ROOM_MEMBERS)
            .map(|k| &steady[(r * ROOM_MEMBERS + k) % STEADY_USERS])
            .collect();
        let id = session(addr, &members).await;
        for t in &members {
            let (ws, page) = room_socket(addr, t, id).await;
            tasks.push(tokio::spawn(member(id, ws, page, Arc::clone(&shared))));
        }
    }
    for (k, reader) in steady.iter().take(BROWSERS).enumerate() {
        tasks.push(tokio::spawn(browse(
            addr,
            reader.clone(),
            stories.clone(),
            k,
            Arc::clone(&shared),
        )));
    }

    let started = Instant::now();
    let sockets = STEADY_USERS * STEADY_SOCKETS_EACH + CHURN_USERS + ROOMS * ROOM_MEMBERS;
    eprintln!(
        "soak: {sockets} sockets, {ROOMS} rooms, {BROWSERS} readers for {secs} s (RSS {:.1} MiB)",
        mib(status_kib(pid, "VmRSS:"))
    );
    eprintln!(
        "{:>6}  {:>9}  {:>7}  {:>10}  {:>12}  {:>14}  {:>10}",
        "time", "RSS MiB", "errors", "HTTP req", "HTTP p99 ms", "preview p99 ms", "reconnects"
    );
    let mut samples: Vec<(Duration, f64)> = Vec::new();
    let (mut all_http, mut all_preview) = (Vec::new(), Vec::new());
    let end = started + Duration::from_secs(secs);
    while Instant::now() < end {
        let wait = REPORT_EVERY.min(end.saturating_duration_since(Instant::now()));
        tokio::time::sleep(wait).await;
        let mut st = std::mem::take(&mut *shared.stats.lock().expect("stats"));
        st.http_ms.sort_by(f64::total_cmp);
        st.preview_ms.sort_by(f64::total_cmp);
        let rss = mib(status_kib(pid, "VmRSS:"));
        samples.push((started.elapsed(), rss));
        eprintln!(
            "{:>5}s  {:>9.1}  {:>7}  {:>10}  {:>12.2}  {:>14.2}  {:>10}",
            started.elapsed().as_secs(),
            rss,
            shared.errors.load(Ordering::Relaxed),
            shared.http_requests.load(Ordering::Relaxed),
            percentile(&st.http_ms, 0.99),
            percentile(&st.preview_ms, 0.99),
            shared.reconnects.load(Ordering::Relaxed),
        );
        all_http.extend(st.http_ms);
        all_preview.extend(st.preview_ms);
    }
    shared.stop.store(true, Ordering::Relaxed);
    for t in tasks {
        let _ = tokio::time::timeout(Duration::from_secs(5), t).await;
    }
    stop(child);

    all_http.sort_by(f64::total_cmp);
    all_preview.sort_by(f64::total_cmp);
    let warm: Vec<f64> = samples
        .iter()
        .filter(|(at, _)| *at >= WARM_UP)
        .map(|(_, r)| *r)
        .collect();
    let errors = shared.errors.load(Ordering::Relaxed);
    let mut rows = Vec::new();
    match (warm.first(), warm.last()) {
        (Some(first), Some(last)) => {
            let max = warm.iter().copied().fold(f64::MIN, f64::max);
            let growth = max - first;
            rows.push(Row {
                what: format!("soak {secs} s: RSS after warm-up (first / last / max)"),
                value: format!("{first:.1} / {last:.1} / {max:.1} MiB (+{growth:.1})"),
                target: format!("flat: growth <= {} MiB", targets::SOAK_RSS_GROWTH_MIB),
                met: Some(growth <= targets::SOAK_RSS_GROWTH_MIB),
            });
        }
        _ => rows.push(Row::skipped(
            "soak: RSS after warm-up",
            "the run was shorter than the warm-up",
        )),
    }
    rows.push(Row {
        what: format!("soak {secs} s: errors ({sockets} sockets)"),
        value: format!(
            "{errors} ({} reconnects, {} HTTP requests)",
            shared.reconnects.load(Ordering::Relaxed),
            shared.http_requests.load(Ordering::Relaxed)
        ),
        target: "0".into(),
        met: Some(errors == 0),
    });
    rows.push(Row::reported(
        "soak: HTTP p50 / p99 (library, story, me)",
        format!(
            "{:.2} / {:.2} ms over {}",
            percentile(&all_http, 0.5),
            percentile(&all_http, 0.99),
            all_http.len()
        ),
    ));
    rows.push(Row::reported(
        "soak: room preview fan-out p50 / p99",
        format!(
            "{:.2} / {:.2} ms over {}",
            percentile(&all_preview, 0.5),
            percentile(&all_preview, 0.99),
            all_preview.len()
        ),
    ));
    rows
}

/// Runs the soak on its own pinned thread (the server has CPU 0) and adds its rows.
pub fn run(rows: &mut Vec<Row>) {
    let secs = std::env::var("PIXELTALES_SOAK_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let out = std::thread::scope(|s| {
        s.spawn(|| {
            raise_fd_limit();
            if std::thread::available_parallelism().map_or(1, |n| n.get()) >= 2 {
                pin_to(1);
            }
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(soak(secs))
        })
        .join()
    });
    match out {
        Ok(r) => rows.extend(r),
        Err(_) => rows.push(Row::skipped("soak", "the soak client panicked")),
    }
}

//! Realtime figures: memory per idle socket, room fan-out latency, durable op throughput and a
//! many-rooms run. The client runs on its own pinned thread and runtime, the server on CPU 0.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use super::{
    Row, common, free_port, mib, percentile, spawn_with, status_kib, stop, targets, until_healthy,
};

pub(super) type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// Flags that let one machine play a whole school: cheap hashing for the bench accounts, no
/// per-user socket cap, no op rate limit (the batcher is what is measured).
pub(super) const SERVER_FLAGS: &[&str] = &[
    "--argon2-memory-kib",
    "64",
    "--argon2-iterations",
    "1",
    "--ws-per-user",
    "10000",
    "--max-sockets",
    "30000",
    "--ws-ops-per-sec",
    "1000000",
    "--collab-joins-per-minute",
    "100000",
    "--ws-tickets-per-minute",
    "1000000",
];

pub(super) fn clock() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

pub(super) fn micros() -> u64 {
    clock().elapsed().as_micros() as u64
}

#[allow(unsafe_code)]
pub(super) fn raise_fd_limit() {
    // SAFETY: plain libc calls on a local struct.
    unsafe {
        let mut lim = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) == 0 {
            lim.rlim_cur = lim.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
        }
    }
}

#[allow(unsafe_code)]
pub(super) fn pin_to(cpu: usize) {
    // SAFETY: the set is zeroed and only CPU `cpu` is added; pid 0 is this thread.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(cpu, &mut set);
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set);
    }
}

#[allow(unsafe_code)]
fn fd_limit() -> u64 {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: reads into a local struct.
    unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) };
    lim.rlim_cur
}

pub(super) async fn open(addr: SocketAddr, token: &str) -> Option<Ws> {
    let t = common::ws::ticket(addr, token).await;
    let cfg = WebSocketConfig::default()
        .read_buffer_size(4096)
        .write_buffer_size(0);
    let (mut ws, _) = tokio_tungstenite::connect_async_with_config(
        format!("ws://{addr}/ws?ticket={t}"),
        Some(cfg),
        true,
    )
    .await
    .ok()?;
    loop {
        match tokio::time::timeout(Duration::from_secs(10), ws.next()).await {
            Ok(Some(Ok(Message::Text(t)))) if t.as_str().contains("\"hello\"") => return Some(ws),
            Ok(Some(Ok(_))) => continue,
            _ => return None,
        }
    }
}

pub(super) async fn next_json(ws: &mut Ws) -> Option<Value> {
    loop {
        match tokio::time::timeout(Duration::from_secs(10), ws.next()).await {
            Ok(Some(Ok(Message::Text(t)))) => return serde_json::from_str(t.as_str()).ok(),
            Ok(Some(Ok(_))) => continue,
            _ => return None,
        }
    }
}

pub(super) async fn register(addr: SocketAddr, name: &str) -> String {
    let r = common::Call::new(addr, "POST", "/api/auth/register")
        .json(&json!({"username": name, "password": common::PASSWORD, "display_name": name, "role": "child"}))
        .send()
        .await;
    assert_eq!(r.status, 201, "register {name}: {}", r.text());
    r.json()["access_token"]
        .as_str()
        .expect("token")
        .to_string()
}

/// A started session with `members` (the first hosts); returns its id.
pub(super) async fn session(addr: SocketAddr, members: &[&String]) -> i64 {
    let r = common::Call::new(addr, "POST", "/api/collab/sessions")
        .bearer(members[0])
        .json(&json!({"title": "Bench", "max_participants": 10}))
        .send()
        .await;
    assert_eq!(r.status, 201, "session: {}", r.text());
    let (id, code) = (
        r.json()["id"].as_i64().expect("id"),
        r.json()["join_code"].as_str().expect("code").to_string(),
    );
    for m in &members[1..] {
        let r = common::Call::new(addr, "POST", "/api/collab/join")
            .bearer(m)
            .json(&json!({ "code": code }))
            .send()
            .await;
        assert_eq!(r.status, 200, "join: {}", r.text());
    }
    let r = common::Call::new(addr, "POST", &format!("/api/collab/sessions/{id}/start"))
        .bearer(members[0])
        .send()
        .await;
    assert_eq!(r.status, 200, "start: {}", r.text());
    id
}

/// Opens the room on a new socket; returns it with the first page id.
pub(super) async fn room_socket(addr: SocketAddr, token: &str, id: i64) -> (Ws, String) {
    let mut ws = open(addr, token).await.expect("socket");
    ws.send(Message::text(
        json!({"type": "collab.join", "session_id": id}).to_string(),
    ))
    .await
    .expect("join");
    loop {
        let f = next_json(&mut ws).await.expect("state");
        if f["type"] == "collab.state" {
            let page = f["pages"][0]["id"].as_str().expect("page").to_string();
            return (ws, page);
        }
    }
}

fn lat_row(what: &str, mut lat: Vec<f64>, extra: String, p50_max: f64, p99_max: f64) -> Row {
    lat.sort_by(f64::total_cmp);
    let (p50, p99) = (percentile(&lat, 0.5), percentile(&lat, 0.99));
    Row {
        what: what.into(),
        value: format!(
            "p50 {p50:.2} / p99 {p99:.2} ms over {} deliveries{extra}",
            lat.len()
        ),
        target: format!("<= {p50_max} / {p99_max} ms"),
        met: Some(!lat.is_empty() && p50 <= p50_max && p99 <= p99_max),
    }
}

/// Every member sends previews at `hz` for `secs`; returns fan-out latencies in ms.
async fn preview_load(rooms: Vec<(i64, Vec<(Ws, String)>)>, hz: u64, secs: u64) -> Vec<f64> {
    let lat = Arc::new(Mutex::new(Vec::new()));
    let end = Instant::now() + Duration::from_secs(secs);
    let period = Duration::from_millis(1000 / hz);
    let total: usize = rooms.iter().map(|(_, m)| m.len()).sum();
    let mut tasks = Vec::new();
    let mut n = 0;
    for (id, members) in rooms {
        for (ws, page) in members {
            let (mut tx, mut rx) = ws.split();
            let offset = period.mul_f64(n as f64 / total as f64);
            n += 1;
            tasks.push(tokio::spawn(async move {
                tokio::time::sleep(offset).await;
                let mut tick = tokio::time::interval(period);
                tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
                while Instant::now() < end {
                    tick.tick().await;
                    let f = json!({"type": "collab.preview", "session_id": id, "page_id": page,
                                   "data": {"t": micros(), "points": [1, 2, 3, 4]}});
                    if tx.send(Message::text(f.to_string())).await.is_err() {
                        break;
                    }
                }
                let _ = tx.close().await;
            }));
            let lat = Arc::clone(&lat);
            tasks.push(tokio::spawn(async move {
                let mut mine = Vec::new();
                while Instant::now() < end + Duration::from_millis(500) {
                    let Ok(Some(Ok(Message::Text(t)))) =
                        tokio::time::timeout(Duration::from_millis(200), rx.next()).await
                    else {
                        continue;
                    };
                    let now = micros();
                    if let Ok(v) = serde_json::from_str::<Value>(t.as_str())
                        && v["type"] == "collab.preview"
                        && let Some(t0) = v["data"]["t"].as_u64()
                    {
                        mine.push(now.saturating_sub(t0) as f64 / 1000.0);
                    }
                }
                lat.lock().expect("lat").extend(mine);
            }));
        }
    }
    for t in tasks {
        let _ = t.await;
    }
    Arc::try_unwrap(lat)
        .map(|m| m.into_inner().expect("lat"))
        .unwrap_or_default()
}

async fn idle_sockets(addr: SocketAddr, pid: u32, tokens: &[String], rows: &mut Vec<Row>) {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let base = status_kib(pid, "VmRSS:");
    let mut sockets: Vec<Ws> = Vec::new();
    for (target, budget_mib) in [
        (1_000usize, targets::SOCKETS_1K_MIB),
        (10_000, targets::SOCKETS_10K_MIB),
    ] {
        if fd_limit() < (target as u64) + 500 {
            rows.push(Row::skipped(
                &format!("RSS with {target} idle sockets"),
                &format!("file descriptor limit {} is too low", fd_limit()),
            ));
            continue;
        }
        while sockets.len() < target {
            let batch = (target - sockets.len()).min(200);
            let mut opening = Vec::new();
            for k in 0..batch {
                // A user holds at most 10 tickets: spread the batch over many users.
                let token = tokens[k % tokens.len()].clone();
                opening.push(tokio::spawn(async move { open(addr, &token).await }));
            }
            for o in opening {
                if let Ok(Some(ws)) = o.await {
                    sockets.push(ws);
                }
            }
            if sockets.len() < target && batch > 0 && sockets.len() % 1000 > 800 {
                break;
            }
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
        let rss = status_kib(pid, "VmRSS:");
        let per = (rss.saturating_sub(base)) as f64 / sockets.len().max(1) as f64;
        rows.push(Row {
            what: format!("RSS with {} idle authenticated sockets", sockets.len()),
            value: format!(
                "{:.1} MiB ({per:.1} KiB per socket over {:.1} MiB idle)",
                mib(rss),
                mib(base)
            ),
            target: if target >= 10_000 {
                format!(
                    "<= {budget_mib} MiB, <= {} KiB each",
                    targets::PER_SOCKET_KIB
                )
            } else {
                format!("<= {budget_mib} MiB")
            },
            met: Some(
                sockets.len() == target
                    && mib(rss) <= budget_mib
                    && (target < 10_000 || per <= targets::PER_SOCKET_KIB),
            ),
        });
    }
    for mut ws in sockets {
        let _ = ws.close(None).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
}

async fn one_room(addr: SocketAddr, tokens: &[String], rows: &mut Vec<Row>) {
    let members: Vec<&String> = tokens.iter().take(10).collect();
    let id = session(addr, &members).await;
    let mut sockets = Vec::new();
    for t in &members {
        sockets.push(room_socket(addr, t, id).await);
    }
    let lat = preview_load(vec![(id, sockets)], 20, 10).await;
    rows.push(lat_row(
        "fan-out, 10-member room, previews at 20 Hz each, 10 s",
        lat,
        String::new(),
        targets::FANOUT_ROOM_P50_MS,
        targets::FANOUT_ROOM_P99_MS,
    ));
}

async fn op_burst(addr: SocketAddr, db: &std::path::Path, tokens: &[String], rows: &mut Vec<Row>) {
    const OPS: usize = 1000;
    let members: Vec<&String> = tokens.iter().take(10).collect();
    let id = session(addr, &members).await;
    let mut sockets = Vec::new();
    for t in &members {
        sockets.push(room_socket(addr, t, id).await);
    }
    let n = sockets.len();
    // A page each: one page holds at most 5,000 drawn items.
    let mut pages = vec![sockets[0].1.clone()];
    {
        let host = &mut sockets[0].0;
        for _ in 1..n {
            let add = json!({"type": "collab.op", "session_id": id, "op": {"kind": "page_add"}});
            host.send(Message::text(add.to_string()))
                .await
                .expect("page_add");
            loop {
                let f = next_json(host).await.expect("page_add answer");
                if f["type"] == "collab.op" && f["op"]["kind"] == "page_add" {
                    pages.push(f["op"]["page_id"].as_str().expect("page id").to_string());
                    break;
                }
            }
        }
    }
    // Everyone else heard about the new pages: read those frames away first.
    for (ws, _) in sockets.iter_mut().skip(1) {
        let mut seen = 0;
        while seen < n - 1 {
            let f = next_json(ws).await.expect("page frames");
            if f["type"] == "collab.op" {
                seen += 1;
            }
        }
    }
    let lat = Arc::new(Mutex::new(Vec::new()));
    let received = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (m, ((ws, _), page)) in sockets.into_iter().zip(pages).enumerate() {
        let (mut tx, mut rx) = ws.split();
        tasks.push(tokio::spawn(async move {
            for i in 0..OPS {
                let op = json!({"type": "collab.op", "session_id": id,
                    "client_op_id": format!("{m}-{i}-{}", micros()),
                    "op": {"kind": "draw", "page_id": page, "item": {"type": "stroke", "tool": "pen",
                        "color": "#1c7ed6", "width": 4, "points": [i % 500, 10, i % 500 + 5, 20]}}});
                if tx.feed(Message::text(op.to_string())).await.is_err() {
                    break;
                }
            }
            let _ = tx.flush().await;
        }));
        let (lat, received) = (Arc::clone(&lat), Arc::clone(&received));
        tasks.push(tokio::spawn(async move {
            let m = m;
            let (mut acks, mut ops, mut mine) = (0, 0, Vec::new());
            while acks < OPS || ops < OPS * (n - 1) {
                let t = match tokio::time::timeout(Duration::from_secs(10), rx.next()).await {
                    Ok(Some(Ok(Message::Text(t)))) => t,
                    other => {
                        eprintln!("member {m}: acks {acks} ops {ops}: {other:?}");
                        break;
                    }
                };
                let now = micros();
                let text = t.as_str();
                if text.starts_with(r#"{"type":"collab.op""#) {
                    ops += 1;
                    // client_op_id is "member-i-micros".
                    if let Some(t0) = text
                        .split(r#""client_op_id":""#)
                        .nth(1)
                        .and_then(|s| s.split('"').next())
                        .and_then(|c| c.rsplit('-').next())
                        .and_then(|s| s.parse::<u64>().ok())
                    {
                        mine.push(now.saturating_sub(t0) as f64 / 1000.0);
                    }
                } else if text.contains(r#""type":"collab.ack""#) {
                    acks += 1;
                }
            }
            received.fetch_add(ops, std::sync::atomic::Ordering::Relaxed);
            lat.lock().expect("lat").extend(mine);
            let _ = rx;
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    let delivered_in = started.elapsed();
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open db");
    let expected = (OPS * n) as i64;
    let mut stored = 0;
    while started.elapsed() < Duration::from_secs(30) {
        stored = conn
            .query_row(
                "SELECT count(*) FROM collab_ops WHERE session_id = ?1 AND seq > ?2",
                [id, n as i64],
                |r| r.get::<_, i64>(0),
            )
            .unwrap_or(0);
        if stored >= expected {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let persisted_in = started.elapsed();
    let got = received.load(std::sync::atomic::Ordering::Relaxed);
    let want = OPS * n * (n - 1);
    let rate = stored as f64 / persisted_in.as_secs_f64();
    rows.push(Row {
        what: format!("{n} members x {OPS} durable ops back to back"),
        value: format!(
            "delivered {:.1}% in {:.2} s, persisted {stored}/{expected} in {:.2} s = {rate:.0} ops/s",
            got as f64 * 100.0 / want as f64,
            delivered_in.as_secs_f64(),
            persisted_in.as_secs_f64()
        ),
        target: format!("100%, >= {} ops/s", targets::PERSISTED_OPS_PER_SEC),
        met: Some(got == want && stored == expected && rate >= targets::PERSISTED_OPS_PER_SEC),
    });
    let lat = Arc::try_unwrap(lat)
        .map(|m| m.into_inner().expect("lat"))
        .unwrap_or_default();
    rows.push(lat_row(
        "  fan-out of those ops (send to delivery)",
        lat,
        String::new(),
        f64::INFINITY,
        f64::INFINITY,
    ));
}

async fn many_rooms(addr: SocketAddr, pid: u32, tokens: &[String], rows: &mut Vec<Row>) {
    const ROOMS: usize = 100;
    const SECS: u64 = 30;
    let mut rooms = Vec::new();
    for r in 0..ROOMS {
        let members: Vec<&String> = (0..5).map(|k| &tokens[(r + k) % tokens.len()]).collect();
        let id = session(addr, &members).await;
        let mut sockets = Vec::new();
        for t in &members {
            sockets.push(room_socket(addr, t, id).await);
        }
        rooms.push((id, sockets));
    }
    let _ = std::fs::write(format!("/proc/{pid}/clear_refs"), "5");
    let lat = preview_load(rooms, 10, SECS).await;
    let peak = status_kib(pid, "VmHWM:");
    rows.push(lat_row(
        "fan-out, 100 rooms x 5 members at 10 Hz, 30 s",
        lat,
        format!(", peak RSS {:.1} MiB", mib(peak)),
        f64::INFINITY,
        targets::FANOUT_ROOMS_P99_MS,
    ));
}

/// Runs every realtime measurement and adds its rows.
pub fn run(rows: &mut Vec<Row>) {
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
            rt.block_on(measure())
        })
        .join()
    });
    match out {
        Ok(r) => rows.extend(r),
        Err(_) => rows.push(Row::skipped("realtime load", "the load client panicked")),
    }
}

/// `PIXELTALES_BENCH_ONLY` may name parts of this one: idle, fanout, burst, rooms.
fn part(name: &str) -> bool {
    let only = std::env::var("PIXELTALES_BENCH_ONLY").unwrap_or_default();
    only.is_empty()
        || only
            .split(',')
            .any(|p| p.trim() == name || p.trim() == "realtime")
}

async fn measure() -> Vec<Row> {
    let mut rows = Vec::new();
    clock();
    let dir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let pinned = std::thread::available_parallelism().map_or(1, |n| n.get()) >= 2;
    let child = spawn_with(dir.path(), port, SERVER_FLAGS, pinned.then_some("0"));
    let pid = child.id();
    until_healthy(addr, Instant::now()).await;
    if part("idle") {
        let mut idle_users = Vec::new();
        for i in 0..50 {
            idle_users.push(register(addr, &format!("idle{i:02}")).await);
        }
        idle_sockets(addr, pid, &idle_users, &mut rows).await;
    }
    stop(child);

    // A fresh server for the rooms, so the sockets above do not colour its memory figures.
    let dir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let child = spawn_with(dir.path(), port, SERVER_FLAGS, pinned.then_some("0"));
    let pid = child.id();
    until_healthy(addr, Instant::now()).await;
    let mut tokens = Vec::new();
    for i in 0..10 {
        tokens.push(register(addr, &format!("rt{i:02}")).await);
    }
    if part("fanout") {
        one_room(addr, &tokens, &mut rows).await;
    }
    if part("burst") {
        op_burst(addr, &dir.path().join("pixeltales.db"), &tokens, &mut rows).await;
    }
    if part("rooms") {
        many_rooms(addr, pid, &tokens, &mut rows).await;
    }
    stop(child);
    rows
}

//! Crash safety: a mixed write load (stories, comments, messages, live drawing ops) against the
//! real binary, killed mid-load with SIGKILL (or stopped with SIGTERM), then restarted on the
//! same data dir. Every REST write that was answered 2xx must be there; drawing ops may lose at
//! most the last write-behind window after SIGKILL and nothing after SIGTERM, and `seq` never
//! has a gap; `pixeltales check` passes.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::common::ws::{Ws, open_raw, ticket};
use crate::common::{BinServer, Call, Session, befriend_at, cli, register_at, try_send};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

/// The write-behind window the servers here run with.
const BATCH_MS: u64 = 200;
/// How long the load runs before the server is stopped.
const LOAD_FOR: Duration = Duration::from_millis(1500);
/// Extra time an op acknowledged just before the window may take to reach the disk (a flush
/// that had started, a busy 2-core machine).
const FLUSH_SLACK: Duration = Duration::from_millis(400);

fn flags() -> Vec<String> {
    [
        "--collab-batch-ms",
        &BATCH_MS.to_string(),
        "--ws-ops-per-sec",
        "100000",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn spawn(dir: &std::path::Path) -> BinServer {
    let f = flags();
    let args: Vec<&str> = f.iter().map(String::as_str).collect();
    BinServer::spawn(dir, &args)
}

/// What the load got a 2xx (or an ack) for.
#[derive(Default)]
struct Written {
    /// (story id, title)
    stories: Vec<(i64, String)>,
    /// (comment id, text)
    comments: Vec<(i64, String)>,
    /// (message id, text)
    messages: Vec<(i64, String)>,
    /// (client op id, seq, when the ack arrived)
    ops: Vec<(String, i64, Instant)>,
    /// When the last REST write was answered 2xx.
    last_rest: Option<Instant>,
}

/// Users, friendships, a story to comment on and a started drawing session.
struct Scene {
    users: Vec<Session>,
    story: i64,
    session: i64,
}

async fn post(addr: SocketAddr, token: &str, path: &str, body: Value) -> Value {
    let r = Call::new(addr, "POST", path)
        .bearer(token)
        .json(&body)
        .send()
        .await;
    assert!(
        r.status / 100 == 2,
        "POST {path}: {} {}",
        r.status,
        r.text()
    );
    r.json()
}

async fn scene(addr: SocketAddr) -> Scene {
    let mut users = Vec::new();
    for i in 0..4 {
        users.push(register_at(addr, &format!("writer{i}"), "child").await);
    }
    befriend_at(addr, &users[0], &users[1], "writer1").await;
    befriend_at(addr, &users[2], &users[3], "writer3").await;
    let story = post(
        addr,
        &users[0].access,
        "/api/stories",
        json!({ "title": "Talk about me", "pages": [{ "text": "A page." }] }),
    )
    .await["id"]
        .as_i64()
        .expect("story id");
    post(
        addr,
        &users[0].access,
        &format!("/api/stories/{story}/publish"),
        json!({}),
    )
    .await;
    let s = post(addr, &users[0].access, "/api/collab/sessions", json!({})).await;
    let session = s["id"].as_i64().expect("session id");
    let code = s["join_code"].as_str().expect("join code").to_string();
    post(
        addr,
        &users[1].access,
        "/api/collab/join",
        json!({ "code": code }),
    )
    .await;
    post(
        addr,
        &users[0].access,
        &format!("/api/collab/sessions/{session}/start"),
        json!({}),
    )
    .await;
    Scene {
        users,
        story,
        session,
    }
}

/// One REST write; `Some(json)` on a 2xx, `None` on a refusal, `Err` once the server is gone.
async fn write(
    addr: SocketAddr,
    token: &str,
    path: &str,
    body: Value,
) -> Result<Option<Value>, ()> {
    let auth = format!("Bearer {token}");
    let headers = [
        ("authorization", auth.as_str()),
        ("content-type", "application/json"),
    ];
    match try_send(addr, "POST", path, &headers, body.to_string().into_bytes()).await {
        Ok(r) if r.status / 100 == 2 => Ok(Some(r.json())),
        Ok(_) => Ok(None),
        Err(_) => Err(()),
    }
}

/// Stories, comments and messages from one user until the server stops answering.
async fn rest_load(
    addr: SocketAddr,
    me: Session,
    friend: i64,
    story: i64,
    n: usize,
    stop: Arc<AtomicBool>,
    progress: Arc<[AtomicUsize; 3]>,
) -> Written {
    let mut w = Written::default();
    // Start late and write slowly, so these writes are still going on when the server stops
    // (the per-user rate limits would otherwise end them early).
    tokio::time::sleep(LOAD_FOR.saturating_sub(Duration::from_millis(400 - 50 * n as u64))).await;
    let mut k = 0;
    'load: while !stop.load(Ordering::Relaxed) {
        k += 1;
        // (kind, path, body, text kept, where the new id is in the answer)
        let writes = [
            (
                0,
                "/api/stories".to_string(),
                json!({ "title": format!("Crash story {n}-{k}"), "pages": [{ "text": "Once upon a time." }] }),
                format!("Crash story {n}-{k}"),
                "/id",
            ),
            (
                1,
                format!("/api/stories/{story}/comments"),
                json!({ "text": format!("Comment {n}-{k}") }),
                format!("Comment {n}-{k}"),
                "/id",
            ),
            (
                2,
                format!("/api/conversations/{friend}/messages"),
                json!({ "text": format!("Message {n}-{k}") }),
                format!("Message {n}-{k}"),
                "/message/id",
            ),
        ];
        for (kind, path, body, text, id_at) in writes {
            match write(addr, &me.access, &path, body).await {
                Ok(Some(v)) => {
                    let id = v.pointer(id_at).and_then(Value::as_i64).expect("id");
                    [&mut w.stories, &mut w.comments, &mut w.messages][kind].push((id, text));
                    progress[kind].fetch_add(1, Ordering::Relaxed);
                    w.last_rest = Some(Instant::now());
                }
                Ok(None) => {}
                Err(()) => break 'load,
            }
        }
        tokio::time::sleep(Duration::from_millis(15)).await;
    }
    w
}

/// Drawing ops one at a time, each waiting for its ack, until the socket drops.
async fn op_load(addr: SocketAddr, token: String, session: i64, prefix: &'static str) -> Written {
    let mut w = Written::default();
    let t = ticket(addr, &token).await;
    let mut ws = open_raw(addr, &format!("ticket={t}"))
        .await
        .expect("socket");
    let join = json!({ "type": "collab.join", "id": "join", "session_id": session });
    ws.send(Message::text(join.to_string()))
        .await
        .expect("join");
    let mut n = 0u64;
    'ops: loop {
        n += 1;
        let cid = format!("{prefix}{n}");
        let frame = json!({
            "type": "collab.op", "id": format!("r{n}"), "session_id": session,
            "client_op_id": cid, "op": { "kind": "title", "text": format!("Title {n}") },
        });
        if ws.send(Message::text(frame.to_string())).await.is_err() {
            break;
        }
        loop {
            match tokio::time::timeout(Duration::from_secs(5), ws.next()).await {
                Ok(Some(Ok(Message::Text(t)))) => {
                    let f: Value = serde_json::from_str(t.as_str()).expect("JSON frame");
                    if f["type"] == "collab.ack" && f["client_op_id"] == cid.as_str() {
                        w.ops
                            .push((cid, f["seq"].as_i64().expect("seq"), Instant::now()));
                        break;
                    }
                    assert_ne!(f["type"], "error", "op refused: {f}");
                }
                Ok(Some(Ok(_))) => {}
                _ => break 'ops,
            }
        }
    }
    w
}

/// Runs the load, calls `stop_server` mid-load, and returns everything acknowledged and the
/// moment the server was stopped.
async fn load_then(
    server: &mut BinServer,
    sc: &Scene,
    stop_server: impl FnOnce(&mut BinServer),
) -> (Written, Instant) {
    let addr = server.addr;
    let stop = Arc::new(AtomicBool::new(false));
    let progress: Arc<[AtomicUsize; 3]> = Arc::new(Default::default());
    let mut tasks = Vec::new();
    for (n, me) in sc.users.iter().enumerate() {
        let friend = sc.users[n ^ 1].user_id;
        tasks.push(tokio::spawn(rest_load(
            addr,
            me.clone(),
            friend,
            sc.story,
            n,
            Arc::clone(&stop),
            Arc::clone(&progress),
        )));
    }
    tasks.push(tokio::spawn(op_load(
        addr,
        sc.users[0].access.clone(),
        sc.session,
        "a",
    )));
    tasks.push(tokio::spawn(op_load(
        addr,
        sc.users[1].access.clone(),
        sc.session,
        "b",
    )));
    tokio::time::sleep(LOAD_FOR).await;
    // A slow machine may not have written enough yet to prove anything: stop the server once
    // every kind of write has ten acknowledged (while they are still flowing), not on a clock.
    let deadline = Instant::now() + Duration::from_secs(15);
    while progress.iter().any(|p| p.load(Ordering::Relaxed) < 10) && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let stopped_at = Instant::now();
    stop_server(server);
    let mut all = Written::default();
    for t in tasks {
        let w = tokio::time::timeout(Duration::from_secs(30), t)
            .await
            .expect("load tasks end once the server is gone")
            .expect("load task");
        all.stories.extend(w.stories);
        all.comments.extend(w.comments);
        all.messages.extend(w.messages);
        all.ops.extend(w.ops);
        all.last_rest = all.last_rest.max(w.last_rest);
    }
    let last = all.last_rest.expect("some REST write succeeded");
    assert!(
        stopped_at.saturating_duration_since(last) < Duration::from_millis(200),
        "the REST load had stopped {:?} before the server did",
        stopped_at.saturating_duration_since(last)
    );
    stop.store(true, Ordering::Relaxed);
    (all, stopped_at)
}

fn open_db(dir: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open_with_flags(
        dir.join("pixeltales.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .expect("open db")
}

/// Every acknowledged REST write is stored as it was written.
fn assert_rest_writes_kept(db: &rusqlite::Connection, w: &Written) {
    assert!(
        w.stories.len() >= 10 && w.comments.len() >= 10 && w.messages.len() >= 10,
        "the load wrote too little to prove anything: {} stories, {} comments, {} messages",
        w.stories.len(),
        w.comments.len(),
        w.messages.len()
    );
    for (table, column, rows) in [
        ("stories", "title", &w.stories),
        ("comments", "text", &w.comments),
        ("messages", "text", &w.messages),
    ] {
        for (id, want) in rows {
            let got: Option<String> = db
                .query_row(
                    &format!("SELECT {column} FROM {table} WHERE id = ?1"),
                    [id],
                    |r| r.get(0),
                )
                .ok();
            assert_eq!(
                got.as_deref(),
                Some(want.as_str()),
                "{table} {id} was answered 2xx but is missing"
            );
        }
    }
}

/// The stored ops of the session: dense seqs from 1, each matching its ack. Returns the
/// acknowledged ops that were not stored (client op id, ack time).
fn stored_ops(
    db: &rusqlite::Connection,
    session: i64,
    w: &Written,
) -> (i64, Vec<(String, Instant)>) {
    let mut st = db
        .prepare("SELECT seq, client_op_id FROM collab_ops WHERE session_id = ?1 ORDER BY seq")
        .expect("prepare");
    let rows: Vec<(i64, Option<String>)> = st
        .query_map([session], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    for (i, (seq, _)) in rows.iter().enumerate() {
        assert_eq!(*seq, i as i64 + 1, "a gap in seq before {seq}");
    }
    let by_cid: std::collections::HashMap<&str, i64> = rows
        .iter()
        .filter_map(|(seq, c)| c.as_deref().map(|c| (c, *seq)))
        .collect();
    let mut lost = Vec::new();
    for (cid, seq, at) in &w.ops {
        match by_cid.get(cid.as_str()) {
            Some(stored) => assert_eq!(
                stored, seq,
                "op {cid} was acked as {seq} but stored as {stored}"
            ),
            None => lost.push((cid.clone(), *at)),
        }
    }
    (rows.len() as i64, lost)
}

/// `pixeltales check` on the data dir passes.
fn assert_check_passes(dir: &std::path::Path) {
    let (code, out, err) = cli(dir, &["check"], None);
    assert_eq!(code, 0, "pixeltales check failed:\n{out}\n{err}");
    assert!(out.lines().any(|l| l == "ok"), "{out}");
}

/// After a restart the session goes on from the stored seq: the next op gets max + 1.
async fn next_seq_follows(addr: SocketAddr, sc: &Scene, stored: i64) {
    let mut ws = Ws::connect_addr(addr, &sc.users[0].access).await;
    let state = ws
        .request(
            json!({ "type": "collab.join", "session_id": sc.session }),
            "j",
        )
        .await;
    assert_eq!(state["type"], "collab.state", "{state}");
    let ack = ws
        .request(
            json!({ "type": "collab.op", "session_id": sc.session, "client_op_id": "after", "op": { "kind": "title", "text": "After" } }),
            "o",
        )
        .await;
    assert_eq!(ack["type"], "collab.ack", "{ack}");
    assert_eq!(ack["seq"], stored + 1, "seq after restart: {ack}");
    ws.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigkill_mid_load_keeps_every_acknowledged_write() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut server = spawn(dir.path());
    let sc = scene(server.addr).await;
    let (w, killed_at) = load_then(&mut server, &sc, |s| {
        s.child.kill().expect("SIGKILL");
        s.child.wait().expect("reaped");
    })
    .await;
    drop(server);

    let mut again = spawn(dir.path());
    {
        let db = open_db(dir.path());
        assert_rest_writes_kept(&db, &w);
        let (stored, lost) = stored_ops(&db, sc.session, &w);
        assert!(
            w.ops.len() >= 100,
            "only {} ops were acknowledged",
            w.ops.len()
        );
        let window = Duration::from_millis(BATCH_MS) + FLUSH_SLACK;
        for (cid, at) in &lost {
            let before_kill = killed_at.saturating_duration_since(*at);
            assert!(
                before_kill <= window,
                "op {cid} was acked {before_kill:?} before the kill and is lost (window {window:?})"
            );
        }
        eprintln!(
            "SIGKILL: {} stories, {} comments, {} messages kept; {} of {} acked ops stored, {} lost in the last window",
            w.stories.len(),
            w.comments.len(),
            w.messages.len(),
            stored,
            w.ops.len(),
            lost.len()
        );
        next_seq_follows(again.addr, &sc, stored).await;
    }
    again.signal("TERM");
    assert!(again.wait(20).success(), "{}", again.log());
    assert_check_passes(dir.path());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_mid_load_loses_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut server = spawn(dir.path());
    let sc = scene(server.addr).await;
    let (w, _) = load_then(&mut server, &sc, |s| s.signal("TERM")).await;
    assert!(server.wait(30).success(), "{}", server.log());
    drop(server);
    assert_check_passes(dir.path());

    let db = open_db(dir.path());
    assert_rest_writes_kept(&db, &w);
    let (stored, lost) = stored_ops(&db, sc.session, &w);
    assert!(
        w.ops.len() >= 100,
        "only {} ops were acknowledged",
        w.ops.len()
    );
    assert!(
        lost.is_empty(),
        "{} acked ops lost after SIGTERM: {:?}",
        lost.len(),
        &lost[..lost.len().min(5)]
    );
    drop(db);

    let mut again = spawn(dir.path());
    next_seq_follows(again.addr, &sc, stored).await;
    again.signal("TERM");
    assert!(again.wait(20).success(), "{}", again.log());
}

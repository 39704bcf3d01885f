//! Helpers for the collaborative-drawing tests: sessions over REST, rooms over the socket,
//! ops and the rows they leave behind.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::ws::Ws;
use super::{Resp, Session, TestServer};
use futures_util::StreamExt;
use rusqlite::params;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
/// Test flags (the FAST hashing flags are added by `TestServer::start_in` already; clap refuses
/// a flag given twice, so they must not be repeated here).
pub const FLAGS: &[&str] = &["--presence-grace-ms", "200", "--collab-batch-ms", "50"];
/// The join-code alphabet: no O, I, 0 or 1.
pub const ALPHABET: &str = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// How long "nothing arrives" is watched for.
pub const QUIET: Duration = Duration::from_millis(300);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

pub async fn server() -> TestServer {
    TestServer::start_with(FLAGS).await
}

pub async fn server_with(extra: &[&str]) -> TestServer {
    let flags: Vec<&str> = FLAGS.iter().chain(extra.iter()).copied().collect();
    TestServer::start_with(&flags).await
}

/// A request id unique in the whole test binary (replies are matched on it).
pub fn rid(prefix: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

pub async fn user(s: &TestServer, name: &str) -> Session {
    s.register(name, "child").await
}

pub fn sorted(mut v: Vec<i64>) -> Vec<i64> {
    v.sort_unstable();
    v
}

pub fn id_of(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or_else(|| panic!("no id in {v}"))
}

pub fn code_of(v: &Value) -> String {
    v["join_code"]
        .as_str()
        .unwrap_or_else(|| panic!("no join_code in {v}"))
        .to_string()
}

/// The sorted user ids of a Session's `members`.
pub fn member_ids(session: &Value) -> Vec<i64> {
    sorted(
        session["members"]
            .as_array()
            .unwrap_or_else(|| panic!("no members in {session}"))
            .iter()
            .map(|m| m["user_id"].as_i64().expect("member user_id"))
            .collect(),
    )
}

/// The member entry of `user` in a Session or a collab.state.
pub fn member(session: &Value, user: i64) -> Value {
    session["members"]
        .as_array()
        .unwrap_or_else(|| panic!("no members in {session}"))
        .iter()
        .find(|m| m["user_id"] == user)
        .cloned()
        .unwrap_or_else(|| panic!("user {user} is not in {session}"))
}

pub fn member_color(session: &Value, user: i64) -> Value {
    let c = member(session, user)["color"].clone();
    assert!(c.is_string(), "colour of {user}: {c}");
    c
}

/// A sorted list of ids from a JSON array of numbers.
pub fn id_list(v: &Value) -> Vec<i64> {
    sorted(
        v.as_array()
            .unwrap_or_else(|| panic!("not an array: {v}"))
            .iter()
            .map(|x| x.as_i64().unwrap_or_else(|| panic!("not an id: {x}")))
            .collect(),
    )
}

/// POST /api/collab/sessions; asserts 201 and returns the Session.
pub async fn create_session(s: &TestServer, token: &str, body: Value) -> Value {
    let r = s
        .post("/api/collab/sessions")
        .bearer(token)
        .json(&body)
        .send()
        .await;
    assert_eq!(r.status, 201, "create session: {}", r.text());
    r.json()
}

/// A session with the defaults: (id, join code).
pub async fn new_session(s: &TestServer, token: &str) -> (i64, String) {
    let v = create_session(s, token, json!({})).await;
    (id_of(&v), code_of(&v))
}

pub async fn join(s: &TestServer, token: &str, code: &str) -> Resp {
    s.post("/api/collab/join")
        .bearer(token)
        .json(&json!({ "code": code }))
        .send()
        .await
}

pub async fn join_ok(s: &TestServer, token: &str, code: &str) -> Value {
    let r = join(s, token, code).await;
    assert_eq!(r.status, 200, "join {code}: {}", r.text());
    r.json()
}

/// POST /api/collab/sessions/{id}/start; asserts the session is drawing.
pub async fn start(s: &TestServer, token: &str, id: i64) -> Value {
    let r = s
        .post(&format!("/api/collab/sessions/{id}/start"))
        .bearer(token)
        .send()
        .await;
    assert_eq!(r.status, 200, "start: {}", r.text());
    let v = r.json();
    assert_eq!(v["state"], "drawing", "{v}");
    v
}

pub async fn get_session(s: &TestServer, token: &str, id: i64) -> Resp {
    s.get(&format!("/api/collab/sessions/{id}"))
        .bearer(token)
        .send()
        .await
}

/// The ids of the live sessions listed for `token`.
pub async fn listed(s: &TestServer, token: &str) -> Vec<i64> {
    let r = s.get("/api/collab/sessions").bearer(token).send().await;
    assert_eq!(r.status, 200, "list sessions: {}", r.text());
    r.json()["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(id_of)
        .collect()
}

pub async fn invite(s: &TestServer, token: &str, id: i64, user_id: i64) -> Resp {
    s.post(&format!("/api/collab/sessions/{id}/invites"))
        .bearer(token)
        .json(&json!({ "user_id": user_id }))
        .send()
        .await
}

pub async fn pending_invites(s: &TestServer, token: &str) -> Vec<Value> {
    let r = s.get("/api/collab/invites").bearer(token).send().await;
    assert_eq!(r.status, 200, "list invites: {}", r.text());
    r.json()["items"].as_array().cloned().expect("items")
}

pub async fn answer_invite(s: &TestServer, token: &str, invite_id: i64, answer: &str) -> Resp {
    s.post(&format!("/api/collab/invites/{invite_id}/{answer}"))
        .bearer(token)
        .send()
        .await
}

pub async fn kick(s: &TestServer, token: &str, id: i64, user_id: i64) -> Resp {
    s.post(&format!("/api/collab/sessions/{id}/kick"))
        .bearer(token)
        .json(&json!({ "user_id": user_id }))
        .send()
        .await
}

/// Sends collab.join on an open socket; asserts the reply is a collab.state for `id`.
pub async fn join_room(ws: &mut Ws, id: i64) -> Value {
    let f = ws
        .request(
            json!({ "type": "collab.join", "session_id": id }),
            &rid("join"),
        )
        .await;
    assert_eq!(f["type"], "collab.state", "collab.join {id}: {f}");
    assert_eq!(f["session_id"], id, "{f}");
    f
}

/// Connects a socket and opens the session's room: (socket, collab.state).
pub async fn open_room(s: &TestServer, token: &str, id: i64) -> (Ws, Value) {
    let mut ws = Ws::connect(s, token).await;
    let state = join_room(&mut ws, id).await;
    (ws, state)
}

/// A fresh collab.state from a new socket (closed afterwards).
pub async fn snapshot(s: &TestServer, token: &str, id: i64) -> Value {
    let (ws, state) = open_room(s, token, id).await;
    ws.close().await;
    state
}

/// Sends a frame with a request id and returns the reply; asserts it is an error.
pub async fn error_code(ws: &mut Ws, frame: Value) -> String {
    let f = ws.request(frame, &rid("req")).await;
    assert_eq!(f["type"], "error", "expected an error frame, got {f}");
    f["code"].as_str().unwrap_or("<no code>").to_string()
}

/// Sends a durable op and returns the reply echoing the request (ack or error).
pub async fn send_op(ws: &mut Ws, id: i64, cid: &str, op: Value) -> Value {
    ws.request(
        json!({ "type": "collab.op", "session_id": id, "client_op_id": cid, "op": op }),
        &rid("op"),
    )
    .await
}

/// Sends a durable op; asserts the ack and returns its seq.
pub async fn ack(ws: &mut Ws, id: i64, cid: &str, op: Value) -> i64 {
    let f = send_op(ws, id, cid, op).await;
    assert_eq!(f["type"], "collab.ack", "op {cid} not acked: {f}");
    assert_eq!(f["client_op_id"], cid, "{f}");
    assert_eq!(f["session_id"], id, "{f}");
    f["seq"]
        .as_i64()
        .unwrap_or_else(|| panic!("ack without seq: {f}"))
}

/// Sends a durable op; asserts it is refused and returns the error code.
pub async fn refused(ws: &mut Ws, id: i64, cid: &str, op: Value) -> String {
    let f = send_op(ws, id, cid, op).await;
    assert_eq!(f["type"], "error", "op {cid} should be refused: {f}");
    f["code"].as_str().unwrap_or("<no code>").to_string()
}

/// The next collab.op whose op.kind is `kind` (collab.op frames of other kinds are dropped).
pub async fn next_op(ws: &mut Ws, kind: &str) -> Value {
    for _ in 0..100 {
        let f = ws.next_of("collab.op").await;
        if f["op"]["kind"] == kind {
            return f;
        }
    }
    panic!("no collab.op of kind {kind}");
}

/// The next collab.vote_update with these counts (earlier updates are dropped).
pub async fn vote_update(ws: &mut Ws, yes: i64, no: i64) -> Value {
    for _ in 0..5 {
        let f = ws.next_of("collab.vote_update").await;
        if f["yes"] == yes && f["no"] == no {
            return f;
        }
    }
    panic!("no collab.vote_update with yes={yes} no={no}");
}

/// The next notification.new of this notification type.
pub async fn notification_of(ws: &mut Ws, kind: &str) -> Value {
    for _ in 0..5 {
        let f = ws.next_of("notification.new").await;
        if f["notification"]["type"] == kind {
            return f;
        }
    }
    panic!("no notification.new of type {kind}");
}

/// Every frame of type `kind` read straight off the wire during `wait` (other types are
/// dropped; only for sockets whose buffered frames do not matter any more).
pub async fn collect_of(ws: &mut Ws, kind: &str, wait: Duration) -> Vec<Value> {
    let mut out = Vec::new();
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        if left.is_zero() {
            return out;
        }
        match tokio::time::timeout(left, ws.raw().next()).await {
            Err(_) => return out,
            Ok(Some(Ok(Message::Text(t)))) => {
                let f: Value = serde_json::from_str(t.as_str()).expect("server sent JSON");
                if f["type"] == kind {
                    out.push(f);
                }
            }
            Ok(Some(Ok(_))) => continue,
            Ok(None) | Ok(Some(Err(_))) => panic!("socket closed while collecting {kind}"),
        }
    }
}

/// The socket still answers.
pub async fn alive(ws: &mut Ws) {
    ws.send(json!({ "type": "ping" })).await;
    ws.next_of("pong").await;
}

/// A pen stroke starting at x (floats, so the item compares the same after a round trip).
pub fn stroke(x: f64) -> Value {
    json!({
        "type": "stroke", "tool": "pen", "color": "#1c7ed6", "width": 6.0,
        "points": [x, 20.0, x + 4.0, 25.0]
    })
}

pub fn draw(page: &Value, x: f64) -> Value {
    json!({ "kind": "draw", "page_id": page, "item": stroke(x) })
}

pub fn page_text(page: &Value, text: &str) -> Value {
    json!({ "kind": "page_text", "page_id": page, "text": text })
}

/// Asserts a drawing item is the stroke made by `stroke(x)`.
pub fn assert_stroke(item: &Value, x: f64) {
    assert_eq!(item["type"], "stroke", "{item}");
    assert_eq!(item["tool"], "pen", "{item}");
    assert_eq!(item["color"], "#1c7ed6", "{item}");
    assert_eq!(item["width"].as_f64(), Some(6.0), "{item}");
    assert_eq!(item["points"][0].as_f64(), Some(x), "{item}");
    assert_eq!(item["points"][2].as_f64(), Some(x + 4.0), "{item}");
}

pub fn pages(state: &Value) -> Vec<Value> {
    state["pages"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("no pages in {state}"))
}

pub fn page_ids(state: &Value) -> Vec<Value> {
    pages(state).iter().map(|p| p["id"].clone()).collect()
}

pub fn first_page(state: &Value) -> Value {
    let id = page_ids(state)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no page in {state}"));
    assert!(!id.is_null(), "{state}");
    id
}

pub fn page(state: &Value, id: &Value) -> Value {
    pages(state)
        .into_iter()
        .find(|p| p["id"] == *id)
        .unwrap_or_else(|| panic!("page {id} is not in {state}"))
}

/// The `items` entries ({seq, user_id, item, hidden}) of a page.
pub fn entries(page: &Value) -> Vec<Value> {
    page["items"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("no items in {page}"))
}

/// Stored ops of one kind for a session.
pub fn op_count(s: &TestServer, session: i64, kind: &str) -> i64 {
    s.db()
        .query_row(
            "SELECT count(*) FROM collab_ops WHERE session_id = ?1 AND json_extract(op, '$.kind') = ?2",
            params![session, kind],
            |r| r.get(0),
        )
        .expect("count ops")
}

/// Every stored op of a session.
pub fn all_ops(s: &TestServer, session: i64) -> i64 {
    s.db()
        .query_row(
            "SELECT count(*) FROM collab_ops WHERE session_id = ?1",
            [session],
            |r| r.get(0),
        )
        .expect("count ops")
}

/// Polls until `want` ops of `kind` are stored (write-behind), for at most 3 s; returns the count.
pub async fn wait_ops(s: &TestServer, session: i64, kind: &str, want: i64) -> i64 {
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let n = op_count(s, session, kind);
        if n == want || Instant::now() > deadline {
            return n;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// A session started by `host` with `guest` joined by code, both in the room:
/// (session id, join code, host socket, guest socket, first page id). The host's
/// member_joined for the guest is consumed.
pub async fn drawing_pair(
    s: &TestServer,
    host: &Session,
    guest: &Session,
) -> (i64, String, Ws, Ws, Value) {
    let (id, code) = new_session(s, &host.access).await;
    join_ok(s, &guest.access, &code).await;
    start(s, &host.access, id).await;
    let (mut a, state) = open_room(s, &host.access, id).await;
    assert_eq!(state["state"], "drawing", "{state}");
    let (b, _) = open_room(s, &guest.access, id).await;
    let joined = a.next_of("collab.member_joined").await;
    assert_eq!(joined["user_id"], guest.user_id, "{joined}");
    let p = first_page(&state);
    (id, code, a, b, p)
}

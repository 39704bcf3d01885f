//! Helpers and constants the security tests share.

#![allow(dead_code)]

pub(crate) use std::path::Path;
pub(crate) use std::sync::atomic::{AtomicU64, Ordering};
pub(crate) use std::time::{Duration, Instant};

pub(crate) use crate::common::ws::{Ws, open_raw};
pub(crate) use crate::common::{BinServer, PASSWORD, Resp, Session, TestServer};
pub(crate) use rusqlite::params;
pub(crate) use serde_json::{Value, json};

/// Realtime flags the collab tests use (FAST hashing is added by `TestServer` already).
pub(crate) const COLLAB: &[&str] = &["--presence-grace-ms", "200", "--collab-batch-ms", "50"];
/// How long "nothing arrives" is watched for.
pub(crate) const QUIET: Duration = Duration::from_millis(300);
/// Markup a stored-XSS attacker would try.
pub(crate) const XSS: &str =
    "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";

/// Asserts an error answer: status and error code.
#[track_caller]
pub(crate) fn refused(r: &Resp, status: u16, code: &str, what: &str) {
    assert_eq!(r.status, status, "{what}: {}", r.text());
    assert_eq!(r.code(), code, "{what}: {}", r.text());
}

/// A number read from the database.
pub(crate) fn count<P: rusqlite::Params>(s: &TestServer, sql: &str, p: P) -> i64 {
    s.db().query_row(sql, p, |r| r.get(0)).expect("count query")
}

/// Registers `root` and makes it an admin.
pub(crate) async fn admin(s: &TestServer) -> Session {
    let root = s.register("root", "parent").await;
    s.make_admin(&root);
    root
}

/// `PATCH /api/admin/users/{id}` as an admin; asserts 200.
pub(crate) async fn admin_patch(s: &TestServer, root: &Session, id: i64, body: Value) {
    let r = s
        .patch(&format!("/api/admin/users/{id}"))
        .bearer(&root.access)
        .json(&body)
        .send()
        .await;
    assert_eq!(r.status, 200, "admin patch {body}: {}", r.text());
}

/// Suspends `id` for a day.
pub(crate) async fn suspend(s: &TestServer, root: &Session, id: i64) {
    let until = pixeltales::time::now() + 86_400;
    admin_patch(
        s,
        root,
        id,
        json!({ "status": "suspended", "suspended_until": until }),
    )
    .await;
}

/// Archives `id`.
pub(crate) async fn archive(s: &TestServer, root: &Session, id: i64) {
    admin_patch(s, root, id, json!({ "status": "archived" })).await;
}

/// A password reset code for `id`, made by an admin.
pub(crate) async fn reset_code(s: &TestServer, root: &Session, id: i64) -> String {
    let r = s
        .post(&format!("/api/admin/users/{id}/reset-code"))
        .bearer(&root.access)
        .send()
        .await;
    assert_eq!(r.status, 201, "reset code: {}", r.text());
    r.json()["code"].as_str().expect("code").to_string()
}

/// `POST /api/auth/reset`.
pub(crate) async fn redeem_reset(
    s: &TestServer,
    username: &str,
    code: &str,
    password: &str,
) -> Resp {
    s.post("/api/auth/reset")
        .json(&json!({ "username": username, "code": code, "password": password }))
        .send()
        .await
}

/// A family link code the child makes for itself.
pub(crate) async fn link_code(s: &TestServer, kid: &Session) -> String {
    let r = s
        .post("/api/family/link-codes")
        .bearer(&kid.access)
        .send()
        .await;
    assert_eq!(r.status, 201, "link code: {}", r.text());
    r.json()["code"].as_str().expect("code").to_string()
}

/// `POST /api/family/link` as a parent.
pub(crate) async fn link(s: &TestServer, parent: &Session, code: &str) -> Resp {
    s.post("/api/family/link")
        .bearer(&parent.access)
        .json(&json!({ "code": code }))
        .send()
        .await
}

/// The `user.id` of every item of a list answer.
pub(crate) fn item_user_ids(v: &Value) -> Vec<i64> {
    v["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items in {v}"))
        .iter()
        .map(|i| i["user"]["id"].as_i64().expect("user id"))
        .collect()
}

/// GET that must answer 200; returns the body.
pub(crate) async fn get_ok(s: &TestServer, who: &Session, path: &str) -> Value {
    let r = s.get(path).bearer(&who.access).send().await;
    assert_eq!(r.status, 200, "GET {path}: {}", r.text());
    r.json()
}

/// A request id unique in this test binary.
pub(crate) fn rid(prefix: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A new drawing session hosted by `token`: (id, join code).
pub(crate) async fn new_session(s: &TestServer, token: &str) -> (i64, String) {
    let r = s
        .post("/api/collab/sessions")
        .bearer(token)
        .json(&json!({}))
        .send()
        .await;
    assert_eq!(r.status, 201, "create session: {}", r.text());
    let v = r.json();
    let id = v["id"].as_i64().expect("session id");
    let code = v["join_code"].as_str().expect("join code").to_string();
    (id, code)
}

/// Joins a session by its code; asserts 200.
pub(crate) async fn join_by_code(s: &TestServer, token: &str, code: &str) {
    let r = s
        .post("/api/collab/join")
        .bearer(token)
        .json(&json!({ "code": code }))
        .send()
        .await;
    assert_eq!(r.status, 200, "join {code}: {}", r.text());
}

/// `POST /api/collab/sessions/{id}/{action}` with an optional JSON body.
pub(crate) async fn host_call(
    s: &TestServer,
    token: &str,
    id: i64,
    action: &str,
    body: Option<Value>,
) -> Resp {
    let call = s
        .post(&format!("/api/collab/sessions/{id}/{action}"))
        .bearer(token);
    match body {
        Some(b) => call.json(&b).send().await,
        None => call.send().await,
    }
}

/// `POST /api/collab/invites/{id}/{answer}`.
pub(crate) async fn answer_invite(s: &TestServer, token: &str, invite: i64, answer: &str) -> Resp {
    s.post(&format!("/api/collab/invites/{invite}/{answer}"))
        .bearer(token)
        .send()
        .await
}

/// Starts a session; asserts 200.
pub(crate) async fn start_session(s: &TestServer, token: &str, id: i64) {
    let r = host_call(s, token, id, "start", None).await;
    assert_eq!(r.status, 200, "start: {}", r.text());
}

/// Connects a socket and opens the session's room: (socket, collab.state).
pub(crate) async fn open_room(s: &TestServer, token: &str, id: i64) -> (Ws, Value) {
    let mut ws = Ws::connect(s, token).await;
    let f = ws
        .request(
            json!({ "type": "collab.join", "session_id": id }),
            &rid("join"),
        )
        .await;
    assert_eq!(f["type"], "collab.state", "collab.join {id}: {f}");
    (ws, f)
}

/// The id of the first page of a collab.state.
pub(crate) fn first_page(state: &Value) -> Value {
    let p = state["pages"][0]["id"].clone();
    assert!(!p.is_null(), "no page in {state}");
    p
}

/// A durable draw op: one pen stroke starting at x.
pub(crate) fn draw(page: &Value, x: f64) -> Value {
    json!({
        "kind": "draw", "page_id": page,
        "item": {
            "type": "stroke", "tool": "pen", "color": "#1c7ed6", "width": 6.0,
            "points": [x, 20.0, x + 4.0, 25.0]
        }
    })
}

/// Sends a durable op; asserts the ack.
pub(crate) async fn ack(ws: &mut Ws, id: i64, op: Value) {
    let cid = rid("op");
    let f = ws
        .request(
            json!({ "type": "collab.op", "session_id": id, "client_op_id": cid, "op": op }),
            &rid("req"),
        )
        .await;
    assert_eq!(f["type"], "collab.ack", "op not acked: {f}");
}

/// Sends a frame with a request id; asserts an error frame and returns its code.
pub(crate) async fn frame_error(ws: &mut Ws, frame: Value) -> String {
    let f = ws.request(frame, &rid("req")).await;
    assert_eq!(f["type"], "error", "expected an error frame, got {f}");
    f["code"].as_str().unwrap_or("<no code>").to_string()
}

/// Every file under `dir`, recursively.
pub(crate) fn files_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

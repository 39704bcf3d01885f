//! Realtime through the real server: WebSocket tickets and handshake checks, the frame protocol
//! (ping, errors, limits), sockets per user, presence with its grace period, pushed
//! notifications, friend-request pushes, direct messages (REST + pushes), typing, and sockets
//! closed when a sign-in ends.
//!
//! `TestServer::start_with` already adds `crate::common::FAST` (cheap hashing), so the extra flags here
//! are only the realtime ones (clap refuses a flag given twice).

use std::time::{Duration, Instant};

use crate::common::ws::{Ws, open_raw, ticket};
use crate::common::{PASSWORD, Resp, Session, TestServer};
use futures_util::SinkExt;
use rusqlite::params;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;

/// A short grace so presence tests stay quick.
const GRACE: &[&str] = &["--presence-grace-ms", "300"];

/// Long enough to be sure a frame is not coming.
const QUIET: Duration = Duration::from_millis(500);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A user's username, from the database.
fn username(s: &TestServer, who: &Session) -> String {
    s.db()
        .query_row(
            "SELECT username FROM users WHERE id = ?1",
            [who.user_id],
            |r| r.get(0),
        )
        .expect("username")
}

/// Makes two people friends through the API: `a` asks by username, `b` accepts.
async fn befriend(s: &TestServer, a: &Session, b: &Session) {
    let r = s
        .post("/api/friends/requests")
        .bearer(&a.access)
        .json(&json!({ "username": username(s, b) }))
        .send()
        .await;
    assert_eq!(r.status, 201, "friend request: {}", r.text());
    let id = r.json()["id"].as_i64().expect("request id");
    let r = s
        .post(&format!("/api/friends/requests/{id}/accept"))
        .bearer(&b.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "accept: {}", r.text());
}

/// Turns the given notification types off for `who` (PATCH /api/me {"notifications": ...}).
async fn mute(s: &TestServer, who: &Session, kinds: &[&str]) {
    let mut prefs = serde_json::Map::new();
    for k in kinds {
        prefs.insert((*k).to_string(), Value::Bool(false));
    }
    let r = s
        .patch("/api/me")
        .bearer(&who.access)
        .json(&json!({ "notifications": prefs }))
        .send()
        .await;
    assert_eq!(r.status, 200, "mute {kinds:?}: {}", r.text());
}

/// The next `notification.new` whose notification has type `kind` (others are skipped).
async fn note_of(ws: &mut Ws, kind: &str) -> Value {
    loop {
        let f = ws.next_of("notification.new").await;
        if f["notification"]["type"] == kind {
            return f;
        }
    }
}

/// A ping answered by a pong echoing the id: the socket is open and working.
async fn assert_pong(ws: &mut Ws, id: &str) {
    let r = ws.request(json!({ "type": "ping" }), id).await;
    assert_eq!(r["type"], "pong", "{r}");
    assert_eq!(r["id"], id, "{r}");
}

/// Opens `/ws?{query}` (the upgrade must succeed) without reading anything.
async fn raw(s: &TestServer, query: &str) -> Ws {
    Ws::from_raw(open_raw(s.addr, query).await.expect("upgrade accepted"))
}

/// POST /api/conversations/{to}/messages as `from`.
async fn send_message(s: &TestServer, from: &Session, to: i64, text: &str) -> Resp {
    s.post(&format!("/api/conversations/{to}/messages"))
        .bearer(&from.access)
        .json(&json!({ "text": text }))
        .send()
        .await
}

/// Sends a message that must be accepted; returns the message JSON.
async fn sent(s: &TestServer, from: &Session, to: i64, text: &str) -> Value {
    let r = send_message(s, from, to, text).await;
    assert_eq!(r.status, 201, "send {text:?}: {}", r.text());
    r.json()["message"].clone()
}

/// GET that must answer 200; returns the body.
async fn get_ok(s: &TestServer, who: &Session, path: &str) -> Value {
    let r = s.get(path).bearer(&who.access).send().await;
    assert_eq!(r.status, 200, "GET {path}: {}", r.text());
    r.json()
}

/// The ids of a list answer's items, in order.
fn ids(v: &Value) -> Vec<i64> {
    v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|m| m["id"].as_i64().expect("item id"))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 1. Tickets and the hello frame
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn ticket_needs_a_sign_in() {
    let s = TestServer::start().await;
    let r = s.post("/api/realtime/ticket").send().await;
    assert_eq!(r.status, 401, "{}", r.text());
    let r = s
        .post("/api/realtime/ticket")
        .bearer("not-a-token")
        .send()
        .await;
    assert_eq!(r.status, 401, "{}", r.text());

    let u = s.register("tix_user", "child").await;
    let r = s
        .post("/api/realtime/ticket")
        .bearer(&u.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let body = r.json();
    assert!(
        body["ticket"].as_str().is_some_and(|t| !t.is_empty()),
        "{body}"
    );
    assert_eq!(body["expires_in"], 30, "{body}");
}

#[tokio::test]
async fn a_ticket_works_once_and_hello_describes_the_user() {
    let s = TestServer::start().await;
    let u = s.register("once_user", "child").await;
    let t = ticket(s.addr, &u.access).await;

    let mut first = raw(&s, &format!("ticket={t}")).await;
    let hello = first.next_of("hello").await;
    assert_eq!(hello["protocol"], 1, "{hello}");
    assert_eq!(hello["user_id"], u.user_id, "{hello}");
    assert_eq!(hello["online_friends"], json!([]), "{hello}");
    assert_eq!(hello["unread_count"], 0, "{hello}");

    // Used: the upgrade is accepted, then closed with 4401.
    let mut again = raw(&s, &format!("ticket={t}")).await;
    let (code, _) = again.closed().await;
    assert_eq!(code, 4401, "a used ticket");

    // The first socket is not affected.
    assert_pong(&mut first, "still-here").await;
    first.close().await;
}

#[tokio::test]
async fn garbage_and_missing_tickets_are_closed_4401() {
    let s = TestServer::start().await;
    let mut ws = raw(&s, "ticket=not-a-real-ticket").await;
    assert_eq!(ws.closed().await.0, 4401, "garbage ticket");
    let mut ws = raw(&s, "ticket=").await;
    assert_eq!(ws.closed().await.0, 4401, "empty ticket");
    let mut ws = raw(&s, "").await;
    assert_eq!(ws.closed().await.0, 4401, "no ticket");
}

#[tokio::test]
async fn an_expired_ticket_is_closed_4401() {
    let s = TestServer::start_with(&["--ws-ticket-secs", "1"]).await;
    let u = s.register("late_user", "child").await;
    let t = ticket(s.addr, &u.access).await;
    // A little over one second plus a whole-second tick, in case expiry has second granularity.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let mut ws = raw(&s, &format!("ticket={t}")).await;
    assert_eq!(ws.closed().await.0, 4401, "expired ticket");

    // A fresh ticket still works on this server.
    let mut ok = Ws::connect(&s, &u.access).await;
    assert_eq!(ok.hello["user_id"], u.user_id);
    assert_pong(&mut ok, "fresh").await;
}

#[tokio::test]
async fn another_protocol_version_is_closed_4400() {
    let s = TestServer::start().await;
    let u = s.register("v2_user", "child").await;
    let t = ticket(s.addr, &u.access).await;
    let mut ws = raw(&s, &format!("ticket={t}&v=2")).await;
    assert_eq!(ws.closed().await.0, 4400, "v=2");

    // v=1 is this server's protocol.
    let t = ticket(s.addr, &u.access).await;
    let mut ws = raw(&s, &format!("ticket={t}&v=1")).await;
    let hello = ws.next_of("hello").await;
    assert_eq!(hello["protocol"], 1, "{hello}");
}

// ---------------------------------------------------------------------------------------------
// 2. Origin check
// ---------------------------------------------------------------------------------------------

/// Connects to /ws with a ticket and an Origin header.
async fn connect_with_origin(
    s: &TestServer,
    token: &str,
    origin: &str,
) -> Result<Ws, tungstenite::Error> {
    let t = ticket(s.addr, token).await;
    let mut req = format!("ws://{}/ws?ticket={t}", s.addr)
        .into_client_request()
        .expect("request");
    req.headers_mut().insert(
        "origin",
        HeaderValue::from_str(origin).expect("header value"),
    );
    tokio_tungstenite::connect_async(req)
        .await
        .map(|(stream, _)| Ws::from_raw(stream))
}

/// Asserts that the handshake was refused with HTTP 403 (JSON `bad_origin` when a body came).
fn assert_bad_origin(res: Result<Ws, tungstenite::Error>) {
    match res {
        Ok(_) => panic!("a foreign origin was upgraded"),
        Err(tungstenite::Error::Http(resp)) => {
            assert_eq!(resp.status().as_u16(), 403, "status");
            if let Some(body) = resp.body().as_ref().filter(|b| !b.is_empty()) {
                let v: Value = serde_json::from_slice(body).expect("JSON error body");
                assert_eq!(v["error"]["code"], "bad_origin", "{v}");
            }
        }
        Err(e) => panic!("expected an HTTP 403 refusal, got {e}"),
    }
}

#[tokio::test]
async fn a_foreign_origin_is_refused_before_the_upgrade() {
    let s = TestServer::start().await;
    let u = s.register("origin_u", "child").await;

    assert_bad_origin(connect_with_origin(&s, &u.access, "http://evil.example").await);

    // The server's own origin (http://{Host}) is fine.
    let mut ws = connect_with_origin(&s, &u.access, &format!("http://{}", s.addr))
        .await
        .expect("same-origin upgrade");
    let hello = ws.next_of("hello").await;
    assert_eq!(hello["user_id"], u.user_id, "{hello}");
}

#[tokio::test]
async fn the_configured_public_origin_is_accepted() {
    let s = TestServer::start_with(&["--public-url", "https://tales.example.org"]).await;
    let u = s.register("public_u", "child").await;

    let mut ws = connect_with_origin(&s, &u.access, "https://tales.example.org")
        .await
        .expect("public origin upgrade");
    assert_eq!(ws.next_of("hello").await["user_id"], u.user_id);

    assert_bad_origin(connect_with_origin(&s, &u.access, "https://evil.example").await);
}

// ---------------------------------------------------------------------------------------------
// 3. Frames: ping, malformed, unknown, oversized
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn ping_is_answered_with_a_pong_echoing_the_id() {
    let s = TestServer::start().await;
    let u = s.register("pinger", "child").await;
    let mut ws = Ws::connect(&s, &u.access).await;
    assert_pong(&mut ws, "p1").await;

    // A numeric id comes back (as the protocol echoes it).
    ws.send(json!({ "type": "ping", "id": 42 })).await;
    let pong = ws.next_of("pong").await;
    assert!(
        pong["id"] == json!(42) || pong["id"] == json!("42"),
        "{pong}"
    );
}

#[tokio::test]
async fn malformed_json_is_an_error_frame_and_the_socket_stays_open() {
    let s = TestServer::start().await;
    let u = s.register("garbler", "child").await;
    let mut ws = Ws::connect(&s, &u.access).await;

    ws.send_text("{not json").await;
    let err = ws.next_of("error").await;
    assert_eq!(err["code"], "bad_json", "{err}");
    assert!(err["message"].is_string(), "{err}");

    ws.send_text("[1, 2, 3]").await;
    assert_eq!(ws.next_of("error").await["code"], "bad_json");

    assert_pong(&mut ws, "after-garbage").await;
}

#[tokio::test]
async fn an_unknown_type_is_an_error_echoing_the_id() {
    let s = TestServer::start().await;
    let u = s.register("dancer", "child").await;
    let mut ws = Ws::connect(&s, &u.access).await;

    let err = ws.request(json!({ "type": "dance" }), "u1").await;
    assert_eq!(err["type"], "error", "{err}");
    assert_eq!(err["code"], "unknown_type", "{err}");
    assert_eq!(err["id"], "u1", "{err}");

    assert_pong(&mut ws, "after-dance").await;
}

#[tokio::test]
async fn an_oversized_frame_closes_the_socket_1009() {
    let s = TestServer::start().await;
    let u = s.register("bigmouth", "child").await;
    let mut ws = Ws::connect(&s, &u.access).await;

    let big = format!(
        r#"{{"type":"ping","id":"big","pad":"{}"}}"#,
        "x".repeat(300 * 1024)
    );
    // The server may stop reading mid-frame; do not let the write hang or panic the test.
    let _ = tokio::time::timeout(Duration::from_secs(3), ws.raw().send(Message::text(big))).await;
    let (code, _) = ws.closed().await;
    assert_eq!(code, 1009, "300 KiB text frame");
}

// ---------------------------------------------------------------------------------------------
// 4. Sockets per user
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_socket_over_the_per_user_limit_is_closed_4001() {
    let s = TestServer::start_with(&["--ws-per-user", "2"]).await;
    let u = s.register("many_tabs", "child").await;
    let mut one = Ws::connect(&s, &u.access).await;
    let mut two = Ws::connect(&s, &u.access).await;

    let t = ticket(s.addr, &u.access).await;
    let mut three = raw(&s, &format!("ticket={t}")).await;
    let (code, _) = three.closed().await;
    assert_eq!(code, 4001, "third socket");

    assert_pong(&mut one, "one").await;
    assert_pong(&mut two, "two").await;

    // Another user is not affected by this user's limit.
    let other = s.register("other_tab", "child").await;
    let mut o = Ws::connect(&s, &other.access).await;
    assert_pong(&mut o, "other").await;

    // A freed slot can be used again.
    one.close().await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut again = Ws::connect(&s, &u.access).await;
    assert_pong(&mut again, "again").await;
}

// ---------------------------------------------------------------------------------------------
// 5. Presence (scenario 17)
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn presence_follows_the_first_and_last_tab_with_a_grace_period() {
    let s = TestServer::start_with(GRACE).await;
    let u = s.register("pres_u", "child").await;
    let v = s.register("pres_v", "child").await;
    let w = s.register("pres_w", "child").await;
    let x = s.register("pres_x", "child").await;
    befriend(&s, &u, &v).await;
    befriend(&s, &u, &w).await;
    // X is V's friend but not U's: X must hear nothing about U.
    befriend(&s, &v, &x).await;

    s.db_rw()
        .execute(
            "UPDATE users SET last_seen_at = NULL WHERE id = ?1",
            [u.user_id],
        )
        .expect("clear last_seen_at");
    let t0 = common_now();

    let mut vs = Ws::connect(&s, &v.access).await;
    assert_eq!(vs.hello["online_friends"], json!([]), "{}", vs.hello);
    let mut xs = Ws::connect(&s, &x.access).await;
    let xs_friends = xs.hello["online_friends"]
        .as_array()
        .expect("array")
        .clone();
    assert!(xs_friends.contains(&json!(v.user_id)), "{}", xs.hello);
    // X arriving is V's business.
    assert_eq!(vs.next_of("presence.online").await["user_id"], x.user_id);

    // U's first tab.
    let tab1 = Ws::connect(&s, &u.access).await;
    let online = tab1.hello["online_friends"]
        .as_array()
        .expect("online_friends")
        .clone();
    assert!(online.contains(&json!(v.user_id)), "{}", tab1.hello);
    assert!(!online.contains(&json!(w.user_id)), "{}", tab1.hello);
    assert!(!online.contains(&json!(x.user_id)), "{}", tab1.hello);
    let p = vs.next_of("presence.online").await;
    assert_eq!(p["user_id"], u.user_id, "{p}");

    // A second tab, then the first closes: no presence frames within the grace and beyond.
    let mut tab2 = Ws::connect(&s, &u.access).await;
    tab1.close().await;
    vs.none_of("presence.offline", Duration::from_millis(800))
        .await;
    vs.none_of("presence.online", Duration::ZERO).await;
    assert_pong(&mut tab2, "tab2").await;

    // The last tab closes: offline after the grace, with last_seen.
    tab2.close().await;
    let off = vs.next_of("presence.offline").await;
    assert_eq!(off["user_id"], u.user_id, "{off}");
    let last_seen = off["last_seen"].as_str().expect("last_seen string");
    assert!(
        last_seen.len() >= 20 && last_seen.contains('T'),
        "RFC 3339: {last_seen}"
    );

    // users.last_seen_at is written (allow the write a moment).
    let deadline = Instant::now() + Duration::from_secs(3);
    let seen = loop {
        let seen: Option<i64> = s
            .db()
            .query_row(
                "SELECT last_seen_at FROM users WHERE id = ?1",
                [u.user_id],
                |r| r.get(0),
            )
            .expect("last_seen_at");
        if let Some(t) = seen {
            break t;
        }
        assert!(Instant::now() < deadline, "last_seen_at was not set");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(
        seen >= t0 - 1,
        "last_seen_at {seen} is older than the test ({t0})"
    );

    // X (online all along, not U's friend) got no presence frames at all (V stayed online, so
    // any presence frame reaching X would be about U).
    xs.none_of("presence.online", Duration::from_millis(200))
        .await;
    xs.none_of("presence.offline", Duration::ZERO).await;
    // And V got exactly one offline for U.
    vs.none_of("presence.offline", Duration::from_millis(200))
        .await;
}

/// Unix seconds now (as the server stores times).
fn common_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64
}

// ---------------------------------------------------------------------------------------------
// 6. Notifications pushed
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_like_is_pushed_to_every_tab_and_reading_it_pushes_the_unread_count() {
    let s = TestServer::start().await;
    let a = s.register("note_author", "child").await;
    let b = s.register("note_liker", "child").await;
    let c = s.register("note_third", "child").await;
    // Rewards for publishing or being liked would add notifications of their own.
    mute(&s, &a, &["achievement", "level_up"]).await;
    let story = s
        .published(
            &a.access,
            "The Brave Kite",
            &["Once upon a time", "The end"],
        )
        .await;

    let mut a1 = Ws::connect(&s, &a.access).await;
    let mut a2 = Ws::connect(&s, &a.access).await;
    assert_eq!(a1.hello["unread_count"], 0, "{}", a1.hello);

    let r = s
        .post(&format!("/api/stories/{story}/like"))
        .bearer(&b.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());

    let f1 = note_of(&mut a1, "story_liked").await;
    let f2 = note_of(&mut a2, "story_liked").await;
    for f in [&f1, &f2] {
        let n = &f["notification"];
        assert_eq!(f["unread_count"], 1, "{f}");
        assert_eq!(n["actor"]["id"], b.user_id, "{f}");
        assert_eq!(n["actor"]["display_name"], "note_liker", "{f}");
        assert!(n["actor"].get("avatar_emoji").is_some(), "{f}");
        assert_eq!(n["target"], json!({ "type": "story", "id": story }), "{f}");
        assert_eq!(n["read"], false, "{f}");
        assert!(n["created_at"].is_string(), "{f}");
        assert!(n["data"].is_object(), "{f}");
    }
    let nid = f1["notification"]["id"].as_i64().expect("notification id");
    assert_eq!(f2["notification"]["id"], nid);

    // Mark it read: both tabs hear the new count.
    let r = s
        .post(&format!("/api/notifications/{nid}/read"))
        .bearer(&a.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["unread_count"], 0);
    for ws in [&mut a1, &mut a2] {
        let u = ws.next_of("notification.unread").await;
        assert_eq!(u["unread_count"], 0, "{u}");
    }

    // Muted: a later like is neither pushed nor stored.
    mute(&s, &a, &["story_liked"]).await;
    let r = s
        .post(&format!("/api/stories/{story}/like"))
        .bearer(&c.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    tokio::join!(
        a1.none_of("notification.new", QUIET),
        a2.none_of("notification.new", QUIET)
    );
    let stored: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM notifications WHERE user_id = ?1 AND type = 'story_liked'",
            [a.user_id],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(stored, 1, "the muted like was stored");
}

#[tokio::test]
async fn read_all_pushes_zero_unread_to_every_tab() {
    let s = TestServer::start().await;
    let a = s.register("readall_a", "child").await;
    let b = s.register("readall_b", "child").await;
    let c = s.register("readall_c", "child").await;
    mute(&s, &a, &["achievement", "level_up"]).await;
    let story = s.published(&a.access, "Two Fans", &["Hello"]).await;
    let mut a1 = Ws::connect(&s, &a.access).await;
    let mut a2 = Ws::connect(&s, &a.access).await;

    for (fan, want) in [(&b, 1), (&c, 2)] {
        let r = s
            .post(&format!("/api/stories/{story}/like"))
            .bearer(&fan.access)
            .send()
            .await;
        assert_eq!(r.status, 200, "{}", r.text());
        assert_eq!(note_of(&mut a1, "story_liked").await["unread_count"], want);
        assert_eq!(note_of(&mut a2, "story_liked").await["unread_count"], want);
    }

    let r = s
        .post("/api/notifications/read-all")
        .bearer(&a.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    for ws in [&mut a1, &mut a2] {
        assert_eq!(ws.next_of("notification.unread").await["unread_count"], 0);
    }
}

// ---------------------------------------------------------------------------------------------
// 7. Friend requests (scenario 19)
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn friend_requests_and_acceptances_are_pushed_and_rejections_are_silent() {
    let s = TestServer::start().await;
    let u = s.register("fr_u", "child").await;
    let v = s.register("fr_v", "child").await;
    let x = s.register("fr_x", "child").await;
    for who in [&u, &v, &x] {
        mute(&s, who, &["achievement", "level_up"]).await;
    }
    let mut us = Ws::connect(&s, &u.access).await;
    let mut vs = Ws::connect(&s, &v.access).await;
    let mut xs = Ws::connect(&s, &x.access).await;

    // U asks V.
    let r = s
        .post("/api/friends/requests")
        .bearer(&u.access)
        .json(&json!({ "username": "fr_v" }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let rid = r.json()["id"].as_i64().expect("request id");
    let f = note_of(&mut vs, "friend_request").await;
    assert_eq!(f["notification"]["actor"]["id"], u.user_id, "{f}");
    assert_eq!(
        f["notification"]["target"],
        json!({ "type": "friend_request", "id": rid }),
        "{f}"
    );
    assert_eq!(f["unread_count"], 1, "{f}");

    // V accepts: U hears.
    let r = s
        .post(&format!("/api/friends/requests/{rid}/accept"))
        .bearer(&v.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let f = note_of(&mut us, "friend_accepted").await;
    assert_eq!(f["notification"]["actor"]["id"], v.user_id, "{f}");
    assert_eq!(f["notification"]["read"], false, "{f}");

    // U asks X; X hears, rejects; U hears nothing.
    let r = s
        .post("/api/friends/requests")
        .bearer(&u.access)
        .json(&json!({ "username": "fr_x" }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let rid = r.json()["id"].as_i64().expect("request id");
    note_of(&mut xs, "friend_request").await;
    let r = s
        .post(&format!("/api/friends/requests/{rid}/reject"))
        .bearer(&x.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    us.none_of("notification.new", QUIET).await;
}

// ---------------------------------------------------------------------------------------------
// 8. Messages (scenario 18)
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn messages_between_friends_are_pushed_to_both_sides_and_edited_read_and_deleted() {
    let s = TestServer::start().await;
    let u = s.register("msg_u", "child").await;
    let v = s.register("msg_v", "child").await;
    let x = s.register("msg_x", "child").await;
    let z = s.register("msg_z", "child").await;
    befriend(&s, &u, &v).await;
    befriend(&s, &z, &v).await;
    // An older conversation for V, before anyone is connected.
    let from_z = sent(&s, &z, v.user_id, "hi from z").await;

    let mut u1 = Ws::connect(&s, &u.access).await;
    let mut u2 = Ws::connect(&s, &u.access).await;
    let mut v1 = Ws::connect(&s, &v.access).await;

    // Send: trimmed, 201, pushed to V and to all of U's tabs.
    let m1 = sent(&s, &u, v.user_id, "  hello V  ").await;
    let m1_id = m1["id"].as_i64().expect("message id");
    assert_eq!(m1["text"], "hello V", "{m1}");
    assert_eq!(m1["from"], u.user_id, "{m1}");
    assert_eq!(m1["to"], v.user_id, "{m1}");
    assert_eq!(m1["read"], false, "{m1}");
    assert_eq!(m1["edited_at"], Value::Null, "{m1}");
    assert!(m1["created_at"].is_string(), "{m1}");
    for ws in [&mut v1, &mut u1, &mut u2] {
        let f = ws.next_of("message.new").await;
        assert_eq!(f["message"]["id"], m1_id, "{f}");
        assert_eq!(f["message"]["text"], "hello V", "{f}");
        assert_eq!(f["message"]["from"], u.user_id, "{f}");
        assert_eq!(f["message"]["to"], v.user_id, "{f}");
    }
    // The first message from U is also a notification for V.
    let n = note_of(&mut v1, "message").await;
    assert_eq!(n["notification"]["actor"]["id"], u.user_id, "{n}");

    // A second message: pushed, but no second notification.new.
    let m2 = sent(&s, &u, v.user_id, "second one").await;
    let m2_id = m2["id"].as_i64().expect("message id");
    assert!(m2_id > m1_id);
    for ws in [&mut v1, &mut u1, &mut u2] {
        assert_eq!(ws.next_of("message.new").await["message"]["id"], m2_id);
    }
    v1.none_of("notification.new", Duration::from_millis(300))
        .await;

    // Not friends / nobody.
    let r = send_message(&s, &u, x.user_id, "hi stranger").await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.code(), "not_friends");
    let r = send_message(&s, &u, 99_999_999, "hi nobody").await;
    assert_eq!(r.status, 404, "{}", r.text());
    assert_eq!(r.code(), "user_not_found");
    let r = s
        .get(&format!("/api/conversations/{}/messages", u.user_id))
        .bearer(&x.access)
        .send()
        .await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.code(), "not_friends");

    // V reads the history: oldest first.
    let hist = get_ok(
        &s,
        &v,
        &format!("/api/conversations/{}/messages", u.user_id),
    )
    .await;
    assert_eq!(ids(&hist), vec![m1_id, m2_id], "{hist}");
    assert_eq!(hist["items"][0]["text"], "hello V");
    assert_eq!(hist["items"][1]["text"], "second one");
    assert_eq!(hist["items"][0]["read"], false);
    assert_eq!(hist["next_before"], Value::Null, "{hist}");

    // V marks them read: U's tabs hear it.
    let r = s
        .post(&format!("/api/conversations/{}/read", u.user_id))
        .bearer(&v.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["marked"], 2, "{}", r.text());
    assert_eq!(r.json()["up_to_id"], m2_id, "{}", r.text());
    for ws in [&mut u1, &mut u2] {
        let f = ws.next_of("message.read").await;
        assert_eq!(f["reader_id"], v.user_id, "{f}");
        assert_eq!(f["up_to_id"], m2_id, "{f}");
    }
    // Nothing more to mark: no push.
    let r = s
        .post(&format!("/api/conversations/{}/read", u.user_id))
        .bearer(&v.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["marked"], 0, "{}", r.text());
    u1.none_of("message.read", Duration::from_millis(300)).await;
    let hist = get_ok(
        &s,
        &u,
        &format!("/api/conversations/{}/messages", v.user_id),
    )
    .await;
    assert_eq!(hist["items"][0]["read"], true, "{hist}");

    // U edits m1: both sides hear it. Nobody else can edit it.
    let r = s
        .patch(&format!("/api/messages/{m1_id}"))
        .bearer(&u.access)
        .json(&json!({ "text": "hello again" }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let edited = r.json()["message"].clone();
    assert_eq!(edited["id"], m1_id, "{edited}");
    assert_eq!(edited["text"], "hello again", "{edited}");
    assert!(edited["edited_at"].is_string(), "{edited}");
    for ws in [&mut v1, &mut u1, &mut u2] {
        let f = ws.next_of("message.edited").await;
        assert_eq!(f["message"]["id"], m1_id, "{f}");
        assert_eq!(f["message"]["text"], "hello again", "{f}");
    }
    for who in [&v, &x] {
        let r = s
            .patch(&format!("/api/messages/{m1_id}"))
            .bearer(&who.access)
            .json(&json!({ "text": "not yours" }))
            .send()
            .await;
        assert_eq!(r.status, 404, "{}", r.text());
        assert_eq!(r.code(), "message_not_found");
    }

    // Only the sender deletes; both sides hear it, each with the other participant as peer.
    let r = s
        .delete(&format!("/api/messages/{m2_id}"))
        .bearer(&v.access)
        .send()
        .await;
    assert_eq!(r.status, 404, "V deleting U's message: {}", r.text());
    let r = s
        .delete(&format!("/api/messages/{m1_id}"))
        .bearer(&u.access)
        .send()
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    let f = v1.next_of("message.deleted").await;
    assert_eq!(f["id"], m1_id, "{f}");
    assert_eq!(f["peer_id"], u.user_id, "{f}");
    for ws in [&mut u1, &mut u2] {
        let f = ws.next_of("message.deleted").await;
        assert_eq!(f["id"], m1_id, "{f}");
        assert_eq!(f["peer_id"], v.user_id, "{f}");
    }
    let hist = get_ok(
        &s,
        &v,
        &format!("/api/conversations/{}/messages", u.user_id),
    )
    .await;
    assert_eq!(ids(&hist), vec![m2_id], "{hist}");

    // Rude words are refused before anything is stored or pushed.
    let before: i64 = s
        .db()
        .query_row("SELECT count(*) FROM messages", [], |r| r.get(0))
        .expect("count");
    let r = send_message(&s, &u, v.user_id, "this game is shit").await;
    assert_eq!(
        (r.status, r.code()),
        (422, "profanity".to_string()),
        "{}",
        r.text()
    );
    assert!(!r.text().contains("shit"), "{}", r.text());
    v1.none_of("message.new", std::time::Duration::from_millis(200))
        .await;
    let after: i64 = s
        .db()
        .query_row("SELECT count(*) FROM messages", [], |r| r.get(0))
        .expect("count");
    assert_eq!(before, after, "nothing stored");

    // Length: 1..=2000 characters after trimming.
    for bad in ["a".repeat(2001), "   ".to_string(), String::new()] {
        let r = send_message(&s, &u, v.user_id, &bad).await;
        assert_eq!(r.status, 422, "{} chars: {}", bad.len(), r.text());
        assert_eq!(r.code(), "invalid_text");
    }
    let longest = sent(&s, &u, v.user_id, &"a".repeat(2000)).await;
    let longest_id = longest["id"].as_i64().expect("id");
    assert_eq!(longest["text"].as_str().map(str::len), Some(2000));

    // V's conversations: U (newest) first, then Z; unread counts per friend.
    let convs = get_ok(&s, &v, "/api/conversations").await;
    let items = convs["items"].as_array().expect("items");
    assert_eq!(items.len(), 2, "{convs}");
    assert_eq!(items[0]["user"]["id"], u.user_id, "{convs}");
    assert_eq!(items[0]["user"]["username"], "msg_u", "{convs}");
    assert!(items[0]["user"].get("display_name").is_some(), "{convs}");
    assert!(items[0]["user"].get("avatar_emoji").is_some(), "{convs}");
    assert_eq!(items[0]["last_message"]["id"], longest_id, "{convs}");
    assert_eq!(
        items[0]["unread_count"], 1,
        "the longest (the rude one was never sent): {convs}"
    );
    assert_eq!(items[1]["user"]["id"], z.user_id, "{convs}");
    assert_eq!(items[1]["last_message"]["id"], from_z["id"], "{convs}");
    assert_eq!(items[1]["last_message"]["text"], "hi from z", "{convs}");
    assert_eq!(items[1]["unread_count"], 1, "{convs}");

    // U's side: V, nothing unread (U received nothing).
    let convs = get_ok(&s, &u, "/api/conversations").await;
    let mine = convs["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|c| c["user"]["id"] == v.user_id)
        .cloned()
        .expect("V in U's conversations");
    assert_eq!(mine["unread_count"], 0, "{convs}");
    assert_eq!(mine["last_message"]["id"], longest_id, "{convs}");
}

#[tokio::test]
async fn message_history_pages_backwards_and_sending_is_rate_limited() {
    let s = TestServer::start().await;
    let u = s.register("page_u", "child").await;
    let v = s.register("page_v", "child").await;
    befriend(&s, &u, &v).await;

    // 15 older messages straight into the database (sending 35 through the API would run into
    // the send limit: burst 20).
    let old = common_now() - 600;
    let mut all_ids = Vec::new();
    let mut all_texts = Vec::new();
    {
        let db = s.db_rw();
        for i in 1..=15 {
            let text = format!("old {i}");
            db.execute(
                "INSERT INTO messages (sender_id, receiver_id, text, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![u.user_id, v.user_id, text, old + i],
            )
            .expect("insert message");
            all_ids.push(db.last_insert_rowid());
            all_texts.push(text);
        }
    }
    // 20 through the API: the whole burst is accepted.
    for i in 1..=20 {
        let text = format!("new {i}");
        let m = sent(&s, &u, v.user_id, &text).await;
        all_ids.push(m["id"].as_i64().expect("id"));
        all_texts.push(text);
    }
    // Beyond the burst: 429 (a slow machine may have refilled a token or two meanwhile).
    let mut limited = false;
    for i in 21..=25 {
        let text = format!("new {i}");
        let r = send_message(&s, &u, v.user_id, &text).await;
        if r.status == 429 {
            assert_eq!(r.code(), "rate_limited", "{}", r.text());
            limited = true;
            break;
        }
        assert_eq!(r.status, 201, "{}", r.text());
        all_ids.push(r.json()["message"]["id"].as_i64().expect("id"));
        all_texts.push(text);
    }
    assert!(limited, "25 messages in a burst were all accepted");
    assert!(all_ids.windows(2).all(|w| w[0] < w[1]), "{all_ids:?}");
    let n = all_ids.len();
    assert!((35..=40).contains(&n));

    let path = format!("/api/conversations/{}/messages", u.user_id);
    let first = get_ok(&s, &v, &format!("{path}?limit=30")).await;
    let page1 = ids(&first);
    assert_eq!(
        page1,
        all_ids[n - 30..].to_vec(),
        "newest 30, oldest first: {first}"
    );
    assert_eq!(
        first["items"][0]["text"],
        all_texts[n - 30].as_str(),
        "{first}"
    );
    assert_eq!(
        first["items"][29]["text"],
        all_texts[n - 1].as_str(),
        "{first}"
    );
    assert_eq!(first["items"][0]["from"], u.user_id, "{first}");
    assert_eq!(first["items"][0]["to"], v.user_id, "{first}");
    let before = first["next_before"].as_i64().expect("next_before");

    let second = get_ok(&s, &v, &format!("{path}?limit=30&before={before}")).await;
    assert_eq!(
        ids(&second),
        all_ids[..n - 30].to_vec(),
        "the rest: {second}"
    );
    let texts: Vec<&str> = second["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|m| m["text"].as_str().expect("text"))
        .collect();
    assert_eq!(
        &texts[..5],
        &["old 1", "old 2", "old 3", "old 4", "old 5"],
        "{second}"
    );
    assert_eq!(second["next_before"], Value::Null, "{second}");

    // The default page is 30 too, and U sees the same conversation.
    let dflt = get_ok(&s, &v, &path).await;
    assert_eq!(ids(&dflt), page1);
    let theirs = get_ok(
        &s,
        &u,
        &format!("/api/conversations/{}/messages?limit=30", v.user_id),
    )
    .await;
    assert_eq!(ids(&theirs), page1);

    // A small page: the newest 5, still oldest first, with a way back.
    let small = get_ok(&s, &v, &format!("{path}?limit=5")).await;
    assert_eq!(ids(&small), all_ids[n - 5..].to_vec(), "{small}");
    assert!(small["next_before"].is_i64(), "{small}");

    // Not friends: no history.
    let x = s.register("page_x", "child").await;
    let r = s
        .get(&format!("/api/conversations/{}/messages", u.user_id))
        .bearer(&x.access)
        .send()
        .await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.code(), "not_friends");
}

// ---------------------------------------------------------------------------------------------
// 9. Typing
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn typing_goes_to_a_friend_and_is_refused_for_strangers() {
    let s = TestServer::start().await;
    let u = s.register("type_u", "child").await;
    let v = s.register("type_v", "child").await;
    let x = s.register("type_x", "child").await;
    befriend(&s, &u, &v).await;
    let mut us = Ws::connect(&s, &u.access).await;
    let mut vs = Ws::connect(&s, &v.access).await;
    let mut xs = Ws::connect(&s, &x.access).await;

    us.send(json!({ "type": "message.typing", "to": v.user_id }))
        .await;
    let f = vs.next_of("message.typing").await;
    assert_eq!(f["from"], u.user_id, "{f}");

    let err = us
        .request(json!({ "type": "message.typing", "to": x.user_id }), "t-x")
        .await;
    assert_eq!(err["type"], "error", "{err}");
    assert_eq!(err["code"], "not_friends", "{err}");
    xs.none_of("message.typing", Duration::from_millis(300))
        .await;
    // The sender does not get its own typing back.
    us.none_of("message.typing", Duration::ZERO).await;
    assert_pong(&mut us, "after-typing").await;
}

// ---------------------------------------------------------------------------------------------
// 10. Signing out closes sockets
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn logout_closes_that_sessions_sockets_with_4003() {
    let s = TestServer::start().await;
    let first = s.register("bye_user", "child").await;
    let r = s.login("bye_user", PASSWORD).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let second = Session::from(&r.json());

    let mut w1 = Ws::connect(&s, &first.access).await;
    let mut w2 = Ws::connect(&s, &second.access).await;

    let r = s
        .post("/api/auth/logout")
        .bearer(&first.access)
        .json(&json!({ "refresh_token": first.refresh }))
        .send()
        .await;
    assert_eq!(r.status, 204, "{}", r.text());

    let (code, _) = w1.closed().await;
    assert_eq!(code, 4003, "the signed-out session's socket");
    // The other device stays.
    assert_pong(&mut w2, "other-device").await;
    // And the ended session cannot get a new ticket.
    let r = s
        .post("/api/realtime/ticket")
        .bearer(&first.access)
        .send()
        .await;
    assert_eq!(r.status, 401, "{}", r.text());
}

#[tokio::test]
async fn a_password_change_closes_every_socket_of_the_user_with_4003() {
    let s = TestServer::start().await;
    let first = s.register("pw_user", "child").await;
    let r = s.login("pw_user", PASSWORD).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let second = Session::from(&r.json());
    let bystander = s.register("pw_other", "child").await;

    let mut a = Ws::connect(&s, &first.access).await;
    let mut b = Ws::connect(&s, &first.access).await;
    let mut c = Ws::connect(&s, &second.access).await;
    let mut other = Ws::connect(&s, &bystander.access).await;

    let r = s
        .post("/api/me/password")
        .bearer(&second.access)
        .json(&json!({ "current_password": PASSWORD, "new_password": "brand-new-pass-456" }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let fresh = r.json()["access_token"]
        .as_str()
        .expect("fresh access token")
        .to_string();

    for (name, ws) in [("a", &mut a), ("b", &mut b), ("c", &mut c)] {
        let (code, _) = ws.closed().await;
        assert_eq!(code, 4003, "socket {name}");
    }
    assert_pong(&mut other, "bystander").await;

    // The fresh session of this device can open a socket again.
    let mut again = Ws::connect(&s, &fresh).await;
    assert_eq!(again.hello["user_id"], first.user_id);
    assert_pong(&mut again, "fresh").await;
}

#[tokio::test]
async fn deleting_the_account_closes_its_sockets_with_4003() {
    let s = TestServer::start().await;
    let u = s.register("gone_user", "child").await;
    let r = s.login("gone_user", PASSWORD).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let second = Session::from(&r.json());

    let mut a = Ws::connect(&s, &u.access).await;
    let mut b = Ws::connect(&s, &second.access).await;

    let r = s
        .delete("/api/me")
        .bearer(&u.access)
        .json(&json!({ "password": PASSWORD }))
        .send()
        .await;
    assert_eq!(r.status, 204, "{}", r.text());

    assert_eq!(a.closed().await.0, 4003, "same session");
    assert_eq!(b.closed().await.0, 4003, "other session");
    let r = s
        .post("/api/realtime/ticket")
        .bearer(&second.access)
        .send()
        .await;
    assert_eq!(r.status, 401, "{}", r.text());
}

// ---------------------------------------------------------------------------------------------
// 11. Rate limit on typing
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn typing_too_fast_is_rate_limited_and_the_socket_stays_open() {
    let s = TestServer::start().await;
    let u = s.register("fast_u", "child").await;
    let v = s.register("fast_v", "child").await;
    befriend(&s, &u, &v).await;
    let mut us = Ws::connect(&s, &u.access).await;
    let mut vs = Ws::connect(&s, &v.access).await;

    for _ in 0..50 {
        us.send(json!({ "type": "message.typing", "to": v.user_id }))
            .await;
    }
    let err = us.next_of("error").await;
    assert_eq!(err["code"], "rate_limited", "{err}");

    // Some got through, not all 50 (5 per second).
    assert_eq!(vs.next_of("message.typing").await["from"], u.user_id);
    let mut relayed = 1;
    let deadline = tokio::time::Instant::now() + Duration::from_millis(500);
    while tokio::time::Instant::now() < deadline {
        match tokio::time::timeout(Duration::from_millis(100), vs.next_of("message.typing")).await {
            Ok(_) => relayed += 1,
            Err(_) => break,
        }
    }
    assert!(relayed < 50, "{relayed} typing frames relayed");

    assert_pong(&mut us, "still-open").await;
}

#[tokio::test]
async fn sockets_over_the_server_cap_are_refused_before_the_upgrade() {
    let s = TestServer::start_with(&["--max-sockets", "1"]).await;
    let u = s.register("cap_user", "child").await;
    let _first = Ws::connect(&s, &u.access).await;
    let t = crate::common::ws::ticket(s.addr, &u.access).await;
    assert!(
        crate::common::ws::open_raw(s.addr, &format!("ticket={t}"))
            .await
            .is_err(),
        "the second socket is refused with 503"
    );
    let r = s.get("/healthz").send().await;
    assert_eq!(r.status, 200, "HTTP still answers");
}

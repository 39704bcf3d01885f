//! The whole account flow through the real server: sign-up, login, refresh rotation and reuse
//! detection, logout, profile, password change, deletion, roles, rate limits.

use crate::common::{PASSWORD, Session, TestServer};
use serde_json::json;

#[tokio::test]
async fn sign_up_login_and_me() {
    let s = TestServer::start().await;
    let r = s
        .post("/api/auth/register")
        .json(&json!({"username": "Maya_07", "password": "sunny1", "display_name": "  Maya   Cruz ", "role": "child", "language": "tl"}))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let body = r.json();
    assert_eq!(body["user"]["username"], "maya_07");
    assert_eq!(body["user"]["display_name"], "Maya Cruz");
    assert_eq!(body["user"]["role"], "child");
    assert_eq!(body["user"]["language"], "tl");
    assert_eq!(body["user"]["level"], 1);
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    let session = Session::from(&body);

    let me = s.get("/api/me").bearer(&session.access).send().await;
    assert_eq!(me.status, 200);
    assert_eq!(me.json()["username"], "maya_07");

    let r = s.login("MAYA_07", "sunny1").await;
    assert_eq!(
        r.status,
        200,
        "usernames are case-insensitive: {}",
        r.text()
    );
    let second = Session::from(&r.json());
    assert_ne!(second.refresh, session.refresh);
    assert_eq!(
        s.get("/api/me").bearer(&second.access).send().await.status,
        200
    );

    // The refresh token is stored only as a hash.
    let db = s.db();
    let stored: i64 = db
        .query_row(
            "SELECT count(*) FROM refresh_tokens WHERE token_hash = ?1",
            [session.refresh.as_bytes()],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(stored, 0);
    let audited: i64 = db
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'user_registered'",
            [],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn wrong_credentials_do_not_reveal_which_part_was_wrong() {
    let s = TestServer::start().await;
    s.register("ana", "child").await;
    let wrong_pw = s.login("ana", "nope-nope").await;
    let no_user = s.login("nobody", "nope-nope").await;
    let bad_name = s.login("!!", "nope-nope").await;
    for r in [&wrong_pw, &no_user, &bad_name] {
        assert_eq!(r.status, 401);
        assert_eq!(r.code(), "invalid_credentials");
    }
    assert_eq!(wrong_pw.json(), no_user.json());
}

#[tokio::test]
async fn refresh_rotates_and_reuse_revokes_the_whole_session() {
    let s = TestServer::start().await;
    let first = s.register("ben", "parent").await;

    let r = s
        .post("/api/auth/refresh")
        .json(&json!({"refresh_token": first.refresh}))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let rotated = r.json();
    let second_refresh = rotated["refresh_token"].as_str().expect("rt").to_string();
    let second_access = rotated["access_token"].as_str().expect("at").to_string();
    assert_ne!(second_refresh, first.refresh);
    assert_eq!(
        s.get("/api/me").bearer(&second_access).send().await.status,
        200
    );

    // The old token comes back: someone copied it. The whole family is revoked.
    let r = s
        .post("/api/auth/refresh")
        .json(&json!({"refresh_token": first.refresh}))
        .send()
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(r.code(), "refresh_token_reused");
    let r = s
        .post("/api/auth/refresh")
        .json(&json!({"refresh_token": second_refresh}))
        .send()
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(r.code(), "invalid_refresh_token");
    let r = s.get("/api/me").bearer(&second_access).send().await;
    assert_eq!(r.status, 401);
    assert_eq!(r.code(), "session_ended");

    let reuse_logged: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'refresh_token_reused'",
            [],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(reuse_logged, 1);

    // Another device's session is untouched.
    let other = Session::from(&s.login("ben", PASSWORD).await.json());
    assert_eq!(
        s.get("/api/me").bearer(&other.access).send().await.status,
        200
    );

    let r = s
        .post("/api/auth/refresh")
        .json(&json!({"refresh_token": "made-up"}))
        .send()
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(r.code(), "invalid_refresh_token");
}

#[tokio::test]
async fn logout_ends_only_this_session() {
    let s = TestServer::start().await;
    let a = s.register("cora", "teacher").await;
    let b = Session::from(&s.login("cora", PASSWORD).await.json());

    let r = s.post("/api/auth/logout").bearer(&a.access).send().await;
    assert_eq!(r.status, 204, "{}", r.text());
    assert_eq!(
        s.get("/api/me").bearer(&a.access).send().await.code(),
        "session_ended"
    );
    let r = s
        .post("/api/auth/refresh")
        .json(&json!({"refresh_token": a.refresh}))
        .send()
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(s.get("/api/me").bearer(&b.access).send().await.status, 200);

    // With only the refresh token (the access token has expired, say).
    let r = s
        .post("/api/auth/logout")
        .json(&json!({"refresh_token": b.refresh}))
        .send()
        .await;
    assert_eq!(r.status, 204);
    assert_eq!(s.get("/api/me").bearer(&b.access).send().await.status, 401);

    let r = s.post("/api/auth/logout").send().await;
    assert_eq!(r.status, 401);
    assert_eq!(r.code(), "missing_token");
}

#[tokio::test]
async fn nobody_can_make_themselves_admin_or_change_role() {
    let s = TestServer::start().await;
    let r = s
        .post("/api/auth/register")
        .json(&json!({"username": "sneaky", "password": PASSWORD, "display_name": "S", "role": "admin"}))
        .send()
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "role_not_allowed");
    let r = s
        .post("/api/auth/register")
        .json(&json!({"username": "sneaky", "password": PASSWORD, "display_name": "S", "role": "superuser"}))
        .send()
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["error"]["field"], "role");

    let kid = s.register("kiddo", "child").await;
    for body in [
        json!({"role": "admin"}),
        json!({"role": "parent", "display_name": "Kiddo"}),
    ] {
        let r = s
            .patch("/api/me")
            .bearer(&kid.access)
            .json(&body)
            .send()
            .await;
        assert_eq!(r.status, 403, "{}", r.text());
        assert_eq!(r.code(), "role_change_forbidden");
    }
    let me = s.get("/api/me").bearer(&kid.access).send().await.json();
    assert_eq!(me["role"], "child");
    assert_eq!(
        me["display_name"], "kiddo",
        "a refused patch changes nothing"
    );
    let r = s
        .patch("/api/me")
        .bearer(&kid.access)
        .json(&json!({"username": "newname"}))
        .send()
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.code(), "username_fixed");
    // A forged token claiming admin is worthless without the key.
    let parts: Vec<&str> = kid.access.split('.').collect();
    let forged = format!("{}.{}.{}", parts[0], "eyJyb2xlIjoiYWRtaW4ifQ", parts[2]);
    assert_eq!(
        s.get("/api/me").bearer(&forged).send().await.code(),
        "invalid_token"
    );
}

#[tokio::test]
async fn profile_updates_are_validated_and_filtered() {
    let s = TestServer::start().await;
    let u = s.register("dina", "child").await;
    let r = s
        .patch("/api/me")
        .bearer(&u.access)
        .json(&json!({"display_name": "Dina the Brave", "bio": "I like dragons.\nAnd cats.", "avatar_emoji": "🐉", "theme": "ocean", "language": "tl", "privacy": "private", "prefs": {"sound": false}}))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let me = r.json();
    assert_eq!(me["display_name"], "Dina the Brave");
    assert_eq!(me["avatar_emoji"], "🐉");
    assert_eq!(me["prefs"]["sound"], false);
    assert_eq!(me["privacy"], "private");

    for (body, field, code) in [
        (
            json!({"display_name": ""}),
            "display_name",
            "invalid_display_name",
        ),
        (
            json!({"display_name": "x".repeat(51)}),
            "display_name",
            "invalid_display_name",
        ),
        (
            json!({"avatar_emoji": "abc"}),
            "avatar_emoji",
            "invalid_avatar",
        ),
        (json!({"theme": "neon"}), "theme", "invalid_theme"),
        (json!({"language": "fr"}), "language", "invalid_language"),
        (json!({"privacy": "everyone"}), "privacy", "invalid_privacy"),
        (json!({"prefs": [1, 2]}), "prefs", "invalid_prefs"),
        (json!({"bio": "b".repeat(501)}), "bio", "invalid_bio"),
        (json!({"bio": "you are a b1tch"}), "bio", "profanity"),
    ] {
        let r = s
            .patch("/api/me")
            .bearer(&u.access)
            .json(&body)
            .send()
            .await;
        assert_eq!(r.status, 422, "{body}: {}", r.text());
        assert_eq!(r.json()["error"]["field"], field, "{body}");
        assert_eq!(r.code(), code, "{body}");
    }
}

#[tokio::test]
async fn display_names_with_disguised_profanity_are_refused() {
    let s = TestServer::start().await;
    for (i, name) in [
        "sh1t",
        "$h!t happens",
        "S.H.I.T",
        "f u c k",
        "Fuuuuck",
        "@ss face",
        "ѕhіt",
        "putang ina",
        "G4G0",
    ]
    .iter()
    .enumerate()
    {
        let r = s
            .post("/api/auth/register")
            .json(&json!({"username": format!("kid{i}"), "password": PASSWORD, "display_name": name, "role": "child"}))
            .send()
            .await;
        assert_eq!(r.status, 422, "{name}: {}", r.text());
        let err = &r.json()["error"];
        assert_eq!(err["code"], "profanity", "{name}");
        assert_eq!(err["field"], "display_name");
        assert!(
            !err["words"].as_array().expect("words").is_empty(),
            "{name}"
        );
    }
    // Innocent names that contain bad letters in order still pass.
    for (i, name) in [
        "Scunthorpe Class",
        "Cassie Hancock",
        "Mr. Dickens",
        "Shelly",
    ]
    .iter()
    .enumerate()
    {
        let r = s
            .post("/api/auth/register")
            .json(&json!({"username": format!("ok{i}"), "password": PASSWORD, "display_name": name, "role": "child"}))
            .send()
            .await;
        assert_eq!(r.status, 201, "{name}: {}", r.text());
    }
    let r = s
        .post("/api/auth/register")
        .json(&json!({"username": "b1tch", "password": PASSWORD, "display_name": "Nice", "role": "child"}))
        .send()
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["error"]["field"], "username");
    let u = s.register("nice", "child").await;
    let r = s
        .patch("/api/me")
        .bearer(&u.access)
        .json(&json!({"display_name": "t4ng1n4"}))
        .send()
        .await;
    assert_eq!(r.code(), "profanity");
}

#[tokio::test]
async fn sign_up_validation_and_conflicts() {
    let s = TestServer::start().await;
    let reg = |u: &str, pw: &str, role: &str| {
        s.post("/api/auth/register")
            .json(&json!({"username": u, "password": pw, "display_name": "N", "role": role}))
    };
    assert_eq!(
        reg("kid", "abcdef", "child").send().await.status,
        201,
        "children need 6 characters"
    );
    let r = reg("parent1", "abcdef", "parent").send().await;
    assert_eq!(r.status, 422);
    assert_eq!(r.code(), "password_too_short");
    assert_eq!(r.json()["error"]["field"], "password");
    let r = reg("KID", "abcdefgh", "child").send().await;
    assert_eq!(r.status, 409);
    assert_eq!(r.code(), "username_taken");
    let r = reg("a b", "abcdefgh", "child").send().await;
    assert_eq!(r.code(), "invalid_username");
    let r = reg("kid2", &"x".repeat(129), "child").send().await;
    assert_eq!(r.code(), "password_too_long");
}

#[tokio::test]
async fn password_change_ends_every_other_session() {
    let s = TestServer::start().await;
    let phone = s.register("eve", "parent").await;
    let laptop = Session::from(&s.login("eve", PASSWORD).await.json());

    let r = s
        .post("/api/me/password")
        .bearer(&laptop.access)
        .json(&json!({"current_password": "wrong-one", "new_password": "brand-new-pw"}))
        .send()
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "wrong_password");
    let r = s
        .post("/api/me/password")
        .bearer(&laptop.access)
        .json(&json!({"current_password": PASSWORD, "new_password": "short"}))
        .send()
        .await;
    assert_eq!(r.status, 422);
    let r = s
        .post("/api/me/password")
        .bearer(&laptop.access)
        .json(&json!({"current_password": PASSWORD, "new_password": "brand-new-pw"}))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let fresh = r.json()["access_token"]
        .as_str()
        .expect("token")
        .to_string();

    assert_eq!(
        s.get("/api/me").bearer(&phone.access).send().await.code(),
        "session_ended"
    );
    assert_eq!(
        s.get("/api/me").bearer(&laptop.access).send().await.code(),
        "session_ended"
    );
    assert_eq!(s.get("/api/me").bearer(&fresh).send().await.status, 200);
    assert_eq!(s.login("eve", PASSWORD).await.status, 401);
    assert_eq!(s.login("eve", "brand-new-pw").await.status, 200);
}

#[tokio::test]
async fn deleting_an_account_needs_the_password_and_removes_everything() {
    let s = TestServer::start().await;
    let u = s.register("finn", "child").await;
    let r = s
        .delete("/api/me")
        .bearer(&u.access)
        .json(&json!({"password": "nope-nope"}))
        .send()
        .await;
    assert_eq!(r.status, 403);
    let r = s
        .delete("/api/me")
        .bearer(&u.access)
        .json(&json!({"password": PASSWORD}))
        .send()
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    assert_eq!(s.get("/api/me").bearer(&u.access).send().await.status, 401);
    assert_eq!(s.login("finn", PASSWORD).await.status, 401);
    let db = s.db();
    let left: i64 = db
        .query_row(
            "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM profiles) + (SELECT count(*) FROM sessions)",
            [],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(left, 0);
    // The audit trail survives the user.
    let logged: i64 = db
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'account_deleted'",
            [],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(logged, 1);
    // The name is free again.
    s.register("finn", "child").await;
}

#[tokio::test]
async fn failed_logins_are_limited_per_account() {
    let s = TestServer::start_with(&[
        "--login-account-burst",
        "3",
        "--login-account-per-minute",
        "1",
    ])
    .await;
    s.register("gus", "child").await;
    for _ in 0..3 {
        assert_eq!(s.login("gus", "wrong-pw").await.status, 401);
    }
    let r = s.login("gus", "wrong-pw").await;
    assert_eq!(
        r.status,
        429,
        "three failures are allowed, the fourth try is not: {}",
        r.text()
    );
    let retry: u64 = r
        .header("retry-after")
        .expect("retry-after")
        .parse()
        .expect("number");
    assert!((1..=60).contains(&retry), "{retry}");
    assert_eq!(r.json()["error"]["retry_after"], retry);
    // Even the right password waits now: guessing cannot continue.
    assert_eq!(s.login("gus", PASSWORD).await.status, 429);
    // Other accounts are unaffected.
    s.register("hal", "child").await;
    assert_eq!(s.login("hal", PASSWORD).await.status, 200);
    let failures: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'login_failed'",
            [],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(failures, 3);
}

#[tokio::test]
async fn failed_logins_are_limited_per_ip_and_successful_ones_never_count() {
    let s = TestServer::start_with(&["--login-ip-burst", "4", "--login-ip-per-minute", "1"]).await;
    // A class of kids signing in from one address: ten times the burst, all let in.
    for i in 0..12 {
        let name = format!("kid{i}");
        s.register(&name, "child").await;
        assert_eq!(s.login(&name, PASSWORD).await.status, 200, "{name}");
    }
    s.register("ivy", "child").await;
    // Wrong passwords for different accounts use up the address's burst.
    for i in 0..4 {
        assert_eq!(s.login(&format!("kid{i}"), "wrong-pass").await.status, 401);
    }
    let r = s.login("ivy", PASSWORD).await;
    assert_eq!(r.status, 429);
    assert!(r.header("retry-after").is_some());
    // Repeated refusals are recorded once, not per request.
    s.login("ivy", PASSWORD).await;
    let logged: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'rate_limited'",
            [],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(logged, 1);
}

#[tokio::test]
async fn sign_ups_are_limited_per_ip() {
    let s =
        TestServer::start_with(&["--register-ip-burst", "2", "--register-ip-per-hour", "1"]).await;
    s.register("jo1", "child").await;
    s.register("jo2", "child").await;
    let r = s
        .post("/api/auth/register")
        .json(
            &json!({"username": "jo3", "password": PASSWORD, "display_name": "J", "role": "child"}),
        )
        .send()
        .await;
    assert_eq!(r.status, 429);
}

#[tokio::test]
async fn suspended_and_closed_accounts_cannot_act() {
    let s = TestServer::start().await;
    let u = s.register("kim", "child").await;
    let set = |sql: &str| {
        let db = rusqlite::Connection::open(s.db_path()).expect("open");
        db.busy_timeout(std::time::Duration::from_secs(5))
            .expect("busy");
        db.execute(sql, []).expect("update");
    };
    set(
        "UPDATE users SET status = 'suspended', suspended_until = unixepoch() + 3600 WHERE username = 'kim'",
    );
    let r = s.get("/api/me").bearer(&u.access).send().await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "account_suspended");
    let r = s.login("kim", PASSWORD).await;
    assert_eq!(r.code(), "account_suspended");
    // The refresh is refused too, saying why.
    let r = s
        .post("/api/auth/refresh")
        .json(&json!({"refresh_token": u.refresh}))
        .send()
        .await;
    assert_eq!((r.status, r.code().as_str()), (403, "account_suspended"));

    // A suspension that has run out lifts itself.
    set("UPDATE users SET suspended_until = unixepoch() - 1 WHERE username = 'kim'");
    assert_eq!(s.get("/api/me").bearer(&u.access).send().await.status, 200);
    assert_eq!(s.login("kim", PASSWORD).await.status, 200);

    set("UPDATE users SET status = 'archived' WHERE username = 'kim'");
    assert_eq!(
        s.get("/api/me").bearer(&u.access).send().await.code(),
        "account_closed"
    );
    assert_eq!(s.login("kim", PASSWORD).await.code(), "account_closed");
}

#[tokio::test]
async fn the_only_admin_cannot_delete_itself() {
    let s = TestServer::start().await;
    s.register("lee", "child").await;
    let db = rusqlite::Connection::open(s.db_path()).expect("open");
    db.execute("UPDATE users SET role = 'admin' WHERE username = 'lee'", [])
        .expect("promote");
    let admin = Session::from(&s.login("lee", PASSWORD).await.json());
    let r = s
        .delete("/api/me")
        .bearer(&admin.access)
        .json(&json!({"password": PASSWORD}))
        .send()
        .await;
    assert_eq!(r.status, 409);
    assert_eq!(r.code(), "last_admin");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_guesses_cannot_slip_past_the_account_limit() {
    let s = TestServer::start_with(&[
        "--login-account-burst",
        "3",
        "--login-account-per-minute",
        "1",
    ])
    .await;
    s.register("ophelia", "child").await;
    let mut tasks = Vec::new();
    for i in 0..20 {
        let call = s
            .post("/api/auth/login")
            .json(&json!({"username": "ophelia", "password": format!("guess-{i}")}));
        tasks.push(tokio::spawn(call.send()));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.expect("task").status);
    }
    let guessed = statuses.iter().filter(|&&s| s == 401).count();
    let refused = statuses.iter().filter(|&&s| s == 429).count();
    assert_eq!(
        guessed, 3,
        "only the burst reaches the password check: {statuses:?}"
    );
    assert_eq!(refused, 17);
    let checked: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'login_failed'",
            [],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(checked, 3);
}

#[tokio::test]
async fn visitors_behind_render_get_their_own_limits() {
    // Render: X-Forwarded-For is "client, cloudflare-edge" and the peer is Render's proxy.
    let s = TestServer::start_with(&[
        "--proxy-hops",
        "2",
        "--login-ip-burst",
        "2",
        "--login-ip-per-minute",
        "1",
    ])
    .await;
    s.register("paco", "child").await;
    let from = |client: &str| {
        s.post("/api/auth/login")
            .header("x-forwarded-for", &format!("{client}, 104.22.17.40"))
            .json(&json!({"username": "paco", "password": PASSWORD}))
    };
    let wrong = |client: &str| {
        s.post("/api/auth/login")
            .header("x-forwarded-for", &format!("{client}, 104.22.17.40"))
            .json(&json!({"username": "paco", "password": "not-it-at-all"}))
    };
    for _ in 0..2 {
        assert_eq!(wrong("203.0.113.7").send().await.status, 401);
    }
    assert_eq!(
        from("203.0.113.7").send().await.status,
        429,
        "this visitor used their burst"
    );
    assert_eq!(
        from("198.51.100.23").send().await.status,
        200,
        "another visitor behind the same edge is not affected"
    );
    // Adding entries on the left does not buy a fresh address.
    let spoofed = s
        .post("/api/auth/login")
        .header("x-forwarded-for", "1.2.3.4, 203.0.113.7, 104.22.17.40")
        .json(&json!({"username": "paco", "password": PASSWORD}))
        .send()
        .await;
    assert_eq!(spoofed.status, 429);
}

#[cfg(unix)]
#[tokio::test]
async fn the_data_dir_is_private_to_the_server_user() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("fresh");
    let s = TestServer::start_in(&data, &[]).await.expect("start");
    s.register("quinn", "child").await;
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    for f in [
        "pixeltales.db",
        "pixeltales.db-wal",
        "jwt.key",
        "pixeltales.lock",
    ] {
        let p = data.join(f);
        if p.exists() {
            assert_eq!(mode(&p), 0o600, "{f}");
        }
    }
    s.stop().await;
}

#[tokio::test]
async fn invisible_and_reversing_characters_are_refused_in_names() {
    let s = TestServer::start().await;
    for name in ["\u{200B}", "Teacher\u{202E}rehcaeT", "Maya\u{2066}"] {
        let r = s
            .post("/api/auth/register")
            .json(&json!({"username": "rosa", "password": PASSWORD, "display_name": name, "role": "child"}))
            .send()
            .await;
        assert_eq!(r.status, 422, "{name:?}");
        assert_eq!(r.json()["error"]["field"], "display_name");
    }
}

#[tokio::test]
async fn logout_all_ends_every_device_and_its_sockets() {
    let s = TestServer::start().await;
    let first = s.register("everywhere", "child").await;
    let second =
        crate::common::Session::from(&s.login("everywhere", crate::common::PASSWORD).await.json());
    let mut ws = crate::common::ws::Ws::connect(&s, &first.access).await;
    let r = s
        .post("/api/auth/logout-all")
        .bearer(&second.access)
        .send()
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    assert_eq!(ws.closed().await.0, 4003);
    for refresh in [&first.refresh, &second.refresh] {
        let r = s
            .post("/api/auth/refresh")
            .json(&serde_json::json!({ "refresh_token": refresh }))
            .send()
            .await;
        assert_eq!(r.status, 401, "{}", r.text());
    }
    let r = s.post("/api/auth/logout-all").send().await;
    assert_eq!(r.status, 401);
}

#[tokio::test]
async fn a_trusted_school_network_has_no_per_address_limit_but_accounts_keep_theirs() {
    let s = TestServer::start_with(&[
        "--trusted-networks",
        "10.0.0.0/8,127.0.0.0/8",
        "--login-ip-burst",
        "2",
        "--login-ip-per-minute",
        "1",
    ])
    .await;
    for name in ["ana", "ben", "cai", "dot"] {
        s.register(name, "child").await;
        assert_eq!(s.login(name, "wrong-pass").await.status, 401, "{name}");
    }
    assert_eq!(s.login("ana", PASSWORD).await.status, 200);
    // One account's guesses from here still lock that account (its own bucket: 5, one used).
    for _ in 0..4 {
        assert_eq!(s.login("ben", "wrong-pass").await.status, 401);
    }
    assert_eq!(s.login("ben", "wrong-pass").await.status, 429);
    let bad = pixeltales::Config::from_args(["--trusted-networks", "school"]).expect_err("refused");
    assert!(
        bad.starts_with("--trusted-networks takes networks"),
        "{bad}"
    );
}

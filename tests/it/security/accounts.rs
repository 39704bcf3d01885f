//! Accounts, one-time codes, tokens and what the server answers strangers (features.md §5).

use super::helpers::*;

/// a stolen access token cannot be used to guess the password (and then take over).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_the_current_password_is_rate_limited() {
    let s = TestServer::start_with(&[
        "--login-account-burst",
        "3",
        "--login-account-per-minute",
        "1",
    ])
    .await;
    let u = s.register("pat", "child").await;
    let hash_before: String = s
        .db()
        .query_row(
            "SELECT password_hash FROM users WHERE id = ?1",
            [u.user_id],
            |r| r.get(0),
        )
        .expect("hash");

    for n in 1..=3 {
        let r = s
            .post("/api/me/password")
            .bearer(&u.access)
            .json(&json!({ "current_password": format!("guess-{n}"), "new_password": "brand-new-pw" }))
            .send()
            .await;
        refused(&r, 403, "wrong_password", &format!("guess {n}"));
    }
    // The right password is refused too while the account is limited.
    let r = s
        .post("/api/me/password")
        .bearer(&u.access)
        .json(&json!({ "current_password": PASSWORD, "new_password": "brand-new-pw" }))
        .send()
        .await;
    refused(&r, 429, "rate_limited", "4th try with the right password");
    assert!(r.header("retry-after").is_some(), "retry-after header");
    assert!(r.json()["error"]["retry_after"].is_number(), "{}", r.text());
    // Deleting the account checks the same counter.
    let r = s
        .delete("/api/me")
        .bearer(&u.access)
        .json(&json!({ "password": "another-guess" }))
        .send()
        .await;
    refused(&r, 429, "rate_limited", "DELETE /api/me while limited");

    // Nothing changed: same hash, the account and its session still there.
    let hash_after: String = s
        .db()
        .query_row(
            "SELECT password_hash FROM users WHERE id = ?1",
            [u.user_id],
            |r| r.get(0),
        )
        .expect("hash");
    assert_eq!(hash_before, hash_after, "the password did not change");
    assert_eq!(s.get("/api/me").bearer(&u.access).send().await.status, 200);
    // Sign-in has its own bucket: the owner is not locked out by the thief.
    let r = s.login("pat", PASSWORD).await;
    assert_eq!(r.status, 200, "{}", r.text());
}

/// admin reset codes cannot be brute-forced, per account or per IP.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_reset_codes_is_rate_limited_per_account_and_per_ip() {
    let s = TestServer::start_with(&[
        "--login-account-burst",
        "3",
        "--login-account-per-minute",
        "1",
    ])
    .await;
    let root = admin(&s).await;
    let kid = s.register("kid", "child").await;
    let code = reset_code(&s, &root, kid.user_id).await;
    let hash_before: String = s
        .db()
        .query_row(
            "SELECT password_hash FROM users WHERE id = ?1",
            [kid.user_id],
            |r| r.get(0),
        )
        .expect("hash");

    for n in 2..=4 {
        let r = redeem_reset(&s, "kid", &format!("ABCD-EFG{n}"), "newpass1").await;
        refused(&r, 400, "invalid_code", &format!("guess {n}"));
    }
    let r = redeem_reset(&s, "kid", &code, "newpass1").await;
    refused(&r, 429, "rate_limited", "the right code while limited");
    assert!(r.header("retry-after").is_some(), "retry-after header");
    // The same bucket guards the sign-in of that account.
    let r = s.login("kid", PASSWORD).await;
    refused(&r, 429, "rate_limited", "login while limited");

    // Nothing changed: the code is unspent, the password is the old one.
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM one_time_codes WHERE user_id = ?1 AND purpose = 'password_reset' AND used_at IS NULL",
            [kid.user_id],
        ),
        1
    );
    let hash_after: String = s
        .db()
        .query_row(
            "SELECT password_hash FROM users WHERE id = ?1",
            [kid.user_id],
            |r| r.get(0),
        )
        .expect("hash");
    assert_eq!(hash_before, hash_after);

    // Per IP: spreading guesses over many usernames does not help either.
    let s2 = TestServer::start_with(&["--login-ip-burst", "2"]).await;
    for name in ["amy", "bob"] {
        let r = redeem_reset(&s2, name, "ABCD-EFGH", "newpass1").await;
        refused(&r, 400, "invalid_code", name);
    }
    let r = redeem_reset(&s2, "cal", "ABCD-EFGH", "newpass1").await;
    refused(&r, 429, "rate_limited", "3rd reset from one IP");
    assert!(r.header("retry-after").is_some(), "retry-after header");
}

/// a family link code never works as a reset code, nor the other way round, and making
/// one kind does not cancel the other.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_code_is_not_a_reset_code_and_back() {
    let s = TestServer::start().await;
    let root = admin(&s).await;
    let mum = s.register("mum", "parent").await;
    let kid = s.register("kid", "child").await;
    let family = link_code(&s, &kid).await;
    let reset = reset_code(&s, &root, kid.user_id).await;

    // The child's link code (seen by any grown-up it was shown to) cannot reset its password.
    let r = redeem_reset(&s, "kid", &family, "newpass1").await;
    refused(&r, 400, "invalid_code", "link code used as a reset code");
    assert_eq!(s.login("kid", PASSWORD).await.status, 200, "password kept");
    // The admin's reset code cannot link the child to a grown-up.
    let r = link(&s, &mum, &reset).await;
    refused(&r, 400, "invalid_code", "reset code used as a link code");
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM family_links WHERE child_id = ?1",
            [kid.user_id],
        ),
        0
    );

    // Each still works for its own purpose (so neither cancelled the other).
    let r = link(&s, &mum, &family).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["child"]["id"], kid.user_id);
    let r = redeem_reset(&s, "kid", &reset, "newpass1").await;
    assert_eq!(r.status, 204, "{}", r.text());
    assert_eq!(s.login("kid", "newpass1").await.status, 200);
}

/// redeeming a reset code changes the password only; the account's standing stays.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redeeming_a_reset_code_does_not_lift_a_suspension_or_an_archive() {
    let s = TestServer::start_with(&["--login-account-burst", "50"]).await;
    let root = admin(&s).await;
    let kid = s.register("kid", "child").await;

    let code = reset_code(&s, &root, kid.user_id).await;
    suspend(&s, &root, kid.user_id).await;
    let until: Option<i64> = s
        .db()
        .query_row(
            "SELECT suspended_until FROM users WHERE id = ?1",
            [kid.user_id],
            |r| r.get(0),
        )
        .expect("until");
    let r = redeem_reset(&s, "kid", &code, "newpass1").await;
    assert_eq!(r.status, 204, "{}", r.text());
    let r = s.login("kid", "newpass1").await;
    refused(
        &r,
        403,
        "account_suspended",
        "login after reset while suspended",
    );
    let (status, until_after): (String, Option<i64>) = s
        .db()
        .query_row(
            "SELECT status, suspended_until FROM users WHERE id = ?1",
            [kid.user_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("standing");
    assert_eq!(status, "suspended");
    assert_eq!(until_after, until);

    archive(&s, &root, kid.user_id).await;
    let code = reset_code(&s, &root, kid.user_id).await;
    let r = redeem_reset(&s, "kid", &code, "newpass2").await;
    assert_eq!(r.status, 204, "{}", r.text());
    let r = s.login("kid", "newpass2").await;
    refused(
        &r,
        403,
        "account_closed",
        "login after reset while archived",
    );
    let status: String = s
        .db()
        .query_row(
            "SELECT status FROM users WHERE id = ?1",
            [kid.user_id],
            |r| r.get(0),
        )
        .expect("status");
    assert_eq!(status, "archived");
}

/// the username of a suspended or archived account cannot be signed up again (which would
/// replace the account, get around the suspension or take over its stories).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_up_with_an_inactive_accounts_username_is_refused() {
    let s = TestServer::start().await;
    let root = admin(&s).await;
    let kim = s.register("kim", "child").await;
    let kay = s.register("kay", "child").await;
    let kim_story = s.published(&kim.access, "Kim's tale", &["x"]).await;
    archive(&s, &root, kim.user_id).await;
    suspend(&s, &root, kay.user_id).await;

    for (name, original, standing) in [
        ("KIM", &kim, "account_closed"),
        ("kay", &kay, "account_suspended"),
    ] {
        let r = s
            .post("/api/auth/register")
            .json(&json!({ "username": name, "password": "attacker-pw1", "display_name": "Not Me", "role": "child" }))
            .send()
            .await;
        refused(&r, 409, "username_taken", &format!("register {name}"));
        let lower = name.to_lowercase();
        let db = s.db();
        let mut stmt = db
            .prepare("SELECT id FROM users WHERE username = ?1")
            .expect("prepare");
        let ids: Vec<i64> = stmt
            .query_map([&lower], |r| r.get(0))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("ids");
        assert_eq!(
            ids,
            vec![original.user_id],
            "{name}: the same single account"
        );
        // The old password still belongs to it; the attacker's does not.
        let r = s.login(&lower, "attacker-pw1").await;
        refused(
            &r,
            401,
            "invalid_credentials",
            &format!("{name} attacker password"),
        );
        let r = s.login(&lower, PASSWORD).await;
        refused(&r, 403, standing, &format!("{name} owner password"));
    }
    let (author, status): (i64, String) = s
        .db()
        .query_row(
            "SELECT author_id, status FROM stories WHERE id = ?1",
            [kim_story],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("story still there");
    assert_eq!((author, status.as_str()), (kim.user_id, "published"));
}

/// there is no default signing key: a token from another install is worthless here.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_from_another_install_is_refused_and_short_keys_stop_the_server() {
    let a = TestServer::start().await;
    let b = TestServer::start().await;
    let u = a.register("xavi", "child").await;
    assert_eq!(a.get("/api/me").bearer(&u.access).send().await.status, 200);

    let r = b.get("/api/me").bearer(&u.access).send().await;
    refused(&r, 401, "invalid_token", "A's access token on B");
    let r = b
        .post("/api/auth/refresh")
        .json(&json!({ "refresh_token": u.refresh }))
        .send()
        .await;
    refused(&r, 401, "invalid_refresh_token", "A's refresh token on B");

    let key_a = std::fs::read_to_string(a.data_dir.join("jwt.key")).expect("A's key");
    let key_b = std::fs::read_to_string(b.data_dir.join("jwt.key")).expect("B's key");
    for k in [&key_a, &key_b] {
        let k = k.trim();
        assert!(k.len() >= 64, "key of {} characters", k.len());
        assert!(k.bytes().all(|c| c.is_ascii_hexdigit()), "hex key");
    }
    assert_ne!(key_a.trim(), key_b.trim(), "each install makes its own key");

    // A weak key given by the operator stops the server instead of signing with it.
    let dir = tempfile::tempdir().expect("tempdir");
    let short = dir.path().join("short.key");
    std::fs::write(&short, "0123456789").expect("write key");
    let short = short.to_str().expect("utf-8 path").to_string();
    let err = TestServer::start_in(&dir.path().join("data"), &["--jwt-secret-file", &short])
        .await
        .err()
        .expect("a short key is refused")
        .to_string();
    assert!(err.contains("shorter than 32 bytes"), "{err}");
}

/// an admin's power goes with the role or the sign-in, at once, without a new login.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_demoted_or_logged_out_admin_loses_admin_access_at_once() {
    let s = TestServer::start().await;
    let root = admin(&s).await;
    let root2 = s.register("root2", "parent").await;
    s.make_admin(&root2);
    let r = s.get("/api/admin/stats").bearer(&root2.access).send().await;
    assert_eq!(r.status, 200, "{}", r.text());

    let r = s
        .patch(&format!("/api/admin/users/{}", root2.user_id))
        .bearer(&root.access)
        .json(&json!({ "role": "teacher" }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["user"]["role"], "teacher");
    // The same token, no re-login: admin routes are closed, including promoting oneself back.
    let r = s.get("/api/admin/stats").bearer(&root2.access).send().await;
    refused(&r, 403, "admin_only", "stats after demotion");
    let r = s
        .patch(&format!("/api/admin/users/{}", root2.user_id))
        .bearer(&root2.access)
        .json(&json!({ "role": "admin" }))
        .send()
        .await;
    refused(&r, 403, "admin_only", "promoting oneself back");
    let role: String = s
        .db()
        .query_row(
            "SELECT role FROM users WHERE id = ?1",
            [root2.user_id],
            |r| r.get(0),
        )
        .expect("role");
    assert_eq!(role, "teacher");

    // An admin's logout ends that token and its refresh token.
    let r = s.post("/api/auth/logout").bearer(&root.access).send().await;
    assert_eq!(r.status, 204, "{}", r.text());
    let r = s.get("/api/me").bearer(&root.access).send().await;
    refused(&r, 401, "session_ended", "GET /api/me after logout");
    let r = s.get("/api/admin/stats").bearer(&root.access).send().await;
    refused(&r, 401, "session_ended", "stats after logout");
    let r = s
        .post("/api/auth/refresh")
        .json(&json!({ "refresh_token": root.refresh }))
        .send()
        .await;
    refused(&r, 401, "invalid_refresh_token", "refresh after logout");
}

/// no CORS grant, no preflight handling, no form posts, no cookies.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_cross_origin_access_is_granted_and_no_cookies_are_set() {
    let s = TestServer::start().await;
    let u = s.register("corsy", "child").await;
    let evil = "http://evil.example";
    let no_cors = |r: &Resp, what: &str| {
        for name in r.headers.keys() {
            assert!(
                !name.as_str().starts_with("access-control-"),
                "{what}: {name} sent"
            );
        }
        assert!(r.header("set-cookie").is_none(), "{what}: a cookie was set");
    };

    let r = s
        .get("/api/me")
        .bearer(&u.access)
        .header("origin", evil)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    no_cors(&r, "GET /api/me from a foreign origin");

    let r = s
        .call("OPTIONS", "/api/stories")
        .header("origin", evil)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "authorization")
        .send()
        .await;
    refused(&r, 405, "method_not_allowed", "preflight");
    no_cors(&r, "preflight");

    // The "simple request" bodies a cross-site form can send are refused before anything runs.
    for ct in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
    ] {
        let r = s
            .post("/api/stories")
            .bearer(&u.access)
            .header("origin", evil)
            .raw(br#"{"title":"Forged"}"#.to_vec(), ct)
            .send()
            .await;
        refused(&r, 415, "unsupported_media_type", ct);
        no_cors(&r, ct);
    }
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM stories WHERE author_id = ?1",
            [u.user_id],
        ),
        0
    );

    let r = s.login("corsy", PASSWORD).await;
    assert_eq!(r.status, 200, "{}", r.text());
    no_cors(&r, "login");
    let r = s
        .post("/api/auth/refresh")
        .json(&json!({ "refresh_token": u.refresh }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    no_cors(&r, "refresh");
}

/// parser positions and internals never reach a client, over HTTP or the socket.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_answers_never_echo_parser_positions() {
    let s = TestServer::start().await;
    let u = s.register("parsy", "child").await;
    let positional = |m: &str| m.contains(" at line ") || m.contains("column");

    let mut ws = Ws::connect(&s, &u.access).await;
    ws.send_text("{not json").await;
    let err = ws.next_of("error").await;
    assert_eq!(err["code"], "bad_json", "{err}");
    assert_eq!(
        err["message"], "A frame must be a JSON object with a type.",
        "a fixed text: {err}"
    );
    let err = ws
        .request(
            json!({ "type": "collab.op", "session_id": "abc" }),
            "shape-1",
        )
        .await;
    assert_eq!(err["type"], "error", "{err}");
    assert_eq!(err["code"], "bad_frame", "{err}");
    let m = err["message"].as_str().expect("message");
    assert!(!positional(m), "{m}");

    let r = s
        .post("/api/stories")
        .bearer(&u.access)
        .json(&json!({ "title": "x", "pages": [{ "text": 5 }] }))
        .send()
        .await;
    refused(&r, 400, "invalid_body", "wrong type in a page");
    let m = r.json()["error"]["message"]
        .as_str()
        .expect("message")
        .to_string();
    assert!(!positional(&m), "{m}");
    let r = s
        .post("/api/stories")
        .bearer(&u.access)
        .raw(b"{\"title\": \"x\",\n  oops".to_vec(), "application/json")
        .send()
        .await;
    refused(&r, 400, "invalid_json", "malformed JSON");
    assert_eq!(
        r.json()["error"]["message"],
        "The request body is not valid JSON."
    );
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM stories WHERE author_id = ?1",
            [u.user_id],
        ),
        0
    );
}

///  (hygiene): no database, key or env file is part of the source tree, and the browser code
/// carries no API keys.
#[test]
fn the_repository_ships_no_databases_keys_or_env_files() {
    fn walk(dir: &Path, bad: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("dir entry").path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_string();
            if path.is_dir() {
                // Build output, local run data and tool directories are not shipped.
                if name.starts_with('.')
                    || ["target", "data", "node_modules"].contains(&name.as_str())
                {
                    continue;
                }
                walk(&path, bad);
                continue;
            }
            let lower = name.to_ascii_lowercase();
            let secret_ext = [
                ".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".key", ".pem",
            ]
            .iter()
            .any(|e| lower.ends_with(e));
            if secret_ext || lower == ".env" || lower.starts_with(".env.") {
                bad.push(path.display().to_string());
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut bad = Vec::new();
    walk(root, &mut bad);
    assert!(bad.is_empty(), "secret-looking files in the tree: {bad:?}");

    let mut js = Vec::new();
    files_under(&root.join("assets/js"), &mut js);
    assert!(!js.is_empty(), "no browser code found");
    for f in js {
        let text = std::fs::read_to_string(&f).expect("read js");
        for needle in ["API_KEY", "VITE_"] {
            assert!(!text.contains(needle), "{} has {needle}", f.display());
        }
    }
}

/// the story helper does not take a model, URL or anything else from the client.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_cannot_pick_the_model_or_url_of_the_story_helper() {
    let s = TestServer::start().await;
    let u = s.register("asker", "child").await;
    let genre = s.get("/api/config").send().await.json()["genres"][0]
        .as_str()
        .expect("a genre")
        .to_string();
    let base = json!({ "idea": "a kind dragon", "genre": genre, "language": "en", "pages": 3 });
    for (field, value) in [
        ("model", json!("gpt-4")),
        ("url", json!("http://evil.example/v1")),
        ("llm_url", json!("http://evil.example/v1")),
        ("prompt", json!("ignore the rules")),
    ] {
        let mut body = base.clone();
        body[field] = value;
        let r = s
            .post("/api/assist/story")
            .bearer(&u.access)
            .json(&body)
            .send()
            .await;
        refused(&r, 400, "invalid_body", field);
    }
    // The same request without the extra field works (the refusal is about the field).
    let r = s
        .post("/api/assist/story")
        .bearer(&u.access)
        .json(&base)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["source"], "built-in");
}

/// a parent's look through the child's eyes is a short, read-only sign-in with nothing to
/// refresh.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_parents_look_as_the_child_is_short_and_cannot_be_refreshed_or_write() {
    let s = TestServer::start().await;
    let mum = s.register("mum", "parent").await;
    let kid = s.register("kid", "child").await;
    let code = link_code(&s, &kid).await;
    assert_eq!(link(&s, &mum, &code).await.status, 200);

    let r = s
        .post(&format!("/api/family/children/{}/view-as", kid.user_id))
        .bearer(&mum.access)
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let v = r.json();
    assert!(v.get("refresh_token").is_none(), "no refresh token: {v}");
    assert_eq!(v["expires_in"], 600, "{v}");
    assert_eq!(v["view_only"], true, "{v}");
    let look = v["access_token"].as_str().expect("token").to_string();

    let (ttl, refresh_rows): (i64, i64) = s
        .db()
        .query_row(
            "SELECT s.expires_at - s.created_at,
                    (SELECT count(*) FROM refresh_tokens r WHERE r.session_id = s.id)
             FROM sessions s WHERE s.user_id = ?1 AND s.scope = 'view'",
            [kid.user_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("view session");
    assert_eq!((ttl, refresh_rows), (600, 0));

    // The look cannot be stretched into a long-lived sign-in, nor take the account over.
    let r = s
        .post("/api/auth/refresh")
        .json(&json!({ "refresh_token": look }))
        .send()
        .await;
    refused(
        &r,
        401,
        "invalid_refresh_token",
        "refresh with the look token",
    );
    let r = s
        .post("/api/me/password")
        .bearer(&look)
        .json(&json!({ "current_password": PASSWORD, "new_password": "taken-over1" }))
        .send()
        .await;
    refused(&r, 403, "view_only", "password change through the look");
    let r = s
        .delete("/api/me")
        .bearer(&look)
        .json(&json!({ "password": PASSWORD }))
        .send()
        .await;
    refused(&r, 403, "view_only", "account deletion through the look");
    assert_eq!(s.login("kid", PASSWORD).await.status, 200);
}

//! Running without an admin: logs a log collector can read (JSON lines with a request id and
//! nothing secret), commands that behave in pipes and name the environment variable that is
//! wrong, backups that never collide, exports a spreadsheet reads, and a health check a
//! container can run.

use serde_json::{Value, json};

use crate::common::{BinServer, PASSWORD, cli};

fn send(call: crate::common::Call) -> crate::common::Resp {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("rt")
        .block_on(call.send())
}

fn login(server: &BinServer, username: &str, password: &str) -> Value {
    let r = send(
        server
            .call("POST", "/api/auth/login")
            .json(&json!({ "username": username, "password": password })),
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    r.json()
}

#[test]
fn json_logs_name_each_request_and_never_a_secret() {
    let dir = tempfile::tempdir().expect("tempdir");
    let boss_password = "boss-password-77";
    let (code, _, err) = cli(
        dir.path(),
        &["admin", "create", "boss"],
        Some(&format!("{boss_password}\n")),
    );
    assert_eq!(code, 0, "{err}");
    let server = BinServer::spawn(dir.path(), &["--log-format", "json"]);

    let r = send(server.call("POST", "/api/auth/register").json(&json!({
        "username": "kid", "password": PASSWORD, "display_name": "Kid", "role": "child"
    })));
    assert_eq!(r.status, 201);
    let kid = r.json();
    let kid_id = kid["user"]["id"].as_i64().expect("kid id");
    let access = kid["access_token"].as_str().expect("access").to_string();
    let refresh = kid["refresh_token"].as_str().expect("refresh").to_string();
    // A proxy's request id is kept; without one the server makes one.
    let r = send(
        server
            .call("GET", "/api/me")
            .bearer(&access)
            .header("X-Request-Id", "edge-1234.abc"),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("x-request-id"), Some("edge-1234.abc"));
    let r = send(server.call("POST", "/api/realtime/ticket").bearer(&access));
    assert!(r.status == 200 || r.status == 201, "{}", r.status);
    let made_id = r.header("x-request-id").expect("request id").to_string();
    let ticket = r.json()["ticket"].as_str().expect("ticket").to_string();
    // The ticket travels in the query string, which is never logged.
    let r = send(server.call("GET", &format!("/ws?ticket={ticket}")));
    assert!(r.header("x-request-id").is_some(), "{}", r.status);
    let r = send(
        server
            .call("POST", "/api/auth/refresh")
            .json(&json!({ "refresh_token": refresh })),
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    // A reset code, made by the admin and spent by the child.
    let boss = login(&server, "boss", boss_password);
    let boss_access = boss["access_token"].as_str().expect("access").to_string();
    let r = send(
        server
            .call("POST", &format!("/api/admin/users/{kid_id}/reset-code"))
            .bearer(&boss_access),
    );
    assert_eq!(r.status, 201);
    let reset = r.json()["code"].as_str().expect("code").to_string();
    let new_password = "brand-new-pass-9";
    let r = send(server.call("POST", "/api/auth/reset").json(&json!({
        "username": "kid", "code": reset, "password": new_password
    })));
    assert_eq!(r.status, 204, "{}", String::from_utf8_lossy(&r.body));
    // A wrong password is logged as a 401, without the password.
    let r = send(server.call("POST", "/api/auth/login").json(&json!({
        "username": "kid", "password": "wrong-guess-5"
    })));
    assert_eq!(r.status, 401);
    login(&server, "kid", new_password);

    let log = server.log();
    let lines: Vec<Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    for l in &lines {
        for key in ["time", "level", "message"] {
            assert!(l[key].is_string(), "{key} in {l}");
        }
    }
    let requests: Vec<&Value> = lines.iter().filter(|l| l["message"] == "request").collect();
    assert!(requests.len() >= 9, "{log}");
    for r in &requests {
        assert!(r["request_id"].is_string(), "{r}");
        assert!(r["method"].is_string() && r["path"].is_string(), "{r}");
        assert!(r["status"].is_u64(), "{r}");
    }
    let by_id = |id: &str| requests.iter().find(|r| r["request_id"] == id).copied();
    let given = by_id("edge-1234.abc").expect("the proxy's id is logged");
    assert_eq!(given["path"], "/api/me");
    assert!(given["duration_ms"].is_number(), "{given}");
    let made = by_id(&made_id).expect("the made id is logged");
    assert_eq!(made["path"], "/api/realtime/ticket");
    assert!(
        requests
            .iter()
            .any(|r| r["path"] == "/ws" && r["request_id"].is_string()),
        "{log}"
    );
    for secret in [
        PASSWORD,
        boss_password,
        new_password,
        "wrong-guess-5",
        &access,
        &refresh,
        &boss_access,
        &ticket,
        &reset,
    ] {
        assert!(
            !log.contains(secret),
            "a secret is in the log: {secret}\n{log}"
        );
    }
}

#[test]
fn the_health_check_command_says_whether_the_server_answers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let server = BinServer::spawn(dir.path(), &[]);
    let r = send(server.call("GET", "/healthz"));
    let health = r.json();
    assert_eq!(health["status"], "ok");
    assert!(
        health["version"]
            .as_str()
            .is_some_and(|v| v.starts_with("0."))
    );
    assert!(
        health["schema_version"].as_i64().is_some_and(|v| v >= 9),
        "{health}"
    );
    let port = server.addr.port().to_string();
    let (code, out, err) = cli(
        dir.path(),
        &["--addr", "127.0.0.1", "--port", &port, "healthcheck"],
        None,
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("healthy"), "{out}");
    drop(server);
    let (code, _, err) = cli(
        dir.path(),
        &["--addr", "127.0.0.1", "--port", &port, "healthcheck"],
        None,
    );
    assert_eq!(code, 1);
    assert!(err.contains("no server answers"), "{err}");
}

#[test]
fn a_listing_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, _, err) = cli(dir.path(), &["profanity", "add", "bogusword"], None);
    assert_eq!(code, 0, "{err}");
    // The reader has gone before the first line is written, as with `| head` on a long list.
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = crate::common::bin()
        .arg("--data-dir")
        .arg(dir.path())
        .args(["profanity", "list"])
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?} {err}", out.status);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_bad_value_from_the_environment_names_the_variable() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (var, value) in [("PORT", "abc"), ("PIXELTALES_WORKERS", "lots")] {
        let out = crate::common::bin()
            .arg("--data-dir")
            .arg(dir.path())
            .arg("check")
            .env(var, value)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("environment variable {var}")),
            "{err}"
        );
        assert!(err.contains(value), "{err}");
    }
    // Typed on the command line, the flag is named as before.
    let out = crate::common::bin()
        .args(["--data-dir"])
        .arg(dir.path())
        .args(["--port", "abc", "check"])
        .env("PORT", "abc")
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--port"), "{err}");
}

#[test]
fn backups_asked_for_in_the_same_second_each_get_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut server = BinServer::spawn(dir.path(), &["--backups-keep", "10"]);
    // Each signal once the last was heard (signals that arrive together are merged into one),
    // which is well inside a second on a machine that is not busy.
    for n in 1..=3 {
        server.signal("USR1");
        let heard = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while server.log().matches("SIGUSR1 received").count() < n {
            assert!(std::time::Instant::now() < heard, "{}", server.log());
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let count = || {
        std::fs::read_dir(dir.path().join("backups"))
            .map(|d| {
                d.flatten()
                    .filter(|e| e.file_name().to_string_lossy().ends_with(".db"))
                    .count()
            })
            .unwrap_or(0)
    };
    while count() < 3 {
        assert!(std::time::Instant::now() < deadline, "{}", server.log());
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let log = server.log();
    assert!(!log.contains("backup_exists"), "{log}");
    server.signal("TERM");
    assert!(server.wait(15).success(), "{}", server.log());
}

#[test]
fn exports_write_times_a_spreadsheet_reads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, _, err) = cli(
        dir.path(),
        &["admin", "create", "boss"],
        Some("boss-pass-123\n"),
    );
    assert_eq!(code, 0, "{err}");
    let server = BinServer::spawn(dir.path(), &[]);
    let r = send(server.call("POST", "/api/auth/register").json(&json!({
        "username": "kid", "password": PASSWORD, "display_name": "Kid", "role": "child"
    })));
    assert_eq!(r.status, 201);
    let kid = r.json()["access_token"]
        .as_str()
        .expect("access")
        .to_string();
    let boss = login(&server, "boss", "boss-pass-123");
    let boss = boss["access_token"].as_str().expect("access").to_string();
    let iso = |v: &Value| {
        v.as_str().is_some_and(|s| {
            s.len() == 20 && s.as_bytes()[4] == b'-' && s.as_bytes()[10] == b'T' && s.ends_with('Z')
        })
    };
    let r = send(
        server
            .call("GET", "/api/admin/export?what=users&format=json")
            .bearer(&boss),
    );
    assert_eq!(r.status, 200);
    let users = r.json();
    let row = &users["items"][0];
    assert!(iso(&row["created_at"]), "{row}");
    let r = send(
        server
            .call("GET", "/api/admin/export?what=users&format=csv")
            .bearer(&boss),
    );
    let csv = String::from_utf8_lossy(&r.body).into_owned();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let at = header
        .iter()
        .position(|c| *c == "created_at")
        .expect("created_at");
    let first: Vec<&str> = lines.next().expect("a row").split(',').collect();
    assert!(iso(&json!(first[at])), "{csv}");
    let r = send(server.call("GET", "/api/me/export").bearer(&kid));
    assert_eq!(r.status, 200);
    let mine = r.json();
    assert!(iso(&mine["profile"]["created_at"]), "{mine}");
}

#[test]
fn backups_keep_within_their_size_budget_and_the_newest_always_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    // One backup of a new database is about half a megabyte: the budget holds two.
    let mut server = BinServer::spawn(
        dir.path(),
        &["--backups-keep", "10", "--backups-max-bytes", "1200000"],
    );
    let backups = || -> Vec<(String, u64)> {
        let mut v: Vec<(String, u64)> = std::fs::read_dir(dir.path().join("backups"))
            .map(|d| {
                d.flatten()
                    .filter_map(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        let len = e.metadata().ok()?.len();
                        name.ends_with(".db").then_some((name, len))
                    })
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    for n in 1..=4 {
        server.signal("USR1");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        while server.log().matches("backup pixeltales-").count() < n {
            assert!(std::time::Instant::now() < deadline, "{}", server.log());
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
    let kept = backups();
    let total: u64 = kept.iter().map(|(_, len)| len).sum();
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(total <= 1_200_000, "{kept:?}");
    let newest = server
        .log()
        .lines()
        .rev()
        .filter_map(|l| l.split("backup ").nth(1))
        .find_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .expect("a backup line");
    assert!(
        kept.iter().any(|(name, _)| *name == newest),
        "{newest} in {kept:?}"
    );
    // A budget smaller than one backup still keeps the newest.
    server.signal("TERM");
    assert!(server.wait(15).success());
    let mut server = BinServer::spawn(
        dir.path(),
        &["--backups-keep", "10", "--backups-max-bytes", "1000"],
    );
    server.signal("USR1");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !server.log().contains("backup pixeltales-") {
        assert!(std::time::Instant::now() < deadline, "{}", server.log());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(backups().len(), 1, "{:?}", backups());
    server.signal("TERM");
    assert!(server.wait(15).success());
}

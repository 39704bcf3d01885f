//! The real binary: CLI subcommands against a temp data dir, backup while serving and restore,
//! graceful shutdown, and refusing bad configuration or a newer database.

use std::time::{Duration, Instant};

use crate::common::{BinServer, PASSWORD, cli};
use serde_json::json;

fn login(server: &BinServer, username: &str, password: &str) -> crate::common::Resp {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("rt");
    rt.block_on(
        server
            .call("POST", "/api/auth/login")
            .json(&json!({"username": username, "password": password}))
            .send(),
    )
}

fn send(call: crate::common::Call) -> crate::common::Resp {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("rt");
    rt.block_on(call.send())
}

#[test]
fn version_and_help() {
    let out = crate::common::bin().arg("--version").output().expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("pixeltales 0."), "{text}");
    let out = crate::common::bin().arg("--help").output().expect("run");
    let help = String::from_utf8_lossy(&out.stdout);
    for word in [
        "serve",
        "admin",
        "profanity",
        "backup",
        "restore",
        "check",
        "PIXELTALES_DATA_DIR",
    ] {
        assert!(help.contains(word), "help mentions {word}");
    }
}

#[test]
fn bad_configuration_exits_with_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (env, args, expect) in [
        (
            Some(("PIXELTALES_WORKERS", "0")),
            vec![],
            "the environment variable PIXELTALES_WORKERS must be between 1 and 64 (got 0)",
        ),
        (Some(("PORT", "eighty")), vec![], "eighty"),
        (
            None,
            vec!["--public-url", "tales.example.org"],
            "--public-url must be an origin",
        ),
        (None, vec!["--no-such-flag"], "--no-such-flag"),
    ] {
        let mut cmd = crate::common::bin();
        cmd.arg("--data-dir")
            .arg(dir.path())
            .args(&args)
            .arg("check");
        if let Some((k, v)) = env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        assert!(err.contains(expect), "{err}");
    }
}

#[test]
fn admin_create_and_reset_password() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out, err) = cli(
        dir.path(),
        &["admin", "create", "Boss", "--display-name", "The Boss"],
        Some("boss-password\n"),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("created admin boss"), "{out}");
    let (code, _, err) = cli(
        dir.path(),
        &["admin", "create", "boss"],
        Some("another-pw\n"),
    );
    assert_eq!(code, 1);
    assert!(err.contains("already taken"), "{err}");
    let (code, _, err) = cli(dir.path(), &["admin", "create", "shorty"], Some("short\n"));
    assert_eq!(code, 1);
    assert!(err.contains("at least 8"), "{err}");
    let (code, _, err) = cli(dir.path(), &["admin", "create", "nopw"], Some(""));
    assert_eq!(code, 1);
    assert!(err.contains("no password"), "{err}");

    let server = BinServer::spawn(dir.path(), &[]);
    let r = login(&server, "boss", "boss-password");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["user"]["role"], "admin");
    assert_eq!(r.json()["user"]["display_name"], "The Boss");
    let token = r.json()["access_token"]
        .as_str()
        .expect("token")
        .to_string();

    // Reset while the server runs: the old session ends at once.
    let (code, out, err) = cli(
        dir.path(),
        &["admin", "reset-password", "boss"],
        Some("fresh-password\n"),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 session(s) signed out"), "{out}");
    assert_eq!(
        send(server.call("GET", "/api/me").bearer(&token)).status,
        401
    );
    assert_eq!(login(&server, "boss", "boss-password").status, 401);
    assert_eq!(login(&server, "boss", "fresh-password").status, 200);
    let (code, _, err) = cli(
        dir.path(),
        &["admin", "reset-password", "ghost"],
        Some("fresh-password\n"),
    );
    assert_eq!(code, 1);
    assert!(err.contains("no account called ghost"), "{err}");
}

#[test]
fn profanity_commands_change_the_running_filter() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out, _) = cli(dir.path(), &["profanity", "list", "--lang", "tl"], None);
    assert_eq!(code, 0);
    assert!(
        out.contains("putang ina\ttl\tsevere"),
        "the starter list is there from the start"
    );

    let server = BinServer::spawn(dir.path(), &[]);
    let register = |name: &str| {
        send(server.call("POST", "/api/auth/register").json(&json!({
            "username": format!("kid{}", name.len()), "password": PASSWORD, "display_name": name, "role": "child"
        })))
    };
    assert_eq!(register("Bulok Na Itlog").status, 201);

    let words = dir.path().join("words.txt");
    std::fs::write(
        &words,
        "# extra Tagalog words\nbulok na itlog\nbantot  # smelly\n\n",
    )
    .expect("write");
    let (code, out, err) = cli(
        dir.path(),
        &[
            "profanity",
            "seed",
            words.to_str().expect("path"),
            "--lang",
            "tl",
            "--severity",
            "mild",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("2 added"), "{out}");

    // The server polls the list version and rebuilds within a few seconds.
    let deadline = Instant::now() + Duration::from_secs(15);
    while register("Bulok Na Itlog Again").status != 422 {
        assert!(
            Instant::now() < deadline,
            "the server never picked up the new words"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let r = register("Bulok na Itl0g!");
    assert_eq!(r.status, 422, "{}", r.text());
    // The refusal hints at the phrase without spelling it.
    assert_eq!(r.json()["error"]["words"], json!(["b**** ** *****"]));

    let (code, out, _) = cli(
        dir.path(),
        &["profanity", "add", "Zonk", "--severity", "severe"],
        None,
    );
    assert_eq!(code, 0);
    assert!(out.contains("added: zonk (en, severe)"), "{out}");
    let (code, _, err) = cli(
        dir.path(),
        &["profanity", "add", "zonk", "--lang", "xx"],
        None,
    );
    assert_eq!(code, 1);
    assert!(err.contains("--lang must be en or tl"), "{err}");
    let (code, out, _) = cli(dir.path(), &["profanity", "remove", "zonk"], None);
    assert_eq!(code, 0);
    assert!(out.contains("removed 1 entry"), "{out}");
    let (code, _, err) = cli(dir.path(), &["profanity", "remove", "zonk"], None);
    assert_eq!(code, 1);
    assert!(err.contains("not in the list"), "{err}");
}

#[test]
fn backup_while_serving_then_restore_and_read_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut server = BinServer::spawn(dir.path(), &[]);
    let early = send(server.call("POST", "/api/auth/register").json(&json!({
        "username": "early", "password": PASSWORD, "display_name": "Early", "role": "child"
    })));
    assert_eq!(early.status, 201);
    let early_token = early.json()["access_token"]
        .as_str()
        .expect("token")
        .to_string();
    for i in 0..20 {
        let r = send(server.call("POST", "/api/auth/register").json(&json!({
            "username": format!("reader{i}"), "password": PASSWORD, "display_name": format!("Reader {i}"), "role": "child"
        })));
        assert_eq!(r.status, 201);
    }
    let backup = dir.path().join("snap.db");
    let (code, out, err) = cli(
        dir.path(),
        &["backup", backup.to_str().expect("path")],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("backup written"), "{out}");
    let (code, _, err) = cli(
        dir.path(),
        &["backup", backup.to_str().expect("path")],
        None,
    );
    assert_eq!(code, 1, "never overwrites");
    assert!(err.contains("already exists"), "{err}");
    let (code, out, _) = cli(dir.path(), &["backup"], None);
    assert_eq!(code, 0);
    assert!(out.contains("/backups/pixeltales-"), "{out}");

    // Written after the backup: must be gone after the restore.
    let r = send(server.call("POST", "/api/auth/register").json(&json!({
        "username": "latecomer", "password": PASSWORD, "display_name": "Late", "role": "child"
    })));
    assert_eq!(r.status, 201);

    let (code, _, err) = cli(
        dir.path(),
        &["restore", backup.to_str().expect("path")],
        None,
    );
    assert_eq!(
        code, 1,
        "restore refuses while the server holds the data dir"
    );
    assert!(err.contains("another pixeltales process"), "{err}");

    server.signal("TERM");
    assert!(server.wait(15).success());
    let (code, out, err) = cli(
        dir.path(),
        &["restore", backup.to_str().expect("path")],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("previous database was kept"), "{out}");
    let (code, out, _) = cli(dir.path(), &["check"], None);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("integrity: ok"), "{out}");

    let server = BinServer::spawn(dir.path(), &[]);
    assert_eq!(login(&server, "reader19", PASSWORD).status, 200);
    // Sessions from before the restore end: a revoked token must not come back to life.
    assert_eq!(
        send(server.call("GET", "/api/me").bearer(&early_token)).status,
        401
    );
    assert_eq!(login(&server, "latecomer", PASSWORD).status, 401);

    let garbage = dir.path().join("garbage.db");
    std::fs::write(&garbage, b"this is not a database").expect("write");
    drop(server);
    let (code, _, err) = cli(
        dir.path(),
        &["restore", garbage.to_str().expect("path")],
        None,
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("not a readable SQLite database") || err.contains("not a database"),
        "{err}"
    );
}

#[test]
fn sigterm_finishes_cleanly_and_checkpoints() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut server = BinServer::spawn(dir.path(), &[]);
    for i in 0..5 {
        let r = send(server.call("POST", "/api/auth/register").json(&json!({
            "username": format!("quiet{i}"), "password": PASSWORD, "display_name": "Q", "role": "child"
        })));
        assert_eq!(r.status, 201);
    }
    server.signal("TERM");
    let status = server.wait(15);
    assert!(status.success(), "exit {status:?}; log:\n{}", server.log());
    let log = server.log();
    assert!(
        log.contains("shut down cleanly; database checkpointed"),
        "{log}"
    );
    let wal = dir.path().join("pixeltales.db-wal");
    assert!(
        !wal.exists() || std::fs::metadata(&wal).expect("meta").len() == 0,
        "WAL folded in"
    );
    let (code, out, _) = cli(dir.path(), &["check"], None);
    assert_eq!(code, 0, "{out}");

    let mut server = BinServer::spawn(dir.path(), &[]);
    assert_eq!(login(&server, "quiet4", PASSWORD).status, 200);
    server.signal("INT");
    assert!(server.wait(15).success());
}

/// Backup files in DATA_DIR/backups, sorted by name.
fn backups(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("backups"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".db"))
        .collect();
    names.sort();
    names
}

/// Polls until `want` backups exist (at most 15 s).
fn wait_for_backups(dir: &std::path::Path, want: usize, server: &BinServer) -> Vec<String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let names = backups(dir);
        if names.len() >= want {
            return names;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{} backups, wanted {want}; log:\n{}",
            names.len(),
            server.log()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn sigusr1_and_the_schedule_make_backups_that_restore() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A stale backup from long ago: the schedule (every hour here) is overdue at once, and the
    // old copy is pruned by --backups-keep 2 once two newer ones exist.
    std::fs::create_dir_all(dir.path().join("backups")).expect("mkdir");
    let stale = dir.path().join("backups/pixeltales-20200101-000000.db");
    std::fs::write(&stale, b"old").expect("stale backup");
    let touched = std::process::Command::new("touch")
        .args(["-d", "2020-01-01 00:00:00"])
        .arg(&stale)
        .status()
        .expect("touch");
    assert!(touched.success());
    let mut server = BinServer::spawn(
        dir.path(),
        &["--backup-every-hours", "1", "--backups-keep", "2"],
    );
    let r = send(server.call("POST", "/api/auth/register").json(&json!({
        "username": "saved", "password": PASSWORD, "display_name": "Saved", "role": "child"
    })));
    assert_eq!(r.status, 201);
    let names = wait_for_backups(dir.path(), 2, &server);
    assert!(
        server.log().contains("backup pixeltales-"),
        "{}",
        server.log()
    );
    // The schedule is met now: no third copy appears by itself.
    std::thread::sleep(std::time::Duration::from_secs(6));
    assert_eq!(backups(dir.path()).len(), 2, "{names:?}");

    // SIGUSR1 makes one at once (a second later, so the file name differs).
    std::thread::sleep(std::time::Duration::from_millis(1100));
    server.signal("USR1");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !server.log().contains("SIGUSR1 received")
        || backups(dir.path()).contains(&"pixeltales-20200101-000000.db".to_string())
    {
        assert!(std::time::Instant::now() < deadline, "{}", server.log());
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let names = wait_for_backups(dir.path(), 2, &server);
    assert_eq!(names.len(), 2, "kept 2: {names:?}");
    assert!(!stale.exists(), "the oldest backup was pruned");

    server.signal("TERM");
    assert!(server.wait(15).success(), "{}", server.log());
    let audit: Vec<String> = {
        let db = rusqlite::Connection::open(dir.path().join("pixeltales.db")).expect("db");
        let mut st = db
            .prepare("SELECT action FROM audit_log WHERE action LIKE 'backup%' ORDER BY id")
            .expect("prepare");
        st.query_map([], |r| r.get(0))
            .expect("query")
            .map(|r| r.expect("row"))
            .collect()
    };
    assert_eq!(audit, ["backup_scheduled", "backup_signal"], "{audit:?}");

    // The newest copy restores and holds the account.
    let newest = dir
        .path()
        .join("backups")
        .join(names.last().expect("a backup"));
    let (code, _, err) = cli(
        dir.path(),
        &["restore", newest.to_str().expect("path")],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let mut server = BinServer::spawn(dir.path(), &[]);
    assert_eq!(login(&server, "saved", PASSWORD).status, 200);
    server.signal("TERM");
    assert!(server.wait(15).success());
}

#[test]
fn refuses_a_database_from_a_newer_pixeltales() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, _, _) = cli(dir.path(), &["check"], None);
    assert_eq!(code, 1, "no database yet");
    cli(dir.path(), &["profanity", "list"], None);
    {
        let db = rusqlite::Connection::open(dir.path().join("pixeltales.db")).expect("open");
        db.pragma_update(None, "user_version", 99).expect("bump");
    }
    let out = crate::common::bin()
        .arg("--data-dir")
        .arg(dir.path())
        .args(["--port", "0", "--addr", "127.0.0.1"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("schema version 99"), "{err}");
    let (code, out, _) = cli(dir.path(), &["check"], None);
    assert_eq!(code, 1);
    assert!(out.contains("schema version: 99"), "{out}");
}

#[test]
fn demo_seeds_a_readable_classroom_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out, err) = cli(dir.path(), &["demo"], None);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("demo classroom ready: 14 stories"), "{out}");
    let password = out
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("demo_maya")
                .map(|p| p.trim().to_string())
        })
        .expect("maya's password is printed");
    let (code, out, _) = cli(dir.path(), &["demo"], None);
    assert_eq!(code, 0);
    assert!(out.contains("already here"), "{out}");

    let server = BinServer::spawn(dir.path(), &[]);
    let lib = send(server.call("GET", "/api/stories?limit=100")).json();
    let items = lib["items"].as_array().expect("items");
    assert_eq!(items.len(), 14, "once, not twice");
    let tagalog = send(server.call("GET", "/api/stories?language=tl")).json();
    assert!(tagalog["items"].as_array().expect("items").len() >= 5);
    let found = send(server.call("GET", "/api/stories?q=alitaptap")).json();
    assert_eq!(found["items"][0]["title"], "Ang Buwan at ang Alitaptap");
    let first = items[0]["id"].as_i64().expect("id");
    let story = send(server.call("GET", &format!("/api/stories/{first}"))).json();
    assert!(
        story["pages"][0]["drawing"]["items"]
            .as_array()
            .expect("drawn")
            .len()
            > 3,
        "pages are illustrated"
    );
    assert_eq!(login(&server, "demo_maya", &password).status, 200);
    let (code, _, err) = cli(
        dir.path(),
        &[
            "demo",
            "--bulk-users",
            "3",
            "--bulk-stories",
            "5",
            "--bulk-pages",
            "0",
        ],
        None,
    );
    assert_eq!(code, 1);
    assert!(err.contains("--bulk-pages"), "{err}");
}

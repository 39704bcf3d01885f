//! The classroom morning: a teacher pastes 30 names, then all 30 children tap their name and
//! pictures at the same moment from one school address, against the release binary with its
//! default limits and argon2 settings (nothing opened up for the benchmark).

use std::net::SocketAddr;
use std::time::Instant;

use serde_json::{Value, json};

use super::{BIN, Row, common, free_port, percentile, stop, until_healthy};

const KIDS: usize = 30;

async fn call(addr: SocketAddr, method: &str, path: &str, token: &str, body: Value) -> Value {
    let r = common::Call::new(addr, method, path)
        .bearer(token)
        .json(&body)
        .send()
        .await;
    assert!(r.status < 300, "{method} {path}: {} {}", r.status, r.text());
    r.json()
}

pub async fn run(rows: &mut Vec<Row>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    // The server's own defaults (not the benchmark's opened-up limits): only the log is quieter.
    let child = std::process::Command::new(BIN)
        .arg("--data-dir")
        .arg(dir.path())
        .args([
            "--addr",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--log",
            "warn",
        ])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn pixeltales");
    until_healthy(addr, Instant::now()).await;
    let teacher = common::register_at(addr, "bench_teacher", "teacher").await;
    // An admin approves new teachers; the benchmark does it in the database file.
    rusqlite::Connection::open(dir.path().join("pixeltales.db"))
        .and_then(|db| {
            db.busy_timeout(std::time::Duration::from_secs(5))?;
            db.execute(
                "UPDATE users SET pending_approval = 0 WHERE id = ?1",
                [teacher.user_id],
            )
        })
        .expect("approve the teacher");
    let class = call(
        addr,
        "POST",
        "/api/classes",
        &teacher.access,
        json!({ "name": "Bench class" }),
    )
    .await;
    let (id, code) = (
        class["class"]["id"].as_i64().expect("id"),
        class["class"]["join_code"]
            .as_str()
            .expect("code")
            .to_string(),
    );
    call(
        addr,
        "PATCH",
        &format!("/api/classes/{id}/settings"),
        &teacher.access,
        json!({ "signin": "open" }),
    )
    .await;
    let names: Vec<String> = (0..KIDS)
        .map(|i| {
            format!(
                "Kid {}{}",
                (b'A' + (i / 26) as u8) as char,
                (b'a' + (i % 26) as u8) as char
            )
        })
        .collect();
    let started = Instant::now();
    let made = call(
        addr,
        "POST",
        &format!("/api/classes/{id}/roster"),
        &teacher.access,
        json!({ "text": names.join("\n") }),
    )
    .await;
    let roster_ms = started.elapsed().as_secs_f64() * 1000.0;
    let kids = made["created"].as_array().expect("created").clone();
    assert_eq!(kids.len(), KIDS);

    // Everyone taps at once.
    let started = Instant::now();
    let mut tasks = Vec::new();
    for kid in kids {
        let code = code.clone();
        tasks.push(tokio::spawn(async move {
            let pictures: Vec<Value> = kid["pictures"]
                .as_array()
                .expect("pictures")
                .iter()
                .map(|p| p["id"].clone())
                .collect();
            let t = Instant::now();
            let r = common::Call::new(addr, "POST", &format!("/api/class-signin/{code}"))
                .json(&json!({ "user_id": kid["id"], "picture": pictures }))
                .send()
                .await;
            assert_eq!(r.status, 200, "{}", r.text());
            t.elapsed().as_secs_f64() * 1000.0
        }));
    }
    let mut latencies = Vec::with_capacity(KIDS);
    for t in tasks {
        latencies.push(t.await.expect("sign-in"));
    }
    let last_in = started.elapsed().as_secs_f64();
    latencies.sort_by(f64::total_cmp);
    rows.push(Row::reported(
        "roster: 30 names pasted into accounts",
        format!("{roster_ms:.0} ms"),
    ));
    rows.push(Row::reported(
        "30 picture sign-ins at once, one address",
        format!(
            "p50 {:.0} / p99 {:.0} ms; last child in after {:.2} s",
            percentile(&latencies, 0.5),
            percentile(&latencies, 0.99),
            last_in
        ),
    ));
    // A Pi 4's Cortex-A72 at 1.5 GHz hashes argon2id (memory-bound, 7 MiB, t=5) about four
    // times slower than one core here, with the same two hashes at a time: the morning's
    // queue is the hashes, so it scales with them.
    rows.push(Row::reported(
        "  same on a Raspberry Pi 4 (estimate, x4)",
        format!("last child in after about {:.1} s", last_in * 4.0),
    ));
    stop(child);
}

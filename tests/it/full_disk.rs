//! A data disk that fills up: new work is refused with `507 storage_full` (never a 500), reading,
//! signing in and sockets keep working, the health check and metrics say so, backups refuse
//! without leaving files, and when space returns every write works again without a restart.
//!
//! The disk is a small tmpfs this test mounts, so it runs as root (as CI does).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::disk::{SmallDisk, fill};
use crate::common::ws::Ws;
use crate::common::{BinServer, PASSWORD, cli};

fn leftovers(backups: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(backups)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| !p.to_string_lossy().ends_with(".db"))
                .collect()
        })
        .unwrap_or_default()
}

async fn new_story(server: &BinServer, token: &str, title: &str) -> (u16, Value) {
    let r = server
        .call("POST", "/api/stories")
        .bearer(token)
        .json(&json!({ "title": title, "pages": [{ "text": "Once upon a time." }] }))
        .send()
        .await;
    (
        r.status,
        serde_json::from_slice(&r.body).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn a_full_disk_refuses_new_work_kindly_keeps_sign_in_and_recovers_by_itself() {
    let disk = SmallDisk::mount(24);
    let data = disk.path().join("data");
    let (code, _, err) = cli(&data, &["admin", "create", "boss"], Some("boss-pass-123\n"));
    assert_eq!(code, 0, "{err}");
    let mut server = BinServer::spawn(&data, &["--disk-reserve-mb", "4"]);
    let r = server
        .call("POST", "/api/auth/register")
        .json(&json!({
            "username": "kid", "password": PASSWORD, "display_name": "Kid", "role": "child"
        }))
        .send()
        .await;
    assert_eq!(r.status, 201);
    let kid = r.json()["access_token"]
        .as_str()
        .expect("token")
        .to_string();
    let (status, first) = new_story(&server, &kid, "Before the disk filled").await;
    assert_eq!(status, 201, "{first}");
    assert!(data.join("space-reserve").exists(), "a reserve is kept");

    fill(&disk.path().join("filler"));
    // Writes go on until one finds no room; from then on each is refused the same way.
    let deadline = Instant::now() + Duration::from_secs(20);
    let refusal = loop {
        let (status, body) = new_story(&server, &kid, "A new story").await;
        match status {
            201 => assert!(Instant::now() < deadline, "writes never ran out of room"),
            507 => break body,
            _ => panic!("a full disk answered {status}: {body}\n{}", server.log()),
        }
    };
    assert_eq!(refusal["error"]["code"], "storage_full", "{refusal}");
    let message = refusal["error"]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("grown-up") && message.contains("full"),
        "{message}"
    );
    let (status, again) = new_story(&server, &kid, "Another try").await;
    assert_eq!(
        (status, &again["error"]["code"]),
        (507, &json!("storage_full"))
    );

    // Reading, signing in and sockets go on.
    let r = server.call("GET", "/api/stories").bearer(&kid).send().await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let r = server
        .call("GET", &format!("/api/stories/{}", first["id"]))
        .bearer(&kid)
        .send()
        .await;
    assert_eq!(r.status, 200);
    let r = server
        .call("POST", "/api/auth/login")
        .json(&json!({ "username": "kid", "password": PASSWORD }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let fresh = r.json()["access_token"]
        .as_str()
        .expect("token")
        .to_string();
    let ws = Ws::connect_addr(server.addr, &fresh).await;
    assert_eq!(ws.hello["type"], "hello");
    let r = server
        .call("POST", "/api/auth/login")
        .json(&json!({ "username": "boss", "password": "boss-pass-123" }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    let boss = r.json()["access_token"]
        .as_str()
        .expect("token")
        .to_string();

    // The grown-ups' signals: health, metrics, and a backup that does not try.
    let health = server.call("GET", "/healthz").send().await;
    assert_eq!(health.status, 200);
    let health = health.json();
    assert_eq!(health["status"], "degraded", "{health}");
    assert_eq!(health["reasons"][0]["code"], "storage_full", "{health}");
    assert!(health["disk"]["free_bytes"].is_u64(), "{health}");
    let metrics = server.call("GET", "/metrics").send().await;
    let metrics = String::from_utf8_lossy(&metrics.body).into_owned();
    assert!(
        metrics.contains("pixeltales_data_disk_free_bytes "),
        "{metrics}"
    );
    assert!(metrics.contains("pixeltales_storage_full 1"), "{metrics}");
    let r = server
        .call("POST", "/api/admin/backups")
        .bearer(&boss)
        .send()
        .await;
    assert_eq!(r.status, 507, "{}", String::from_utf8_lossy(&r.body));
    let (code, _, err) = cli(&data, &["backup"], None);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("not enough room"), "{err}");
    assert_eq!(leftovers(&data.join("backups")), Vec::<PathBuf>::new());

    // Room again: writes work without a restart.
    std::fs::remove_file(disk.path().join("filler")).expect("free the space");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (status, body) = new_story(&server, &kid, "After the disk had room").await;
        if status == 201 {
            break;
        }
        assert_eq!(status, 507, "{body}");
        assert!(
            Instant::now() < deadline,
            "writes did not come back\n{}",
            server.log()
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let health = server.call("GET", "/healthz").send().await.json();
    assert_eq!(health["status"], "ok", "{health}");
    let r = server
        .call("POST", "/api/admin/backups")
        .bearer(&boss)
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    drop(ws);
    server.signal("TERM");
    assert!(server.wait(15).success(), "{}", server.log());
    let (code, out, err) = cli(&data, &["check"], None);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("ok"), "{out}");
}

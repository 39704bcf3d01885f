//! Upgrades: a database from every earlier schema version, with data in it, is brought to the
//! current one by starting the server; the data is all there, and a copy of the old file is kept
//! to go back to.
//!
//! An old database is made the way that version made it: its shipped migration steps (which are
//! never edited) and then the rows in `tests/fixtures/upgrade/` that existed by then.

use std::path::Path;

use pixeltales::db::migrations::{SCHEMA_VERSION, STEPS};
use serde_json::json;

use crate::common::{PASSWORD, TestServer};

const V1: &str = include_str!("../fixtures/upgrade/v1.sql");
const V2: &str = include_str!("../fixtures/upgrade/v2.sql");

fn old_database(path: &Path, version: i64) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("wal");
    for (_, sql) in &STEPS[..version as usize] {
        conn.execute_batch(sql).expect("old step");
    }
    conn.pragma_update(None, "user_version", version)
        .expect("version");
    conn.execute_batch(V1).expect("accounts");
    if version >= 2 {
        conn.execute_batch(V2).expect("stories");
    }
}

fn version_of(path: &Path) -> i64 {
    rusqlite::Connection::open(path)
        .expect("open")
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version")
}

#[tokio::test]
async fn a_database_from_every_earlier_version_upgrades_with_its_data_and_a_copy_to_go_back_to() {
    for version in 1..SCHEMA_VERSION {
        let dir = tempfile::tempdir().expect("tempdir");
        old_database(&dir.path().join("pixeltales.db"), version);
        let s = TestServer::start_in(dir.path(), &[])
            .await
            .unwrap_or_else(|e| panic!("v{version} did not start: {e}"));
        let what = format!("from v{version}");

        let health = s.get("/healthz").send().await.json();
        assert_eq!(health["schema_version"], SCHEMA_VERSION, "{what}: {health}");
        let copies: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
            .expect("a backups dir")
            .flatten()
            .map(|e| e.path())
            .collect();
        assert_eq!(copies.len(), 1, "{what}: {copies:?}");
        assert_eq!(
            version_of(&copies[0]),
            version,
            "{what}: the copy is the old file"
        );

        let r = s
            .post("/api/auth/login")
            .json(&json!({ "username": "maya", "password": PASSWORD }))
            .send()
            .await;
        assert_eq!(r.status, 200, "{what}: {}", r.text());
        let maya = r.json();
        assert_eq!(maya["user"]["display_name"], "Maya", "{what}");
        let token = maya["access_token"].as_str().expect("token").to_string();
        let me = s.get("/api/me").bearer(&token).send().await.json();
        assert_eq!(me["avatar_emoji"], "🐉", "{what}: {me}");
        if version < 2 {
            continue;
        }
        let found = s.get("/api/stories?q=boat").send().await.json();
        assert_eq!(found["items"][0]["id"], 1, "{what}: {found}");
        let story = s.get("/api/stories/1").bearer(&token).send().await.json();
        assert_eq!(story["title"], "The Brave Little Boat", "{what}");
        assert_eq!(
            story["pages"][1]["text"], "The storm passed and the boat came home.",
            "{what}"
        );
        assert_eq!(story["counts"]["likes"], 1, "{what}: {story}");
        let comments = s.get("/api/stories/1/comments").send().await.json();
        assert_eq!(comments["items"][0]["text"], "I love the boat!", "{what}");
        let friends = s.get("/api/friends").bearer(&token).send().await.json();
        assert!(friends.to_string().contains("\"leo\""), "{what}: {friends}");
        // The upgraded file still writes.
        let r = s
            .post("/api/stories/1/comments")
            .bearer(&token)
            .json(&json!({ "text": "Thank you!" }))
            .send()
            .await;
        assert_eq!(r.status, 201, "{what}: {}", r.text());
    }
}

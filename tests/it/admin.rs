//! The admin console's API through the real server: who may call it, the dashboard, users
//! (suspend with sockets closed, lifted automatically, archive, reset codes), moderation of
//! reports and flags, the word list taking effect at once, announcements pushed live, the
//! audit log, exports and backups.

use crate::common::ws::Ws;
use crate::common::{PASSWORD, Session, TestServer};
use pixeltales::http::router::{Access, Route, sample_path};
use serde_json::{Value, json};

async fn admin(s: &TestServer) -> Session {
    let a = s.register("root", "parent").await;
    s.make_admin(&a);
    a
}

#[tokio::test]
async fn only_admins_reach_admin_routes() {
    let s = TestServer::start().await;
    let kid = s.register("kid", "child").await;
    let mum = s.register("mum", "parent").await;
    let teacher = s.register("teach", "teacher").await;
    let root = admin(&s).await;
    let admin_routes: Vec<Route> = Route::ALL
        .iter()
        .copied()
        .filter(|r| r.access() == Access::Admin)
        .collect();
    assert!(admin_routes.len() >= 19, "{}", admin_routes.len());
    for r in admin_routes {
        let path = sample_path(r.template());
        let m = r.method();
        for who in [&kid, &mum, &teacher] {
            let resp = s
                .call(m.as_str(), &path)
                .bearer(&who.access)
                .json(&json!({}))
                .send()
                .await;
            assert_eq!(
                (resp.status, resp.code().as_str()),
                (403, "admin_only"),
                "{m} {path}"
            );
        }
        let resp = s.call(m.as_str(), &path).send().await;
        assert_eq!(resp.status, 401, "{m} {path} as a guest");
    }
    let r = s.get("/api/admin/stats").bearer(&root.access).send().await;
    assert_eq!(r.status, 200, "{}", r.text());
    let st = r.json();
    assert_eq!(st["users"]["child"], 1);
    assert_eq!(st["users"]["admin"], 1);
    assert_eq!(st["users"]["total"], 4);
    assert_eq!(st["activity"].as_array().expect("activity").len(), 30);
    assert_eq!(st["activity"][29]["signups"], 4);
    assert!(st["db_bytes"].as_i64().expect("db size") > 0);
    assert_eq!(st["live_rooms"], 0);
}

#[tokio::test]
async fn suspending_a_connected_user_closes_their_sockets_and_it_lifts_by_itself() {
    let s = TestServer::start().await;
    let root = admin(&s).await;
    let kid = s.register("kid", "child").await;
    let mut ws = Ws::connect(&s, &kid.access).await;

    let until = pixeltales::time::now() + 3 * 86_400;
    let r = s
        .patch(&format!("/api/admin/users/{}", kid.user_id))
        .bearer(&root.access)
        .json(&json!({ "status": "suspended", "suspended_until": until, "reason": "rude words" }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["user"]["status"], "suspended");
    assert_eq!(ws.closed().await.0, 4003);
    // Refused everywhere, saying why (so the app can tell the child): old tokens, refresh, a
    // socket ticket, a new login.
    let r = s.get("/api/me").bearer(&kid.access).send().await;
    assert_eq!((r.status, r.code().as_str()), (403, "account_suspended"));
    let r = s
        .post("/api/auth/refresh")
        .json(&json!({ "refresh_token": kid.refresh }))
        .send()
        .await;
    assert_eq!((r.status, r.code().as_str()), (403, "account_suspended"));
    let r = s
        .post("/api/realtime/ticket")
        .bearer(&kid.access)
        .send()
        .await;
    assert_eq!(r.status, 403);
    let r = s.login("kid", PASSWORD).await;
    assert_eq!((r.status, r.code().as_str()), (403, "account_suspended"));
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("paused until")
    );
    // In the past: not allowed. Suspending yourself: not allowed.
    let r = s
        .patch(&format!("/api/admin/users/{}", kid.user_id))
        .bearer(&root.access)
        .json(&json!({ "status": "suspended", "suspended_until": 5 }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    let r = s
        .patch(&format!("/api/admin/users/{}", root.user_id))
        .bearer(&root.access)
        .json(&json!({ "status": "suspended" }))
        .send()
        .await;
    assert_eq!(r.status, 409);
    // The date passes: the account works again without anyone doing anything.
    s.db_rw()
        .execute(
            "UPDATE users SET suspended_until = ?1 WHERE id = ?2",
            rusqlite::params![pixeltales::time::now() - 1, kid.user_id],
        )
        .expect("time passes");
    let r = s.login("kid", PASSWORD).await;
    assert_eq!(r.status, 200, "{}", r.text());

    // Archive and restore; the audit log has every step with the reason.
    let r = s
        .patch(&format!("/api/admin/users/{}", kid.user_id))
        .bearer(&root.access)
        .json(&json!({ "status": "archived" }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(s.login("kid", PASSWORD).await.code(), "account_closed");
    let archived = s
        .get("/api/admin/users?status=archived")
        .bearer(&root.access)
        .send()
        .await
        .json();
    assert_eq!(archived["items"].as_array().expect("items").len(), 1);
    let r = s
        .patch(&format!("/api/admin/users/{}", kid.user_id))
        .bearer(&root.access)
        .json(&json!({ "status": "active" }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(s.login("kid", PASSWORD).await.status, 200);
    let log = s
        .get("/api/admin/audit?actor=root")
        .bearer(&root.access)
        .send()
        .await
        .json();
    let actions: Vec<&str> = log["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    for want in ["user_suspended", "user_archived", "user_restored"] {
        assert!(actions.contains(&want), "{want} in {actions:?}");
    }
    let detail = s
        .get(&format!("/api/admin/users/{}", kid.user_id))
        .bearer(&root.access)
        .send()
        .await
        .json();
    assert!(
        detail["audit"]
            .as_array()
            .expect("audit")
            .iter()
            .any(|e| e["detail"]["reason"] == "rude words")
    );

    // Role changes; the last admin cannot step down.
    let r = s
        .patch(&format!("/api/admin/users/{}", kid.user_id))
        .bearer(&root.access)
        .json(&json!({ "role": "teacher" }))
        .send()
        .await;
    assert_eq!(r.json()["user"]["role"], "teacher");
    let r = s
        .patch(&format!("/api/admin/users/{}", kid.user_id))
        .bearer(&root.access)
        .json(&json!({ "role": "wizard" }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    let r = s
        .patch("/api/admin/users/999999")
        .bearer(&root.access)
        .json(&json!({ "role": "child" }))
        .send()
        .await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn a_reset_code_sets_a_new_password_once() {
    let s = TestServer::start().await;
    let root = admin(&s).await;
    let kid = s.register("kid", "child").await;
    let r = s
        .post(&format!("/api/admin/users/{}/reset-code", kid.user_id))
        .bearer(&root.access)
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let code = r.json()["code"].as_str().expect("code").to_string();
    // Wrong user, wrong code, weak password: refused, code still usable.
    let other = s.register("other", "child").await;
    let r = s
        .post("/api/auth/reset")
        .json(&json!({ "username": "other", "code": code, "password": "newpass1" }))
        .send()
        .await;
    assert_eq!(r.status, 400);
    let r = s
        .post("/api/auth/reset")
        .json(&json!({ "username": "kid", "code": "ABCD-EFGH", "password": "newpass1" }))
        .send()
        .await;
    assert_eq!(r.status, 400);
    let r = s
        .post("/api/auth/reset")
        .json(&json!({ "username": "kid", "code": code, "password": "x" }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    let r = s
        .post("/api/auth/reset")
        .json(&json!({ "username": "kid", "code": code, "password": "newpass1" }))
        .send()
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    assert_eq!(
        s.get("/api/me").bearer(&kid.access).send().await.status,
        401,
        "old sessions end"
    );
    assert_eq!(s.login("kid", "newpass1").await.status, 200);
    let r = s
        .post("/api/auth/reset")
        .json(&json!({ "username": "kid", "code": code, "password": "again123" }))
        .send()
        .await;
    assert_eq!(r.status, 400, "used once");
    assert_eq!(s.login("other", PASSWORD).await.status, 200);
    let _ = other;
}

#[tokio::test]
async fn reports_and_flags_reach_the_moderation_queue_and_actions_are_audited() {
    let s = TestServer::start().await;
    let root = admin(&s).await;
    let author = s.register("author", "child").await;
    let reader = s.register("reader", "child").await;
    let story = s.published(&author.access, "Scary tale", &["boo"]).await;
    let r = s
        .post(&format!("/api/stories/{story}/comments"))
        .bearer(&author.access)
        .json(&json!({ "text": "mean comment" }))
        .send()
        .await;
    let comment = r.json()["id"].as_i64().expect("comment id");

    for (t, id) in [("story", story), ("comment", comment)] {
        for _ in 0..2 {
            let r = s
                .post("/api/reports")
                .bearer(&reader.access)
                .json(&json!({ "target_type": t, "target_id": id, "reason": "too scary" }))
                .send()
                .await;
            assert_eq!(r.status, 201, "{}", r.text());
        }
    }
    let r = s
        .post("/api/reports")
        .bearer(&reader.access)
        .json(&json!({ "target_type": "user", "target_id": 1, "reason": "x" }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    let r = s
        .post("/api/reports")
        .bearer(&reader.access)
        .json(&json!({ "target_type": "story", "target_id": 99999, "reason": "x" }))
        .send()
        .await;
    assert_eq!(r.status, 404);
    let r = s
        .post("/api/reports")
        .bearer(&reader.access)
        .json(&json!({ "target_type": "story", "target_id": story, "reason": "" }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    // A drafted story of someone else cannot be reported (it is invisible).
    let draft = s.story(&author.access, "Secret", &["x"]).await["id"]
        .as_i64()
        .expect("id");
    let r = s
        .post("/api/reports")
        .bearer(&reader.access)
        .json(&json!({ "target_type": "story", "target_id": draft, "reason": "x" }))
        .send()
        .await;
    assert_eq!(r.status, 404);

    let q = s
        .get("/api/admin/moderation")
        .bearer(&root.access)
        .send()
        .await
        .json();
    let items = q["items"].as_array().expect("items");
    assert_eq!(items.len(), 2, "{q}");
    let st = items
        .iter()
        .find(|i| i["kind"] == "story")
        .expect("story item");
    assert_eq!(st["reports"], 1, "the same reporter counts once");
    assert_eq!(st["author"]["username"], "author");

    // Hide the story: gone from the library and from reading; restore brings it back.
    let r = s
        .post(&format!("/api/admin/moderation/story/{story}"))
        .bearer(&root.access)
        .json(&json!({ "action": "hide" }))
        .send()
        .await;
    assert_eq!((r.status, r.code().as_str()), (422, "reason_required"));
    let r = s
        .post(&format!("/api/admin/moderation/story/{story}"))
        .bearer(&root.access)
        .json(&json!({ "action": "hide", "reason": "scary" }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let lib = s.get("/api/stories").send().await.json();
    assert!(lib["items"].as_array().expect("items").is_empty(), "{lib}");
    assert_eq!(
        s.get(&format!("/api/stories/{story}"))
            .bearer(&reader.access)
            .send()
            .await
            .status,
        404
    );
    let r = s
        .post(&format!("/api/admin/moderation/story/{story}"))
        .bearer(&root.access)
        .json(&json!({ "action": "restore", "reason": "fine after all" }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(
        s.get(&format!("/api/stories/{story}"))
            .bearer(&reader.access)
            .send()
            .await
            .status,
        200
    );
    // Delete the comment.
    let r = s
        .post(&format!("/api/admin/moderation/comment/{comment}"))
        .bearer(&root.access)
        .json(&json!({ "action": "delete", "reason": "mean" }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    let comments = s
        .get(&format!("/api/stories/{story}/comments"))
        .send()
        .await
        .json();
    assert!(comments["items"].as_array().expect("items").is_empty());
    let r = s
        .post(&format!("/api/admin/moderation/comment/{comment}"))
        .bearer(&root.access)
        .json(&json!({ "action": "hide", "reason": "x" }))
        .send()
        .await;
    assert_eq!(r.status, 404);
    let r = s
        .post(&format!("/api/admin/moderation/planet/{comment}"))
        .bearer(&root.access)
        .json(&json!({ "action": "hide", "reason": "x" }))
        .send()
        .await;
    assert_eq!(r.status, 404);
    assert!(
        s.get("/api/admin/moderation")
            .bearer(&root.access)
            .send()
            .await
            .json()["items"]
            .as_array()
            .expect("items")
            .is_empty()
    );

    // A profanity-flagged account shows up and can be dismissed.
    for _ in 0..3 {
        s.post(&format!("/api/stories/{story}/comments"))
            .bearer(&reader.access)
            .json(&json!({ "text": "stfu you" }))
            .send()
            .await;
    }
    let q = s
        .get("/api/admin/moderation")
        .bearer(&root.access)
        .send()
        .await
        .json();
    let flagged = q["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["kind"] == "user")
        .cloned()
        .expect("flag");
    assert_eq!(flagged["id"], reader.user_id);
    let r = s
        .post(&format!("/api/admin/moderation/user/{}", reader.user_id))
        .bearer(&root.access)
        .json(&json!({ "action": "dismiss" }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    let r = s
        .post(&format!("/api/admin/moderation/user/{}", reader.user_id))
        .bearer(&root.access)
        .json(&json!({ "action": "hide", "reason": "x" }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    let log = s
        .get("/api/admin/audit?action=moderation_hide")
        .bearer(&root.access)
        .send()
        .await
        .json();
    assert_eq!(log["items"].as_array().expect("items").len(), 1);
    assert_eq!(log["items"][0]["detail"]["reason"], "scary");
}

#[tokio::test]
async fn a_new_word_refuses_the_next_comment_at_once() {
    let s = TestServer::start().await;
    let root = admin(&s).await;
    let kid = s.register("kid", "child").await;
    let story = s.published(&kid.access, "Pets", &["cats"]).await;
    let say = |text: &'static str| {
        let (s, kid) = (&s, &kid);
        async move {
            let r = s
                .post(&format!("/api/stories/{story}/comments"))
                .bearer(&kid.access)
                .json(&json!({ "text": text }))
                .send()
                .await;
            r.status
        }
    };
    assert_eq!(say("what a grumbleweed").await, 201);
    let r = s
        .post("/api/admin/profanity")
        .bearer(&root.access)
        .json(&json!({ "word": "grumbleweed", "language": "en", "severity": "mild" }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let word_id = r.json()["word"]["id"].as_i64().expect("id");
    assert_eq!(say("what a grumbleweed").await, 422);
    // Deactivated: allowed again at once.
    let r = s
        .patch(&format!("/api/admin/profanity/{word_id}"))
        .bearer(&root.access)
        .json(&json!({ "active": false }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(say("a grumbleweed again").await, 201);
    let r = s
        .patch(&format!("/api/admin/profanity/{word_id}"))
        .bearer(&root.access)
        .json(&json!({ "severity": "awful" }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    // Bulk import from a text file's contents.
    let r = s.post("/api/admin/profanity/bulk").bearer(&root.access)
        .json(&json!({ "text": "# extra words\nsnorkelbutt\nwobblenose\n\nsnorkelbutt\n", "language": "en", "severity": "moderate" })).send().await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["added"], 2);
    assert_eq!(say("hello wobblenose").await, 422);
    let list = s
        .get("/api/admin/profanity?q=wobble")
        .bearer(&root.access)
        .send()
        .await
        .json();
    assert_eq!(list["items"].as_array().expect("items").len(), 1);
    let stats = s
        .get("/api/admin/profanity/stats")
        .bearer(&root.access)
        .send()
        .await
        .json();
    assert!(stats["active"].as_i64().expect("active") > 2);
    assert!(
        stats["top"]
            .as_array()
            .expect("top")
            .iter()
            .any(|w| w["word"] == "wobblenose" && w["hits"] == 1),
        "{stats}"
    );
    let r = s
        .delete(&format!("/api/admin/profanity/{word_id}"))
        .bearer(&root.access)
        .send()
        .await;
    assert_eq!(r.status, 204);
    let r = s
        .delete(&format!("/api/admin/profanity/{word_id}"))
        .bearer(&root.access)
        .send()
        .await;
    assert_eq!(r.status, 404);
    let r = s
        .post("/api/admin/profanity")
        .bearer(&root.access)
        .json(&json!({ "word": "   ", "language": "en" }))
        .send()
        .await;
    assert_eq!(r.status, 422);
}

#[tokio::test]
async fn announcements_reach_everyone_and_arrive_live() {
    let s = TestServer::start().await;
    let root = admin(&s).await;
    let online = s.register("online", "child").await;
    let offline = s.register("offline", "teacher").await;
    let mut ws = Ws::connect(&s, &online.access).await;
    let r = s
        .post("/api/admin/announcements")
        .bearer(&root.access)
        .json(&json!({ "title": "Library day", "body": "New stories on Friday!" }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["recipients"], 2);
    let pushed = ws.next_of("notification.new").await;
    assert_eq!(pushed["notification"]["type"], "announcement");
    assert_eq!(pushed["notification"]["data"]["title"], "Library day");
    let later = s
        .get("/api/notifications")
        .bearer(&offline.access)
        .send()
        .await
        .json();
    assert_eq!(later["items"][0]["type"], "announcement");
    let r = s
        .post("/api/admin/announcements")
        .bearer(&root.access)
        .json(&json!({ "title": "", "body": "x" }))
        .send()
        .await;
    assert_eq!(r.status, 422);
}

#[tokio::test]
async fn the_audit_log_records_security_events_and_exports() {
    let s = TestServer::start().await;
    let root = admin(&s).await;
    let kid = s.register("kid", "child").await;
    assert_eq!(s.login("kid", "wrong-password").await.status, 401);
    // Token reuse: refresh twice with the same token.
    let first = s
        .post("/api/auth/refresh")
        .json(&json!({ "refresh_token": kid.refresh }))
        .send()
        .await;
    assert_eq!(first.status, 200);
    s.post("/api/auth/refresh")
        .json(&json!({ "refresh_token": kid.refresh }))
        .send()
        .await;

    for action in ["login_failed", "refresh_token_reused", "user_registered"] {
        let log = s
            .get(&format!("/api/admin/audit?action={action}"))
            .bearer(&root.access)
            .send()
            .await
            .json();
        assert!(
            !log["items"].as_array().expect("items").is_empty(),
            "{action}: {log}"
        );
    }
    let page = s
        .get("/api/admin/audit?limit=1")
        .bearer(&root.access)
        .send()
        .await
        .json();
    let cursor = page["next_cursor"]
        .as_str()
        .expect("more pages")
        .to_string();
    let next = s
        .get(&format!("/api/admin/audit?limit=1&cursor={cursor}"))
        .bearer(&root.access)
        .send()
        .await
        .json();
    assert!(next["items"][0]["id"].as_i64() < page["items"][0]["id"].as_i64());
    let r = s
        .get("/api/admin/audit?since=abc")
        .bearer(&root.access)
        .send()
        .await;
    assert_eq!(r.status, 400);
    let csv = s
        .get("/api/admin/audit?format=csv")
        .bearer(&root.access)
        .send()
        .await;
    assert!(
        csv.text().starts_with("id,at,actor_id,actor,action"),
        "{}",
        csv.text()
    );
    assert!(csv.text().contains("login_failed"));

    for what in ["users", "stories", "comments", "audit"] {
        let r = s
            .get(&format!("/api/admin/export?what={what}&format=json"))
            .bearer(&root.access)
            .send()
            .await;
        assert_eq!(r.status, 200, "{what}");
        assert!(
            r.header("content-disposition")
                .unwrap_or("")
                .contains(&format!("pixeltales-{what}-"))
        );
        let v: Value = r.json();
        assert!(v["items"].is_array());
        let r = s
            .get(&format!("/api/admin/export?what={what}&format=csv"))
            .bearer(&root.access)
            .send()
            .await;
        assert_eq!(r.status, 200);
    }
    let users = s
        .get("/api/admin/export?what=users&format=csv")
        .bearer(&root.access)
        .send()
        .await
        .text();
    assert!(
        users.lines().count() == 3 && users.contains(",kid,"),
        "{users}"
    );
    assert!(!users.contains("argon2"), "no password hashes in exports");
    let r = s
        .get("/api/admin/export?what=sessions")
        .bearer(&root.access)
        .send()
        .await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn backups_are_made_online_listed_pruned_and_downloaded() {
    let s = TestServer::start_with(&["--backups-keep", "2"]).await;
    let root = admin(&s).await;
    let mut names = Vec::new();
    for _ in 0..3 {
        let r = s
            .post("/api/admin/backups")
            .bearer(&root.access)
            .send()
            .await;
        if r.status == 409 {
            // Same second as the last one; wait for the clock.
            tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
            let r = s
                .post("/api/admin/backups")
                .bearer(&root.access)
                .send()
                .await;
            assert_eq!(r.status, 201, "{}", r.text());
            names.push(
                r.json()["backup"]["name"]
                    .as_str()
                    .expect("name")
                    .to_string(),
            );
        } else {
            assert_eq!(r.status, 201, "{}", r.text());
            names.push(
                r.json()["backup"]["name"]
                    .as_str()
                    .expect("name")
                    .to_string(),
            );
        }
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    }
    let list = s
        .get("/api/admin/backups")
        .bearer(&root.access)
        .send()
        .await
        .json();
    let listed: Vec<&str> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|b| b["name"].as_str())
        .collect();
    assert_eq!(
        listed,
        [names[2].as_str(), names[1].as_str()],
        "newest two kept"
    );
    let r = s
        .get(&format!("/api/admin/backups/{}", names[2]))
        .bearer(&root.access)
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert!(r.body.starts_with(b"SQLite format 3\0"));
    let dir = tempfile::tempdir().expect("tmp");
    let copy = dir.path().join("copy.db");
    std::fs::write(&copy, &r.body).expect("write");
    let users: i64 = rusqlite::Connection::open(&copy)
        .expect("open")
        .query_row("SELECT count(*) FROM users", [], |r| r.get(0))
        .expect("users");
    assert_eq!(users, 1);
    for bad in [
        names[0].as_str(),
        "pixeltales.db",
        "..%2Fpixeltales.db",
        "jwt-secret",
    ] {
        let r = s
            .get(&format!("/api/admin/backups/{bad}"))
            .bearer(&root.access)
            .send()
            .await;
        assert_eq!(r.status, 404, "{bad}");
    }
    let stats = s
        .get("/api/admin/stats")
        .bearer(&root.access)
        .send()
        .await
        .json();
    assert_eq!(stats["backups"].as_array().expect("backups").len(), 2);
}

#[tokio::test]
async fn report_and_word_import_limits_hold() {
    let s = TestServer::start().await;
    let root = admin(&s).await;
    let author = s.register("author", "child").await;
    let reader = s.register("reader", "child").await;
    let mut stories = Vec::new();
    let second = s.register("author2", "child").await;
    for n in 0..21 {
        // Two authors: writing stories has its own limit.
        let who = if n % 2 == 0 { &author } else { &second };
        stories.push(s.published(&who.access, &format!("Tale {n}"), &["x"]).await);
    }
    let long = "x".repeat(301);
    let r = s
        .post("/api/reports")
        .bearer(&reader.access)
        .json(&json!({ "target_type": "story", "target_id": stories[0], "reason": long }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    for (n, id) in stories.iter().enumerate() {
        let r = s
            .post("/api/reports")
            .bearer(&reader.access)
            .json(&json!({ "target_type": "story", "target_id": id, "reason": "scary" }))
            .send()
            .await;
        // The refused long reason above took one of the 20 tokens.
        let want = if n < 19 { 201 } else { 429 };
        assert_eq!(r.status, want, "report {n}: {}", r.text());
    }
    let text: String = (0..5001).map(|n| format!("word{n}\n")).collect();
    let r = s
        .post("/api/admin/profanity/bulk")
        .bearer(&root.access)
        .json(&json!({ "text": text, "language": "en" }))
        .send()
        .await;
    assert_eq!((r.status, r.code().as_str()), (422, "too_many_words"));
    let r = s
        .post("/api/admin/announcements")
        .bearer(&root.access)
        .json(&json!({ "title": "Hi", "body": "x".repeat(1001) }))
        .send()
        .await;
    assert_eq!(r.status, 422);
}

//! Friends (requests sent, accepted, rejected, cancelled; unfriending), user search, profile
//! privacy, the friends' activity feed and the leaderboard, through the real server.

use crate::common::{Session, TestServer};
use rusqlite::params;
use serde_json::{Value, json};

/// The `items` of a list answer.
fn items(v: &Value) -> Vec<Value> {
    v["items"].as_array().cloned().unwrap_or_default()
}

/// The user ids in a list of `{user: {...}}` items, in order.
fn user_ids(v: &Value) -> Vec<i64> {
    items(v)
        .iter()
        .filter_map(|i| i["user"]["id"].as_i64())
        .collect()
}

/// Answers a GET with 200 and returns the body.
async fn get_ok(s: &TestServer, who: &Session, path: &str) -> Value {
    let r = s.get(path).bearer(&who.access).send().await;
    assert_eq!(r.status, 200, "GET {path}: {}", r.text());
    r.json()
}

/// The caller's notifications, newest first.
async fn notifications(s: &TestServer, who: &Session) -> Vec<Value> {
    items(&get_ok(s, who, "/api/notifications?limit=100").await)
}

/// Sends a friend request with the given body.
async fn ask(s: &TestServer, from: &Session, body: Value) -> crate::common::Resp {
    s.post("/api/friends/requests")
        .bearer(&from.access)
        .json(&body)
        .send()
        .await
}

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
    let r = ask(s, a, json!({ "username": username(s, b) })).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["id"].as_i64().expect("request id");
    let r = s
        .post(&format!("/api/friends/requests/{id}/accept"))
        .bearer(&b.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
}

fn make_admin(s: &TestServer, who: &Session) {
    s.db_rw()
        .execute(
            "UPDATE users SET role = 'admin' WHERE id = ?1",
            [who.user_id],
        )
        .expect("promote");
}

/// A new class taught by `teacher` with `members` in it.
fn class(s: &TestServer, teacher: &Session, members: &[&Session]) {
    let db = s.db_rw();
    db.execute(
        "INSERT INTO classes (teacher_id, name, created_at) VALUES (?1, 'Grade 3', 0)",
        [teacher.user_id],
    )
    .expect("class");
    let id = db.last_insert_rowid();
    for m in members {
        db.execute(
            "INSERT INTO class_members (class_id, user_id, joined_at) VALUES (?1, ?2, 0)",
            params![id, m.user_id],
        )
        .expect("member");
    }
}

async fn set_privacy(s: &TestServer, who: &Session, privacy: &str) {
    let r = s
        .patch("/api/me")
        .bearer(&who.access)
        .json(&json!({ "privacy": privacy }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["privacy"], privacy);
}

#[tokio::test]
async fn a_friend_request_by_username_is_accepted_and_both_sides_are_told() {
    let s = TestServer::start().await;
    let ana = s.register("ana_s", "child").await;
    let ben = s.register("ben_s", "child").await;

    let r = ask(&s, &ana, json!({ "username": " Ben_S " })).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let body = r.json();
    assert_eq!(body["status"], "pending");
    assert_eq!(body["user"]["id"], ben.user_id);
    assert_eq!(body["user"]["username"], "ben_s");
    let rid = body["id"].as_i64().expect("id");

    let again = ask(&s, &ana, json!({ "username": "ben_s" })).await;
    assert_eq!(again.status, 409, "{}", again.text());
    assert_eq!(again.code(), "request_pending");

    let theirs = get_ok(&s, &ben, "/api/friends/requests").await;
    assert_eq!(theirs["incoming"][0]["id"], rid);
    assert_eq!(theirs["incoming"][0]["user"]["id"], ana.user_id);
    assert_eq!(theirs["outgoing"], json!([]));
    let mine = get_ok(&s, &ana, "/api/friends/requests").await;
    assert_eq!(mine["outgoing"][0]["id"], rid);
    assert_eq!(mine["outgoing"][0]["user"]["id"], ben.user_id);
    assert_eq!(mine["incoming"], json!([]));

    let told = notifications(&s, &ben).await;
    let note = told
        .iter()
        .find(|n| n["type"] == "friend_request")
        .expect("a friend_request notification");
    assert_eq!(note["actor"]["id"], ana.user_id);
    assert_eq!(
        note["target"],
        json!({ "type": "friend_request", "id": rid })
    );

    let r = s
        .post(&format!("/api/friends/requests/{rid}/accept"))
        .bearer(&ben.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["status"], "accepted");
    assert_eq!(r.json()["user"]["id"], ana.user_id);
    let twice = s
        .post(&format!("/api/friends/requests/{rid}/accept"))
        .bearer(&ben.access)
        .send()
        .await;
    assert_eq!(twice.status, 404);
    assert_eq!(twice.code(), "request_not_found");

    let told = notifications(&s, &ana).await;
    let note = told
        .iter()
        .find(|n| n["type"] == "friend_accepted")
        .expect("a friend_accepted notification");
    assert_eq!(note["actor"]["id"], ben.user_id);

    assert_eq!(
        user_ids(&get_ok(&s, &ana, "/api/friends").await),
        vec![ben.user_id]
    );
    assert_eq!(
        user_ids(&get_ok(&s, &ben, "/api/friends").await),
        vec![ana.user_id]
    );
    let pending = get_ok(&s, &ben, "/api/friends/requests").await;
    assert_eq!(pending, json!({ "incoming": [], "outgoing": [] }));

    for (from, to) in [(&ana, "ben_s"), (&ben, "ana_s")] {
        let r = ask(&s, from, json!({ "username": to })).await;
        assert_eq!(r.status, 409, "{}", r.text());
        assert_eq!(r.code(), "already_friends");
    }
}

#[tokio::test]
async fn unfriending_removes_both_sides_and_then_is_not_found() {
    let s = TestServer::start().await;
    let ana = s.register("ana_u", "child").await;
    let ben = s.register("ben_u", "child").await;
    befriend(&s, &ana, &ben).await;

    let r = s
        .delete(&format!("/api/friends/{}", ben.user_id))
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    assert_eq!(
        items(&get_ok(&s, &ana, "/api/friends").await),
        Vec::<Value>::new()
    );
    assert_eq!(
        items(&get_ok(&s, &ben, "/api/friends").await),
        Vec::<Value>::new()
    );
    let n: i64 = s
        .db()
        .query_row("SELECT count(*) FROM friends", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 0);

    for who in [&ana, &ben] {
        let other = if who.user_id == ana.user_id {
            &ben
        } else {
            &ana
        };
        let r = s
            .delete(&format!("/api/friends/{}", other.user_id))
            .bearer(&who.access)
            .send()
            .await;
        assert_eq!(r.status, 404);
        assert_eq!(r.code(), "not_friends");
    }
    // They may become friends again.
    befriend(&s, &ben, &ana).await;
    assert_eq!(
        user_ids(&get_ok(&s, &ana, "/api/friends").await),
        vec![ben.user_id]
    );
}

#[tokio::test]
async fn asking_someone_who_already_asked_you_makes_you_friends() {
    let s = TestServer::start().await;
    let cara = s.register("cara_a", "child").await;
    let dan = s.register("dan_a", "child").await;
    // By id only a public profile can be asked.
    set_privacy(&s, &dan, "public").await;

    let r = ask(&s, &cara, json!({ "user_id": dan.user_id })).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let rid = r.json()["id"].as_i64().expect("id");

    let r = ask(&s, &dan, json!({ "username": "cara_a" })).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["status"], "accepted");
    assert_eq!(
        r.json()["id"],
        rid,
        "the waiting request is the one accepted"
    );
    assert_eq!(r.json()["user"]["id"], cara.user_id);

    assert_eq!(
        user_ids(&get_ok(&s, &cara, "/api/friends").await),
        vec![dan.user_id]
    );
    assert_eq!(
        user_ids(&get_ok(&s, &dan, "/api/friends").await),
        vec![cara.user_id]
    );
    let (status, pending): (String, i64) = s
        .db()
        .query_row(
            "SELECT (SELECT status FROM friend_requests WHERE id = ?1),
                    (SELECT count(*) FROM friend_requests WHERE status = 'pending')",
            [rid],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("request");
    assert_eq!((status.as_str(), pending), ("accepted", 0));
    let told = notifications(&s, &cara).await;
    assert!(
        told.iter()
            .any(|n| n["type"] == "friend_accepted" && n["actor"]["id"] == dan.user_id),
        "{told:?}"
    );
}

#[tokio::test]
async fn requests_can_be_rejected_by_the_receiver_and_cancelled_by_the_sender() {
    let s = TestServer::start().await;
    let eve = s.register("eve_r", "child").await;
    let fay = s.register("fay_r", "child").await;
    let gus = s.register("gus_r", "child").await;

    let rid = ask(&s, &eve, json!({ "username": "fay_r" })).await.json()["id"]
        .as_i64()
        .expect("id");
    let r = s
        .post(&format!("/api/friends/requests/{rid}/reject"))
        .bearer(&fay.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json(), json!({ "id": rid, "status": "rejected" }));
    let again = s
        .post(&format!("/api/friends/requests/{rid}/reject"))
        .bearer(&fay.access)
        .send()
        .await;
    assert_eq!(again.status, 404);
    assert_eq!(again.code(), "request_not_found");
    assert_eq!(
        get_ok(&s, &fay, "/api/friends/requests").await,
        json!({ "incoming": [], "outgoing": [] })
    );
    assert_eq!(
        get_ok(&s, &eve, "/api/friends/requests").await,
        json!({ "incoming": [], "outgoing": [] })
    );
    assert_eq!(
        items(&get_ok(&s, &eve, "/api/friends").await),
        Vec::<Value>::new()
    );

    let rid = ask(&s, &gus, json!({ "username": "fay_r" })).await.json()["id"]
        .as_i64()
        .expect("id");
    let r = s
        .post(&format!("/api/friends/requests/{rid}/cancel"))
        .bearer(&gus.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json(), json!({ "id": rid, "status": "cancelled" }));
    assert_eq!(
        get_ok(&s, &fay, "/api/friends/requests").await["incoming"],
        json!([])
    );
    let late = s
        .post(&format!("/api/friends/requests/{rid}/accept"))
        .bearer(&fay.access)
        .send()
        .await;
    assert_eq!(late.status, 404, "a cancelled request cannot be accepted");
    assert_eq!(late.code(), "request_not_found");
    assert_eq!(
        items(&get_ok(&s, &fay, "/api/friends").await),
        Vec::<Value>::new()
    );
}

#[tokio::test]
async fn friend_requests_refuse_oneself_unknown_people_and_hidden_private_people() {
    let s = TestServer::start().await;
    let hal = s.register("hal_b", "child").await;
    let ivy = s.register("ivy_b", "child").await;
    let teacher = s.teacher("tess_b").await;

    for body in [
        json!({ "username": "hal_b" }),
        json!({ "user_id": hal.user_id }),
    ] {
        let r = ask(&s, &hal, body).await;
        assert_eq!(r.status, 422, "{}", r.text());
        assert_eq!(r.code(), "self_request");
    }
    for body in [
        json!({ "username": "nobody_here" }),
        json!({ "username": "!!" }),
        json!({ "user_id": 999_999 }),
    ] {
        let r = ask(&s, &hal, body.clone()).await;
        assert_eq!(r.status, 404, "{body}: {}", r.text());
        assert_eq!(r.code(), "user_not_found");
    }
    for body in [
        json!({}),
        json!({ "username": "ivy_b", "user_id": ivy.user_id }),
    ] {
        let r = ask(&s, &hal, body.clone()).await;
        assert_eq!(r.status, 422, "{body}: {}", r.text());
        assert_eq!(r.code(), "invalid_target");
    }

    // By id, only public profiles: a default ("friends") profile needs the exact username, so
    // nobody can ask every child by counting ids.
    let r = ask(&s, &hal, json!({ "user_id": ivy.user_id })).await;
    assert_eq!(r.status, 404, "{}", r.text());
    assert_eq!(r.code(), "user_not_found");

    // A private person looks like nobody, by name or by id, unless you share a class.
    set_privacy(&s, &ivy, "private").await;
    for body in [
        json!({ "username": "ivy_b" }),
        json!({ "user_id": ivy.user_id }),
    ] {
        let r = ask(&s, &hal, body).await;
        assert_eq!(r.status, 404, "{}", r.text());
        assert_eq!(r.code(), "user_not_found");
    }
    let none: i64 = s
        .db()
        .query_row("SELECT count(*) FROM friend_requests", [], |r| r.get(0))
        .expect("count");
    assert_eq!(none, 0, "nothing was stored");
    class(&s, &teacher, &[&hal, &ivy]);
    let r = ask(&s, &hal, json!({ "username": "ivy_b" })).await;
    assert_eq!(r.status, 201, "classmates reach each other: {}", r.text());
}

/// Usernames found by a search, in order.
async fn found(s: &TestServer, who: &Session, q: &str) -> Vec<String> {
    let v = get_ok(s, who, &format!("/api/users/search?q={q}")).await;
    items(&v)
        .iter()
        .filter_map(|i| i["user"]["username"].as_str().map(String::from))
        .collect()
}

#[tokio::test]
async fn children_find_others_only_by_exact_username_or_through_a_class() {
    let s = TestServer::start().await;
    let maya = s.register("maya_reyes", "child").await;
    let ben = s.register("ben_ocampo", "child").await;
    let zed = s.register("zed_x", "child").await;
    let teacher = s.teacher("teacher_tess").await;
    let root = s.register("root_admin", "child").await;
    make_admin(&s, &root);

    assert_eq!(found(&s, &ben, "maya_reyes").await, vec!["maya_reyes"]);
    assert_eq!(found(&s, &ben, "MAYA_REYES").await, vec!["maya_reyes"]);
    assert!(
        found(&s, &ben, "maya").await.is_empty(),
        "a partial name finds nothing"
    );
    assert!(found(&s, &ben, "reyes").await.is_empty());
    assert!(
        found(&s, &ben, "ben_ocampo").await.is_empty(),
        "never oneself"
    );
    let hit = get_ok(&s, &ben, "/api/users/search?q=maya_reyes").await;
    assert_eq!(hit["items"][0]["user"]["id"], maya.user_id);
    assert_eq!(hit["items"][0]["is_friend"], false);
    assert_eq!(hit["items"][0]["friend_request"], Value::Null);

    for q in ["", "%20%20"] {
        let r = s
            .get(&format!("/api/users/search?q={q}"))
            .bearer(&ben.access)
            .send()
            .await;
        assert_eq!(r.status, 400, "{q:?}");
        assert_eq!(r.code(), "invalid_query");
    }
    let r = s.get("/api/users/search").bearer(&ben.access).send().await;
    assert_eq!(r.status, 400);

    // Admins find anyone by part of a name.
    assert_eq!(found(&s, &root, "maya").await, vec!["maya_reyes"]);

    // Classmates (and their teacher) find each other by part of a name.
    class(&s, &teacher, &[&ben, &maya]);
    assert_eq!(found(&s, &ben, "maya").await, vec!["maya_reyes"]);
    assert_eq!(found(&s, &ben, "tess").await, vec!["teacher_tess"]);
    assert_eq!(found(&s, &teacher, "ocampo").await, vec!["ben_ocampo"]);
    assert!(found(&s, &zed, "maya").await.is_empty());

    // Private people are not found by exact username, except by classmates (and admins).
    set_privacy(&s, &maya, "private").await;
    assert!(found(&s, &zed, "maya_reyes").await.is_empty());
    assert_eq!(found(&s, &ben, "maya_reyes").await, vec!["maya_reyes"]);
    assert_eq!(found(&s, &root, "maya_reyes").await, vec!["maya_reyes"]);

    // Results say where each person stands with the searcher.
    let r = ask(&s, &ben, json!({ "username": "maya_reyes" })).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let rid = r.json()["id"].as_i64().expect("id");
    let v = get_ok(&s, &ben, "/api/users/search?q=maya_reyes").await;
    assert_eq!(v["items"][0]["friend_request"], "sent");
    assert_eq!(v["items"][0]["is_friend"], false);
    let v = get_ok(&s, &maya, "/api/users/search?q=ben_ocampo").await;
    assert_eq!(v["items"][0]["friend_request"], "received");
    let r = s
        .post(&format!("/api/friends/requests/{rid}/accept"))
        .bearer(&maya.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let v = get_ok(&s, &ben, "/api/users/search?q=maya_reyes").await;
    assert_eq!(v["items"][0]["is_friend"], true);
    assert_eq!(v["items"][0]["friend_request"], Value::Null);
}

#[tokio::test]
async fn profiles_respect_their_owners_privacy() {
    let s = TestServer::start().await;
    let pat = s.register("pat_public", "child").await;
    let fran = s.register("fran_friends", "child").await;
    let pia = s.register("pia_private", "child").await;
    let sam = s.register("sam_stranger", "child").await;
    let fred = s.register("fred_friend", "child").await;
    let cleo = s.register("cleo_class", "child").await;
    let tina = s.teacher("tina_teacher").await;
    let root = s.register("root_admin", "child").await;
    make_admin(&s, &root);
    set_privacy(&s, &pat, "public").await;
    befriend(&s, &fred, &fran).await;
    befriend(&s, &pia, &fred).await;
    set_privacy(&s, &pia, "private").await;
    class(&s, &tina, &[&cleo, &fran, &pia]);
    let story = s
        .published(&pat.access, "Pat's Kite", &["The kite flew."])
        .await;

    let profile = |who: &Session, id: i64| s.get(&format!("/api/users/{id}")).bearer(&who.access);

    // Public: anyone signed in, with the public parts of the profile.
    let r = profile(&sam, pat.user_id).send().await;
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["username"], "pat_public");
    assert_eq!(v["is_friend"], false);
    assert_eq!(v["stats"]["stories_published"], 1);
    assert_eq!(v["stories"][0]["id"], story);
    assert!(v["achievements"].is_array());
    assert!(v.get("password_hash").is_none() && v.get("notifications").is_none());
    let guest = s.get(&format!("/api/users/{}", pat.user_id)).send().await;
    assert_eq!(guest.status, 401, "profiles need a sign-in");

    // (viewer, profile, allowed)
    let cases: [(&Session, &Session, bool); 12] = [
        (&sam, &fran, false),
        (&sam, &pia, false),
        (&fred, &fran, true),
        (&fred, &pia, true),
        (&cleo, &fran, true),
        (&tina, &fran, true),
        (&cleo, &pia, false),
        (&pia, &pia, true),
        (&fran, &fran, true),
        (&root, &pia, true),
        (&root, &fran, true),
        (&pat, &fran, false),
    ];
    for (viewer, owner, allowed) in cases {
        let r = profile(viewer, owner.user_id).send().await;
        if allowed {
            assert_eq!(
                r.status,
                200,
                "{} -> {}: {}",
                viewer.user_id,
                owner.user_id,
                r.text()
            );
            assert_eq!(r.json()["id"], owner.user_id);
        } else {
            assert_eq!(
                r.status,
                403,
                "{} -> {}: {}",
                viewer.user_id,
                owner.user_id,
                r.text()
            );
            assert_eq!(r.code(), "profile_private");
        }
    }
    assert_eq!(
        profile(&fred, fran.user_id).send().await.json()["is_friend"],
        true
    );

    let r = profile(&sam, 999_999).send().await;
    assert_eq!(r.status, 404);
    assert_eq!(r.code(), "user_not_found");
}

#[tokio::test]
async fn the_feed_shows_what_friends_published_and_nothing_from_strangers() {
    let s = TestServer::start().await;
    let ana = s.register("ana_f", "child").await;
    let ben = s.register("ben_f", "child").await;
    let cy = s.register("cy_f", "child").await;
    befriend(&s, &ana, &ben).await;

    let friends_story = s
        .published(&ben.access, "Dragon Day", &["A dragon woke up."])
        .await;
    let strangers_story = s
        .published(&cy.access, "Lonely Moon", &["The moon sighed."])
        .await;
    let mine = s.published(&ana.access, "My Own", &["Mine."]).await;

    let feed = items(&get_ok(&s, &ana, "/api/feed").await);
    let entry = feed
        .iter()
        .find(|e| e["kind"] == "story_published" && e["story"]["id"] == friends_story)
        .unwrap_or_else(|| panic!("the friend's story is in the feed: {feed:?}"));
    assert_eq!(entry["actor"]["id"], ben.user_id);
    assert_eq!(entry["story"]["title"], "Dragon Day");
    assert!(
        feed.iter().all(|e| e["actor"]["id"] == ben.user_id),
        "only friends' doings: {feed:?}"
    );
    assert!(feed.iter().all(|e| e["story"]["id"] != strangers_story));
    assert!(feed.iter().all(|e| e["story"]["id"] != mine));

    // Ben's feed shows Ana's story, never Cy's.
    let bens = items(&get_ok(&s, &ben, "/api/feed").await);
    assert!(bens.iter().any(|e| e["story"]["id"] == mine), "{bens:?}");
    assert!(bens.iter().all(|e| e["actor"]["id"] != cy.user_id));

    // An unpublished story's entry disappears.
    let r = s
        .post(&format!("/api/stories/{friends_story}/unpublish"))
        .bearer(&ben.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let feed = items(&get_ok(&s, &ana, "/api/feed").await);
    assert!(
        feed.iter().all(|e| e["story"]["id"] != friends_story),
        "{feed:?}"
    );

    // After unfriending, nothing of Ben's is shown any more.
    let r = s
        .delete(&format!("/api/friends/{}", ben.user_id))
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!(r.status, 204);
    assert_eq!(
        items(&get_ok(&s, &ana, "/api/feed").await),
        Vec::<Value>::new()
    );
}

/// (user id, xp) rows of a leaderboard, checking ranks, order and the `me` flag.
fn board_rows(board: &Value, me: i64) -> Vec<(i64, i64)> {
    let rows: Vec<(i64, i64)> = items(board)
        .iter()
        .map(|e| {
            (
                e["user"]["id"].as_i64().expect("user id"),
                e["xp"].as_i64().expect("xp"),
            )
        })
        .collect();
    for (i, e) in items(board).iter().enumerate() {
        assert_eq!(e["rank"], i as i64 + 1, "{board}");
        assert_eq!(e["me"], e["user"]["id"] == me, "{board}");
    }
    for w in rows.windows(2) {
        assert!(w[0].1 >= w[1].1, "sorted by xp: {board}");
    }
    assert_eq!(
        items(board).iter().filter(|e| e["me"] == true).count(),
        1,
        "{board}"
    );
    rows
}

fn set_xp(s: &TestServer, who: &Session, xp: i64) {
    s.db_rw()
        .execute(
            "UPDATE profiles SET xp = ?2 WHERE user_id = ?1",
            params![who.user_id, xp],
        )
        .expect("xp");
}

fn week_xp(s: &TestServer, who: &Session) -> i64 {
    s.db()
        .query_row(
            "SELECT coalesce(sum(amount), 0) FROM xp_ledger WHERE user_id = ?1",
            [who.user_id],
            |r| r.get(0),
        )
        .expect("sum")
}

#[tokio::test]
async fn the_leaderboard_is_limited_to_friends_or_class_for_children() {
    let s = TestServer::start().await;
    let ana = s.register("ana_l", "child").await;
    let ben = s.register("ben_l", "child").await;
    let cy = s.register("cy_l", "child").await;
    let tina = s.teacher("tina_l").await;
    let root = s.register("root_l", "child").await;
    befriend(&s, &ana, &ben).await;
    s.published(&ben.access, "Ben's Boat", &["It floats."])
        .await;

    // The default: this week, among friends.
    let v = get_ok(&s, &ana, "/api/leaderboard").await;
    assert_eq!(
        (v["period"].as_str(), v["scope"].as_str()),
        (Some("week"), Some("friends"))
    );
    let rows = board_rows(&v, ana.user_id);
    assert_eq!(
        rows,
        vec![
            (ben.user_id, week_xp(&s, &ben)),
            (ana.user_id, week_xp(&s, &ana))
        ]
    );
    assert!(rows[0].1 > rows[1].1);

    // All time, from total XP.
    set_xp(&s, &ana, 100);
    set_xp(&s, &ben, 300);
    set_xp(&s, &cy, 900);
    let v = get_ok(&s, &ana, "/api/leaderboard?period=all&scope=friends").await;
    assert_eq!(
        board_rows(&v, ana.user_id),
        vec![(ben.user_id, 300), (ana.user_id, 100)]
    );

    // A class board holds classmates and their teacher, not other friends.
    class(&s, &tina, &[&ana, &cy]);
    let v = get_ok(&s, &ana, "/api/leaderboard?period=all&scope=class").await;
    let ids: Vec<i64> = board_rows(&v, ana.user_id).iter().map(|r| r.0).collect();
    assert_eq!(ids[0], cy.user_id);
    assert!(
        ids.contains(&ana.user_id) && ids.contains(&tina.user_id),
        "{v}"
    );
    assert!(!ids.contains(&ben.user_id), "{v}");
    assert!(!ids.contains(&root.user_id), "{v}");

    // Everyone is for admins only.
    let r = s
        .get("/api/leaderboard?scope=all")
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "scope_not_allowed");
    make_admin(&s, &root);
    let v = get_ok(&s, &root, "/api/leaderboard?period=all&scope=all").await;
    let ids: Vec<i64> = board_rows(&v, root.user_id).iter().map(|r| r.0).collect();
    assert_eq!(ids[0], cy.user_id);
    for who in [&ana, &ben, &cy, &tina, &root] {
        assert!(ids.contains(&who.user_id), "{v}");
    }

    for (q, code) in [
        ("period=month", "invalid_period"),
        ("period=", "invalid_period"),
        ("scope=world", "invalid_scope"),
    ] {
        let r = s
            .get(&format!("/api/leaderboard?{q}"))
            .bearer(&ana.access)
            .send()
            .await;
        assert_eq!(r.status, 400, "{q}");
        assert_eq!(r.code(), code, "{q}");
    }
}

//! Parents and teachers through the real server: child accounts (typed and picture
//! passwords), consent-based linking with one-time codes, the dashboard, privacy, password
//! resets, the logged read-only view, classes with join codes and approval, and reports.

use crate::common::{Session, TestServer};
use serde_json::{Value, json};

async fn child_of(s: &TestServer, parent: &Session, username: &str, body: Value) -> Value {
    let mut body = body;
    body["username"] = json!(username);
    body["display_name"] = json!(format!("Kid {username}"));
    let r = s
        .post("/api/family/children")
        .bearer(&parent.access)
        .json(&body)
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()["child"].clone()
}

async fn login_json(s: &TestServer, body: Value) -> crate::common::Resp {
    s.post("/api/auth/login").json(&body).send().await
}

#[tokio::test]
async fn a_parent_creates_children_who_sign_in_with_a_password_or_pictures() {
    let s = TestServer::start().await;
    let mum = s.register("mum", "parent").await;
    let typed = child_of(&s, &mum, "ana", json!({ "password": "rainbow1" })).await;
    assert_eq!(typed["username"], "ana");
    assert_eq!(typed["drafts"], 0);
    let pics = json!(["cat", "sun", "boat", "cat"]);
    child_of(&s, &mum, "ben", json!({ "picture": pics })).await;

    let r = login_json(&s, json!({ "username": "ana", "password": "rainbow1" })).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["user"]["role"], "child");
    let r = login_json(&s, json!({ "username": "ben", "picture": pics })).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = login_json(
        &s,
        json!({ "username": "ben", "picture": ["cat", "sun", "boat", "dog"] }),
    )
    .await;
    assert_eq!(r.status, 401);
    // Typing the encoding is the same secret (nothing is gained by knowing the format).
    let r = login_json(
        &s,
        json!({ "username": "ben", "password": "pic:cat-sun-boat-cat" }),
    )
    .await;
    assert_eq!(
        r.status, 200,
        "the encoding is the secret; documented, not a bypass"
    );

    let list = s
        .get("/api/family/children")
        .bearer(&mum.access)
        .send()
        .await
        .json();
    let names: Vec<&str> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|c| c["username"].as_str())
        .collect();
    assert_eq!(names, ["ana", "ben"]);

    // Bad input: both kinds, neither, a wrong picture, a short password, a taken name.
    for (body, code) in [
        (
            json!({ "username": "cy1", "display_name": "C", "password": "secret1", "picture": pics }),
            "password_required",
        ),
        (
            json!({ "username": "cy2", "display_name": "C" }),
            "password_required",
        ),
        (
            json!({ "username": "cy3", "display_name": "C", "picture": ["cat", "sun", "boat", "ufo"] }),
            "invalid_picture_password",
        ),
        (
            json!({ "username": "cy4", "display_name": "C", "password": "abc" }),
            "password_too_short",
        ),
        (
            json!({ "username": "ana", "display_name": "C", "password": "secret12" }),
            "username_taken",
        ),
    ] {
        let r = s
            .post("/api/family/children")
            .bearer(&mum.access)
            .json(&body)
            .send()
            .await;
        assert!(r.status == 422 || r.status == 409, "{body}: {}", r.text());
        assert_eq!(r.code(), code, "{body}");
    }
    // Only parents make child accounts.
    let kid = s.register("kiddo", "child").await;
    let teacher = s.teacher("teach").await;
    for who in [&kid, &teacher] {
        let r = s
            .post("/api/family/children")
            .bearer(&who.access)
            .json(&json!({ "username": "zed", "display_name": "Z", "password": "secret12" }))
            .send()
            .await;
        assert_eq!((r.status, r.code().as_str()), (403, "parents_only"));
    }
}

#[tokio::test]
async fn linking_needs_a_code_from_the_child_and_it_works_once() {
    let s = TestServer::start().await;
    let mum = s.register("mum", "parent").await;
    let dad = s.register("dad", "parent").await;
    let stranger = s.register("stranger", "parent").await;
    let kid = s.register("kid", "child").await;

    // The child makes the code; no code, no link (there is no way to link by id or name).
    let r = s
        .post("/api/family/link-codes")
        .bearer(&kid.access)
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let code = r.json()["code"].as_str().expect("code").to_string();
    assert_eq!(code.len(), 9);
    let r = s
        .post("/api/family/link")
        .bearer(&mum.access)
        .json(&json!({ "code": "AAAA-BBBB" }))
        .send()
        .await;
    assert_eq!((r.status, r.code().as_str()), (400, "invalid_code"));
    let r = s
        .post("/api/family/link")
        .bearer(&mum.access)
        .json(&json!({ "code": code.to_lowercase() }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["child"]["id"], kid.user_id);
    // Used once: the stranger cannot reuse it.
    let r = s
        .post("/api/family/link")
        .bearer(&stranger.access)
        .json(&json!({ "code": code }))
        .send()
        .await;
    assert_eq!(r.status, 400);
    // The child hears about it.
    let n: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM notifications WHERE user_id = ?1 AND type = 'family_linked'",
            [kid.user_id],
            |r| r.get(0),
        )
        .expect("n");
    assert_eq!(n, 1);

    // The linked parent can make a code for a second grown-up; a stranger cannot.
    let r = s
        .post("/api/family/link-codes")
        .bearer(&stranger.access)
        .json(&json!({ "child_id": kid.user_id }))
        .send()
        .await;
    assert_eq!(r.status, 404);
    let r = s
        .post("/api/family/link-codes")
        .bearer(&mum.access)
        .json(&json!({ "child_id": kid.user_id }))
        .send()
        .await;
    assert_eq!(r.status, 201);
    let second = r.json()["code"].as_str().expect("code").to_string();
    let r = s
        .post("/api/family/link")
        .bearer(&dad.access)
        .json(&json!({ "code": second }))
        .send()
        .await;
    assert_eq!(r.status, 200);

    // A parent cannot make a code for itself, a teacher cannot make one at all.
    let r = s
        .post("/api/family/link-codes")
        .bearer(&mum.access)
        .send()
        .await;
    assert_eq!(r.status, 422);
    let teacher = s.teacher("teach").await;
    let r = s
        .post("/api/family/link-codes")
        .bearer(&teacher.access)
        .send()
        .await;
    assert_eq!(r.status, 403);

    // The stranger sees nothing of the child; unlinking ends access.
    for path in [format!("/api/family/children/{}/overview", kid.user_id)] {
        let r = s.get(&path).bearer(&stranger.access).send().await;
        assert_eq!(r.status, 404, "{path}");
    }
    let r = s
        .delete(&format!("/api/family/children/{}", kid.user_id))
        .bearer(&dad.access)
        .send()
        .await;
    assert_eq!(r.status, 204);
    let r = s
        .get(&format!("/api/family/children/{}/overview", kid.user_id))
        .bearer(&dad.access)
        .send()
        .await;
    assert_eq!(r.status, 404);
    // A child who has a grown-up cannot make a code; the grown-up makes one for another.
    let r = s
        .post("/api/family/link-codes")
        .bearer(&kid.access)
        .send()
        .await;
    assert_eq!((r.status, r.code().as_str()), (403, "ask_your_grown_up"));
    // An expired code does not work.
    let r = s
        .post("/api/family/link-codes")
        .bearer(&mum.access)
        .json(&json!({ "child_id": kid.user_id }))
        .send()
        .await;
    let late = r.json()["code"].as_str().expect("code").to_string();
    s.db_rw()
        .execute("UPDATE one_time_codes SET expires_at = 1", [])
        .expect("expire");
    let r = s
        .post("/api/family/link")
        .bearer(&stranger.access)
        .json(&json!({ "code": late }))
        .send()
        .await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn the_dashboard_shows_drafts_reading_and_activity_and_only_to_the_family() {
    let s = TestServer::start().await;
    let mum = s.register("mum", "parent").await;
    let other = s.register("otherparent", "parent").await;
    let child = child_of(&s, &mum, "writer", json!({ "password": "secret1" })).await;
    let id = child["id"].as_i64().expect("id");
    let kid = Session::from(
        &login_json(&s, json!({ "username": "writer", "password": "secret1" }))
            .await
            .json(),
    );
    s.story(&kid.access, "My draft", &["one", "two"]).await;
    s.published(&kid.access, "Done story", &["page"]).await;
    let friend = s.register("author", "child").await;
    let read = s.published(&friend.access, "Dragons", &["roar"]).await;
    let r = s
        .post(&format!("/api/stories/{read}/reads"))
        .bearer(&kid.access)
        .send()
        .await;
    assert!(r.status < 300, "{}", r.text());

    let r = s
        .get(&format!("/api/family/children/{id}/overview"))
        .bearer(&mum.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let o = r.json();
    assert_eq!(o["stats"]["drafts"], 1);
    assert_eq!(o["stats"]["stories_published"], 1);
    assert_eq!(o["stats"]["pages_written"], 3);
    assert_eq!(o["stats"]["stories_read"], 1);
    let titles: Vec<&str> = o["stories"]
        .as_array()
        .expect("stories")
        .iter()
        .filter_map(|s| s["title"].as_str())
        .collect();
    assert!(
        titles.contains(&"My draft") && titles.contains(&"Done story"),
        "{titles:?}"
    );
    assert_eq!(o["reading"][0]["title"], "Dragons");
    let days = o["days"].as_array().expect("days");
    assert_eq!(days.len(), 30);
    assert_eq!(days[29]["pages"], 3);
    assert_eq!(days[29]["reads"], 1);
    let hours = o["hours"].as_array().expect("hours");
    assert_eq!(hours.len(), 24);
    assert!(hours.iter().filter_map(Value::as_i64).sum::<i64>() >= 3);

    // Nobody else: another parent, the child itself, a teacher, an admin-less guest.
    let teacher = s.teacher("teach").await;
    for who in [&other, &teacher] {
        let r = s
            .get(&format!("/api/family/children/{id}/overview"))
            .bearer(&who.access)
            .send()
            .await;
        assert!(r.status == 404 || r.status == 403, "{}", r.text());
    }
    let r = s
        .get(&format!("/api/family/children/{id}/overview"))
        .bearer(&kid.access)
        .send()
        .await;
    assert_eq!(r.status, 403);
    let r = s
        .get(&format!("/api/family/children/{id}/overview"))
        .send()
        .await;
    assert_eq!(r.status, 401);
}

#[tokio::test]
async fn parents_set_privacy_reset_passwords_and_look_read_only() {
    let s = TestServer::start().await;
    let mum = s.register("mum", "parent").await;
    let other = s.register("other", "parent").await;
    let child = child_of(&s, &mum, "kid", json!({ "password": "secret1" })).await;
    let id = child["id"].as_i64().expect("id");
    let kid = Session::from(
        &login_json(&s, json!({ "username": "kid", "password": "secret1" }))
            .await
            .json(),
    );

    let r = s
        .patch(&format!("/api/family/children/{id}"))
        .bearer(&mum.access)
        .json(&json!({ "privacy": "private" }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["child"]["privacy"], "private");
    let r = s
        .patch(&format!("/api/family/children/{id}"))
        .bearer(&mum.access)
        .json(&json!({ "privacy": "everyone" }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    let r = s
        .patch(&format!("/api/family/children/{id}"))
        .bearer(&other.access)
        .json(&json!({ "privacy": "public" }))
        .send()
        .await;
    assert_eq!(r.status, 404);
    // Private children are not found by exact username.
    let searcher = s.register("finder", "child").await;
    let found = s
        .get("/api/users/search?q=kid")
        .bearer(&searcher.access)
        .send()
        .await
        .json();
    assert!(
        found["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|u| u["username"] != "kid"),
        "{found}"
    );

    // A read-only look: reads work, writes are refused, and it is in the audit log.
    let r = s
        .post(&format!("/api/family/children/{id}/view-as"))
        .bearer(&mum.access)
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let look = r.json()["access_token"]
        .as_str()
        .expect("token")
        .to_string();
    let me = s.get("/api/me").bearer(&look).send().await;
    assert_eq!(me.status, 200);
    assert_eq!(me.json()["username"], "kid");
    let w = s
        .post("/api/stories")
        .bearer(&look)
        .json(&json!({ "title": "Sneaky" }))
        .send()
        .await;
    assert_eq!((w.status, w.code().as_str()), (403, "view_only"));
    let w = s.post("/api/realtime/ticket").bearer(&look).send().await;
    assert_eq!(w.status, 403);
    let logged: i64 = s.db().query_row(
        "SELECT count(*) FROM audit_log WHERE action = 'parent_view_as' AND actor_id = ?1 AND target_id = ?2",
        rusqlite::params![mum.user_id, id.to_string()], |r| r.get(0)).expect("audit");
    assert_eq!(logged, 1);
    // The look can end itself early (logout is the one write it may do).
    let r = s.post("/api/auth/logout").bearer(&look).send().await;
    assert_eq!(r.status, 204, "{}", r.text());
    assert_eq!(s.get("/api/me").bearer(&look).send().await.status, 401);
    let r = s
        .post(&format!("/api/family/children/{id}/view-as"))
        .bearer(&other.access)
        .send()
        .await;
    assert_eq!(r.status, 404);

    // Password reset by the parent: old password and old sessions stop working.
    let r = s
        .post(&format!("/api/family/children/{id}/password"))
        .bearer(&mum.access)
        .json(&json!({ "picture": ["moon", "star", "moon", "tree"] }))
        .send()
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    assert_eq!(
        s.get("/api/me").bearer(&kid.access).send().await.status,
        401
    );
    assert_eq!(
        login_json(&s, json!({ "username": "kid", "password": "secret1" }))
            .await
            .status,
        401
    );
    assert_eq!(
        login_json(
            &s,
            json!({ "username": "kid", "picture": ["moon", "star", "moon", "tree"] })
        )
        .await
        .status,
        200
    );
    let r = s
        .post(&format!("/api/family/children/{id}/password"))
        .bearer(&other.access)
        .json(&json!({ "password": "hacked99" }))
        .send()
        .await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn teachers_run_classes_with_join_codes_approval_and_reports() {
    let s = TestServer::start().await;
    let teacher = s.teacher("msreyes").await;
    let other_teacher = s.teacher("mrlee").await;
    let ana = s.register("ana", "child").await;
    let ben = s.register("ben", "child").await;
    let mum = s.register("mum", "parent").await;

    let r = s
        .post("/api/classes")
        .bearer(&teacher.access)
        .json(&json!({ "name": "Grade 2 Rose" }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let class = r.json()["class"].clone();
    let cid = class["id"].as_i64().expect("id");
    let code = class["join_code"].as_str().expect("code").to_string();
    assert_eq!(code.len(), 6);
    // This test is about reports: the children publish straight away (approval has its own
    // tests in classroom::approval).
    let r = s
        .patch(&format!("/api/classes/{cid}/settings"))
        .bearer(&teacher.access)
        .json(&json!({ "needs_approval": false }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    for who in [&ana, &mum] {
        let r = s
            .post("/api/classes")
            .bearer(&who.access)
            .json(&json!({ "name": "Mine" }))
            .send()
            .await;
        assert_eq!((r.status, r.code().as_str()), (403, "teachers_only"));
    }
    let r = s
        .post("/api/classes")
        .bearer(&teacher.access)
        .json(&json!({ "name": "" }))
        .send()
        .await;
    assert_eq!(r.status, 422);

    // Children ask; they are not members (nor classmates) until the teacher approves.
    let r = s
        .post("/api/classes/join")
        .bearer(&ana.access)
        .json(&json!({ "code": code.to_lowercase() }))
        .send()
        .await;
    assert_eq!(r.status, 202, "{}", r.text());
    assert_eq!(r.json()["status"], "pending");
    let r = s
        .post("/api/classes/join")
        .bearer(&ben.access)
        .json(&json!({ "code": code }))
        .send()
        .await;
    assert_eq!(r.status, 202);
    let r = s
        .post("/api/classes/join")
        .bearer(&ben.access)
        .json(&json!({ "code": "ZZZZZZ" }))
        .send()
        .await;
    assert_eq!(r.status, 404);
    let r = s
        .post("/api/classes/join")
        .bearer(&mum.access)
        .json(&json!({ "code": code }))
        .send()
        .await;
    assert_eq!(r.status, 403);
    let mine = s
        .get("/api/classes")
        .bearer(&ana.access)
        .send()
        .await
        .json();
    assert_eq!(mine["items"][0]["status"], "pending");
    let detail = s
        .get(&format!("/api/classes/{cid}"))
        .bearer(&teacher.access)
        .send()
        .await
        .json();
    assert_eq!(detail["pending"].as_array().expect("pending").len(), 2);
    assert_eq!(detail["members"].as_array().expect("members").len(), 0);

    let r = s
        .post(&format!(
            "/api/classes/{cid}/members/{}/approve",
            ana.user_id
        ))
        .bearer(&teacher.access)
        .send()
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    let r = s
        .delete(&format!("/api/classes/{cid}/members/{}", ben.user_id))
        .bearer(&teacher.access)
        .send()
        .await;
    assert_eq!(r.status, 204);
    let r = s
        .post(&format!(
            "/api/classes/{cid}/members/{}/approve",
            ben.user_id
        ))
        .bearer(&teacher.access)
        .send()
        .await;
    assert_eq!(r.status, 404, "a turned-down request cannot be approved");
    let mine = s
        .get("/api/classes")
        .bearer(&ana.access)
        .send()
        .await
        .json();
    assert_eq!(mine["items"][0]["status"], "member");

    // Another teacher sees nothing of this class.
    for (m, p) in [
        ("GET", format!("/api/classes/{cid}")),
        ("GET", format!("/api/classes/{cid}/report")),
        ("PATCH", format!("/api/classes/{cid}")),
        ("DELETE", format!("/api/classes/{cid}")),
        ("POST", format!("/api/classes/{cid}/join-code")),
        (
            "POST",
            format!("/api/classes/{cid}/members/{}/approve", ben.user_id),
        ),
    ] {
        let r = s
            .call(m, &p)
            .bearer(&other_teacher.access)
            .json(&json!({ "name": "x" }))
            .send()
            .await;
        assert_eq!(r.status, 404, "{m} {p}: {}", r.text());
        let r = s
            .call(m, &p)
            .bearer(&ana.access)
            .json(&json!({ "name": "x" }))
            .send()
            .await;
        assert_eq!(r.status, 403, "{m} {p} as a child");
    }

    // Reports: JSON and CSV.
    s.published(&ana.access, "Ana's =tale, with a comma", &["hello"])
        .await;
    let r = s
        .get(&format!("/api/classes/{cid}/report"))
        .bearer(&teacher.access)
        .send()
        .await;
    assert_eq!(r.status, 200);
    let rep = r.json();
    assert_eq!(rep["students"][0]["username"], "ana");
    assert_eq!(rep["students"][0]["stories_published"], 1);
    assert_eq!(rep["totals"]["students"], 1);
    let r = s
        .get(&format!("/api/classes/{cid}/report?format=csv"))
        .bearer(&teacher.access)
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert!(
        r.header("content-type")
            .unwrap_or("")
            .starts_with("text/csv")
    );
    assert!(
        r.header("content-disposition")
            .unwrap_or("")
            .contains("attachment")
    );
    let csv = r.text();
    assert!(
        csv.starts_with("id,username,display_name,stories_published"),
        "{csv}"
    );
    assert!(csv.contains(",ana,ana,1,0,1,0,"), "{csv}");

    // A new code replaces the old one.
    let r = s
        .post(&format!("/api/classes/{cid}/join-code"))
        .bearer(&teacher.access)
        .send()
        .await;
    let fresh = r.json()["join_code"].as_str().expect("code").to_string();
    assert_ne!(fresh, code);
    let r = s
        .post("/api/classes/join")
        .bearer(&ben.access)
        .json(&json!({ "code": code }))
        .send()
        .await;
    assert_eq!(r.status, 404);
    let r = s
        .post("/api/classes/join")
        .bearer(&ben.access)
        .json(&json!({ "code": fresh }))
        .send()
        .await;
    assert_eq!(r.status, 202);
    // Deleting the class keeps the accounts.
    let r = s
        .delete(&format!("/api/classes/{cid}"))
        .bearer(&teacher.access)
        .send()
        .await;
    assert_eq!(r.status, 204);
    assert_eq!(
        s.get("/api/me").bearer(&ana.access).send().await.status,
        200
    );
}

#[tokio::test]
async fn family_and_class_limits_hold() {
    let s = TestServer::start().await;
    let mum = s.register("mum", "parent").await;
    let kid = s.register("kid", "child").await;

    // Code guessing: 10 tries, then 429 with Retry-After, for links and class joins alike.
    for i in 0..10 {
        let r = s
            .post("/api/family/link")
            .bearer(&mum.access)
            .json(&json!({ "code": format!("AAAA-AAA{}", i % 8 + 2) }))
            .send()
            .await;
        assert_eq!(r.status, 400, "try {i}");
    }
    let r = s
        .post("/api/family/link")
        .bearer(&mum.access)
        .json(&json!({ "code": "AAAA-AAAA" }))
        .send()
        .await;
    assert_eq!(r.status, 429);
    assert!(r.header("retry-after").is_some());
    for i in 0..10 {
        let r = s
            .post("/api/classes/join")
            .bearer(&kid.access)
            .json(&json!({ "code": format!("ZZZZZ{}", i % 8 + 2) }))
            .send()
            .await;
        assert_eq!(r.status, 404, "try {i}");
    }
    let r = s
        .post("/api/classes/join")
        .bearer(&kid.access)
        .json(&json!({ "code": "ZZZZZZ" }))
        .send()
        .await;
    assert_eq!(r.status, 429);

    // At most four grown-ups per child: the child's code brings the first, the first grown-up's
    // codes the others.
    let child = s.register("popular", "child").await;
    let mut first: Option<Session> = None;
    for n in 0..5 {
        let p = s.register(&format!("grownup{n}"), "parent").await;
        let maker = match &first {
            None => s.post("/api/family/link-codes").bearer(&child.access),
            Some(g) => s
                .post("/api/family/link-codes")
                .bearer(&g.access)
                .json(&json!({ "child_id": child.user_id })),
        };
        let code = maker.send().await.json()["code"]
            .as_str()
            .expect("code")
            .to_string();
        let r = s
            .post("/api/family/link")
            .bearer(&p.access)
            .json(&json!({ "code": code }))
            .send()
            .await;
        if n < 4 {
            assert_eq!(r.status, 200, "{}", r.text());
            first.get_or_insert(p);
        } else {
            assert_eq!((r.status, r.code().as_str()), (409, "too_many_parents"));
        }
    }

    // Class names, classes per teacher, children per class.
    let teacher = s.teacher("teach").await;
    let r = s
        .post("/api/classes")
        .bearer(&teacher.access)
        .json(&json!({ "name": "x".repeat(61) }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    let r = s
        .post("/api/classes")
        .bearer(&teacher.access)
        .json(&json!({ "name": "Room\u{0007}" }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    let r = s
        .post("/api/classes")
        .bearer(&teacher.access)
        .json(&json!({ "name": "Full room" }))
        .send()
        .await;
    let class = r.json()["class"].clone();
    let cid = class["id"].as_i64().expect("id");
    {
        let db = s.db_rw();
        for n in 0..200 {
            db.execute(
                "INSERT INTO users (username, password_hash, role, created_at, updated_at, password_changed_at) VALUES (?1, 'x', 'child', 0, 0, 0)",
                [format!("filler{n}")],
            ).expect("user");
            db.execute(
                "INSERT INTO class_requests (class_id, user_id, requested_at) VALUES (?1, last_insert_rowid(), 0)",
                [cid],
            ).expect("request");
        }
        for n in 0..49 {
            db.execute(
                "INSERT INTO classes (teacher_id, name, created_at) VALUES (?1, ?2, 0)",
                rusqlite::params![teacher.user_id, format!("Room {n}")],
            )
            .expect("class");
        }
    }
    let late = s.register("latecomer", "child").await;
    let r = s
        .post("/api/classes/join")
        .bearer(&late.access)
        .json(&json!({ "code": class["join_code"] }))
        .send()
        .await;
    assert_eq!((r.status, r.code().as_str()), (409, "class_full"));
    let r = s
        .post("/api/classes")
        .bearer(&teacher.access)
        .json(&json!({ "name": "One too many" }))
        .send()
        .await;
    assert_eq!((r.status, r.code().as_str()), (409, "too_many_classes"));
}

#[tokio::test]
async fn a_parent_turns_a_childs_sounds_off_and_only_that_parent_can() {
    let s = TestServer::start().await;
    let mum = s.register("quiet_mum", "parent").await;
    let other = s.register("quiet_other", "parent").await;
    let kid = s.child_of(&mum, "quiet_kid").await;
    let me = s.get("/api/me").bearer(&kid.access).send().await.json();
    assert_eq!(me["quiet"], false, "{me}");

    // Another parent cannot, and the child's own settings cannot touch it.
    let r = s
        .patch(&format!("/api/family/children/{}", kid.user_id))
        .bearer(&other.access)
        .json(&json!({ "rules": { "quiet": true } }))
        .send()
        .await;
    assert!(r.status == 403 || r.status == 404, "{}", r.text());
    let r = s
        .patch("/api/me")
        .bearer(&kid.access)
        .json(&json!({ "quiet": false }))
        .send()
        .await;
    assert_eq!(r.status, 400, "{}", r.text());

    let r = s
        .patch(&format!("/api/family/children/{}", kid.user_id))
        .bearer(&mum.access)
        .json(&json!({ "rules": { "quiet": true } }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    // The other rules stay as they were.
    let kids = s
        .get("/api/family/children")
        .bearer(&mum.access)
        .send()
        .await
        .json();
    assert_eq!(
        kids["items"][0]["rules"],
        json!({ "friends_need_ok": true, "who_may_message": "friends", "quiet": true }),
        "{kids}"
    );
    let me = s.get("/api/me").bearer(&kid.access).send().await.json();
    assert_eq!(me["quiet"], true);
    // The child may still keep their own switch; the grown-up's "quiet" wins in the app.
    let r = s
        .patch("/api/me")
        .bearer(&kid.access)
        .json(&json!({ "prefs": { "sounds": true } }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["quiet"], true);
}

//! Ids of other people's things (IDOR) on the routes the research did not cover.

use super::helpers::*;

/// someone else's conversation cannot be marked read, nor their messages deleted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn strangers_cannot_mark_read_or_delete_someone_elses_messages() {
    let s = TestServer::start().await;
    let u = s.register("uma", "child").await;
    let v = s.register("vic", "child").await;
    let x = s.register("xan", "child").await;
    s.befriend(&u, &v, "vic").await;
    let r = s
        .post(&format!("/api/conversations/{}/messages", v.user_id))
        .bearer(&u.access)
        .json(&json!({ "text": "hello V" }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let m = r.json()["message"]["id"].as_i64().expect("message id");
    let mut u_ws = Ws::connect(&s, &u.access).await;

    for other in [u.user_id, v.user_id] {
        let r = s
            .post(&format!("/api/conversations/{other}/read"))
            .bearer(&x.access)
            .send()
            .await;
        refused(
            &r,
            403,
            "not_friends",
            &format!("stranger marks {other} read"),
        );
    }
    let r = s
        .delete(&format!("/api/messages/{m}"))
        .bearer(&x.access)
        .send()
        .await;
    refused(&r, 404, "message_not_found", "stranger deletes the message");
    u_ws.none_of("message.read", QUIET).await;
    u_ws.none_of("message.deleted", Duration::ZERO).await;

    let read_at: Option<i64> = s
        .db()
        .query_row("SELECT read_at FROM messages WHERE id = ?1", [m], |r| {
            r.get(0)
        })
        .expect("the message is still there");
    assert_eq!(read_at, None, "still unread");
    let convs = get_ok(&s, &v, "/api/conversations").await;
    let with_u = convs["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|c| c["user"]["id"] == u.user_id)
        .cloned()
        .unwrap_or_else(|| panic!("no conversation with U: {convs}"));
    assert_eq!(with_u["unread_count"], 1, "{with_u}");
}

/// the host controls answer a non-member exactly like a session that does not exist.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stranger_cannot_use_the_host_controls_of_a_session() {
    let s = TestServer::start_with(COLLAB).await;
    let ana = s.register("ana", "child").await;
    let ben = s.register("ben", "child").await;
    let zed = s.register("zed", "child").await;
    let xia = s.register("xia", "child").await;
    s.befriend(&zed, &xia, "xia").await;
    let (id, code) = new_session(&s, &ana.access).await;
    join_by_code(&s, &ben.access, &code).await;
    let mut host_ws = Ws::connect(&s, &ana.access).await;

    for (action, body) in [
        ("kick", Some(json!({ "user_id": ana.user_id }))),
        ("kick", Some(json!({ "user_id": ben.user_id }))),
        ("start", None),
        ("end", None),
        ("lobby/close", None),
        ("invites", Some(json!({ "user_id": xia.user_id }))),
    ] {
        let r = host_call(&s, &zed.access, id, action, body).await;
        refused(&r, 404, "session_not_found", &format!("stranger {action}"));
    }

    let r = s
        .get(&format!("/api/collab/sessions/{id}"))
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["state"], "lobby", "{v}");
    assert_eq!(v["lobby_open"], true, "{v}");
    let mut members: Vec<i64> = v["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| m["user_id"].as_i64().expect("member id"))
        .collect();
    members.sort_unstable();
    let mut want = vec![ana.user_id, ben.user_id];
    want.sort_unstable();
    assert_eq!(members, want);
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM collab_members WHERE session_id = ?1 AND kicked_at IS NOT NULL",
            [id],
        ),
        0
    );
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM collab_invites WHERE session_id = ?1",
            [id],
        ),
        0
    );
    for kind in ["collab.status", "collab.ended", "collab.kicked"] {
        host_ws.none_of(kind, QUIET).await;
    }
}

/// unlinking a child is for a parent linked to it; others are told nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_a_linked_parent_can_unlink_a_child() {
    let s = TestServer::start().await;
    let mum = s.register("mum", "parent").await;
    let other = s.register("other", "parent").await;
    let teacher = s.teacher("teach").await;
    let kid = s.register("kid", "child").await;
    let kid2 = s.register("kid2", "child").await;
    let code = link_code(&s, &kid).await;
    assert_eq!(link(&s, &mum, &code).await.status, 200);
    let path = format!("/api/family/children/{}", kid.user_id);

    let r = s.delete(&path).bearer(&other.access).send().await;
    refused(&r, 404, "not_found", "another parent unlinks");
    for (who, name) in [
        (&teacher, "a teacher"),
        (&kid2, "another child"),
        (&kid, "the child"),
    ] {
        let r = s.delete(&path).bearer(&who.access).send().await;
        refused(&r, 403, "parents_only", name);
    }

    let list = get_ok(&s, &mum, "/api/family/children").await;
    let ids: Vec<i64> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| c["id"].as_i64().expect("child id"))
        .collect();
    assert_eq!(ids, vec![kid.user_id], "{list}");
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM family_links WHERE parent_id = ?1 AND child_id = ?2",
            params![mum.user_id, kid.user_id],
        ),
        1
    );
}

/// removing a class member is for that class's teacher only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_classs_teacher_can_remove_a_member() {
    let s = TestServer::start().await;
    let teacher = s.teacher("msrose").await;
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
    let cid = class["id"].as_i64().expect("class id");
    let code = class["join_code"].as_str().expect("join code").to_string();
    let r = s
        .post("/api/classes/join")
        .bearer(&ana.access)
        .json(&json!({ "code": code }))
        .send()
        .await;
    assert_eq!(r.status, 202, "{}", r.text());
    let r = s
        .post(&format!(
            "/api/classes/{cid}/members/{}/approve",
            ana.user_id
        ))
        .bearer(&teacher.access)
        .send()
        .await;
    assert_eq!(r.status, 204, "{}", r.text());

    let path = format!("/api/classes/{cid}/members/{}", ana.user_id);
    let r = s.delete(&path).bearer(&other_teacher.access).send().await;
    refused(&r, 404, "not_found", "another teacher removes a member");
    for (who, name) in [
        (&ana, "the member herself"),
        (&ben, "another child"),
        (&mum, "a parent"),
    ] {
        let r = s.delete(&path).bearer(&who.access).send().await;
        refused(&r, 403, "teachers_only", name);
    }

    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM class_members WHERE class_id = ?1 AND user_id = ?2",
            params![cid, ana.user_id],
        ),
        1
    );
    let mine = get_ok(&s, &ana, "/api/classes").await;
    assert_eq!(mine["items"][0]["status"], "member", "{mine}");
}

/// a comment on a story that went back to draft is invisible, so it cannot be reported
/// (reports would otherwise probe hidden content).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comment_on_an_unpublished_story_cannot_be_reported() {
    let s = TestServer::start().await;
    let author = s.register("author", "child").await;
    let reader = s.register("reader", "child").await;
    let story = s.published(&author.access, "Soon private", &["boo"]).await;
    let r = s
        .post(&format!("/api/stories/{story}/comments"))
        .bearer(&reader.access)
        .json(&json!({ "text": "nice one" }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let comment = r.json()["id"].as_i64().expect("comment id");
    let r = s
        .post(&format!("/api/stories/{story}/unpublish"))
        .bearer(&author.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());

    for (kind, id) in [("comment", comment), ("story", story)] {
        let r = s
            .post("/api/reports")
            .bearer(&reader.access)
            .json(&json!({ "target_type": kind, "target_id": id, "reason": "x" }))
            .send()
            .await;
        refused(&r, 404, "not_found", &format!("report the {kind}"));
    }
    assert_eq!(count(&s, "SELECT count(*) FROM reports", []), 0);
}

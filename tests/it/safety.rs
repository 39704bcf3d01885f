//! Children's safety through the real server: who may reach a child (friend requests, messages,
//! drawing invites, co-authorship, profiles, search, usernames in public payloads), the
//! guardian's yes or no, pending teachers, and the ordinary paths that must keep working
//! (child ↔ child, parent ↔ own child, teacher ↔ class).

use crate::common::{PASSWORD, Session, TestServer};
use serde_json::{Value, json};

/// A class taught by `teacher` with `kids` in it, through join codes and approval.
async fn class_of(s: &TestServer, teacher: &Session, kids: &[&Session]) -> i64 {
    let r = s
        .post("/api/classes")
        .bearer(&teacher.access)
        .json(&json!({ "name": "Grade 2 Sampaguita" }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let class = r.json()["class"].clone();
    let cid = class["id"].as_i64().expect("id");
    let code = class["join_code"].as_str().expect("code").to_string();
    for kid in kids {
        let r = s
            .post("/api/classes/join")
            .bearer(&kid.access)
            .json(&json!({ "code": code }))
            .send()
            .await;
        assert_eq!(r.status, 202, "{}", r.text());
        let r = s
            .post(&format!(
                "/api/classes/{cid}/members/{}/approve",
                kid.user_id
            ))
            .bearer(&teacher.access)
            .send()
            .await;
        assert_eq!(r.status, 204, "{}", r.text());
    }
    cid
}

/// `from` asks `child` (by username), the child's grown-up approves, and the child accepts.
async fn friends_with_ok(
    s: &TestServer,
    from: &Session,
    child: &Session,
    name: &str,
    grown_up: &Session,
) {
    let r = ask(s, from, name).await;
    assert_eq!(r.json()["status"], "waiting_for_grown_up", "{}", r.text());
    let id = r.json()["id"].as_i64().expect("id");
    let r = s
        .post(&format!("/api/family/requests/{id}/approve"))
        .bearer(&grown_up.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = s
        .post(&format!("/api/friends/requests/{id}/accept"))
        .bearer(&child.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
}

async fn ask(s: &TestServer, from: &Session, username: &str) -> crate::common::Resp {
    s.post("/api/friends/requests")
        .bearer(&from.access)
        .json(&json!({ "username": username }))
        .send()
        .await
}

async fn say(s: &TestServer, from: &Session, to: i64, text: &str) -> crate::common::Resp {
    s.post(&format!("/api/conversations/{to}/messages"))
        .bearer(&from.access)
        .json(&json!({ "text": text }))
        .send()
        .await
}

async fn drawing_session(s: &TestServer, host: &Session) -> (i64, String) {
    let r = s
        .post("/api/collab/sessions")
        .bearer(&host.access)
        .json(&json!({}))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let v = r.json();
    (
        v["id"].as_i64().expect("id"),
        v["join_code"].as_str().expect("code").to_string(),
    )
}

async fn invite(s: &TestServer, host: &Session, session: i64, who: i64) -> crate::common::Resp {
    s.post(&format!("/api/collab/sessions/{session}/invites"))
        .bearer(&host.access)
        .json(&json!({ "user_id": who }))
        .send()
        .await
}

#[tokio::test]
async fn an_unrelated_adult_cannot_find_befriend_message_invite_or_coauthor_a_child() {
    let s = TestServer::start().await;
    let mum = s.register("real_mum", "parent").await;
    let maya = s.child_of(&mum, "demo_maya").await;
    let story = s
        .published(&maya.access, "The Brave Turtle", &["A turtle swam far."])
        .await;
    let stranger = s.register("lurker", "parent").await;

    // The story a stranger reads carries a display name and an avatar, not the username.
    let r = s.get(&format!("/api/stories/{story}")).send().await;
    assert_eq!(r.status, 200);
    assert!(r.json()["author"].get("username").is_none(), "{}", r.text());
    assert!(!r.text().contains("demo_maya"), "{}", r.text());
    let r = s.get("/api/stories?q=demo_maya").send().await;
    assert_eq!(
        r.json()["items"],
        json!([]),
        "search by username: {}",
        r.text()
    );

    // A friend request to the child reads exactly like one to nobody at all.
    let to_child = ask(&s, &stranger, "demo_maya").await;
    let to_nobody = ask(&s, &stranger, "no_such_kid").await;
    assert_eq!(to_child.status, 404, "{}", to_child.text());
    assert_eq!(to_child.json(), to_nobody.json());
    let r = s
        .post("/api/friends/requests")
        .bearer(&stranger.access)
        .json(&json!({ "user_id": maya.user_id }))
        .send()
        .await;
    assert_eq!(r.status, 404, "by id: {}", r.text());
    // ...and the child cannot ask the adult either.
    assert_eq!(ask(&s, &maya, "lurker").await.status, 404);

    let r = say(
        &s,
        &stranger,
        maya.user_id,
        "hi maya, what school do you go to?",
    )
    .await;
    assert_eq!(
        (r.status, r.code()),
        (403, "not_friends".into()),
        "{}",
        r.text()
    );
    let r = say(&s, &maya, stranger.user_id, "hello").await;
    assert_eq!(r.status, 403, "{}", r.text());

    let r = s
        .get(&format!("/api/users/{}", maya.user_id))
        .bearer(&stranger.access)
        .send()
        .await;
    assert_eq!(
        (r.status, r.code()),
        (403, "profile_private".into()),
        "{}",
        r.text()
    );
    let r = s
        .get("/api/users/search?q=demo_maya")
        .bearer(&stranger.access)
        .send()
        .await;
    assert_eq!(r.json()["items"], json!([]), "{}", r.text());

    let (session, code) = drawing_session(&s, &stranger).await;
    let r = invite(&s, &stranger, session, maya.user_id).await;
    assert_eq!(
        (r.status, r.code()),
        (403, "not_friends".into()),
        "{}",
        r.text()
    );
    // Joining the adult's room with its code reads like a wrong code.
    let r = s
        .post("/api/collab/join")
        .bearer(&maya.access)
        .json(&json!({ "code": code }))
        .send()
        .await;
    assert_eq!(r.status, 404, "{}", r.text());
    // ...and the adult cannot walk into the child's room either.
    let (_, kid_code) = drawing_session(&s, &maya).await;
    let r = s
        .post("/api/collab/join")
        .bearer(&stranger.access)
        .json(&json!({ "code": kid_code }))
        .send()
        .await;
    assert_eq!(r.status, 404, "{}", r.text());

    let mine = s.story(&stranger.access, "Grown-up tale", &["Once."]).await;
    let r = s
        .post(&format!("/api/stories/{}/coauthors", mine["id"]))
        .bearer(&stranger.access)
        .json(&json!({ "user_id": maya.user_id }))
        .send()
        .await;
    assert_eq!(
        (r.status, r.code()),
        (403, "not_friends".into()),
        "{}",
        r.text()
    );

    // Nothing from him reached her: no notification, no request, no invite.
    let n = s
        .get("/api/notifications")
        .bearer(&maya.access)
        .send()
        .await
        .json();
    let items = n["items"].as_array().expect("items");
    assert!(
        items.iter().all(|i| i["actor"]["id"] != stranger.user_id),
        "{n}"
    );
    let mine = s
        .get("/api/friends/requests")
        .bearer(&maya.access)
        .send()
        .await
        .json();
    assert_eq!(mine["incoming"], json!([]), "{mine}");
    let invites = s
        .get("/api/collab/invites")
        .bearer(&maya.access)
        .send()
        .await
        .json();
    assert_eq!(invites["items"], json!([]), "{invites}");
}

#[tokio::test]
async fn a_friend_request_from_outside_class_waits_for_the_grown_up_who_approves_or_declines() {
    let s = TestServer::start().await;
    let mum = s.register("mum_a", "parent").await;
    let ana = s.child_of(&mum, "ana_k").await;
    let ben = s.register("ben_k", "child").await;
    let cara = s.register("cara_k", "child").await;

    let r = ask(&s, &ben, "ana_k").await;
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["status"], "waiting_for_grown_up");
    let request = r.json()["id"].as_i64().expect("id");

    // Ana sees it as waiting and cannot accept it yet; nothing pinged her.
    let mine = s
        .get("/api/friends/requests")
        .bearer(&ana.access)
        .send()
        .await
        .json();
    assert_eq!(mine["incoming"][0]["waiting_for_grown_up"], true, "{mine}");
    let r = s
        .post(&format!("/api/friends/requests/{request}/accept"))
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!((r.status, r.code()), (403, "waiting_for_grown_up".into()));
    // Asking back does not slip past the grown-up either.
    let r = ask(&s, &ana, "ben_k").await;
    assert_eq!(r.code(), "waiting_for_grown_up", "{}", r.text());

    // Her mum is told, sees it in the family dashboard and approves.
    let n = s
        .get("/api/notifications")
        .bearer(&mum.access)
        .send()
        .await
        .json();
    assert_eq!(n["items"][0]["type"], "friend_request_guardian", "{n}");
    let waiting = s
        .get("/api/family/requests")
        .bearer(&mum.access)
        .send()
        .await
        .json();
    assert_eq!(waiting["items"][0]["id"], request, "{waiting}");
    assert_eq!(waiting["items"][0]["child_id"], ana.user_id);
    assert_eq!(waiting["items"][0]["from"]["display_name"], "ben_k");
    // Another parent cannot answer it.
    let other = s.register("other_mum", "parent").await;
    let r = s
        .post(&format!("/api/family/requests/{request}/approve"))
        .bearer(&other.access)
        .send()
        .await;
    assert_eq!(r.status, 404, "{}", r.text());
    // Nor can the child answer for her grown-up.
    let r = s
        .post(&format!("/api/family/requests/{request}/approve"))
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!(r.status, 403, "{}", r.text());
    let r = s
        .post(&format!("/api/family/requests/{request}/approve"))
        .bearer(&mum.access)
        .send()
        .await;
    assert_eq!(
        (r.status, r.json()["status"].clone()),
        (200, json!("approved"))
    );

    // Now it is Ana's to accept, and then the two chat.
    let r = s
        .post(&format!("/api/friends/requests/{request}/accept"))
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(say(&s, &ana, ben.user_id, "hi ben!").await.status, 201);
    assert_eq!(say(&s, &ben, ana.user_id, "hi ana!").await.status, 201);

    // A declined request is gone for good, and the sender is not told.
    let r = ask(&s, &cara, "ana_k").await;
    let request = r.json()["id"].as_i64().expect("id");
    let r = s
        .post(&format!("/api/family/requests/{request}/decline"))
        .bearer(&mum.access)
        .send()
        .await;
    assert_eq!(r.json()["status"], "declined");
    let mine = s
        .get("/api/friends/requests")
        .bearer(&ana.access)
        .send()
        .await
        .json();
    assert_eq!(mine["incoming"], json!([]), "{mine}");
    assert_eq!(
        s.get("/api/family/requests")
            .bearer(&mum.access)
            .send()
            .await
            .json()["items"],
        json!([])
    );
}

#[tokio::test]
async fn classmates_skip_the_wait_and_a_grown_up_can_turn_the_wait_off_or_chat_off() {
    let s = TestServer::start().await;
    let mum = s.register("mum_c", "parent").await;
    let lia = s.child_of(&mum, "lia_c").await;
    let tom = s.register("tom_c", "child").await;
    let zed = s.register("zed_c", "child").await;
    let teacher = s.teacher("ms_cruz").await;
    class_of(&s, &teacher, &[&lia, &tom]).await;

    // A classmate's request goes straight to Lia.
    let r = ask(&s, &tom, "lia_c").await;
    assert_eq!(r.json()["status"], "pending", "{}", r.text());
    let id = r.json()["id"].as_i64().expect("id");
    let r = s
        .post(&format!("/api/friends/requests/{id}/accept"))
        .bearer(&lia.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());

    // Her mum turns "new friends need my OK" off: a stranger child's request goes straight in.
    let rules = |v: Value| {
        let (s, lia, mum) = (&s, &lia, &mum);
        async move {
            let r = s
                .patch(&format!("/api/family/children/{}", lia.user_id))
                .bearer(&mum.access)
                .json(&json!({ "rules": v }))
                .send()
                .await;
            assert_eq!(r.status, 200, "{}", r.text());
            r.json()["child"]["rules"].clone()
        }
    };
    let now = rules(json!({ "friends_need_ok": false })).await;
    assert_eq!(
        now,
        json!({ "friends_need_ok": false, "who_may_message": "friends", "quiet": false })
    );
    assert_eq!(ask(&s, &zed, "lia_c").await.json()["status"], "pending");

    // "Nobody" turns chat off both ways, and says why only to Lia.
    rules(json!({ "who_may_message": "nobody" })).await;
    let r = say(&s, &lia, tom.user_id, "hi").await;
    assert_eq!(
        (r.status, r.code()),
        (403, "chat_off".into()),
        "{}",
        r.text()
    );
    let r = say(&s, &tom, lia.user_id, "hi").await;
    assert_eq!(
        (r.status, r.code()),
        (403, "not_friends".into()),
        "{}",
        r.text()
    );
    // Her mum still reaches her.
    assert_eq!(
        say(&s, &mum, lia.user_id, "dinner at six").await.status,
        201
    );
    let r = s
        .patch(&format!("/api/family/children/{}", lia.user_id))
        .bearer(&mum.access)
        .json(&json!({ "rules": { "who_may_message": "shouting" } }))
        .send()
        .await;
    assert_eq!(
        (r.status, r.code()),
        (422, "invalid_rule".into()),
        "{}",
        r.text()
    );
}

#[tokio::test]
async fn a_parent_and_their_own_child_chat_and_see_each_other_without_a_friend_request() {
    let s = TestServer::start().await;
    let dad = s.register("dad_p", "parent").await;
    let kid = s.child_of(&dad, "kid_p").await;

    let r = ask(&s, &dad, "kid_p").await;
    assert_eq!(
        (r.status, r.code()),
        (409, "already_family".into()),
        "{}",
        r.text()
    );
    assert_eq!(say(&s, &dad, kid.user_id, "proud of you").await.status, 201);
    assert_eq!(say(&s, &kid, dad.user_id, "thanks dad").await.status, 201);
    let convs = s
        .get("/api/conversations")
        .bearer(&kid.access)
        .send()
        .await
        .json();
    assert_eq!(convs["items"][0]["user"]["id"], dad.user_id, "{convs}");
    let r = s
        .get(&format!("/api/users/{}", kid.user_id))
        .bearer(&dad.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    // A drawing session and a story together are family work too.
    let (session, _) = drawing_session(&s, &dad).await;
    assert_eq!(invite(&s, &dad, session, kid.user_id).await.status, 201);
}

#[tokio::test]
async fn a_teacher_reaches_their_class_for_class_work_but_never_befriends_or_messages_a_child() {
    let s = TestServer::start().await;
    let teacher = s.teacher("mr_santos").await;
    let pupil = s.register("pupil_t", "child").await;
    let outsider = s.register("outsider_t", "child").await;
    class_of(&s, &teacher, &[&pupil]).await;

    let r = s
        .get(&format!("/api/users/{}", pupil.user_id))
        .bearer(&teacher.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let (session, _) = drawing_session(&s, &teacher).await;
    assert_eq!(
        invite(&s, &teacher, session, pupil.user_id).await.status,
        201
    );
    let story = s.story(&teacher.access, "Class book", &["Page one."]).await;
    let r = s
        .post(&format!("/api/stories/{}/coauthors", story["id"]))
        .bearer(&teacher.access)
        .json(&json!({ "user_id": pupil.user_id }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());

    assert_eq!(ask(&s, &teacher, "pupil_t").await.status, 404);
    assert_eq!(say(&s, &teacher, pupil.user_id, "hello").await.status, 403);
    // A child outside the class is out of reach.
    let r = s
        .get(&format!("/api/users/{}", outsider.user_id))
        .bearer(&teacher.access)
        .send()
        .await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(
        invite(&s, &teacher, session, outsider.user_id).await.status,
        403
    );
}

#[tokio::test]
async fn a_teacher_who_signed_up_waits_for_an_admin_before_making_a_class() {
    let s = TestServer::start().await;
    let r = s
        .post("/api/auth/register")
        .json(&json!({ "username": "new_teach", "password": PASSWORD, "display_name": "Ms New", "role": "teacher" }))
        .send()
        .await;
    assert_eq!(r.status, 201);
    assert_eq!(r.json()["user"]["pending_approval"], true, "{}", r.text());
    let t = Session::from(&r.json());
    let make = || async {
        s.post("/api/classes")
            .bearer(&t.access)
            .json(&json!({ "name": "Grade 1" }))
            .send()
            .await
    };
    let r = make().await;
    assert_eq!(
        (r.status, r.code()),
        (403, "teacher_pending".into()),
        "{}",
        r.text()
    );

    let admin = s.register("boss_a", "parent").await;
    s.make_admin(&admin);
    let r = s
        .patch(&format!("/api/admin/users/{}", t.user_id))
        .bearer(&admin.access)
        .json(&json!({ "approved": true }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["user"]["pending_approval"], false);
    assert_eq!(make().await.status, 201);
    let me = s.get("/api/me").bearer(&t.access).send().await.json();
    assert_eq!(me["pending_approval"], false);
    // Only teachers wait for approval.
    let kid = s.register("kid_ap", "child").await;
    let r = s
        .patch(&format!("/api/admin/users/{}", kid.user_id))
        .bearer(&admin.access)
        .json(&json!({ "approved": true }))
        .send()
        .await;
    assert_eq!(
        (r.status, r.code()),
        (422, "not_a_teacher".into()),
        "{}",
        r.text()
    );
}

#[tokio::test]
async fn being_made_co_author_is_a_request_the_child_accepts() {
    let s = TestServer::start().await;
    let ana = s.register("ana_co", "child").await;
    let ben = s.register("ben_co", "child").await;
    s.befriend(&ana, &ben, "ben_co").await;
    let story = s.story(&ana.access, "Two of us", &["We met."]).await;
    let id = story["id"].as_i64().expect("id");

    let r = s
        .post(&format!("/api/stories/{id}/coauthors"))
        .bearer(&ana.access)
        .json(&json!({ "user_id": ben.user_id }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let now = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&ana.access)
        .send()
        .await
        .json();
    assert_eq!(now["coauthors"], json!([]), "not before Ben says yes");

    let invites = s
        .get("/api/coauthor-invites")
        .bearer(&ben.access)
        .send()
        .await
        .json();
    assert_eq!(invites["items"][0]["story_id"], id, "{invites}");
    let invite = invites["items"][0]["id"].as_i64().expect("id");
    // Ana cannot accept for him.
    let r = s
        .post(&format!("/api/coauthor-invites/{invite}/accept"))
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!(r.status, 404);
    let r = s
        .post(&format!("/api/coauthor-invites/{invite}/accept"))
        .bearer(&ben.access)
        .send()
        .await;
    assert_eq!(r.json()["status"], "accepted", "{}", r.text());
    let now = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&ana.access)
        .send()
        .await
        .json();
    assert_eq!(now["coauthors"][0]["id"], ben.user_id, "{now}");
    let r = s
        .post(&format!("/api/coauthor-invites/{invite}/decline"))
        .bearer(&ben.access)
        .send()
        .await;
    assert_eq!(r.status, 404, "answered once");
}

#[tokio::test]
async fn only_friends_parents_and_teachers_see_a_child_come_online() {
    let s = TestServer::start().await;
    let mum = s.register("mum_o", "parent").await;
    let kid = s.child_of(&mum, "kid_o").await;
    let pal = s.register("pal_o", "child").await;
    let stranger = s.register("stranger_o", "parent").await;
    let db = s.db();
    let audience = |user: i64| -> Vec<i64> {
        let mut v = pixeltales::store::reach::presence_audience(&db, user).expect("audience");
        v.sort_unstable();
        v
    };
    assert_eq!(audience(kid.user_id), vec![mum.user_id]);
    // Friends with the pal (her grown-up approves first).
    friends_with_ok(&s, &pal, &kid, "kid_o", &mum).await;
    let mut want = vec![mum.user_id, pal.user_id];
    want.sort_unstable();
    assert_eq!(audience(kid.user_id), want);
    assert!(!audience(kid.user_id).contains(&stranger.user_id));
}

#[tokio::test]
async fn a_friendship_stored_before_the_rule_still_does_not_let_an_adult_message_a_child() {
    let s = TestServer::start().await;
    let kid = s.register("old_kid", "child").await;
    let adult = s.register("old_adult", "teacher").await;
    // As an older database might hold it.
    let db = s.db_rw();
    for (a, b) in [(kid.user_id, adult.user_id), (adult.user_id, kid.user_id)] {
        db.execute(
            "INSERT INTO friends (user_id, friend_id, since) VALUES (?1, ?2, 0)",
            [a, b],
        )
        .expect("legacy friendship");
    }
    assert_eq!(say(&s, &adult, kid.user_id, "hi").await.status, 403);
    assert_eq!(say(&s, &kid, adult.user_id, "hi").await.status, 403);
    let convs = s
        .get("/api/conversations")
        .bearer(&adult.access)
        .send()
        .await
        .json();
    assert_eq!(convs["items"], json!([]), "{convs}");
    let audience =
        pixeltales::store::reach::presence_audience(&s.db(), kid.user_id).expect("audience");
    assert!(!audience.contains(&adult.user_id), "{audience:?}");
}

#[tokio::test]
async fn guesses_from_elsewhere_do_not_lock_a_child_out_of_the_classroom_tablet() {
    // Behind one proxy hop, X-Forwarded-For names the client: two places can be simulated.
    let s = TestServer::start_with(&["--proxy-hops", "1"]).await;
    s.register("tablet_kid", "child").await;
    let from = |ip: &'static str, password: &'static str| {
        let s = &s;
        async move {
            s.post("/api/auth/login")
                .header("x-forwarded-for", ip)
                .json(&json!({ "username": "tablet_kid", "password": password }))
                .send()
                .await
                .status
        }
    };
    for _ in 0..5 {
        assert_eq!(from("203.0.113.66", "wrong-guess").await, 401);
    }
    assert_eq!(
        from("203.0.113.66", PASSWORD).await,
        429,
        "the guesser is slowed down"
    );
    // The classroom is somewhere else: the child signs in at once, again and again.
    for _ in 0..3 {
        assert_eq!(from("198.51.100.7", PASSWORD).await, 200);
    }
    // A trickle of guesses from many places still meets the account's ceiling.
    let mut limited = false;
    for n in 0..60u32 {
        let ip: &'static str = Box::leak(format!("192.0.2.{}", n + 1).into_boxed_str());
        if from(ip, "wrong-guess").await == 429 {
            limited = true;
            break;
        }
    }
    assert!(limited, "the account has a ceiling across addresses");
}

#[tokio::test]
async fn realtime_tickets_are_rate_limited_and_metrics_need_the_proxy_header() {
    let s = TestServer::start_with(&["--proxy-hops", "1"]).await;
    let kid = s.register("ticket_kid", "child").await;
    let mut statuses = Vec::new();
    for _ in 0..62 {
        let r = s
            .post("/api/realtime/ticket")
            .header("x-forwarded-for", "198.51.100.9")
            .bearer(&kid.access)
            .send()
            .await;
        statuses.push(r.status);
    }
    assert!(statuses[..60].iter().all(|s| *s == 200), "{statuses:?}");
    assert_eq!(statuses[61], 429, "{statuses:?}");
    // Loopback without the proxy's header is not "this machine" behind a proxy.
    let r = s.get("/metrics").send().await;
    assert_eq!(r.status, 401, "{}", r.text());
}

// --- Attacks found by the review of the first version -----------------------------------------

#[tokio::test]
async fn a_child_who_has_a_grown_up_cannot_be_linked_to_a_stranger_with_a_code() {
    let s = TestServer::start().await;
    let mum = s.register("mum_l", "parent").await;
    let kid = s.child_of(&mum, "kid_l").await;
    let stranger = s.register("stranger_l", "parent").await;
    // The child cannot hand themselves to another adult.
    let r = s
        .post("/api/family/link-codes")
        .bearer(&kid.access)
        .json(&json!({}))
        .send()
        .await;
    assert_eq!(
        (r.status, r.code()),
        (403, "ask_your_grown_up".into()),
        "{}",
        r.text()
    );
    // A code the child made before having a grown-up stops working once they have one.
    let solo = s.register("solo_l", "child").await;
    let r = s
        .post("/api/family/link-codes")
        .bearer(&solo.access)
        .json(&json!({}))
        .send()
        .await;
    let early = r.json()["code"].as_str().expect("code").to_string();
    let dad = s.register("dad_l", "parent").await;
    let r = s
        .post("/api/family/link-codes")
        .bearer(&solo.access)
        .json(&json!({}))
        .send()
        .await;
    let second = r.json()["code"].as_str().expect("code").to_string();
    let r = s
        .post("/api/family/link")
        .bearer(&dad.access)
        .json(&json!({ "code": second }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = s
        .post("/api/family/link")
        .bearer(&stranger.access)
        .json(&json!({ "code": early }))
        .send()
        .await;
    assert_eq!(r.status, 400, "{}", r.text());
    // A second grown-up comes through a code the first one made, and the first is told.
    let r = s
        .post("/api/family/link-codes")
        .bearer(&mum.access)
        .json(&json!({ "child_id": kid.user_id }))
        .send()
        .await;
    let code = r.json()["code"].as_str().expect("code").to_string();
    let gran = s.register("gran_l", "parent").await;
    let r = s
        .post("/api/family/link")
        .bearer(&gran.access)
        .json(&json!({ "code": code }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let n = s
        .get("/api/notifications")
        .bearer(&mum.access)
        .send()
        .await
        .json();
    assert!(
        n["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|i| i["type"] == "family_guardian_added"),
        "{n}"
    );
}

#[tokio::test]
async fn an_invite_cannot_bring_a_child_into_a_room_with_an_adult_who_is_not_theirs() {
    let s = TestServer::start().await;
    let dad = s.register("dad_r", "parent").await;
    let host = s.child_of(&dad, "host_r").await;
    let pal = s.register("pal_r", "child").await;
    // The host's friend, through the grown-up's OK.
    friends_with_ok(&s, &pal, &host, "host_r", &dad).await;
    let (session, code) = drawing_session(&s, &host).await;
    // Dad joins his own child's room.
    let r = s
        .post("/api/collab/join")
        .bearer(&dad.access)
        .json(&json!({ "code": code }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    // Now the pal may not be invited into a room with someone else's dad...
    let r = invite(&s, &host, session, pal.user_id).await;
    assert_eq!(r.status, 403, "{}", r.text());
    // ...and an invite sent before dad came in cannot be accepted after.
    let (second, code2) = drawing_session(&s, &host).await;
    let r = invite(&s, &host, second, pal.user_id).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let r = s
        .post("/api/collab/join")
        .bearer(&dad.access)
        .json(&json!({ "code": code2 }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let invites = s
        .get("/api/collab/invites")
        .bearer(&pal.access)
        .send()
        .await
        .json();
    let iid = invites["items"][0]["id"].as_i64().expect("invite");
    let r = s
        .post(&format!("/api/collab/invites/{iid}/accept"))
        .bearer(&pal.access)
        .send()
        .await;
    assert_eq!(r.status, 404, "{}", r.text());
}

#[tokio::test]
async fn a_co_author_request_cannot_put_a_child_in_a_draft_with_an_adult_who_is_not_theirs() {
    let s = TestServer::start().await;
    let dad = s.register("dad_s", "parent").await;
    let kid = s.child_of(&dad, "kid_s").await;
    let pal = s.register("pal_s", "child").await;
    friends_with_ok(&s, &pal, &kid, "kid_s", &dad).await;
    let story = s.story(&kid.access, "Family book", &["Once."]).await["id"]
        .as_i64()
        .expect("id");
    s.coauthor(&kid, story, &dad).await;
    let r = s
        .post(&format!("/api/stories/{story}/coauthors"))
        .bearer(&kid.access)
        .json(&json!({ "user_id": pal.user_id }))
        .send()
        .await;
    assert_eq!(
        (r.status, r.code()),
        (403, "not_friends".into()),
        "{}",
        r.text()
    );
}

#[tokio::test]
async fn a_teacher_whose_approval_is_taken_back_loses_the_class() {
    let s = TestServer::start().await;
    let teacher = s.teacher("ms_gone").await;
    let pupil = s.register("pupil_g", "child").await;
    let cid = class_of(&s, &teacher, &[&pupil]).await;
    let admin = s.register("boss_g", "parent").await;
    s.make_admin(&admin);
    let r = s
        .patch(&format!("/api/admin/users/{}", teacher.user_id))
        .bearer(&admin.access)
        .json(&json!({ "approved": false }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    for path in [
        format!("/api/classes/{cid}"),
        format!("/api/classes/{cid}/report"),
    ] {
        let r = s.get(&path).bearer(&teacher.access).send().await;
        assert_eq!(r.status, 404, "{path}: {}", r.text());
    }
    let r = s
        .get("/api/leaderboard?scope=class")
        .bearer(&teacher.access)
        .send()
        .await;
    assert!(!r.text().contains("pupil_g"), "{}", r.text());
}

#[tokio::test]
async fn a_place_the_child_signed_in_from_before_gets_in_when_guesses_fill_the_ceiling() {
    let s = TestServer::start_with(&["--proxy-hops", "1"]).await;
    s.register("steady_kid", "child").await;
    let from = |ip: String, password: &'static str| {
        let s = &s;
        async move {
            s.post("/api/auth/login")
                .header("x-forwarded-for", &ip)
                .json(&json!({ "username": "steady_kid", "password": password }))
                .send()
                .await
                .status
        }
    };
    // The classroom tablet signs in once.
    assert_eq!(from("198.51.100.20".into(), PASSWORD).await, 200);
    // Guesses from a crowd of addresses fill the account's ceiling...
    let mut limited = false;
    for n in 0..80u32 {
        if from(format!("192.0.2.{}", n + 1), "wrong-guess").await == 429 {
            limited = true;
            break;
        }
    }
    assert!(limited);
    // ...a new place is held back, but the tablet still gets in.
    assert_eq!(from("203.0.113.200".into(), PASSWORD).await, 429);
    assert_eq!(from("198.51.100.20".into(), PASSWORD).await, 200);
}

#[tokio::test]
async fn an_unrelated_adults_like_or_comment_never_pings_a_child_and_names_hold_no_numbers() {
    let s = TestServer::start().await;
    let kid = s.register("author_n", "child").await;
    let story = s.published(&kid.access, "My cat", &["Meow."]).await;
    let adult = s.register("liker_n", "parent").await;
    let r = s
        .patch("/api/me")
        .bearer(&adult.access)
        .json(&json!({ "display_name": "DM 917.5558217" }))
        .send()
        .await;
    assert_eq!(
        (r.status, r.code()),
        (422, "personal_details".into()),
        "{}",
        r.text()
    );
    let r = s
        .post(&format!("/api/stories/{story}/like"))
        .bearer(&adult.access)
        .send()
        .await;
    assert!(r.status < 300, "{}", r.text());
    let n = s
        .get("/api/notifications")
        .bearer(&kid.access)
        .send()
        .await
        .json();
    let items = n["items"].as_array().expect("items");
    assert!(
        items.iter().all(|i| i["actor"]["id"] != adult.user_id),
        "{n}"
    );
    // A classmate's like still arrives.
    let pal = s.register("pal_n", "child").await;
    s.post(&format!("/api/stories/{story}/like"))
        .bearer(&pal.access)
        .send()
        .await;
    let n = s
        .get("/api/notifications")
        .bearer(&kid.access)
        .send()
        .await
        .json();
    assert!(
        n["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|i| i["actor"]["id"] == pal.user_id),
        "{n}"
    );
}

//! The ways around the classroom's rules, tried as an attacker would: approving content the
//! teacher never read, a class child's words leaving by a side door, cards that outlive their
//! child or teacher, a teacher whose approval was taken back, and guessing pictures slowly
//! from many places.

use super::{open_class, pictures, roster, sign_in};
use crate::common::{Session, TestServer};
use serde_json::{Value, json};

async fn cards(s: &TestServer, t: &Session, class: i64) -> Vec<Value> {
    let r = s
        .post(&format!("/api/classes/{class}/cards"))
        .bearer(&t.access)
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()["cards"].as_array().expect("cards").clone()
}

fn secret(card: &Value) -> String {
    card["url"]
        .as_str()
        .and_then(|u| u.split_once('#'))
        .map(|(_, s)| s.to_string())
        .expect("secret")
}

async fn card_login(s: &TestServer, secret: &str) -> crate::common::Resp {
    s.post("/api/auth/card")
        .json(&json!({ "secret": secret }))
        .send()
        .await
}

#[tokio::test]
async fn an_approval_names_the_content_the_teacher_read_and_nothing_written_after() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, _) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana\nBen").await;
    let ana = sign_in(&s, &kids[0]).await;
    let ben = sign_in(&s, &kids[1]).await;
    let story = s.story(&ana.access, "Kind", &["Ben is nice."]).await;
    let (id, page) = (
        story["id"].as_i64().expect("id"),
        story["pages"][0]["id"].as_i64().expect("page"),
    );
    s.post(&format!("/api/stories/{id}/publish"))
        .bearer(&ana.access)
        .send()
        .await;
    // The teacher reads it...
    let read = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&t.access)
        .send()
        .await
        .json();
    let seen = read["review"]["fingerprint"].clone();
    assert!(seen.is_string(), "{read}");
    // ...the child changes it while it waits...
    let r = s
        .call("PUT", &format!("/api/stories/{id}/pages/{page}"))
        .bearer(&ana.access)
        .json(&json!({ "text": "Ben is not my friend.", "version": 1 }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    // ...and the approval of what the teacher read does not publish what is there now.
    let r = s
        .post(&format!("/api/classes/{class}/reviews/{id}/approve"))
        .bearer(&t.access)
        .json(&json!({ "fingerprint": seen }))
        .send()
        .await;
    assert_eq!(r.status, 409, "{}", r.text());
    assert_eq!(r.code(), "story_changed");
    let r = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&ben.access)
        .send()
        .await;
    assert_eq!(r.status, 404);
    for bad in [
        json!({}),
        json!({ "fingerprint": 5 }),
        json!({ "fingerprint": "x" }),
    ] {
        let r = s
            .post(&format!("/api/classes/{class}/reviews/{id}/approve"))
            .bearer(&t.access)
            .json(&bad)
            .send()
            .await;
        assert!(
            [400, 409].contains(&r.status),
            "{bad}: {} {}",
            r.status,
            r.text()
        );
    }
}

#[tokio::test]
async fn a_class_child_who_wrote_and_left_a_story_still_makes_it_wait_for_the_teacher() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, _) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana").await;
    let ana = sign_in(&s, &kids[0]).await;
    let mum = s.register("mum", "parent").await;
    let outside = s.child_of(&mum, "outside_kid").await;
    s.db_rw()
        .execute(
            "INSERT INTO friends (user_id, friend_id, since) VALUES (?1, ?2, 0), (?2, ?1, 0)",
            [outside.user_id, ana.user_id],
        )
        .expect("friends");
    let id = s.story(&outside.access, "Ours", &["Hi."]).await["id"]
        .as_i64()
        .expect("id");
    s.coauthor(&outside, id, &ana).await;
    let r = s
        .post(&format!("/api/stories/{id}/pages"))
        .bearer(&ana.access)
        .json(&json!({ "text": "Words from a class child." }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let r = s
        .delete(&format!("/api/stories/{id}/coauthors/{}", ana.user_id))
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    let r = s
        .post(&format!("/api/stories/{id}/publish"))
        .bearer(&outside.access)
        .send()
        .await;
    assert_eq!(
        r.status,
        202,
        "leaving does not take the words past the teacher: {}",
        r.text()
    );
}

#[tokio::test]
async fn cards_are_only_for_children_the_class_made_and_end_with_a_move_a_removal_or_a_new_password()
 {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, _) = open_class(&s, &t, "Sampaguita").await;
    let (other, _) = open_class(&s, &t, "Ilang-ilang").await;
    let kids = roster(&s, &t, class, "Ana\nBen\nCara").await;
    // A child who joined with the code (their family's account) gets no card.
    let mum = s.register("mum", "parent").await;
    let family_kid = s.child_of(&mum, "family_kid").await;
    s.db_rw()
        .execute(
            "INSERT INTO class_members (class_id, user_id, joined_at) VALUES (?1, ?2, 0)",
            [class, family_kid.user_id],
        )
        .expect("member");
    let printed = cards(&s, &t, class).await;
    assert_eq!(
        printed.len(),
        3,
        "only the class's own children: {printed:?}"
    );
    assert!(printed.iter().all(|c| c["user_id"] != family_kid.user_id));
    let card_of = |kid: &Value| {
        secret(
            printed
                .iter()
                .find(|c| c["user_id"] == kid["id"])
                .expect("card"),
        )
    };
    let (ana, ben, cara) = (card_of(&kids[0]), card_of(&kids[1]), card_of(&kids[2]));
    // A move: the new class prints its own card; the family child cannot be moved.
    let r = s
        .post(&format!(
            "/api/classes/{class}/members/{}/move",
            kids[0]["id"]
        ))
        .bearer(&t.access)
        .json(&json!({ "class_id": other }))
        .send()
        .await;
    assert_eq!(r.status, 204);
    assert_eq!(card_login(&s, &ana).await.code(), "card_revoked");
    let r = s
        .post(&format!(
            "/api/classes/{class}/members/{}/move",
            family_kid.user_id
        ))
        .bearer(&t.access)
        .json(&json!({ "class_id": other }))
        .send()
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "not_managed");
    // New pictures from the teacher (or a parent): the card goes with the old password.
    s.post(&format!(
        "/api/classes/{class}/members/{}/password",
        kids[1]["id"]
    ))
    .bearer(&t.access)
    .json(&json!({}))
    .send()
    .await;
    assert_eq!(card_login(&s, &ben).await.code(), "card_revoked");
    // Removed (the account closes): the card too.
    s.delete(&format!("/api/classes/{class}/members/{}", kids[2]["id"]))
        .bearer(&t.access)
        .send()
        .await;
    assert_eq!(card_login(&s, &cara).await.status, 401);
}

#[tokio::test]
async fn a_teacher_whose_approval_is_taken_back_reaches_no_child_and_their_cards_stop() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, code) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana").await;
    let card = secret(&cards(&s, &t, class).await[0]);
    let admin = s.register("root", "parent").await;
    s.make_admin(&admin);
    let r = s
        .patch(&format!("/api/admin/users/{}", t.user_id))
        .bearer(&admin.access)
        .json(&json!({ "approved": false }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        s.get(&format!("/api/class-signin/{code}"))
            .send()
            .await
            .code(),
        "class_closed"
    );
    assert_eq!(card_login(&s, &card).await.status, 401);
    assert_eq!(
        s.get("/api/teacher/home")
            .bearer(&t.access)
            .send()
            .await
            .status,
        403
    );
    // A friend request to the class's child waits; the teacher does not see it.
    let outsider = s.register("outsider", "child").await;
    let r = s
        .post("/api/friends/requests")
        .bearer(&outsider.access)
        .json(&json!({ "username": kids[0]["username"] }))
        .send()
        .await;
    assert_eq!(r.json()["status"], "waiting_for_grown_up", "{}", r.text());
    let list = s
        .get("/api/family/requests")
        .bearer(&t.access)
        .send()
        .await
        .json();
    assert_eq!(list["items"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn deleting_a_class_closes_the_accounts_it_made_and_archiving_keeps_the_teacher_answering() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, _) = open_class(&s, &t, "Year one").await;
    let (gone, _) = open_class(&s, &t, "Deleted").await;
    let kids = roster(&s, &t, class, "Ana").await;
    let lost = roster(&s, &t, gone, "Ben").await;
    s.post(&format!("/api/classes/{class}/archive"))
        .bearer(&t.access)
        .send()
        .await;
    // Archived: the teacher still answers for Ana's new friends, and her stories still wait.
    let outsider = s.register("outsider", "child").await;
    let r = s
        .post("/api/friends/requests")
        .bearer(&outsider.access)
        .json(&json!({ "username": kids[0]["username"] }))
        .send()
        .await;
    assert_eq!(r.json()["status"], "waiting_for_grown_up");
    let list = s
        .get("/api/family/requests")
        .bearer(&t.access)
        .send()
        .await
        .json();
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1));
    let ana = sign_in(&s, &kids[0]).await;
    let id = s.story(&ana.access, "Summer", &["Hi."]).await["id"]
        .as_i64()
        .expect("id");
    let r = s
        .post(&format!("/api/stories/{id}/publish"))
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!(r.status, 202);
    // Deleted: Ben has nobody left to sign him in or answer for him; his account closes.
    let r = s
        .delete(&format!("/api/classes/{gone}"))
        .bearer(&t.access)
        .send()
        .await;
    assert_eq!(r.status, 204);
    let r = s
        .post("/api/auth/login")
        .json(&json!({ "username": lost[0]["username"], "picture": pictures(&lost[0]) }))
        .send()
        .await;
    assert_eq!(r.code(), "account_closed");
    // An archived class takes no new join requests.
    let joiner = s.register("joiner", "child").await;
    let code: String = s
        .db()
        .query_row(
            "SELECT join_code FROM classes WHERE id = ?1",
            [class],
            |r| r.get(0),
        )
        .expect("code");
    let r = s
        .post("/api/classes/join")
        .bearer(&joiner.access)
        .json(&json!({ "code": code }))
        .send()
        .await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn a_patient_guesser_from_many_addresses_meets_a_daily_ceiling_per_child() {
    // Behind one proxy hop, X-Forwarded-For names the client: many places can be simulated.
    let s = TestServer::start_with(&["--proxy-hops", "1"]).await;
    let t = s.teacher("ms_reyes").await;
    let (class, _) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana").await;
    // Ana has signed in at school before.
    sign_in(&s, &kids[0]).await;
    let mut statuses = Vec::new();
    for n in 0..40u32 {
        let r = s
            .post("/api/auth/login")
            .header("x-forwarded-for", &format!("198.18.{}.{}", n / 200, n % 200 + 1))
            .json(&json!({ "username": kids[0]["username"], "picture": ["cat", "cat", "cat", "cat"] }))
            .send()
            .await;
        statuses.push(r.status);
    }
    let allowed = statuses.iter().filter(|s| **s == 401).count();
    assert!(
        allowed <= 30,
        "at most the day's ceiling of wrong tries gets checked: {allowed}"
    );
    assert!(statuses.contains(&429));
    // The child's own classroom (where she signed in before) still gets in.
    let r = s
        .post("/api/auth/login")
        .json(&json!({ "username": kids[0]["username"], "picture": pictures(&kids[0]) }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removing_a_class_child_from_a_drawing_session_does_not_take_her_strokes_past_the_teacher()
{
    use crate::common::collab::{
        ack, code_of, create_session, draw, first_page, id_of, join_ok, kick, open_room, start,
    };
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, _) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana").await;
    let ana = sign_in(&s, &kids[0]).await;
    // A friend from outside the class hosts.
    let mum = s.register("mum", "parent").await;
    let host = s.child_of(&mum, "outside_host").await;
    s.db_rw()
        .execute(
            "INSERT INTO friends (user_id, friend_id, since) VALUES (?1, ?2, 0), (?2, ?1, 0)",
            [host.user_id, ana.user_id],
        )
        .expect("friends");
    let created = create_session(&s, &host.access, json!({ "title": "Ours" })).await;
    let id = id_of(&created);
    join_ok(&s, &ana.access, &code_of(&created)).await;
    start(&s, &host.access, id).await;
    let (mut h, st) = open_room(&s, &host.access, id).await;
    let (mut a, _) = open_room(&s, &ana.access, id).await;
    let p1 = first_page(&st);
    ack(&mut a, id, "a-1", draw(&p1, 1.0)).await;
    ack(&mut h, id, "h-1", draw(&p1, 2.0)).await;
    let r = kick(&s, &host.access, id, ana.user_id).await;
    assert!(r.status < 300, "{}", r.text());
    h.send(json!({ "type": "collab.vote_start", "session_id": id }))
        .await;
    let story = h.next_of("collab.published").await["story_id"]
        .as_i64()
        .expect("story");
    let r = s
        .get(&format!("/api/stories/{story}"))
        .bearer(&host.access)
        .send()
        .await
        .json();
    assert_eq!(r["status"], "draft", "{r}");
    assert_eq!(r["review"]["status"], "waiting");
}

#[tokio::test]
async fn class_codes_cannot_be_walked_even_from_a_trusted_school_network() {
    let s = TestServer::start_with(&["--trusted-networks", "127.0.0.0/8"]).await;
    let mut statuses = Vec::new();
    for n in 0..15u32 {
        let code = format!(
            "ZZZZ{}{}",
            (b'A' + (n / 8) as u8) as char,
            (b'A' + (n % 8) as u8) as char
        );
        statuses.push(
            s.get(&format!("/api/class-signin/{code}"))
                .send()
                .await
                .status,
        );
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    assert!(
        statuses.iter().all(|c| [404, 429].contains(c)),
        "{statuses:?}"
    );
}

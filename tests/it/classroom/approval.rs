//! Publishing approval: a class child's story waits for the teacher, is approved or returned
//! with a note (the child hears either way), and then shows in the class library and book.

use super::{open_class, roster, sign_in};
use crate::common::{Session, TestServer};
use serde_json::{Value, json};

/// The teacher approves a story as they read it (its review fingerprint from the story).
async fn approve(s: &TestServer, t: &Session, class: i64, story: i64) -> crate::common::Resp {
    let read = s
        .get(&format!("/api/stories/{story}"))
        .bearer(&t.access)
        .send()
        .await
        .json();
    let fingerprint = read["review"]["fingerprint"].clone();
    s.post(&format!("/api/classes/{class}/reviews/{story}/approve"))
        .bearer(&t.access)
        .json(&json!({ "fingerprint": fingerprint }))
        .send()
        .await
}

async fn notifications(s: &TestServer, who: &Session) -> Vec<Value> {
    s.get("/api/notifications")
        .bearer(&who.access)
        .send()
        .await
        .json()["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[tokio::test]
async fn a_story_waits_for_the_teacher_and_reaches_the_class_library_once_approved() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, _) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana\nBen").await;
    let ana = sign_in(&s, &kids[0]).await;
    let ben = sign_in(&s, &kids[1]).await;

    let story = s
        .story(&ana.access, "The Brave Turtle", &["A turtle went far."])
        .await;
    let id = story["id"].as_i64().expect("present");
    let r = s
        .post(&format!("/api/stories/{id}/publish"))
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!(r.status, 202, "waiting, not an error: {}", r.text());
    assert_eq!(r.json()["status"], "draft");
    assert_eq!(r.json()["review"]["status"], "waiting");
    // Nobody else can read it yet; the library does not list it.
    let r = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&ben.access)
        .send()
        .await;
    assert_eq!(r.status, 404);
    let lib = s
        .get(&format!("/api/stories?class={class}"))
        .bearer(&ben.access)
        .send()
        .await
        .json();
    assert_eq!(lib["items"].as_array().expect("present").len(), 0);
    // The teacher hears, reads it, and approves.
    let note = notifications(&s, &t).await;
    assert!(note.iter().any(|n| n["type"] == "story_review"), "{note:?}");
    let waiting = s
        .get(&format!("/api/classes/{class}/reviews"))
        .bearer(&t.access)
        .send()
        .await
        .json();
    assert_eq!(waiting["items"][0]["story"]["id"], id);
    let r = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&t.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "the teacher reads a waiting story");
    let r = approve(&s, &t, class, id).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&ben.access)
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["status"], "published");
    assert!(
        notifications(&s, &ana)
            .await
            .iter()
            .any(|n| n["type"] == "story_approved")
    );
    let lib = s
        .get(&format!("/api/stories?class={class}"))
        .bearer(&ben.access)
        .send()
        .await
        .json();
    assert_eq!(lib["items"][0]["id"], id);
    // Approving twice is a clear 404, not a second publish.
    let r = approve(&s, &t, class, id).await;
    assert_eq!(r.status, 404);
    // The class book holds it, whole.
    let book = s
        .get(&format!("/api/classes/{class}/book"))
        .bearer(&t.access)
        .send()
        .await
        .json();
    assert_eq!(book["stories"][0]["pages"][0]["text"], "A turtle went far.");
    // The class library is for the class only.
    let outsider = s.register("outsider", "child").await;
    let r = s
        .get(&format!("/api/stories?class={class}"))
        .bearer(&outsider.access)
        .send()
        .await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn a_returned_story_comes_back_with_a_kind_note_and_can_be_sent_again() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, _) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana").await;
    let ana = sign_in(&s, &kids[0]).await;
    let id = s.story(&ana.access, "Moon", &["The moon."]).await["id"]
        .as_i64()
        .expect("present");
    let publish = || {
        let call = s
            .post(&format!("/api/stories/{id}/publish"))
            .bearer(&ana.access);
        async move { call.send().await }
    };
    assert_eq!(publish().await.status, 202);
    // A rude note is refused like any text a child reads.
    let r = s
        .post(&format!("/api/classes/{class}/reviews/{id}/return"))
        .bearer(&t.access)
        .json(&json!({ "note": "this is shit" }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    let r = s
        .post(&format!("/api/classes/{class}/reviews/{id}/return"))
        .bearer(&t.access)
        .json(&json!({ "note": "Lovely! Add a picture of the moon, please." }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let story = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&ana.access)
        .send()
        .await
        .json();
    assert_eq!(story["status"], "draft");
    assert_eq!(story["review"]["status"], "returned");
    assert!(
        story["review"]["note"]
            .as_str()
            .expect("present")
            .contains("picture of the moon")
    );
    let n = notifications(&s, &ana).await;
    let back = n
        .iter()
        .find(|n| n["type"] == "story_returned")
        .expect("told");
    assert!(back.to_string().contains("picture of the moon"), "{back}");
    // Sent again: waiting again.
    assert_eq!(publish().await.status, 202);
    let waiting = s
        .get(&format!("/api/classes/{class}/reviews"))
        .bearer(&t.access)
        .send()
        .await
        .json();
    assert_eq!(waiting["items"].as_array().expect("present").len(), 1);
    // Turning approval off lets the class publish straight away.
    s.patch(&format!("/api/classes/{class}/settings"))
        .bearer(&t.access)
        .json(&json!({ "needs_approval": false }))
        .send()
        .await;
    let other = s.story(&ana.access, "Sun", &["The sun."]).await["id"]
        .as_i64()
        .expect("present");
    let r = s
        .post(&format!("/api/stories/{other}/publish"))
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn the_teachers_home_shows_classes_waiting_stories_new_stories_and_who_needs_help() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, code) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana\nBen\nCara").await;
    let ana = sign_in(&s, &kids[0]).await;
    let id = s.story(&ana.access, "Moon", &["The moon."]).await["id"]
        .as_i64()
        .expect("present");
    s.post(&format!("/api/stories/{id}/publish"))
        .bearer(&ana.access)
        .send()
        .await;
    // Ben forgets his pictures.
    let r = s
        .post(&format!("/api/class-signin/{code}"))
        .json(&json!({ "user_id": kids[1]["id"], "picture": ["cat", "cat", "cat", "dog"] }))
        .send()
        .await;
    assert_eq!(r.status, 401);
    let home = s.get("/api/teacher/home").bearer(&t.access).send().await;
    assert_eq!(home.status, 200, "{}", home.text());
    let home = home.json();
    assert_eq!(home["classes"][0]["name"], "Sampaguita");
    assert_eq!(home["classes"][0]["waiting"], 1);
    assert_eq!(home["waiting"][0]["story"]["title"], "Moon");
    let help: Vec<(&str, &str)> = home["help"]
        .as_array()
        .expect("present")
        .iter()
        .map(|h| {
            (
                h["child"]["display_name"].as_str().expect("present"),
                h["why"].as_str().expect("present"),
            )
        })
        .collect();
    assert_eq!(help, [("Ben", "forgot_pictures")], "{help:?}");
    // Not for children.
    let r = s.get("/api/teacher/home").bearer(&ana.access).send().await;
    assert_eq!(r.status, 403);
}

#[tokio::test]
async fn a_child_outside_any_approving_class_publishes_at_once_and_old_classes_keep_their_way() {
    let s = TestServer::start().await;
    let kid = s.register("solo_kid", "child").await;
    s.published(&kid.access, "Alone", &["Hello."]).await;
    // A class made before approval existed (needs_approval 0, as the migration leaves it).
    let t = s.teacher("ms_old").await;
    let (class, _) = open_class(&s, &t, "Old class").await;
    s.db_rw()
        .execute(
            "UPDATE classes SET needs_approval = 0 WHERE id = ?1",
            [class],
        )
        .expect("present");
    let kids = roster(&s, &t, class, "Ana").await;
    let ana = sign_in(&s, &kids[0]).await;
    s.published(&ana.access, "Straight in", &["Hi."]).await;
}

#[tokio::test]
async fn changing_an_approved_story_sends_it_back_to_the_teacher_before_anyone_reads_the_change() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, _) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana\nBen").await;
    let ana = sign_in(&s, &kids[0]).await;
    let ben = sign_in(&s, &kids[1]).await;
    let story = s.story(&ana.access, "Kind words", &["Ben is nice."]).await;
    let id = story["id"].as_i64().expect("id");
    let page = story["pages"][0]["id"].as_i64().expect("page");
    s.post(&format!("/api/stories/{id}/publish"))
        .bearer(&ana.access)
        .send()
        .await;
    approve(&s, &t, class, id).await;
    let read = |who: &Session| {
        let call = s.get(&format!("/api/stories/{id}")).bearer(&who.access);
        async move { call.send().await }
    };
    assert_eq!(read(&ben).await.status, 200);
    // Every way of changing it: the page text, the title, a new page.
    for change in 0..3 {
        let r = match change {
            0 => {
                s.call("PUT", &format!("/api/stories/{id}/pages/{page}"))
                    .bearer(&ana.access)
                    .json(&json!({ "text": "Ben is not my friend.", "version": 1 }))
                    .send()
                    .await
            }
            1 => {
                s.patch(&format!("/api/stories/{id}"))
                    .bearer(&ana.access)
                    .json(&json!({ "title": "Not so kind" }))
                    .send()
                    .await
            }
            _ => {
                s.post(&format!("/api/stories/{id}/pages"))
                    .bearer(&ana.access)
                    .json(&json!({ "text": "More." }))
                    .send()
                    .await
            }
        };
        assert!(r.status < 300, "change {change}: {} {}", r.status, r.text());
        assert_eq!(
            read(&ben).await.status,
            404,
            "change {change} is not read before approval"
        );
        let waiting = s
            .get(&format!("/api/classes/{class}/reviews"))
            .bearer(&t.access)
            .send()
            .await
            .json();
        assert_eq!(waiting["items"][0]["story"]["id"], id, "change {change}");
        approve(&s, &t, class, id).await;
        assert_eq!(read(&ben).await.status, 200);
    }
}

#[tokio::test]
async fn a_class_childs_words_need_approval_even_as_a_co_author_of_someone_outside_the_class() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, _) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana").await;
    let ana = sign_in(&s, &kids[0]).await;
    let mum = s.register("mum", "parent").await;
    let outside = s.child_of(&mum, "outside_kid").await;
    // Friends (the parent approves outside-class friends), then co-authors.
    s.db_rw()
        .execute(
            "INSERT INTO friends (user_id, friend_id, since) VALUES (?1, ?2, 0), (?2, ?1, 0)",
            [outside.user_id, kids[0]["id"].as_i64().expect("id")],
        )
        .expect("friends");
    let id = s.story(&outside.access, "Together", &["Hi."]).await["id"]
        .as_i64()
        .expect("id");
    s.coauthor(&outside, id, &ana).await;
    let r = s
        .post(&format!("/api/stories/{id}/publish"))
        .bearer(&outside.access)
        .send()
        .await;
    assert_eq!(r.status, 202, "{}", r.text());
    let waiting = s
        .get(&format!("/api/classes/{class}/reviews"))
        .bearer(&t.access)
        .send()
        .await
        .json();
    assert_eq!(waiting["items"][0]["story"]["id"], id);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_story_drawn_together_in_a_class_waits_for_the_teacher_too() {
    use crate::common::collab::{
        ack, code_of, create_session, draw, first_page, id_of, join_ok, open_room, start,
    };
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, _) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana\nBen").await;
    let ana = sign_in(&s, &kids[0]).await;
    let ben = sign_in(&s, &kids[1]).await;
    let created = create_session(&s, &ana.access, json!({ "title": "Dragon Days" })).await;
    let id = id_of(&created);
    join_ok(&s, &ben.access, &code_of(&created)).await;
    start(&s, &ana.access, id).await;
    let (mut a, st) = open_room(&s, &ana.access, id).await;
    let (mut b, _) = open_room(&s, &ben.access, id).await;
    let p1 = first_page(&st);
    ack(&mut a, id, "a-1", draw(&p1, 1.0)).await;
    ack(&mut b, id, "b-1", draw(&p1, 2.0)).await;
    a.send(json!({ "type": "collab.vote_start", "session_id": id }))
        .await;
    b.next_of("collab.vote_started").await;
    b.send(json!({ "type": "collab.vote", "session_id": id, "yes": true }))
        .await;
    let story = a.next_of("collab.published").await["story_id"]
        .as_i64()
        .expect("story");
    let r = s
        .get(&format!("/api/stories/{story}"))
        .bearer(&ana.access)
        .send()
        .await
        .json();
    assert_eq!(r["status"], "draft", "{r}");
    assert_eq!(r["review"]["status"], "waiting");
    let outsider = s.register("outsider", "child").await;
    let r = s
        .get(&format!("/api/stories/{story}"))
        .bearer(&outsider.access)
        .send()
        .await;
    assert_eq!(r.status, 404);
    let r = approve(&s, &t, class, story).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = s
        .get(&format!("/api/stories/{story}"))
        .bearer(&outsider.access)
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["coauthors"][0]["id"], kids[1]["id"]);
}

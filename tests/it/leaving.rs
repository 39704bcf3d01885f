//! Leaving, through the real server: a person downloads everything they made (with their
//! pictures) and deletes their account; a linked parent does both for their child; an admin
//! deletes any account. What only they owned is gone; what stays says nothing about them.

use crate::common::{PASSWORD, Session, TestServer, png::png_gray};
use serde_json::{Value, json};

/// A child with a picture story, a comment on a friend's story and a message to the friend.
async fn busy_child(
    s: &TestServer,
    kid: &Session,
    friend: &Session,
    friend_name: &str,
) -> (i64, String) {
    s.befriend(kid, friend, friend_name).await;
    let up = s
        .post("/api/media")
        .bearer(&kid.access)
        .raw(png_gray(8, 8, |x, y| (x * y) as u8), "image/png")
        .send()
        .await;
    assert_eq!(up.status, 201, "{}", up.text());
    let media = up.json()["id"].as_str().expect("id").to_string();
    let r = s
        .post("/api/stories")
        .bearer(&kid.access)
        .json(&json!({ "title": "Sunset", "cover_media_id": media, "pages": [{ "text": "red sky" }] }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let story = r.json()["id"].as_i64().expect("id");
    let theirs = s.published(&friend.access, "Friend tale", &["hello"]).await;
    let r = s
        .post(&format!("/api/stories/{theirs}/comments"))
        .bearer(&kid.access)
        .json(&json!({ "text": "I love it" }))
        .send()
        .await;
    assert_eq!(r.status, 201);
    let r = s
        .post(&format!("/api/conversations/{}/messages", friend.user_id))
        .bearer(&kid.access)
        .json(&json!({ "text": "see you at school" }))
        .send()
        .await;
    assert_eq!(r.status, 201);
    (story, media)
}

fn count(s: &TestServer, sql: &str) -> i64 {
    s.db().query_row(sql, [], |r| r.get(0)).expect("count")
}

#[tokio::test]
async fn a_person_downloads_everything_they_made_with_their_pictures() {
    let s = TestServer::start().await;
    let kid = s.register("tala_x", "child").await;
    let friend = s.register("amihan_x", "child").await;
    let (story, media) = busy_child(&s, &kid, &friend, "amihan_x").await;

    let r = s.get("/api/me/export").bearer(&kid.access).send().await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(
        r.header("content-disposition")
            .is_some_and(|d| d.contains("attachment"))
    );
    let doc: Value = r.json();
    assert_eq!(doc["format"], "pixeltales-export-1");
    assert_eq!(doc["profile"]["username"], "tala_x");
    assert_eq!(doc["stories"][0]["id"], story);
    assert_eq!(doc["stories"][0]["pages"][0]["text"], "red sky");
    assert_eq!(doc["comments"][0]["text"], "I love it");
    assert_eq!(doc["messages"][0]["text"], "see you at school");
    assert_eq!(doc["pictures"][0]["id"], media.as_str());
    assert!(
        doc["pictures"][0]["bytes_base64url"]
            .as_str()
            .is_some_and(|b| b.len() > 20)
    );
    assert!(
        doc["xp"].as_array().is_some_and(|x| !x.is_empty()),
        "{}",
        doc["xp"]
    );
    // Signed out, or someone else's: nothing.
    assert_eq!(s.get("/api/me/export").send().await.status, 401);
    let stranger = s.register("nosy_x", "parent").await;
    let r = s
        .get(&format!("/api/family/children/{}/export", kid.user_id))
        .bearer(&stranger.access)
        .send()
        .await;
    assert_eq!(r.status, 404, "{}", r.text());
}

#[tokio::test]
async fn a_parent_downloads_and_deletes_their_childs_account_and_nothing_about_the_child_stays() {
    let s = TestServer::start().await;
    let mum = s.register("mum_x", "parent").await;
    let kid = s.child_of(&mum, "bituin_x").await;
    let friend = s.register("ulan_x", "child").await;
    let (_, media) = busy_child(&s, &kid, &friend, "ulan_x").await;
    // A failed sign-in with the child's name leaves a row with the name in it.
    assert_eq!(s.login("bituin_x", "wrong-one").await.status, 401);

    let r = s
        .get(&format!("/api/family/children/{}/export", kid.user_id))
        .bearer(&mum.access)
        .send()
        .await;
    assert_eq!(r.json()["profile"]["username"], "bituin_x");

    let delete = |password: &'static str| {
        let (s, mum, kid) = (&s, &mum, &kid);
        async move {
            s.delete(&format!("/api/family/children/{}/account", kid.user_id))
                .bearer(&mum.access)
                .json(&json!({ "password": password }))
                .send()
                .await
        }
    };
    let r = delete("not-my-password").await;
    assert_eq!(
        (r.status, r.code()),
        (403, "wrong_password".into()),
        "{}",
        r.text()
    );
    let r = delete(PASSWORD).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["removed"]["stories"], 1, "{}", r.text());
    assert_eq!(r.json()["removed"]["pictures"], 1, "{}", r.text());

    assert_eq!(
        s.get("/api/me").bearer(&kid.access).send().await.status,
        401
    );
    let id = kid.user_id;
    assert_eq!(
        count(&s, &format!("SELECT count(*) FROM users WHERE id = {id}")),
        0
    );
    assert_eq!(
        count(
            &s,
            &format!("SELECT count(*) FROM comments WHERE author_id = {id}")
        ),
        0
    );
    assert_eq!(
        count(
            &s,
            &format!("SELECT count(*) FROM messages WHERE sender_id = {id} OR receiver_id = {id}")
        ),
        0
    );
    assert_eq!(
        count(
            &s,
            &format!("SELECT count(*) FROM media WHERE id = '{media}'")
        ),
        0
    );
    // The friend's story keeps its own counters right.
    let theirs = s.get("/api/stories?sort=new").send().await.json();
    assert_eq!(theirs["items"][0]["comment_count"], 0, "{theirs}");
    // The audit trail stays, but holds neither the child's name nor an address.
    let rows: Vec<String> = s
        .db()
        .prepare("SELECT action || ' ' || coalesce(target_id, '-') || ' ' || coalesce(ip, '-') || ' ' || detail FROM audit_log")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    let leaks = count(
        &s,
        "SELECT count(*) FROM audit_log WHERE instr(detail, 'bituin_x') > 0
            OR (target_type = 'user' AND target_id = (SELECT max(target_id) FROM audit_log WHERE action = 'account_deleted') AND ip IS NOT NULL)",
    );
    assert_eq!(leaks, 0, "{rows:#?}");
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM audit_log WHERE action = 'account_deleted' AND ip IS NULL"
        ),
        1
    );
    assert_eq!(s.login("bituin_x", PASSWORD).await.status, 401);
    // The parent's own account is untouched and the child is gone from the dashboard.
    let list = s
        .get("/api/family/children")
        .bearer(&mum.access)
        .send()
        .await
        .json();
    assert_eq!(list["items"], json!([]), "{list}");
}

#[tokio::test]
async fn an_admin_deletes_any_account_but_not_their_own() {
    let s = TestServer::start().await;
    let admin = s.register("boss_x", "parent").await;
    s.make_admin(&admin);
    let kid = s.register("gone_x", "child").await;
    s.published(&kid.access, "Bye", &["bye"]).await;
    let r = s
        .delete(&format!("/api/admin/users/{}", kid.user_id))
        .bearer(&admin.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["removed"]["stories"], 1);
    let r = s
        .delete(&format!("/api/admin/users/{}", admin.user_id))
        .bearer(&admin.access)
        .send()
        .await;
    assert_eq!(r.status, 409);
    let r = s
        .delete(&format!("/api/admin/users/{}", kid.user_id))
        .bearer(&kid.access)
        .send()
        .await;
    assert_eq!(r.status, 401, "the deleted child's token is dead");
}

#[tokio::test]
async fn a_child_with_a_picture_password_confirms_leaving_with_their_pictures() {
    let s = TestServer::start().await;
    let mum = s.register("mum_pic", "parent").await;
    let pics = json!(["cat", "sun", "boat", "cat"]);
    let r = s
        .post("/api/family/children")
        .bearer(&mum.access)
        .json(&json!({ "username": "pic_kid", "display_name": "Bea", "picture": pics }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let login = s
        .post("/api/auth/login")
        .json(&json!({ "username": "pic_kid", "picture": pics }))
        .send()
        .await;
    let kid = Session::from(&login.json());
    let wrong = json!({ "picture": ["sun", "sun", "sun", "sun"] });
    let r = s
        .delete("/api/me")
        .bearer(&kid.access)
        .json(&wrong)
        .send()
        .await;
    assert_eq!(r.status, 403, "{}", r.text());
    let r = s
        .delete("/api/me")
        .bearer(&kid.access)
        .json(&json!({ "picture": pics }))
        .send()
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
}

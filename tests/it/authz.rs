//! The authorization list, one test each: drafts are seen only by their authors, only authors
//! edit, only the owner deletes, only a comment's author or an admin changes it, reactions need
//! a published story, and no id in any path reaches someone else's things.

use crate::common::{Resp, Session, TestServer};
use pixeltales::domain::media::png_header;
use rusqlite::params;
use serde_json::{Value, json};

/// Sends `method path` as `who` (a guest when `None`), with a JSON body unless it is null.
async fn send(
    s: &TestServer,
    who: Option<&Session>,
    method: &str,
    path: &str,
    body: &Value,
) -> Resp {
    let mut c = s.call(method, path);
    if let Some(w) = who {
        c = c.bearer(&w.access);
    }
    if body.is_null() {
        c.send().await
    } else {
        c.json(body).send().await
    }
}

/// Sends as a signed-in user.
async fn act(s: &TestServer, who: &Session, method: &str, path: &str, body: Value) -> Resp {
    send(s, Some(who), method, path, &body).await
}

/// Asserts a status and error code, with context.
fn expect(r: &Resp, status: u16, code: &str, what: &str) {
    assert_eq!(r.status, status, "{what}: {}", r.text());
    assert_eq!(r.code(), code, "{what}");
}

/// One number from the database.
fn number(s: &TestServer, sql: &str, p: impl rusqlite::Params) -> i64 {
    s.db().query_row(sql, p, |r| r.get(0)).expect(sql)
}

fn make_admin(s: &TestServer, who: &Session) {
    s.db_rw()
        .execute(
            "UPDATE users SET role = 'admin' WHERE id = ?1",
            [who.user_id],
        )
        .expect("promote");
}

/// Sends a friend request by username; returns the request id.
async fn ask(s: &TestServer, from: &Session, to: &Session) -> i64 {
    let name: String = s
        .db()
        .query_row(
            "SELECT username FROM users WHERE id = ?1",
            [to.user_id],
            |r| r.get(0),
        )
        .expect("username");
    let body = json!({ "username": name });
    let r = act(s, from, "POST", "/api/friends/requests", body).await;
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()["id"].as_i64().expect("request id")
}

/// Makes two people friends through the API: `a` asks, `b` accepts.
async fn befriend(s: &TestServer, a: &Session, b: &Session) {
    let id = ask(s, a, b).await;
    let r = act(
        s,
        b,
        "POST",
        &format!("/api/friends/requests/{id}/accept"),
        Value::Null,
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
}

/// Adds a co-author to a story (as `by`).
async fn add_coauthor(s: &TestServer, by: &Session, story: i64, user_id: i64) -> Resp {
    let path = format!("/api/stories/{story}/coauthors");
    act(s, by, "POST", &path, json!({ "user_id": user_id })).await
}

/// The id and version of a story's first page.
fn first_page(story: &Value) -> (i64, i64) {
    (
        story["pages"][0]["id"].as_i64().expect("page id"),
        story["pages"][0]["version"].as_i64().expect("page version"),
    )
}

/// Every way to change a story, as (method, path, body).
fn edits(id: i64, page: i64, version: i64, someone: i64) -> Vec<(&'static str, String, Value)> {
    let p = |tail: &str| format!("/api/stories/{id}{tail}");
    vec![
        ("PATCH", p(""), json!({ "title": "Taken Over" })),
        (
            "PUT",
            p(&format!("/pages/{page}")),
            json!({ "text": "gone", "version": version }),
        ),
        ("POST", p("/pages"), json!({ "text": "an extra page" })),
        ("DELETE", p(&format!("/pages/{page}")), Value::Null),
        ("POST", p("/pages/order"), json!({ "page_ids": [page] })),
        ("POST", p("/publish"), Value::Null),
        ("POST", p("/unpublish"), Value::Null),
        ("POST", p("/coauthors"), json!({ "user_id": someone })),
        ("DELETE", p(&format!("/coauthors/{someone}")), Value::Null),
        ("DELETE", p(""), Value::Null),
    ]
}

/// Likes, ratings, comments and saves, as (method, path, body).
fn reactions(id: i64) -> Vec<(&'static str, String, Value)> {
    let p = |tail: &str| format!("/api/stories/{id}{tail}");
    vec![
        ("POST", p("/like"), Value::Null),
        ("PUT", p("/rating"), json!({ "value": 4 })),
        ("POST", p("/comments"), json!({ "text": "Nice" })),
        ("POST", p("/save"), Value::Null),
    ]
}

#[tokio::test]
async fn drafts_are_visible_only_to_their_authors() {
    let s = TestServer::start().await;
    let owner = s.register("owner_d", "child").await;
    let co = s.register("coauthor_d", "child").await;
    let other = s.register("other_d", "child").await;
    befriend(&s, &owner, &co).await;
    let story = s
        .story(&owner.access, "Secret Draft", &["hidden words"])
        .await;
    let id = story["id"].as_i64().expect("id");
    let (page, _) = first_page(&story);
    s.coauthor(&owner, id, &co).await;

    for who in [&owner, &co] {
        let r = act(&s, who, "GET", &format!("/api/stories/{id}"), Value::Null).await;
        assert_eq!(r.status, 200, "{}", r.text());
        assert_eq!(r.json()["pages"][0]["text"], "hidden words");
        let r = act(
            &s,
            who,
            "GET",
            &format!("/api/stories/{id}/comments"),
            Value::Null,
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.text());
    }

    for who in [Some(&other), None] {
        let name = if who.is_some() {
            "another user"
        } else {
            "a guest"
        };
        let r = send(&s, who, "GET", &format!("/api/stories/{id}"), &Value::Null).await;
        expect(
            &r,
            404,
            "story_not_found",
            &format!("{name} reads the draft"),
        );
        assert!(!r.text().contains("hidden words"));
        let r = send(
            &s,
            who,
            "GET",
            &format!("/api/stories/{id}/comments"),
            &Value::Null,
        )
        .await;
        expect(
            &r,
            404,
            "story_not_found",
            &format!("{name} lists comments"),
        );
        let body = json!({ "page_id": page, "finished": true });
        let r = send(&s, who, "POST", &format!("/api/stories/{id}/reads"), &body).await;
        expect(
            &r,
            404,
            "story_not_found",
            &format!("{name} records a read"),
        );
    }
    // The same answer as for a story that does not exist: drafts do not leak.
    let r = act(&s, &other, "GET", "/api/stories/999999", Value::Null).await;
    expect(&r, 404, "story_not_found", "a missing story");

    for (method, path, body) in reactions(id) {
        let r = act(&s, &other, method, &path, body).await;
        expect(&r, 404, "story_not_found", &format!("{method} {path}"));
    }
    let stored = number(
        &s,
        "SELECT (SELECT count(*) FROM story_views) + (SELECT count(*) FROM reading_progress)
              + (SELECT count(*) FROM likes) + (SELECT count(*) FROM comments)
              + (SELECT count(*) FROM ratings) + (SELECT count(*) FROM saves)",
        [],
    );
    assert_eq!(stored, 0, "nothing was stored");

    let library = s.get("/api/stories").send().await.json();
    assert_eq!(library["items"], json!([]));
    let theirs = act(&s, &other, "GET", "/api/me/stories", Value::Null).await;
    assert_eq!(theirs.json()["items"], json!([]));
}

#[tokio::test]
async fn only_authors_edit_a_published_story() {
    let s = TestServer::start().await;
    let owner = s.register("owner_e", "child").await;
    let other = s.register("other_e", "child").await;
    let id = s
        .published(&owner.access, "Finished Tale", &["page one"])
        .await;
    let before = s.get(&format!("/api/stories/{id}")).send().await.json();
    let (page, version) = first_page(&before);

    for (method, path, body) in edits(id, page, version, other.user_id) {
        // Adding a co-author and deleting the story are the owner's; the rest any author's.
        let owners = path.ends_with("/coauthors") || path == format!("/api/stories/{id}");
        let code = if owners && method != "PATCH" {
            "owner_only"
        } else {
            "not_author"
        };
        let r = act(&s, &other, method, &path, body.clone()).await;
        expect(&r, 403, code, &format!("{method} {path}"));
        let r = send(&s, None, method, &path, &body).await;
        assert_eq!(r.status, 401, "a guest: {method} {path}");
    }

    let after = s.get(&format!("/api/stories/{id}")).send().await.json();
    assert_eq!(after["title"], "Finished Tale");
    assert_eq!(after["status"], "published");
    assert_eq!(after["version"], before["version"]);
    assert_eq!(after["pages"], before["pages"], "pages untouched");
    assert_eq!(after["coauthors"], json!([]));
}

#[tokio::test]
async fn someone_elses_draft_is_not_found_for_any_edit() {
    let s = TestServer::start().await;
    let owner = s.register("owner_f", "child").await;
    let other = s.register("other_f", "child").await;
    let story = s
        .story(&owner.access, "Private Draft", &["draft page"])
        .await;
    let id = story["id"].as_i64().expect("id");
    let (page, version) = first_page(&story);

    for (method, path, body) in edits(id, page, version, other.user_id) {
        let r = act(&s, &other, method, &path, body).await;
        expect(&r, 404, "story_not_found", &format!("{method} {path}"));
    }
    let (title, status, pages): (String, String, i64) = s
        .db()
        .query_row(
            "SELECT title, status, page_count FROM stories WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("story");
    assert_eq!(
        (title.as_str(), status.as_str(), pages),
        ("Private Draft", "draft", 1)
    );
}

#[tokio::test]
async fn co_authors_edit_but_only_the_owner_deletes() {
    let s = TestServer::start().await;
    let owner = s.register("owner_o", "child").await;
    let co = s.register("coauthor_o", "child").await;
    let friend = s.register("friend_o", "child").await;
    befriend(&s, &owner, &co).await;
    befriend(&s, &co, &friend).await;
    let story = s.story(&owner.access, "Shared Tale", &["our page"]).await;
    let id = story["id"].as_i64().expect("id");
    let (page, version) = first_page(&story);
    s.coauthor(&owner, id, &co).await;

    let path = format!("/api/stories/{id}");
    let r = act(
        &s,
        &co,
        "PATCH",
        &path,
        json!({ "title": "Our Shared Tale" }),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let body = json!({ "text": "written together", "version": version });
    let r = act(&s, &co, "PUT", &format!("{path}/pages/{page}"), body).await;
    assert_eq!(r.status, 200, "{}", r.text());

    let r = act(&s, &co, "DELETE", &path, Value::Null).await;
    expect(&r, 403, "owner_only", "a co-author deletes");
    let r = add_coauthor(&s, &co, id, friend.user_id).await;
    expect(&r, 403, "owner_only", "a co-author adds a co-author");
    assert_eq!(act(&s, &owner, "GET", &path, Value::Null).await.status, 200);

    let r = act(&s, &owner, "DELETE", &path, Value::Null).await;
    assert_eq!(r.status, 204, "{}", r.text());
    for who in [&owner, &co] {
        let r = act(&s, who, "GET", &path, Value::Null).await;
        expect(&r, 404, "story_not_found", "after deletion");
    }
}

#[tokio::test]
async fn only_the_comment_author_or_an_admin_changes_a_comment() {
    let s = TestServer::start().await;
    let author = s.register("author_c", "child").await;
    let writer = s.register("writer_c", "child").await;
    let other = s.register("other_c", "child").await;
    let admin = s.register("admin_c", "child").await;
    make_admin(&s, &admin);
    let id = s
        .published(&author.access, "Talked About", &["a page"])
        .await;
    let comments = format!("/api/stories/{id}/comments");
    let r = act(
        &s,
        &writer,
        "POST",
        &comments,
        json!({ "text": "What a story" }),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let cid = r.json()["id"].as_i64().expect("id");
    let path = format!("/api/comments/{cid}");

    for (who, name) in [(&other, "another reader"), (&author, "the story's author")] {
        let r = act(&s, who, "PATCH", &path, json!({ "text": "changed" })).await;
        expect(&r, 403, "not_your_comment", &format!("{name} edits"));
        let r = act(&s, who, "DELETE", &path, Value::Null).await;
        expect(&r, 403, "not_your_comment", &format!("{name} deletes"));
    }
    let stored: String = s
        .db()
        .query_row("SELECT text FROM comments WHERE id = ?1", [cid], |r| {
            r.get(0)
        })
        .expect("comment");
    assert_eq!(stored, "What a story");

    let r = act(
        &s,
        &writer,
        "PATCH",
        &path,
        json!({ "text": "What a great story" }),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["edited"], true);
    let r = act(&s, &admin, "PATCH", &path, json!({ "text": "Be kind" })).await;
    assert_eq!(r.status, 200, "an admin edits: {}", r.text());
    assert_eq!(r.json()["text"], "Be kind");
    let r = act(&s, &admin, "DELETE", &path, Value::Null).await;
    assert_eq!(r.status, 204, "an admin deletes: {}", r.text());
    let r = act(&s, &writer, "DELETE", &path, Value::Null).await;
    expect(&r, 404, "comment_not_found", "already gone");

    let r = act(
        &s,
        &writer,
        "POST",
        &comments,
        json!({ "text": "Second thoughts" }),
    )
    .await;
    let second = r.json()["id"].as_i64().expect("id");
    let r = act(
        &s,
        &writer,
        "DELETE",
        &format!("/api/comments/{second}"),
        Value::Null,
    )
    .await;
    assert_eq!(r.status, 204, "the writer deletes their own");
    assert_eq!(number(&s, "SELECT count(*) FROM comments", []), 0);

    // A comment on a story that went back to draft is out of reach, even for its writer.
    let r = act(
        &s,
        &writer,
        "POST",
        &comments,
        json!({ "text": "Before it was hidden" }),
    )
    .await;
    let third = r.json()["id"].as_i64().expect("id");
    let r = act(
        &s,
        &author,
        "POST",
        &format!("/api/stories/{id}/unpublish"),
        Value::Null,
    )
    .await;
    assert_eq!(r.status, 200);
    let r = act(
        &s,
        &writer,
        "PATCH",
        &format!("/api/comments/{third}"),
        json!({ "text": "x" }),
    )
    .await;
    expect(&r, 404, "story_not_found", "a comment on a draft");
}

#[tokio::test]
async fn likes_ratings_and_comments_need_a_published_story() {
    let s = TestServer::start().await;
    let owner = s.register("owner_r", "child").await;
    let reader = s.register("reader_r", "child").await;
    let story = s.story(&owner.access, "Not Yet", &["soon"]).await;
    let id = story["id"].as_i64().expect("id");

    for (method, path, body) in reactions(id) {
        let r = act(&s, &owner, method, &path, body).await;
        expect(
            &r,
            409,
            "not_published",
            &format!("own draft: {method} {path}"),
        );
    }
    let stored = number(
        &s,
        "SELECT (SELECT count(*) FROM likes) + (SELECT count(*) FROM ratings)
              + (SELECT count(*) FROM comments) + (SELECT count(*) FROM saves)",
        [],
    );
    assert_eq!(stored, 0);

    let r = act(
        &s,
        &owner,
        "POST",
        &format!("/api/stories/{id}/publish"),
        Value::Null,
    )
    .await;
    assert_eq!(r.status, 200);
    for (method, path, body) in reactions(id) {
        let r = act(&s, &reader, method, &path, body).await;
        assert!(
            r.status == 200 || r.status == 201,
            "{method} {path}: {}",
            r.text()
        );
    }
    let r = act(
        &s,
        &owner,
        "POST",
        &format!("/api/stories/{id}/unpublish"),
        Value::Null,
    )
    .await;
    assert_eq!(r.status, 200);
    for (method, path, body) in reactions(id) {
        let r = act(&s, &reader, method, &path, body).await;
        expect(
            &r,
            404,
            "story_not_found",
            &format!("unpublished: {method} {path}"),
        );
    }
}

#[tokio::test]
async fn characters_of_others_are_not_found() {
    let s = TestServer::start().await;
    let ana = s.register("ana_ch", "child").await;
    let ben = s.register("ben_ch", "child").await;
    let body = json!({ "name": "Captain Cat", "description": "A brave cat" });
    let r = act(&s, &ana, "POST", "/api/characters", body).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let cid = r.json()["id"].as_i64().expect("id");
    let path = format!("/api/characters/{cid}");

    let r = act(&s, &ben, "PATCH", &path, json!({ "name": "Stolen Cat" })).await;
    expect(
        &r,
        404,
        "character_not_found",
        "editing another's character",
    );
    let r = act(&s, &ben, "DELETE", &path, Value::Null).await;
    expect(
        &r,
        404,
        "character_not_found",
        "deleting another's character",
    );
    let theirs = act(&s, &ben, "GET", "/api/characters", Value::Null)
        .await
        .json();
    assert_eq!(theirs["items"], json!([]));
    let mine = act(&s, &ana, "GET", "/api/characters", Value::Null)
        .await
        .json();
    assert_eq!(mine["items"][0]["name"], "Captain Cat");
    let r = send(&s, None, "PATCH", &path, &json!({ "name": "X" })).await;
    assert_eq!(r.status, 401);
}

#[tokio::test]
async fn notifications_of_others_cannot_be_marked_read() {
    let s = TestServer::start().await;
    let ana = s.register("ana_nt", "child").await;
    let ben = s.register("ben_nt", "child").await;
    ask(&s, &ana, &ben).await;
    let list = act(&s, &ben, "GET", "/api/notifications", Value::Null)
        .await
        .json();
    let nid = list["items"][0]["id"].as_i64().expect("ben's notification");

    let r = act(
        &s,
        &ana,
        "POST",
        &format!("/api/notifications/{nid}/read"),
        Value::Null,
    )
    .await;
    expect(
        &r,
        404,
        "notification_not_found",
        "marking another's notification",
    );
    let r = act(&s, &ana, "POST", "/api/notifications/read-all", Value::Null).await;
    assert_eq!(r.status, 200);
    let unread = number(
        &s,
        "SELECT count(*) FROM notifications WHERE id = ?1 AND read_at IS NULL",
        [nid],
    );
    assert_eq!(unread, 1, "still unread");
    let theirs = act(&s, &ana, "GET", "/api/notifications", Value::Null)
        .await
        .json();
    let items = theirs["items"].as_array().expect("items");
    assert!(
        items.iter().all(|n| n["id"] != nid),
        "only one's own are listed"
    );
}

#[tokio::test]
async fn friend_requests_of_others_cannot_be_answered() {
    let s = TestServer::start().await;
    let ana = s.register("ana_fr", "child").await;
    let ben = s.register("ben_fr", "child").await;
    let cy = s.register("cy_fr", "child").await;
    let rid = ask(&s, &ana, &ben).await;

    let attempts: [(&Session, &str, &str); 6] = [
        (&cy, "accept", "a stranger accepts"),
        (&cy, "reject", "a stranger rejects"),
        (&cy, "cancel", "a stranger cancels"),
        (&ana, "accept", "the sender accepts their own request"),
        (&ana, "reject", "the sender rejects their own request"),
        (&ben, "cancel", "the receiver cancels"),
    ];
    for (who, action, what) in attempts {
        let path = format!("/api/friends/requests/{rid}/{action}");
        let r = act(&s, who, "POST", &path, Value::Null).await;
        expect(&r, 404, "request_not_found", what);
    }
    let (status, friends): (String, i64) = s
        .db()
        .query_row(
            "SELECT status, (SELECT count(*) FROM friends) FROM friend_requests WHERE id = ?1",
            [rid],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("request");
    assert_eq!((status.as_str(), friends), ("pending", 0));
    let r = act(
        &s,
        &cy,
        "DELETE",
        &format!("/api/friends/{}", ben.user_id),
        Value::Null,
    )
    .await;
    expect(&r, 404, "not_friends", "unfriending a stranger");
}

#[tokio::test]
async fn private_pictures_need_a_valid_signature() {
    let s = TestServer::start().await;
    let ana = s.register("ana_m", "child").await;
    let ben = s.register("ben_m", "child").await;
    let bytes = png_header(64, 48);
    let r = s
        .post("/api/media")
        .bearer(&ana.access)
        .raw(bytes.clone(), "image/png")
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let up = r.json();
    let id = up["id"].as_str().expect("id").to_string();
    let url = up["url"].as_str().expect("url").to_string();
    let sig = url.split("sig=").nth(1).expect("signed url").to_string();
    let exp: i64 = url
        .split("exp=")
        .nth(1)
        .and_then(|rest| rest.split('&').next())
        .and_then(|e| e.parse().ok())
        .expect("exp");

    for who in [Some(&ben), None] {
        let r = send(&s, who, "GET", &format!("/media/{id}"), &Value::Null).await;
        expect(&r, 404, "media_not_found", "no signature");
    }
    for bad in [
        format!("/media/{id}?exp={exp}&sig=00{sig}"),
        format!("/media/{id}?exp={}&sig={sig}", exp + 86_400),
        format!("/media/{id}?exp=1&sig={sig}"),
        format!("/media/{id}?sig={sig}"),
    ] {
        let r = s.get(&bad).send().await;
        expect(&r, 404, "media_not_found", &bad);
    }
    let r = s.get(&url).send().await;
    assert_eq!(r.status, 200, "the signed url works");
    assert_eq!(&r.body[..], bytes.as_slice());

    // Nobody else can attach the picture to their own story either.
    let body = json!({ "title": "Borrowed", "cover_media_id": id });
    let r = act(&s, &ben, "POST", "/api/stories", body).await;
    expect(&r, 422, "invalid_media", "another's picture as a cover");
    let story = s.story(&ben.access, "Mine", &["p"]).await;
    let sid = story["id"].as_i64().expect("id");
    let (page, version) = first_page(&story);
    let body = json!({ "thumbnail_media_id": id, "version": version });
    let r = act(
        &s,
        &ben,
        "PUT",
        &format!("/api/stories/{sid}/pages/{page}"),
        body,
    )
    .await;
    expect(&r, 422, "invalid_media", "another's picture as a thumbnail");
}

#[tokio::test]
async fn page_ids_of_another_story_are_refused() {
    let s = TestServer::start().await;
    let ana = s.register("ana_pg", "child").await;
    let ben = s.register("ben_pg", "child").await;
    let theirs = s.story(&ana.access, "Ana's Tale", &["ana's page"]).await;
    let their_id = theirs["id"].as_i64().expect("id");
    let (their_page, their_version) = first_page(&theirs);
    let r = act(
        &s,
        &ana,
        "POST",
        &format!("/api/stories/{their_id}/publish"),
        Value::Null,
    )
    .await;
    assert_eq!(r.status, 200);
    let mine = s.story(&ben.access, "Ben's Tale", &["ben's page"]).await;
    let my_id = mine["id"].as_i64().expect("id");
    let (my_page, _) = first_page(&mine);
    let base = format!("/api/stories/{my_id}/pages");

    let body = json!({ "text": "overwritten", "version": their_version });
    let r = act(&s, &ben, "PUT", &format!("{base}/{their_page}"), body).await;
    expect(
        &r,
        404,
        "page_not_found",
        "editing another story's page through mine",
    );
    let r = act(
        &s,
        &ben,
        "DELETE",
        &format!("{base}/{their_page}"),
        Value::Null,
    )
    .await;
    expect(
        &r,
        404,
        "page_not_found",
        "deleting another story's page through mine",
    );
    let r = act(
        &s,
        &ben,
        "POST",
        &base,
        json!({ "text": "new", "after": their_page }),
    )
    .await;
    expect(
        &r,
        422,
        "page_not_found",
        "inserting after another story's page",
    );
    let body = json!({ "page_ids": [their_page] });
    let r = act(&s, &ben, "POST", &format!("{base}/order"), body).await;
    expect(&r, 422, "invalid_order", "ordering another story's page");

    // A read names a page of the story read.
    let reads = format!("/api/stories/{their_id}/reads");
    let r = act(&s, &ben, "POST", &reads, json!({ "page_id": my_page })).await;
    expect(
        &r,
        422,
        "page_not_found",
        "reading with another story's page id",
    );

    let (text, story): (String, i64) = s
        .db()
        .query_row(
            "SELECT text, story_id FROM pages WHERE id = ?1",
            [their_page],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("page");
    assert_eq!((text.as_str(), story), ("ana's page", their_id));
    let stored = number(
        &s,
        "SELECT (SELECT count(*) FROM pages WHERE story_id = ?1) + (SELECT count(*) FROM reading_progress)",
        params![my_id],
    );
    assert_eq!(stored, 1, "nothing was stored");
}

#[tokio::test]
async fn co_authors_are_friends_and_only_real_co_authors_are_removed() {
    let s = TestServer::start().await;
    let owner = s.register("owner_ca", "child").await;
    let friend = s.register("friend_ca", "child").await;
    let pal = s.register("pal_ca", "child").await;
    let stranger = s.register("stranger_ca", "child").await;
    befriend(&s, &owner, &friend).await;
    befriend(&s, &owner, &pal).await;
    let id = s.published(&owner.access, "Team Tale", &["together"]).await;

    let r = add_coauthor(&s, &owner, id, stranger.user_id).await;
    expect(&r, 403, "not_friends", "adding a non-friend");
    let r = add_coauthor(&s, &owner, id, 999_999).await;
    expect(&r, 403, "not_friends", "adding nobody");
    let r = add_coauthor(&s, &owner, id, owner.user_id).await;
    expect(&r, 422, "already_author", "adding oneself");
    assert_eq!(number(&s, "SELECT count(*) FROM story_authors", []), 0);

    for who in [&friend, &pal] {
        s.coauthor(&owner, id, who).await;
    }
    let v = s.get(&format!("/api/stories/{id}")).send().await.json();
    assert_eq!(v["coauthors"].as_array().expect("coauthors").len(), 2);

    let remove = |uid: i64| format!("/api/stories/{id}/coauthors/{uid}");
    let r = act(&s, &owner, "DELETE", &remove(stranger.user_id), Value::Null).await;
    expect(
        &r,
        404,
        "coauthor_not_found",
        "removing someone who is not a co-author",
    );
    let r = act(
        &s,
        &stranger,
        "DELETE",
        &remove(friend.user_id),
        Value::Null,
    )
    .await;
    expect(&r, 403, "not_author", "a reader removes a co-author");
    let r = act(&s, &friend, "DELETE", &remove(pal.user_id), Value::Null).await;
    expect(&r, 403, "owner_only", "a co-author removes another");
    let r = act(&s, &friend, "DELETE", &remove(friend.user_id), Value::Null).await;
    assert_eq!(r.status, 204, "a co-author leaves: {}", r.text());
    let r = act(&s, &owner, "DELETE", &remove(pal.user_id), Value::Null).await;
    assert_eq!(r.status, 204, "the owner removes: {}", r.text());
    let left = number(
        &s,
        "SELECT count(*) FROM story_authors WHERE story_id = ?1",
        [id],
    );
    assert_eq!(left, 0);
}

//! Stories and pages through the real server: drafts, publishing, page-by-page editing with
//! optimistic versions, drawings, co-authors, characters and bad input.

use crate::common::{Session, TestServer};
use serde_json::{Value, json};

fn drawing(items: Value) -> Value {
    json!({ "v": 1, "width": 800, "height": 600, "background": "#fffaf0", "items": items })
}

fn stroke() -> Value {
    json!({ "type": "stroke", "tool": "pen", "color": "#1c7ed6", "width": 6, "points": [10, 20, 30, 40, 50, 45] })
}

#[tokio::test]
async fn a_story_is_written_page_by_page_and_published() {
    let s = TestServer::start().await;
    let maya = s.register("maya", "child").await;
    let r = s
        .post("/api/stories")
        .bearer(&maya.access)
        .json(&json!({
            "title": "  The Brave   Little Boat ",
            "summary": "A boat finds its way home.",
            "genres": ["adventure", "Fairy Tale"],
            "language": "en",
            "pages": [
                { "text": "Once upon a time there was a little boat." },
                { "text": "A storm came.", "drawing": drawing(json!([stroke()])) }
            ]
        }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let story = r.json();
    let id = story["id"].as_i64().expect("id");
    assert_eq!(story["title"], "The Brave Little Boat");
    assert_eq!(story["status"], "draft");
    assert_eq!(story["genres"], json!(["adventure", "fairy_tale"]));
    assert_eq!(story["pages"].as_array().expect("pages").len(), 2);
    assert_eq!(story["pages"][1]["drawing"]["items"][0]["tool"], "pen");
    assert_eq!(story["viewer"]["is_owner"], true);
    assert_eq!(story["counts"]["pages"], 2);

    // A third page between the two, then a new order.
    let first = story["pages"][0]["id"].as_i64().expect("page id");
    let second = story["pages"][1]["id"].as_i64().expect("page id");
    let r = s
        .post(&format!("/api/stories/{id}/pages"))
        .bearer(&maya.access)
        .json(&json!({ "text": "The wind blew.", "after": first }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let middle = r.json()["id"].as_i64().expect("id");
    assert_eq!(r.json()["position"], 1);
    let r = s
        .post(&format!("/api/stories/{id}/pages/order"))
        .bearer(&maya.access)
        .json(&json!({ "page_ids": [second, middle, first] }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let ids: Vec<i64> = r.json()["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .map(|p| p["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids, vec![second, middle, first]);

    // Drafts are private: no library listing, no reading by others.
    let ana = s.register("ana", "child").await;
    assert_eq!(
        s.get(&format!("/api/stories/{id}"))
            .bearer(&ana.access)
            .send()
            .await
            .status,
        404
    );
    assert_eq!(
        s.get(&format!("/api/stories/{id}")).send().await.status,
        404
    );
    let lib = s.get("/api/stories").send().await.json();
    assert!(lib["items"].as_array().expect("items").is_empty());

    let r = s
        .post(&format!("/api/stories/{id}/publish"))
        .bearer(&maya.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["status"], "published");
    assert!(r.json()["published_at"].is_string());
    // Publishing twice is harmless.
    assert_eq!(
        s.post(&format!("/api/stories/{id}/publish"))
            .bearer(&maya.access)
            .send()
            .await
            .status,
        200
    );
    let read = s.get(&format!("/api/stories/{id}")).send().await;
    assert_eq!(read.status, 200, "guests can read published stories");
    assert_eq!(
        read.json()["pages"][2]["text"],
        "Once upon a time there was a little boat."
    );
    assert_eq!(read.json()["viewer"], Value::Null);

    let r = s
        .post(&format!("/api/stories/{id}/unpublish"))
        .bearer(&maya.access)
        .send()
        .await;
    assert_eq!(r.json()["status"], "draft");
    assert_eq!(
        s.get(&format!("/api/stories/{id}")).send().await.status,
        404
    );

    let r = s
        .delete(&format!("/api/stories/{id}"))
        .bearer(&maya.access)
        .send()
        .await;
    assert_eq!(r.status, 204);
    assert_eq!(
        s.get(&format!("/api/stories/{id}"))
            .bearer(&maya.access)
            .send()
            .await
            .status,
        404
    );
    let left: i64 = s
        .db()
        .query_row("SELECT count(*) FROM pages", [], |r| r.get(0))
        .expect("count");
    assert_eq!(left, 0, "pages go with their story");
}

#[tokio::test]
async fn two_tabs_editing_different_pages_never_overwrite_each_other() {
    let s = TestServer::start().await;
    let u = s.register("tabby", "child").await;
    let story = s
        .story(&u.access, "Two Tabs", &["page one", "page two"])
        .await;
    let id = story["id"].as_i64().expect("id");
    let (p1, p2) = (&story["pages"][0], &story["pages"][1]);
    let (p1_id, p1_v) = (
        p1["id"].as_i64().expect("id"),
        p1["version"].as_i64().expect("version"),
    );
    let (p2_id, p2_v) = (
        p2["id"].as_i64().expect("id"),
        p2["version"].as_i64().expect("version"),
    );

    // Both tabs save at the same moment, each its own page.
    let a = s
        .call("PUT", &format!("/api/stories/{id}/pages/{p1_id}"))
        .bearer(&u.access)
        .json(&json!({ "text": "tab A wrote this", "version": p1_v }));
    let b = s
        .call("PUT", &format!("/api/stories/{id}/pages/{p2_id}"))
        .bearer(&u.access)
        .json(&json!({ "text": "tab B wrote this", "version": p2_v }));
    let (ra, rb) = tokio::join!(a.send(), b.send());
    assert_eq!(ra.status, 200, "{}", ra.text());
    assert_eq!(rb.status, 200, "{}", rb.text());
    let now = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&u.access)
        .send()
        .await
        .json();
    assert_eq!(now["pages"][0]["text"], "tab A wrote this");
    assert_eq!(now["pages"][1]["text"], "tab B wrote this");

    // The same page from a stale tab: 409, and nothing is lost.
    let r = s
        .call("PUT", &format!("/api/stories/{id}/pages/{p1_id}"))
        .bearer(&u.access)
        .json(&json!({ "text": "stale overwrite", "version": p1_v }))
        .send()
        .await;
    assert_eq!(r.status, 409);
    assert_eq!(r.code(), "page_conflict");
    let now = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&u.access)
        .send()
        .await
        .json();
    assert_eq!(now["pages"][0]["text"], "tab A wrote this");

    // Partial edits keep what was not sent: a drawing save does not wipe the text.
    let v = now["pages"][0]["version"].as_i64().expect("version");
    let r = s
        .call("PUT", &format!("/api/stories/{id}/pages/{p1_id}"))
        .bearer(&u.access)
        .json(&json!({ "drawing": drawing(json!([stroke()])), "version": v }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["text"], "tab A wrote this");
    assert_eq!(r.json()["drawing"]["items"][0]["type"], "stroke");
    let r = s
        .call("PUT", &format!("/api/stories/{id}/pages/{p1_id}"))
        .bearer(&u.access)
        .json(&json!({ "drawing": null, "version": v + 1 }))
        .send()
        .await;
    assert_eq!(r.json()["drawing"], Value::Null, "null clears");
}

#[tokio::test]
async fn story_metadata_has_its_own_version() {
    let s = TestServer::start().await;
    let u = s.register("versa", "child").await;
    let story = s.story(&u.access, "Version One", &["hello"]).await;
    let id = story["id"].as_i64().expect("id");
    let v = story["version"].as_i64().expect("version");
    let r = s
        .patch(&format!("/api/stories/{id}"))
        .bearer(&u.access)
        .json(&json!({ "title": "Version Two", "version": v }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = s
        .patch(&format!("/api/stories/{id}"))
        .bearer(&u.access)
        .json(&json!({ "title": "Version Stale", "version": v }))
        .send()
        .await;
    assert_eq!(r.status, 409);
    assert_eq!(r.code(), "version_conflict");
    let r = s
        .patch(&format!("/api/stories/{id}"))
        .bearer(&u.access)
        .json(&json!({ "summary": "No version, no check" }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["title"], "Version Two");
}

#[tokio::test]
async fn pages_keep_at_least_one_and_reject_strangers() {
    let s = TestServer::start().await;
    let u = s.register("pagey", "child").await;
    let story = s.story(&u.access, "One Page", &["only page"]).await;
    let id = story["id"].as_i64().expect("id");
    let page = story["pages"][0]["id"].as_i64().expect("page");
    let r = s
        .delete(&format!("/api/stories/{id}/pages/{page}"))
        .bearer(&u.access)
        .send()
        .await;
    assert_eq!(r.status, 409);
    assert_eq!(r.code(), "last_page");

    let other = s.story(&u.access, "Other", &["x"]).await;
    let other_page = other["pages"][0]["id"].as_i64().expect("page");
    let r = s
        .call("PUT", &format!("/api/stories/{id}/pages/{other_page}"))
        .bearer(&u.access)
        .json(&json!({ "text": "x", "version": 1 }))
        .send()
        .await;
    assert_eq!(r.status, 404, "a page of another story is not in this one");
    assert_eq!(r.code(), "page_not_found");
    assert_eq!(
        s.call("PUT", &format!("/api/stories/{id}/pages/abc"))
            .bearer(&u.access)
            .json(&json!({}))
            .send()
            .await
            .status,
        404
    );
    let r = s
        .post(&format!("/api/stories/{id}/pages/order"))
        .bearer(&u.access)
        .json(&json!({ "page_ids": [page, page] }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.code(), "invalid_order");
    let r = s
        .post(&format!("/api/stories/{id}/pages"))
        .bearer(&u.access)
        .json(&json!({ "after": other_page }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["error"]["field"], "after");
}

#[tokio::test]
async fn bad_input_is_refused_and_nothing_is_stored() {
    let s = TestServer::start().await;
    let u = s.register("baddy", "child").await;
    let post = |body: Value| s.post("/api/stories").bearer(&u.access).json(&body);
    for (body, status, code) in [
        (json!({}), 400, "invalid_body"),
        (json!({ "title": 5 }), 400, "invalid_body"),
        (json!({ "title": "" }), 422, "invalid_title"),
        (json!({ "title": "x".repeat(121) }), 422, "invalid_title"),
        (
            json!({ "title": "ok", "genres": ["horror"] }),
            422,
            "invalid_genre",
        ),
        (
            json!({ "title": "ok", "language": "fr" }),
            422,
            "invalid_language",
        ),
        (
            json!({ "title": "ok", "pages": [{ "text": "x".repeat(5001) }] }),
            422,
            "invalid_text",
        ),
        (
            json!({ "title": "ok", "pages": [{ "drawing": { "v": 2 } }] }),
            422,
            "invalid_drawing",
        ),
        (
            json!({ "title": "ok", "pages": [{ "drawing": drawing(json!([{ "type": "stroke", "tool": "pen", "color": "#000000", "width": 3, "points": [1, 2, 3] }])) }] }),
            422,
            "invalid_drawing",
        ),
        (
            json!({ "title": "ok", "pages": [{ "drawing": drawing(json!([{ "type": "laser" }])) }] }),
            422,
            "invalid_drawing",
        ),
        (
            json!({ "title": "ok", "pages": [{ "thumbnail_media_id": "0".repeat(64) }] }),
            422,
            "invalid_media",
        ),
        (
            json!({ "title": "ok", "cover_media_id": "not-a-media-id" }),
            422,
            "invalid_media",
        ),
        (
            json!({ "title": "ok", "pages": [{ "text": "hi", "mood": "happy" }] }),
            400,
            "invalid_body",
        ),
        (
            json!({ "title": "ok", "pages": (0..61).map(|_| json!({})).collect::<Vec<_>>() }),
            422,
            "too_many_pages",
        ),
    ] {
        let r = post(body.clone()).send().await;
        assert_eq!(r.status, status, "{body}: {}", r.text());
        assert_eq!(r.code(), code, "{body}");
    }
    // A drawing too big for the body limit is 413; one within it but over the drawing budget 422.
    let points: Vec<f64> = (0..150_000)
        .map(|i| f64::from(i % 800) + 0.123_456_789)
        .collect();
    let big = drawing(
        json!([{ "type": "stroke", "tool": "pen", "color": "#000000", "width": 3, "points": points }]),
    );
    let r = post(json!({ "title": "huge", "pages": [{ "drawing": big }] }))
        .send()
        .await;
    assert!(r.status == 413 || r.status == 422, "{}", r.status);
    let count: i64 = s
        .db()
        .query_row("SELECT count(*) FROM stories", [], |r| r.get(0))
        .expect("count");
    assert_eq!(count, 0, "no refused story was stored");
}

#[tokio::test]
async fn bad_words_are_refused_in_every_story_field() {
    let s = TestServer::start().await;
    let u = s.register("wordy", "child").await;
    let story = s.story(&u.access, "Nice Title", &["nice words"]).await;
    let id = story["id"].as_i64().expect("id");
    let page = &story["pages"][0];
    for (body, field) in [
        (json!({ "title": "The sh1t storm" }), "title"),
        (json!({ "summary": "A putang ina story" }), "summary"),
    ] {
        let r = s
            .patch(&format!("/api/stories/{id}"))
            .bearer(&u.access)
            .json(&body)
            .send()
            .await;
        assert_eq!(r.status, 422, "{body}");
        assert_eq!(r.code(), "profanity");
        assert_eq!(r.json()["error"]["field"], field);
    }
    let pid = page["id"].as_i64().expect("page");
    for (body, field) in [
        (json!({ "text": "you are a b1tch", "version": 1 }), "text"),
        (
            json!({ "drawing": drawing(json!([{ "type": "text", "x": 1, "y": 1, "text": "F U C K", "size": 20, "color": "#000000" }])), "version": 1 }),
            "drawing",
        ),
    ] {
        let r = s
            .call("PUT", &format!("/api/stories/{id}/pages/{pid}"))
            .bearer(&u.access)
            .json(&body)
            .send()
            .await;
        assert_eq!(r.status, 422, "{body}");
        assert_eq!(r.code(), "profanity");
        assert_eq!(r.json()["error"]["field"], field);
    }
    // One rule in every field: a mild word is refused in a page too, and the refusal names
    // the field without spelling the word.
    let r = s
        .call("PUT", &format!("/api/stories/{id}/pages/{pid}"))
        .bearer(&u.access)
        .json(&json!({ "text": "The stupid troll fell asleep.", "version": 1 }))
        .send()
        .await;
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(!r.text().contains("stupid"), "{}", r.text());
    let db = s.db();
    let title: String = db
        .query_row("SELECT title FROM stories WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .expect("title");
    assert_eq!(title, "Nice Title");
}

#[tokio::test]
async fn co_authors_edit_but_only_the_owner_deletes() {
    let s = TestServer::start().await;
    let owner = s.register("owner", "child").await;
    let friend = s.register("friend", "child").await;
    let stranger = s.register("stranger", "child").await;
    let id = s.story(&owner.access, "Together", &["we write"]).await["id"]
        .as_i64()
        .expect("id");

    let r = s
        .post(&format!("/api/stories/{id}/coauthors"))
        .bearer(&owner.access)
        .json(&json!({ "user_id": stranger.user_id }))
        .send()
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "not_friends");

    befriend(&s, &owner, &friend).await;
    s.coauthor(&owner, id, &friend).await;

    let story = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&friend.access)
        .send()
        .await;
    assert_eq!(story.status, 200, "a co-author reads the draft");
    assert_eq!(story.json()["viewer"]["is_author"], true);
    let page = story.json()["pages"][0]["id"].as_i64().expect("page");
    let r = s
        .call("PUT", &format!("/api/stories/{id}/pages/{page}"))
        .bearer(&friend.access)
        .json(&json!({ "text": "and I help", "version": 1 }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = s
        .delete(&format!("/api/stories/{id}"))
        .bearer(&friend.access)
        .send()
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "owner_only");
    let mine = s
        .get("/api/me/stories")
        .bearer(&friend.access)
        .send()
        .await
        .json();
    assert_eq!(mine["items"][0]["id"], id);
    assert_eq!(mine["items"][0]["is_owner"], false);

    // A co-author may leave; then the draft is private to them again.
    let r = s
        .delete(&format!("/api/stories/{id}/coauthors/{}", friend.user_id))
        .bearer(&friend.access)
        .send()
        .await;
    assert_eq!(r.status, 204);
    assert_eq!(
        s.get(&format!("/api/stories/{id}"))
            .bearer(&friend.access)
            .send()
            .await
            .status,
        404
    );
}

/// Makes two users friends through the API.
async fn befriend(s: &TestServer, a: &Session, b: &Session) {
    let username: String = s
        .db()
        .query_row(
            "SELECT username FROM users WHERE id = ?1",
            [b.user_id],
            |r| r.get(0),
        )
        .expect("username");
    let r = s
        .post("/api/friends/requests")
        .bearer(&a.access)
        .json(&json!({ "username": username }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let rid = r.json()["id"].as_i64().expect("request id");
    let r = s
        .post(&format!("/api/friends/requests/{rid}/accept"))
        .bearer(&b.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
}

#[tokio::test]
async fn my_stories_list_drafts_and_published_separately() {
    let s = TestServer::start().await;
    let u = s.register("lister", "child").await;
    let draft = s.story(&u.access, "Still Writing", &["draft"]).await["id"]
        .as_i64()
        .expect("id");
    let done = s.published(&u.access, "All Done", &["the end"]).await;
    let get = |q: &str| s.get(&format!("/api/me/stories{q}")).bearer(&u.access);
    let all = get("").send().await.json();
    assert_eq!(all["items"].as_array().expect("items").len(), 2);
    let drafts = get("?status=draft").send().await.json();
    assert_eq!(drafts["items"][0]["id"], draft);
    let published = get("?status=published").send().await.json();
    assert_eq!(published["items"][0]["id"], done);
    assert_eq!(get("?status=secret").send().await.status, 400);
    let page1 = get("?limit=1").send().await.json();
    let cursor = page1["next_cursor"].as_str().expect("cursor");
    let page2 = get(&format!("?limit=1&cursor={cursor}"))
        .send()
        .await
        .json();
    assert_ne!(page1["items"][0]["id"], page2["items"][0]["id"]);
    assert_eq!(page2["next_cursor"], Value::Null);
}

#[tokio::test]
async fn characters_are_private_and_checked() {
    let s = TestServer::start().await;
    let u = s.register("artist", "child").await;
    let other = s.register("peeker", "child").await;
    let r = s
        .post("/api/characters")
        .bearer(&u.access)
        .json(&json!({ "name": "Captain Whiskers", "description": "A brave cat.", "drawing": drawing(json!([stroke()])) }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["id"].as_i64().expect("id");
    let r = s
        .patch(&format!("/api/characters/{id}"))
        .bearer(&u.access)
        .json(&json!({ "description": "A very brave cat." }))
        .send()
        .await;
    assert_eq!(r.json()["name"], "Captain Whiskers");
    assert_eq!(r.json()["description"], "A very brave cat.");
    for (body, code) in [
        (json!({ "name": "" }), "invalid_name"),
        (json!({ "name": "Sir Sh1t" }), "profanity"),
        (json!({ "drawing": { "v": 1 } }), "invalid_drawing"),
    ] {
        let r = s
            .patch(&format!("/api/characters/{id}"))
            .bearer(&u.access)
            .json(&body)
            .send()
            .await;
        assert_eq!(r.status, 422, "{body}");
        assert_eq!(r.code(), code);
    }
    assert_eq!(
        s.patch(&format!("/api/characters/{id}"))
            .bearer(&other.access)
            .json(&json!({ "name": "Mine" }))
            .send()
            .await
            .status,
        404
    );
    assert_eq!(
        s.delete(&format!("/api/characters/{id}"))
            .bearer(&other.access)
            .send()
            .await
            .status,
        404
    );
    let theirs = s
        .get("/api/characters")
        .bearer(&other.access)
        .send()
        .await
        .json();
    assert!(theirs["items"].as_array().expect("items").is_empty());
    assert_eq!(
        s.delete(&format!("/api/characters/{id}"))
            .bearer(&u.access)
            .send()
            .await
            .status,
        204
    );
}

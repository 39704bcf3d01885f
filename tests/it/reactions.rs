//! Likes, saves, ratings, reads and views, comments (rude ones refused, with violations and flags), and
//! notifications, through the real server.

use crate::common::TestServer;
use serde_json::{Value, json};

#[tokio::test]
async fn likes_and_saves_are_idempotent_and_counted() {
    let s = TestServer::start().await;
    let author = s.register("author", "child").await;
    let reader = s.register("reader", "child").await;
    let id = s.published(&author.access, "Likeable", &["a page"]).await;
    let like = || {
        s.post(&format!("/api/stories/{id}/like"))
            .bearer(&reader.access)
    };
    let unlike = || {
        s.delete(&format!("/api/stories/{id}/like"))
            .bearer(&reader.access)
    };
    assert_eq!(
        like().send().await.json(),
        json!({ "liked": true, "like_count": 1 })
    );
    assert_eq!(
        like().send().await.json(),
        json!({ "liked": true, "like_count": 1 }),
        "twice is once"
    );
    assert_eq!(
        unlike().send().await.json(),
        json!({ "liked": false, "like_count": 0 })
    );
    assert_eq!(
        unlike().send().await.json(),
        json!({ "liked": false, "like_count": 0 })
    );
    like().send().await;

    let save = s
        .post(&format!("/api/stories/{id}/save"))
        .bearer(&reader.access)
        .send()
        .await;
    assert_eq!(save.json(), json!({ "saved": true, "save_count": 1 }));
    let saved = s
        .get("/api/me/saved")
        .bearer(&reader.access)
        .send()
        .await
        .json();
    assert_eq!(saved["items"][0]["id"], id);
    let view = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&reader.access)
        .send()
        .await
        .json();
    assert_eq!(view["viewer"]["liked"], true);
    assert_eq!(view["viewer"]["saved"], true);
    assert_eq!(view["counts"]["likes"], 1);
    let r = s
        .delete(&format!("/api/stories/{id}/save"))
        .bearer(&reader.access)
        .send()
        .await;
    assert_eq!(r.json()["save_count"], 0);

    // Authors cannot like or rate their own story (but may bookmark it).
    let r = s
        .post(&format!("/api/stories/{id}/like"))
        .bearer(&author.access)
        .send()
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "own_story");
    assert_eq!(
        s.post(&format!("/api/stories/{id}/save"))
            .bearer(&author.access)
            .send()
            .await
            .status,
        200
    );
    // Guests cannot react at all.
    assert_eq!(
        s.post(&format!("/api/stories/{id}/like"))
            .send()
            .await
            .status,
        401
    );
}

#[tokio::test]
async fn ratings_are_one_per_reader_and_changeable() {
    let s = TestServer::start().await;
    let author = s.register("rated", "child").await;
    let a = s.register("rater_a", "child").await;
    let b = s.register("rater_b", "child").await;
    let id = s.published(&author.access, "Rate Me", &["p"]).await;
    let rate = |tok: &str, v: Value| {
        s.call("PUT", &format!("/api/stories/{id}/rating"))
            .bearer(tok)
            .json(&json!({ "value": v }))
    };
    assert_eq!(
        rate(&a.access, json!(5)).send().await.json()["rating"],
        json!({ "average": 5.0, "count": 1 })
    );
    assert_eq!(
        rate(&b.access, json!(2)).send().await.json()["rating"],
        json!({ "average": 3.5, "count": 2 })
    );
    let r = rate(&a.access, json!(4)).send().await.json();
    assert_eq!(
        r["rating"],
        json!({ "average": 3.0, "count": 2 }),
        "changed, not added"
    );
    assert_eq!(r["mine"], 4);
    for (v, status, code) in [
        (json!(0), 422, "invalid_rating"),
        (json!(6), 422, "invalid_rating"),
        (json!("5"), 400, "invalid_body"),
        (json!(4.5), 400, "invalid_body"),
    ] {
        let r = rate(&a.access, v.clone()).send().await;
        assert_eq!(r.status, status, "{v}");
        assert_eq!(r.code(), code, "{v}");
    }
    let r = rate(&author.access, json!(5)).send().await;
    assert_eq!(r.code(), "own_story");
    let stored: i64 = s
        .db()
        .query_row("SELECT count(*) FROM ratings", [], |r| r.get(0))
        .expect("count");
    assert_eq!(stored, 2);
}

#[tokio::test]
async fn reactions_need_a_published_story() {
    let s = TestServer::start().await;
    let author = s.register("drafty", "child").await;
    let coauthor_draft = s.story(&author.access, "Not Yet", &["p"]).await["id"]
        .as_i64()
        .expect("id");
    for (method, path, body) in [
        ("POST", format!("/api/stories/{coauthor_draft}/like"), None),
        ("POST", format!("/api/stories/{coauthor_draft}/save"), None),
        (
            "PUT",
            format!("/api/stories/{coauthor_draft}/rating"),
            Some(json!({ "value": 3 })),
        ),
        (
            "POST",
            format!("/api/stories/{coauthor_draft}/comments"),
            Some(json!({ "text": "hi" })),
        ),
    ] {
        let mut call = s.call(method, &path).bearer(&author.access);
        if let Some(b) = &body {
            call = call.json(b);
        }
        let r = call.send().await;
        assert_eq!(r.status, 409, "{method} {path}: {}", r.text());
        assert_eq!(r.code(), "not_published");
    }
}

#[tokio::test]
async fn views_count_once_per_reader_per_day_and_never_for_authors() {
    let s = TestServer::start().await;
    let author = s.register("viewed", "child").await;
    let reader = s.register("viewer", "child").await;
    let id = s
        .published(&author.access, "Viewable", &["one", "two"])
        .await;
    let read = |tok: Option<&str>, body: Value| {
        let c = s.post(&format!("/api/stories/{id}/reads")).json(&body);
        match tok {
            Some(t) => c.bearer(t),
            None => c,
        }
    };
    let r = read(Some(&reader.access), json!({})).send().await;
    assert_eq!(r.json(), json!({ "view_counted": true, "view_count": 1 }));
    assert_eq!(
        read(Some(&reader.access), json!({})).send().await.json()["view_counted"],
        false
    );
    assert_eq!(
        read(Some(&author.access), json!({})).send().await.json()["view_count"],
        1,
        "the author's own reading is not a view"
    );
    assert_eq!(
        read(None, json!({})).send().await.json()["view_count"],
        2,
        "a guest counts once"
    );
    assert_eq!(read(None, json!({})).send().await.json()["view_count"], 2);
    let other_guest = s
        .post(&format!("/api/stories/{id}/reads"))
        .header("x-forwarded-for", "203.0.113.5")
        .json(&json!({}))
        .send()
        .await;
    assert_eq!(
        other_guest.json()["view_count"],
        2,
        "without proxy hops the header is ignored: same guest"
    );
    // An empty body counts too (the reader may send nothing).
    assert_eq!(
        s.post(&format!("/api/stories/{id}/reads"))
            .bearer(&reader.access)
            .send()
            .await
            .status,
        200
    );

    // Progress is kept per reader.
    let page2 = s.get(&format!("/api/stories/{id}")).send().await.json()["pages"][1]["id"]
        .as_i64()
        .expect("page");
    read(
        Some(&reader.access),
        json!({ "page_id": page2, "finished": true }),
    )
    .send()
    .await;
    let me = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&reader.access)
        .send()
        .await
        .json();
    assert_eq!(
        me["viewer"]["progress"],
        json!({ "page_id": page2, "finished": true })
    );
    let r = read(Some(&reader.access), json!({ "page_id": 999_999 }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.code(), "page_not_found");
    let r = read(Some(&reader.access), json!({ "finished": "yes" }))
        .send()
        .await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn rude_comments_are_refused_and_comments_are_edited_only_by_their_author_or_an_admin() {
    let s = TestServer::start().await;
    let author = s.register("teller", "child").await;
    let kid = s.register("commenter", "child").await;
    let other = s.register("bystander", "child").await;
    let id = s.published(&author.access, "Comment Here", &["p"]).await;
    let post = |tok: &str, text: &str| {
        s.post(&format!("/api/stories/{id}/comments"))
            .bearer(tok)
            .json(&json!({ "text": text }))
    };

    let r = post(&kid.access, "I love this story!").send().await;
    assert_eq!(r.status, 201, "{}", r.text());
    let first = r.json();
    assert_eq!(first["masked"], false);
    // Authors are shown by name and avatar; a username is how a stranger would ask for them.
    assert!(first["author"].get("username").is_none(), "{first}");
    assert_eq!(first["author"]["display_name"], "commenter");

    let r = post(&kid.access, "this is sh1t and you are @ss")
        .send()
        .await;
    assert_eq!(
        r.status, 422,
        "rude comments are refused, never posted masked"
    );
    assert_eq!(r.code(), "profanity");
    let r = post(&kid.access, "Read it twice!").send().await;
    assert_eq!(r.status, 201, "{}", r.text());
    let masked = r.json();

    let list = s
        .get(&format!("/api/stories/{id}/comments"))
        .send()
        .await
        .json();
    assert_eq!(list["items"].as_array().expect("items").len(), 2);
    assert_eq!(list["items"][0]["id"], masked["id"], "newest first");
    let counted =
        s.get(&format!("/api/stories/{id}")).send().await.json()["counts"]["comments"].clone();
    assert_eq!(counted, 2);

    let cid = first["id"].as_i64().expect("id");
    let r = s
        .patch(&format!("/api/comments/{cid}"))
        .bearer(&other.access)
        .json(&json!({ "text": "hijacked" }))
        .send()
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "not_your_comment");
    assert_eq!(
        s.delete(&format!("/api/comments/{cid}"))
            .bearer(&other.access)
            .send()
            .await
            .status,
        403
    );
    let r = s
        .patch(&format!("/api/comments/{cid}"))
        .bearer(&kid.access)
        .json(&json!({ "text": "I really love this story!" }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["edited"], true);
    for (body, status) in [
        (json!({ "text": "" }), 422),
        (json!({ "text": "x".repeat(1001) }), 422),
        (json!({ "text": 5 }), 400),
    ] {
        assert_eq!(
            s.patch(&format!("/api/comments/{cid}"))
                .bearer(&kid.access)
                .json(&body)
                .send()
                .await
                .status,
            status,
            "{body}"
        );
    }

    s.db_rw()
        .execute(
            "UPDATE users SET role = 'admin' WHERE id = ?1",
            [other.user_id],
        )
        .expect("promote");
    let mid = masked["id"].as_i64().expect("id");
    assert_eq!(
        s.delete(&format!("/api/comments/{mid}"))
            .bearer(&other.access)
            .send()
            .await
            .status,
        204,
        "an admin may delete"
    );
    let after = s.get(&format!("/api/stories/{id}")).send().await.json();
    assert_eq!(after["counts"]["comments"], 1);
    let audited: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'comment_deleted'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(audited, 1);
    assert_eq!(s.get("/api/comments/abc").send().await.status, 404);
}

#[tokio::test]
async fn three_violations_in_a_day_flag_the_account() {
    let s = TestServer::start().await;
    let author = s.register("flagstory", "child").await;
    let kid = s.register("potty", "child").await;
    let id = s.published(&author.access, "Target", &["p"]).await;
    let post = |text: &str| {
        s.post(&format!("/api/stories/{id}/comments"))
            .bearer(&kid.access)
            .json(&json!({ "text": text }))
    };
    let flags = || -> i64 {
        s.db()
            .query_row(
                "SELECT count(*) FROM moderation_flags WHERE resolved_at IS NULL",
                [],
                |r| r.get(0),
            )
            .expect("count")
    };
    post("a kind idea").send().await; // clean: no violation
    post("what the fuck").send().await;
    post("shiiiit").send().await;
    assert_eq!(flags(), 0, "two violations do not flag");
    post("putang ina").send().await;
    assert_eq!(flags(), 1, "the third in a day does");
    post("b1tch").send().await;
    assert_eq!(flags(), 1, "one open flag per account");
    let (violations, flagged): (i64, i64) = s
        .db()
        .query_row(
            "SELECT violation_count, flagged FROM profiles WHERE user_id = ?1",
            [kid.user_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("profile");
    assert_eq!(violations, 4);
    assert_eq!(flagged, 1);
    let stored: Vec<String> = s
        .db()
        .prepare("SELECT text FROM comments ORDER BY id")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(
        stored,
        vec!["a kind idea"],
        "refused comments are never stored"
    );
}

#[tokio::test]
async fn comments_are_rate_limited_per_user() {
    let s = TestServer::start().await;
    let author = s.register("busy", "child").await;
    let chatty = s.register("chatty", "child").await;
    let id = s.published(&author.access, "Popular", &["p"]).await;
    let mut last = 0;
    for i in 0..11 {
        last = s
            .post(&format!("/api/stories/{id}/comments"))
            .bearer(&chatty.access)
            .json(&json!({ "text": format!("comment {i}") }))
            .send()
            .await
            .status;
    }
    assert_eq!(last, 429);
    assert_eq!(
        s.post(&format!("/api/stories/{id}/comments"))
            .bearer(&author.access)
            .json(&json!({ "text": "still fine" }))
            .send()
            .await
            .status,
        201
    );
}

#[tokio::test]
async fn notifications_tell_authors_and_can_be_marked_read() {
    let s = TestServer::start().await;
    let author = s.register("notified", "child").await;
    let fan = s.register("superfan", "child").await;
    let id = s.published(&author.access, "Famous", &["p"]).await;
    s.post(&format!("/api/stories/{id}/like"))
        .bearer(&fan.access)
        .send()
        .await;
    s.call("PUT", &format!("/api/stories/{id}/rating"))
        .bearer(&fan.access)
        .json(&json!({ "value": 5 }))
        .send()
        .await;
    s.post(&format!("/api/stories/{id}/comments"))
        .bearer(&fan.access)
        .json(&json!({ "text": "wow" }))
        .send()
        .await;
    // Own actions never notify oneself.
    s.post(&format!("/api/stories/{id}/comments"))
        .bearer(&author.access)
        .json(&json!({ "text": "thanks" }))
        .send()
        .await;

    let list = s
        .get("/api/notifications")
        .bearer(&author.access)
        .send()
        .await
        .json();
    let kinds: Vec<&str> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|n| n["type"].as_str().expect("type"))
        .collect();
    for kind in ["story_liked", "story_rated", "story_commented"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    let liked = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|n| n["type"] == "story_liked")
        .expect("like")
        .clone();
    assert_eq!(liked["actor"]["display_name"], "superfan");
    assert_eq!(liked["target"], json!({ "type": "story", "id": id }));
    assert_eq!(liked["data"]["title"], "Famous");
    let unread = list["unread_count"].as_i64().expect("count");
    assert!(unread >= 3, "{unread}");

    let nid = liked["id"].as_i64().expect("id");
    let r = s
        .post(&format!("/api/notifications/{nid}/read"))
        .bearer(&author.access)
        .send()
        .await;
    assert_eq!(r.json()["unread_count"], unread - 1);
    assert_eq!(
        s.post(&format!("/api/notifications/{nid}/read"))
            .bearer(&fan.access)
            .send()
            .await
            .status,
        404,
        "not theirs"
    );
    let only_unread = s
        .get("/api/notifications?unread=true")
        .bearer(&author.access)
        .send()
        .await
        .json();
    assert!(
        only_unread["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|n| n["read"] == false)
    );
    let r = s
        .post("/api/notifications/read-all")
        .bearer(&author.access)
        .send()
        .await;
    assert_eq!(r.json()["unread_count"], 0);
    assert_eq!(
        s.get("/api/notifications?unread=maybe")
            .bearer(&author.access)
            .send()
            .await
            .status,
        400
    );
    let page = s
        .get("/api/notifications?limit=1")
        .bearer(&author.access)
        .send()
        .await
        .json();
    assert!(page["next_cursor"].is_string());
}

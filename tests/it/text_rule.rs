//! The one rule for text others can see, through the real server: rude words (however
//! disguised) and personal details (phone, address, e-mail, link, handle) are refused in every
//! field a child types, before anything is stored, with a message that names the field and never
//! spells the word; repeated tries reach the moderation queue; the live hint asks the server and
//! the word list is no longer public.

use crate::common::{Session, TestServer, ws::Ws};
use serde_json::{Value, json};

/// Every way a child's text reaches others: (field named in the refusal, request).
async fn try_everywhere(
    s: &TestServer,
    kid: &Session,
    friend: &Session,
    story: i64,
    text: &str,
) -> Vec<(String, u16, Value)> {
    let calls: Vec<(&str, &str, String, Value)> = vec![
        (
            "title",
            "POST",
            "/api/stories".into(),
            json!({ "title": text, "pages": [{ "text": "ok" }] }),
        ),
        (
            "text",
            "POST",
            "/api/stories".into(),
            json!({ "title": "Fine", "pages": [{ "text": text }] }),
        ),
        (
            "summary",
            "PATCH",
            format!("/api/stories/{story}"),
            json!({ "summary": text }),
        ),
        (
            "comment",
            "POST",
            format!("/api/stories/{story}/comments"),
            json!({ "text": text }),
        ),
        (
            "message",
            "POST",
            format!("/api/conversations/{}/messages", friend.user_id),
            json!({ "text": text }),
        ),
        ("bio", "PATCH", "/api/me".into(), json!({ "bio": text })),
        (
            "display_name",
            "PATCH",
            "/api/me".into(),
            json!({ "display_name": text }),
        ),
        (
            "name",
            "POST",
            "/api/characters".into(),
            json!({ "name": text, "description": "x" }),
        ),
    ];
    let mut out = Vec::new();
    for (field, method, path, body) in calls {
        let r = s
            .call(method, &path)
            .bearer(&kid.access)
            .json(&body)
            .send()
            .await;
        out.push((field.to_string(), r.status, r.json()));
    }
    out
}

/// A writer with a friend and a published story (`tag` keeps names apart: each writer has
/// its own comment and message limits).
async fn setup_as(s: &TestServer, tag: &str) -> (Session, Session, i64) {
    let kid = s.register(&format!("writer_{tag}"), "child").await;
    let friend_name = format!("friend_{tag}");
    let friend = s.register(&friend_name, "child").await;
    s.befriend(&kid, &friend, &friend_name).await;
    let story = s
        .published(&kid.access, "Our Garden", &["Seeds grow."])
        .await;
    (kid, friend, story)
}

async fn setup(s: &TestServer) -> (Session, Session, i64) {
    setup_as(s, "k").await
}

#[tokio::test]
async fn a_rude_word_is_refused_in_every_field_with_the_field_named_and_the_word_never_spelled() {
    let s = TestServer::start().await;
    let (kid, friend, story) = setup(&s).await;
    for text in [
        "you are stupid",
        "sh1t happens",
        "what the f.u.c.k",
        "ang gago mo",
    ] {
        for (field, status, body) in try_everywhere(&s, &kid, &friend, story, text).await {
            assert_eq!(status, 422, "{field} took {text:?}: {body}");
            let e = &body["error"];
            assert_eq!(e["code"], "profanity", "{field}: {body}");
            assert_eq!(e["field"], field.as_str(), "{body}");
            let shown = body.to_string().to_lowercase();
            for word in ["stupid", "shit", "fuck", "gago"] {
                assert!(!shown.contains(word), "{field} repeated the word: {body}");
            }
            let hint = e["words"][0].as_str().expect("a hint");
            assert!(hint.contains('*'), "{hint}");
        }
    }
    // Nothing was stored: no comment, no message, no story, no changed bio.
    let comments = s
        .get(&format!("/api/stories/{story}/comments"))
        .send()
        .await
        .json();
    assert_eq!(comments["items"], json!([]), "{comments}");
    let convo = s
        .get(&format!("/api/conversations/{}/messages", friend.user_id))
        .bearer(&kid.access)
        .send()
        .await
        .json();
    assert_eq!(convo["items"], json!([]), "{convo}");
    let me = s.get("/api/me").bearer(&kid.access).send().await.json();
    assert_eq!(me["bio"], "");
    let db = s.db();
    let stories: i64 = db
        .query_row(
            "SELECT count(*) FROM stories WHERE author_id = ?1",
            [kid.user_id],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(stories, 1);
}

#[tokio::test]
async fn personal_details_are_refused_and_story_numbers_pass() {
    let s = TestServer::start().await;
    let (kid, friend, story) = setup(&s).await;
    let refused = [
        ("call me at 0917 123 4567", "phone"),
        ("my number is +63 917 123 4567", "phone"),
        (
            "zero nine one seven one two three four five six seven",
            "phone",
        ),
        ("my house is 12 Rizal St", "address"),
        ("email me at maya.cruz@gmail.com", "email"),
        ("maya at yahoo dot com", "email"),
        ("watch www.example.com now", "link"),
        ("follow me on tiktok @maya_dances", "handle"),
    ];
    for (text, kind) in refused {
        for (field, status, body) in try_everywhere(&s, &kid, &friend, story, text).await {
            // Some fields refuse long or odd text for their own reasons first (a name is
            // short): what matters is that none stores it.
            assert_ne!(status / 100, 2, "{field} stored {text:?}: {body}");
            if body["error"]["code"] == "personal_details" {
                assert_eq!(
                    body["error"]["words"][0], kind,
                    "{text:?} in {field}: {body}"
                );
                let message = body["error"]["message"].as_str().unwrap_or_default();
                assert!(message.contains("secret"), "{message}");
            }
            if field == "comment" || field == "message" || field == "text" {
                assert_eq!(
                    body["error"]["code"], "personal_details",
                    "{text:?} in {field}: {body}"
                );
            }
        }
    }
    let (kid, friend, story) = setup_as(&s, "pass").await;
    for text in [
        "I saw 3 dragons",
        "Turn to page 12",
        "It was in 2025",
        "We met in Room 4",
        "Count 1, 2, 3, 4, 5!",
    ] {
        for (field, status, body) in try_everywhere(&s, &kid, &friend, story, text).await {
            assert!(status / 100 == 2, "{field} refused {text:?}: {body}");
        }
    }
}

#[tokio::test]
async fn repeated_refused_texts_put_the_writer_in_the_moderation_queue() {
    let s = TestServer::start().await;
    let (kid, friend, _) = setup(&s).await;
    for _ in 0..3 {
        let r = s
            .post(&format!("/api/conversations/{}/messages", friend.user_id))
            .bearer(&kid.access)
            .json(&json!({ "text": "text me 0917 123 4567" }))
            .send()
            .await;
        assert_eq!(r.code(), "personal_details");
    }
    let db = s.db();
    let (kind, reason): (String, String) = db
        .query_row(
            "SELECT kind, reason FROM moderation_flags WHERE user_id = ?1 AND resolved_at IS NULL",
            [kid.user_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("a flag");
    assert_eq!(kind, "personal_details");
    assert!(reason.contains("personal details"), "{reason}");
    let count: i64 = db
        .query_row(
            "SELECT violation_count FROM profiles WHERE user_id = ?1",
            [kid.user_id],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(count, 3);
}

#[tokio::test]
async fn the_live_hint_asks_the_server_and_the_word_list_is_not_public() {
    let s = TestServer::start().await;
    let kid = s.register("hinter", "child").await;
    let r = s.get("/api/profanity/words").send().await;
    assert_eq!(r.status, 404, "{}", r.text());
    let check = |text: &str, field: &str| {
        s.post("/api/text/check")
            .bearer(&kid.access)
            .json(&json!({ "text": text, "field": field }))
            .send()
    };
    let r = check("A kind dragon", "title").await;
    assert_eq!(r.json(), json!({ "ok": true, "problem": null }));
    let r = check("you b!tch", "title").await.json();
    assert_eq!(r["ok"], false);
    assert_eq!(r["problem"]["code"], "profanity");
    assert_eq!(r["problem"]["field"], "title");
    assert!(!r.to_string().contains("bitch"), "{r}");
    let r = check("ring 0917-123-4567", "comment").await.json();
    assert_eq!(r["problem"]["code"], "personal_details", "{r}");
    let r = s
        .post("/api/text/check")
        .json(&json!({ "text": "hi" }))
        .send()
        .await;
    assert_eq!(r.status, 401);
    // A script that pages through words is slowed down.
    let mut limited = false;
    for _ in 0..70 {
        if check("hello", "text").await.status == 429 {
            limited = true;
            break;
        }
    }
    assert!(limited, "60 checks a minute at most");
}

#[tokio::test]
async fn rude_and_personal_chat_in_a_drawing_room_is_refused_with_an_error_frame() {
    let s = TestServer::start().await;
    let ana = s.register("ana_room", "child").await;
    let r = s
        .post("/api/collab/sessions")
        .bearer(&ana.access)
        .json(&json!({}))
        .send()
        .await;
    let id = r.json()["id"].as_i64().expect("id");
    let mut ws = Ws::connect(&s, &ana.access).await;
    let f = ws
        .request(json!({ "type": "collab.join", "session_id": id }), "j")
        .await;
    assert_eq!(f["type"], "collab.state", "{f}");
    for (text, code) in [
        ("this is shit", "profanity"),
        ("my ig is @ana.draws", "personal_details"),
    ] {
        let f = ws
            .request(
                json!({ "type": "collab.chat", "session_id": id, "text": text }),
                "c",
            )
            .await;
        assert_eq!(f["type"], "error", "{f}");
        assert_eq!(f["code"], code, "{f}");
        assert_eq!(f["id"], "c", "{f}");
        // Like the REST envelope: the box it is about and what to take out, never the word.
        assert!(f["field"].is_string(), "{f}");
        assert!(f["words"].as_array().is_some_and(|w| !w.is_empty()), "{f}");
        assert!(!f.to_string().contains("shit"), "{f}");
    }
    let f = ws
        .request(
            json!({ "type": "collab.chat", "session_id": id, "text": "nice dragon!" }),
            "ok",
        )
        .await;
    assert_eq!(f["type"], "collab.chat", "{f}");
}

//! Who can be seen, what a draft can become, and markup in what children write (features.md §5).

use super::helpers::*;

/// archived people are gone from every social surface (admins still see them).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn archived_people_vanish_from_profiles_search_friends_messages_and_leaderboards() {
    let s = TestServer::start().await;
    let root = admin(&s).await;
    let ana = s.register("ana", "child").await;
    let ben = s.register("ben", "child").await;
    let cyd = s.register("cyd", "child").await;
    s.befriend(&ana, &ben, "ben").await;
    let r = s
        .patch("/api/me")
        .bearer(&cyd.access)
        .json(&json!({ "privacy": "public" }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());

    // Before: everyone is there.
    let found = get_ok(&s, &ana, "/api/users/search?q=cyd").await;
    assert_eq!(item_user_ids(&found), vec![cyd.user_id], "{found}");
    assert!(item_user_ids(&get_ok(&s, &ana, "/api/friends").await).contains(&ben.user_id));
    assert!(item_user_ids(&get_ok(&s, &ana, "/api/leaderboard").await).contains(&ben.user_id));

    archive(&s, &root, ben.user_id).await;
    archive(&s, &root, cyd.user_id).await;

    let r = s
        .get(&format!("/api/users/{}", cyd.user_id))
        .bearer(&ana.access)
        .send()
        .await;
    refused(
        &r,
        404,
        "user_not_found",
        "profile of an archived public user",
    );
    let r = s
        .get(&format!("/api/users/{}", ben.user_id))
        .bearer(&ana.access)
        .send()
        .await;
    refused(&r, 404, "user_not_found", "profile of an archived friend");
    let found = get_ok(&s, &ana, "/api/users/search?q=cyd").await;
    assert_eq!(found["items"], json!([]), "{found}");
    for body in [
        json!({ "username": "cyd" }),
        json!({ "user_id": cyd.user_id }),
    ] {
        let r = s
            .post("/api/friends/requests")
            .bearer(&ana.access)
            .json(&body)
            .send()
            .await;
        refused(&r, 404, "user_not_found", &format!("friend request {body}"));
    }
    assert!(!item_user_ids(&get_ok(&s, &ana, "/api/friends").await).contains(&ben.user_id));
    let r = s
        .post(&format!("/api/conversations/{}/messages", ben.user_id))
        .bearer(&ana.access)
        .json(&json!({ "text": "hi" }))
        .send()
        .await;
    refused(&r, 404, "user_not_found", "message to an archived friend");
    let r = s
        .get(&format!("/api/conversations/{}/messages", ben.user_id))
        .bearer(&ana.access)
        .send()
        .await;
    refused(&r, 404, "user_not_found", "history with an archived friend");
    let convs = get_ok(&s, &ana, "/api/conversations").await;
    assert!(
        item_user_ids(&convs).iter().all(|id| *id != ben.user_id),
        "{convs}"
    );
    assert!(!item_user_ids(&get_ok(&s, &ana, "/api/leaderboard").await).contains(&ben.user_id));
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM messages WHERE receiver_id = ?1",
            [ben.user_id],
        ),
        0
    );
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM friend_requests WHERE to_id = ?1",
            [cyd.user_id],
        ),
        0
    );

    // Admins still see them.
    let r = s
        .get(&format!("/api/users/{}", cyd.user_id))
        .bearer(&root.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
}

/// PATCH takes metadata only; status, visibility, dates and authorship cannot be set.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draft_cannot_be_published_or_reassigned_through_patch() {
    let s = TestServer::start().await;
    let u = s.register("writer", "child").await;
    let other = s.register("reader", "child").await;
    let id = s.story(&u.access, "Secret draft", &["hidden words"]).await["id"]
        .as_i64()
        .expect("id");

    for body in [
        json!({ "status": "published" }),
        json!({ "hidden": false }),
        json!({ "published_at": 1 }),
        json!({ "author_id": other.user_id }),
        json!({ "collaborative": true }),
        json!({ "title": "Still a draft", "status": "published" }),
    ] {
        let r = s
            .patch(&format!("/api/stories/{id}"))
            .bearer(&u.access)
            .json(&body)
            .send()
            .await;
        refused(&r, 400, "invalid_body", &format!("PATCH {body}"));
    }

    let (status, hidden, published_at, author, title): (String, i64, Option<i64>, i64, String) = s
        .db()
        .query_row(
            "SELECT status, hidden, published_at, author_id, title FROM stories WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .expect("story row");
    assert_eq!(status, "draft");
    assert_eq!(hidden, 0);
    assert_eq!(published_at, None);
    assert_eq!(author, u.user_id);
    assert_eq!(
        title, "Secret draft",
        "no part of a refused patch is applied"
    );

    let r = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&other.access)
        .send()
        .await;
    refused(&r, 404, "story_not_found", "another user reads the draft");
    let library = s.get("/api/stories").send().await.json();
    assert_eq!(library["items"], json!([]), "{library}");
}

/// Stored XSS, API part: markup in every kind of user text is stored and answered as plain text in
/// JSON, never put into HTML by the server, under a CSP without inline or eval scripts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn markup_in_user_text_is_stored_as_text_and_served_as_json() {
    let s = TestServer::start().await;
    let kid = s.register("kid", "child").await;
    let pal = s.register("pal", "child").await;
    s.befriend(&kid, &pal, "pal").await;
    let title = format!("T {XSS}");

    let r = s
        .post("/api/stories")
        .bearer(&kid.access)
        .json(&json!({ "title": title, "summary": XSS, "pages": [{ "text": XSS }] }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["id"].as_i64().expect("id");
    let r = s
        .post(&format!("/api/stories/{id}/publish"))
        .bearer(&kid.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = s
        .post(&format!("/api/stories/{id}/comments"))
        .bearer(&kid.access)
        .json(&json!({ "text": XSS }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["text"], XSS);
    let r = s
        .patch("/api/me")
        .bearer(&kid.access)
        .json(&json!({ "bio": XSS }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["bio"], XSS);
    let r = s
        .post(&format!("/api/conversations/{}/messages", pal.user_id))
        .bearer(&kid.access)
        .json(&json!({ "text": XSS }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["message"]["text"], XSS);
    // A display name is short: either kept as typed or refused, never rewritten into HTML.
    let name = "<b onclick=x>Kid</b>";
    let r = s
        .patch("/api/me")
        .bearer(&kid.access)
        .json(&json!({ "display_name": name }))
        .send()
        .await;
    match r.status {
        200 => assert_eq!(r.json()["display_name"], name),
        422 => assert_eq!(r.json()["error"]["field"], "display_name", "{}", r.text()),
        other => panic!("display name answered {other}: {}", r.text()),
    }

    // Read back as JSON, exactly as typed, with nosniff so no browser renders it as a page.
    let r = s.get(&format!("/api/stories/{id}")).send().await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(
        r.header("content-type")
            .is_some_and(|c| c.starts_with("application/json")),
        "{:?}",
        r.header("content-type")
    );
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    let story = r.json();
    assert_eq!(story["title"], title.as_str());
    assert_eq!(story["summary"], XSS);
    assert_eq!(story["pages"][0]["text"], XSS);

    // The SPA shell never carries user text, and its CSP allows no inline or eval'd script.
    let r = s.get(&format!("/read/{id}")).send().await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(!r.text().contains("__xss"), "user text in the HTML shell");
    for resp in [&r, &s.get(&format!("/api/stories/{id}")).send().await] {
        let csp = resp
            .header("content-security-policy")
            .expect("a CSP header")
            .to_string();
        assert!(csp.contains("script-src 'self'"), "{csp}");
        assert!(csp.contains("object-src 'none'"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert!(!csp.contains("unsafe-eval"), "{csp}");
    }
}

/// Stored XSS, static part: the browser code only builds DOM from text nodes and attributes.
#[test]
fn the_spa_never_parses_strings_as_html() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/js");
    let mut files = Vec::new();
    files_under(&root, &mut files);
    assert!(!files.is_empty(), "no browser code found");
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read js");
        for sink in [
            "insertAdjacentHTML",
            "outerHTML",
            "document.write",
            "DOMParser",
            "createContextualFragment",
            "srcdoc",
            "new Function(",
        ] {
            assert!(!text.contains(sink), "{} uses {sink}", f.display());
        }
        // `eval(` as a call of its own, not the end of a longer name.
        for (i, _) in text.match_indices("eval(") {
            let before = text[..i].chars().next_back();
            assert!(
                before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$'),
                "{} calls eval",
                f.display()
            );
        }
        let is_ui = f.file_name().and_then(|n| n.to_str()) == Some("ui.js")
            && f.parent() == Some(root.as_path());
        if !is_ui {
            assert!(
                !text.contains("innerHTML"),
                "{} uses innerHTML",
                f.display()
            );
            continue;
        }
        // ui.js: only busy() touches innerHTML, to restore the button's own label.
        let start = text.find("function busy(").expect("ui.js defines busy()");
        let len = text[start..].find("\n}\n").expect("the end of busy()");
        for (i, _) in text.match_indices("innerHTML") {
            assert!(
                (start..start + len).contains(&i),
                "ui.js uses innerHTML outside busy() at byte {i}"
            );
        }
    }
}

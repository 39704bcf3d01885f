//! The library: full-text search (English and Tagalog), filters, sorts, keyset paging and small
//! list items, through the real server.

use std::collections::HashSet;

use crate::common::TestServer;
use serde_json::{Value, json};

async fn write(s: &TestServer, token: &str, body: Value) -> i64 {
    let r = s
        .post("/api/stories")
        .bearer(token)
        .json(&body)
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["id"].as_i64().expect("id");
    let r = s
        .post(&format!("/api/stories/{id}/publish"))
        .bearer(token)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    id
}

fn ids(list: &Value) -> Vec<i64> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["id"].as_i64().expect("id"))
        .collect()
}

#[tokio::test]
async fn search_finds_words_in_titles_pages_and_authors_in_both_languages() {
    let s = TestServer::start().await;
    let lola = s.register("lola_basyang", "child").await;
    let ben = s.register("ben", "child").await;
    let dragon = write(&s, &lola.access, json!({ "title": "The Dragon Who Sneezed", "language": "en", "genres": ["fantasy"], "pages": [{ "text": "A tiny dragon lived in a cave." }] })).await;
    let pusa = write(&s, &lola.access, json!({ "title": "Ang Pusang Mahiyain", "language": "tl", "genres": ["animals"], "pages": [{ "text": "May isang pusa na takot sa ulan." }] })).await;
    let moon = write(&s, &ben.access, json!({ "title": "Moon Picnic", "summary": "Sandwiches in space", "language": "en", "genres": ["science", "funny"], "pages": [{ "text": "Ben packed a basket for the moon." }] })).await;
    let mut draft_body = json!({ "title": "Secret Dragon Draft", "pages": [{ "text": "dragon" }] });
    draft_body["summary"] = json!("not published");
    let r = s
        .post("/api/stories")
        .bearer(&ben.access)
        .json(&draft_body)
        .send()
        .await;
    assert_eq!(r.status, 201);

    let search = |q: &str| s.get(&format!("/api/stories?q={q}"));
    assert_eq!(
        ids(&search("dragon").send().await.json()),
        vec![dragon],
        "drafts never show up"
    );
    assert_eq!(
        ids(&search("drag").send().await.json()),
        vec![dragon],
        "prefixes match while typing"
    );
    assert_eq!(
        ids(&search("cave").send().await.json()),
        vec![dragon],
        "page text is searched"
    );
    assert_eq!(
        ids(&search("sandwiches").send().await.json()),
        vec![moon],
        "summaries are searched"
    );
    assert_eq!(
        ids(&search("pusa").send().await.json()),
        vec![pusa],
        "Tagalog words are searched"
    );
    assert_eq!(ids(&search("ulan").send().await.json()), vec![pusa]);
    let by_username: HashSet<i64> = ids(&search("basyang").send().await.json())
        .into_iter()
        .collect();
    assert_eq!(
        by_username,
        HashSet::from([dragon, pusa]),
        "usernames are searched"
    );
    let by_author: HashSet<i64> = ids(&search("lola").send().await.json())
        .into_iter()
        .collect();
    assert_eq!(
        by_author,
        HashSet::from([dragon, pusa]),
        "author names are searched"
    );
    assert!(ids(&search("zebra").send().await.json()).is_empty());
    // Search syntax from users is just words.
    let r = search("%22%20OR%20title%3A*").send().await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = search(&"a".repeat(101)).send().await;
    assert_eq!(r.status, 400);
    assert_eq!(r.code(), "invalid_query");

    // A renamed author is found by the new name.
    let r = s
        .patch("/api/me")
        .bearer(&ben.access)
        .json(&json!({ "display_name": "Captain Benjamin" }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(ids(&search("benjamin").send().await.json()), vec![moon]);
    // Edits to a published page are searchable at once.
    let page = s.get(&format!("/api/stories/{moon}")).send().await.json()["pages"][0].clone();
    let r = s
        .call("PUT", &format!("/api/stories/{moon}/pages/{}", page["id"]))
        .bearer(&ben.access)
        .json(&json!({ "text": "Ben packed a basket of mangoes for the moon.", "version": page["version"] }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(ids(&search("mangoes").send().await.json()), vec![moon]);
}

#[tokio::test]
async fn filters_narrow_the_library() {
    let s = TestServer::start().await;
    let a = s.register("filterer", "child").await;
    let b = s.register("other_author", "child").await;
    let fantasy_en = write(&s, &a.access, json!({ "title": "Wizard Hat", "genres": ["fantasy"], "language": "en", "pages": [{ "text": "magic" }] })).await;
    let animals_tl = write(&s, &a.access, json!({ "title": "Aso at Pusa", "genres": ["animals", "friendship"], "language": "tl", "pages": [{ "text": "aso" }] })).await;
    let funny_en = write(&s, &b.access, json!({ "title": "Silly Socks", "genres": ["funny"], "language": "en", "pages": [{ "text": "socks" }] })).await;
    s.db_rw()
        .execute(
            "UPDATE stories SET collaborative = 1 WHERE id = ?1",
            [funny_en],
        )
        .expect("mark");

    let get = |q: &str| s.get(&format!("/api/stories?{q}"));
    assert_eq!(
        ids(&get("genre=fantasy").send().await.json()),
        vec![fantasy_en]
    );
    assert_eq!(
        ids(&get("genre=friendship").send().await.json()),
        vec![animals_tl]
    );
    assert_eq!(
        ids(&get("language=tl").send().await.json()),
        vec![animals_tl]
    );
    let by_a: HashSet<i64> = ids(&get(&format!("author={}", a.user_id)).send().await.json())
        .into_iter()
        .collect();
    assert_eq!(by_a, HashSet::from([fantasy_en, animals_tl]));
    assert_eq!(
        ids(&get("collaborative=true").send().await.json()),
        vec![funny_en]
    );
    assert_eq!(
        ids(&get("language=en&genre=funny").send().await.json()),
        vec![funny_en]
    );
    for (q, code) in [
        ("genre=horror", "invalid_genre"),
        ("language=fr", "invalid_language"),
        ("author=abc", "invalid_author"),
        ("collaborative=maybe", "invalid_query"),
        ("sort=loudest", "invalid_sort"),
        ("sort=relevance", "invalid_sort"),
        ("limit=0", "invalid_limit"),
        ("limit=101", "invalid_limit"),
        ("cursor=%%%", "invalid_cursor"),
        ("cursor=bm90LWpzb24", "invalid_cursor"),
    ] {
        let r = get(q).send().await;
        assert_eq!(r.status, 400, "{q}: {}", r.text());
        assert_eq!(r.code(), code, "{q}");
    }
}

#[tokio::test]
async fn every_sort_pages_through_every_story_exactly_once() {
    let s = TestServer::start().await;
    // Two authors: one person may start only 20 stories in a burst.
    let author = s.register("prolific", "child").await;
    let coauthor = s.register("prolific2", "child").await;
    let mut fans = Vec::new();
    for i in 0..3 {
        fans.push(s.register(&format!("fan{i}"), "child").await);
    }
    let mut all = Vec::new();
    for i in 0..23 {
        // Titles collide on purpose so ties must be broken by id.
        let title = format!("Tale {}", i % 5);
        let who = if i % 2 == 0 { &author } else { &coauthor };
        all.push(
            write(
                &s,
                &who.access,
                json!({ "title": title, "pages": [{ "text": format!("story number {i}") }] }),
            )
            .await,
        );
    }
    // Give sorts something to order by.
    for (n, &id) in all.iter().enumerate().take(6) {
        for fan in fans.iter().take(n % 3 + 1) {
            assert_eq!(
                s.post(&format!("/api/stories/{id}/like"))
                    .bearer(&fan.access)
                    .send()
                    .await
                    .status,
                200
            );
        }
        let r = s
            .call("PUT", &format!("/api/stories/{id}/rating"))
            .bearer(&fans[0].access)
            .json(&json!({ "value": 1 + n as i64 % 5 }))
            .send()
            .await;
        assert_eq!(r.status, 200);
        assert_eq!(
            s.post(&format!("/api/stories/{id}/reads"))
                .bearer(&fans[1].access)
                .send()
                .await
                .status,
            200
        );
    }
    let want: HashSet<i64> = all.iter().copied().collect();
    for sort in ["new", "popular", "top", "views", "title"] {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        let mut previous_key: Option<Value> = None;
        loop {
            let mut path = format!("/api/stories?sort={sort}&limit=5");
            if let Some(c) = &cursor {
                path.push_str(&format!("&cursor={c}"));
            }
            let page = s.get(&path).send().await;
            assert_eq!(page.status, 200, "{sort}: {}", page.text());
            let page = page.json();
            for item in page["items"].as_array().expect("items") {
                // Lists are small: no page bodies or drawings.
                assert!(item.get("pages").is_none());
                assert!(item["author"]["display_name"].is_string());
                let key = match sort {
                    "popular" => item["like_count"].clone(),
                    "views" => item["view_count"].clone(),
                    "title" => item["title"].clone(),
                    _ => Value::Null,
                };
                if let (Some(prev), false) = (&previous_key, key.is_null()) {
                    let ordered = match sort {
                        "title" => prev.as_str() <= key.as_str(),
                        _ => prev.as_i64() >= key.as_i64(),
                    };
                    assert!(ordered, "{sort}: {prev} then {key}");
                }
                previous_key = Some(key);
                seen.push(item["id"].as_i64().expect("id"));
            }
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => break,
            }
        }
        let unique: HashSet<i64> = seen.iter().copied().collect();
        assert_eq!(seen.len(), all.len(), "{sort}: no story twice");
        assert_eq!(unique, want, "{sort}: every story once");
    }
    // A cursor belongs to its sort.
    let first = s.get("/api/stories?sort=new&limit=2").send().await.json();
    let c = first["next_cursor"].as_str().expect("cursor");
    let r = s
        .get(&format!("/api/stories?sort=title&cursor={c}"))
        .send()
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.code(), "invalid_cursor");
}

#[tokio::test]
async fn search_results_page_by_relevance() {
    let s = TestServer::start().await;
    let u = s.register("searcher", "child").await;
    let mut made = HashSet::new();
    for i in 0..7 {
        made.insert(write(&s, &u.access, json!({ "title": format!("Rainbow {i}"), "pages": [{ "text": "rainbow ".repeat(i + 1) }] })).await);
    }
    write(
        &s,
        &u.access,
        json!({ "title": "Unrelated", "pages": [{ "text": "nothing here" }] }),
    )
    .await;
    let mut seen = HashSet::new();
    let mut cursor = String::new();
    loop {
        let page = s
            .get(&format!("/api/stories?q=rainbow&limit=3{cursor}"))
            .send()
            .await
            .json();
        for id in ids(&page) {
            assert!(seen.insert(id), "{id} twice");
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = format!("&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, made);
    let other_query = s.get("/api/stories?q=rainbow&limit=3").send().await.json();
    let c = other_query["next_cursor"].as_str().expect("cursor");
    let r = s
        .get(&format!("/api/stories?q=unrelated&cursor={c}"))
        .send()
        .await;
    assert_eq!(r.code(), "invalid_cursor", "a cursor belongs to its search");
}

#[tokio::test]
async fn title_matches_come_before_other_matches() {
    let s = TestServer::start().await;
    let u = s.register("ranker", "child").await;
    let titled = write(
        &s,
        &u.access,
        json!({ "title": "Moon Song", "pages": [{ "text": "la la la" }] }),
    )
    .await;
    let in_body = write(&s, &u.access, json!({ "title": "Zebra Parade", "pages": [{ "text": "the zebras danced under the moon" }] })).await;
    let in_summary = write(&s, &u.access, json!({ "title": "Night Walk", "summary": "A walk by moonlight", "pages": [{ "text": "shh" }] })).await;
    let found = ids(&s.get("/api/stories?q=moon").send().await.json());
    assert_eq!(
        found[0], titled,
        "the title match leads although it is older"
    );
    assert_eq!(
        found[1..].iter().copied().collect::<HashSet<_>>(),
        HashSet::from([in_body, in_summary])
    );
    // The same search in another order on request.
    let by_title = ids(&s.get("/api/stories?q=moon&sort=title").send().await.json());
    assert_eq!(by_title, vec![titled, in_summary, in_body]);
    // Filters apply inside the search.
    let none = ids(&s.get("/api/stories?q=moon&language=tl").send().await.json());
    assert!(none.is_empty());
}

#[tokio::test]
async fn a_search_with_a_one_letter_slip_still_finds_the_story() {
    let s = TestServer::start().await;
    let kid = s.register("typo_kid", "child").await;
    let dragon = s
        .published(
            &kid.access,
            "The Dragon Who Was Afraid of the Dark",
            &["Once a little dragon hid from the night."],
        )
        .await;
    let rainbow = s
        .published(
            &kid.access,
            "Ang Bahaghari",
            &["Makulay ang bahaghari sa langit."],
        )
        .await;
    let hidden = s
        .published(&kid.access, "Secret", &["A zebracorn lives here."])
        .await;
    s.db_rw()
        .execute("UPDATE stories SET hidden = 1 WHERE id = ?1", [hidden])
        .expect("hide");
    let search = |q: &'static str| {
        let s = &s;
        async move {
            let r = s.get(&format!("/api/stories?q={q}")).send().await;
            assert_eq!(r.status, 200, "{}", r.text());
            let body = r.json();
            let ids: Vec<i64> = body["items"]
                .as_array()
                .expect("items")
                .iter()
                .map(|i| i["id"].as_i64().expect("id"))
                .collect();
            (ids, body["searched_for"].as_str().map(str::to_string))
        }
    };
    // A letter left out, one too many, one changed, two swapped.
    // (A second letter left out, "dagon", is looked for more widely.)
    for q in ["dragn", "draggon", "drakon", "dargon", "dagon"] {
        assert_eq!(
            search(q).await,
            (vec![dragon], Some("dragon".into())),
            "{q}"
        );
    }
    // Tagalog too, and the other words of the search still count.
    assert_eq!(search("bahagari").await.0, vec![rainbow]);
    assert_eq!(
        search("afraid%20dragn").await,
        (vec![dragon], Some("afraid dragon".into()))
    );
    // Spelled right: no correction is claimed.
    assert_eq!(search("dragon").await, (vec![dragon], None));
    // Two slips are too far, and short words are left alone.
    assert_eq!(search("drgn").await, (vec![], None));
    assert_eq!(search("drxgxn").await, (vec![], None));
    // A hidden story's words are never offered.
    assert_eq!(search("zebracon").await, (vec![], None));
}

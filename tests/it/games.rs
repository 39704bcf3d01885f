//! Games through the real server: made on publish from the story's own text, served without
//! answers, scored on the server, XP once, remade when the text changes, hidden with the story,
//! limits, and the figures grown-ups see.

use crate::common::{Session, TestServer};
use serde_json::{Value, json};

const PAGES: &[&str] = &[
    "Once upon a time, a little cat named Mimi found a wooden boat. She painted it silver.",
    "Mimi sailed across the quiet river toward the glowing moon. A friendly turtle called Pablo swam beside her.",
    "Suddenly a strong wind blew the silver boat far away. Mimi held the rope tightly!",
    "Pablo pushed the boat back to the sandy shore. Mimi thanked her brave friend and shared her cookies.",
];

/// The stored game with its answers (what the server keeps and never sends before an attempt).
fn stored(s: &TestServer, game: i64) -> Value {
    let text: String = s
        .db()
        .query_row("SELECT content FROM games WHERE id = ?1", [game], |r| {
            r.get(0)
        })
        .expect("game row");
    serde_json::from_str(&text).expect("json")
}

/// A perfect attempt, built from the stored answers.
fn perfect(game: &Value) -> Value {
    match game["kind"].as_str() {
        Some("quiz") => {
            json!({ "answers": game["questions"].as_array().expect("q").iter().enumerate()
            .map(|(i, q)| json!({ "question": i, "choice": q["answer"] })).collect::<Vec<_>>() })
        }
        Some("fill_blank") => {
            json!({ "answers": game["questions"].as_array().expect("q").iter().enumerate()
            .map(|(i, q)| json!({ "question": i, "text": q["answer"].as_str().unwrap_or("").to_uppercase() })).collect::<Vec<_>>() })
        }
        _ => {
            let found: Vec<Value> = game["words"]
                .as_array()
                .expect("words")
                .iter()
                .zip(game["placements"].as_array().expect("p"))
                .map(|(w, p)| {
                    let n = w.as_str().unwrap_or("").chars().count() as i64 - 1;
                    let (r, c) = (
                        p["start"][0].as_i64().unwrap_or(0),
                        p["start"][1].as_i64().unwrap_or(0),
                    );
                    let (dr, dc) = (
                        p["dir"][0].as_i64().unwrap_or(0),
                        p["dir"][1].as_i64().unwrap_or(0),
                    );
                    json!({ "start": [r, c], "end": [r + dr * n, c + dc * n] })
                })
                .collect();
            json!({ "found": found })
        }
    }
}

async fn games_of(s: &TestServer, who: Option<&Session>, story: i64) -> crate::common::Resp {
    let mut c = s.get(&format!("/api/stories/{story}/games"));
    if let Some(w) = who {
        c = c.bearer(&w.access);
    }
    c.send().await
}

#[tokio::test]
async fn publishing_makes_three_games_that_keep_their_answers_until_played() {
    let s = TestServer::start().await;
    let author = s.register("author", "child").await;
    let player = s.register("player", "child").await;
    let story = s.published(&author.access, "The Moon Boat", PAGES).await;
    let made: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM games WHERE story_id = ?1",
            [story],
            |r| r.get(0),
        )
        .expect("n");
    assert_eq!(made, 3, "made on publish");

    let list = games_of(&s, None, story).await.json();
    let kinds: Vec<&str> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|g| g["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["quiz", "fill_blank", "word_search"]);
    for g in list["items"].as_array().expect("items") {
        let id = g["id"].as_i64().expect("id");
        let r = s.get(&format!("/api/games/{id}")).send().await;
        assert_eq!(r.status, 200, "guests may look");
        let body = r.text();
        assert!(
            !body.contains("\"answer\"") && !body.contains("placements"),
            "{body}"
        );
        assert_eq!(r.json()["story_title"], "The Moon Boat");
        let want = g["count"].as_i64().expect("count");
        assert!(want >= 2, "{g}");

        let full = stored(&s, id);
        let r = s
            .post(&format!("/api/games/{id}/attempts"))
            .bearer(&player.access)
            .json(&perfect(&full))
            .send()
            .await;
        assert_eq!(r.status, 201, "{}", r.text());
        let res = r.json();
        assert_eq!(res["score"], want, "{res}");
        assert_eq!(res["perfect"], true);
        assert_eq!(res["first_time"], true);
        assert_eq!(res["xp_earned"], 25);
        assert_eq!(
            res["results"].as_array().expect("results").len() as i64,
            want
        );
        // Again: scored, but no more XP.
        let r = s
            .post(&format!("/api/games/{id}/attempts"))
            .bearer(&player.access)
            .json(&json!({ "answers": [], "found": [] }))
            .send()
            .await;
        let again = r.json();
        assert_eq!(
            (
                again["score"].as_i64(),
                again["xp_earned"].as_i64(),
                again["first_time"].as_bool()
            ),
            (Some(0), Some(0), Some(false))
        );
    }
    // Achievement for the first game, figures for the player, best scores in the list.
    let ach = s
        .get("/api/me/achievements")
        .bearer(&player.access)
        .send()
        .await
        .text();
    assert!(ach.contains("first_game"), "{ach}");
    let mine = s
        .get("/api/me/games")
        .bearer(&player.access)
        .send()
        .await
        .json();
    assert_eq!(mine["played"], 3);
    assert_eq!(mine["perfect"], 3);
    assert_eq!(mine["xp"], 75);
    assert_eq!(mine["average_percent"], 50);
    let list = games_of(&s, Some(&player), story).await.json();
    assert!(
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|g| g["best"]["score"] == g["count"]),
        "{list}"
    );
}

#[tokio::test]
async fn drafts_hidden_stories_and_bad_attempts_are_refused() {
    let s = TestServer::start().await;
    let author = s.register("author", "child").await;
    let other = s.register("other", "child").await;
    let root = s.register("root", "parent").await;
    s.make_admin(&root);
    let draft = s.story(&author.access, "Secret", PAGES).await["id"]
        .as_i64()
        .expect("id");
    assert_eq!(games_of(&s, Some(&other), draft).await.status, 404);
    let own = games_of(&s, Some(&author), draft).await.json();
    assert!(
        own["items"].as_array().expect("items").is_empty(),
        "drafts have no games"
    );

    let story = s.published(&author.access, "The Moon Boat", PAGES).await;
    let quiz = games_of(&s, None, story).await.json()["items"][0]["id"]
        .as_i64()
        .expect("id");
    let attempt = |body: Value| {
        let (s, other) = (&s, &other);
        async move {
            s.post(&format!("/api/games/{quiz}/attempts"))
                .bearer(&other.access)
                .json(&body)
                .send()
                .await
        }
    };
    for bad in [
        json!({ "answers": "all of them" }),
        json!({ "answers": [{ "question": 99, "choice": 0 }] }),
        json!({ "answers": [{ "question": 0 }] }),
        json!({}),
    ] {
        let r = attempt(bad.clone()).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (422, "invalid_attempt"),
            "{bad}"
        );
    }
    let r = s
        .post(&format!("/api/games/{quiz}/attempts"))
        .json(&json!({ "answers": [] }))
        .send()
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(s.get("/api/games/99999").send().await.status, 404);
    let rows: i64 = s
        .db()
        .query_row("SELECT count(*) FROM game_attempts", [], |r| r.get(0))
        .expect("n");
    assert_eq!(rows, 0, "refused attempts store nothing");

    // Hidden by a moderator: the games go with it.
    let r = s
        .post(&format!("/api/admin/moderation/story/{story}"))
        .bearer(&root.access)
        .json(&json!({ "action": "hide", "reason": "test" }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(
        s.get(&format!("/api/games/{quiz}"))
            .bearer(&other.access)
            .send()
            .await
            .status,
        404
    );
    assert_eq!(attempt(json!({ "answers": [] })).await.status, 404);

    // Attempts are limited: 20 at once.
    let open = s.published(&author.access, "Another Boat", PAGES).await;
    let game = games_of(&s, None, open).await.json()["items"][0]["id"]
        .as_i64()
        .expect("id");
    for n in 0..21 {
        let r = s
            .post(&format!("/api/games/{game}/attempts"))
            .bearer(&other.access)
            .json(&json!({ "answers": [] }))
            .send()
            .await;
        // The five refused attempts above (four bad bodies, one hidden game) took tokens.
        let want = if n < 15 { 201 } else { 429 };
        assert_eq!(r.status, want, "attempt {n}: {}", r.text());
    }
}

#[tokio::test]
async fn games_are_remade_when_the_text_changes_and_made_late_for_old_stories() {
    let s = TestServer::start().await;
    let author = s.register("author", "child").await;
    let story = s.published(&author.access, "The Moon Boat", PAGES).await;
    let before = stored(
        &s,
        games_of(&s, None, story).await.json()["items"][0]["id"]
            .as_i64()
            .expect("id"),
    );
    let full = s
        .get(&format!("/api/stories/{story}"))
        .bearer(&author.access)
        .send()
        .await
        .json();
    let page = &full["pages"][0];
    let r = s.call("PUT", &format!("/api/stories/{story}/pages/{}", page["id"]))
        .bearer(&author.access)
        .json(&json!({ "text": "A brave dragon named Kulot guarded the enchanted mountain forever.", "version": page["version"] }))
        .send().await;
    assert_eq!(r.status, 200, "{}", r.text());
    let items = games_of(&s, None, story).await.json();
    let after = stored(&s, items["items"][0]["id"].as_i64().expect("id"));
    assert_ne!(before, after, "remade from the new text");
    assert!(
        after.to_string().contains("Kulot")
            || after.to_string().contains("dragon")
            || after.to_string().contains("enchanted")
    );

    // A story published before games existed gets them on first look.
    s.db_rw().execute("DELETE FROM games", []).expect("wipe");
    s.db_rw()
        .execute("UPDATE stories SET games_hash = NULL", [])
        .expect("reset");
    let items = games_of(&s, None, story).await.json();
    assert_eq!(items["items"].as_array().expect("items").len(), 3);
    // Too short for any game: nothing, and no error.
    let tiny = s.published(&author.access, "Hi", &["Hi."]).await;
    assert!(
        games_of(&s, None, tiny).await.json()["items"]
            .as_array()
            .expect("items")
            .is_empty()
    );
}

#[tokio::test]
async fn parents_and_teachers_see_game_results() {
    let s = TestServer::start().await;
    let mum = s.register("mum", "parent").await;
    let r = s
        .post("/api/family/children")
        .bearer(&mum.access)
        .json(&json!({ "username": "gamer", "display_name": "Gamer", "password": "secret1" }))
        .send()
        .await;
    let child_id = r.json()["child"]["id"].as_i64().expect("id");
    let kid = Session::from(&s.login("gamer", "secret1").await.json());
    let author = s.register("author", "child").await;
    let story = s.published(&author.access, "The Moon Boat", PAGES).await;
    let quiz = games_of(&s, None, story).await.json()["items"][0]["id"]
        .as_i64()
        .expect("id");
    let r = s
        .post(&format!("/api/games/{quiz}/attempts"))
        .bearer(&kid.access)
        .json(&perfect(&stored(&s, quiz)))
        .send()
        .await;
    assert_eq!(r.status, 201);

    let o = s
        .get(&format!("/api/family/children/{child_id}/overview"))
        .bearer(&mum.access)
        .send()
        .await
        .json();
    assert_eq!(o["games"]["played"], 1);
    assert_eq!(o["games"]["perfect"], 1);
    assert_eq!(o["games"]["recent"][0]["story_title"], "The Moon Boat");
    assert_eq!(o["stats"]["games_played"], 1);

    let teacher = s.teacher("teach").await;
    let class = s
        .post("/api/classes")
        .bearer(&teacher.access)
        .json(&json!({ "name": "Room 1" }))
        .send()
        .await
        .json()["class"]
        .clone();
    s.post("/api/classes/join")
        .bearer(&kid.access)
        .json(&json!({ "code": class["join_code"] }))
        .send()
        .await;
    let cid = class["id"].as_i64().expect("id");
    s.post(&format!(
        "/api/classes/{cid}/members/{}/approve",
        kid.user_id
    ))
    .bearer(&teacher.access)
    .send()
    .await;
    let rep = s
        .get(&format!("/api/classes/{cid}/report"))
        .bearer(&teacher.access)
        .send()
        .await
        .json();
    assert_eq!(rep["students"][0]["games_played"], 1);
    assert_eq!(rep["students"][0]["games_average"], 100);
    let csv = s
        .get(&format!("/api/classes/{cid}/report?format=csv"))
        .bearer(&teacher.access)
        .send()
        .await
        .text();
    assert!(
        csv.lines()
            .next()
            .unwrap_or("")
            .contains("games_played,games_average"),
        "{csv}"
    );
}

/// Finds every listed word in a public grid, as a player would (8 directions): the lines of a
/// perfect word-search attempt.
fn solve(game: &Value) -> Vec<Value> {
    let grid: Vec<Vec<String>> = game["grid"]
        .as_array()
        .expect("grid")
        .iter()
        .map(|row| {
            row.as_array()
                .expect("row")
                .iter()
                .map(|c| c.as_str().expect("letter").to_string())
                .collect()
        })
        .collect();
    let n = grid.len() as i64;
    let mut lines = Vec::new();
    for word in game["words"].as_array().expect("words") {
        let letters: Vec<String> = word
            .as_str()
            .expect("word")
            .chars()
            .map(|c| c.to_string())
            .collect();
        let len = letters.len() as i64;
        let mut hit = None;
        'search: for r in 0..n {
            for c in 0..n {
                for (dr, dc) in [
                    (0, 1),
                    (1, 0),
                    (1, 1),
                    (-1, 1),
                    (0, -1),
                    (-1, 0),
                    (-1, -1),
                    (1, -1),
                ] {
                    let (er, ec) = (r + dr * (len - 1), c + dc * (len - 1));
                    if !(0..n).contains(&er) || !(0..n).contains(&ec) {
                        continue;
                    }
                    if (0..len).all(|i| {
                        grid[(r + dr * i) as usize][(c + dc * i) as usize] == letters[i as usize]
                    }) {
                        hit = Some(json!({ "start": [r, c], "end": [er, ec] }));
                        break 'search;
                    }
                }
            }
        }
        lines.push(hit.unwrap_or_else(|| panic!("{word} is not in the grid")));
    }
    lines
}

/// A game as `who` sees it, with an optional `?size=`.
async fn game_as(s: &TestServer, who: &Session, id: i64, query: &str) -> crate::common::Resp {
    s.get(&format!("/api/games/{id}{query}"))
        .bearer(&who.access)
        .send()
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn word_search_grids_fit_the_players_age_band() {
    let s = TestServer::start().await;
    let author = s.register("author", "child").await;
    let story = s.published(&author.access, "The Moon Boat", PAGES).await;
    let items = games_of(&s, Some(&author), story).await.json();
    let ws = items["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|g| g["kind"] == "word_search")
        .and_then(|g| g["id"].as_i64())
        .expect("a word search");

    // A child says how old they are (an age band, never a birth date).
    let kid = s.register("kid", "child").await;
    for bad in ["7", "adult", "5 to 7"] {
        let r = s
            .patch("/api/me")
            .bearer(&kid.access)
            .json(&json!({ "age_band": bad }))
            .send()
            .await;
        assert_eq!(r.status, 422, "{bad}: {}", r.text());
        assert_eq!(r.code(), "invalid_age_band");
    }
    let r = s
        .patch("/api/me")
        .bearer(&kid.access)
        .json(&json!({ "age_band": "5-7" }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["age_band"], "5-7");

    let small = game_as(&s, &kid, ws, "").await.json();
    assert_eq!(small["size"], 8, "{small}");
    assert_eq!(small["age_band"], "5-7");
    assert_eq!(small["sizes"], json!([8, 10, 12]));
    assert!(
        small["words"].as_array().expect("words").iter().all(|w| w
            .as_str()
            .expect("word")
            .chars()
            .count()
            <= 8)
    );
    assert!(!small.to_string().contains("placements"), "no answers");
    // The same grid every time (the attempt is scored against it).
    assert_eq!(
        game_as(&s, &kid, ws, "").await.json()["grid"],
        small["grid"]
    );
    for bad in ["?size=9", "?size=big", "?size=-8"] {
        let r = game_as(&s, &kid, ws, bad).await;
        assert_eq!(r.status, 422, "{bad}: {}", r.text());
        assert_eq!(r.code(), "invalid_size");
    }
    let big = game_as(&s, &kid, ws, "?size=12").await.json();
    assert_eq!(big["size"], 12, "a child may pick a bigger grid");

    // Solving the 8-wide grid scores perfectly when the attempt says which grid it was...
    let r = s
        .post(&format!("/api/games/{ws}/attempts"))
        .bearer(&kid.access)
        .json(&json!({ "found": solve(&small), "size": 8 }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["perfect"], true, "{}", r.text());
    // ...and without saying so, the age band decides; a bigger grid's lines are scored on it.
    let r = s
        .post(&format!("/api/games/{ws}/attempts"))
        .bearer(&kid.access)
        .json(&json!({ "found": solve(&small) }))
        .send()
        .await;
    assert_eq!(r.json()["perfect"], true, "{}", r.text());
    let r = s
        .post(&format!("/api/games/{ws}/attempts"))
        .bearer(&kid.access)
        .json(&json!({ "found": solve(&big), "size": 12 }))
        .send()
        .await;
    assert_eq!(r.json()["perfect"], true, "{}", r.text());
    let r = s
        .post(&format!("/api/games/{ws}/attempts"))
        .bearer(&kid.access)
        .json(&json!({ "found": [], "size": 7 }))
        .send()
        .await;
    assert_eq!(r.status, 422, "{}", r.text());

    // A parent sets it for their child; clearing it gives the story's own grid back.
    let mum = s.register("mum", "parent").await;
    let r = s
        .post("/api/family/children")
        .bearer(&mum.access)
        .json(&json!({ "username": "tess", "display_name": "Tess", "password": crate::common::PASSWORD }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let tess_id = r.json()["child"]["id"].as_i64().expect("id");
    let r = s
        .patch(&format!("/api/family/children/{tess_id}"))
        .bearer(&mum.access)
        .json(&json!({ "age_band": "10-12" }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["child"]["age_band"], "10-12");
    let tess = crate::common::Session::from(&s.login("tess", crate::common::PASSWORD).await.json());
    assert_eq!(game_as(&s, &tess, ws, "").await.json()["size"], 12);
    let r = s
        .patch("/api/me")
        .bearer(&tess.access)
        .json(&json!({ "age_band": "" }))
        .send()
        .await;
    assert!(r.json()["age_band"].is_null(), "{}", r.text());
    let own = stored(&s, ws)["size"].clone();
    assert_eq!(game_as(&s, &tess, ws, "").await.json()["size"], own);
}

//! Games in a real headless Chromium: a child opens a published story, plays the quiz, the
//! fill-in-the-blank and the word search with the mouse and keyboard, and sees the score, the
//! XP and the first-game achievement; the parent's dashboard then shows the games.

use crate::common::browser::{Page, launch_or_skip, screens_dir};
use crate::common::{TestServer, spa};
use serde_json::json;

const PAGES: &[&str] = &[
    "Once upon a time, a little cat named Mimi found a wooden boat. She painted it silver.",
    "Mimi sailed across the quiet river toward the glowing moon. A friendly turtle called Pablo swam beside her.",
    "Suddenly a strong wind blew the silver boat far away. Mimi held the rope tightly!",
    "Pablo pushed the boat back to the sandy shore. Mimi thanked her brave friend and shared her cookies.",
];

async fn result_score(page: &Page<'_>) -> String {
    page.wait_visible("[data-test=game-result]").await;
    page.text("[data-test=score]").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_child_plays_all_three_games_from_a_story() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let mum = s.register("games_mum", "parent").await;
    let r = s
        .post("/api/family/children")
        .bearer(&mum.access)
        .json(&json!({ "username": "games_kid", "display_name": "Gabi", "password": crate::common::PASSWORD }))
        .send()
        .await;
    let kid_id = r.json()["child"]["id"].as_i64().expect("child");
    let author = s.register("games_author", "child").await;
    let story = s.published(&author.access, "The Moon Boat", PAGES).await;
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    spa::login(&page, &base, "games_kid").await;
    page.goto(&format!("{base}/read/{story}")).await;
    page.wait_visible("[data-test=play-quiz]").await;

    // Quiz: the right option each time, then Next.
    let (quiz_id, quiz) = spa::stored_game(&s, story, "quiz");
    let questions = quiz["questions"].as_array().expect("questions").clone();
    spa::play_perfectly(&page, &s, story, "quiz").await;
    let score = result_score(&page).await;
    assert!(
        score.contains(&format!("{} / {}", questions.len(), questions.len()))
            || score.contains(&questions.len().to_string()),
        "{score}"
    );
    let xp = page
        .eval("document.querySelector('[data-test=xp-earned]')?.dataset.xp")
        .await;
    assert_eq!(xp, json!("25"), "first attempt and perfect: 15 + 10");
    page.wait_visible("[data-test=achievement]").await;
    page.screenshot(&screens_dir().join("game-quiz-result.png"))
        .await;
    let attempts: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM game_attempts WHERE game_id = ?1 AND score = total",
            [quiz_id],
            |r| r.get(0),
        )
        .expect("n");
    assert_eq!(attempts, 1);

    // Fill in the blanks by typing (any case), then the word search by tapping.
    page.click("[data-test=back-to-story]").await;
    spa::play_perfectly(&page, &s, story, "fill_blank").await;
    page.click("[data-test=back-to-story]").await;
    spa::play_perfectly(&page, &s, story, "word_search").await;
    page.screenshot(&screens_dir().join("game-wordsearch-result.png"))
        .await;

    // A younger player picks a smaller grid: the same words that fit, 8 letters wide.
    page.click("[data-test=back-to-story]").await;
    page.click("[data-test=play-word_search]").await;
    page.wait_visible("[data-test=ws-sizes] [data-size='8']")
        .await;
    page.click("[data-test=ws-sizes] [data-size='8']").await;
    page.wait_for(
        "document.querySelectorAll('[data-test=ws-grid] [data-test=cell]').length === 64 \
         && document.querySelector(\"[data-test=ws-sizes] [data-size='8']\")?.getAttribute('aria-checked') === 'true'",
    )
    .await;

    let mine = s
        .post("/api/auth/login")
        .json(&json!({ "username": "games_kid", "password": crate::common::PASSWORD }))
        .send()
        .await
        .json();
    let token = mine["access_token"].as_str().expect("token").to_string();
    let stats = s.get("/api/me/games").bearer(&token).send().await.json();
    assert_eq!(stats["played"], 3, "{stats}");
    assert_eq!(stats["perfect"], 3, "{stats}");
    let errors = page.page_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");

    // The parent sees it.
    let parent = browser.new_context_page().await;
    spa::login(&parent, &base, "games_mum").await;
    parent.goto(&format!("{base}/family/{kid_id}")).await;
    parent
        .wait_visible("[data-test=child-games] [data-test=game-row]")
        .await;
    let rows = parent
        .eval("document.querySelectorAll('[data-test=game-row]').length")
        .await;
    assert_eq!(rows, json!(3));
}

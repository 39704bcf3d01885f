//! Creation helpers in a real headless Chromium: a child's idea becomes a story in the studio,
//! which is published and played (XP and an achievement); a photographed page becomes the
//! page's background and its words fill the text box.

use crate::common::browser::{launch_or_skip, screens_dir};
use crate::common::{TestServer, spa};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idea_becomes_a_story_that_is_published_and_played() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    s.register("idea_kid", "child").await;
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    spa::login(&page, &base, "idea_kid").await;
    page.click("[data-test=go-starter]").await;
    page.wait_visible("[data-test=starter-idea]").await;
    page.fill(
        "[data-test=starter-idea]",
        "a shy turtle named Pablo who finds a lantern by the river",
    )
    .await;
    page.click("[data-test=starter-genre-animals]").await;
    page.click("[data-test=starter-go]").await;
    page.wait_visible("[data-test=starter-preview]").await;
    let preview = page.text("[data-test=starter-preview]").await;
    assert!(preview.contains("Pablo"), "{preview}");
    page.screenshot(&screens_dir().join("starter-preview.png"))
        .await;
    page.click("[data-test=starter-use]").await;
    page.wait_for("/^\\/studio\\/\\d+$/.test(location.pathname)")
        .await;
    let id: i64 = page
        .eval("location.pathname.split('/').pop()")
        .await
        .as_str()
        .and_then(|v| v.parse().ok())
        .expect("story id");
    page.wait_visible("[data-test=st-publish]").await;
    page.click("[data-test=st-publish]").await;
    page.click("[data-test=st-publish-confirm]").await;
    page.wait_for(&format!("location.pathname === '/read/{id}'"))
        .await;

    // Play the three games made from the generated story, every answer right.
    page.wait_visible("[data-test=play-quiz]").await;
    spa::play_perfectly(&page, &s, id, "quiz").await;
    page.wait_visible("[data-test=achievement]").await;
    for kind in ["fill_blank", "word_search"] {
        page.click("[data-test=back-to-story]").await;
        spa::play_perfectly(&page, &s, id, kind).await;
    }

    let earned: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM user_achievements a JOIN users u ON u.id = a.user_id WHERE u.username = 'idea_kid' AND a.achievement_id IN ('first_story', 'first_game')",
            [],
            |r| r.get(0),
        )
        .expect("achievements");
    assert_eq!(earned, 2, "first story and first game");
    let xp: i64 = s
        .db()
        .query_row(
            "SELECT coalesce(sum(amount), 0) FROM xp_ledger l JOIN users u ON u.id = l.user_id WHERE u.username = 'idea_kid' AND l.reason IN ('game_played', 'game_perfect')",
            [],
            |r| r.get(0),
        )
        .expect("xp");
    assert_eq!(xp, 75, "three games, each played once and perfect");
    let errors = page.page_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_photographed_page_fills_the_text_box() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let kid = s.register("photo_kid", "child").await;
    let story = s.story(&kid.access, "My Photo Story", &[""]).await;
    let id = story["id"].as_i64().expect("id");
    let dir = tempfile::tempdir().expect("tmp");
    let photo = dir.path().join("page.png");
    std::fs::write(&photo, crate::common::png::printed_page()).expect("photo");
    let ocr = std::process::Command::new("tesseract")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());

    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    spa::login(&page, &base, "photo_kid").await;
    page.goto(&format!("{base}/studio/{id}")).await;
    page.wait_visible("[data-test=photo-page]").await;
    page.set_files("[data-test=photo-input]", &photo).await;
    if ocr {
        page.wait_for(
            "document.querySelector('[data-test=st-text]')?.value.includes('THE CAT SAT')",
        )
        .await;
    } else {
        page.wait_visible("[data-test=ocr-off]").await;
    }
    // The photo is the page's background on the server, and the words are saved.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let got = s
            .get(&format!("/api/stories/{id}"))
            .bearer(&kid.access)
            .send()
            .await
            .json();
        let p = &got["pages"][0];
        let has_photo =
            p["drawing"]["background_media"].is_string() && p["background"]["url"].is_string();
        let has_text = !ocr || p["text"].as_str().unwrap_or("").contains("THE CAT SAT");
        if has_photo && has_text {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "not saved: {p}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    page.screenshot(&screens_dir().join("photo-page.png")).await;
    let errors = page.page_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

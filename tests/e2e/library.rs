//! The library and the reader in a real headless Chromium: a guest searches, filters by genre,
//! opens a story, turns pages by button and by arrow key, and sees each page's drawing; a
//! signed-in reader likes it. Screenshots at phone and tablet width.

use crate::common::TestServer;
use crate::common::browser::{Page, launch_or_skip, screens_dir};
use serde_json::json;

/// A three-page story with a different drawing on each page.
async fn publish_dragon_story(s: &TestServer, token: &str) -> i64 {
    let page = |text: &str, color: &str| {
        json!({
            "text": text,
            "drawing": { "v": 1, "width": 800, "height": 600, "background": "#e7f5ff", "items": [
                { "type": "rect", "color": color, "width": 0, "x": 0, "y": 400, "w": 800, "h": 200, "fill": color },
                { "type": "stroke", "tool": "pen", "color": "#2b2340", "width": 12, "points": [100, 100, 300, 250, 500, 120] },
                { "type": "sticker", "emoji": "🐉", "x": 600, "y": 200, "size": 120 }
            ]}
        })
    };
    let r = s
        .post("/api/stories")
        .bearer(token)
        .json(&json!({
            "title": "The Dragon Who Loved Mangoes",
            "summary": "A hungry dragon finds a mango tree.",
            "genres": ["fantasy", "funny"],
            "language": "en",
            "pages": [
                page("Once upon a time a small dragon woke up hungry.", "#8ce99a"),
                page("It flew over the village and smelled sweet mangoes.", "#ffd8a8"),
                page("The dragon shared the mangoes with everyone. The end!", "#d0bfff"),
            ]
        }))
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

/// Coloured (non-background) pixels on the page canvas: > 0 when the drawing was painted.
async fn painted_pixels(page: &Page<'_>) -> i64 {
    page.eval(
        "(() => { const c = document.querySelector('[data-test=page-canvas]'); \
         const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; \
         for (let i = 0; i < d.length; i += 4) { if (!(d[i] === 0xe7 && d[i+1] === 0xf5 && d[i+2] === 0xff)) n++; } \
         return n; })()",
    )
    .await
    .as_i64()
    .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guest_finds_and_reads_a_story_page_by_page() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let author = s.register("maya_writes", "child").await;
    let id = publish_dragon_story(&s, &author.access).await;
    s.published(&author.access, "A Quiet Night", &["The moon was bright."])
        .await;
    let base = format!("http://{}", s.addr);
    let shots = screens_dir();
    let page = browser.new_page().await;
    page.viewport(768, 1024).await;

    // A guest goes from the welcome screen to the library.
    page.goto(&base).await;
    page.wait_visible("[data-test=guest-library]").await;
    page.click("[data-test=guest-library]").await;
    page.wait_for("document.querySelectorAll('[data-test=story-card]').length === 2")
        .await;
    page.screenshot(&shots.join("library-768.png")).await;

    // Instant search narrows it to the dragon story.
    page.fill("[data-test=lib-search]", "dragon").await;
    page.wait_for("document.querySelectorAll('[data-test=story-card]').length === 1")
        .await;
    assert!(page.text("[data-test=story-card]").await.contains("Dragon"));
    assert!(
        page.eval("location.search")
            .await
            .as_str()
            .unwrap_or("")
            .contains("q=dragon"),
        "the search is in the address, so it can be shared and survives a reload"
    );
    // A search that matches nothing says so.
    page.fill("[data-test=lib-search]", "zebracorn").await;
    page.wait_for("document.querySelector('.lib-status').innerText.includes('zebracorn')")
        .await;
    // A genre chip filters too.
    page.fill("[data-test=lib-search]", "").await;
    page.click("[data-genre=fantasy]").await;
    page.wait_for("document.querySelectorAll('[data-test=story-card]').length === 1")
        .await;

    // Open it and read page by page.
    page.click("[data-test=story-card]").await;
    page.wait_visible("[data-test=page-canvas]").await;
    assert_eq!(page.eval("location.pathname").await, format!("/read/{id}"));
    assert!(
        page.text("[data-test=page-text]")
            .await
            .contains("woke up hungry")
    );
    assert!(page.text("[data-test=page-number]").await.contains("1"));
    assert!(painted_pixels(&page).await > 1000, "page 1 drawing painted");
    assert_eq!(
        page.eval("document.querySelector('[data-test=prev]').disabled")
            .await,
        true
    );
    page.screenshot(&shots.join("reader-768.png")).await;

    page.click("[data-test=next]").await;
    page.wait_for("document.querySelector('[data-test=page-text]').innerText.includes('mangoes')")
        .await;
    page.press("ArrowRight").await;
    page.wait_for("document.querySelector('[data-test=page-text]').innerText.includes('The end')")
        .await;
    assert!(painted_pixels(&page).await > 1000, "page 3 drawing painted");
    // After the last page comes "The End", and Next stops there.
    page.press("ArrowRight").await;
    page.wait_for("document.querySelector('[data-test=the-end]') && !document.querySelector('[data-test=the-end]').hidden")
        .await;
    assert_eq!(
        page.eval("document.querySelector('[data-test=next]').disabled")
            .await,
        true
    );
    page.press("ArrowLeft").await;
    page.wait_for("document.querySelector('[data-test=page-text]').innerText.includes('The end')")
        .await;
    page.press("ArrowLeft").await;
    page.wait_for("document.querySelector('[data-test=page-text]').innerText.includes('mangoes')")
        .await;

    // Phone width: the page and the big buttons still fit.
    page.viewport(375, 740).await;
    page.wait_for("document.documentElement.scrollWidth <= 375")
        .await;
    page.screenshot(&shots.join("reader-375.png")).await;

    // The guest's reading counted as a view (the author's own never does).
    let views = s.get(&format!("/api/stories/{id}")).send().await.json()["counts"]["views"]
        .as_i64()
        .unwrap_or(0);
    assert_eq!(views, 1);
    let errors = page.page_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_in_reader_likes_a_story_in_tagalog() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let author = s.register("kwento_author", "child").await;
    let id = s
        .published(
            &author.access,
            "Ang Kalabaw",
            &["Si Bantay ay masaya.", "Sumayaw siya."],
        )
        .await;
    let base = format!("http://{}", s.addr);
    let page = browser.new_page().await;

    // Sign in through the real form, switch to Tagalog, read and like.
    s.register("reader_kid", "child").await;
    page.goto(&format!("{base}/login")).await;
    page.wait_visible("input[name=username]").await;
    page.fill("input[name=username]", "reader_kid").await;
    page.fill("input[name=password]", crate::common::PASSWORD)
        .await;
    page.press("Enter").await;
    page.wait_for("document.querySelector('[data-test=go-library]')")
        .await;
    page.click("button[lang=tl]").await;
    page.click("[data-test=go-library]").await;
    page.wait_for("document.querySelector('h1').innerText === 'Aklatan'")
        .await;
    page.wait_visible("[data-test=story-card]").await;
    page.click("[data-test=story-card]").await;
    page.wait_visible("[data-test=like]").await;
    assert!(
        page.text("[data-test=page-number]")
            .await
            .contains("Pahina 1 ng 2")
    );
    page.click("[data-test=like]").await;
    page.wait_for(
        "document.querySelector('[data-test=like]').getAttribute('aria-pressed') === 'true'",
    )
    .await;
    let likes = s.get(&format!("/api/stories/{id}")).send().await.json()["counts"]["likes"]
        .as_i64()
        .unwrap_or(0);
    assert_eq!(likes, 1);

    // Stars, save and a comment; a rude word is pointed out while typing.
    page.click("[data-star='4']").await;
    page.wait_for(
        "document.querySelector(\"[data-star='4']\").getAttribute('aria-pressed') === 'true'",
    )
    .await;
    page.click("[data-test=save]").await;
    page.wait_for(
        "document.querySelector('[data-test=save]').getAttribute('aria-pressed') === 'true'",
    )
    .await;
    page.fill("[data-test=comment-input]", "ang shit nito")
        .await;
    // The live hint asks the server; it names the field and hints at the word (s***) without
    // spelling it.
    page.wait_for("document.querySelector('[data-test=comment-hint]').innerText.includes('s***')")
        .await;
    assert!(!page.text("[data-test=comment-hint]").await.contains("shit"));
    page.fill("[data-test=comment-input]", "Ang ganda ng kuwento!")
        .await;
    page.wait_for("document.querySelector('[data-test=comment-hint]').innerText === ''")
        .await;
    page.click("[data-test=comment-form] button[type=submit]")
        .await;
    page.wait_for("document.querySelector('[data-test=comments]').innerText.includes('Ang ganda')")
        .await;
    let story = s.get(&format!("/api/stories/{id}")).send().await.json();
    assert_eq!(story["counts"]["comments"], 1);
    assert_eq!(story["counts"]["saves"], 1);
    assert_eq!(story["rating"]["count"], 1, "{story}");
    // A story that does not exist gets a clear message, not a blank page.
    page.goto(&format!("{base}/read/999999")).await;
    page.wait_visible("[role=alert]").await;
    let errors = page.page_errors();
    assert!(
        errors.iter().all(|e| e.contains("404")),
        "console errors: {errors:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_authors_bell_rings_live_when_a_friend_likes_the_story() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let author = s.register("bell_author", "child").await;
    let fan = s.register("bell_fan", "child").await;
    let id = s
        .published(&author.access, "The Brave Kite", &["A kite flew high."])
        .await;
    // Start from zero: publishing already earned a badge notification.
    let r = s
        .post("/api/notifications/read-all")
        .bearer(&author.access)
        .send()
        .await;
    assert_eq!(r.status, 200);
    let base = format!("http://{}", s.addr);
    let page = browser.new_page().await;
    page.goto(&format!("{base}/login")).await;
    page.wait_visible("input[name=username]").await;
    page.fill("input[name=username]", "bell_author").await;
    page.fill("input[name=password]", crate::common::PASSWORD)
        .await;
    page.press("Enter").await;
    page.wait_visible("[data-test=bell]").await;
    assert_eq!(
        page.eval("document.querySelector('[data-test=bell-count]') === null")
            .await,
        true,
        "no badge while nothing is unread"
    );
    // Wait for the socket's hello before the like, so the push has somewhere to go.
    s.wait_for_socket().await;

    let r = s
        .post(&format!("/api/stories/{id}/like"))
        .bearer(&fan.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    page.wait_for("document.querySelector('[data-test=bell-count]') !== null")
        .await;
    page.wait_for("document.getElementById('toasts').innerText.includes('liked your story')")
        .await;
    page.screenshot(&screens_dir().join("bell-live.png")).await;

    // The list shows it; tapping it marks it read and the badge follows.
    page.click("[data-test=bell]").await;
    page.wait_visible("[data-test=notice][data-type=story_liked]")
        .await;
    page.click("[data-test=read-all]").await;
    page.wait_for("document.querySelector('[data-test=bell-count]') === null")
        .await;
    // A comment while the list is open appears on top without a reload.
    let r = s
        .post(&format!("/api/stories/{id}/comments"))
        .bearer(&fan.access)
        .json(&json!({ "text": "I love kites!" }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    page.wait_for(
        "document.querySelector('[data-test=notice]').dataset.type === 'story_commented'",
    )
    .await;
    let errors = page.page_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

//! The whole way through, in two real browser contexts (two children on two tablets): one signs
//! up, writes and draws a three-page story in the studio and publishes it; the other signs up,
//! finds it by searching the library, reads every page with its picture, likes it and comments;
//! and the author's bell and notification list change live, without a reload.

use crate::common::TestServer;
use crate::common::browser::{Page, launch_or_skip, screens_dir};
use serde_json::json;

const TITLE: &str = "The Lighthouse Kite";

/// The pages: their text, the pen colour picked for the page's drawing, and that colour as RGB.
const PAGES: [(&str, &str, (u8, u8, u8)); 3] = [
    (
        "Ana found a red kite on the beach.",
        "#e03131",
        (0xe0, 0x31, 0x31),
    ),
    (
        "A blue wave carried the kite out to sea.",
        "#1c7ed6",
        (0x1c, 0x7e, 0xd6),
    ),
    (
        "A green lighthouse caught it, and the kite flew home.",
        "#2f9e44",
        (0x2f, 0x9e, 0x44),
    ),
];

/// The number on the bell's unread badge, as a script (0 when there is no badge).
const UNREAD: &str = "Number(document.querySelector('[data-test=bell-count]')?.innerText ?? 0)";

async fn unread(page: &Page<'_>) -> i64 {
    page.eval(UNREAD).await.as_i64().unwrap_or(0)
}

async fn saved(page: &Page<'_>) {
    page.wait_for("document.querySelector('[data-test=save-state]').innerText.includes('Saved')")
        .await;
}

/// Opaque pixels of the reader's page picture in (nearly exactly) the colour `rgb`.
async fn pixels_in(page: &Page<'_>, (r, g, b): (u8, u8, u8)) -> i64 {
    page.eval(&format!(
        "(() => {{ const c = document.querySelector('[data-test=page-canvas]'); \
         const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; \
         for (let i = 0; i < d.length; i += 4) {{ if (d[i + 3] === 255 && Math.abs(d[i] - {r}) < 8 \
         && Math.abs(d[i + 1] - {g}) < 8 && Math.abs(d[i + 2] - {b}) < 8) n++; }} \
         return n; }})()"
    ))
    .await
    .as_i64()
    .unwrap_or(0)
}

/// The journey, every step through the UI as a child would take it: sign up → write a
/// three-page story with a drawing on each page → publish → find it by search in a second
/// browser context → read it, each page showing its own drawing → like and comment → the
/// author's bell badge goes up and her open notification list shows the like and the comment,
/// live, in a page that never reloaded.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_story_goes_from_sign_up_to_the_authors_bell() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    // Someone else's story is in the library too, so the search has something to leave out.
    let other = s.register("quiet_writer", "child").await;
    s.published(&other.access, "A Quiet Night", &["The moon was bright."])
        .await;
    let base = format!("http://{}", s.addr);
    let author = browser.new_context_page().await;
    let reader = browser.new_context_page().await;
    for p in [&author, &reader] {
        p.cmd(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 900, "height": 1200, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;
    }

    // Ana signs up and starts a blank story.
    crate::common::spa::sign_up(&author, &base, "child", "ana_writes", "Ana Writes").await;
    author.click("[data-test=go-write]").await;
    author.wait_visible("[data-test=st-canvas]").await;
    saved(&author).await;
    let id: i64 = author
        .eval("location.pathname.split('/').pop()")
        .await
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("story id in the address");

    // A title (in the "Finish my book" sheet), then three pages, each with its words and a
    // drawing in its own colour.
    author.click("[data-test=st-publish]").await;
    author.fill("[data-test=st-title]", TITLE).await;
    author.press("Escape").await;
    for (i, (text, color, _)) in PAGES.into_iter().enumerate() {
        if i > 0 {
            author.click("[data-test=add-page]").await;
            author
                .wait_for(&format!(
                    "document.querySelectorAll('[data-test=page-tab]').length === {}",
                    i + 1
                ))
                .await;
        }
        author.fill("[data-test=st-text]", text).await;
        author.click(&format!("[data-color='{color}']")).await;
        crate::common::spa::drag(&author, "[data-test=st-canvas]", (0.2, 0.3), (0.7, 0.6)).await;
        saved(&author).await;
    }
    author
        .screenshot(&screens_dir().join("journey-studio.png"))
        .await;
    author.click("[data-test=st-publish]").await;
    author.click("[data-test=st-publish-confirm]").await;
    author
        .wait_for(&format!("location.pathname === '/read/{id}'"))
        .await;

    // The server holds three pages in order, each with its own drawing.
    let story = s.get(&format!("/api/stories/{id}")).send().await.json();
    assert_eq!(story["status"], "published");
    assert_eq!(story["title"], TITLE);
    let stored = story["pages"].as_array().expect("pages");
    assert_eq!(stored.len(), 3, "{story}");
    for (p, (text, color, _)) in stored.iter().zip(PAGES) {
        assert_eq!(p["text"], text);
        assert_eq!(p["drawing"]["items"][0]["color"], color, "{p}");
    }

    // A first story earns a badge: the bell shows it; Ana opens her notifications and marks
    // them all read. She stays on this page (no reload) for the rest of the test.
    author.wait_visible("[data-test=bell-count]").await;
    author.click("[data-test=bell]").await;
    author.wait_visible("[data-test=notice]").await;
    author.click("[data-test=read-all]").await;
    author
        .wait_for("document.querySelector('[data-test=bell-count]') === null")
        .await;
    author.eval("window.stillTheSamePage = true").await;

    // Ben signs up on his tablet and finds the story by searching the library for its title.
    crate::common::spa::sign_up(&reader, &base, "child", "ben_reads", "Ben Reads").await;
    reader.click("[data-test=nav-library]").await;
    reader
        .wait_for("document.querySelectorAll('[data-test=story-card]').length === 2")
        .await;
    reader.fill("[data-test=lib-search]", TITLE).await;
    reader
        .wait_for("document.querySelectorAll('[data-test=story-card]').length === 1")
        .await;
    assert!(reader.text("[data-test=story-card]").await.contains(TITLE));
    reader.click("[data-test=story-card]").await;
    reader
        .wait_for(&format!("location.pathname === '/read/{id}'"))
        .await;

    // He reads page by page; each page shows its words and its own drawing, painted.
    for (i, (text, _, rgb)) in PAGES.into_iter().enumerate() {
        if i > 0 {
            reader.click("[data-test=next]").await;
        }
        let words = serde_json::to_string(text).expect("json");
        reader
            .wait_for(&format!(
                "(document.querySelector('[data-test=page-text]')?.innerText ?? '').includes({words})"
            ))
            .await;
        assert!(
            reader
                .text("[data-test=page-number]")
                .await
                .contains(&format!("{} of 3", i + 1))
        );
        let own = pixels_in(&reader, rgb).await;
        assert!(own > 300, "page {} shows its drawing: {own} pixels", i + 1);
        for (_, _, other) in PAGES.into_iter().filter(|p| p.2 != rgb) {
            assert_eq!(
                pixels_in(&reader, other).await,
                0,
                "page {} shows only its own drawing",
                i + 1
            );
        }
    }
    reader
        .screenshot(&screens_dir().join("journey-reader.png"))
        .await;
    // The last page turns to "The End", where Next stops and Like waits.
    reader.click("[data-test=next]").await;
    reader
        .wait_for("document.querySelector('[data-test=the-end]') && !document.querySelector('[data-test=the-end]').hidden")
        .await;
    assert_eq!(
        reader
            .eval("document.querySelector('[data-test=next]').disabled")
            .await,
        true
    );

    // Ben likes it: Ana's badge goes up and her open list shows the like, live.
    reader.click("[data-test=like]").await;
    reader
        .wait_for(
            "document.querySelector('[data-test=like]').getAttribute('aria-pressed') === 'true'",
        )
        .await;
    author.wait_for(&format!("{UNREAD} > 0")).await;
    author
        .wait_for("(document.querySelector('[data-test=notice][data-type=story_liked]')?.innerText ?? '').includes('Ben Reads')")
        .await;
    let after_like = unread(&author).await;

    // Ben comments: the badge goes up again and the comment is in Ana's list too.
    reader
        .fill("[data-test=comment-input]", "I love the green lighthouse!")
        .await;
    reader
        .click("[data-test=comment-form] button[type=submit]")
        .await;
    reader
        .wait_for(
            "document.querySelector('[data-test=comments]').innerText.includes('green lighthouse')",
        )
        .await;
    author.wait_for(&format!("{UNREAD} > {after_like}")).await;
    author
        .wait_for("(document.querySelector('[data-test=notice][data-type=story_commented]')?.innerText ?? '').includes('Ben Reads')")
        .await;
    author
        .screenshot(&screens_dir().join("journey-bell.png"))
        .await;
    assert_eq!(
        author
            .eval("window.stillTheSamePage === true && location.pathname === '/notifications'")
            .await,
        true,
        "Ana's page was never reloaded"
    );

    let story = s.get(&format!("/api/stories/{id}")).send().await.json();
    assert_eq!(story["counts"]["likes"], 1, "{story}");
    assert_eq!(story["counts"]["comments"], 1, "{story}");
    for p in [&author, &reader] {
        let errors = p.page_errors();
        assert!(errors.is_empty(), "console errors: {errors:?}");
    }
}

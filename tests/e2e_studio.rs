//! The studio in a real headless Chromium: a child writes and draws a three-page story, gets a
//! kind refusal for a rude word, publishes, and another browser finds and reads it.

mod common;

use common::TestServer;
use common::browser::{Page, launch_or_skip, screens_dir};
use serde_json::json;

async fn saved(page: &Page<'_>) {
    page.wait_for("document.querySelector('[data-test=save-state]').innerText.includes('Saved')")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_child_writes_draws_and_publishes_a_story_that_others_can_read() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let token = s.register("writer_kid", "child").await.access;
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    page.cmd(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 900, "height": 1200, "deviceScaleFactor": 1, "mobile": false }),
    )
    .await;
    page.goto(&format!("{base}/login")).await;
    page.wait_visible("input[name=username]").await;
    page.fill("input[name=username]", "writer_kid").await;
    page.fill("input[name=password]", common::PASSWORD).await;
    page.press("Enter").await;
    page.wait_visible("[data-test=go-write]").await;
    page.click("[data-test=go-write]").await;
    page.wait_visible("[data-test=st-canvas]").await;
    let id: i64 = page
        .eval("location.pathname.split('/').pop()")
        .await
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("story id in the address");

    page.fill("[data-test=st-title]", "Moon Picnic").await;
    page.click("[data-genre=adventure]").await;
    let pages = [
        "Lola packed mangoes for a picnic on the moon.",
        "The rocket went up, up, up past the clouds.",
        "On the moon they shared mangoes with a friendly alien.",
    ];
    for (i, text) in pages.iter().enumerate() {
        if i > 0 {
            page.click("[data-test=add-page]").await;
            page.wait_for(&format!(
                "document.querySelectorAll('[data-test=page-tab]').length === {}",
                i + 1
            ))
            .await;
        }
        page.fill("[data-test=st-text]", text).await;
        if i == 2 {
            page.click("[data-tool=rect]").await;
        }
        common::spa::drag(&page, "[data-test=st-canvas]", (0.2, 0.3), (0.7, 0.6)).await;
        saved(&page).await;
    }
    page.screenshot(&screens_dir().join("studio-900.png")).await;

    // Zoomed in, the page scrolls inside its frame; zooming out brings it back.
    page.click("[data-test=zoom-in]").await;
    page.wait_for("(() => { const f = document.querySelector('[data-test=canvas-frame]'); return f.scrollWidth > f.clientWidth + 100; })()")
        .await;
    page.click("[data-test=zoom-out]").await;
    page.wait_for("(() => { const f = document.querySelector('[data-test=canvas-frame]'); return f.scrollWidth <= f.clientWidth + 1; })()")
        .await;

    // Drag page 3 to the front and back again: the order on the server follows.
    let tab_centre = |i: usize| {
        format!(
            "(() => {{ document.querySelector('[data-test=page-strip]').scrollIntoView({{block: 'center'}}); const r = document.querySelectorAll('[data-test=page-tab]')[{i}].getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()"
        )
    };
    for (from, to) in [(2usize, 0usize), (0, 2)] {
        let a = page.eval(&tab_centre(from)).await;
        let b = page.eval(&tab_centre(to)).await;
        let (ax, ay, bx, by) = (
            a[0].as_f64().unwrap_or(0.0),
            a[1].as_f64().unwrap_or(0.0),
            b[0].as_f64().unwrap_or(0.0),
            b[1].as_f64().unwrap_or(0.0),
        );
        let mouse = |kind: &str, x: f64, y: f64| json!({ "type": kind, "x": x, "y": y, "button": "left", "buttons": 1, "clickCount": 1 });
        page.cmd("Input.dispatchMouseEvent", mouse("mousePressed", ax, ay))
            .await;
        page.cmd(
            "Input.dispatchMouseEvent",
            mouse("mouseMoved", (ax + bx) / 2.0, ay),
        )
        .await;
        page.cmd("Input.dispatchMouseEvent", mouse("mouseMoved", bx, by))
            .await;
        page.cmd("Input.dispatchMouseEvent", mouse("mouseReleased", bx, by))
            .await;
        let first = if to == 0 { pages[2] } else { pages[0] };
        let want = first.to_string();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        loop {
            let st = s
                .get(&format!("/api/stories/{id}"))
                .bearer(&token)
                .send()
                .await
                .json();
            if st["pages"][0]["text"] == want.as_str() {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "order never changed: {st}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    // A rude word is refused kindly, naming the word, and nothing rude is stored.
    page.fill("[data-test=st-text]", "The alien said shit.")
        .await;
    page.wait_for("document.querySelector('[data-test=st-problem]').innerText.includes('shit')")
        .await;
    assert_eq!(
        page.eval("document.querySelector('[data-test=st-text]').getAttribute('aria-invalid')")
            .await,
        "true"
    );
    page.fill("[data-test=st-text]", pages[2]).await;
    page.wait_for("document.querySelector('[data-test=st-problem]').innerText === ''")
        .await;
    saved(&page).await;

    page.click("[data-test=st-publish]").await;
    page.wait_for(&format!("location.pathname === '/read/{id}'"))
        .await;

    // What the server holds: three pages in order, each with its drawing.
    let story = s.get(&format!("/api/stories/{id}")).send().await.json();
    assert_eq!(story["status"], "published");
    assert_eq!(story["title"], "Moon Picnic");
    assert_eq!(story["genres"], json!(["adventure"]));
    let stored = story["pages"].as_array().expect("pages");
    assert_eq!(stored.len(), 3);
    for (p, text) in stored.iter().zip(pages) {
        assert_eq!(p["text"], text);
        assert!(
            !p["drawing"]["items"].as_array().expect("items").is_empty(),
            "{p}"
        );
    }
    assert_eq!(stored[2]["drawing"]["items"][0]["type"], "rect");
    // The first picture became the cover, and the library card shows it.
    assert!(story["cover"].is_object(), "cover: {}", story["cover"]);

    // Someone else, on another device, finds it and reads it.
    let reader = browser.new_context_page().await;
    reader.goto(&format!("{base}/library?q=picnic")).await;
    reader.wait_visible("[data-test=story-card]").await;
    reader
        .wait_for("document.querySelector('[data-test=story-card] img')?.naturalWidth === 480")
        .await;
    reader
        .screenshot(&screens_dir().join("library-with-cover.png"))
        .await;
    reader.click("[data-test=story-card]").await;
    reader.wait_visible("[data-test=page-canvas]").await;
    assert!(
        reader
            .text("[data-test=page-text]")
            .await
            .contains("Lola packed")
    );
    reader.click("[data-test=next]").await;
    reader
        .wait_for("document.querySelector('[data-test=page-text]').innerText.includes('rocket')")
        .await;
    for p in [&page, &reader] {
        let errors = p.page_errors();
        assert!(
            errors.iter().all(|e| e.contains("422")),
            "console errors: {errors:?}"
        );
    }
}

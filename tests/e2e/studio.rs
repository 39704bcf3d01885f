//! The studio in a real headless Chromium: a child writes and draws a three-page story, gets a
//! kind refusal for a rude word, publishes, and another browser finds and reads it; on a touch
//! screen, two fingers pinch-zoom and pan the page while one finger draws.

use crate::common::TestServer;
use crate::common::browser::{Page, launch_or_skip, screens_dir};
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
    page.fill("input[name=password]", crate::common::PASSWORD)
        .await;
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

    // Title and genres wait in the "Finish my book" sheet, which Publish opens.
    page.click("[data-test=st-publish]").await;
    page.fill("[data-test=st-title]", "Moon Picnic").await;
    page.click("[data-genre=adventure]").await;
    page.press("Escape").await;
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
        crate::common::spa::drag(&page, "[data-test=st-canvas]", (0.2, 0.3), (0.7, 0.6)).await;
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

    // A rude word is refused kindly, hinting at the word without spelling it, and nothing rude
    // is stored.
    page.fill("[data-test=st-text]", "The alien said shit.")
        .await;
    page.wait_for("document.querySelector('[data-test=st-problem]').innerText.includes('s***')")
        .await;
    assert!(!page.text("[data-test=st-problem]").await.contains("shit"));
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
    page.click("[data-test=st-publish-confirm]").await;
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

/// The studio's zoom as the pinch and the zoom buttons set it on the canvas (1 when unset).
const ZOOM: &str = "parseFloat(document.querySelector('[data-test=st-canvas]').style.getPropertyValue('--zoom') || '1')";

async fn zoom(page: &Page<'_>) -> f64 {
    page.eval(ZOOM).await.as_f64().expect("zoom")
}

/// How far the page is scrolled inside its frame: (left, top).
async fn frame_scroll(page: &Page<'_>) -> (f64, f64) {
    let v = page
        .eval("(() => { const f = document.querySelector('[data-test=canvas-frame]'); return [f.scrollLeft, f.scrollTop]; })()")
        .await;
    (v[0].as_f64().expect("left"), v[1].as_f64().expect("top"))
}

/// The middle of the visible part of the canvas frame, in viewport pixels.
async fn frame_middle(page: &Page<'_>) -> (f64, f64) {
    let v = page
        .eval("(() => { const f = document.querySelector('[data-test=canvas-frame]'); f.scrollIntoView({block: 'center'}); const r = f.getBoundingClientRect(); const top = Math.max(r.top, 0); const bottom = Math.min(r.bottom, innerHeight); return [r.left + r.width / 2, (top + bottom) / 2]; })()")
        .await;
    (v[0].as_f64().expect("x"), v[1].as_f64().expect("y"))
}

/// Puts fingers down at `from`, slides each to its place in `to` in small steps, and lifts them.
async fn fingers(page: &Page<'_>, from: &[(f64, f64)], to: &[(f64, f64)]) {
    page.touch("touchStart", from).await;
    for i in 1..=10 {
        let k = f64::from(i) / 10.0;
        let now: Vec<(f64, f64)> = from
            .iter()
            .zip(to)
            .map(|(a, b)| (a.0 + (b.0 - a.0) * k, a.1 + (b.1 - a.1) * k))
            .collect();
        page.touch("touchMove", &now).await;
    }
    page.touch("touchEnd", &[]).await;
}

/// The drawing items the server holds for the story's first page, once there are at least `n`.
async fn stored_items(s: &TestServer, token: &str, id: i64, n: usize) -> Vec<serde_json::Value> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let st = s
            .get(&format!("/api/stories/{id}"))
            .bearer(token)
            .send()
            .await
            .json();
        let items = st["pages"][0]["drawing"]["items"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if items.len() >= n {
            return items;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "never saved {n} drawing items: {st}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Real touch input on a tablet-sized studio: two fingers spreading apart zoom the page in (it
/// grows past its frame), two fingers moving together pan it inside the frame at the same zoom,
/// and pinching brings it back to 1×, none of which draws anything; one finger draws, zoomed in
/// or not, without moving the view, and zoomed in 2× the same finger movement covers half as
/// much of the page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_fingers_pinch_zoom_and_pan_the_page_while_one_finger_draws() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let token = s.register("pinch_kid", "child").await.access;
    let id = s
        .story(&token, "Pinch and Draw", &["A page to zoom into."])
        .await["id"]
        .as_i64()
        .expect("id");
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    page.cmd(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 900, "height": 1200, "deviceScaleFactor": 1, "mobile": false }),
    )
    .await;
    page.cmd(
        "Emulation.setTouchEmulationEnabled",
        json!({ "enabled": true, "maxTouchPoints": 5 }),
    )
    .await;
    crate::common::spa::login(&page, &base, "pinch_kid").await;
    page.goto(&format!("{base}/studio/{id}")).await;
    page.wait_visible("[data-test=st-canvas]").await;
    saved(&page).await;
    assert_eq!(zoom(&page).await, 1.0);

    // Two fingers spread to twice their distance: the page zooms in 2× and outgrows its frame.
    let (x, y) = frame_middle(&page).await;
    fingers(
        &page,
        &[(x - 60.0, y), (x + 60.0, y)],
        &[(x - 120.0, y), (x + 120.0, y)],
    )
    .await;
    page.wait_for(&format!("{ZOOM} > 1.8")).await;
    page.wait_for("(() => { const f = document.querySelector('[data-test=canvas-frame]'); return f.scrollWidth > f.clientWidth + 100; })()")
        .await;
    let zoomed = zoom(&page).await;
    assert!(
        zoomed <= 2.2,
        "spreading to twice the distance zooms about 2×, not {zoomed}"
    );
    page.screenshot(&screens_dir().join("studio-pinch-zoomed.png"))
        .await;

    // Two fingers moving left and up together pan the zoomed page, and the zoom stays.
    let (x, y) = frame_middle(&page).await;
    let (left, _) = frame_scroll(&page).await;
    fingers(
        &page,
        &[(x - 80.0, y), (x + 80.0, y)],
        &[(x - 200.0, y - 80.0), (x - 40.0, y - 80.0)],
    )
    .await;
    page.wait_for(&format!(
        "document.querySelector('[data-test=canvas-frame]').scrollLeft > {}",
        left + 60.0
    ))
    .await;
    assert!(
        (zoom(&page).await - zoomed).abs() < 0.05,
        "panning keeps the zoom"
    );

    // One finger draws, zoomed in too, and the view does not move under it. The server then
    // holds exactly that stroke: the pinch and the pan drew nothing.
    let (x, y) = frame_middle(&page).await;
    let still = frame_scroll(&page).await;
    fingers(&page, &[(x - 100.0, y)], &[(x + 100.0, y + 30.0)]).await;
    let items = stored_items(&s, &token, id, 1).await;
    assert_eq!(items.len(), 1, "only the finger drew: {items:?}");
    assert_eq!(items[0]["type"], "stroke");
    assert_eq!(frame_scroll(&page).await, still, "drawing does not pan");
    assert!(
        (zoom(&page).await - zoomed).abs() < 0.05,
        "drawing does not zoom"
    );

    // Pinching the fingers together brings the page back to 1×, fitting its frame again.
    let (x, y) = frame_middle(&page).await;
    fingers(
        &page,
        &[(x - 150.0, y), (x + 150.0, y)],
        &[(x - 50.0, y), (x + 50.0, y)],
    )
    .await;
    page.wait_for(&format!("{ZOOM} === 1")).await;
    page.wait_for("(() => { const f = document.querySelector('[data-test=canvas-frame]'); return f.scrollWidth <= f.clientWidth + 1 && !document.querySelector('[data-test=st-canvas]').classList.contains('zoomed'); })()")
        .await;

    // The same finger movement at 1× draws a stroke about twice as wide on the page.
    let (x, y) = frame_middle(&page).await;
    fingers(&page, &[(x - 100.0, y)], &[(x + 100.0, y + 30.0)]).await;
    let items = stored_items(&s, &token, id, 2).await;
    assert_eq!(items.len(), 2, "the pinch back drew nothing: {items:?}");
    assert_eq!(items[1]["type"], "stroke");
    let width = |item: &serde_json::Value| {
        let xs: Vec<f64> = item["points"]
            .as_array()
            .expect("points")
            .iter()
            .step_by(2)
            .filter_map(serde_json::Value::as_f64)
            .collect();
        xs.iter().copied().fold(f64::MIN, f64::max) - xs.iter().copied().fold(f64::MAX, f64::min)
    };
    let (zoomed_width, plain_width) = (width(&items[0]), width(&items[1]));
    assert!(
        plain_width > 100.0,
        "the stroke at 1× spans the finger's path: {plain_width}"
    );
    assert!(
        (zoomed_width / plain_width * zoomed - 1.0).abs() < 0.25,
        "zoomed {zoomed}×, the same movement drew {zoomed_width} wide against {plain_width} at 1×"
    );
    let errors = page.page_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

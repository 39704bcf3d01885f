//! A studio and reader made for a seven-year-old on a tablet: the canvas on the first screen,
//! keyboard drawing, covers for every story, a real ending, printing the book, and sounds that
//! stay off when Settings says so.

use crate::common::browser::{Page, decode_base64, launch_or_skip, screens_dir};
use crate::common::{TestServer, tool};
use serde_json::{Value, json};

fn drawing(color: &str) -> Value {
    json!({ "v": 1, "width": 1024, "height": 768, "background": "#fffaf0", "items": [
        { "type": "rect", "color": color, "width": 6, "x": 100, "y": 100, "w": 500, "h": 300, "fill": color }
    ] })
}

/// The canvas's box against the screen: `[top, bottom, screen height]`.
async fn canvas_box(page: &Page<'_>, selector: &str) -> (f64, f64, f64) {
    let r = page
        .eval(&format!(
            "(() => {{ const r = document.querySelector('{selector}').getBoundingClientRect(); return [r.top, r.bottom, innerHeight, r.width]; }})()"
        ))
        .await;
    let n = |i: usize| r[i].as_f64().unwrap_or(-1.0);
    assert!(n(3) > 150.0, "{selector} is too small to draw on: {r}");
    (n(0), n(1), n(2))
}

async fn canvas_in_first_screen(page: &Page<'_>, selector: &str, what: &str) {
    // The bottom tab bar on phones and tablets covers the last 72 px.
    let (top, bottom, screen) = canvas_box(page, selector).await;
    let scrolled = page.eval("scrollY").await.as_f64().unwrap_or(0.0);
    assert!(
        top >= 0.0 && bottom <= screen - 72.0 + 0.5 && scrolled < 1.0,
        "{what}: the canvas runs {top}..{bottom} on a {screen} px screen (scrolled {scrolled})"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_canvas_and_its_tools_fill_the_first_screen_of_the_studio_and_draw_together() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let kid = s.register("canvas_kid", "child").await;
    let draft = s.story(&kid.access, "Sky Boat", &["One", "Two"]).await["id"]
        .as_i64()
        .expect("draft");
    let session = s
        .post("/api/collab/sessions")
        .bearer(&kid.access)
        .json(&json!({ "title": "Sky" }))
        .send()
        .await
        .json()["id"]
        .as_i64()
        .expect("session");
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    crate::common::spa::login(&page, &base, "canvas_kid").await;
    for (w, h) in [(375, 812), (768, 1024)] {
        page.viewport(w, h).await;
        page.goto(&format!("{base}/studio/{draft}")).await;
        page.wait_visible("[data-test=st-canvas]").await;
        page.wait_for("document.querySelectorAll('[data-test=page-tab]').length >= 2")
            .await;
        canvas_in_first_screen(&page, "[data-test=st-canvas]", &format!("studio at {w}")).await;
        // The tools are on the first screen too, every one big enough for a finger.
        let tools = page
            .eval("[...document.querySelectorAll('[data-test=draw-tools] button')].filter(b => b.offsetParent).map(b => { const r = b.getBoundingClientRect(); return [r.width, r.height, r.bottom]; })")
            .await;
        let tools = tools.as_array().expect("tools");
        assert!(tools.len() >= 10, "{tools:?}");
        for t in tools {
            let (bw, bh, bottom) = (
                t[0].as_f64().unwrap_or(0.0),
                t[1].as_f64().unwrap_or(0.0),
                t[2].as_f64().unwrap_or(0.0),
            );
            assert!(bw >= 44.0 && bh >= 44.0, "a tool of {bw}x{bh} at {w}");
            assert!(
                bottom <= f64::from(h) - 72.0 + 0.5,
                "a tool below the first screen at {w}: {bottom}"
            );
        }
        page.screenshot(&screens_dir().join(format!("delight-studio-{w}.png")))
            .await;
        // Adding and switching pages keeps the canvas where it is.
        let tabs = page
            .eval("document.querySelectorAll('[data-test=page-tab]').length")
            .await
            .as_i64()
            .unwrap_or(0);
        page.click("[data-test=add-page]").await;
        page.wait_for(&format!(
            "document.querySelectorAll('[data-test=page-tab]').length === {}",
            tabs + 1
        ))
        .await;
        page.eval("scrollTo(0, 0)").await;
        canvas_in_first_screen(
            &page,
            "[data-test=st-canvas]",
            &format!("after adding a page at {w}"),
        )
        .await;
        page.click("[data-test=page-tab]").await;
        page.eval("scrollTo(0, 0)").await;
        canvas_in_first_screen(
            &page,
            "[data-test=st-canvas]",
            &format!("after switching pages at {w}"),
        )
        .await;

        page.goto(&format!("{base}/together/{session}")).await;
        page.wait_visible("[data-test=tg-canvas]").await;
        canvas_in_first_screen(
            &page,
            "[data-test=tg-canvas]",
            &format!("draw-together at {w}"),
        )
        .await;
        let tg_tools = page
            .eval("['eraser', 'sticker'].every(t => document.querySelector(`[data-test=draw-tools] [data-tool=${t}]`))")
            .await;
        assert_eq!(
            tg_tools, true,
            "draw-together has the studio's eraser and stickers"
        );
    }
    let errors = page.page_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_child_draws_with_the_keyboard_and_finishes_the_book_in_a_sheet() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let kid = s.register("keys_kid", "child").await;
    let story = s.story(&kid.access, "Arrow Art", &["Lines"]).await;
    let id = story["id"].as_i64().expect("id");
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    crate::common::spa::login(&page, &base, "keys_kid").await;
    page.goto(&format!("{base}/studio/{id}")).await;
    page.wait_visible("[data-test=st-canvas]").await;

    // A heading, colours with names, a canvas that says how to draw with keys.
    assert_eq!(page.eval("document.querySelectorAll('h1').length").await, 1);
    let colours = page
        .eval("[...document.querySelectorAll('[data-color]')].map(b => b.getAttribute('aria-label') || '')")
        .await;
    let colours: Vec<&str> = colours
        .as_array()
        .expect("colours")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(colours.len() >= 6, "{colours:?}");
    assert!(
        colours.iter().all(|c| !c.is_empty() && !c.starts_with('#')),
        "{colours:?}"
    );
    let label = page
        .eval("document.querySelector('[data-test=st-canvas]').getAttribute('aria-label')")
        .await;
    assert!(label.as_str().unwrap_or("").contains("Arrow"), "{label}");

    // Space starts a line, arrows draw it, Space ends it: saved like a finger's.
    page.eval("document.querySelector('[data-test=st-canvas]').focus()")
        .await;
    page.press("Space").await;
    for _ in 0..6 {
        page.press("ArrowRight").await;
    }
    page.press("ArrowDown").await;
    page.press("Space").await;
    page.wait_for(
        "(document.querySelector('[data-test=draw-status]')?.innerText ?? '').length > 0",
    )
    .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let st = s
            .get(&format!("/api/stories/{id}"))
            .bearer(&kid.access)
            .send()
            .await
            .json();
        let items = st["pages"][0]["drawing"]["items"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if let Some(stroke) = items.first() {
            assert_eq!(stroke["type"], "stroke", "{stroke}");
            assert!(
                stroke["points"].as_array().expect("points").len() >= 6,
                "{stroke}"
            );
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the keyboard line was never saved: {st}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // Publish opens "Finish my book": the title box has the focus; Escape closes it and gives
    // the focus back.
    page.click("[data-test=st-publish]").await;
    page.wait_for("document.querySelector('[data-test=st-sheet]').open")
        .await;
    assert_eq!(
        page.eval("document.activeElement?.dataset.test").await,
        "st-title"
    );
    page.press("Escape").await;
    page.wait_for("!document.querySelector('[data-test=st-sheet]').open")
        .await;
    assert_eq!(
        page.eval("document.activeElement?.dataset.test").await,
        "st-publish"
    );
    page.click("[data-test=st-publish]").await;
    page.fill("[data-test=st-title]", "Arrow Art Book").await;
    page.screenshot(&screens_dir().join("delight-finish-sheet.png"))
        .await;
    page.click("[data-test=st-publish-confirm]").await;
    page.wait_for(&format!("location.pathname === '/read/{id}'"))
        .await;
    let st = s.get(&format!("/api/stories/{id}")).send().await.json();
    assert_eq!(
        (st["status"].as_str(), st["title"].as_str()),
        (Some("published"), Some("Arrow Art Book"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_story_shows_its_own_cover_and_a_phone_sees_stories_before_filters() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let kid = s.register("cover_fan", "child").await;
    for (title, color) in [("The Red Dragon", "#c92a2a"), ("The Blue Whale", "#1c7ed6")] {
        let r = s
            .post("/api/stories")
            .bearer(&kid.access)
            .json(&json!({ "title": title, "pages": [{ "text": "Hello.", "drawing": drawing(color) }] }))
            .send()
            .await;
        let id = r.json()["id"].as_i64().expect("id");
        s.post(&format!("/api/stories/{id}/publish"))
            .bearer(&kid.access)
            .send()
            .await;
    }
    s.published(&kid.access, "Words Only", &["No picture at all."])
        .await;
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    page.viewport(375, 812).await;
    page.goto(&format!("{base}/library")).await;
    page.wait_visible("[data-test=story-card]").await;
    page.wait_for("[...document.querySelectorAll('[data-test=story-card] img')].filter(i => i.complete && i.naturalWidth > 0).length === 3")
        .await;
    let covers = page
        .eval("[...document.querySelectorAll('[data-test=story-card] img')].map(i => i.getAttribute('src'))")
        .await;
    let mut covers: Vec<&str> = covers
        .as_array()
        .expect("covers")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        covers.iter().all(|c| c.starts_with("/covers/")),
        "{covers:?}"
    );
    covers.dedup();
    assert_eq!(covers.len(), 3, "every story its own cover");
    // On a phone the filters fold into one button and the first story shows at once.
    assert_eq!(
        page.eval(
            "document.querySelector('[data-test=lib-filters]').getAttribute('aria-expanded')"
        )
        .await,
        "false"
    );
    let first = page
        .eval("document.querySelector('[data-test=story-card]').getBoundingClientRect().top")
        .await
        .as_f64()
        .unwrap_or(f64::MAX);
    assert!(
        first < 812.0 - 72.0 - 100.0,
        "the first story starts at {first}"
    );
    page.screenshot(&screens_dir().join("delight-library-375.png"))
        .await;
    page.click("[data-test=lib-filters]").await;
    assert_eq!(
        page.eval(
            "document.querySelector('[data-test=lib-filters]').getAttribute('aria-expanded')"
        )
        .await,
        "true"
    );
    // A letter left out still finds the dragon.
    page.fill("[data-test=lib-search]", "dragn").await;
    page.wait_for("(() => { const c = document.querySelectorAll('[data-test=story-card]'); return c.length === 1 && c[0].innerText.includes('Red Dragon'); })()")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_last_page_turns_to_the_end_with_games_more_stories_and_a_small_report_menu() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let author = s.register("end_author", "child").await;
    s.register("end_reader", "child").await;
    let story = s
        .published(
            &author.access,
            "The Moon Boat",
            &[
                "Once upon a time, a little cat named Mimi found a wooden boat. She painted it silver.",
                "Mimi sailed across the quiet river toward the glowing moon. A friendly turtle swam beside her.",
                "Pablo pushed the boat back to the sandy shore. Mimi thanked her brave friend and shared her cookies.",
            ],
        )
        .await;
    s.published(&author.access, "Another Tale", &["More to read."])
        .await;
    for i in 0..9 {
        s.post(&format!("/api/stories/{story}/comments"))
            .bearer(&author.access)
            .json(&json!({ "text": format!("Thank you for reading, part {i}!") }))
            .send()
            .await;
    }
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    crate::common::spa::login(&page, &base, "end_reader").await;
    page.viewport(768, 1024).await;
    page.goto(&format!("{base}/read/{story}")).await;
    page.wait_visible("[data-test=page-text]").await;

    // Text size: bigger words, remembered.
    let size =
        "parseFloat(getComputedStyle(document.querySelector('[data-test=page-text]')).fontSize)";
    let before = page.eval(size).await.as_f64().unwrap_or(0.0);
    page.click("[data-test=font-size] [data-size=l]").await;
    let after = page.eval(size).await.as_f64().unwrap_or(0.0);
    assert!(after > before, "{before} -> {after}");
    assert_eq!(page.eval("localStorage.getItem('pt.fontSize')").await, "l");

    // Report sits in a small menu; the nine comments are not nine stops for Tab.
    assert_eq!(
        page.eval("document.querySelector('[data-test=story-more]').getAttribute('aria-haspopup')")
            .await,
        "menu"
    );
    assert_eq!(
        page.eval("Boolean(document.querySelector('[data-test=report-story]')?.offsetParent)")
            .await,
        false
    );
    page.wait_for("document.querySelectorAll('[data-test=comment]').length === 9")
        .await;
    let stops = page
        .eval("[...document.querySelectorAll('[data-test=comments] *')].filter(e => e.tabIndex >= 0 && (e.matches('button, a, [tabindex]'))).length")
        .await
        .as_i64()
        .unwrap_or(99);
    assert!(stops <= 2, "{stops} Tab stops in the comments");

    for _ in 0..3 {
        page.click("[data-test=next]").await;
    }
    page.wait_for("document.querySelector('[data-test=the-end]') && !document.querySelector('[data-test=the-end]').hidden")
        .await;
    page.wait_for("document.querySelectorAll('[data-test=end-game]').length === 3")
        .await;
    page.wait_for("document.querySelectorAll('[data-test=more-by-card]').length >= 1")
        .await;
    assert!(
        page.text("[data-test=page-number]")
            .await
            .contains("The End")
    );
    assert!(
        page.text("[data-test=the-end]")
            .await
            .contains("Another Tale")
    );
    page.screenshot(&screens_dir().join("delight-the-end-768.png"))
        .await;
    page.click("[data-test=read-again]").await;
    page.wait_for(
        "document.querySelector('[data-test=page-text]').innerText.includes('wooden boat')",
    )
    .await;
    let errors = page.page_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn print_my_book_prints_a_cover_then_one_sheet_a_page() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let kid = s.register("print_kid", "child").await;
    let r = s
        .post("/api/stories")
        .bearer(&kid.access)
        .json(&json!({ "title": "Three Little Stars", "pages": [
            { "text": "The first star woke up.", "drawing": drawing("#ffd23f") },
            { "text": "The second star sang a song." },
            { "text": "The third star said goodnight.", "drawing": drawing("#1c7ed6") }
        ] }))
        .send()
        .await;
    let id = r.json()["id"].as_i64().expect("id");
    s.post(&format!("/api/stories/{id}/publish"))
        .bearer(&kid.access)
        .send()
        .await;
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    page.goto(&format!("{base}/read/{id}")).await;
    page.wait_visible("[data-test=print-book]").await;
    // The print dialog itself is the browser's; the test prints the same page to PDF.
    page.eval("window.print = () => { window.__printed = (window.__printed || 0) + 1; }")
        .await;
    page.click("[data-test=print-book]").await;
    page.wait_for("document.querySelector('[data-test=print-layout]')?.dataset.ready === '1'")
        .await;
    assert_eq!(page.eval("window.__printed").await, 1);
    let pdf = page
        .cmd(
            "Page.printToPDF",
            json!({ "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": true }),
        )
        .await;
    let path = screens_dir().join("delight-book.pdf");
    std::fs::create_dir_all(screens_dir()).expect("dir");
    std::fs::write(&path, decode_base64(pdf["data"].as_str().expect("pdf"))).expect("write");
    let path = path.to_string_lossy().to_string();
    let info = tool("pdfinfo", &[&path]);
    let pages: i64 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pages");
    assert_eq!(pages, 4, "a cover and three pages: {info}");
    let text = tool("pdftotext", &[&path, "-"]);
    for words in [
        "Three Little Stars",
        "The first star woke up.",
        "The second star sang a song.",
        "The third star said goodnight.",
    ] {
        assert!(
            text.contains(words),
            "{words} is not in the printed book: {text}"
        );
    }
    // Nothing of the app: no buttons, no comments.
    assert!(
        !text.contains("Print") && !text.contains("Comment"),
        "{text}"
    );
}

/// Runs `celebrate()` from the app's own sound module; answers whether an audio context was
/// made and whether confetti fell.
async fn celebrate(page: &Page<'_>) -> (bool, bool) {
    let r = page
        .eval("(async () => { const m = await import(document.querySelector('script[type=module]').src.replace(/main\\.js$/, 'delight.js')); m.celebrate('publish'); return [m.audioStarted(), Boolean(document.querySelector('[data-test=confetti]'))]; })()")
        .await;
    (r[0] == true, r[1] == true)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sounds_stay_off_when_settings_or_a_parent_say_so_and_motion_when_the_device_does() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let mum = s.register("quiet_mum2", "parent").await;
    let kid = s.child_of(&mum, "quiet_kid2").await;
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    crate::common::spa::login(&page, &base, "quiet_kid2").await;

    // Turned off in Settings: saved on the account, and a celebration makes no sound.
    page.goto(&format!("{base}/settings")).await;
    page.wait_visible("[data-test=set-sounds]").await;
    assert_eq!(
        page.eval("document.querySelector('[data-test=set-sounds]').getAttribute('aria-checked')")
            .await,
        "true"
    );
    page.click("[data-test=set-sounds]").await;
    page.wait_for(
        "document.querySelector('[data-test=set-sounds]').getAttribute('aria-checked') === 'false'",
    )
    .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while s.get("/api/me").bearer(&kid.access).send().await.json()["prefs"]["sounds"] != false {
        assert!(
            std::time::Instant::now() < deadline,
            "sounds: false was never saved"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    page.goto(&format!("{base}/settings")).await;
    page.wait_visible("[data-test=set-sounds]").await;
    let (audio, confetti) = celebrate(&page).await;
    assert!(!audio, "sounds are off but an audio context started");
    assert!(confetti, "confetti still falls without sound");

    // Back on: the tune plays.
    page.click("[data-test=set-sounds]").await;
    page.wait_for(
        "document.querySelector('[data-test=set-sounds]').getAttribute('aria-checked') === 'true'",
    )
    .await;
    page.goto(&format!("{base}/settings")).await;
    page.wait_visible("[data-test=set-sounds]").await;
    assert!(celebrate(&page).await.0, "sounds are on: a tune plays");

    // A parent turns sounds off: the switch says so and cannot be turned back on.
    let child_id = s
        .get("/api/family/children")
        .bearer(&mum.access)
        .send()
        .await
        .json()["items"][0]["id"]
        .as_i64()
        .expect("child");
    let r = s
        .patch(&format!("/api/family/children/{child_id}"))
        .bearer(&mum.access)
        .json(&json!({ "rules": { "quiet": true } }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    page.goto(&format!("{base}/settings")).await;
    page.wait_visible("[data-test=sounds-quiet]").await;
    assert_eq!(
        page.eval("document.querySelector('[data-test=set-sounds]').disabled")
            .await,
        true
    );
    assert!(!celebrate(&page).await.0, "a parent turned sounds off");

    // A device that asks for less motion gets no confetti.
    page.cmd(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-reduced-motion", "value": "reduce" }] }),
    )
    .await;
    page.goto(&format!("{base}/settings")).await;
    page.wait_visible("[data-test=set-sounds]").await;
    assert_eq!(celebrate(&page).await, (false, false));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_badge_arrives_live_with_confetti() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let kid = s.register("badge_kid", "child").await;
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    crate::common::spa::login(&page, &base, "badge_kid").await;
    page.wait_visible("[data-test=greeting]").await;
    // Once the socket is open, "First Story" is earned from elsewhere.
    s.wait_for_socket().await;
    s.published(&kid.access, "My First", &["Hello!"]).await;
    page.wait_visible("[data-test=confetti]").await;
}

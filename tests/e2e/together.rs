//! Drawing together in real browsers: a host starts a session, a friend joins by the code shown
//! big on screen, both draw and each sees the other's strokes live, page text syncs, and a vote
//! saves the story to the library with both as authors.

use crate::common::TestServer;
use crate::common::browser::{Page, launch_or_skip, screens_dir};
use serde_json::json;

/// The ops on the shared page, by seq (pixels would differ: each viewer sees the others' cursors).
async fn canvas_image(page: &Page<'_>) -> String {
    page.eval("document.querySelector('[data-test=tg-canvas]').dataset.sig")
        .await
        .as_str()
        .unwrap_or("")
        .to_string()
}

fn items(n: usize) -> String {
    format!("document.querySelector('[data-test=tg-canvas]')?.dataset.items === '{n}'")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_friends_draw_one_story_live_and_save_it_by_vote() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    s.register("host_kid", "child").await;
    s.register("guest_kid", "child").await;
    let base = format!("http://{}", s.addr);
    let a = browser.new_context_page().await;
    let b = browser.new_context_page().await;
    for p in [&a, &b] {
        p.cmd(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 800, "height": 1200, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;
    }
    crate::common::spa::login(&a, &base, "host_kid").await;
    crate::common::spa::login(&b, &base, "guest_kid").await;

    // The host starts a session; the code is shown big.
    a.click("[data-test=go-together]").await;
    a.click("[data-test=tg-create]").await;
    a.wait_for(
        "/^[A-Z2-9]{5}$/.test(document.querySelector('[data-test=tg-code]')?.innerText ?? '')",
    )
    .await;
    let code = a.text("[data-test=tg-code]").await;

    // The friend types it in lower case with a space.
    b.click("[data-test=go-together]").await;
    let messy = format!("{} {}", &code[..2], &code[2..]).to_lowercase();
    b.fill("input[name=code]", &messy).await;
    b.press("Enter").await;
    b.wait_for("document.querySelectorAll('[data-test=tg-member]').length === 2")
        .await;
    a.wait_for("document.querySelectorAll('[data-test=tg-member] .dot.online').length === 2")
        .await;

    a.click("[data-test=tg-start]").await;
    // Both canvases must be unlocked before anyone draws: a stroke on a locked canvas is
    // (rightly) dropped, and the host's own page may unlock a moment after the guest's.
    let unlocked = "document.querySelector('[data-test=tg-canvas]') && !document.querySelector('[data-test=tg-canvas]').classList.contains('locked')";
    a.wait_for(unlocked).await;
    b.wait_for(unlocked).await;

    // Each draws; each sees the other's stroke (the drawer's own count first, so a lost
    // gesture shows as the drawer's failure, not the viewer's).
    crate::common::spa::drag(&a, "[data-test=tg-canvas]", (0.1, 0.2), (0.5, 0.5)).await;
    a.wait_for(&items(1)).await;
    b.wait_for(&items(1)).await;
    crate::common::spa::drag(&b, "[data-test=tg-canvas]", (0.6, 0.2), (0.9, 0.8)).await;
    a.wait_for(&items(2)).await;
    b.wait_for(&items(2)).await;

    // Page text travels too.
    b.fill("[data-test=tg-text]", "The two dragons painted the sky.")
        .await;
    a.wait_for(
        "(document.querySelector('[data-test=tg-text]')?.value ?? '').includes('painted the sky')",
    )
    .await;
    a.screenshot(&screens_dir().join("together-800.png")).await;

    // Chat: a rude line is refused next to the box and reaches nobody; a kind one arrives.
    b.fill("[data-test=tg-chat-input]", "this is shit").await;
    b.press("Enter").await;
    b.wait_for(
        "(document.querySelector('[data-test=tg-chat-hint]')?.innerText ?? '').includes('kind words')",
    )
    .await;
    b.fill("[data-test=tg-chat-input]", "this is fun").await;
    b.press("Enter").await;
    a.wait_for(
        "(document.querySelector('[data-test=tg-chat]')?.innerText ?? '').includes('this is fun')",
    )
    .await;
    assert!(!a.text("[data-test=tg-chat]").await.contains("shit"));

    // A vote saves it: the host asks, the friend agrees.
    // The friend has scrolled down to the chat: the vote still comes to the top of the screen,
    // is announced, and has the focus on Yes.
    b.eval("scrollTo(0, document.body.scrollHeight)").await;
    a.click("[data-test=tg-save]").await;
    b.wait_visible("[data-test=tg-yes]").await;
    let vote = b
        .eval("(() => { const v = document.querySelector('[data-test=tg-vote]'); const r = v.getBoundingClientRect(); return [v.getAttribute('role'), r.top, r.bottom <= innerHeight, document.activeElement?.dataset.test]; })()")
        .await;
    assert_eq!(vote[0], "alertdialog", "{vote}");
    assert!(
        vote[1].as_f64().is_some_and(|t| (0.0..80.0).contains(&t)),
        "the vote is not pinned at the top: {vote}"
    );
    assert_eq!(vote[2], true, "{vote}");
    assert_eq!(vote[3], "tg-yes", "{vote}");
    b.click("[data-test=tg-yes]").await;
    a.wait_visible("[data-test=tg-story]").await;
    b.wait_visible("[data-test=tg-story]").await;
    let href = a
        .eval("document.querySelector('[data-test=tg-story]').getAttribute('href')")
        .await;
    let story_id: i64 = href
        .as_str()
        .and_then(|h| h.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .expect("story link");
    let story = s
        .get(&format!("/api/stories/{story_id}"))
        .send()
        .await
        .json();
    assert_eq!(story["status"], "published");
    assert_eq!(story["author"]["display_name"], "host_kid");
    assert_eq!(
        story["coauthors"][0]["display_name"], "guest_kid",
        "{story}"
    );
    assert_eq!(
        story["pages"][0]["drawing"]["items"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    assert_eq!(
        story["pages"][0]["text"],
        "The two dragons painted the sky."
    );
    for p in [&a, &b] {
        let errors = p.page_errors();
        assert!(errors.is_empty(), "console errors: {errors:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_friends_end_with_the_same_canvas_after_one_drops_off_the_network() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    for name in ["ana_net", "ben_net", "cy_net"] {
        s.register(name, "child").await;
    }
    let base = format!("http://{}", s.addr);
    let a = browser.new_context_page().await;
    let b = browser.new_context_page().await;
    let c = browser.new_context_page().await;
    for (p, name) in [(&a, "ana_net"), (&b, "ben_net"), (&c, "cy_net")] {
        p.cmd(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 800, "height": 1200, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;
        crate::common::spa::login(p, &base, name).await;
    }
    a.click("[data-test=go-together]").await;
    a.click("[data-test=tg-create]").await;
    a.wait_for(
        "/^[A-Z2-9]{5}$/.test(document.querySelector('[data-test=tg-code]')?.innerText ?? '')",
    )
    .await;
    let code = a.text("[data-test=tg-code]").await;
    for p in [&b, &c] {
        p.click("[data-test=go-together]").await;
        p.fill("input[name=code]", &code).await;
        p.press("Enter").await;
    }
    a.wait_for("document.querySelectorAll('[data-test=tg-member] .dot.online').length === 3")
        .await;
    a.click("[data-test=tg-start]").await;
    c.wait_for("document.querySelector('[data-test=tg-canvas]') && !document.querySelector('[data-test=tg-canvas]').classList.contains('locked')")
        .await;
    crate::common::spa::drag(&a, "[data-test=tg-canvas]", (0.1, 0.1), (0.3, 0.3)).await;
    c.wait_for(&items(1)).await;

    // Cy's tablet loses the network; the others keep drawing.
    c.cmd("Network.enable", json!({})).await;
    c.cmd(
        "Network.emulateNetworkConditions",
        json!({ "offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
    )
    .await;
    c.wait_for("document.querySelector('[data-test=tg-conn]').innerText.includes('Reconnecting')")
        .await;
    crate::common::spa::drag(&a, "[data-test=tg-canvas]", (0.4, 0.1), (0.6, 0.3)).await;
    crate::common::spa::drag(&b, "[data-test=tg-canvas]", (0.7, 0.1), (0.9, 0.3)).await;
    a.wait_for(&items(3)).await;
    b.wait_for(&items(3)).await;

    c.cmd(
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
    )
    .await;
    c.wait_for(&items(3)).await;
    let (la, lb, lc) = (
        canvas_image(&a).await,
        canvas_image(&b).await,
        canvas_image(&c).await,
    );
    assert!(!la.is_empty(), "no picture");
    assert!(la == lb && lb == lc, "the three canvases differ");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_host_closes_joining_and_removes_someone_from_the_screen() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    for name in ["host_ui", "guest_ui", "late_ui"] {
        s.register(name, "child").await;
    }
    let base = format!("http://{}", s.addr);
    let a = browser.new_context_page().await;
    let b = browser.new_context_page().await;
    let c = browser.new_context_page().await;
    for (p, name) in [(&a, "host_ui"), (&b, "guest_ui"), (&c, "late_ui")] {
        crate::common::spa::login(p, &base, name).await;
    }
    a.click("[data-test=go-together]").await;
    a.click("[data-test=tg-create]").await;
    a.wait_for(
        "/^[A-Z2-9]{5}$/.test(document.querySelector('[data-test=tg-code]')?.innerText ?? '')",
    )
    .await;
    let code = a.text("[data-test=tg-code]").await;
    b.click("[data-test=go-together]").await;
    b.fill("input[name=code]", &code).await;
    b.press("Enter").await;
    a.wait_for("document.querySelectorAll('[data-test=tg-member] .dot.online').length === 2")
        .await;

    // No more joining: a late friend is told so.
    a.click("[data-test=tg-close]").await;
    a.wait_for("document.querySelector('[data-test=tg-close]') === null")
        .await;
    c.click("[data-test=go-together]").await;
    c.fill("input[name=code]", &code).await;
    c.press("Enter").await;
    c.wait_for("document.querySelector('[data-test=tg-join] .error').innerText.length > 0")
        .await;

    // Remove: the guest is sent back to the start with a message, and cannot come back.
    a.eval("window.confirm = () => true").await;
    a.click("[data-test=tg-member] button").await;
    b.wait_for("location.pathname === '/together'").await;
    b.wait_for("document.getElementById('toasts').innerText.includes('removed you')")
        .await;
    a.wait_for("document.querySelectorAll('[data-test=tg-member]').length === 1")
        .await;
    b.fill("input[name=code]", &code).await;
    b.press("Enter").await;
    b.wait_for("document.querySelector('[data-test=tg-join] .error').innerText.length > 0")
        .await;
}

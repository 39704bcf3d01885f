//! A phone in a child's hands: a bottom tab bar with words, one Log out, a first-run tour shown
//! once (in the child's language), and a word search with cells a finger can hit.

use crate::common::a11y::english_left;
use crate::common::browser::{Page, launch_or_skip, screens_dir};
use crate::common::{Call, PASSWORD, Session, TestServer};
use serde_json::json;

/// Every visible element matching `selector` as `[width, height]`.
async fn sizes(page: &Page<'_>, selector: &str) -> Vec<(f64, f64)> {
    let v = page
        .eval(&format!(
            "[...document.querySelectorAll('{selector}')].filter(e => e.offsetParent).map(e => {{ const r = e.getBoundingClientRect(); return [r.width, r.height]; }})"
        ))
        .await;
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|p| (p[0].as_f64().unwrap_or(0.0), p[1].as_f64().unwrap_or(0.0)))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_gets_a_bottom_tab_bar_with_words_and_one_log_out_in_settings() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    s.register("tabs_kid", "child").await;
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    page.viewport(375, 812).await;
    page.goto(&format!("{base}/login")).await;
    page.fill("input[name=username]", "tabs_kid").await;
    page.fill("input[name=password]", PASSWORD).await;
    page.press("Enter").await;
    page.wait_visible("[data-test=tabbar]").await;
    page.wait_visible("[data-test=greeting]").await;

    let tabs = page
        .eval("[...document.querySelectorAll('[data-test=tabbar] a')].map(a => [a.dataset.test, a.innerText.trim()])")
        .await;
    let tabs = tabs.as_array().expect("tabs").clone();
    let names: Vec<&str> = tabs.iter().filter_map(|t| t[0].as_str()).collect();
    assert_eq!(
        names,
        [
            "tab-home",
            "tab-library",
            "tab-create",
            "tab-friends",
            "tab-me"
        ]
    );
    assert!(
        tabs.iter().all(|t| t[1]
            .as_str()
            .is_some_and(|w| w.chars().any(char::is_alphabetic))),
        "every tab has a word: {tabs:?}"
    );
    for (w, h) in sizes(&page, "[data-test=tabbar] a")
        .await
        .into_iter()
        .chain(sizes(&page, ".topbar a, .topbar button").await)
    {
        assert!(w >= 44.0 && h >= 44.0, "a {w}x{h} target");
    }
    // The header is one row, and home has no second Log out.
    let header = page
        .eval("document.querySelector('.topbar').getBoundingClientRect().height")
        .await
        .as_f64()
        .unwrap_or(999.0);
    assert!(header <= 80.0, "the header is {header} px tall");
    assert_eq!(
        page.eval("document.querySelectorAll('[data-test=logout]').length")
            .await,
        0
    );
    page.screenshot(&screens_dir().join("phone-home-375.png"))
        .await;

    page.click("[data-test=tab-library]").await;
    page.wait_for("location.pathname === '/library'").await;
    assert_eq!(
        page.eval("document.querySelector('[data-test=tab-library]').getAttribute('aria-current')")
            .await,
        "page"
    );
    page.click("[data-test=tab-me]").await;
    page.wait_for("location.pathname === '/me'").await;
    page.click("[data-test=me-settings]").await;
    page.wait_visible("[data-test=logout]").await;
    assert_eq!(
        page.eval("document.querySelectorAll('[data-test=logout]').length")
            .await,
        1
    );
    page.click("[data-test=logout]").await;
    page.wait_visible("[data-test=go-login]").await;
    assert_eq!(
        page.eval("document.querySelector('[data-test=tabbar]').hidden")
            .await,
        true
    );

    // A laptop keeps the links in the header and has no tab bar.
    page.viewport(1280, 800).await;
    crate::common::spa::login(&page, &base, "tabs_kid").await;
    assert_eq!(
        page.eval("getComputedStyle(document.querySelector('[data-test=tabbar]')).display")
            .await,
        "none"
    );
}

/// A new account whose tour has not been seen (the shared helpers mark it seen).
async fn fresh(s: &TestServer, username: &str, role: &str) -> Session {
    let r = Call::new(s.addr, "POST", "/api/auth/register")
        .json(&json!({ "username": username, "password": PASSWORD, "display_name": username, "role": role }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    Session::from(&r.json())
}

async fn sign_in(page: &Page<'_>, base: &str, username: &str) {
    page.goto(&format!("{base}/login")).await;
    page.wait_visible("input[name=username]").await;
    page.fill("input[name=username]", username).await;
    page.fill("input[name=password]", PASSWORD).await;
    page.press("Enter").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_run_tour_is_shown_once_to_each_kind_of_account_in_their_language() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let kid = fresh(&s, "tour_new_kid", "child").await;
    fresh(&s, "tour_new_mum", "parent").await;
    let teacher = fresh(&s, "tour_new_teacher", "teacher").await;
    s.db_rw()
        .execute(
            "UPDATE users SET pending_approval = 0 WHERE id = ?1",
            [teacher.user_id],
        )
        .expect("approve");
    fresh(&s, "tour_new_tl", "child").await;
    let base = format!("http://{}", s.addr);

    // A child: three steps, then never again (not after a reload, not on another device).
    let page = browser.new_context_page().await;
    page.viewport(768, 1024).await;
    sign_in(&page, &base, "tour_new_kid").await;
    page.wait_visible("[data-test=tour]").await;
    assert_eq!(
        page.eval("document.querySelector('[data-test=tour]').dataset.role")
            .await,
        "child"
    );
    assert_eq!(page.text("[data-test=tour-count]").await, "1 of 3");
    page.screenshot(&screens_dir().join("phone-tour-child-768.png"))
        .await;
    page.click("[data-test=tour-next]").await;
    page.click("[data-test=tour-next]").await;
    assert_eq!(page.text("[data-test=tour-count]").await, "3 of 3");
    page.click("[data-test=tour-done]").await;
    page.wait_for("!document.querySelector('[data-test=tour]')?.open")
        .await;
    let me = s.get("/api/me").bearer(&kid.access).send().await.json();
    assert_eq!(me["prefs"]["tour"], "done", "{me}");
    page.goto(&base).await;
    page.wait_visible("[data-test=greeting]").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        page.eval("Boolean(document.querySelector('[data-test=tour]')?.open)")
            .await,
        false
    );
    let other = browser.new_context_page().await;
    sign_in(&other, &base, "tour_new_kid").await;
    other.wait_visible("[data-test=greeting]").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        other
            .eval("Boolean(document.querySelector('[data-test=tour]')?.open)")
            .await,
        false
    );

    // A parent and a teacher get their own tours; Skip ends them for good.
    for (who, role) in [("tour_new_mum", "parent"), ("tour_new_teacher", "teacher")] {
        let page = browser.new_context_page().await;
        sign_in(&page, &base, who).await;
        page.wait_visible("[data-test=tour]").await;
        assert_eq!(
            page.eval("document.querySelector('[data-test=tour]').dataset.role")
                .await,
            role
        );
        page.click("[data-test=tour-skip]").await;
        page.wait_for("!document.querySelector('[data-test=tour]')?.open")
            .await;
        page.goto(&base).await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(
            page.eval("Boolean(document.querySelector('[data-test=tour]')?.open)")
                .await,
            false,
            "{role}"
        );
    }

    // In Tagalog, on a phone: no English left on the screen while the tour is open.
    let page = browser.new_context_page().await;
    page.viewport(375, 812).await;
    page.goto(&base).await;
    page.eval("localStorage.setItem('pt.lang', 'tl')").await;
    sign_in(&page, &base, "tour_new_tl").await;
    page.wait_visible("[data-test=tour]").await;
    assert_eq!(page.text("[data-test=tour-count]").await, "1 sa 3");
    let left = english_left(&page).await;
    assert!(left.is_empty(), "English on a Tagalog screen: {left:?}");
    page.screenshot(&screens_dir().join("phone-tour-tl-375.png"))
        .await;
    // The check does see English when there is some: one of the app's English lines, added.
    page.eval(
        "(async () => { const i18n = await import(document.querySelector('script[type=module]').src.replace(/main\\.js$/, 'i18n.js')); \
         const en = i18n.allWords('en'), tl = i18n.allWords('tl'); \
         const line = Object.keys(en).map(k => en[k]).find((v, i) => !v.includes('{') && v.split(' ').length >= 4 && v !== tl[Object.keys(en)[i]]); \
         document.querySelector('[data-test=tour]').append(Object.assign(document.createElement('p'), { textContent: line })); })()",
    )
    .await;
    assert_eq!(english_left(&page).await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_word_search_has_cells_a_finger_can_hit_on_a_phone() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let kid = s.register("grid_kid", "child").await;
    let story = s
        .published(
            &kid.access,
            "The Moon Boat",
            &[
                "Once upon a time, a little cat named Mimi found a wooden boat. She painted it silver.",
                "Mimi sailed across the quiet river toward the glowing moon. A friendly turtle called Pablo swam beside her.",
                "Suddenly a strong wind blew the silver boat far away. Mimi held the rope tightly!",
                "Pablo pushed the boat back to the sandy shore. Mimi thanked her brave friend and shared her wonderful cookies.",
            ],
        )
        .await;
    let game: i64 = s
        .db()
        .query_row(
            "SELECT id FROM games WHERE story_id = ?1 AND kind = 'word_search'",
            [story],
            |r| r.get(0),
        )
        .expect("game");
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    page.viewport(375, 812).await;
    crate::common::spa::login(&page, &base, "grid_kid").await;
    page.goto(&format!("{base}/play/{game}")).await;
    page.wait_visible("[data-test=ws-grid]").await;
    let cells = sizes(
        &page,
        "[data-test=ws-grid] button, [data-test=ws-grid] [role=gridcell]",
    )
    .await;
    assert!(cells.len() >= 36, "{} cells", cells.len());
    for (w, h) in &cells {
        assert!(*w >= 36.0 && *h >= 36.0, "a {w}x{h} cell on a phone");
    }
    let wide = page
        .eval("document.documentElement.scrollWidth")
        .await
        .as_i64()
        .unwrap_or(0);
    assert!(wide <= 375, "the page is {wide} px wide");
}

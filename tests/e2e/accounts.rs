//! The first screen in a real headless Chromium: sign up, greeting, reload, log out, log in,
//! friendly errors, Tagalog, keyboard-only use and deep links.

use crate::common::TestServer;
use crate::common::browser::{launch_or_skip, screens_dir};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_child_signs_up_logs_out_and_logs_in() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let base = format!("http://{}", s.addr);
    let page = browser.new_page().await;
    let shots = screens_dir();

    page.goto(&base).await;
    page.wait_visible("[data-test=go-signup]").await;
    page.screenshot(&shots.join("01-welcome.png")).await;
    page.click("[data-test=go-signup]").await;
    page.wait_visible("[data-test=role-child]").await;
    assert_eq!(page.eval("location.pathname").await, "/signup");

    // Submitting without choosing who you are explains what to do.
    page.fill("input[name=username]", "maya").await;
    page.click("button[type=submit]").await;
    page.wait_for(
        "document.querySelector('.roles + .error').innerText.includes('pick who you are')",
    )
    .await;

    // A rude display name is refused on that field, naming the word.
    page.click("[data-test=role-child]").await;
    page.fill("input[name=display_name]", "Maya sh1t").await;
    page.fill("input[name=password]", "sunny1").await;
    page.click("button[type=submit]").await;
    page.wait_for(
        "document.querySelector('[data-field=display_name]').classList.contains('has-error')",
    )
    .await;
    let err = page.text("[data-field=display_name] .error").await;
    assert!(
        err.contains("kind words") && !err.contains("shit"),
        "never spelled out: {err}"
    );
    page.screenshot(&shots.join("02-signup-profanity.png"))
        .await;

    page.fill("input[name=display_name]", "Maya").await;
    page.click("button[type=submit]").await;
    page.wait_for("document.querySelector('[data-test=greeting]')")
        .await;
    assert_eq!(page.text("[data-test=greeting]").await, "Hello, Maya!");
    assert_eq!(page.eval("location.pathname").await, "/");
    page.screenshot(&shots.join("03-home.png")).await;

    // The sign-in survives a reload.
    page.goto(&base).await;
    page.wait_for("document.querySelector('[data-test=greeting]')")
        .await;

    // One Log out, in Settings.
    page.click("[data-test=nav-settings]").await;
    page.click("[data-test=logout]").await;
    page.wait_visible("[data-test=go-login]").await;
    assert_eq!(
        page.eval("localStorage.getItem('pt.session')").await,
        serde_json::Value::Null
    );
    let sessions_left: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM sessions WHERE revoked_at IS NULL",
            [],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(
        sessions_left, 0,
        "logging out ends the session on the server too"
    );

    page.click("[data-test=go-login]").await;
    page.fill("input[name=username]", "maya").await;
    page.fill("input[name=password]", "wrong-password").await;
    page.click("button[type=submit]").await;
    page.wait_for("document.querySelector('[data-test=form-error]').innerText.length > 0")
        .await;
    assert!(
        page.text("[data-test=form-error]")
            .await
            .contains("do not match")
    );
    page.screenshot(&shots.join("04-login-error.png")).await;

    // Keyboard only: type the password and press Enter.
    page.fill("input[name=password]", "sunny1").await;
    page.press("Enter").await;
    page.wait_for("document.querySelector('[data-test=greeting]')")
        .await;

    let errors = page.page_errors();
    assert!(
        errors
            .iter()
            .all(|e| e.contains("401") || e.contains("422")),
        "console errors: {errors:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tagalog_deep_links_and_unknown_pages() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    s.register("lolo", "parent").await;
    let base = format!("http://{}", s.addr);
    let page = browser.new_page().await;

    page.goto(&format!("{base}/login")).await;
    page.wait_visible("input[name=username]").await;
    assert_eq!(
        page.eval("document.activeElement.name").await,
        "username",
        "the first field has focus"
    );

    page.click(".lang-switch button[lang=tl]").await;
    page.wait_for("document.querySelector('h1').innerText === 'Mag-log in'")
        .await;
    assert_eq!(page.eval("document.documentElement.lang").await, "tl");
    page.fill("input[name=username]", "lolo").await;
    page.fill("input[name=password]", "wrong-password").await;
    page.press("Enter").await;
    page.wait_for(
        "document.querySelector('[data-test=form-error]').innerText.includes('Hindi tugma')",
    )
    .await;
    page.screenshot(&screens_dir().join("05-login-tagalog.png"))
        .await;

    page.fill("input[name=password]", crate::common::PASSWORD)
        .await;
    page.press("Enter").await;
    page.wait_for("document.querySelector('[data-test=greeting]')")
        .await;
    assert_eq!(page.text("[data-test=greeting]").await, "Kumusta, lolo!");

    // Signed in, the guest-only pages send you home; unknown paths get a friendly page.
    page.goto(&format!("{base}/signup")).await;
    page.wait_for("location.pathname === '/'").await;
    page.goto(&format!("{base}/no/such/page")).await;
    page.wait_for("document.querySelector('h1') && document.querySelector('h1').innerText.includes('Hindi namin makita')").await;
}

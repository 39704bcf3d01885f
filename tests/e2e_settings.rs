//! Settings in a real headless Chromium: theme (kept on the server), notification choices,
//! changing the password, and logging out on every device.

mod common;

use common::TestServer;
use common::browser::{launch_or_skip, screens_dir};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_child_picks_dark_colours_mutes_a_notification_changes_password_and_logs_out_everywhere()
{
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let kid = s.register("settings_kid", "child").await;
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    page.goto(&format!("{base}/login")).await;
    page.wait_visible("input[name=username]").await;
    page.fill("input[name=username]", "settings_kid").await;
    page.fill("input[name=password]", common::PASSWORD).await;
    page.press("Enter").await;
    page.wait_visible("[data-test=nav-settings]").await;
    page.click("[data-test=nav-settings]").await;

    page.click("[data-theme=night]").await;
    page.wait_for("document.documentElement.dataset.theme === 'night'")
        .await;
    page.wait_for("document.getElementById('toasts').innerText.includes('Saved')")
        .await;
    page.screenshot(&screens_dir().join("settings-night.png"))
        .await;
    page.goto(&format!("{base}/settings")).await;
    page.wait_for("document.documentElement.dataset.theme === 'night'")
        .await;

    page.click("input[data-kind=story_liked]").await;
    page.wait_for("document.getElementById('toasts').innerText.includes('Saved')")
        .await;
    let me = s.get("/api/me").bearer(&kid.access).send().await.json();
    assert_eq!(me["theme"], "night");
    assert_eq!(me["notifications"]["story_liked"], false);

    // A new password works at once, and this tab stays signed in with its new tokens.
    page.fill("input[name=current_password]", common::PASSWORD)
        .await;
    page.fill("input[name=new_password]", "sunny-days-9").await;
    page.click("[data-test=password-form] button[type=submit]")
        .await;
    page.wait_for("document.getElementById('toasts').innerText.includes('Password changed')")
        .await;
    assert_eq!(s.login("settings_kid", "sunny-days-9").await.status, 200);
    page.goto(&format!("{base}/settings")).await;
    page.wait_visible("[data-test=logout-all]").await;

    // Everywhere: the confirm dialog is accepted, and every session ends.
    page.eval("window.confirm = () => true").await;
    page.click("[data-test=logout-all]").await;
    page.wait_visible("[data-test=go-signup]").await;
    let r = s.get("/api/me").bearer(&kid.access).send().await;
    assert_eq!(r.status, 401, "the old token's session is over");
    let errors = page.page_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

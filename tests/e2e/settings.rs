//! Settings in a real headless Chromium: theme (kept on the server), notification choices,
//! changing the password, and logging out on every device.

use crate::common::TestServer;
use crate::common::browser::{launch_or_skip, screens_dir};

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
    page.fill("input[name=password]", crate::common::PASSWORD)
        .await;
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

    page.click("[data-privacy=public]").await;
    page.wait_for(
        "document.querySelector('[data-privacy=public]').getAttribute('aria-checked') === 'true'",
    )
    .await;
    page.click("[data-test=age-band] [data-band='8-9']").await;
    page.click("input[data-kind=story_liked]").await;
    // Each choice saves on its own; wait until the server has them all.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let me = loop {
        let me = s.get("/api/me").bearer(&kid.access).send().await.json();
        if me["notifications"]["story_liked"] == false
            && me["privacy"] == "public"
            && me["age_band"] == "8-9"
        {
            break me;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "choices not saved: {me}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_eq!(me["theme"], "night");
    assert_eq!(me["notifications"]["story_liked"], false);
    assert_eq!(me["privacy"], "public");

    // A new password works at once, and this tab stays signed in with its new tokens.
    page.fill("input[name=current_password]", crate::common::PASSWORD)
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_profile_shows_level_badges_stories_and_a_new_picture() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let kid = s.register("profile_kid", "child").await;
    let other = s.register("profile_other", "child").await;
    s.published(&kid.access, "My First Tale", &["Hello world."])
        .await;
    s.story(&kid.access, "Still Writing", &["Soon."]).await;
    let theirs = s.published(&other.access, "Their Tale", &["Hi."]).await;
    let r = s
        .patch("/api/me")
        .bearer(&other.access)
        .json(&serde_json::json!({ "privacy": "public" }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = s
        .post(&format!("/api/stories/{theirs}/save"))
        .bearer(&kid.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    page.goto(&format!("{base}/login")).await;
    page.wait_visible("input[name=username]").await;
    page.fill("input[name=username]", "profile_kid").await;
    page.fill("input[name=password]", crate::common::PASSWORD)
        .await;
    page.press("Enter").await;
    page.wait_visible("[data-test=nav-user]").await;
    page.click("[data-test=nav-user]").await;
    page.wait_visible("[data-test=badges]").await;
    assert!(
        page.text("[data-test=pr-drafts]")
            .await
            .contains("Still Writing")
    );
    assert!(
        page.text("[data-test=pr-published]")
            .await
            .contains("My First Tale")
    );
    assert!(
        page.text("[data-test=pr-saved]")
            .await
            .contains("Their Tale")
    );
    assert!(
        page.eval("document.querySelectorAll('[data-test=badges] [data-earned=\"1\"]').length")
            .await
            .as_i64()
            .unwrap_or(0)
            >= 1,
        "publishing a first story earns a badge"
    );
    page.click("[data-avatar='🐉']").await;
    page.wait_for("document.querySelector('[data-test=pr-avatar]').innerText === '🐉'")
        .await;
    page.wait_for("document.querySelector('[data-test=nav-user]').innerText.includes('🐉')")
        .await;
    page.screenshot(&screens_dir().join("profile.png")).await;
    let me = s.get("/api/me").bearer(&kid.access).send().await.json();
    assert_eq!(me["avatar_emoji"], "🐉");

    // Someone else's public page lists their library stories.
    page.goto(&format!("{base}/people/{}", other.user_id)).await;
    page.wait_visible("[data-test=person-stories]").await;
    assert!(
        page.text("[data-test=person-stories]")
            .await
            .contains("Their Tale")
    );
    let errors = page.page_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

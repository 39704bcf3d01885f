//! Friends and chat in two real browser contexts (two children on two tablets): live presence
//! dots, live messages, the typing hint and read receipts.

use crate::common::TestServer;
use crate::common::browser::{launch_or_skip, screens_dir};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_friends_see_each_other_online_and_chat_live_with_read_receipts() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start_with(&["--presence-grace-ms", "300"]).await;
    let ana = s.register("ana_chat", "child").await;
    let ben = s.register("ben_chat", "child").await;
    s.befriend(&ana, &ben, "ben_chat").await;
    let base = format!("http://{}", s.addr);
    let a = browser.new_context_page().await;
    let b = browser.new_context_page().await;

    // Ben published a story before: it is on Ana's home under "new from your friends".
    s.published(&ben.access, "Ben's Purple Dragon", &["Roar!"])
        .await;
    crate::common::spa::login(&a, &base, "ana_chat").await;
    a.wait_for("(document.querySelector('[data-test=friends-new]')?.innerText ?? '').includes('Purple Dragon')")
        .await;
    a.wait_visible("[data-test=xp-bar]").await;
    a.click("[data-test=go-friends]").await;
    a.wait_visible("[data-test=friend]").await;
    assert_eq!(
        a.eval("document.querySelector('[data-test=dot]').classList.contains('online')")
            .await,
        false
    );
    // Ben signs in on his tablet: Ana's list lights up without a reload.
    crate::common::spa::login(&b, &base, "ben_chat").await;
    a.wait_for("document.querySelector('[data-test=dot]').classList.contains('online')")
        .await;
    a.screenshot(&screens_dir().join("friends-online.png"))
        .await;

    a.click("[data-test=chat-link]").await;
    a.wait_visible("[data-test=chat-input]").await;
    b.goto(&format!("{base}/chat/{}", ana.user_id)).await;
    b.wait_visible("[data-test=chat-input]").await;

    // Ben types: Ana sees the hint.
    b.click("[data-test=chat-input]").await;
    b.type_text("Hel").await;
    a.wait_for("!document.querySelector('[data-test=typing]').hidden")
        .await;

    // Ana writes; Ben's screen shows it live, which marks it read, and Ana sees "Seen".
    a.fill("[data-test=chat-input]", "Hi Ben! Want to draw a dragon?")
        .await;
    a.press("Enter").await;
    b.wait_for(
        "document.querySelector('[data-test=chat-log]').innerText.includes('draw a dragon')",
    )
    .await;
    a.wait_for("document.querySelector('[data-test=msg].mine').dataset.read === '1'")
        .await;
    assert!(a.text("[data-test=msg].mine").await.contains("Seen"));

    b.fill("[data-test=chat-input]", "Yes! A purple one").await;
    b.click("[data-test=chat-send]").await;
    a.wait_for("document.querySelector('[data-test=chat-log]').innerText.includes('purple')")
        .await;
    a.screenshot(&screens_dir().join("chat.png")).await;

    // Both messages are stored once, in order.
    let r = s
        .get(&format!("/api/conversations/{}/messages", ben.user_id))
        .bearer(&ana.access)
        .send()
        .await;
    let texts: Vec<String> = r.json()["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|m| m["text"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        texts,
        vec!["Hi Ben! Want to draw a dragon?", "Yes! A purple one"]
    );

    // Ben leaves: Ana's friends list shows him offline after the grace period.
    b.goto("about:blank").await;
    a.click("[data-test=nav-library]").await;
    a.goto(&format!("{base}/friends")).await;
    a.wait_for("document.querySelector('[data-test=dot]') && !document.querySelector('[data-test=dot]').classList.contains('online')")
        .await;
    for p in [&a, &b] {
        let errors = p.page_errors();
        assert!(errors.is_empty(), "console errors: {errors:?}");
    }
}

//! Safety in a real headless Chromium: a parent approves a friend request to their child from
//! the family dashboard and turns the child's messages off; a comment with a rude word is
//! explained next to the box while typing and after sending, and is never posted.

use crate::common::browser::{launch_or_skip, screens_dir};
use crate::common::{Session, TestServer, spa};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_parent_approves_a_friend_request_in_the_family_dashboard() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let parent = s.register("mum_safe", "parent").await;
    let r = s
        .post("/api/family/children")
        .bearer(&parent.access)
        .json(
            &json!({ "username": "ana_safe", "display_name": "Ana", "password": crate::common::PASSWORD }),
        )
        .send()
        .await;
    assert_eq!(r.status, 201, "make a child: {}", r.text());
    // A child from outside Ana's classes asks: the request waits for Ana's grown-up.
    let ben = s.register("ben_safe", "child").await;
    let r = s
        .post("/api/friends/requests")
        .bearer(&ben.access)
        .json(&json!({ "username": "ana_safe" }))
        .send()
        .await;
    assert_eq!(r.status, 201, "friend request: {}", r.text());
    assert_eq!(r.json()["status"], "waiting_for_grown_up", "{}", r.text());

    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    spa::login(&page, &base, "mum_safe").await;
    page.click("[data-test=nav-family]").await;
    page.wait_visible("[data-test=guardian-requests] [data-test=guardian-request]")
        .await;
    let row = page.text("[data-test=guardian-request]").await;
    assert!(row.contains("ben_safe") && row.contains("Ana"), "{row}");
    page.wait_visible("[data-test=child-card] [data-test=rule-messages]")
        .await;
    page.screenshot(&screens_dir().join("safety-family-request.png"))
        .await;

    page.click("[data-test=guardian-approve]").await;
    page.wait_for("!document.querySelector('[data-test=guardian-request]')")
        .await;
    page.wait_for(
        "document.querySelector('[data-test=guardian-said]')?.innerText.includes('Approved')",
    )
    .await;
    // Now the request is Ana's to answer.
    let ana = Session::from(&s.login("ana_safe", crate::common::PASSWORD).await.json());
    let r = s
        .get("/api/friends/requests")
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let incoming = r.json()["incoming"].clone();
    assert_eq!(incoming.as_array().map(Vec::len), Some(1), "{incoming}");
    assert_eq!(incoming[0]["waiting_for_grown_up"], false, "{incoming}");

    // "Who may send messages": Nobody, saved as soon as it is chosen.
    page.eval("(() => { const s = document.querySelector('[data-test=child-card] [data-test=rule-messages]'); s.focus(); s.value = 'nobody'; s.dispatchEvent(new Event('change', { bubbles: true })); })()")
        .await;
    page.wait_for("document.querySelector('[data-test=child-card] [data-test=rule-status]')?.innerText.includes('Saved')")
        .await;
    let r = s
        .get("/api/family/children")
        .bearer(&parent.access)
        .send()
        .await;
    let children = r.json();
    assert_eq!(
        children["items"][0]["rules"]["who_may_message"], "nobody",
        "{children}"
    );
    page.screenshot(&screens_dir().join("safety-family-rules.png"))
        .await;
    let errors = page.page_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_comment_is_explained_next_to_the_box_and_not_posted() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let writer = s.register("writer_safe", "child").await;
    let story = s.published(&writer.access, "Frogs", &["ribbit"]).await;
    s.register("kid_safe", "child").await;
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    spa::login(&page, &base, "kid_safe").await;
    page.goto(&format!("{base}/read/{story}")).await;
    page.wait_visible("[data-test=comment-input]").await;

    // The hint comes while typing (the server checks the text after a short pause).
    page.fill("[data-test=comment-input]", "you are stupid")
        .await;
    page.wait_for(
        "document.querySelector('[data-test=comment-hint]')?.innerText.includes('kind words')",
    )
    .await;

    // Sending anyway: refused, the reason stays next to the box and the words stay in it.
    page.click("[data-test=comment-form] button[type=submit]")
        .await;
    page.wait_for("document.querySelector('[data-test=comment-form]')?.dataset.sent === 'refused'")
        .await;
    let hint = page.text("[data-test=comment-hint]").await;
    assert!(
        hint.contains("kind words") && hint.contains("comment"),
        "{hint}"
    );
    let typed = page
        .eval("document.querySelector('[data-test=comment-input]').value")
        .await;
    assert_eq!(typed, "you are stupid");
    assert!(
        page.eval("document.querySelectorAll('[data-test=comment]').length")
            .await
            == 0,
        "nothing is shown as posted"
    );
    page.screenshot(&screens_dir().join("safety-comment-refused.png"))
        .await;

    let r = s
        .get(&format!("/api/stories/{story}/comments"))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let comments = r.json();
    assert_eq!(
        comments["items"].as_array().map(Vec::len),
        Some(0),
        "{comments}"
    );
    // The refusal's 422 is logged by the browser as a failed load; anything else is a bug.
    let errors: Vec<String> = page
        .page_errors()
        .into_iter()
        .filter(|e| !e.contains("422"))
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

//! Leaving, and refusals that must stop a story, in a real headless Chromium: a parent reads
//! what deleting their child's account does, confirms with their own password, and the child
//! is gone; a rude title in the studio is explained next to the box and the story is not
//! published under its earlier title.

use crate::common::browser::{launch_or_skip, screens_dir};
use crate::common::{Session, TestServer, spa};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_parent_deletes_their_childs_account_from_the_family_dashboard() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let parent = s.register("mum_leave", "parent").await;
    let r = s
        .post("/api/family/children")
        .bearer(&parent.access)
        .json(
            &json!({ "username": "ana_leave", "display_name": "Ana", "password": crate::common::PASSWORD }),
        )
        .send()
        .await;
    assert_eq!(r.status, 201, "make a child: {}", r.text());
    let child_id = r.json()["child"]["id"].as_i64().expect("child id");
    // Ana writes a story of her own.
    let ana = Session::from(&s.login("ana_leave", crate::common::PASSWORD).await.json());
    let story = s
        .published(
            &ana.access,
            "The brave turtle",
            &["A turtle went to the sea."],
        )
        .await;
    assert_eq!(
        s.get(&format!("/api/stories/{story}")).send().await.status,
        200
    );

    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    spa::login(&page, &base, "mum_leave").await;
    page.click("[data-test=nav-family]").await;
    page.wait_visible("[data-test=child-card]").await;
    page.click("[data-test=child-open]").await;
    page.wait_for(&format!("location.pathname === '/family/{child_id}'"))
        .await;
    page.wait_visible("[data-test=export-child]").await;

    // Nothing happens on the first tap: it says exactly what goes and what stays.
    page.click("[data-test=delete-child]").await;
    page.wait_visible("[data-test=delete-child-panel]").await;
    assert_eq!(
        page.eval(
            "document.querySelector('[data-test=delete-child]').getAttribute('aria-expanded')"
        )
        .await,
        "true"
    );
    let said = page.text("[data-test=delete-child-panel]").await;
    for words in [
        "Before you delete Ana's account",
        "Ana's stories, with all their pages and drawings",
        "stay with the person who started them",
        "an account was deleted, without Ana's name or address",
        "This cannot be undone",
    ] {
        assert!(said.contains(words), "missing {words:?} in:\n{said}");
    }
    page.screenshot(&screens_dir().join("leaving-child-confirm.png"))
        .await;

    // A wrong password is said next to the box, and nothing is deleted.
    page.fill("[data-test=delete-child-password]", "not-my-password")
        .await;
    page.click("[data-test=delete-child-confirm]").await;
    page.wait_for(
        "document.querySelector('[data-test=delete-child-panel] .error')?.innerText.includes('not right')",
    )
    .await;
    assert_eq!(
        s.login("ana_leave", crate::common::PASSWORD).await.status,
        200
    );

    // The parent's own password deletes Ana's account.
    page.fill("[data-test=delete-child-password]", crate::common::PASSWORD)
        .await;
    page.click("[data-test=delete-child-confirm]").await;
    page.wait_for("location.pathname === '/family'").await;
    page.wait_for(
        "document.querySelector('[data-test=family-said]')?.innerText.includes(\"Ana's account was deleted.\")",
    )
    .await;
    page.wait_for("!document.querySelector('[data-test=child-card]')")
        .await;
    page.screenshot(&screens_dir().join("leaving-child-deleted.png"))
        .await;

    // Ana cannot sign in, her story is gone, and the family list is empty.
    let r = s.login("ana_leave", crate::common::PASSWORD).await;
    assert_eq!(r.status, 401, "{}", r.text());
    assert_eq!(
        s.get(&format!("/api/stories/{story}")).send().await.status,
        404
    );
    let r = s
        .get("/api/family/children")
        .bearer(&parent.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let children = r.json();
    assert_eq!(
        children["items"].as_array().map(Vec::len),
        Some(0),
        "{children}"
    );
    // The wrong password's 403 is logged by the browser as a failed load; anything else is a bug.
    let errors: Vec<String> = page
        .page_errors()
        .into_iter()
        .filter(|e| !e.contains("403"))
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_studio_refuses_a_rude_title_next_to_the_box_and_does_not_publish() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let kid = s.register("kid_title", "child").await;
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    spa::login(&page, &base, "kid_title").await;
    page.click("[data-test=go-write]").await;
    page.wait_visible("[data-test=st-canvas]").await;
    let id: i64 = page
        .eval("location.pathname.split('/').pop()")
        .await
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("story id in the address");
    let before = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&kid.access)
        .send()
        .await
        .json();
    let earlier_title = before["title"].as_str().unwrap_or("").to_string();

    page.click("[data-test=st-publish]").await;
    page.fill("[data-test=st-title]", "My stupid dragon").await;
    page.press("Escape").await;
    let text = "The dragon flew over the hills.";
    page.fill("[data-test=st-text]", text).await;
    // The page's words are saved after a pause (the refused title is not): this is the moment
    // the old studio forgot the refusal and published under the earlier title.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let st = s
            .get(&format!("/api/stories/{id}"))
            .bearer(&kid.access)
            .send()
            .await
            .json();
        if st["pages"][0]["text"] == text {
            assert_eq!(st["title"], earlier_title.as_str(), "{st}");
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the page was never saved: {st}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    page.click("[data-test=st-publish]").await;
    page.click("[data-test=st-publish-confirm]").await;
    page.wait_for("document.querySelector('[data-test=st-publish]').dataset.result === 'refused'")
        .await;

    // The reason is next to the title box: described by it, read out, and just under it.
    let hint = page
        .eval(
            "(() => { const t = document.querySelector('[data-test=st-title]'); \
             const ids = (t.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean); \
             const e = ids.map((i) => document.getElementById(i)).find((e) => e && e.innerText.includes('kind words')); \
             if (!e) return null; \
             const a = t.getBoundingClientRect(); const b = e.getBoundingClientRect(); \
             return { test: e.dataset.test ?? '', text: e.innerText, live: e.getAttribute('aria-live') ?? '', role: e.getAttribute('role') ?? '', gap: b.top - a.bottom }; })()",
        )
        .await;
    assert!(hint.is_object(), "no hint tied to the title box");
    let said = hint["text"].as_str().unwrap_or("");
    assert!(
        said.contains("kind words") && said.contains("title"),
        "{hint}"
    );
    assert!(!said.contains("stupid"), "the hint spells the word: {hint}");
    assert!(
        hint["role"] == "alert"
            || ["polite", "assertive"].contains(&hint["live"].as_str().unwrap_or("")),
        "not read to screen readers: {hint}"
    );
    let gap = hint["gap"].as_f64().unwrap_or(f64::MAX);
    assert!(
        (-2.0..60.0).contains(&gap),
        "the hint is not next to the box: {hint}"
    );
    assert_eq!(
        page.eval("document.querySelector('[data-test=st-title]').getAttribute('aria-invalid')")
            .await,
        "true"
    );
    assert_eq!(
        page.eval("document.activeElement?.dataset.test ?? ''")
            .await,
        "st-title",
        "the title box is focused to fix it"
    );
    page.screenshot(&screens_dir().join("studio-title-refused.png"))
        .await;

    // It stays in the studio and never says it is in the library.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(
        page.eval("location.pathname").await,
        format!("/studio/{id}").as_str()
    );
    let toasts = page.text("#toasts").await;
    assert!(!toasts.contains("in the library"), "{toasts}");

    // The server holds a draft under the earlier title, and nothing of this child's is published.
    let r = s.get("/api/me/stories").bearer(&kid.access).send().await;
    assert_eq!(r.status, 200, "{}", r.text());
    let mine = r.json();
    let items = mine["items"].as_array().expect("items");
    assert!(!items.is_empty(), "{mine}");
    assert!(
        items.iter().all(|st| st["status"] == "draft"),
        "published: {mine}"
    );
    let st = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&kid.access)
        .send()
        .await
        .json();
    assert_eq!(st["status"], "draft", "{st}");
    assert_eq!(st["title"], earlier_title.as_str(), "{st}");
    // The refusal's 422 is logged by the browser as a failed load; anything else is a bug.
    let errors: Vec<String> = page
        .page_errors()
        .into_iter()
        .filter(|e| !e.contains("422"))
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

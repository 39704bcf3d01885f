//! A full data disk as a child and an admin meet it: the child is told kindly, the page stays in
//! the browser (even across a reload) and is saved by itself once there is room; the admin
//! console says the disk is full above every tab.

use std::time::{Duration, Instant};

use crate::common::TestServer;
use crate::common::browser::{launch_or_skip, screens_dir};
use crate::common::disk::{SmallDisk, fill};
use serde_json::json;

const WORDS: &str = "The moon was full of stars.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_keeps_the_childs_page_in_the_browser_and_warns_the_admin() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let disk = SmallDisk::mount(24);
    let s = TestServer::start_in(&disk.path().join("data"), &["--disk-reserve-mb", "4"])
        .await
        .expect("server");
    let kid = s.register("full_kid", "child").await;
    let boss = s.register("full_boss", "parent").await;
    s.make_admin(&boss);
    let draft = s.story(&kid.access, "Full Moon", &["One"]).await["id"]
        .as_i64()
        .expect("draft");
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    page.viewport(375, 812).await;
    crate::common::spa::login(&page, &base, "full_kid").await;
    page.goto(&format!("{base}/studio/{draft}")).await;
    page.wait_visible("[data-test=st-text]").await;

    // The disk fills; writes go on until one finds no room.
    fill(&disk.path().join("filler"));
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let r = s
            .post("/api/stories")
            .bearer(&kid.access)
            .json(&json!({ "title": "Filling", "pages": [{ "text": "x" }] }))
            .send()
            .await;
        if r.status == 507 {
            break;
        }
        assert_eq!(r.status, 201, "{}", r.text());
        assert!(Instant::now() < deadline, "the disk never filled");
    }

    page.fill("[data-test=st-text]", WORDS).await;
    page.wait_for(
        "document.querySelector('[data-test=st-problem]').innerText.includes('tell your teacher')",
    )
    .await;
    page.screenshot(&screens_dir().join("full-disk-studio-375.png"))
        .await;
    let kept = page
        .eval("Object.keys(localStorage).filter(k => k.startsWith('pt.unsaved.')).map(k => localStorage.getItem(k)).join()")
        .await;
    assert!(kept.as_str().is_some_and(|k| k.contains(WORDS)), "{kept}");
    // A reload (or a closed tab) loses nothing: the words come back from the browser.
    page.goto(&format!("{base}/studio/{draft}")).await;
    page.wait_for(&format!(
        "document.querySelector('[data-test=st-text]')?.value === {}",
        json!(WORDS)
    ))
    .await;

    let admin = browser.new_context_page().await;
    admin.viewport(1280, 800).await;
    crate::common::spa::login(&admin, &base, "full_boss").await;
    admin.goto(&format!("{base}/admin")).await;
    admin
        .wait_for(
            "document.querySelector('[data-test=disk-banner]')?.innerText.includes('disk is full')",
        )
        .await;
    admin
        .screenshot(&screens_dir().join("full-disk-admin-1280.png"))
        .await;

    // Room again: the studio saves the kept page by itself and forgets its copy.
    std::fs::remove_file(disk.path().join("filler")).expect("free the space");
    let deadline = Instant::now() + Duration::from_secs(40);
    loop {
        let story = s
            .get(&format!("/api/stories/{draft}"))
            .bearer(&kid.access)
            .send()
            .await
            .json();
        if story["pages"][0]["text"] == WORDS {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the kept page was never saved: {story}"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    page.wait_for("!Object.keys(localStorage).some(k => k.startsWith('pt.unsaved.'))")
        .await;
    // The refused saves show in the console as failed loads; nothing else went wrong.
    let errors: Vec<String> = page
        .page_errors()
        .into_iter()
        .filter(|e| !e.contains("status of 507"))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

//! Every screen at phone, tablet and laptop width in a real Chromium: nothing wider than the
//! screen, no script errors, and a screenshot of each for a person to look at
//! (target/e2e-screens/tour-*.png).

use crate::common::TestServer;
use crate::common::a11y::{axe_serious, english_left};
use crate::common::browser::{Page, launch_or_skip, screens_dir};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_fits_phones_tablets_and_laptops() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let kid = s.register("tour_kid", "child").await;
    let pal = s.register("tour_pal", "child").await;
    let r = s
        .post("/api/friends/requests")
        .bearer(&kid.access)
        .json(&json!({ "username": "tour_pal" }))
        .send()
        .await;
    let req = r.json()["id"].as_i64().expect("request");
    s.post(&format!("/api/friends/requests/{req}/accept"))
        .bearer(&pal.access)
        .send()
        .await;
    let story = s
        .published(
            &pal.access,
            "A Very Long Title About A Dragon And A Mango Tree",
            &["Once upon a time.", "The end."],
        )
        .await;
    // A longer story for the games (the biggest word-search grid must fit a phone).
    let long = s
        .published(
            &pal.access,
            "The Moon Boat",
            &[
                "Once upon a time, a little cat named Mimi found a wooden boat. She painted it silver.",
                "Mimi sailed across the quiet river toward the glowing moon. A friendly turtle called Pablo swam beside her.",
                "Suddenly a strong wind blew the silver boat far away. Mimi held the rope tightly!",
                "Pablo pushed the boat back to the sandy shore. Mimi thanked her brave friend and shared her wonderful cookies.",
            ],
        )
        .await;
    let game = |kind: &str| -> i64 {
        s.db()
            .query_row(
                "SELECT id FROM games WHERE story_id = ?1 AND kind = ?2",
                rusqlite::params![long, kind],
                |r| r.get(0),
            )
            .expect("game")
    };
    let (quiz, blanks, search) = (game("quiz"), game("fill_blank"), game("word_search"));
    let draft = s.story(&kid.access, "My Draft", &["Hello"]).await["id"]
        .as_i64()
        .expect("draft");
    let session = s
        .post("/api/collab/sessions")
        .bearer(&kid.access)
        .json(&json!({ "title": "Tour" }))
        .send()
        .await
        .json()["id"]
        .as_i64()
        .expect("session");
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    page.goto(&format!("{base}/login")).await;
    page.wait_visible("input[name=username]").await;
    page.fill("input[name=username]", "tour_kid").await;
    page.fill("input[name=password]", crate::common::PASSWORD)
        .await;
    page.press("Enter").await;
    page.wait_visible("[data-test=nav-user]").await;

    let screens = [
        ("home", "/".to_string(), "[data-test=go-write]"),
        ("library", "/library".to_string(), "[data-test=story-card]"),
        (
            "reader",
            format!("/read/{story}"),
            "[data-test=page-canvas]",
        ),
        (
            "studio",
            format!("/studio/{draft}"),
            "[data-test=st-canvas]",
        ),
        ("friends", "/friends".to_string(), "[data-test=friend]"),
        (
            "chat",
            format!("/chat/{}", pal.user_id),
            "[data-test=chat-input]",
        ),
        (
            "notifications",
            "/notifications".to_string(),
            "[data-test=read-all]",
        ),
        (
            "together",
            format!("/together/{session}"),
            "[data-test=tg-canvas]",
        ),
        (
            "settings",
            "/settings".to_string(),
            "[data-test=logout-all]",
        ),
        ("profile", "/me".to_string(), "[data-test=badges]"),
        ("quiz", format!("/play/{quiz}"), "[data-test=quiz-option]"),
        ("blanks", format!("/play/{blanks}"), "[data-test=bank-word]"),
        (
            "wordsearch",
            format!("/play/{search}"),
            "[data-test=ws-grid]",
        ),
    ];
    tour(&page, &base, &screens).await;
    // First paint is measured by `make bench` (PIXELTALES_BENCH_ONLY=firstpaint).
    let errors = page.page_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

/// Visits each screen at phone, tablet and laptop width: nothing wider than the screen, and a
/// screenshot of each; on a phone, axe-core finds nothing serious, and the same screens drawn
/// in Tagalog show no English screen words.
async fn tour(page: &Page<'_>, base: &str, screens: &[(&str, String, &str)]) {
    let mut problems: Vec<String> = Vec::new();
    for (width, height) in [(375u32, 740u32), (768, 1024), (1280, 800)] {
        page.cmd(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
        )
        .await;
        for (name, path, ready) in screens {
            page.goto(&format!("{base}{path}")).await;
            page.wait_visible(ready).await;
            let wide = page
                .eval("document.documentElement.scrollWidth")
                .await
                .as_i64()
                .unwrap_or(0);
            let culprits = if wide > i64::from(width) {
                page.eval(&format!("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > {width} + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width)).join(' | ')")).await.to_string()
            } else {
                String::new()
            };
            assert!(
                wide <= i64::from(width),
                "{name} is {wide}px wide on a {width}px screen: {culprits}"
            );
            page.screenshot(&screens_dir().join(format!("tour-{name}-{width}.png")))
                .await;
            if width == 375 {
                for found in axe_serious(page).await {
                    problems.push(format!("{name} (axe): {found}"));
                }
            }
        }
    }
    page.eval("localStorage.setItem('pt.lang', 'tl')").await;
    page.cmd(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 375, "height": 740, "deviceScaleFactor": 1, "mobile": true }),
    )
    .await;
    for (name, path, ready) in screens {
        page.goto(&format!("{base}{path}")).await;
        page.wait_visible(ready).await;
        for found in english_left(page).await {
            problems.push(format!("{name} (English on a Tagalog screen): {found}"));
        }
        page.screenshot(&screens_dir().join(format!("tour-{name}-375-tl.png")))
            .await;
    }
    page.eval("localStorage.setItem('pt.lang', 'en')").await;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn grown_up_screens_fit_phones_tablets_and_laptops() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let base = format!("http://{}", s.addr);
    let mum = s.register("tour_mum", "parent").await;
    let r = s
        .post("/api/family/children")
        .bearer(&mum.access)
        .json(&json!({ "username": "tour_child", "display_name": "Tala Santos-Reyes", "password": "secret1" }))
        .send()
        .await;
    let child = r.json()["child"]["id"].as_i64().expect("child");
    let teacher = s.teacher("tour_teacher").await;
    let r = s
        .post("/api/classes")
        .bearer(&teacher.access)
        .json(&json!({ "name": "Grade 3 Sampaguita (morning)" }))
        .send()
        .await;
    let class = r.json()["class"].clone();
    let kid = s.register("tour_pupil", "child").await;
    s.post("/api/classes/join")
        .bearer(&kid.access)
        .json(&json!({ "code": class["join_code"] }))
        .send()
        .await;
    let code = class["join_code"].as_str().expect("code").to_string();
    let class = class["id"].as_i64().expect("class");
    s.post(&format!(
        "/api/classes/{class}/members/{}/approve",
        kid.user_id
    ))
    .bearer(&teacher.access)
    .send()
    .await;
    // The class is open for sign-in, has children the roster made, a story waiting for the
    // teacher, and one published (approval off for it, then on again).
    s.patch(&format!("/api/classes/{class}/settings"))
        .bearer(&teacher.access)
        .json(&json!({ "signin": "open", "needs_approval": false }))
        .send()
        .await;
    s.post(&format!("/api/classes/{class}/roster"))
        .bearer(&teacher.access)
        .json(&json!({ "text": "Maria Clara de los Santos\nJosé\nBituin\nLakan Dula the Second\nAmihan" }))
        .send()
        .await;
    let reported = s
        .published(
            &kid.access,
            "The very long adventure of the sleepy carabao",
            &["zzz"],
        )
        .await;
    s.post("/api/reports")
        .bearer(&teacher.access)
        .json(&json!({ "target_type": "story", "target_id": reported, "reason": "Scary: a very long reason that goes on and on to see that it wraps on a phone" }))
        .send()
        .await;
    s.patch(&format!("/api/classes/{class}/settings"))
        .bearer(&teacher.access)
        .json(&json!({ "needs_approval": true }))
        .send()
        .await;
    let waiting = s
        .story(
            &kid.access,
            "A story that waits for the teacher",
            &["Hello"],
        )
        .await["id"]
        .as_i64()
        .expect("waiting");
    s.post(&format!("/api/stories/{waiting}/publish"))
        .bearer(&kid.access)
        .send()
        .await;
    let root = s.register("tour_admin", "parent").await;
    s.make_admin(&root);

    for (who, screens) in [
        (
            "tour_mum",
            vec![
                ("family", "/family".to_string(), "[data-test=child-card]"),
                (
                    "child",
                    format!("/family/{child}"),
                    "[data-test=overview-stats]",
                ),
            ],
        ),
        (
            "tour_teacher",
            vec![
                ("teacher-home", "/".to_string(), "[data-test=home-class]"),
                ("classes", "/classes".to_string(), "[data-test=class-card]"),
                (
                    "class",
                    format!("/classes/{class}"),
                    "[data-test=report-table]",
                ),
                (
                    "class-cards",
                    format!("/classes/{class}/cards"),
                    "[data-test=cards-make]",
                ),
                (
                    "class-book",
                    format!("/classes/{class}/book"),
                    "[data-test=book-story]",
                ),
                ("class-signin", format!("/c/{code}"), "[data-test=kid-tile]"),
            ],
        ),
        (
            "tour_admin",
            vec![
                ("admin", "/admin".to_string(), "[data-test=chart-activity]"),
                (
                    "admin-users",
                    "/admin/users".to_string(),
                    "[data-test=user-row]",
                ),
                (
                    "admin-moderation",
                    "/admin/moderation".to_string(),
                    "[data-test=mod-list]",
                ),
                (
                    "admin-words",
                    "/admin/words".to_string(),
                    "[data-test=word-row]",
                ),
                (
                    "admin-announce",
                    "/admin/announcements".to_string(),
                    "[data-test=announce-form]",
                ),
                (
                    "admin-audit",
                    "/admin/audit".to_string(),
                    "[data-test=audit-row]",
                ),
                (
                    "admin-backups",
                    "/admin/backups".to_string(),
                    "[data-test=backup-now]",
                ),
                (
                    "admin-export",
                    "/admin/export".to_string(),
                    "[data-test=export-grid]",
                ),
            ],
        ),
    ] {
        let page = browser.new_context_page().await;
        crate::common::spa::login(&page, &base, who).await;
        tour(&page, &base, &screens).await;
        let errors = page.page_errors();
        assert!(errors.is_empty(), "{who}: console errors: {errors:?}");
    }
}

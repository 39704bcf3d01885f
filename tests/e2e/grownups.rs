//! Grown-ups in a real headless Chromium: a parent makes a child account with a picture
//! password, the child signs in with pictures and writes a story, and the parent's dashboard
//! shows it; an admin suspends a child who is using the app and the child's app says so; an
//! admin adds a word and the next comment with it is refused.

use crate::common::browser::{launch_or_skip, screens_dir};
use crate::common::{Session, TestServer, spa};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_parent_makes_a_child_who_writes_and_the_dashboard_shows_it() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    s.register("mum_e2e", "parent").await;
    let base = format!("http://{}", s.addr);
    let parent = browser.new_context_page().await;
    spa::login(&parent, &base, "mum_e2e").await;
    parent.click("[data-test=nav-family]").await;
    parent.wait_visible("[data-test=add-child]").await;
    parent.fill("[data-test=child-username]", "lila_e2e").await;
    parent.fill("[data-test=child-name]", "Lila").await;
    parent.click("[data-test=pw-mode-picture]").await;
    for pic in ["cat", "moon", "boat", "cat"] {
        parent
            .click(&format!("[data-test=add-child] [data-test=pic-{pic}]"))
            .await;
    }
    parent.click("[data-test=save-child]").await;
    parent.wait_visible("[data-test=child-card]").await;
    assert!(
        parent
            .text("[data-test=child-card-name]")
            .await
            .contains("Lila")
    );

    // The child signs in by tapping pictures.
    let child = browser.new_context_page().await;
    child.goto(&format!("{base}/login")).await;
    child.wait_visible("input[name=username]").await;
    child.fill("input[name=username]", "lila_e2e").await;
    child.click("[data-test=picture-toggle]").await;
    for pic in ["cat", "moon", "boat", "cat"] {
        child.click(&format!("[data-test=pic-{pic}]")).await;
    }
    // Enter would tap the focused picture again; the button signs in.
    child.click("form button[type=submit]").await;
    child.wait_visible("[data-test=nav-user]").await;
    // The child writes: a draft and a published story (through the API with the same account).
    let login = s
        .post("/api/auth/login")
        .json(&json!({ "username": "lila_e2e", "picture": ["cat", "moon", "boat", "cat"] }))
        .send()
        .await;
    assert_eq!(login.status, 200, "{}", login.text());
    let kid = Session::from(&login.json());
    s.story(&kid.access, "Lila's secret draft", &["once upon a time"])
        .await;
    s.published(
        &kid.access,
        "The moon boat",
        &["a cat sails", "to the moon"],
    )
    .await;

    parent.goto(&format!("{base}/family")).await;
    parent.click("[data-test=child-open]").await;
    parent.wait_visible("[data-test=overview-stats]").await;
    parent
        .wait_for("[...document.querySelectorAll('[data-test=story-row]')].length === 2")
        .await;
    let stories = parent.text("[data-test=story-list]").await;
    assert!(
        stories.contains("Lila's secret draft") && stories.contains("The moon boat"),
        "{stories}"
    );
    parent.wait_visible("[data-test=chart-days] svg").await;
    parent.wait_visible("[data-test=chart-hours] svg").await;
    parent
        .screenshot(&screens_dir().join("family-dashboard.png"))
        .await;

    // A read-only look through Lila's eyes, then back to the parent's own account.
    parent.click("[data-test=view-as]").await;
    parent.wait_visible("[data-test=look-banner]").await;
    parent
        .wait_for("document.querySelector('[data-test=nav-user]')?.innerText.includes('Lila')")
        .await;
    parent
        .screenshot(&screens_dir().join("family-look.png"))
        .await;
    let looks = s.db().query_row(
        "SELECT count(*) FROM audit_log WHERE action = 'parent_view_as'",
        [],
        |r| r.get::<_, i64>(0),
    );
    assert_eq!(looks.expect("audit"), 1);
    parent.click("[data-test=look-stop]").await;
    parent.wait_visible("[data-test=overview-stats]").await;
    parent
        .wait_for("!document.querySelector('[data-test=look-banner]')")
        .await;
    let who = parent.text("[data-test=nav-user]").await;
    assert!(!who.contains("Lila"), "back as the parent: {who}");
    for page in [&parent, &child] {
        let errors = page.page_errors();
        assert!(errors.is_empty(), "console errors: {errors:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_suspends_a_child_who_is_using_the_app_and_the_app_says_so() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let root = s.register("root_e2e", "parent").await;
    s.make_admin(&root);
    s.register("kid_e2e", "child").await;
    let base = format!("http://{}", s.addr);
    let kid = browser.new_context_page().await;
    spa::login(&kid, &base, "kid_e2e").await;
    kid.goto(&format!("{base}/library")).await;
    // Wait until the child's socket is open, so the suspension closes a live connection.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while s
        .get("/metrics")
        .send()
        .await
        .text()
        .lines()
        .any(|l| l.starts_with("pixeltales_sockets_open ") && l.ends_with(" 0"))
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the child's socket never opened"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    let admin = browser.new_context_page().await;
    spa::login(&admin, &base, "root_e2e").await;
    admin.click("[data-test=nav-admin]").await;
    admin.click("[data-test=admin-tab-users]").await;
    admin.wait_visible("[data-test=user-search]").await;
    admin.fill("[data-test=user-search]", "kid_e2e").await;
    admin
        .wait_for("[...document.querySelectorAll('[data-test=user-row]')].length === 1")
        .await;
    admin.click("[data-test=user-row]").await;
    admin.wait_visible("[data-test=suspend-date]").await;
    admin
        .eval("(() => { const d = document.querySelector('[data-test=suspend-date]'); const t = new Date(Date.now() + 3 * 86400000); d.value = t.toISOString().slice(0, 10); d.dispatchEvent(new Event('input', {bubbles: true})); })()")
        .await;
    admin.fill("[data-test=user-reason]", "unkind words").await;
    admin.eval("window.confirm = () => true").await;
    admin.click("[data-test=suspend]").await;

    kid.wait_visible("[data-test=suspended]").await;
    let says = kid.text("[data-test=suspended]").await;
    assert!(says.to_lowercase().contains("paused"), "{says}");
    kid.screenshot(&screens_dir().join("suspended.png")).await;
    let r = s.login("kid_e2e", crate::common::PASSWORD).await;
    assert_eq!(r.code(), "account_suspended");
    let errors = admin.page_errors();
    assert!(errors.is_empty(), "admin console errors: {errors:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_adds_a_word_and_the_next_comment_with_it_is_refused() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let root = s.register("root_w", "parent").await;
    s.make_admin(&root);
    let kid = s.register("kid_w", "child").await;
    let story = s.published(&kid.access, "Frogs", &["ribbit"]).await;
    let base = format!("http://{}", s.addr);
    let admin = browser.new_context_page().await;
    spa::login(&admin, &base, "root_w").await;
    admin.goto(&format!("{base}/admin/words")).await;
    admin.wait_visible("[data-test=word-input]").await;
    admin.fill("[data-test=word-input]", "blorptastic").await;
    admin.click("[data-test=word-add]").await;
    admin
        .wait_for("[...document.querySelectorAll('[data-test=word-row-word]')].some(e => e.textContent.includes('blorptastic'))")
        .await;

    let child = browser.new_context_page().await;
    spa::login(&child, &base, "kid_w").await;
    child.goto(&format!("{base}/read/{story}")).await;
    child.wait_visible("[data-test=comment-input]").await;
    child
        .fill("[data-test=comment-input]", "you are blorptastic")
        .await;
    child
        .click("[data-test=comment-form] button[type=submit]")
        .await;
    child
        .wait_for("document.querySelector('[data-test=comment-form]').dataset.sent === 'refused'")
        .await;
    let hint = child.text("[data-test=comment-hint]").await;
    assert!(
        hint.contains("kind words") && !hint.contains("blorptastic"),
        "{hint}"
    );
    let list = s
        .get(&format!("/api/stories/{story}/comments"))
        .send()
        .await
        .json();
    assert_eq!(list["items"], json!([]), "nothing posted, not even masked");
    let errors = admin.page_errors();
    assert!(errors.is_empty(), "admin console errors: {errors:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_child_uses_the_admins_reset_code_on_the_login_screen() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let root = s.register("root_r", "parent").await;
    s.make_admin(&root);
    let kid = s.register("forgetful", "child").await;
    let r = s
        .post(&format!("/api/admin/users/{}/reset-code", kid.user_id))
        .bearer(&root.access)
        .send()
        .await;
    let code = r.json()["code"].as_str().expect("code").to_string();
    let base = format!("http://{}", s.addr);
    let page = browser.new_context_page().await;
    page.goto(&format!("{base}/login")).await;
    page.click("[data-test=reset-with-code] summary").await;
    page.fill("[data-test=reset-username]", "forgetful").await;
    page.fill("[data-test=reset-code-input]", &code.to_lowercase())
        .await;
    page.fill("[data-test=reset-new-password]", "brandnew7")
        .await;
    page.click("[data-test=reset-send]").await;
    page.wait_for("document.getElementById('toasts').innerText.includes('New password saved')")
        .await;
    assert_eq!(s.login("forgetful", "brandnew7").await.status, 200);
    assert_eq!(
        s.login("forgetful", crate::common::PASSWORD).await.status,
        401
    );
    let errors = page.page_errors();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_teacher_makes_a_class_a_child_joins_and_the_report_lists_them() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    s.teacher("teacher_e2e").await;
    let pupil = s.register("pupil_e2e", "child").await;
    s.published(&pupil.access, "My first tale", &["hello"])
        .await;
    let base = format!("http://{}", s.addr);

    let teacher = browser.new_context_page().await;
    spa::login(&teacher, &base, "teacher_e2e").await;
    teacher.click("[data-test=nav-classes]").await;
    teacher.wait_visible("[data-test=class-create-form]").await;
    teacher.fill("[data-test=class-name]", "Grade 2 Rose").await;
    teacher.click("[data-test=class-create]").await;
    teacher
        .wait_visible("[data-test=class-card] [data-test=join-code]")
        .await;
    let code = teacher
        .text("[data-test=class-card] [data-test=join-code]")
        .await;
    let code: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    assert_eq!(code.len(), 6, "{code}");

    let child = browser.new_context_page().await;
    spa::login(&child, &base, "pupil_e2e").await;
    child.goto(&format!("{base}/settings")).await;
    child.wait_visible("[data-test=class-code-input]").await;
    child
        .fill("[data-test=class-code-input]", &code.to_lowercase())
        .await;
    child.click("[data-test=join-class-send]").await;
    child.wait_visible("[data-test=join-status]").await;

    teacher.click("[data-test=class-open]").await;
    teacher.wait_visible("[data-test=pending-row]").await;
    teacher
        .click("[data-test=pending-row] [data-test=approve]")
        .await;
    teacher.wait_visible("[data-test=member-row]").await;
    teacher.wait_visible("[data-test=report-row]").await;
    let report = teacher.text("[data-test=report-table]").await;
    assert!(report.contains("pupil_e2e"), "{report}");
    teacher.click("[data-test=report-csv]").await;
    teacher
        .wait_for("document.getElementById('toasts').innerText.length > 0")
        .await;
    teacher
        .screenshot(&screens_dir().join("class-report.png"))
        .await;
    let members: i64 = s
        .db()
        .query_row("SELECT count(*) FROM class_members", [], |r| r.get(0))
        .expect("members");
    assert_eq!(members, 1);
    for page in [&teacher, &child] {
        let errors = page.page_errors();
        assert!(errors.is_empty(), "console errors: {errors:?}");
    }
}

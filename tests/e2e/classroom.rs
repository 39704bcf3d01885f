//! The classroom morning in real browsers: a teacher pastes 30 names, prints the sign-in cards
//! (Chromium's print to PDF, read back with pdftotext), children sign in on tablets by tapping
//! their name and pictures (one by scanning her card's QR code with zbarimg), a child's story
//! waits for the
//! teacher, the teacher approves it, and a classmate finds it in the class library.

use crate::common::tool;

use crate::common::TestServer;
use crate::common::browser::{Page, decode_base64, launch_or_skip, screens_dir};
use serde_json::{Value, json};

const NAMES: [&str; 30] = [
    "Amihan",
    "Bayani",
    "Carmela",
    "Datu",
    "Esperanza",
    "Florante",
    "Gabriela",
    "Hiraya",
    "Isko",
    "Jovelyn",
    "Kidlat",
    "Liwayway",
    "Makisig",
    "Nenita",
    "Onofre",
    "Perla",
    "Querubin",
    "Rizalina",
    "Sinag",
    "Tala",
    "Ulan",
    "Venancio",
    "Waling",
    "Xandro",
    "Yeyet",
    "Zosimo",
    "Alon",
    "Bituin",
    "Dalisay",
    "Ligaya",
];

async fn size(page: &Page<'_>, width: u32, height: u32) {
    page.cmd(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
    )
    .await;
}

/// A child at a tablet: the class code from the board, a tap on their name, then their pictures.
async fn tap_in(page: &Page<'_>, base: &str, code: &str, name: &str, pictures: &[String]) {
    page.goto(base).await;
    page.click("[data-test=go-class-signin]").await;
    page.fill("[data-test=class-code-input]", &code.to_lowercase())
        .await;
    page.click("[data-test=class-code-go]").await;
    page.click(&format!("[data-test=kid-tile][data-name={name}]"))
        .await;
    page.wait_visible("[data-test=class-signin-kid]").await;
    for p in pictures {
        page.click(&format!("[data-test=pic-{p}]")).await;
    }
    // The bell shows for anyone signed in, on a phone too (the name moves to the tab bar).
    page.wait_visible("[data-test=bell]").await;
    page.wait_for(&format!(
        "(document.querySelector('[data-test=greeting]')?.innerText ?? '').includes('{name}')"
    ))
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_classroom_morning_from_a_pasted_list_to_the_class_library() {
    let Some(browser) = launch_or_skip().await else {
        return;
    };
    let s = TestServer::start().await;
    let teacher = s.teacher("ms_reyes").await;
    let base = format!("http://{}", s.addr);
    let shots = screens_dir();

    // The teacher's home: classes first, no XP, no "write a story".
    let t = browser.new_context_page().await;
    size(&t, 1280, 800).await;
    crate::common::spa::login(&t, &base, "ms_reyes").await;
    t.wait_visible("[data-test=go-classes]").await;
    assert_eq!(
        t.eval("document.querySelectorAll('[data-test=home-xp], [data-test=go-write]').length")
            .await,
        json!(0)
    );
    t.click("[data-test=go-classes]").await;
    t.fill("[data-test=class-name]", "Sampaguita").await;
    t.click("[data-test=class-create]").await;
    t.click("[data-test=class-card] [data-test=class-open]")
        .await;

    // Sign-in open now; 30 names pasted.
    t.click("[data-test=signin-open]").await;
    t.click("[data-test=signin-save]").await;
    t.wait_for("document.querySelector('[data-test=signin-state]')?.classList.contains('open')")
        .await;
    let code = t.text("[data-test=join-code]").await.trim().to_string();
    t.fill("[data-test=roster-input]", &NAMES.join("\n")).await;
    t.click("[data-test=roster-add]").await;
    t.wait_for("document.querySelectorAll('[data-test=member-row]').length === 30")
        .await;
    let class: i64 = t
        .eval("location.pathname.split('/').pop()")
        .await
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("class id");

    // The cards: made, printed to PDF, 30 names on 4 pages (8 to a page).
    t.click("[data-test=go-cards]").await;
    t.click("[data-test=cards-make]").await;
    t.wait_for("document.querySelectorAll('[data-test=signin-card]').length === 30")
        .await;
    t.wait_for("[...document.querySelectorAll('[data-test=card-qr]')].every(i => i.complete && i.naturalWidth > 0)")
        .await;
    t.screenshot(&shots.join("classroom-cards-1280.png")).await;
    let pdf = t
        .cmd(
            "Page.printToPDF",
            json!({ "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": true }),
        )
        .await;
    let path = shots.join("classroom-cards.pdf");
    std::fs::create_dir_all(&shots).expect("dir");
    std::fs::write(
        &path,
        decode_base64(pdf["data"].as_str().expect("pdf data")),
    )
    .expect("write pdf");
    let path = path.to_string_lossy().to_string();
    let info = tool("pdfinfo", &[&path]);
    let pages: i64 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    assert_eq!(pages, 4, "30 cards, 8 to an A4 page: {info}");
    let text = tool("pdftotext", &[&path, "-"]);
    for name in NAMES {
        assert!(text.contains(name), "{name} is not on the printed cards");
    }
    // Tala's card is scanned as a phone would: the QR code on screen, read by zbarimg.
    t.eval("document.querySelector('[data-test=signin-card][data-name=Tala] [data-test=card-qr]').scrollIntoView({ block: 'center' })")
        .await;
    let rect = t
        .eval("(() => { const r = document.querySelector('[data-test=signin-card][data-name=Tala] [data-test=card-qr]').getBoundingClientRect(); return [r.x + window.scrollX, r.y + window.scrollY, r.width, r.height]; })()")
        .await;
    let r: Vec<f64> = rect
        .as_array()
        .expect("rect")
        .iter()
        .map(|v| v.as_f64().expect("number"))
        .collect();
    let shot = t
        .cmd(
            "Page.captureScreenshot",
            json!({ "format": "png", "clip": { "x": r[0] - 8.0, "y": r[1] - 8.0, "width": r[2] + 16.0, "height": r[3] + 16.0, "scale": 3 } }),
        )
        .await;
    let qr_png = shots.join("classroom-tala-qr.png");
    std::fs::write(&qr_png, decode_base64(shot["data"].as_str().expect("png"))).expect("write qr");
    let card_url = tool("zbarimg", &["--raw", "-q", &qr_png.to_string_lossy()])
        .trim()
        .to_string();
    assert!(
        card_url.contains("/card#"),
        "the QR holds the card link: {card_url}"
    );
    assert_eq!(
        t.eval("document.querySelector('[data-test=signin-card][data-name=Tala]').dataset.url")
            .await,
        json!(card_url)
    );

    // Children sign in by tapping, each on their own tablet.
    let detail = s
        .get(&format!("/api/classes/{class}"))
        .bearer(&teacher.access)
        .send()
        .await
        .json();
    let pics = |name: &str| -> Vec<String> {
        detail["members"]
            .as_array()
            .expect("members")
            .iter()
            .find(|m| m["display_name"] == name)
            .and_then(|m| m["pictures"].as_array())
            .expect("pictures")
            .iter()
            .map(|p| p["id"].as_str().expect("id").to_string())
            .collect()
    };
    let amihan = browser.new_context_page().await;
    let bayani = browser.new_context_page().await;
    size(&amihan, 768, 1024).await;
    size(&bayani, 375, 740).await;
    tap_in(&amihan, &base, &code, "Amihan", &pics("Amihan")).await;
    // A wrong try first: a kind word, and the tiles are one tap away.
    bayani.goto(&format!("{base}/c/{code}")).await;
    bayani.wait_visible("[data-test=kid-tiles]").await;
    bayani
        .screenshot(&shots.join("classroom-tiles-375.png"))
        .await;
    bayani.click("[data-test=kid-tile][data-name=Bayani]").await;
    let wrong: Vec<String> = pics("Bayani")
        .iter()
        .map(|p| if p == "boat" { "car" } else { "boat" }.to_string())
        .collect();
    for p in &wrong {
        bayani.click(&format!("[data-test=pic-{p}]")).await;
    }
    bayani
        .wait_for("(document.querySelector('[data-test=class-signin-error]')?.innerText ?? '').length > 0")
        .await;
    bayani
        .screenshot(&shots.join("classroom-pictures-375.png"))
        .await;
    tap_in(&bayani, &base, &code, "Bayani", &pics("Bayani")).await;
    // One by the QR code on her card.
    let tala = browser.new_context_page().await;
    size(&tala, 768, 1024).await;
    tala.goto(&card_url).await;
    tala.wait_visible("[data-test=nav-user]").await;
    tala.wait_for(
        "(document.querySelector('[data-test=greeting]')?.innerText ?? '').includes('Tala')",
    )
    .await;
    assert_eq!(
        tala.eval("location.hash").await,
        json!(""),
        "the secret leaves the address bar"
    );

    // Amihan publishes: it waits for the teacher.
    let token: Value = amihan
        .eval("JSON.parse(localStorage.getItem('pt.session')).access")
        .await;
    let story = s
        .story(
            token.as_str().expect("token"),
            "The Star Fruit Tree",
            &["A tree grew stars instead of fruit."],
        )
        .await["id"]
        .as_i64()
        .expect("story");
    amihan.goto(&format!("{base}/studio/{story}")).await;
    amihan.click("[data-test=st-publish]").await;
    amihan.click("[data-test=st-publish-confirm]").await;
    amihan
        .wait_visible("[data-test=st-review][data-status=waiting]")
        .await;
    amihan
        .screenshot(&shots.join("classroom-waiting-768.png"))
        .await;

    // The teacher sees it at home and approves it on the class page.
    t.goto(&base).await;
    t.wait_visible("[data-test=home-waiting] li a").await;
    t.screenshot(&shots.join("classroom-teacher-home-1280.png"))
        .await;
    t.goto(&format!("{base}/classes/{class}")).await;
    t.click("[data-test=waiting-row] [data-test=review-read]")
        .await;
    t.wait_visible("[data-test=review-panel]").await;
    t.wait_for("(document.querySelector('[data-test=page-text]')?.innerText ?? '').includes('stars instead of fruit')")
        .await;
    t.screenshot(&shots.join("classroom-review-1280.png")).await;
    t.click("[data-test=review-approve]").await;
    t.wait_for(&format!("location.pathname === '/classes/{class}'"))
        .await;
    t.wait_visible("[data-test=roster-input]").await;
    assert_eq!(
        t.eval("document.querySelectorAll('[data-test=waiting-row]').length")
            .await,
        json!(0)
    );

    // Bayani finds it in the class library.
    bayani.goto(&format!("{base}/library")).await;
    bayani.click("[data-test=lib-class]").await;
    bayani
        .wait_for("[...document.querySelectorAll('[data-test=story-card]')].some(c => c.innerText.includes('The Star Fruit Tree'))")
        .await;

    // The report on a phone: a caption that shows whole, numbers that do not wrap.
    size(&t, 375, 740).await;
    t.goto(&format!("{base}/classes/{class}")).await;
    t.wait_visible("[data-test=report-table]").await;
    t.eval("document.getElementById('class-report').scrollIntoView()")
        .await;
    t.screenshot(&shots.join("classroom-report-375.png")).await;
    let caption_fits = t
        .eval("(() => { const c = document.querySelector('.table-caption').getBoundingClientRect(); return c.right <= 375 && c.left >= 0; })()")
        .await;
    assert_eq!(caption_fits, json!(true));
    let wrapped = t
        .eval("[...document.querySelectorAll('[data-test=report-table] td.num')].filter(td => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length > 1; }).length")
        .await;
    assert_eq!(wrapped, json!(0), "numbers stay on one line");
    let wide = t.eval("document.documentElement.scrollWidth").await;
    assert!(wide.as_i64().unwrap_or(0) <= 375, "{wide}");

    // A look through a child's eyes, and back to the class.
    size(&t, 1280, 800).await;
    t.goto(&format!("{base}/classes/{class}")).await;
    t.click("[data-test=member-row][data-managed=true] [data-test=look-as]")
        .await;
    t.wait_visible("[data-test=look-banner]").await;
    t.click("[data-test=look-stop]").await;
    t.wait_for(&format!("location.pathname === '/classes/{class}'"))
        .await;
    t.wait_visible("[data-test=roster-input]").await;

    for page in [&t, &amihan, &bayani, &tala] {
        let errors = page.page_errors();
        // A wrong picture try is a 401 the page explains; the browser logs the status itself.
        let real: Vec<&String> = errors
            .iter()
            .filter(|e| !e.contains("401") && !e.contains("Unauthorized"))
            .collect();
        assert!(real.is_empty(), "console errors: {real:?}");
    }
}

//! Steps through the web app that many browser tests share.

use serde_json::json;

use super::browser::Page;

/// Logs in through the real form and waits for the signed-in top bar.
pub async fn login(page: &Page<'_>, base: &str, username: &str) {
    page.goto(&format!("{base}/login")).await;
    page.wait_visible("input[name=username]").await;
    page.fill("input[name=username]", username).await;
    page.fill("input[name=password]", super::PASSWORD).await;
    page.press("Enter").await;
    // The bell shows at every width (on a phone the name moves to the tab bar).
    page.wait_visible("[data-test=bell]").await;
    skip_tour(page).await;
}

/// Closes the first-run tour if it opened (accounts made in the browser see it once).
pub async fn skip_tour(page: &Page<'_>) {
    page.eval("document.querySelector('[data-test=tour-skip]')?.click()")
        .await;
}

/// Signs up from the welcome screen through the real form (`role` is child, parent or teacher)
/// and waits for the signed-in home.
pub async fn sign_up(page: &Page<'_>, base: &str, role: &str, username: &str, name: &str) {
    page.goto(base).await;
    page.click("[data-test=go-signup]").await;
    page.click(&format!("[data-test=role-{role}]")).await;
    page.fill("input[name=username]", username).await;
    page.fill("input[name=display_name]", name).await;
    page.fill("input[name=password]", super::PASSWORD).await;
    page.click("button[type=submit]").await;
    page.wait_visible("[data-test=greeting]").await;
    page.wait_visible("[data-test=bell]").await;
    skip_tour(page).await;
}

/// Drags the mouse across the canvas `selector` from `from` to `to` (fractions of its size).
pub async fn drag(page: &Page<'_>, selector: &str, from: (f64, f64), to: (f64, f64)) {
    let sel = serde_json::to_string(selector).expect("json");
    let rect = page
        .eval(&format!(
            "(() => {{ const e = document.querySelector({sel}); e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }})()"
        ))
        .await;
    let r: Vec<f64> = rect
        .as_array()
        .expect("rect")
        .iter()
        .map(|v| v.as_f64().unwrap_or(0.0))
        .collect();
    let point = |(fx, fy): (f64, f64)| (r[0] + fx * r[2], r[1] + fy * r[3]);
    let ((x0, y0), (x1, y1)) = (point(from), point(to));
    let mouse = |kind: &str, x: f64, y: f64| json!({ "type": kind, "x": x, "y": y, "button": "left", "buttons": 1, "clickCount": 1 });
    page.cmd("Input.dispatchMouseEvent", mouse("mousePressed", x0, y0))
        .await;
    for i in 1..=12 {
        let k = f64::from(i) / 12.0;
        page.cmd(
            "Input.dispatchMouseEvent",
            mouse("mouseMoved", x0 + (x1 - x0) * k, y0 + (y1 - y0) * k),
        )
        .await;
    }
    page.cmd("Input.dispatchMouseEvent", mouse("mouseReleased", x1, y1))
        .await;
}

/// The game of `kind` made from `story`, answers included, as the server stores it: (id, game).
pub fn stored_game(s: &super::TestServer, story: i64, kind: &str) -> (i64, serde_json::Value) {
    let (id, text): (i64, String) = s
        .db()
        .query_row(
            "SELECT id, content FROM games WHERE story_id = ?1 AND kind = ?2",
            rusqlite::params![story, kind],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap_or_else(|e| panic!("no {kind} game for story {story}: {e}"));
    (id, serde_json::from_str(&text).expect("stored game"))
}

/// From the story's page, plays the game of `kind` with every answer right (taps for the quiz
/// and the word search, typing in capitals for the blanks) and waits for the perfect result.
pub async fn play_perfectly(page: &Page<'_>, s: &super::TestServer, story: i64, kind: &str) {
    let (_, game) = stored_game(s, story, kind);
    page.click(&format!("[data-test=play-{kind}]")).await;
    match kind {
        "quiz" => {
            for q in game["questions"].as_array().expect("questions") {
                page.click(&format!(
                    "[data-test=quiz-option][data-index='{}']",
                    q["answer"]
                ))
                .await;
                page.click("[data-test=next]").await;
            }
        }
        "fill_blank" => {
            for (i, q) in game["questions"]
                .as_array()
                .expect("questions")
                .iter()
                .enumerate()
            {
                let answer = q["answer"].as_str().expect("answer").to_uppercase();
                page.fill(
                    &format!("[data-test=blank-input][data-question='{i}']"),
                    &answer,
                )
                .await;
            }
            page.click("[data-test=check]").await;
        }
        _ => {
            page.wait_visible("[data-test=ws-grid]").await;
            let words = game["words"].as_array().expect("words");
            for (w, p) in words
                .iter()
                .zip(game["placements"].as_array().expect("placements"))
            {
                let n = w.as_str().unwrap_or("").chars().count() as i64 - 1;
                let at = |i: usize, v: &serde_json::Value| v[i].as_i64().unwrap_or(0);
                let (r, c) = (at(0, &p["start"]), at(1, &p["start"]));
                let (dr, dc) = (at(0, &p["dir"]), at(1, &p["dir"]));
                page.click(&format!("[data-test=cell][data-row='{r}'][data-col='{c}']"))
                    .await;
                page.click(&format!(
                    "[data-test=cell][data-row='{}'][data-col='{}']",
                    r + dr * n,
                    c + dc * n
                ))
                .await;
            }
        }
    }
    page.wait_for("['true', '1'].includes(document.querySelector('[data-test=game-result]')?.dataset.perfect)")
        .await;
}

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
    page.wait_visible("[data-test=nav-user]").await;
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

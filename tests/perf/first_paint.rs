//! First paint of the library in a real headless Chromium against the release binary with the
//! demo classroom: each visit is a first visit (a new browser context, nothing cached). The
//! page records, from inside, when the first story card appeared and how much the layout shifted.

use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::time::Instant;

use serde_json::json;

use super::{BIN, Row, common, free_port, percentile, spawn, stop, targets, until_healthy};

/// Watches for the first story card and adds up layout shifts, from the first byte on.
const OBSERVER: &str = r#"
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
}).observe({ type: "layout-shift", buffered: true });
new MutationObserver((_, obs) => {
  if (document.querySelector("[data-test=story-card]")) {
    window.__cards = performance.now();
    obs.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"#;

const VISITS: usize = 7;

pub async fn run(rows: &mut Vec<Row>) {
    let what = "library first paint, first visits";
    let Some(browser) = common::browser::launch_or_skip().await else {
        return rows.push(Row::skipped(what, "Chromium is not installed"));
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let seeded = Command::new(BIN)
        .arg("--data-dir")
        .arg(dir.path())
        .args([
            "--argon2-memory-kib",
            "64",
            "--argon2-iterations",
            "1",
            "demo",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !seeded.is_ok_and(|s| s.success()) {
        return rows.push(Row::skipped(what, "pixeltales demo failed"));
    }
    let port = free_port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let child = spawn(dir.path(), port, &[]);
    until_healthy(addr, Instant::now()).await;

    let (mut fcp, mut cards, mut cls) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..VISITS {
        let page = browser.new_context_page().await;
        page.cmd(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 768, "height": 1024, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;
        page.cmd(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": OBSERVER }),
        )
        .await;
        page.goto(&format!("http://{addr}/library")).await;
        page.wait_for("window.__cards !== undefined").await;
        // Let late shifts (images, fonts) land before reading the total.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let v = page
            .eval("[performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1, window.__cards, window.__cls]")
            .await;
        fcp.push(v[0].as_f64().unwrap_or(-1.0));
        cards.push(v[1].as_f64().unwrap_or(-1.0));
        cls.push(v[2].as_f64().unwrap_or(-1.0));
    }
    stop(child);
    for v in [&mut fcp, &mut cards, &mut cls] {
        v.sort_by(f64::total_cmp);
    }
    let (cards_p50, worst) = (percentile(&cards, 0.5), cards[cards.len() - 1]);
    rows.push(Row {
        what: format!("{what}, median of {VISITS}"),
        value: format!(
            "cards on screen {cards_p50:.0} ms (worst {worst:.0}), first contentful paint {:.0} ms",
            percentile(&fcp, 0.5)
        ),
        target: format!("<= {} ms", targets::FIRST_PAINT_MS),
        met: Some(cards_p50 > 0.0 && cards_p50 <= targets::FIRST_PAINT_MS),
    });
    let worst_cls = cls[cls.len() - 1];
    rows.push(Row {
        what: "library layout shift while loading (worst visit)".into(),
        value: format!("{worst_cls:.3}"),
        target: format!("<= {}", targets::LAYOUT_SHIFT),
        met: Some((0.0..=targets::LAYOUT_SHIFT).contains(&worst_cls)),
    });
}

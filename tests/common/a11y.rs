//! Checks a screen for people, not pixels: axe-core's accessibility rules (the engine `make
//! e2e-deps` fetches from its npm package), and English words left on a Tagalog screen.

use serde_json::{Value, json};

use super::browser::Page;

/// axe-core's script, as `make e2e-deps` placed it; `None` when it is not there (then the
/// checks are skipped, unless `PIXELTALES_E2E=required`).
fn axe_source() -> Option<String> {
    let dir = format!("{}/target/axe", env!("CARGO_MANIFEST_DIR"));
    let found = std::fs::read_dir(&dir).ok().and_then(|entries| {
        entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.to_string_lossy().ends_with(".min.js"))
    });
    match found.and_then(|p| std::fs::read_to_string(p).ok()) {
        Some(src) => Some(src),
        None if std::env::var("PIXELTALES_E2E").as_deref() == Ok("required") => {
            panic!("axe-core is required (PIXELTALES_E2E=required): run `make e2e-deps`")
        }
        None => {
            eprintln!("axe-core not found in {dir}: accessibility checks skipped (make e2e-deps)");
            None
        }
    }
}

/// axe-core's serious and critical findings on the page as it is now (WCAG 2.1 A and AA), as
/// "rule: target" lines.
pub async fn axe_serious(page: &Page<'_>) -> Vec<String> {
    let Some(source) = axe_source() else {
        return Vec::new();
    };
    if page.eval("typeof window.axe").await != json!("object") {
        let r = page
            .cmd(
                "Runtime.evaluate",
                json!({ "expression": source, "returnByValue": true }),
            )
            .await;
        assert!(r.get("exceptionDetails").is_none(), "axe-core did not load");
    }
    let found = page
        .eval(
            "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(r => r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
               .flatMap(v => v.nodes.slice(0, 3).map(n => v.id + ': ' + n.target.join(' ') + ' (' + (n.failureSummary || '').split('\\n').slice(1, 2).join('') + ')')))",
        )
        .await;
    strings(&found)
}

/// English screen words showing on a page drawn in Tagalog: every English string of three
/// words or more (the app's own words, from its i18n files) whose Tagalog differs, found in
/// the page's visible text. Stories and names people wrote are theirs, not the app's.
pub async fn english_left(page: &Page<'_>) -> Vec<String> {
    let found = page
        .eval(
            "(async () => {
               const base = document.querySelector('script[type=module]').src.replace(/js\\/main\\.js$/, 'js/');
               const i18n = await import(base + 'i18n.js');
               const en = i18n.allWords('en'), tl = i18n.allWords('tl');
               const text = document.body.innerText;
               const left = [];
               for (const [k, v] of Object.entries(en)) {
                 if (tl[k] === v) continue;
                 // The longest piece between placeholders ({name}) is what would show.
                 const piece = v.split(/\\{\\w+\\}/).map(s => s.trim()).sort((a, b) => b.length - a.length)[0];
                 if (piece.split(/\\s+/).length >= 3 && text.includes(piece)) left.push(k + ': ' + piece);
               }
               return left;
             })()",
        )
        .await;
    strings(&found)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

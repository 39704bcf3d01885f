//! A small Chrome DevTools Protocol client for end-to-end tests.
//!
//! Launches Debian's headless Chromium (never a downloaded browser), opens a page, and drives it
//! with real input events: mouse presses at an element's centre, typed text, key presses. Page
//! errors and failed requests are collected so a test can assert the console stayed clean.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::sync::{mpsc, oneshot};
use tokio_tungstenite::tungstenite::Message;

type Pending = Arc<Mutex<HashMap<u64, oneshot::Sender<Value>>>>;

/// Where Chromium lives, if installed.
pub fn chromium_path() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("PIXELTALES_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// `None` (and a note) when Chromium is missing, unless `PIXELTALES_E2E=required`, in which case
/// a missing browser fails the test: `make test` sets it, so CI can never skip these silently.
pub async fn launch_or_skip() -> Option<Browser> {
    match chromium_path() {
        Some(path) => Some(Browser::launch(&path).await),
        None if std::env::var("PIXELTALES_E2E").as_deref() == Ok("required") => {
            panic!("Chromium is required (PIXELTALES_E2E=required) but not installed")
        }
        None => {
            eprintln!("SKIPPED: Chromium is not installed (apt-get install chromium)");
            None
        }
    }
}

/// A running headless Chromium.
pub struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
    out: mpsc::UnboundedSender<String>,
    pending: Pending,
    events: Arc<Mutex<Vec<Value>>>,
    next_id: Arc<AtomicU64>,
}

impl Browser {
    /// Starts Chromium and connects to its DevTools socket.
    pub async fn launch(path: &Path) -> Browser {
        let profile = tempfile::tempdir().expect("profile dir");
        let mut child = Command::new(path)
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-dev-shm-usage",
                "--mute-audio",
                "--window-size=1024,768",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chromium");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(url) = line.strip_prefix("DevTools listening on ")
                    && let Some(tx) = tx.take()
                {
                    let _ = tx.send(url.trim().to_string());
                }
            }
        });
        let ws_url = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("chromium DevTools URL");
        let (ws, _) = tokio_tungstenite::connect_async(ws_url.as_str())
            .await
            .expect("connect DevTools");
        let (mut sink, mut stream) = ws.split();
        let (out, mut out_rx) = mpsc::unbounded_channel::<String>();
        tokio::spawn(async move {
            while let Some(text) = out_rx.recv().await {
                if sink.send(Message::Text(text.into())).await.is_err() {
                    break;
                }
            }
        });
        let pending: Pending = Arc::default();
        let events: Arc<Mutex<Vec<Value>>> = Arc::default();
        let (p, e) = (Arc::clone(&pending), Arc::clone(&events));
        tokio::spawn(async move {
            while let Some(Ok(msg)) = stream.next().await {
                let Message::Text(text) = msg else { continue };
                let Ok(v) = serde_json::from_str::<Value>(&text) else {
                    continue;
                };
                if let Some(id) = v.get("id").and_then(Value::as_u64) {
                    if let Some(tx) = p.lock().expect("pending").remove(&id) {
                        let _ = tx.send(v);
                    }
                } else {
                    e.lock().expect("events").push(v);
                }
            }
        });
        Browser {
            child,
            _profile: profile,
            out,
            pending,
            events,
            next_id: Arc::new(AtomicU64::new(1)),
        }
    }

    async fn send(&self, session: Option<&str>, method: &str, params: Value) -> Value {
        match self.try_send(session, method, params).await {
            Ok(v) => v,
            Err(err) => panic!("{method} failed: {err}"),
        }
    }

    /// [`Browser::send`], with DevTools' own error given back instead of panicking.
    async fn try_send(
        &self,
        session: Option<&str>,
        method: &str,
        params: Value,
    ) -> Result<Value, Value> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        let (tx, rx) = oneshot::channel();
        self.pending.lock().expect("pending").insert(id, tx);
        self.out
            .send(msg.to_string())
            .expect("DevTools socket open");
        let reply = tokio::time::timeout(Duration::from_secs(30), rx)
            .await
            .unwrap_or_else(|_| panic!("{method} timed out"))
            .expect("reply");
        if let Some(err) = reply.get("error") {
            return Err(err.clone());
        }
        Ok(reply["result"].clone())
    }

    /// Opens a new tab.
    pub async fn new_page(&self) -> Page<'_> {
        self.page_in(json!({ "url": "about:blank" })).await
    }

    /// Opens a tab in a fresh context (its own storage: another person on another device).
    pub async fn new_context_page(&self) -> Page<'_> {
        let ctx = self
            .send(None, "Target.createBrowserContext", json!({}))
            .await;
        let id = ctx["browserContextId"]
            .as_str()
            .expect("context id")
            .to_string();
        self.page_in(json!({ "url": "about:blank", "browserContextId": id }))
            .await
    }

    async fn page_in(&self, params: Value) -> Page<'_> {
        let target = self.send(None, "Target.createTarget", params).await;
        let target_id = target["targetId"].as_str().expect("targetId").to_string();
        let attached = self
            .send(
                None,
                "Target.attachToTarget",
                json!({ "targetId": target_id, "flatten": true }),
            )
            .await;
        let session = attached["sessionId"]
            .as_str()
            .expect("sessionId")
            .to_string();
        let page = Page {
            browser: self,
            session,
        };
        page.cmd("Page.enable", json!({})).await;
        page.cmd("Runtime.enable", json!({})).await;
        page.cmd("Log.enable", json!({})).await;
        page
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One tab.
pub struct Page<'b> {
    browser: &'b Browser,
    session: String,
}

impl Page<'_> {
    /// Sends a command to this tab.
    /// Sets the screen size (phones and small tablets below 600 px wide are touch screens).
    pub async fn viewport(&self, width: u32, height: u32) {
        self.cmd(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
        )
        .await;
    }

    pub async fn cmd(&self, method: &str, params: Value) -> Value {
        self.browser.send(Some(&self.session), method, params).await
    }

    /// Navigates and waits for the document to finish loading.
    pub async fn goto(&self, url: &str) {
        self.cmd("Page.navigate", json!({ "url": url })).await;
        tokio::time::sleep(Duration::from_millis(50)).await;
        self.wait_for("document.readyState === 'complete'").await;
    }

    /// Chooses `path` in the file input `selector` (as a person picking a photo would).
    pub async fn set_files(&self, selector: &str, path: &Path) {
        let sel = serde_json::to_string(selector).expect("json");
        let r = self
            .cmd(
                "Runtime.evaluate",
                json!({ "expression": format!("document.querySelector({sel})") }),
            )
            .await;
        let object = r["result"]["objectId"]
            .as_str()
            .unwrap_or_else(|| panic!("no element {selector}"))
            .to_string();
        self.cmd(
            "DOM.setFileInputFiles",
            json!({ "files": [path.to_string_lossy()], "objectId": object }),
        )
        .await;
    }

    /// Evaluates JavaScript (promises awaited) and returns the value.
    pub async fn eval(&self, expression: &str) -> Value {
        let r = self
            .cmd(
                "Runtime.evaluate",
                json!({ "expression": expression, "awaitPromise": true, "returnByValue": true }),
            )
            .await;
        if let Some(ex) = r.get("exceptionDetails") {
            panic!("script failed: {expression}\n{ex}");
        }
        r["result"]["value"].clone()
    }

    /// Waits until a JavaScript condition is truthy (10 s). A page that is navigating (a
    /// `location.assign`) has no document to ask for a moment: that counts as "not yet".
    pub async fn wait_for(&self, condition: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let asked = self
                .browser
                .try_send(
                    Some(&self.session),
                    "Runtime.evaluate",
                    json!({ "expression": format!("Boolean({condition})"), "awaitPromise": true, "returnByValue": true }),
                )
                .await;
            match asked {
                Ok(r) if r.get("exceptionDetails").is_some() => {
                    panic!("script failed: {condition}\n{}", r["exceptionDetails"]);
                }
                Ok(r) if r["result"]["value"] == json!(true) => return,
                Ok(_) => {}
                Err(e)
                    if e.to_string().contains("navigated") || e.to_string().contains("context") => {
                }
                Err(e) => panic!("Runtime.evaluate failed: {e}"),
            }
            if Instant::now() > deadline {
                let body = self
                    .eval("document.body ? document.body.innerText : ''")
                    .await;
                panic!("timed out waiting for {condition}\npage text:\n{body}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits for an element matching `selector` to be visible.
    pub async fn wait_visible(&self, selector: &str) {
        let sel = serde_json::to_string(selector).expect("json");
        self.wait_for(&format!(
            "(() => {{ const e = document.querySelector({sel}); if (!e) return false; const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }})()"
        ))
        .await;
    }

    /// Clicks the centre of the element with a real mouse press and release.
    pub async fn click(&self, selector: &str) {
        self.wait_visible(selector).await;
        let sel = serde_json::to_string(selector).expect("json");
        let rect = self
            .eval(&format!(
                "(() => {{ const e = document.querySelector({sel}); e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()"
            ))
            .await;
        // Wait for the element to stop moving (content arriving above it), as a person would.
        let mut rect = rect;
        for _ in 0..20 {
            tokio::time::sleep(Duration::from_millis(50)).await;
            let again = self
                .eval(&format!(
                    "(() => {{ const e = document.querySelector({sel}); if (!e) return null; const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()"
                ))
                .await;
            if again == rect || again.is_null() {
                break;
            }
            rect = again;
        }
        let (x, y) = (rect[0].as_f64().expect("x"), rect[1].as_f64().expect("y"));
        for kind in ["mousePressed", "mouseReleased"] {
            self.cmd(
                "Input.dispatchMouseEvent",
                json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 }),
            )
            .await;
        }
    }

    /// Clicks a field, clears it, and types `text` as keyboard input.
    pub async fn fill(&self, selector: &str, text: &str) {
        self.click(selector).await;
        let sel = serde_json::to_string(selector).expect("json");
        self.eval(&format!(
            "document.querySelector({sel}).select && document.querySelector({sel}).select()"
        ))
        .await;
        self.press("Backspace").await;
        self.cmd("Input.insertText", json!({ "text": text })).await;
    }

    /// Touches the screen with real touch input: `kind` is touchStart, touchMove or touchEnd, and
    /// `points` are every finger on the glass after the event (viewport pixels; a finger's index
    /// is its id, so it stays the same finger from event to event). touchEnd lifts every finger.
    pub async fn touch(&self, kind: &str, points: &[(f64, f64)]) {
        let points: Vec<Value> = if kind == "touchEnd" || kind == "touchCancel" {
            Vec::new()
        } else {
            points
                .iter()
                .enumerate()
                .map(|(id, (x, y))| json!({ "x": x, "y": y, "id": id }))
                .collect()
        };
        self.cmd(
            "Input.dispatchTouchEvent",
            json!({ "type": kind, "touchPoints": points }),
        )
        .await;
    }

    /// Types text into whatever has focus.
    pub async fn type_text(&self, text: &str) {
        self.cmd("Input.insertText", json!({ "text": text })).await;
    }

    /// Presses a named key (Enter, Tab, Backspace, ArrowDown, Space...).
    pub async fn press(&self, key: &str) {
        let (code, vk, text) = match key {
            "Enter" => ("Enter", 13, Some("\r")),
            "Tab" => ("Tab", 9, None),
            "Backspace" => ("Backspace", 8, None),
            "Space" => ("Space", 32, Some(" ")),
            "ArrowDown" => ("ArrowDown", 40, None),
            "ArrowRight" => ("ArrowRight", 39, None),
            "ArrowLeft" => ("ArrowLeft", 37, None),
            "Escape" => ("Escape", 27, None),
            other => panic!("unknown key {other}"),
        };
        let key_name = if key == "Space" { " " } else { key };
        let mut down = json!({ "type": "keyDown", "key": key_name, "code": code, "windowsVirtualKeyCode": vk });
        if let Some(t) = text {
            down["text"] = json!(t);
        }
        self.cmd("Input.dispatchKeyEvent", down).await;
        self.cmd(
            "Input.dispatchKeyEvent",
            json!({ "type": "keyUp", "key": key_name, "code": code, "windowsVirtualKeyCode": vk }),
        )
        .await;
    }

    /// The trimmed text of the first element matching `selector` ("" if none).
    pub async fn text(&self, selector: &str) -> String {
        let sel = serde_json::to_string(selector).expect("json");
        self.eval(&format!(
            "(document.querySelector({sel})?.innerText ?? '').trim()"
        ))
        .await
        .as_str()
        .unwrap_or("")
        .to_string()
    }

    /// Saves a PNG screenshot (for people reviewing the run).
    pub async fn screenshot(&self, path: &Path) {
        let shot = self
            .cmd("Page.captureScreenshot", json!({ "format": "png" }))
            .await;
        let bytes = decode_base64(shot["data"].as_str().expect("data"));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("screenshot dir");
        }
        std::fs::write(path, bytes).expect("write screenshot");
    }

    /// Uncaught exceptions and console errors seen so far.
    pub fn page_errors(&self) -> Vec<String> {
        let events = self.browser.events.lock().expect("events");
        events
            .iter()
            .filter(|e| e.get("sessionId").and_then(Value::as_str) == Some(self.session.as_str()))
            .filter_map(|e| match e["method"].as_str() {
                Some("Runtime.exceptionThrown") => {
                    Some(e["params"]["exceptionDetails"].to_string())
                }
                Some("Runtime.consoleAPICalled") if e["params"]["type"] == "error" => {
                    Some(e["params"]["args"].to_string())
                }
                Some("Log.entryAdded") if e["params"]["entry"]["level"] == "error" => {
                    Some(e["params"]["entry"]["text"].to_string())
                }
                _ => None,
            })
            .collect()
    }
}

/// Standard base64 (what DevTools sends: screenshots, PDFs) to bytes, through the crate's
/// URL-safe decoder.
pub fn decode_base64(data: &str) -> Vec<u8> {
    let url_safe: String = data
        .chars()
        .filter(|c| *c != '=')
        .map(|c| match c {
            '+' => '-',
            '/' => '_',
            other => other,
        })
        .collect();
    pixeltales::domain::encoding::b64url_decode(&url_safe).expect("base64")
}

/// Where screenshots go: `target/e2e-screens/`.
pub fn screens_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("e2e-screens")
}

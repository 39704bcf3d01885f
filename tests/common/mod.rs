//! Shared helpers for integration tests: start the real server on port 0 with a temp data dir
//! (in-process, or as the real binary), and talk to it over real HTTP.

#![allow(dead_code)]

pub mod a11y;
pub mod browser;
pub mod collab;
pub mod disk;
pub mod png;
pub mod spa;
pub mod ws;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::HeaderMap;
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::sync::oneshot;

/// Flags that make tests fast: cheap password hashing.
pub const FAST: &[&str] = &["--argon2-memory-kib", "64", "--argon2-iterations", "1"];

/// The password every test account uses.
pub const PASSWORD: &str = "password123";

/// A server running inside the test process.
pub struct TestServer {
    pub addr: SocketAddr,
    pub dir: Option<TempDir>,
    pub data_dir: PathBuf,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<tokio::task::JoinHandle<Result<(), pixeltales::StartError>>>,
}

impl TestServer {
    /// Starts a server on a fresh temp data dir.
    pub async fn start() -> TestServer {
        TestServer::start_with(&[]).await
    }

    /// Starts a server on a fresh temp data dir with extra flags.
    pub async fn start_with(extra: &[&str]) -> TestServer {
        let dir = tempfile::tempdir().expect("tempdir");
        let data_dir = dir.path().to_path_buf();
        let mut s = TestServer::start_in(&data_dir, extra)
            .await
            .expect("server starts");
        s.dir = Some(dir);
        s
    }

    /// Starts a server on an existing data dir.
    pub async fn start_in(
        data_dir: &Path,
        extra: &[&str],
    ) -> Result<TestServer, pixeltales::StartError> {
        let dd = data_dir.to_str().expect("utf-8 path").to_string();
        let mut args: Vec<String> = vec!["--data-dir".into(), dd, "--port".into(), "0".into()];
        args.extend(FAST.iter().map(|s| s.to_string()));
        args.extend(["--log".to_string(), "warn".to_string()]);
        args.extend(extra.iter().map(|s| s.to_string()));
        // A flag the parser refuses stops the start like any other bad setting.
        let config = pixeltales::Config::from_args(args).map_err(pixeltales::StartError::Config)?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(pixeltales::run(listener, config, async move {
            let _ = rx.await;
        }));
        let mut server = TestServer {
            addr,
            dir: None,
            data_dir: data_dir.to_path_buf(),
            stop: Some(tx),
            handle: Some(handle),
        };
        // Startup errors surface through the join handle; otherwise wait for /healthz.
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if server.handle.as_ref().is_some_and(|h| h.is_finished()) {
                let h = server.handle.take().expect("handle");
                return match h.await.expect("join") {
                    Err(e) => Err(e),
                    Ok(()) => panic!("server exited during startup"),
                };
            }
            if let Ok(r) = try_send(addr, "GET", "/healthz", &[], Vec::new()).await
                && r.status == 200
            {
                return Ok(server);
            }
            assert!(Instant::now() < deadline, "server did not become healthy");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Stops the server gracefully and waits for it.
    pub async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            h.await.expect("join").expect("clean shutdown");
        }
    }

    /// The database file.
    pub fn db_path(&self) -> PathBuf {
        self.data_dir.join("pixeltales.db")
    }

    /// Opens the real SQLite file read-only, to check what the server stored.
    pub fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open_with_flags(
            self.db_path(),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .expect("open db")
    }

    pub fn call(&self, method: &str, path: &str) -> Call {
        Call::new(self.addr, method, path)
    }
    pub fn get(&self, path: &str) -> Call {
        self.call("GET", path)
    }
    pub fn post(&self, path: &str) -> Call {
        self.call("POST", path)
    }
    pub fn patch(&self, path: &str) -> Call {
        self.call("PATCH", path)
    }
    pub fn delete(&self, path: &str) -> Call {
        self.call("DELETE", path)
    }

    /// Waits until the web app has opened its socket (a push sent before that has nowhere to
    /// go).
    pub async fn wait_for_socket(&self) {
        let deadline = Instant::now() + Duration::from_secs(5);
        while self
            .get("/metrics")
            .send()
            .await
            .text()
            .contains("pixeltales_sockets_open 0")
        {
            assert!(Instant::now() < deadline, "the SPA never opened its socket");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Registers an account and returns its session.
    pub async fn register(&self, username: &str, role: &str) -> Session {
        register_at(self.addr, username, role).await
    }

    /// A parent makes a child account (linked from the start) and the child signs in. The
    /// display name never contains the username.
    pub async fn child_of(&self, parent: &Session, username: &str) -> Session {
        let r = self
            .post("/api/family/children")
            .bearer(&parent.access)
            .json(&json!({ "username": username, "display_name": "Little Star", "password": PASSWORD }))
            .send()
            .await;
        assert_eq!(r.status, 201, "make a child: {}", r.text());
        let r = self.login(username, PASSWORD).await;
        assert_eq!(r.status, 200, "{}", r.text());
        let kid = Session::from(&r.json());
        tour_done(self.addr, &kid).await;
        kid
    }

    /// Registers a teacher and approves them, as an admin would (test setup).
    pub async fn teacher(&self, username: &str) -> Session {
        let t = self.register(username, "teacher").await;
        self.db_rw()
            .execute(
                "UPDATE users SET pending_approval = 0 WHERE id = ?1",
                [t.user_id],
            )
            .expect("approve teacher");
        t
    }

    /// Creates a draft story with one page per text; returns the story JSON.
    pub async fn story(&self, token: &str, title: &str, pages: &[&str]) -> Value {
        let pages: Vec<Value> = pages.iter().map(|t| json!({ "text": t })).collect();
        let r = self
            .post("/api/stories")
            .bearer(token)
            .json(&json!({ "title": title, "pages": pages }))
            .send()
            .await;
        assert_eq!(r.status, 201, "create {title}: {}", r.text());
        r.json()
    }

    /// Creates and publishes a story; returns its id.
    pub async fn published(&self, token: &str, title: &str, pages: &[&str]) -> i64 {
        let id = self.story(token, title, pages).await["id"]
            .as_i64()
            .expect("id");
        let r = self
            .post(&format!("/api/stories/{id}/publish"))
            .bearer(token)
            .send()
            .await;
        assert_eq!(r.status, 200, "publish {title}: {}", r.text());
        id
    }

    /// `a` asks `b` (by username) to be friends and `b` accepts.
    pub async fn befriend(&self, a: &Session, b: &Session, b_name: &str) {
        befriend_at(self.addr, a, b, b_name).await
    }

    /// `owner` asks `who` to write `story` with them and `who` accepts: co-authorship is a
    /// request the invitee answers.
    pub async fn coauthor(&self, owner: &Session, story: i64, who: &Session) {
        let r = self
            .post(&format!("/api/stories/{story}/coauthors"))
            .bearer(&owner.access)
            .json(&json!({ "user_id": who.user_id }))
            .send()
            .await;
        assert_eq!(r.status, 201, "co-author request: {}", r.text());
        let id = r.json()["invite"]["id"].as_i64().expect("invite id");
        let r = self
            .post(&format!("/api/coauthor-invites/{id}/accept"))
            .bearer(&who.access)
            .send()
            .await;
        assert_eq!(r.json()["status"], "accepted", "accept: {}", r.text());
    }

    /// Turns an account into an admin (the CLI's job in real life).
    pub fn make_admin(&self, who: &Session) {
        self.db_rw()
            .execute(
                "UPDATE users SET role = 'admin' WHERE id = ?1",
                [who.user_id],
            )
            .expect("promote");
    }

    /// Opens the database for writing (test setup: roles, classes, XP).
    pub fn db_rw(&self) -> rusqlite::Connection {
        let db = rusqlite::Connection::open(self.db_path()).expect("open db");
        db.busy_timeout(Duration::from_secs(5))
            .expect("busy timeout");
        db
    }

    /// Logs in and returns the session.
    pub async fn login(&self, username: &str, password: &str) -> Resp {
        self.post("/api/auth/login")
            .json(&json!({"username": username, "password": password}))
            .send()
            .await
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }
}

/// Runs a command-line tool a test reads with (pdfinfo, pdftotext, zbarimg: `make e2e-deps`
/// installs them) and returns what it printed.
pub fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} (make e2e-deps installs it): {e}"));
    assert!(
        out.status.success(),
        "{cmd}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Registers an account on the server at `addr` (in-process or the real binary).
pub async fn register_at(addr: SocketAddr, username: &str, role: &str) -> Session {
    let r = Call::new(addr, "POST", "/api/auth/register")
        .json(&json!({"username": username, "password": PASSWORD, "display_name": username, "role": role}))
        .send()
        .await;
    assert_eq!(r.status, 201, "register {username}: {}", r.text());
    let who = Session::from(&r.json());
    tour_done(addr, &who).await;
    who
}

/// Marks the first-run tour as seen, as finishing it does: browser tests that are not about
/// the tour start from a home page without it. The tour's own test makes its account by hand.
pub async fn tour_done(addr: SocketAddr, who: &Session) {
    let r = Call::new(addr, "PATCH", "/api/me")
        .bearer(&who.access)
        .json(&json!({ "prefs": { "tour": "done" } }))
        .send()
        .await;
    assert_eq!(r.status, 200, "tour done: {}", r.text());
}

/// `a` asks `b` (by username) to be friends and `b` accepts, on the server at `addr`.
pub async fn befriend_at(addr: SocketAddr, a: &Session, b: &Session, b_name: &str) {
    let r = Call::new(addr, "POST", "/api/friends/requests")
        .bearer(&a.access)
        .json(&json!({ "username": b_name }))
        .send()
        .await;
    assert_eq!(r.status, 201, "friend request: {}", r.text());
    let id = r.json()["id"].as_i64().expect("request id");
    let r = Call::new(addr, "POST", &format!("/api/friends/requests/{id}/accept"))
        .bearer(&b.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "accept friend request: {}", r.text());
}

/// Tokens from a sign-in.
#[derive(Debug, Clone)]
pub struct Session {
    pub access: String,
    pub refresh: String,
    pub user_id: i64,
}

impl From<&Value> for Session {
    fn from(v: &Value) -> Self {
        Session {
            access: v["access_token"]
                .as_str()
                .expect("access_token")
                .to_string(),
            refresh: v["refresh_token"]
                .as_str()
                .expect("refresh_token")
                .to_string(),
            user_id: v["user"]["id"].as_i64().unwrap_or(0),
        }
    }
}

/// A response, fully read.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    /// The error code of a JSON error envelope.
    pub fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or("<no code>")
            .to_string()
    }
}

/// A request being built.
pub struct Call {
    addr: SocketAddr,
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Call {
    pub fn new(addr: SocketAddr, method: &str, path: &str) -> Call {
        Call {
            addr,
            method: method.into(),
            path: path.into(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }
    pub fn bearer(self, token: &str) -> Call {
        self.header("authorization", &format!("Bearer {token}"))
    }
    pub fn header(mut self, name: &str, value: &str) -> Call {
        self.headers.push((name.into(), value.into()));
        self
    }
    pub fn json(self, v: &Value) -> Call {
        self.raw(v.to_string().into_bytes(), "application/json")
    }
    pub fn raw(mut self, body: Vec<u8>, content_type: &str) -> Call {
        self.body = body;
        self.header("content-type", content_type)
    }
    pub async fn send(self) -> Resp {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        try_send(self.addr, &self.method, &self.path, &headers, self.body)
            .await
            .unwrap_or_else(|e| panic!("{} {} failed: {e}", self.method, self.path))
    }
}

/// Sends one request on a new connection.
pub async fn try_send(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Vec<u8>,
) -> Result<Resp, String> {
    let tcp = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| e.to_string())?;
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(tcp))
        .await
        .map_err(|e| e.to_string())?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    let mut req = hyper::Request::builder()
        .method(method)
        .uri(path)
        .header("host", addr.to_string());
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req
        .body(Full::new(Bytes::from(body)))
        .map_err(|e| e.to_string())?;
    let resp = sender.send_request(req).await.map_err(|e| e.to_string())?;
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let body = resp
        .into_body()
        .collect()
        .await
        .map_err(|e| e.to_string())?
        .to_bytes();
    Ok(Resp {
        status,
        headers,
        body,
    })
}

/// The pixeltales binary built by cargo for this test run.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pixeltales"))
}

/// A CLI command against a data dir, with fast hashing; returns (exit code, stdout, stderr).
pub fn cli(data_dir: &Path, args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    use std::io::Write;
    let mut cmd = bin();
    cmd.arg("--data-dir").arg(data_dir).args(FAST).args(args);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn pixeltales");
    {
        let mut input = child.stdin.take().expect("stdin");
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).expect("write stdin");
        }
    }
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The real binary serving on port 0; its log is captured.
pub struct BinServer {
    pub child: Child,
    pub addr: SocketAddr,
    pub log: Arc<Mutex<String>>,
}

impl BinServer {
    /// Spawns `pixeltales serve` and waits for its "listening on" line.
    pub fn spawn(data_dir: &Path, extra: &[&str]) -> BinServer {
        let mut cmd = bin();
        cmd.arg("--data-dir")
            .arg(data_dir)
            .args(["--addr", "127.0.0.1", "--port", "0"])
            .args(FAST)
            .args(["--log", "info"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn pixeltales");
        let stderr = child.stderr.take().expect("stderr");
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("listening on http://").nth(1)
                    && let Some(tx) = tx.take()
                {
                    let _ = tx.send(rest.split_whitespace().next().unwrap_or("").to_string());
                }
                sink.lock().expect("log").push_str(&(line + "\n"));
            }
        });
        let addr = rx
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("server did not start: {}", log.lock().expect("log")));
        BinServer {
            child,
            addr: addr.parse().expect("addr"),
            log,
        }
    }

    pub fn call(&self, method: &str, path: &str) -> Call {
        Call::new(self.addr, method, path)
    }

    /// Sends a signal with the `kill` command.
    pub fn signal(&self, sig: &str) {
        let status = Command::new("kill")
            .arg(format!("-{sig}"))
            .arg(self.child.id().to_string())
            .status()
            .expect("kill");
        assert!(status.success());
    }

    /// Waits for exit (panics after `secs`).
    pub fn wait(&mut self, secs: u64) -> std::process::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(st) = self.child.try_wait().expect("try_wait") {
                return st;
            }
            assert!(
                Instant::now() < deadline,
                "server did not exit; log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn log(&self) -> String {
        self.log.lock().expect("log").clone()
    }
}

impl Drop for BinServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

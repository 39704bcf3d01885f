//! `make bench`: every performance figure from the release binary, measured in its own process
//! from this separate client process, ending with one table of figure, target (all targets live
//! in `targets.rs`) and met / NOT MET. Reports only; never fails the build. `make soak` runs
//! the long soak through the same binary.

#[path = "../common/mod.rs"]
mod common;

use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

const BIN: &str = env!("CARGO_BIN_EXE_pixeltales");
/// Limits high enough that the benchmark measures the server, not the rate limiter.
const OPEN_LIMITS: &[&str] = &[
    "--login-ip-burst",
    "1000000",
    "--register-ip-burst",
    "1000000",
    "--log",
    "warn",
];

mod classroom_morning;
mod first_paint;
mod library_load;
mod realtime_load;
mod soak;
mod targets;

/// One line of the report.
struct Row {
    what: String,
    value: String,
    target: String,
    met: Option<bool>,
}

impl Row {
    /// A figure with no target of its own.
    fn reported(what: &str, value: String) -> Row {
        Row {
            what: what.into(),
            value,
            target: "(reported)".into(),
            met: None,
        }
    }

    /// A measurement that could not run, with the reason in place of the figure.
    fn skipped(what: &str, why: &str) -> Row {
        Row {
            what: what.into(),
            value: why.into(),
            target: String::new(),
            met: None,
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port")
}

fn spawn(data_dir: &Path, port: u16, extra: &[&str]) -> Child {
    spawn_with(data_dir, port, extra, None)
}

/// Starts the release binary, pinned to `cpus` with taskset when given.
fn spawn_with(data_dir: &Path, port: u16, extra: &[&str], cpus: Option<&str>) -> Child {
    let mut cmd = match cpus {
        Some(cpus) => {
            let mut c = Command::new("taskset");
            c.args(["-c", cpus, BIN]);
            c
        }
        None => Command::new(BIN),
    };
    cmd.arg("--data-dir")
        .arg(data_dir)
        .args(["--addr", "127.0.0.1", "--port", &port.to_string()])
        .args(OPEN_LIMITS)
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn pixeltales")
    // With taskset the child is taskset, which execs the server: same pid.
}

/// Polls until `/healthz` answers 200; returns the time since `start`.
async fn until_healthy(addr: SocketAddr, start: Instant) -> Duration {
    loop {
        if let Ok(r) = common::try_send(addr, "GET", "/healthz", &[], Vec::new()).await
            && r.status == 200
        {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "server never became healthy"
        );
        tokio::time::sleep(Duration::from_micros(500)).await;
    }
}

fn stop(mut child: Child) {
    let _ = Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status();
    let _ = child.wait();
}

fn status_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

async fn cold_start(rows: &mut Vec<Row>) {
    // Warm: an existing database, the usual restart.
    let dir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let first = spawn(dir.path(), port, &[]);
    until_healthy(addr, Instant::now()).await;
    stop(first);
    let mut warm = Vec::new();
    for _ in 0..15 {
        let port = free_port();
        let start = Instant::now();
        let child = spawn(dir.path(), port, &[]);
        warm.push(
            until_healthy(([127, 0, 0, 1], port).into(), start)
                .await
                .as_secs_f64()
                * 1000.0,
        );
        stop(child);
    }
    warm.sort_by(f64::total_cmp);
    let median = percentile(&warm, 0.5);
    rows.push(Row {
        what: "cold start to first 200 (existing db), median of 15".into(),
        value: format!(
            "{median:.1} ms (min {:.1}, max {:.1})",
            warm[0],
            warm[warm.len() - 1]
        ),
        target: format!("<= {} ms", targets::COLD_START_MS),
        met: Some(median <= targets::COLD_START_MS),
    });

    // Fresh: first start creates the schema, the key and the word list.
    let mut fresh = Vec::new();
    for _ in 0..5 {
        let dir = tempfile::tempdir().expect("tempdir");
        let port = free_port();
        let start = Instant::now();
        let child = spawn(dir.path(), port, &[]);
        fresh.push(
            until_healthy(([127, 0, 0, 1], port).into(), start)
                .await
                .as_secs_f64()
                * 1000.0,
        );
        stop(child);
    }
    fresh.sort_by(f64::total_cmp);
    rows.push(Row {
        what: "first start on an empty data dir, median of 5".into(),
        value: format!("{:.1} ms", percentile(&fresh, 0.5)),
        target: "(reported)".into(),
        met: None,
    });
}

async fn memory_and_logins(rows: &mut Vec<Row>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let child = spawn(dir.path(), port, &[]);
    let pid = child.id();
    until_healthy(addr, Instant::now()).await;
    // Let the start-up work (the dummy password hash) finish, then sit idle.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let idle = status_kib(pid, "VmRSS:");
    rows.push(Row {
        what: "idle RSS after start".into(),
        value: format!("{:.1} MiB", mib(idle)),
        target: format!("<= {} MiB", targets::IDLE_RSS_MIB),
        met: Some(mib(idle) <= targets::IDLE_RSS_MIB),
    });

    const USERS: usize = 200;
    const CONCURRENCY: usize = 16;
    run_concurrently(USERS, CONCURRENCY, move |i| async move {
        let r = common::Call::new(addr, "POST", "/api/auth/register")
            .json(&json!({
                "username": format!("bench{i:03}"), "password": "bench-password",
                "display_name": format!("Bench {i}"), "role": "child"
            }))
            .send()
            .await;
        assert_eq!(r.status, 201, "{}", r.text());
        0.0
    })
    .await;
    let before = status_kib(pid, "VmRSS:");
    // Reset the peak so it measures the login storm alone.
    let _ = std::fs::write(format!("/proc/{pid}/clear_refs"), "5");
    let started = Instant::now();
    let mut latencies = run_concurrently(USERS, CONCURRENCY, move |i| async move {
        let t = Instant::now();
        let r = common::Call::new(addr, "POST", "/api/auth/login")
            .json(&json!({"username": format!("bench{i:03}"), "password": "bench-password"}))
            .send()
            .await;
        assert_eq!(r.status, 200, "{}", r.text());
        t.elapsed().as_secs_f64() * 1000.0
    })
    .await;
    let wall = started.elapsed().as_secs_f64();
    let peak = status_kib(pid, "VmHWM:");
    let after = status_kib(pid, "VmRSS:");
    latencies.sort_by(f64::total_cmp);
    rows.push(Row {
        what: "RSS peak during 200 logins, 16 at once".into(),
        value: format!(
            "{:.1} MiB (before {:.1}, after {:.1})",
            mib(peak),
            mib(before),
            mib(after)
        ),
        target: format!("<= {} MiB", targets::LOGIN_STORM_PEAK_MIB),
        met: Some(mib(peak) <= targets::LOGIN_STORM_PEAK_MIB),
    });
    rows.push(Row {
        what: "login latency p50 / p99 (argon2id 7 MiB, t=5)".into(),
        value: format!(
            "{:.1} / {:.1} ms ({:.0} logins/s)",
            percentile(&latencies, 0.5),
            percentile(&latencies, 0.99),
            USERS as f64 / wall
        ),
        target: "(reported)".into(),
        met: None,
    });
    stop(child);
}

async fn run_concurrently<F, Fut>(n: usize, concurrency: usize, f: F) -> Vec<f64>
where
    F: Fn(usize) -> Fut + Send + Sync + Clone + 'static,
    Fut: std::future::Future<Output = f64> + Send,
{
    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (next, f) = (std::sync::Arc::clone(&next), f.clone());
        tasks.push(tokio::spawn(async move {
            let mut out = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= n {
                    return out;
                }
                out.push(f(i).await);
            }
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("task"));
    }
    all
}

fn binary_size(rows: &mut Vec<Row>) {
    let target = format!("<= {} MiB", targets::BINARY_MIB);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release-static/pixeltales");
    match std::fs::metadata(&path) {
        Ok(m) => rows.push(Row {
            what: "static release binary (make release)".into(),
            value: format!("{:.1} MiB", m.len() as f64 / 1048576.0),
            target,
            met: Some(m.len() as f64 / 1048576.0 <= targets::BINARY_MIB),
        }),
        Err(_) => rows.push(Row {
            what: "static release binary (make release)".into(),
            value: "not built (run make release)".into(),
            target,
            met: None,
        }),
    }
}

fn main() {
    // `cargo bench` passes --bench; nothing here takes arguments.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    // PIXELTALES_BENCH_ONLY=startup,classroom,library,firstpaint,realtime runs a subset (all by default); the soak
    // runs only when named (`make soak`).
    let only = std::env::var("PIXELTALES_BENCH_ONLY").unwrap_or_default();
    let soak_only = only.split(',').any(|p| p.trim() == "soak");
    let wanted = |part: &str| only.is_empty() || only.split(',').any(|p| p.trim() == part);
    let mut rows = Vec::new();
    rt.block_on(async {
        if wanted("startup") {
            cold_start(&mut rows).await;
            memory_and_logins(&mut rows).await;
        }
        if wanted("classroom") {
            classroom_morning::run(&mut rows).await;
        }
        if wanted("library") {
            library_load::run(&mut rows).await;
        }
        if wanted("firstpaint") {
            first_paint::run(&mut rows).await;
        }
    });
    if ["realtime", "idle", "fanout", "burst", "rooms"]
        .iter()
        .any(|p| wanted(p))
    {
        realtime_load::run(&mut rows);
    }
    if soak_only {
        soak::run(&mut rows);
    }
    binary_size(&mut rows);

    println!();
    println!("PixelTales benchmark ({})", pixeltales::VERSION);
    println!("{:-<140}", "");
    println!(
        "{:<52} {:<58} {:<22} result",
        "measure", "measured", "target"
    );
    println!("{:-<140}", "");
    for r in &rows {
        let verdict = match r.met {
            Some(true) => "met",
            Some(false) => "NOT MET",
            None => "",
        };
        println!("{:<52} {:<58} {:<22} {verdict}", r.what, r.value, r.target);
    }
    println!("{:-<140}", "");
}

//! Library and reader throughput under wrk on a generated school-sized database.

use std::net::SocketAddr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{BIN, Row, common, mib, spawn_with, status_kib, stop, targets, until_healthy};

const USERS: &str = "1000";
const STORIES: &str = "10000";
const PAGES: &str = "5";
const CONNECTIONS: &str = "16";
const SECONDS: &str = "10s";

/// What wrk measured for one endpoint.
struct Load {
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: u64,
}

fn has(cmd: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {cmd}")])
        .stdout(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Two CPUs or more: the server gets CPU 0, wrk CPU 1, so neither steals from the other.
fn pinning() -> bool {
    has("taskset") && std::thread::available_parallelism().map_or(1, |n| n.get()) >= 2
}

fn duration_ms(text: &str) -> Option<f64> {
    let (num, unit) = text
        .find(|c: char| c.is_ascii_alphabetic())
        .map(|i| text.split_at(i))?;
    let value: f64 = num.parse().ok()?;
    Some(match unit {
        "us" => value / 1000.0,
        "ms" => value,
        "s" => value * 1000.0,
        "m" => value * 60_000.0,
        _ => return None,
    })
}

/// Reads `Requests/sec`, the 50% and 99% latency lines and every kind of error wrk counts.
fn parse_wrk(out: &str) -> Option<Load> {
    let mut load = Load {
        rps: 0.0,
        p50_ms: 0.0,
        p99_ms: 0.0,
        errors: 0,
    };
    for line in out.lines().map(str::trim) {
        let mut parts = line.split_whitespace();
        match (parts.next(), parts.next()) {
            (Some("Requests/sec:"), Some(v)) => load.rps = v.parse().ok()?,
            (Some("50%"), Some(v)) => load.p50_ms = duration_ms(v)?,
            (Some("99%"), Some(v)) => load.p99_ms = duration_ms(v)?,
            (Some("Non-2xx"), _) => {
                load.errors += line.rsplit(' ').next()?.parse::<u64>().ok()?;
            }
            (Some("Socket"), Some("errors:")) => {
                // "Socket errors: connect 0, read 0, write 0, timeout 0"
                for n in line.split(',').filter_map(|p| p.rsplit(' ').next()) {
                    load.errors += n.parse::<u64>().unwrap_or(0);
                }
            }
            _ => {}
        }
    }
    (load.rps > 0.0).then_some(load)
}

fn wrk(addr: SocketAddr, path: &str, duration: &str) -> Result<Load, String> {
    let url = format!("http://{addr}{path}");
    let mut cmd = if pinning() {
        let mut c = Command::new("taskset");
        c.args(["-c", "1", "wrk"]);
        c
    } else {
        Command::new("wrk")
    };
    let out = cmd
        .args(["-t1", "-c", CONNECTIONS, "-d", duration, "--latency", &url])
        .output()
        .map_err(|e| format!("wrk: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    parse_wrk(&text).ok_or_else(|| format!("unreadable wrk output: {text}"))
}

/// Generates the database with the real CLI, so the benchmark reads what `demo` writes.
fn generate(dir: &Path) -> Result<Duration, String> {
    let start = Instant::now();
    let out = Command::new(BIN)
        .arg("--data-dir")
        .arg(dir)
        .args(["--log", "warn", "demo", "--bulk-users", USERS])
        .args(["--bulk-stories", STORIES, "--bulk-pages", PAGES])
        .output()
        .map_err(|e| format!("demo: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "demo failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(start.elapsed())
}

/// Runs wrk against the library and the reader; adds one row per endpoint plus the RSS peak.
pub async fn run(rows: &mut Vec<Row>) {
    let what = "library load (10k stories x 5 pages, 1k users)";
    if !has("wrk") {
        rows.push(Row::skipped(
            what,
            "wrk not installed (make bench installs it)",
        ));
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let made = match generate(dir.path()) {
        Ok(t) => t,
        Err(e) => return rows.push(Row::skipped(what, &e)),
    };
    rows.push(Row::reported(
        "generate the load db (pixeltales demo --bulk-...)",
        format!("{:.1} s", made.as_secs_f64()),
    ));

    let port = super::free_port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let child = spawn_with(dir.path(), port, &[], pinning().then_some("0"));
    let pid = child.id();
    until_healthy(addr, Instant::now()).await;

    let first = common::Call::new(addr, "GET", "/api/stories?limit=1&sort=new")
        .send()
        .await;
    let story = first.json()["items"][0]["id"].as_i64().unwrap_or(0);
    let endpoints: [(&'static str, String, f64); 6] = [
        (
            "library, 12 per page",
            "/api/stories?limit=12".into(),
            targets::LIBRARY_12_RPS,
        ),
        (
            "library, 100 per page",
            "/api/stories?limit=100".into(),
            targets::LIBRARY_100_RPS,
        ),
        (
            "library search, 12 per page",
            "/api/stories?limit=12&q=dragon".into(),
            targets::LIBRARY_12_RPS,
        ),
        (
            "library search, 100 per page",
            "/api/stories?limit=100&q=dragon".into(),
            targets::LIBRARY_100_RPS,
        ),
        (
            // Nothing matches as typed: the index's vocabulary is read for the word meant.
            "library search with a one-letter slip (dragn)",
            "/api/stories?limit=12&q=dragn".into(),
            0.0,
        ),
        (
            "story read (5 pages with drawings)",
            format!("/api/stories/{story}"),
            0.0,
        ),
    ];
    // Warm the page cache and the prepared statements before measuring, then reset the peak.
    for (_, path, _) in &endpoints {
        let _ = wrk(addr, path, "1s");
    }
    let _ = std::fs::write(format!("/proc/{pid}/clear_refs"), "5");
    for (name, path, min_rps) in &endpoints {
        match wrk(addr, path, SECONDS) {
            Ok(l) => {
                let target = if *min_rps > 0.0 {
                    format!(
                        ">= {}k/s, p99 <= {} ms",
                        min_rps / 1000.0,
                        targets::LIBRARY_P99_MS
                    )
                } else {
                    format!("p99 <= {} ms", targets::LIBRARY_P99_MS)
                };
                rows.push(Row {
                    what: name.to_string(),
                    value: format!(
                        "{:.0} req/s, p50 {:.2} / p99 {:.2} ms, {} errors",
                        l.rps, l.p50_ms, l.p99_ms, l.errors
                    ),
                    target,
                    met: Some(
                        l.rps >= *min_rps && l.p99_ms <= targets::LIBRARY_P99_MS && l.errors == 0,
                    ),
                });
            }
            Err(e) => rows.push(Row::skipped(name, &e)),
        }
    }
    let peak = status_kib(pid, "VmHWM:");
    rows.push(Row {
        what: "RSS peak during the library load".into(),
        value: format!("{:.1} MiB", mib(peak)),
        target: format!("<= {} MiB", targets::LIBRARY_PEAK_MIB),
        met: Some(mib(peak) <= targets::LIBRARY_PEAK_MIB),
    });
    stop(child);
}

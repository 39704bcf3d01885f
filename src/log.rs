//! A minimal leveled logger to stderr: one line per event, UTC timestamp first, as plain text
//! or as one JSON object per line (`--log-format json`, for Render and journald).
//!
//! Never log secrets: no tokens, no tickets, no passwords, no reset codes, no query strings.
//! Request lines carry the path only, and no route puts a secret in its path.

use std::io::Write;
use std::sync::atomic::{AtomicU8, Ordering};

use serde_json::json;

/// How much to log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Level {
    Off = 0,
    Error = 1,
    Warn = 2,
    Info = 3,
    Debug = 4,
}

/// How a line looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `2026-12-03T08:00:00Z INFO  message`
    Text = 0,
    /// `{"time":"…","level":"info","message":"…"}`
    Json = 1,
}

static LEVEL: AtomicU8 = AtomicU8::new(Level::Info as u8);
static FORMAT: AtomicU8 = AtomicU8::new(Format::Text as u8);

/// Sets the process-wide level.
pub fn set_level(level: Level) {
    LEVEL.store(level as u8, Ordering::Relaxed);
}

/// Sets the process-wide line format.
pub fn set_format(format: Format) {
    FORMAT.store(format as u8, Ordering::Relaxed);
}

fn json_lines() -> bool {
    FORMAT.load(Ordering::Relaxed) == Format::Json as u8
}

/// True when events at `level` are written.
pub fn enabled(level: Level) -> bool {
    level as u8 <= LEVEL.load(Ordering::Relaxed) && level != Level::Off
}

fn name(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warn => "warn",
        Level::Info => "info",
        Level::Debug => "debug",
        Level::Off => "off",
    }
}

fn emit(line: String) {
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// Writes one event line; use the `log_*!` macros instead.
pub fn write(level: Level, args: std::fmt::Arguments<'_>) {
    if !enabled(level) {
        return;
    }
    let time = crate::time::rfc3339(crate::time::now());
    if json_lines() {
        let obj = json!({ "time": time, "level": name(level), "message": args.to_string() });
        return emit(format!("{obj}\n"));
    }
    let tag = match level {
        Level::Error => "ERROR",
        Level::Warn => "WARN ",
        Level::Info => "INFO ",
        Level::Debug => "DEBUG",
        Level::Off => return,
    };
    emit(format!("{time} {tag} {args}\n"));
}

/// One answered request, as the access log shows it.
pub struct Access<'a> {
    /// The `X-Request-Id` the answer carried.
    pub id: &'a str,
    /// The client's address as the rate limits see it.
    pub ip: std::net::IpAddr,
    /// HTTP method.
    pub method: &'a str,
    /// The path, without the query string (tickets travel there).
    pub path: &'a str,
    /// Status code.
    pub status: u16,
    /// Time to the answer's head, in milliseconds (`None` for WebSocket upgrades).
    pub ms: Option<f64>,
}

/// Writes the access line for a request (error level for 5xx answers).
pub fn access(a: &Access<'_>) {
    let level = if a.status >= 500 {
        Level::Error
    } else {
        Level::Info
    };
    if !enabled(level) {
        return;
    }
    if json_lines() {
        let obj = json!({
            "time": crate::time::rfc3339(crate::time::now()),
            "level": name(level),
            "message": "request",
            "request_id": a.id,
            "ip": a.ip.to_string(),
            "method": a.method,
            "path": a.path,
            "status": a.status,
            "duration_ms": a.ms.map(|ms| (ms * 10.0).round() / 10.0),
        });
        return emit(format!("{obj}\n"));
    }
    let ms = a.ms.map(|ms| format!(" {ms:.1}ms")).unwrap_or_default();
    write(
        level,
        format_args!(
            "{} {} {} {}{ms} id={}",
            a.ip, a.method, a.path, a.status, a.id
        ),
    );
}

/// Logs at error level.
#[macro_export]
macro_rules! log_error { ($($t:tt)*) => { $crate::log::write($crate::log::Level::Error, format_args!($($t)*)) } }
/// Logs at warn level.
#[macro_export]
macro_rules! log_warn { ($($t:tt)*) => { $crate::log::write($crate::log::Level::Warn, format_args!($($t)*)) } }
/// Logs at info level.
#[macro_export]
macro_rules! log_info { ($($t:tt)*) => { $crate::log::write($crate::log::Level::Info, format_args!($($t)*)) } }
/// Logs at debug level.
#[macro_export]
macro_rules! log_debug { ($($t:tt)*) => { $crate::log::write($crate::log::Level::Debug, format_args!($($t)*)) } }

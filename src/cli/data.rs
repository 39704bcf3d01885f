//! `pixeltales backup|restore|check`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::config::Config;
use crate::db::backup;
use crate::db::migrations::SCHEMA_VERSION;

pub(super) fn backup(config: &Config, file: Option<PathBuf>) -> Result<ExitCode, String> {
    let source = backup::open_read_only(&config.db_path())
        .map_err(|e| format!("{e} (has the server been started on this data dir?)"))?;
    let dest = file.unwrap_or_else(|| backup::default_backup_path(&config.data_dir));
    // The reserve that keeps sign-in working on a full disk is not a backup's to take.
    if let Err((needed, free)) = backup::room_for_copy(&source, &dest, config.disk_reserve_mb << 20)
    {
        return Err(format!(
            "not enough room for a backup: it needs about {} MB and {} MB are free",
            needed.div_ceil(1 << 20),
            free >> 20
        ));
    }
    let size = backup::backup_into(&source, &dest)?;
    say!("backup written to {} ({size} bytes)", dest.display());
    Ok(ExitCode::SUCCESS)
}

pub(super) fn restore(config: &Config, file: &Path) -> Result<ExitCode, String> {
    let report = backup::restore(&config.data_dir, file)?;
    if let Some(prev) = &report.previous {
        say!("the previous database was kept as {}", prev.display());
    }
    say!(
        "restored {} (schema {} -> {SCHEMA_VERSION}) into {}",
        file.display(),
        report.restored_version,
        config.db_path().display()
    );
    Ok(ExitCode::SUCCESS)
}

pub(super) fn check(config: &Config) -> Result<ExitCode, String> {
    let report = backup::check(&config.db_path())?;
    say!(
        "file: {} ({} bytes)",
        config.db_path().display(),
        report.size_bytes
    );
    say!("integrity: {}", report.integrity.join("; "));
    say!("foreign key violations: {}", report.foreign_key_violations);
    say!(
        "schema version: {} (this binary: {SCHEMA_VERSION})",
        report.schema_version
    );
    if report.ok() {
        say!("ok");
        Ok(ExitCode::SUCCESS)
    } else {
        say!("PROBLEMS FOUND");
        Ok(ExitCode::FAILURE)
    }
}

/// `GET /healthz` on the local server over a plain socket: 200 (ok, or degraded but serving) is
/// healthy. The image has no curl, and this needs no HTTP client.
pub(super) fn healthcheck(config: &Config) -> Result<ExitCode, String> {
    use std::io::{Read, Write};
    use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream};
    use std::time::Duration;
    let ip = match config.addr {
        IpAddr::V4(a) if a.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(a) if a.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        a => a,
    };
    let addr = SocketAddr::new(ip, config.port);
    let wait = Duration::from_secs(5);
    let mut tcp = TcpStream::connect_timeout(&addr, wait)
        .map_err(|e| format!("no server answers at {addr}: {e}"))?;
    let _ = tcp.set_read_timeout(Some(wait));
    let _ = tcp.set_write_timeout(Some(wait));
    tcp.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .map_err(|e| format!("cannot ask {addr}: {e}"))?;
    let mut answer = Vec::new();
    let _ = tcp.take(64 * 1024).read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    let status = answer.split_whitespace().nth(1).unwrap_or("none");
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or("").trim();
    if status == "200" {
        say!("healthy: {body}");
        Ok(ExitCode::SUCCESS)
    } else {
        say!("unhealthy (HTTP {status}): {body}");
        Ok(ExitCode::FAILURE)
    }
}

//! Online backups into `DATA_DIR/backups` (the same `VACUUM INTO` copy as `pixeltales backup`),
//! keeping the last `--backups-keep`: made on a schedule, on SIGUSR1, or by an admin.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::App;
use crate::db::backup;
use crate::error::{Error, Result};
use crate::store::audit;

/// True for names `pixeltales backup` and this module write: `pixeltales-<digits and dashes>.db`.
pub fn is_backup_name(name: &str) -> bool {
    name.strip_prefix("pixeltales-")
        .and_then(|n| n.strip_suffix(".db"))
        .is_some_and(|stamp| {
            !stamp.is_empty() && stamp.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        })
}

/// Where backups go.
pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

/// Backups on disk, newest first.
pub fn list_files(data_dir: &Path) -> Vec<Value> {
    let mut items: Vec<(String, u64, i64)> = std::fs::read_dir(dir(data_dir))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let meta = e.metadata().ok()?;
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs() as i64);
            (is_backup_name(&name) && meta.is_file()).then_some((name, meta.len(), modified))
        })
        .collect();
    items.sort_by(|a, b| b.0.cmp(&a.0));
    items
        .into_iter()
        .map(|(name, bytes, at)| json!({ "name": name, "bytes": bytes, "created_at": at }))
        .collect()
}

/// Deletes all but the newest `keep` backups, and the oldest of those while they take more
/// than `max_bytes` together (0: no limit; the newest always stays); returns how many went.
fn prune(data_dir: &Path, keep: usize, max_bytes: u64) -> usize {
    let mut gone = 0;
    let mut total: u64 = 0;
    for (i, item) in list_files(data_dir).into_iter().enumerate() {
        total = total.saturating_add(item["bytes"].as_u64().unwrap_or(0));
        let over = max_bytes > 0 && i > 0 && total > max_bytes;
        if (i >= keep || over)
            && let Some(name) = item["name"].as_str()
            && std::fs::remove_file(dir(data_dir).join(name)).is_ok()
        {
            gone += 1;
        }
    }
    gone
}

/// A backup that was made: file name, size, and how many old ones were pruned.
pub struct Made {
    /// File name inside `DATA_DIR/backups`.
    pub name: String,
    /// Size in bytes.
    pub bytes: u64,
    /// Older backups deleted to keep `--backups-keep`.
    pub pruned: usize,
}

/// Makes a consistent copy while the server keeps running, prunes old ones and records it in
/// the audit log as `action` (by `actor`, or the system when `None`).
pub async fn make(
    app: &App,
    actor: Option<i64>,
    action: &'static str,
    ip: Option<String>,
) -> Result<Made> {
    let data_dir = app.config.data_dir.clone();
    let dest = backup::default_backup_path(&data_dir);
    let name = dest
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    if dest.exists() {
        return Err(Error::conflict(
            "backup_exists",
            "A backup was made this very second. Try again in a moment.",
        ));
    }
    let (target, db_path) = (dest.clone(), app.config.db_path());
    let keep_free = app.config.disk_reserve_mb << 20;
    // Its own read-only connection, as `pixeltales backup` does: the pool's readers are
    // query-only, and a long copy should not hold one of them.
    let bytes = tokio::task::spawn_blocking(move || {
        let conn = backup::open_read_only(&db_path).map_err(Error::internal)?;
        // Checked first, so a backup never fills the disk the database needs.
        if let Err((needed, free)) = backup::room_for_copy(&conn, &target, keep_free) {
            return Err(Error::NoRoomForBackup { needed, free });
        }
        backup::backup_into(&conn, &target).map_err(Error::internal)
    })
    .await
    .map_err(|e| Error::internal(e.to_string()))??;
    crate::memory::trim();
    let pruned = prune(
        &data_dir,
        app.config.backups_keep as usize,
        app.config.backups_max_bytes,
    );
    let detail = json!({ "name": name, "bytes": bytes, "pruned": pruned });
    app.db
        .write(move |tx| {
            Ok(audit::record(
                tx,
                actor,
                action,
                None,
                ip.as_deref(),
                &detail,
            )?)
        })
        .await?;
    Ok(Made {
        name,
        bytes,
        pruned,
    })
}

/// True when automatic backups are on and the newest backup is older than the interval (or
/// there is none and the server has been up for a while, so restarts and short test runs do
/// not each leave a copy).
pub fn due(app: &App) -> bool {
    let hours = u64::from(app.config.backup_every_hours);
    if hours == 0 {
        return false;
    }
    let every = hours.saturating_mul(3600);
    let newest = list_files(&app.config.data_dir)
        .first()
        .and_then(|b| b["created_at"].as_i64());
    match newest {
        Some(at) => crate::time::now().saturating_sub(at) >= every as i64,
        None => app.uptime_secs() >= every.min(600),
    }
}

//! Online backup, offline restore and the integrity check, shared by the CLI and the server.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::lock::DataDirLock;
use super::migrations::{self, SCHEMA_VERSION};

/// Opens a database file read-only (it must exist).
pub fn open_read_only(path: &Path) -> Result<Connection, String> {
    if !path.is_file() {
        return Err(format!("{} does not exist", path.display()));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .map_err(|e| format!("cannot configure {}: {e}", path.display()))?;
    Ok(conn)
}

/// `DATA_DIR/backups/pixeltales-YYYYmmdd-HHMMSSmmm.db` (to the millisecond, never twice).
pub fn default_backup_path(data_dir: &Path) -> PathBuf {
    data_dir
        .join("backups")
        .join(format!("pixeltales-{}.db", crate::time::unique_stamp()))
}

/// Bytes a compacted copy of `conn`'s database needs, and bytes free where `dest` goes; `Err`
/// with both when the copy would not fit with `keep_free` bytes (and a megabyte) to spare.
pub fn room_for_copy(conn: &Connection, dest: &Path, keep_free: u64) -> Result<(), (u64, u64)> {
    let used: i64 = conn
        .query_row(
            "SELECT (page_count - freelist_count) * page_size
             FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()",
            [],
            |r| r.get(0),
        )
        .unwrap_or(0);
    let needed = u64::try_from(used).unwrap_or(0);
    let dir = dest
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && d.exists())
        .or_else(|| dest.parent().and_then(Path::parent))
        .unwrap_or_else(|| Path::new("."));
    match crate::disk::space(dir) {
        Some(space) if space.free < needed.saturating_add(keep_free).saturating_add(1 << 20) => {
            Err((needed, space.free))
        }
        _ => Ok(()),
    }
}

/// Writes a consistent, compacted copy of `conn`'s database to `dest` with `VACUUM INTO`.
///
/// Safe while a server is writing: it reads one snapshot. The copy is made under a temporary
/// name and renamed, so `dest` is never a half-written file. Returns the size in bytes.
/// Callers making backups ask [`room_for_copy`] first.
pub fn backup_into(conn: &Connection, dest: &Path) -> Result<u64, String> {
    if dest.exists() {
        return Err(format!(
            "{} already exists; choose a new file name",
            dest.display()
        ));
    }
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        super::create_private_dir(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let partial = dest.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    // VACUUM INTO fills an existing empty file, which keeps the private mode made here.
    super::create_private_file(&partial)
        .map_err(|e| format!("cannot create {}: {e}", partial.display()))?;
    let target = partial
        .to_str()
        .ok_or_else(|| format!("{} is not a UTF-8 path", partial.display()))?;
    // Whatever fails from here (a full disk, most often), no half-written file stays behind.
    let made = (|| {
        conn.execute("VACUUM INTO ?1", [target])
            .map_err(|e| format!("backup failed: {e}"))?;
        let check: String = open_read_only(&partial)?
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| format!("backup could not be verified: {e}"))?;
        if check != "ok" {
            return Err(format!("backup failed its check: {check}"));
        }
        std::fs::rename(&partial, dest).map_err(|e| format!("cannot move backup into place: {e}"))
    })();
    if let Err(e) = made {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    let size = std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0);
    Ok(size)
}

/// Before an upgrade changes the database at `db_path`, keeps a copy of it in `backups/` to go
/// back to (with the old binary and `pixeltales restore`); returns where, or `None` when there
/// is nothing to upgrade.
pub fn keep_copy_before_upgrade(db_path: &Path) -> Result<Option<PathBuf>, String> {
    if std::fs::metadata(db_path).map_or(true, |m| m.len() == 0) {
        return Ok(None);
    }
    let conn = open_read_only(db_path)?;
    let found = migrations::version(&conn).map_err(|e| e.to_string())?;
    if !(1..SCHEMA_VERSION).contains(&found) {
        return Ok(None);
    }
    let data_dir = db_path.parent().unwrap_or_else(|| Path::new("."));
    let copy = default_backup_path(data_dir);
    backup_into(&conn, &copy).map_err(|e| {
        format!("the database was not upgraded, because no copy of it could be kept first: {e}")
    })?;
    crate::log_info!(
        "upgrading the database from schema {found} to {SCHEMA_VERSION}; the old one is kept as {}",
        copy.display()
    );
    Ok(Some(copy))
}

/// What `check` found.
#[derive(Debug)]
pub struct CheckReport {
    /// Lines from `PRAGMA integrity_check` (`["ok"]` when healthy).
    pub integrity: Vec<String>,
    /// Rows that break a foreign key.
    pub foreign_key_violations: i64,
    /// `user_version` of the file.
    pub schema_version: i64,
    /// File size in bytes.
    pub size_bytes: u64,
}

impl CheckReport {
    /// True when the file is intact and this binary can use it as-is.
    pub fn ok(&self) -> bool {
        self.integrity == ["ok"]
            && self.foreign_key_violations == 0
            && self.schema_version == SCHEMA_VERSION
    }
}

/// Runs `integrity_check` and `foreign_key_check` and reads the schema version.
pub fn check(path: &Path) -> Result<CheckReport, String> {
    let conn = open_read_only(path)?;
    let mut stmt = conn
        .prepare("PRAGMA integrity_check")
        .map_err(|e| format!("integrity check failed to run: {e}"))?;
    let integrity = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .map_err(|e| format!("integrity check failed to run: {e}"))?;
    let foreign_key_violations: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .map_err(|e| format!("foreign key check failed to run: {e}"))?;
    let schema_version = migrations::version(&conn).map_err(|e| e.to_string())?;
    let size_bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok(CheckReport {
        integrity,
        foreign_key_violations,
        schema_version,
        size_bytes,
    })
}

/// What `restore` did.
#[derive(Debug)]
pub struct RestoreReport {
    /// Where the database that was replaced now lives (if there was one).
    pub previous: Option<PathBuf>,
    /// Schema version of the restored file before it was upgraded.
    pub restored_version: i64,
}

/// Replaces the data dir's database with `src`. Refuses while a server holds the data dir,
/// when `src` fails its integrity check, or when it is not a PixelTales database.
pub fn restore(data_dir: &Path, src: &Path) -> Result<RestoreReport, String> {
    super::create_private_dir(data_dir)
        .map_err(|e| format!("cannot create {}: {e}", data_dir.display()))?;
    let _lock = DataDirLock::acquire(data_dir).map_err(|e| e.to_string())?;

    let source = open_read_only(src)?;
    let integrity: String = source
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| format!("{} is not a readable SQLite database: {e}", src.display()))?;
    if integrity != "ok" {
        return Err(format!(
            "{} failed its integrity check: {integrity}",
            src.display()
        ));
    }
    let is_ours: bool = source
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'users')",
            [],
            |r| r.get(0),
        )
        .map_err(|e| e.to_string())?;
    let restored_version = migrations::version(&source).map_err(|e| e.to_string())?;
    if !is_ours || restored_version == 0 {
        return Err(format!("{} is not a PixelTales database", src.display()));
    }
    if restored_version > SCHEMA_VERSION {
        return Err(format!(
            "{} has schema version {restored_version}; this pixeltales understands up to {SCHEMA_VERSION}",
            src.display()
        ));
    }

    let db_path = data_dir.join("pixeltales.db");
    let incoming = data_dir.join("pixeltales.db.restoring");
    let _ = std::fs::remove_file(&incoming);
    backup_into(&source, &incoming)?;
    drop(source);

    let mut previous = None;
    if db_path.exists() {
        // Fold any WAL into the old file first so the kept copy is complete on its own.
        if let Ok(old) = Connection::open(&db_path) {
            let _ = old.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
        let kept = data_dir.join(format!(
            "pixeltales.db.before-restore-{}",
            crate::time::compact(crate::time::now())
        ));
        std::fs::rename(&db_path, &kept)
            .map_err(|e| format!("cannot move the current database aside: {e}"))?;
        previous = Some(kept);
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(data_dir.join(format!("pixeltales.db{suffix}")));
    }
    std::fs::rename(&incoming, &db_path)
        .map_err(|e| format!("cannot move the restored database into place: {e}"))?;

    let mut conn = Connection::open(&db_path).map_err(|e| e.to_string())?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
        .map_err(|e| e.to_string())?;
    migrations::migrate(&mut conn).map_err(|e| e.to_string())?;
    // Sessions revoked after the backup was taken (a stolen token, a password change) would
    // come back to life: everyone signs in again instead.
    conn.execute(
        "UPDATE sessions SET revoked_at = ?1, revoke_reason = 'restored' WHERE revoked_at IS NULL",
        [crate::time::now()],
    )
    .map_err(|e| e.to_string())?;
    Ok(RestoreReport {
        previous,
        restored_version,
    })
}

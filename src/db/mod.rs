//! Storage: one SQLite file in WAL mode, one writer, a few readers, migrations and backups.

pub mod backup;
pub mod lock;
pub mod migrations;
pub mod outbox;
pub mod pool;

pub use pool::{Db, Tuning, Tx};

use std::path::Path;

/// Creates a directory (and parents) readable by this user only.
pub fn create_private_dir(path: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path)
}

/// Creates an empty file readable by this user only, unless it exists. SQLite gives its `-wal`
/// and `-shm` files the mode of the database file, so they stay private too.
pub fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Opens (creating if needed) and migrates the database, then opens the read pool.
pub fn open(
    path: &Path,
    read_pool: u32,
    tuning: Tuning,
) -> Result<(Db, migrations::Outcome), String> {
    create_private_file(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    let mut writer = pool::open_writer(path, tuning)
        .map_err(|e| format!("cannot open database {}: {e}", path.display()))?;
    let outcome = migrations::migrate(&mut writer).map_err(|e| e.to_string())?;
    let db = Db::new(path, writer, read_pool, tuning)?;
    Ok((db, outcome))
}

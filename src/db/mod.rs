//! Storage: one SQLite file in WAL mode, one writer, a few readers, migrations and backups.

pub mod backup;
pub mod lock;
pub mod migrations;
pub mod pool;

pub use pool::{Db, Tuning};

use std::path::Path;

/// Opens (creating if needed) and migrates the database, then opens the read pool.
pub fn open(
    path: &Path,
    read_pool: u32,
    tuning: Tuning,
) -> Result<(Db, migrations::Outcome), String> {
    let mut writer = pool::open_writer(path, tuning)
        .map_err(|e| format!("cannot open database {}: {e}", path.display()))?;
    let outcome = migrations::migrate(&mut writer).map_err(|e| e.to_string())?;
    let db = Db::new(path, writer, read_pool, tuning)?;
    Ok((db, outcome))
}

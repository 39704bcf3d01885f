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
    let size = backup::backup_into(&source, &dest)?;
    println!("backup written to {} ({size} bytes)", dest.display());
    Ok(ExitCode::SUCCESS)
}

pub(super) fn restore(config: &Config, file: &Path) -> Result<ExitCode, String> {
    let report = backup::restore(&config.data_dir, file)?;
    if let Some(prev) = &report.previous {
        println!("the previous database was kept as {}", prev.display());
    }
    println!(
        "restored {} (schema {} -> {SCHEMA_VERSION}) into {}",
        file.display(),
        report.restored_version,
        config.db_path().display()
    );
    Ok(ExitCode::SUCCESS)
}

pub(super) fn check(config: &Config) -> Result<ExitCode, String> {
    let report = backup::check(&config.db_path())?;
    println!(
        "file: {} ({} bytes)",
        config.db_path().display(),
        report.size_bytes
    );
    println!("integrity: {}", report.integrity.join("; "));
    println!("foreign key violations: {}", report.foreign_key_violations);
    println!(
        "schema version: {} (this binary: {SCHEMA_VERSION})",
        report.schema_version
    );
    if report.ok() {
        println!("ok");
        Ok(ExitCode::SUCCESS)
    } else {
        println!("PROBLEMS FOUND");
        Ok(ExitCode::FAILURE)
    }
}

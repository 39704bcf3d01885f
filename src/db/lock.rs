//! An exclusive lock on the data directory, held by a running server.
//!
//! Two servers on one database would each believe they own the writer; `restore` swapping the
//! file under a live server would lose writes. Both check this lock. The kernel drops it when the
//! process dies, so a crash never leaves a stale lock behind.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Held for the life of a server (or a `restore`).
#[derive(Debug)]
pub struct DataDirLock {
    _file: File,
    path: PathBuf,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds it.
    Held(PathBuf),
    /// The lock file could not be opened.
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::Held(dir) => write!(
                f,
                "another pixeltales process is using {} (stop it first)",
                dir.display()
            ),
            LockError::Io(path, e) => write!(f, "cannot open lock file {}: {e}", path.display()),
        }
    }
}

impl DataDirLock {
    /// Takes the lock on `data_dir` without waiting.
    pub fn acquire(data_dir: &Path) -> Result<DataDirLock, LockError> {
        let path = data_dir.join("pixeltales.lock");
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options
            .open(&path)
            .map_err(|e| LockError::Io(path.clone(), e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(LockError::Held(data_dir.to_path_buf())),
            Err(TryLockError::Error(e)) => return Err(LockError::Io(path, e)),
        }
        // The pid is for people reading the file; the lock itself is what counts.
        let _ = file.set_len(0);
        let _ = writeln!(file, "{}", std::process::id());
        Ok(DataDirLock { _file: file, path })
    }

    /// Path of the lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = DataDirLock::acquire(dir.path()).expect("first");
        let second = DataDirLock::acquire(dir.path());
        assert!(matches!(second, Err(LockError::Held(_))));
        drop(first);
        DataDirLock::acquire(dir.path()).expect("after drop");
    }
}

//! The token signing secret: read from a file, or generated into the data dir on first start.
//!
//! Generating it into the data dir (not the binary's directory) keeps sessions valid across
//! deploys on a Render disk. The file is created 0600 and a short key is refused.

use std::io::Write;
use std::path::Path;

use crate::domain::encoding::{hex, random_bytes};

/// Minimum secret length in bytes.
const MIN_LEN: usize = 32;

/// Reads the secret at `path`; when `generate` is true and it does not exist, creates it.
pub fn load_or_create(path: &Path, generate: bool) -> Result<Vec<u8>, String> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let key: Vec<u8> = bytes.trim_ascii().to_vec();
            if key.len() < MIN_LEN {
                return Err(format!(
                    "the signing secret in {} is shorter than {MIN_LEN} bytes",
                    path.display()
                ));
            }
            Ok(key)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && generate => create(path),
        Err(e) => Err(format!(
            "cannot read the signing secret {}: {e}",
            path.display()
        )),
    }
}

fn create(path: &Path) -> Result<Vec<u8>, String> {
    let key = hex(&random_bytes::<32>()).into_bytes();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .map_err(|e| format!("cannot create the signing secret {}: {e}", path.display()))?;
    file.write_all(&key)
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write the signing secret {}: {e}", path.display()))?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_once_with_private_mode_and_reloads() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("jwt.key");
        let first = load_or_create(&path, true).expect("create");
        assert_eq!(first.len(), 64);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(load_or_create(&path, true).expect("reload"), first);
    }

    #[test]
    fn refuses_missing_given_file_and_short_keys() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("given.key");
        assert!(load_or_create(&path, false).is_err());
        std::fs::write(&path, "short").expect("write");
        assert!(
            load_or_create(&path, false)
                .expect_err("short")
                .contains("shorter")
        );
    }
}

//! Admin: online backups into `DATA_DIR/backups` (the same `VACUUM INTO` copy as
//! `pixeltales backup`), keeping the last `--backups-keep`, listed and downloadable.

use serde_json::json;

use crate::api::ctx::Ctx;
use crate::app::backups::{dir, is_backup_name, list_files, make};
use crate::error::{Error, Result};
use crate::http::response::{Response, created, ok, with_body};

/// Largest backup served over HTTP; bigger ones are copied off the disk with the CLI.
const DOWNLOAD_MAX: u64 = 256 * 1024 * 1024;

/// `GET /api/admin/backups`.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    Ok(ok(
        &json!({ "items": list_files(&cx.app.config.data_dir), "keep": cx.app.config.backups_keep }),
    ))
}

/// `POST /api/admin/backups`: a consistent copy while the server keeps running.
pub async fn create(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let ip = cx.ip();
    let made = make(cx.app, Some(me), "backup_made", Some(ip)).await?;
    Ok(created(&json!({
        "backup": { "name": made.name, "bytes": made.bytes, "created_at": crate::time::now() },
        "pruned": made.pruned,
    })))
}

/// `GET /api/admin/backups/{name}`: the file itself.
pub async fn download(cx: &mut Ctx<'_>) -> Result<Response> {
    let name = cx.req.params.key(0)?.to_string();
    if !is_backup_name(&name) {
        return Err(Error::not_found("not_found", "There is no such backup."));
    }
    let path = dir(&cx.app.config.data_dir).join(&name);
    let bytes = tokio::task::spawn_blocking(move || -> Result<Vec<u8>> {
        let meta = std::fs::metadata(&path)
            .map_err(|_| Error::not_found("not_found", "There is no such backup."))?;
        if meta.len() > DOWNLOAD_MAX {
            return Err(Error::bad_request(
                "too_big_to_download",
                "This backup is too big to download here; copy it from the data folder.",
            ));
        }
        std::fs::read(&path).map_err(|e| Error::internal(format!("cannot read backup: {e}")))
    })
    .await
    .map_err(|e| Error::internal(e.to_string()))??;
    let mut resp = with_body(hyper::StatusCode::OK, "application/octet-stream", bytes);
    if let Ok(v) = hyper::header::HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
    {
        resp.headers_mut()
            .insert(hyper::header::CONTENT_DISPOSITION, v);
    }
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_backup_names_are_served() {
        assert!(is_backup_name("pixeltales-20261130-235959.db"));
        assert!(!is_backup_name("pixeltales.db"));
        assert!(!is_backup_name("pixeltales-../../secret.db"));
        assert!(!is_backup_name("pixeltales-1.db-wal"));
        assert!(!is_backup_name("jwt-secret"));
    }
}

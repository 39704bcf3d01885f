//! Service endpoints: health, metrics, runtime config for the SPA, the OpenAPI document, and
//! the profanity word list for live hints.

use std::sync::atomic::Ordering;

use hyper::StatusCode;
use serde_json::json;

use crate::api::ctx::Ctx;
use crate::domain::accounts::{self, Role};
use crate::error::{Error, Result};
use crate::http::openapi;
use crate::http::response::{Response, json_response, ok, with_body};

/// `GET/HEAD /healthz`: 200 while the database answers (`ok`, or `degraded` with the reasons
/// when the data disk is full or nearly so), with the binary's version and the database's
/// schema version; 503 only when the database cannot be read.
pub async fn healthz(cx: &mut Ctx<'_>) -> Result<Response> {
    let schema = cx
        .app
        .db
        .read(|c| {
            c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
                .map_err(Error::from)
        })
        .await;
    let Ok(schema) = schema else {
        return Ok(json_response(
            StatusCode::SERVICE_UNAVAILABLE,
            &json!({ "status": "unavailable", "version": crate::VERSION, "error": { "code": "database_unavailable", "message": "The database is not answering." } }),
        ));
    };
    let disk = &cx.app.disk;
    let space = disk.space();
    let mut reasons = Vec::new();
    if disk.low() {
        reasons.push(json!({
            "code": "storage_full",
            "message": "The data disk is full: sign-in and reading work, new work is refused. Free space on it or make it bigger.",
        }));
    } else if let Some(s) = space
        && s.free < LOW_DISK_BYTES
        && s.free.saturating_mul(10) < s.total
    {
        reasons.push(json!({
            "code": "storage_low",
            "message": format!("The data disk is nearly full: {} MB left.", s.free >> 20),
        }));
    }
    Ok(ok(&json!({
        "status": if reasons.is_empty() { "ok" } else { "degraded" },
        "version": crate::VERSION,
        "schema_version": schema,
        "reasons": reasons,
        "disk": space.map(|s| json!({ "free_bytes": s.free, "total_bytes": s.total })),
    })))
}

/// Below this much free space (and a tenth of the disk) the health check says so.
const LOW_DISK_BYTES: u64 = 64 << 20;

/// `GET /metrics`: Prometheus text.
pub async fn metrics(cx: &mut Ctx<'_>) -> Result<Response> {
    let app = cx.app;
    let rss = crate::memory::rss_bytes().unwrap_or(0) as f64;
    let disk = app.disk.space();
    let stats = &app.db.stats;
    let gauges = [
        (
            "pixeltales_process_resident_memory_bytes",
            "Resident set size.",
            rss,
        ),
        (
            "pixeltales_data_disk_free_bytes",
            "Free bytes on the data disk.",
            disk.map_or(0.0, |s| s.free as f64),
        ),
        (
            "pixeltales_data_disk_size_bytes",
            "Size of the data disk.",
            disk.map_or(0.0, |s| s.total as f64),
        ),
        (
            "pixeltales_storage_full",
            "1 while writes are refused because the data disk is full.",
            if app.disk.low() { 1.0 } else { 0.0 },
        ),
        (
            "pixeltales_uptime_seconds",
            "Seconds since start.",
            app.uptime_secs() as f64,
        ),
        (
            "pixeltales_db_reads_total",
            "Read closures run.",
            stats.reads.load(Ordering::Relaxed) as f64,
        ),
        (
            "pixeltales_db_writes_total",
            "Write transactions run.",
            stats.writes.load(Ordering::Relaxed) as f64,
        ),
        (
            "pixeltales_db_wait_timeouts_total",
            "Callers that gave up waiting for a connection.",
            stats.timeouts.load(Ordering::Relaxed) as f64,
        ),
        (
            "pixeltales_profanity_words",
            "Active words in the filter.",
            app.profanity.active_count() as f64,
        ),
        (
            "pixeltales_sockets_open",
            "Open WebSockets.",
            app.hub.sockets_open() as f64,
        ),
        (
            "pixeltales_rooms_live",
            "Drawing rooms in memory.",
            app.rooms.live() as f64,
        ),
        (
            "pixeltales_collab_ops_persisted_total",
            "Drawing ops written to the database.",
            app.batcher.persisted.load(Ordering::Relaxed) as f64,
        ),
        (
            "pixeltales_collab_ops_failed_total",
            "Drawing-op writes that failed and were retried.",
            app.batcher.failed.load(Ordering::Relaxed) as f64,
        ),
    ];
    Ok(with_body(
        StatusCode::OK,
        "text/plain; version=0.0.4; charset=utf-8",
        app.metrics.render(&gauges),
    ))
}

/// `GET /api/config`: what the SPA needs to know about this server.
pub async fn config(cx: &mut Ctx<'_>) -> Result<Response> {
    let c = &cx.app.config;
    Ok(ok(&json!({
        "name": "PixelTales",
        "version": crate::VERSION,
        "asset_version": cx.app.spa.version(),
        "signup_roles": ["child", "parent", "teacher"],
        "languages": ["en", "tl"],
        "themes": accounts::THEMES,
        "genres": crate::domain::story::GENRES,
        "pictures": crate::domain::pictures::PICTURES
            .iter()
            .map(|(id, emoji)| json!({ "id": id, "emoji": emoji }))
            .collect::<Vec<_>>(),
        "access_token_ttl": c.access_ttl_secs,
        "limits": {
            "json_body_bytes": c.max_json_bytes,
            "upload_bytes": c.max_upload_bytes,
            "username_min": accounts::USERNAME_MIN,
            "username_max": accounts::USERNAME_MAX,
            "display_name_max": accounts::DISPLAY_NAME_MAX,
            "bio_max": accounts::BIO_MAX,
            "password_max": accounts::MAX_PASSWORD_CHARS,
            "password_min": {
                "child": Role::Child.min_password_len(),
                "parent": Role::Parent.min_password_len(),
                "teacher": Role::Teacher.min_password_len(),
            },
        },
    })))
}

/// `GET /api/openapi.json`.
pub async fn openapi(_cx: &mut Ctx<'_>) -> Result<Response> {
    Ok(with_body(
        StatusCode::OK,
        "application/json",
        openapi::document_bytes(),
    ))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckBody {
    text: String,
    #[serde(default)]
    field: Option<String>,
}

/// The fields the check names, as the store's refusals name them.
const FIELDS: &[&str] = &[
    "title",
    "summary",
    "text",
    "comment",
    "message",
    "chat",
    "bio",
    "display_name",
    "name",
    "description",
    "username",
    "idea",
];

/// `POST /api/text/check {text, field?}`: what the server would say about this text in that
/// field, for the hint shown while a child types. Rate limited; the list is never sent.
pub async fn check_text(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.id;
    cx.app.limits.text_checks.hit(&format!("user:{user}"))?;
    let body: CheckBody = cx.req.json().await?;
    if body.text.chars().count() > 20_000 {
        return Err(Error::invalid(
            "text",
            "text_too_long",
            "Check up to 20,000 characters at a time.",
        ));
    }
    let field = body
        .field
        .as_deref()
        .and_then(|f| FIELDS.iter().find(|k| **k == f))
        .copied()
        .unwrap_or("text");
    Ok(ok(&match cx.app.profanity.guard(field, &body.text) {
        Ok(()) => json!({ "ok": true, "problem": null }),
        Err(e) => json!({ "ok": false, "problem": e.body()["error"] }),
    }))
}

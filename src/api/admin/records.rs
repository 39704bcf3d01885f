//! Admin: the audit log (filtered, paged, CSV) and whole-table exports (JSON or CSV).

use rusqlite::params;
use serde_json::{Value, json};

use crate::api::csv::{Csv, wants_csv};
use crate::api::ctx::Ctx;
use crate::api::pagination::{self, page};
use crate::error::{Error, Result};
use crate::http::response::{Response, with_body};
use crate::store::audit::{AUDIT_SELECT, audit_row};

/// Most rows one export or CSV audit download holds.
const EXPORT_MAX: i64 = 100_000;

const AUDIT_COLUMNS: &[&str] = &[
    "id",
    "at",
    "actor_id",
    "actor",
    "action",
    "target_type",
    "target_id",
    "ip",
    "detail",
];

fn time_param(cx: &Ctx<'_>, key: &'static str) -> Result<Option<i64>> {
    match cx.req.query(key).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v.parse().map(Some).map_err(|_| {
            Error::bad_request("invalid_time", format!("{key} is a time in Unix seconds."))
        }),
    }
}

/// `GET /api/admin/audit?action=&actor=&since=&until=&cursor=&limit=&format=csv`.
pub async fn audit(cx: &mut Ctx<'_>) -> Result<Response> {
    let csv = wants_csv(&cx.req);
    let limit = if csv {
        EXPORT_MAX as usize
    } else {
        pagination::limit(&cx.req)?
    };
    let before: Option<i64> = pagination::cursor(&cx.req)?;
    let action = cx
        .req
        .query("action")
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty());
    let actor = cx
        .req
        .query("actor")
        .map(|a| a.trim().to_lowercase())
        .filter(|a| !a.is_empty());
    let (since, until) = (time_param(cx, "since")?, time_param(cx, "until")?);
    let rows = cx
        .app
        .db
        .read(move |c| {
            let mut stmt = c.prepare_cached(&format!(
                "{AUDIT_SELECT} WHERE (?1 IS NULL OR a.id < ?1) AND (?2 IS NULL OR a.action = ?2)
                   AND (?3 IS NULL OR u.username = ?3 OR CAST(a.actor_id AS TEXT) = ?3)
                   AND (?4 IS NULL OR a.at >= ?4) AND (?5 IS NULL OR a.at < ?5)
                 ORDER BY a.id DESC LIMIT ?6"
            ))?;
            let rows = stmt
                .query_map(
                    params![before, action, actor, since, until, limit as i64 + 1],
                    audit_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
        .await?;
    if csv {
        let mut out = Csv::new(AUDIT_COLUMNS);
        for r in rows.iter().take(limit) {
            out.row(audit_csv_fields(r));
        }
        return Ok(out.into_response("audit-log.csv"));
    }
    Ok(crate::http::response::ok(&page(rows, limit, |r| {
        r["id"].as_i64()
    })))
}

fn audit_csv_fields(r: &Value) -> Vec<Value> {
    vec![
        r["id"].clone(),
        r["at"]
            .as_i64()
            .map_or(Value::Null, |t| crate::time::rfc3339(t).into()),
        r["actor"]["id"].clone(),
        r["actor"]["username"].clone(),
        r["action"].clone(),
        r["target_type"].clone(),
        r["target_id"].clone(),
        r["ip"].clone(),
        Value::String(r["detail"].to_string()),
    ]
}

/// What an export holds: (name, columns, query).
fn export_spec(what: &str) -> Option<(&'static [&'static str], &'static str)> {
    Some(match what {
        "users" => (
            &[
                "id", "username", "display_name", "role", "status", "suspended_until",
                "created_at", "last_seen_at", "xp", "flagged", "violation_count",
            ],
            "SELECT u.id, u.username, p.display_name, u.role, u.status, u.suspended_until,
                    u.created_at, u.last_seen_at, p.xp, p.flagged, p.violation_count
             FROM users u JOIN profiles p ON p.user_id = u.id ORDER BY u.id LIMIT ?1",
        ),
        "stories" => (
            &[
                "id", "author_id", "title", "language", "status", "hidden", "page_count",
                "like_count", "comment_count", "view_count", "created_at", "published_at",
            ],
            "SELECT id, author_id, title, language, status, hidden, page_count, like_count,
                    comment_count, view_count, created_at, published_at FROM stories ORDER BY id LIMIT ?1",
        ),
        "comments" => (
            &["id", "story_id", "author_id", "text", "masked", "hidden", "created_at"],
            "SELECT id, story_id, author_id, text, masked, hidden, created_at FROM comments ORDER BY id LIMIT ?1",
        ),
        "audit" => (
            &["id", "at", "actor_id", "action", "target_type", "target_id", "ip", "detail"],
            "SELECT id, at, actor_id, action, target_type, target_id, ip, detail FROM audit_log ORDER BY id LIMIT ?1",
        ),
        _ => return None,
    })
}

fn cell(v: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => json!(i),
        ValueRef::Real(f) => json!(f),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(_) => Value::Null,
    }
}

/// `GET /api/admin/export?what=users|stories|comments|audit&format=json|csv`: a download.
pub async fn export(cx: &mut Ctx<'_>) -> Result<Response> {
    let what = cx.req.query("what").unwrap_or_default();
    let (columns, sql) = export_spec(&what).ok_or_else(|| {
        Error::bad_request(
            "invalid_export",
            "Export users, stories, comments or audit.",
        )
    })?;
    let format = cx.req.query("format").unwrap_or_else(|| "json".into());
    if format != "json" && format != "csv" {
        return Err(Error::bad_request("invalid_format", "Pick json or csv."));
    }
    let rows = cx
        .app
        .db
        .read(move |c| {
            let mut stmt = c.prepare(sql)?;
            let mut rows = stmt.query([EXPORT_MAX])?;
            let mut out = Vec::new();
            while let Some(r) = rows.next()? {
                let mut fields = Vec::with_capacity(columns.len());
                for (i, name) in columns.iter().enumerate() {
                    let v = cell(r.get_ref(i)?);
                    fields.push(match v.as_i64() {
                        Some(t) if crate::time::is_time_column(name) => {
                            crate::time::rfc3339(t).into()
                        }
                        _ => v,
                    });
                }
                out.push(fields);
            }
            Ok(out)
        })
        .await?;
    let stamp = crate::time::compact(crate::time::now());
    if format == "csv" {
        let mut out = Csv::new(columns);
        for r in rows {
            out.row(r);
        }
        return Ok(out.into_response(&format!("pixeltales-{what}-{stamp}.csv")));
    }
    let items: Vec<Value> = rows
        .into_iter()
        .map(|r| Value::Object(columns.iter().map(|c| (*c).to_string()).zip(r).collect()))
        .collect();
    let body = serde_json::to_vec(&json!({ "what": what, "items": items }))
        .map_err(|e| Error::internal(e.to_string()))?;
    let mut resp = with_body(hyper::StatusCode::OK, "application/json", body);
    if let Ok(v) = hyper::header::HeaderValue::from_str(&format!(
        "attachment; filename=\"pixeltales-{what}-{stamp}.json\""
    )) {
        resp.headers_mut()
            .insert(hyper::header::CONTENT_DISPOSITION, v);
    }
    Ok(resp)
}

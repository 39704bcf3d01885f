//! `GET /api/classes/{id}/report`: per-student figures for a teacher, as JSON or CSV.

use rusqlite::Connection;
use serde_json::{Value, json};

use super::{no_class, own_class};
use crate::api::csv::{Csv, wants_csv};
use crate::api::ctx::Ctx;
use crate::error::Result;
use crate::http::response::{Response, ok};
use crate::store::classes::class_json;
use crate::store::family::stats;

/// Columns of a report row, in order (also the CSV header).
const COLUMNS: &[&str] = &[
    "id",
    "username",
    "display_name",
    "stories_published",
    "drafts",
    "pages_written",
    "stories_read",
    "xp",
    "games_played",
    "games_average",
    "last_active_at",
];

fn students(c: &Connection, class: i64) -> rusqlite::Result<Vec<Value>> {
    let rows: Vec<(i64, String, String, Option<i64>)> = c
        .prepare_cached(
            "SELECT u.id, u.username, p.display_name,
                    nullif(max(coalesce(u.last_seen_at, 0), coalesce(u.last_login_at, 0)), 0)
             FROM class_members m JOIN users u ON u.id = m.user_id JOIN profiles p ON p.user_id = u.id
             WHERE m.class_id = ?1 ORDER BY p.display_name COLLATE NOCASE, u.id",
        )?
        .query_map([class], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, username, display_name, last) in rows {
        let s = stats(c, id)?;
        out.push(json!({
            "id": id, "username": username, "display_name": display_name,
            "stories_published": s["stories_published"], "drafts": s["drafts"],
            "pages_written": s["pages_written"], "stories_read": s["stories_read"],
            "xp": s["xp"], "games_played": s["games_played"], "games_average": s["games_average"],
            "last_active_at": last,
        }));
    }
    Ok(out)
}

/// `GET /api/classes/{id}/report[?format=csv]`.
pub async fn report(cx: &mut Ctx<'_>) -> Result<Response> {
    let (_, class) = own_class(cx).await?;
    let (view, students) = cx
        .app
        .db
        .read(move |c| {
            let view = class_json(c, class)?.ok_or_else(no_class)?;
            Ok((view, students(c, class)?))
        })
        .await?;
    if wants_csv(&cx.req) {
        let mut csv = Csv::new(COLUMNS);
        for s in &students {
            csv.row(COLUMNS.iter().map(|k| {
                if *k == "last_active_at" {
                    s[k].as_i64()
                        .map_or(Value::Null, |t| crate::time::rfc3339(t).into())
                } else {
                    s[k].clone()
                }
            }));
        }
        return Ok(csv.into_response(&format!("class-{class}-report.csv")));
    }
    let sum = |k: &str| students.iter().filter_map(|s| s[k].as_i64()).sum::<i64>();
    let totals = json!({
        "students": students.len(), "stories_published": sum("stories_published"),
        "stories_read": sum("stories_read"), "pages_written": sum("pages_written"),
    });
    Ok(ok(
        &json!({ "class": view, "students": students, "totals": totals }),
    ))
}

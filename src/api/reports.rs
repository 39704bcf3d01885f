//! `POST /api/reports`: anyone signed in can report a story or comment for the admin to look at.

use rusqlite::params;
use serde::Deserialize;
use serde_json::json;

use crate::api::ctx::Ctx;
use crate::error::{Error, Result};
use crate::http::response::{Response, created};

/// Longest reason text.
const REASON_MAX: usize = 300;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportBody {
    target_type: String,
    target_id: i64,
    reason: String,
}

/// `POST /api/reports`; reporting the same thing twice counts once.
pub async fn create(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    cx.app.limits.reports.hit(&format!("user:{me}"))?;
    let body: ReportBody = cx.req.json_small().await?;
    let kind = match body.target_type.as_str() {
        "story" => "story",
        "comment" => "comment",
        _ => {
            return Err(Error::invalid(
                "target_type",
                "invalid_target",
                "You can report a story or a comment.",
            ));
        }
    };
    let reason = body.reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if reason.is_empty() || reason.chars().count() > REASON_MAX {
        return Err(Error::invalid(
            "reason",
            "invalid_reason",
            format!("Say why in 1 to {REASON_MAX} characters."),
        ));
    }
    let (id, now) = (body.target_id, crate::time::now());
    cx.app
        .db
        .write(move |tx| {
            // Only what the reporter can see may be reported; everything else is "not found".
            let visible: bool = if kind == "story" {
                tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?1 AND (status = 'published' OR author_id = ?2))",
                    params![id, me],
                    |r| r.get(0),
                )?
            } else {
                tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM comments c JOIN stories s ON s.id = c.story_id
                     WHERE c.id = ?1 AND (s.status = 'published' OR s.author_id = ?2))",
                    params![id, me],
                    |r| r.get(0),
                )?
            };
            if !visible {
                return Err(Error::not_found("not_found", format!("That {kind} does not exist.")));
            }
            tx.execute(
                "INSERT OR IGNORE INTO reports (reporter_id, target_type, target_id, reason, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![me, kind, id, reason, now],
            )?;
            Ok(())
        })
        .await?;
    Ok(created(&json!({ "ok": true })))
}

//! Admin: the moderation queue (accounts flagged for profanity, stories and comments people
//! reported) and what a moderator does with each item. Every action is in the audit log.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::ctx::Ctx;
use crate::error::{Error, Result};
use crate::http::response::{Response, ok};
use crate::store::audit;

fn author(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Value> {
    Ok(
        json!({ "id": r.get::<_, i64>(at)?, "username": r.get::<_, String>(at + 1)?,
               "display_name": r.get::<_, String>(at + 2)? }),
    )
}

fn queue(c: &Connection) -> rusqlite::Result<Vec<Value>> {
    let mut items = Vec::new();
    let mut stmt = c.prepare_cached(
        "SELECT f.user_id, f.reason, f.created_at, u.id, u.username, p.display_name
         FROM moderation_flags f JOIN users u ON u.id = f.user_id JOIN profiles p ON p.user_id = u.id
         WHERE f.resolved_at IS NULL",
    )?;
    for row in stmt.query_map([], |r| {
        Ok(json!({
            "kind": "user", "id": r.get::<_, i64>(0)?, "title": r.get::<_, String>(4)?,
            "reasons": [r.get::<_, String>(1)?], "reports": 0, "hidden": false,
            "created_at": r.get::<_, i64>(2)?, "author": author(r, 3)?,
        }))
    })? {
        items.push(row?);
    }
    let mut stmt = c.prepare_cached(
        "SELECT q.target_id, s.title, s.hidden, min(q.created_at), count(*), json_group_array(q.reason),
                u.id, u.username, p.display_name
         FROM reports q JOIN stories s ON s.id = q.target_id
              JOIN users u ON u.id = s.author_id JOIN profiles p ON p.user_id = u.id
         WHERE q.resolved_at IS NULL AND q.target_type = 'story' GROUP BY q.target_id",
    )?;
    for row in stmt.query_map([], |r| target_row(r, "story"))? {
        items.push(row?);
    }
    let mut stmt = c.prepare_cached(
        "SELECT q.target_id, c.text, c.hidden, min(q.created_at), count(*), json_group_array(q.reason),
                u.id, u.username, p.display_name, c.story_id
         FROM reports q JOIN comments c ON c.id = q.target_id
              JOIN users u ON u.id = c.author_id JOIN profiles p ON p.user_id = u.id
         WHERE q.resolved_at IS NULL AND q.target_type = 'comment' GROUP BY q.target_id",
    )?;
    for row in stmt.query_map([], |r| {
        let mut v = target_row(r, "comment")?;
        v["story_id"] = json!(r.get::<_, i64>(9)?);
        Ok(v)
    })? {
        items.push(row?);
    }
    items.sort_by_key(|v| v["created_at"].as_i64());
    Ok(items)
}

fn target_row(r: &rusqlite::Row<'_>, kind: &str) -> rusqlite::Result<Value> {
    let reasons: String = r.get(5)?;
    Ok(json!({
        "kind": kind, "id": r.get::<_, i64>(0)?, "title": r.get::<_, String>(1)?,
        "hidden": r.get::<_, bool>(2)?, "created_at": r.get::<_, i64>(3)?,
        "reports": r.get::<_, i64>(4)?,
        "reasons": serde_json::from_str::<Value>(&reasons).unwrap_or_else(|_| json!([])),
        "author": author(r, 6)?,
    }))
}

/// `GET /api/admin/moderation`: open items, oldest first.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let items = cx.app.db.read(|c| Ok(queue(c)?)).await?;
    Ok(ok(&json!({ "items": items })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActBody {
    action: String,
    #[serde(default)]
    reason: String,
}

/// `POST /api/admin/moderation/{kind}/{id}`: hide, restore, delete or dismiss.
pub async fn act(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let kind = cx.req.params.key(0)?.to_string();
    let id = cx.req.params.id(0)?;
    let body: ActBody = cx.req.json_small().await?;
    let reason = body.reason.trim().chars().take(300).collect::<String>();
    let action = body.action;
    let allowed = match kind.as_str() {
        "story" | "comment" => ["hide", "restore", "delete", "dismiss"].contains(&action.as_str()),
        "user" => action == "dismiss",
        _ => return Err(Error::not_found("not_found", "Nothing to moderate there.")),
    };
    if !allowed {
        return Err(Error::invalid(
            "action",
            "invalid_action",
            "Pick hide, restore, delete or dismiss (accounts: dismiss).",
        ));
    }
    if reason.is_empty() && action != "dismiss" {
        return Err(Error::invalid(
            "reason",
            "reason_required",
            "Write down why, for the audit log.",
        ));
    }
    let (now, ip) = (crate::time::now(), cx.ip());
    cx.app
        .db
        .write(move |tx| {
            let missing = || Error::not_found("not_found", format!("That {kind} does not exist."));
            match kind.as_str() {
                "user" => {
                    let n = tx.execute(
                        "UPDATE moderation_flags SET resolved_at = ?2, resolved_by = ?3
                         WHERE user_id = ?1 AND resolved_at IS NULL",
                        params![id, now, me],
                    )?;
                    if n == 0 {
                        return Err(missing());
                    }
                    tx.execute("UPDATE profiles SET flagged = 0 WHERE user_id = ?1", [id])?;
                }
                "story" => {
                    let exists: Option<i64> = tx
                        .query_row("SELECT id FROM stories WHERE id = ?1", [id], |r| r.get(0))
                        .optional()?;
                    exists.ok_or_else(missing)?;
                    match action.as_str() {
                        "hide" => {
                            tx.execute("UPDATE stories SET hidden = 1 WHERE id = ?1", [id])?;
                        }
                        "restore" => {
                            tx.execute("UPDATE stories SET hidden = 0 WHERE id = ?1", [id])?;
                        }
                        "delete" => {
                            tx.execute("DELETE FROM story_fts WHERE rowid = ?1", [id])?;
                            tx.execute("DELETE FROM stories WHERE id = ?1", [id])?;
                        }
                        _ => {}
                    }
                }
                _ => {
                    let found: Option<(i64, bool)> = tx
                        .query_row("SELECT story_id, hidden FROM comments WHERE id = ?1", [id], |r| {
                            Ok((r.get(0)?, r.get(1)?))
                        })
                        .optional()?;
                    let (story, hidden) = found.ok_or_else(missing)?;
                    // comment_count counts visible comments only.
                    let delta = match (action.as_str(), hidden) {
                        ("hide", false) | ("delete", false) => -1,
                        ("restore", true) => 1,
                        _ => 0,
                    };
                    match action.as_str() {
                        "hide" => {
                            tx.execute("UPDATE comments SET hidden = 1 WHERE id = ?1", [id])?;
                        }
                        "restore" => {
                            tx.execute("UPDATE comments SET hidden = 0 WHERE id = ?1", [id])?;
                        }
                        "delete" => {
                            tx.execute("DELETE FROM comments WHERE id = ?1", [id])?;
                        }
                        _ => {}
                    }
                    tx.execute(
                        "UPDATE stories SET comment_count = max(0, comment_count + ?2) WHERE id = ?1",
                        params![story, delta],
                    )?;
                }
            }
            if kind != "user" {
                tx.execute(
                    "UPDATE reports SET resolved_at = ?3, resolved_by = ?4, action = ?5
                     WHERE target_type = ?1 AND target_id = ?2 AND resolved_at IS NULL",
                    params![kind, id, now, me, action],
                )?;
            }
            audit::record(
                tx,
                Some(me),
                &format!("moderation_{action}"),
                Some((kind.as_str(), id.to_string())),
                Some(&ip),
                &json!({ "reason": reason }),
            )?;
            Ok(())
        })
        .await?;
    Ok(ok(&json!({ "ok": true })))
}

//! A grown-up's yes or no to new friends: a friend request to a child from outside the child's
//! classes waits here until one of the child's carers (`reach::carers`: a linked parent, or the
//! teacher of the class that made the account) approves or declines it.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

use crate::api::ctx::Ctx;
use crate::error::{Error, Result};
use crate::http::response::{Response, ok};
use crate::store::audit;
use crate::store::notifications::notify;
use crate::store::reach::CARED_FOR;
use crate::store::social::{CARD_COLUMNS, card_row};

/// A parent, or a teacher (for the children their class made): anyone else has no children to
/// answer for.
fn carer(cx: &Ctx<'_>) -> Result<i64> {
    let me = cx.user()?;
    match me.role {
        crate::domain::accounts::Role::Parent | crate::domain::accounts::Role::Teacher => Ok(me.id),
        _ => Err(Error::forbidden(
            "parents_only",
            "This is for parents' and teachers' accounts.",
        )),
    }
}

/// `GET /api/family/requests`: requests waiting for the caller's OK, for every child they
/// answer for.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = carer(cx)?;
    let items = cx
        .app
        .db
        .read(move |c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {CARD_COLUMNS}, fr.id, fr.to_id, fr.created_at FROM friend_requests fr
                 JOIN users u ON u.id = fr.from_id JOIN profiles p ON p.user_id = u.id
                 WHERE fr.status = 'pending' AND fr.awaiting_guardian = 1
                   AND fr.to_id IN ({CARED_FOR}) ORDER BY fr.id DESC"
            ))?;
            // The asker is another family's child: the grown-up sees a name and an avatar,
            // never the username.
            let rows: Vec<(i64, i64, i64, Value)> = stmt
                .query_map([me], |r| {
                    let card = card_row(r)?;
                    let from = json!({ "id": card.id, "display_name": card.display_name,
                                       "avatar_emoji": card.avatar_emoji, "level": card.level });
                    Ok((r.get(6)?, r.get(7)?, r.get(8)?, from))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let mut out = Vec::with_capacity(rows.len());
            for (id, child, at, from) in rows {
                let child_name: String = c.query_row(
                    "SELECT display_name FROM profiles WHERE user_id = ?1",
                    [child],
                    |r| r.get(0),
                )?;
                out.push(json!({
                    "id": id, "child_id": child, "child_name": child_name, "from": from,
                    "created_at": crate::time::rfc3339(at),
                }));
            }
            Ok(out)
        })
        .await?;
    Ok(ok(&json!({ "items": items })))
}

/// A waiting request to one of the children `carer` answers for: (sender, child).
fn waiting(tx: &Connection, id: i64, carer: i64) -> Result<(i64, i64)> {
    tx.query_row(
        &format!(
            "SELECT fr.from_id, fr.to_id FROM friend_requests fr
             WHERE fr.id = ?2 AND fr.status = 'pending' AND fr.awaiting_guardian = 1
               AND fr.to_id IN ({CARED_FOR})"
        ),
        params![carer, id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or_else(|| {
        Error::not_found(
            "request_not_found",
            "There is no such request waiting for you.",
        )
    })
}

/// `POST /api/family/requests/{id}/approve`: hands the request to the child, who still says
/// yes or no.
pub async fn approve(cx: &mut Ctx<'_>) -> Result<Response> {
    answer(cx, true).await
}

/// `POST /api/family/requests/{id}/decline`: ends it (the sender is not told).
pub async fn decline(cx: &mut Ctx<'_>) -> Result<Response> {
    answer(cx, false).await
}

async fn answer(cx: &mut Ctx<'_>, approve: bool) -> Result<Response> {
    let me = carer(cx)?;
    let id = cx.req.params.id(0)?;
    let (now, ip) = (crate::time::now(), cx.ip());
    let status = cx
        .app
        .db
        .write(move |tx| {
            let (from, child) = waiting(tx, id, me)?;
            let status = if approve {
                tx.execute(
                    "UPDATE friend_requests SET awaiting_guardian = 0 WHERE id = ?1",
                    [id],
                )?;
                notify(tx, child, "friend_request", Some(from), Some(("friend_request", id)), &json!({}))?;
                "approved"
            } else {
                tx.execute(
                    "UPDATE friend_requests SET status = 'rejected', responded_at = ?2 WHERE id = ?1",
                    params![id, now],
                )?;
                "declined"
            };
            // The other parents' notices about this request are answered now.
            tx.execute(
                "DELETE FROM notifications WHERE type = 'friend_request_guardian' AND target_type = 'friend_request' AND target_id = ?1",
                [id],
            )?;
            audit::record(
                tx,
                Some(me),
                if approve { "friend_request_approved" } else { "friend_request_declined" },
                Some(("user", child.to_string())),
                Some(&ip),
                &json!({ "request": id, "from": from }),
            )?;
            Ok(status)
        })
        .await?;
    Ok(ok(&json!({ "id": id, "status": status })))
}

//! Co-authors: being made co-author is a request the invitee answers, and everyone already
//! writing a story must be someone the invitee may be with (the safety policy's room rule: a
//! draft is a private place). The owner removes co-authors; a co-author may leave.

use rusqlite::{OptionalExtension, params};
use serde::Deserialize;

use crate::api::ctx::Ctx;
use crate::error::{Error, Result};
use crate::http::response::{Response, created, empty, ok};
use crate::store::notifications::notify;
use crate::store::reach::{self, Reach, Way};
use crate::store::stories::{self as store, Need, Relation};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CoauthorBody {
    user_id: i64,
}

/// `POST /api/stories/{id}/coauthors`: the owner asks a friend to write the story with them.
/// Nobody is made co-author without saying yes: this sends a request the invitee accepts.
pub async fn add_coauthor(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let body: CoauthorBody = cx.req.json().await?;
    cx.app.limits.invites.hit(&format!("user:{}", user.id))?;
    let now = crate::time::now();
    let invite = cx
        .app
        .db
        .write(move |tx| {
            let (story, _) = store::require(tx, id, Some(&user), Need::Own)?;
            if body.user_id == user.id {
                return Err(Error::invalid("user_id", "already_author", "You already write this story."));
            }
            if reach::decide(tx, user.id, body.user_id, Way::Invite)? != Reach::Allowed
                || !reach::may_share_room(tx, body.user_id, &store::authors(tx, id, story.author_id)?)?
            {
                return Err(Error::forbidden("not_friends", "You can only write stories with your friends."));
            }
            if store::is_coauthor(tx, id, body.user_id)? {
                return Err(Error::conflict("already_coauthor", "Your friend already writes this story with you."));
            }
            tx.execute(
                "INSERT INTO coauthor_invites (story_id, inviter_id, invitee_id, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (story_id, invitee_id) WHERE status = 'pending' DO UPDATE SET created_at = excluded.created_at",
                params![id, user.id, body.user_id, now],
            )?;
            let invite_id: i64 = tx.query_row(
                "SELECT id FROM coauthor_invites WHERE story_id = ?1 AND invitee_id = ?2 AND status = 'pending'",
                params![id, body.user_id],
                |r| r.get(0),
            )?;
            notify(
                tx,
                body.user_id,
                "coauthor_invite",
                Some(user.id),
                Some(("coauthor_invite", invite_id)),
                &serde_json::json!({ "story_id": id, "title": story.title, "invite_id": invite_id }),
            )?;
            Ok(serde_json::json!({
                "id": invite_id, "story_id": id, "invitee_id": body.user_id, "status": "pending",
            }))
        })
        .await?;
    Ok(created(&serde_json::json!({ "invite": invite })))
}

/// `GET /api/coauthor-invites`: requests to write a story together, waiting for the caller.
pub async fn coauthor_invites(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let items = cx
        .app
        .db
        .read(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT i.id, i.story_id, s.title, i.inviter_id, i.created_at FROM coauthor_invites i
                 JOIN stories s ON s.id = i.story_id
                 WHERE i.invitee_id = ?1 AND i.status = 'pending' ORDER BY i.id DESC",
            )?;
            let rows: Vec<(i64, i64, String, i64, i64)> = stmt
                .query_map([me], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut out = Vec::with_capacity(rows.len());
            for (id, story, title, from, at) in rows {
                out.push(serde_json::json!({
                    "id": id, "story_id": story, "title": title,
                    "from": store::person(c, from)?,
                    "created_at": crate::time::rfc3339(at),
                }));
            }
            Ok(out)
        })
        .await?;
    Ok(ok(&serde_json::json!({ "items": items })))
}

/// `POST /api/coauthor-invites/{id}/accept`.
pub async fn accept_coauthor_invite(cx: &mut Ctx<'_>) -> Result<Response> {
    answer_coauthor_invite(cx, true).await
}

/// `POST /api/coauthor-invites/{id}/decline`.
pub async fn decline_coauthor_invite(cx: &mut Ctx<'_>) -> Result<Response> {
    answer_coauthor_invite(cx, false).await
}

async fn answer_coauthor_invite(cx: &mut Ctx<'_>, accept: bool) -> Result<Response> {
    let me = cx.user()?.id;
    let id = cx.req.params.id(0)?;
    let now = crate::time::now();
    let (story, status) = cx
        .app
        .db
        .write(move |tx| {
            let (story, from): (i64, i64) = tx
                .query_row(
                    "SELECT story_id, inviter_id FROM coauthor_invites WHERE id = ?1 AND invitee_id = ?2 AND status = 'pending'",
                    params![id, me],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or_else(|| Error::not_found("invite_not_found", "There is no such invitation waiting."))?;
            // Asked again at the answer: friendships and classes change while a request waits.
            let owner: i64 = tx.query_row("SELECT author_id FROM stories WHERE id = ?1", [story], |r| r.get(0))?;
            // A story's authors share a private draft: everyone already writing it must be
            // someone this person may be with, not only the one who asked.
            if accept
                && (reach::decide(tx, me, from, Way::Invite)? != Reach::Allowed
                    || !reach::may_share_room(tx, me, &store::authors(tx, story, owner)?)?)
            {
                tx.execute("UPDATE coauthor_invites SET status = 'declined' WHERE id = ?1", [id])?;
                return Err(Error::forbidden(
                    "not_friends",
                    "You can only write stories with your friends.",
                ));
            }
            let status = if accept { "accepted" } else { "declined" };
            tx.execute("UPDATE coauthor_invites SET status = ?2 WHERE id = ?1", params![id, status])?;
            tx.execute(
                "DELETE FROM notifications WHERE user_id = ?1 AND type = 'coauthor_invite' AND target_type = 'coauthor_invite' AND target_id = ?2",
                params![me, id],
            )?;
            if accept {
                tx.execute(
                    "INSERT OR IGNORE INTO story_authors (story_id, user_id, added_at) VALUES (?1, ?2, ?3)",
                    params![story, me, now],
                )?;
                let title: String =
                    tx.query_row("SELECT title FROM stories WHERE id = ?1", [story], |r| r.get(0))?;
                notify(
                    tx,
                    from,
                    "coauthor_accepted",
                    Some(me),
                    Some(("story", story)),
                    &serde_json::json!({ "story_id": story, "title": title }),
                )?;
            }
            Ok((story, status))
        })
        .await?;
    Ok(ok(
        &serde_json::json!({ "id": id, "story_id": story, "status": status }),
    ))
}

/// `DELETE /api/stories/{id}/coauthors/{user_id}`: the owner removes a co-author (or a
/// co-author leaves).
pub async fn remove_coauthor(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let who = cx.req.params.id(1)?;
    cx.app
        .db
        .write(move |tx| {
            let (_, rel) = store::require(tx, id, Some(&user), Need::Edit)?;
            if rel != Relation::Owner && who != user.id {
                return Err(Error::forbidden(
                    "owner_only",
                    "Only the person who started this story can do that.",
                ));
            }
            let n = tx.execute(
                "DELETE FROM story_authors WHERE story_id = ?1 AND user_id = ?2",
                params![id, who],
            )?;
            if n == 0 {
                return Err(Error::not_found(
                    "coauthor_not_found",
                    "That person is not a co-author.",
                ));
            }
            Ok(())
        })
        .await?;
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

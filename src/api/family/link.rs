//! Linking a grown-up to a child with a one-time code: the child makes one while they have no
//! grown-up, after that only a linked grown-up does (for another one), and the grown-ups already
//! there are told of every new one.

use rusqlite::{OptionalExtension, params};
use serde::Deserialize;
use serde_json::json;

use super::{no_child, parent};
use crate::api::ctx::Ctx;
use crate::domain::accounts::Role;
use crate::error::{Error, Result};
use crate::http::response::{Response, created, ok};
use crate::store::audit;
use crate::store::codes::{self, Purpose};
use crate::store::family::child_json;
use crate::store::reach;

/// How long a link code works.
const LINK_CODE_SECS: i64 = 24 * 3600;
/// Most grown-ups linked to one child.
const MAX_PARENTS: i64 = 4;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeFor {
    #[serde(default)]
    child_id: Option<i64>,
}

/// `POST /api/family/link-codes`: a child makes a code for itself, or a linked parent makes one
/// for their child so another grown-up can link too.
pub async fn make_code(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.clone();
    let body: CodeFor = cx
        .req
        .json_opt()
        .await?
        .unwrap_or(CodeFor { child_id: None });
    let child = match (me.role, body.child_id) {
        (Role::Child, None) => {
            // A child who has a grown-up cannot hand themselves to another adult: the grown-up
            // they have makes the code for a second one.
            let id = me.id;
            if cx
                .app
                .db
                .read(move |c| Ok(reach::has_guardian(c, id)?))
                .await?
            {
                return Err(Error::forbidden(
                    "ask_your_grown_up",
                    "You already have a grown-up. Ask them to add another grown-up.",
                ));
            }
            id
        }
        (Role::Parent, Some(child)) => {
            let pid = me.id;
            if !cx
                .app
                .db
                .read(move |c| Ok(reach::is_parent_of(c, pid, child)?))
                .await?
            {
                return Err(no_child());
            }
            child
        }
        (Role::Parent, None) => {
            return Err(Error::invalid(
                "child_id",
                "child_required",
                "Say which child the code is for.",
            ));
        }
        _ => {
            return Err(Error::forbidden(
                "family_only",
                "Only a child or the child's parent can make a family code.",
            ));
        }
    };
    let (now, ip, actor) = (crate::time::now(), cx.ip(), me.id);
    let (code, expires_at) = cx
        .app
        .db
        .write(move |tx| {
            let made = codes::issue(tx, Purpose::FamilyLink, child, actor, LINK_CODE_SECS, now)?;
            audit::record(
                tx,
                Some(actor),
                "family_code_made",
                Some(("user", child.to_string())),
                Some(&ip),
                &json!({}),
            )?;
            Ok(made)
        })
        .await?;
    Ok(created(
        &json!({ "code": code, "expires_at": expires_at, "child_id": child }),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkBody {
    code: String,
}

/// `POST /api/family/link`: a parent redeems a child's code.
pub async fn link(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = parent(cx)?;
    cx.app.limits.code_tries.hit(&format!("user:{}", me.id))?;
    let body: LinkBody = cx.req.json_small().await?;
    let (now, ip, pid) = (crate::time::now(), cx.ip(), me.id);
    let child = cx
        .app
        .db
        .write(move |tx| {
            let bad = || {
                Error::bad_request(
                    "invalid_code",
                    "That code does not work. Ask for a new one (codes last one day).",
                )
            };
            let redeemed = codes::redeem(tx, Purpose::FamilyLink, &body.code, now)?.ok_or_else(bad)?;
            let child = redeemed.user;
            // Once a child has a grown-up, only a code that grown-up made adds another: a code
            // the child made earlier (or was talked into making) no longer works.
            let guardians = reach::guardians(tx, child)?;
            let others: Vec<i64> = guardians.iter().copied().filter(|g| *g != pid).collect();
            if !others.is_empty() && !redeemed.created_by.is_some_and(|by| others.contains(&by)) {
                return Err(bad());
            }
            let role: Option<String> = tx
                .query_row("SELECT role FROM users WHERE id = ?1", [child], |r| r.get(0))
                .optional()?;
            if role.as_deref() != Some("child") {
                return Err(bad());
            }
            let parents: i64 = tx.query_row(
                "SELECT count(*) FROM family_links WHERE child_id = ?1 AND parent_id != ?2",
                params![child, pid],
                |r| r.get(0),
            )?;
            if parents >= MAX_PARENTS {
                return Err(Error::conflict(
                    "too_many_parents",
                    format!("A child can have up to {MAX_PARENTS} grown-ups linked."),
                ));
            }
            tx.execute(
                "INSERT OR IGNORE INTO family_links (parent_id, child_id, created_at) VALUES (?1, ?2, ?3)",
                params![pid, child, now],
            )?;
            let name: String = tx.query_row(
                "SELECT display_name FROM profiles WHERE user_id = ?1",
                [pid],
                |r| r.get(0),
            )?;
            crate::store::notifications::notify(
                tx,
                child,
                "family_linked",
                Some(pid),
                Some(("user", pid)),
                &json!({ "parent_name": name }),
            )?;
            // The grown-ups already there hear of every new one.
            let child_name: String = tx.query_row(
                "SELECT display_name FROM profiles WHERE user_id = ?1",
                [child],
                |r| r.get(0),
            )?;
            for other in others {
                crate::store::notifications::notify(
                    tx,
                    other,
                    "family_guardian_added",
                    Some(pid),
                    Some(("user", child)),
                    &json!({ "parent_name": name, "child_id": child, "child_name": child_name }),
                )?;
            }
            audit::record(
                tx,
                Some(pid),
                "family_linked",
                Some(("user", child.to_string())),
                Some(&ip),
                &json!({}),
            )?;
            child_json(tx, pid, child)?.ok_or_else(|| Error::internal("linked child vanished"))
        })
        .await?;
    Ok(ok(&json!({ "child": child })))
}

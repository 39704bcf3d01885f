//! The teacher's roster: children's accounts made from a pasted list of names, and the care a
//! class gives the accounts it looks after (new pictures, a read-only look, moving, closing),
//! the class's sign-in rules and the end of the year.

use serde::Deserialize;
use serde_json::{Value, json};

use super::{MAX_MEMBERS, active_class, own_class};
use crate::api::ctx::Ctx;
use crate::api::family::{PasswordBody, VIEW_SECS};
use crate::domain::classroom::{self, AVATARS, LineError, ROSTER_MAX_BYTES, ROSTER_MAX_LINES};
use crate::domain::encoding::random_bytes;
use crate::domain::pictures::{PICTURE_LEN, PICTURES};
use crate::error::{Error, Result};
use crate::http::response::{Response, created, empty, json_response, ok};
use crate::store::audit;
use crate::store::classroom::{self as store, NewKid};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RosterBody {
    text: String,
    #[serde(default)]
    language: Option<String>,
}

/// Four random pictures (repeats allowed, as a child may choose them).
fn random_pictures() -> Vec<&'static str> {
    random_bytes::<PICTURE_LEN>()
        .iter()
        .map(|b| PICTURES[usize::from(*b) % PICTURES.len()].0)
        .collect()
}

/// Pictures as the cards and the teacher's page show them.
pub(super) fn pictures_json(ids: &str) -> Value {
    ids.split('-')
        .map(|id| {
            let emoji = PICTURES
                .iter()
                .find(|(p, _)| *p == id)
                .map_or("", |(_, e)| e);
            json!({ "id": id, "emoji": emoji })
        })
        .collect()
}

/// 422 naming every line that cannot be used; nothing is stored.
fn problems(lines: Vec<(LineError, String)>) -> Response {
    let items: Vec<Value> = lines
        .into_iter()
        .map(|(e, text)| json!({ "line": e.line, "code": e.code, "message": e.message, "text": text }))
        .collect();
    json_response(
        hyper::StatusCode::UNPROCESSABLE_ENTITY,
        &json!({ "error": {
            "code": "roster_invalid",
            "message": "Some lines need a change. Nothing was added yet.",
            "lines": items,
        } }),
    )
}

/// `POST /api/classes/{id}/roster`: one account per pasted line, all or none.
pub async fn add(cx: &mut Ctx<'_>) -> Result<Response> {
    let (me, class) = active_class(cx).await?;
    let body: RosterBody = cx.req.json().await?;
    if body.text.len() > ROSTER_MAX_BYTES {
        return Err(Error::invalid(
            "text",
            "roster_too_long",
            format!("Paste up to {ROSTER_MAX_LINES} names at a time."),
        ));
    }
    let language = match &body.language {
        Some(l) => crate::domain::accounts::validate_language("language", l)?,
        None => "en".to_string(),
    };
    let (entries, errors) = classroom::parse_roster(&body.text);
    if entries.is_empty() && errors.is_empty() {
        return Err(Error::invalid(
            "text",
            "roster_empty",
            "Paste one name on each line.",
        ));
    }
    if entries.len() + errors.len() > ROSTER_MAX_LINES {
        return Err(Error::invalid(
            "text",
            "roster_too_long",
            format!("Paste up to {ROSTER_MAX_LINES} names at a time."),
        ));
    }
    let raw: Vec<&str> = body.text.split('\n').collect();
    let line_text = |n: usize| {
        raw.get(n - 1)
            .map(|l| l.trim().chars().take(80).collect::<String>())
            .unwrap_or_default()
    };
    let mut bad: Vec<(LineError, String)> = errors
        .into_iter()
        .map(|e| (e.clone(), line_text(e.line)))
        .collect();
    // The word and personal-detail rules every name in the product passes.
    for e in &entries {
        for (field, text) in [("name", &e.name), ("display_name", &e.display_name)] {
            if let Err(err) = cx.app.profanity.guard(field, text) {
                let code = if err.code() == "personal_details" {
                    "personal"
                } else {
                    "rude"
                };
                let message = if code == "personal" {
                    "A name cannot hold a phone number, address, e-mail or link."
                } else {
                    "This name has a word we do not allow."
                };
                bad.push((LineError::new(e.line, code, message), line_text(e.line)));
                break;
            }
        }
    }
    let cid = class.id;
    let (existing, size) = cx
        .app
        .db
        .read(move |c| Ok((store::member_names(c, cid)?, store::size(c, cid)?)))
        .await?;
    let taken: Vec<String> = existing.iter().map(|n| classroom::fold_key(n)).collect();
    for e in &entries {
        if taken.contains(&classroom::fold_key(&e.display_name)) {
            bad.push((
                LineError::new(
                    e.line,
                    "already_in_class",
                    "A child with this name is already in the class. Add a letter to tell them apart.",
                ),
                line_text(e.line),
            ));
        }
    }
    if !bad.is_empty() {
        bad.sort_by_key(|(e, _)| e.line);
        bad.dedup_by_key(|(e, _)| e.line);
        return Ok(problems(bad));
    }
    if size + entries.len() as i64 > MAX_MEMBERS {
        return Err(Error::conflict(
            "class_full",
            format!("A class can have up to {MAX_MEMBERS} children."),
        ));
    }
    // Hash every picture password first (the slow part, in parallel on the hashing pool), then
    // write all accounts in one transaction: a failure leaves nothing half-made.
    let mut kids = Vec::with_capacity(entries.len());
    let start = usize::try_from(size).unwrap_or(0);
    let hashes = futures_util::future::join_all(entries.iter().map(|_| {
        let pictures = random_pictures();
        let secret = format!("pic:{}", pictures.join("-"));
        let passwords = &cx.app.passwords;
        async move {
            passwords
                .hash(&secret)
                .await
                .map(|h| (h, pictures.join("-")))
        }
    }))
    .await;
    for (i, (e, hashed)) in entries.iter().zip(hashes).enumerate() {
        let (password_hash, pictures) = hashed?;
        kids.push(NewKid {
            username: classroom::username_base(&e.name),
            display_name: e.display_name.clone(),
            avatar: AVATARS[(start + i) % AVATARS.len()].to_string(),
            password_hash,
            pictures,
            language: language.clone(),
        });
    }
    let (now, ip, tid) = (crate::time::now(), cx.ip(), me.id);
    let made = cx
        .app
        .db
        .write(move |tx| {
            let mut out = Vec::with_capacity(kids.len());
            for mut kid in kids {
                kid.username = store::free_username(tx, &kid.username)?;
                let id = store::add_managed(tx, cid, &kid, now)?;
                out.push(json!({
                    "id": id, "username": kid.username, "display_name": kid.display_name,
                    "avatar_emoji": kid.avatar, "pictures": pictures_json(&kid.pictures),
                }));
            }
            audit::record(
                tx,
                Some(tid),
                "class_roster_added",
                Some(("class", cid.to_string())),
                Some(&ip),
                &json!({ "children": out.len() }),
            )?;
            Ok(out)
        })
        .await?;
    Ok(created(&json!({ "created": made })))
}

/// The teacher's class and a child it looks after (403 for a child who joined by code: their
/// account is their family's).
async fn managed_child(cx: &Ctx<'_>) -> Result<(i64, i64, i64)> {
    let (me, class) = own_class(cx).await?;
    let kid = cx.req.params.id(1)?;
    let managed = cx
        .app
        .db
        .read(move |c| Ok(store::membership(c, class, kid)?))
        .await?;
    match managed {
        None => Err(Error::not_found(
            "not_found",
            "That child is not in this class.",
        )),
        Some(false) => Err(Error::forbidden(
            "not_managed",
            "This child joined with the class code, so their account belongs to their family. Their parent (or an admin) can help with it.",
        )),
        Some(true) => Ok((me.id, class, kid)),
    }
}

/// `POST /api/classes/{id}/members/{user_id}/password`: new pictures (chosen, or random when
/// the body is empty) or a typed password; the child is signed out everywhere.
pub async fn set_password(cx: &mut Ctx<'_>) -> Result<Response> {
    let (tid, _, kid) = managed_child(cx).await?;
    let body: PasswordBody = cx.req.json_small().await?;
    let (secret, pictures) = match (&body.password, &body.picture) {
        (None, None) => {
            let p = random_pictures().join("-");
            (format!("pic:{p}"), Some(p))
        }
        _ => {
            let s = crate::api::users::reset::checked_secret(
                crate::domain::accounts::Role::Child,
                body.password.as_deref(),
                body.picture.as_deref(),
            )?;
            let p = s.strip_prefix("pic:").map(str::to_string);
            (s, p)
        }
    };
    crate::api::users::reset::replace_password(
        cx.app,
        kid,
        secret,
        Some(tid),
        "class_password_reset",
        cx.ip(),
    )
    .await?;
    if let Some(p) = pictures.clone() {
        cx.app
            .db
            .write(move |tx| Ok(store::set_card_pictures(tx, kid, &p)?))
            .await?;
    }
    Ok(ok(
        &json!({ "pictures": pictures.as_deref().map(pictures_json) }),
    ))
}

/// `POST /api/classes/{id}/members/{user_id}/view-as`: a short, read-only session as the
/// student (the same look a parent has), written to the audit log.
pub async fn view_as(cx: &mut Ctx<'_>) -> Result<Response> {
    let (tid, class, kid) = managed_child(cx).await?;
    let (token, name) = crate::api::family::look(
        cx,
        kid,
        tid,
        "teacher",
        json!({ "class": class }),
        move |tx| {
            Ok(crate::store::stories::person(tx, kid)?
                .map(|p| p.display_name)
                .unwrap_or_default())
        },
    )
    .await?;
    Ok(created(&json!({
        "access_token": token, "token_type": "Bearer", "expires_in": VIEW_SECS,
        "child": { "id": kid, "display_name": name }, "view_only": true,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MoveBody {
    class_id: i64,
}

/// `POST /api/classes/{id}/members/{user_id}/move`: to another of the teacher's classes.
pub async fn move_member(cx: &mut Ctx<'_>) -> Result<Response> {
    let (me, from) = own_class(cx).await?;
    let kid = cx.req.params.id(1)?;
    let body: MoveBody = cx.req.json_small().await?;
    let (tid, ip, to) = (me.id, cx.ip(), body.class_id);
    cx.app
        .db
        .write(move |tx| {
            let target = store::class(tx, to)?.filter(|c| c.teacher_id == tid && !c.archived);
            if target.is_none() || to == from {
                return Err(Error::not_found(
                    "not_found",
                    "Pick another of your classes that is still open.",
                ));
            }
            match store::membership(tx, from, kid)? {
                None => {
                    return Err(Error::not_found(
                        "not_found",
                        "That child is not in this class.",
                    ));
                }
                // A child who joined with the code chose this class (with their family): another
                // class is theirs to join, not the teacher's to put them in.
                Some(false) => {
                    return Err(Error::forbidden(
                        "not_managed",
                        "This child joined with the class code. They can join the other class with its code.",
                    ));
                }
                Some(true) => {}
            }
            if store::size(tx, to)? >= MAX_MEMBERS {
                return Err(Error::conflict("class_full", "That class is full."));
            }
            store::move_member(tx, from, to, kid)?;
            audit::record(
                tx,
                Some(tid),
                "class_member_moved",
                Some(("user", kid.to_string())),
                Some(&ip),
                &json!({ "from": from, "to": to }),
            )?;
            Ok(())
        })
        .await?;
    Ok(empty(hyper::StatusCode::NO_CONTENT))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsBody {
    #[serde(default)]
    signin: Option<String>,
    #[serde(default)]
    hours_from: Option<String>,
    #[serde(default)]
    hours_to: Option<String>,
    #[serde(default)]
    utc_offset: Option<i64>,
    #[serde(default)]
    needs_approval: Option<bool>,
}

fn bad_clock(field: &'static str) -> Error {
    Error::invalid(
        field,
        "invalid_time",
        "Give a time like 07:30 (24-hour clock).",
    )
}

/// `PATCH /api/classes/{id}/settings`: sign-in open, closed or in hours; publishing approval.
pub async fn settings(cx: &mut Ctx<'_>) -> Result<Response> {
    let (_, class) = active_class(cx).await?;
    let body: SettingsBody = cx.req.json_small().await?;
    let mut hours = class.hours;
    if let Some(m) = &body.signin {
        hours.mode = classroom::SignIn::parse(m).ok_or_else(|| {
            Error::invalid(
                "signin",
                "invalid_signin",
                "Sign-in is \"open\", \"closed\" or \"hours\".",
            )
        })?;
    }
    if let Some(t) = &body.hours_from {
        hours.from = classroom::parse_clock(t)
            .filter(|m| *m < 1440)
            .ok_or_else(|| bad_clock("hours_from"))?;
    }
    if let Some(t) = &body.hours_to {
        hours.to = classroom::parse_clock(t)
            .filter(|m| *m > 0)
            .ok_or_else(|| bad_clock("hours_to"))?;
    }
    if hours.from == hours.to {
        return Err(Error::invalid(
            "hours_to",
            "invalid_time",
            "Sign-in must open and close at different times.",
        ));
    }
    if let Some(o) = body.utc_offset {
        if !(-840..=840).contains(&o) {
            return Err(Error::invalid(
                "utc_offset",
                "invalid_offset",
                "The time zone offset is in minutes, from -840 to 840.",
            ));
        }
        hours.utc_offset = o;
    }
    let id = class.id;
    let view = cx
        .app
        .db
        .write(move |tx| {
            store::set_hours(tx, id, &hours)?;
            if let Some(on) = body.needs_approval {
                store::set_approval(tx, id, on)?;
            }
            super::class_view(tx, id)
        })
        .await?;
    Ok(ok(&json!({ "class": view })))
}

/// `POST /api/classes/{id}/archive`: end of the year. The class, its children and their
/// stories stay readable; sign-in, cards and approvals stop.
pub async fn archive(cx: &mut Ctx<'_>) -> Result<Response> {
    let (me, class) = own_class(cx).await?;
    let (now, ip, tid) = (crate::time::now(), cx.ip(), me.id);
    let view = cx
        .app
        .db
        .write(move |tx| {
            store::archive(tx, class, now)?;
            audit::record(
                tx,
                Some(tid),
                "class_archived",
                Some(("class", class.to_string())),
                Some(&ip),
                &json!({}),
            )?;
            super::class_view(tx, class)
        })
        .await?;
    Ok(ok(&json!({ "class": view })))
}

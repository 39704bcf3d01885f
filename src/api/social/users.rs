//! `GET /api/users/{id}` (a profile that respects its owner's privacy) and
//! `GET /api/users/search` (children find others only by exact username or through a class).
//!
//! Privacy: `public` profiles are seen by everyone signed in; `friends` (the default) by friends
//! and classmates; `private` by friends only, and private people do not turn up in searches
//! except for classmates.

use rusqlite::{OptionalExtension, params};
use serde_json::{Value, json};

use crate::api::ctx::Ctx;
use crate::domain::accounts::{Role, level_for_xp};
use crate::error::{Error, Result};
use crate::http::response::{Response, ok};
use crate::store::reach::{self, Reach, Way};
use crate::store::rewards;
use crate::store::social::{CARD_COLUMNS, card_row};
use crate::store::social::{are_friends, share_class};

struct ProfileRow {
    username: String,
    role: String,
    display_name: String,
    avatar: String,
    border: String,
    bio: String,
    privacy: String,
    xp: i64,
    status: String,
    created: i64,
}

/// `GET /api/users/{id}`.
pub async fn profile(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.clone();
    let id = cx.req.params.id(0)?;
    let view = cx
        .app
        .db
        .read(move |c| {
            let row: Option<ProfileRow> = c
                .query_row(
                    "SELECT u.username, u.role, p.display_name, p.avatar_emoji, p.avatar_border, p.bio, p.privacy, p.xp,
                            u.status, u.created_at
                     FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.id = ?1",
                    [id],
                    |r| {
                        Ok(ProfileRow {
                            username: r.get(0)?,
                            role: r.get(1)?,
                            display_name: r.get(2)?,
                            avatar: r.get(3)?,
                            border: r.get(4)?,
                            bio: r.get(5)?,
                            privacy: r.get(6)?,
                            xp: r.get(7)?,
                            status: r.get(8)?,
                            created: r.get(9)?,
                        })
                    },
                )
                .optional()?;
            let Some(ProfileRow { username, role, display_name, avatar, border, bio, privacy, xp, status, created }) = row else {
                return Err(Error::not_found("user_not_found", "We could not find that person."));
            };
            if status != "active" && me.role != Role::Admin {
                return Err(Error::not_found("user_not_found", "We could not find that person."));
            }
            let friends = are_friends(c, me.id, id)?;
            // The safety policy first: an adult who is not a child's parent or teacher sees the
            // same answer as for a private profile.
            if me.id != id && me.role != Role::Admin && reach::decide(c, me.id, id, Way::Profile)? != Reach::Allowed {
                return Err(Error::forbidden("profile_private", "This person keeps their profile for friends only."));
            }
            let family = me.id != id && reach::decide(c, me.id, id, Way::Message)? == Reach::Allowed
                && (me.role != Role::Child || role != "child");
            let allowed = me.id == id
                || family
                || me.role == Role::Admin
                || friends
                || match privacy.as_str() {
                    "public" => true,
                    "friends" => share_class(c, me.id, id)?,
                    _ => false,
                };
            if !allowed {
                return Err(Error::forbidden("profile_private", "This person keeps their profile for friends only."));
            }
            let stats = rewards::stats(c, id)?;
            let achievements = rewards::earned(c, id)?;
            let mut stmt = c.prepare_cached(
                "SELECT id, title, cover_media_id, like_count, published_at, updated_at FROM stories
                 WHERE author_id = ?1 AND status = 'published' AND hidden = 0 ORDER BY published_at DESC LIMIT 12",
            )?;
            let stories: Vec<Value> = stmt
                .query_map([id], |r| {
                    let cover: Option<String> = r.get(2)?;
                    Ok(json!({
                        "id": r.get::<_, i64>(0)?,
                        "title": r.get::<_, String>(1)?,
                        "cover_url": crate::domain::cover::url(r.get(0)?, cover.as_deref(), r.get(5)?),
                        "like_count": r.get::<_, i64>(3)?,
                        "published_at": crate::time::rfc3339(r.get::<_, Option<i64>>(4)?.unwrap_or(0)),
                    }))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let pending: Option<i64> = c
                .query_row(
                    "SELECT from_id FROM friend_requests WHERE status = 'pending'
                     AND min(from_id, to_id) = min(?1, ?2) AND max(from_id, to_id) = max(?1, ?2)",
                    params![me.id, id],
                    |r| r.get(0),
                )
                .optional()?;
            Ok(json!({
                "id": id,
                "username": username,
                "display_name": display_name,
                "role": role,
                "avatar_emoji": avatar,
                "avatar_border": border,
                "bio": bio,
                "level": level_for_xp(xp),
                "xp": xp,
                "joined_at": crate::time::rfc3339(created),
                "stats": {
                    "stories_published": stats.stories_published,
                    "likes_received": stats.likes_received,
                    "stories_finished": stats.stories_finished,
                },
                "achievements": achievements,
                "stories": stories,
                "is_friend": friends,
                "friend_request": match pending {
                    Some(from) if from == me.id => Value::from("sent"),
                    Some(_) => Value::from("received"),
                    None => Value::Null,
                },
            }))
        })
        .await?;
    Ok(ok(&view))
}

/// Escapes `%`, `_` and `\` for a LIKE pattern (with `ESCAPE '\'`).
fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for ch in s.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// `GET /api/users/search?q=`: exact usernames, classmates by name, and (for admins) anyone.
pub async fn search(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.clone();
    let q = cx
        .req
        .query("q")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let n = q.chars().count();
    if n == 0 || n > 50 {
        return Err(Error::bad_request(
            "invalid_query",
            "Type 1 to 50 letters to search.",
        ));
    }
    let exact = q.to_lowercase();
    let pattern = format!("%{}%", like_escape(&q.to_lowercase()));
    let items = cx
        .app
        .db
        .read(move |c| {
            let admin = me.role == Role::Admin;
            let sql = format!(
                "SELECT {CARD_COLUMNS},
                        EXISTS (SELECT 1 FROM friends WHERE user_id = ?1 AND friend_id = u.id) AS is_friend,
                        (SELECT CASE WHEN from_id = ?1 THEN 'sent' ELSE 'received' END FROM friend_requests
                         WHERE status = 'pending' AND min(from_id, to_id) = min(?1, u.id) AND max(from_id, to_id) = max(?1, u.id)) AS request
                 FROM users u JOIN profiles p ON p.user_id = u.id
                 WHERE u.status = 'active' AND u.id != ?1 AND (
                     (u.username = ?2 AND p.privacy != 'private')
                     OR ((lower(u.username) LIKE ?3 ESCAPE '\\' OR lower(p.display_name) LIKE ?3 ESCAPE '\\') AND (
                         ?4 OR u.id IN (
                             SELECT y.user_id FROM class_members x JOIN class_members y ON y.class_id = x.class_id WHERE x.user_id = ?1
                             UNION SELECT c.teacher_id FROM classes c JOIN class_members m ON m.class_id = c.id WHERE m.user_id = ?1
                             UNION SELECT m.user_id FROM classes c JOIN class_members m ON m.class_id = c.id WHERE c.teacher_id = ?1)))
                 )
                 ORDER BY (u.username = ?2) DESC, p.display_name COLLATE NOCASE LIMIT 20"
            );
            let mut stmt = c.prepare_cached(&sql)?;
            let rows = stmt.query_map(params![me.id, exact, pattern, admin], |r| {
                let card = card_row(r)?;
                let friend: bool = r.get(6)?;
                let request: Option<String> = r.get(7)?;
                Ok((card.id, json!({ "user": card, "is_friend": friend, "friend_request": request })))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (id, item) = row?;
                // Nobody finds a person the policy keeps out of their reach.
                if reach::decide(c, me.id, id, Way::Profile)? == Reach::Allowed {
                    out.push(item);
                }
            }
            Ok(out)
        })
        .await?;
    Ok(ok(&json!({ "items": items })))
}

#[cfg(test)]
mod tests {
    use super::like_escape;

    #[test]
    fn like_patterns_are_escaped() {
        assert_eq!(like_escape("50%_off\\"), "50\\%\\_off\\\\");
    }
}

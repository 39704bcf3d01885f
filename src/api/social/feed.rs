//! The friends' activity feed and the XP leaderboard (weekly or all-time, among friends or a
//! class; only admins see everyone).

use rusqlite::params;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::api::ctx::Ctx;
use crate::api::pagination::{self, List};
use crate::domain::accounts::Role;
use crate::error::{Error, Result};
use crate::http::response::{Response, ok};
use crate::store::rewards;
use crate::store::social::{CARD_COLUMNS, card_row};
use crate::store::social::{classmate_ids, friend_ids};

#[derive(Serialize, Deserialize)]
struct Cursor {
    id: i64,
}

#[derive(Serialize)]
struct Entry {
    id: i64,
    kind: String,
    actor: crate::store::social::Card,
    story: Option<Value>,
    data: Value,
    created_at: String,
}

/// `GET /api/feed`: what friends did lately (published stories, achievements, level-ups).
pub async fn feed(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.id;
    let limit = pagination::limit(&cx.req)?;
    let after: Option<Cursor> = pagination::cursor(&cx.req)?;
    let rows = cx
        .app
        .db
        .read(move |c| {
            let lim = limit + 1;
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {CARD_COLUMNS}, a.id, a.kind, a.data, a.created_at, s.id, s.title, s.cover_media_id, s.updated_at
                 FROM activities a
                 JOIN friends f ON f.user_id = ?1 AND f.friend_id = a.actor_id
                 JOIN users u ON u.id = a.actor_id JOIN profiles p ON p.user_id = u.id
                 LEFT JOIN stories s ON s.id = a.story_id
                 WHERE a.id < ?2 AND u.status = 'active'
                   AND (a.story_id IS NULL OR (s.status = 'published' AND s.hidden = 0))
                 ORDER BY a.id DESC LIMIT {lim}"
            ))?;
            let rows = stmt.query_map(params![me, after.map_or(i64::MAX, |a| a.id)], |r| {
                let data: String = r.get(8)?;
                let story = match r.get::<_, Option<i64>>(10)? {
                    Some(sid) => {
                        let cover: Option<String> = r.get(12)?;
                        Some(json!({ "id": sid, "title": r.get::<_, String>(11)?, "cover_url": crate::domain::cover::url(sid, cover.as_deref(), r.get(13)?) }))
                    }
                    None => None,
                };
                Ok(Entry {
                    actor: card_row(r)?,
                    id: r.get(6)?,
                    kind: r.get(7)?,
                    data: serde_json::from_str(&data).unwrap_or(Value::Null),
                    created_at: crate::time::rfc3339(r.get(9)?),
                    story,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .await?;
    let list: List<Entry> = pagination::page(rows, limit, |e: &Entry| Cursor { id: e.id });
    Ok(ok(&list))
}

/// Monday 00:00 UTC of the current week, in Unix seconds.
pub fn week_start(now: i64) -> i64 {
    let day = rewards::day_of(now);
    // 1970-01-01 was a Thursday: (day + 3) % 7 == 0 on Mondays.
    (day - (day + 3).rem_euclid(7)) * 86_400
}

/// `GET /api/leaderboard?period=week|all&scope=friends|class|all`.
pub async fn leaderboard(cx: &mut Ctx<'_>) -> Result<Response> {
    let me = cx.user()?.clone();
    let period = cx.req.query("period").unwrap_or_else(|| "week".into());
    let scope = cx.req.query("scope").unwrap_or_else(|| "friends".into());
    if period != "week" && period != "all" {
        return Err(Error::bad_request(
            "invalid_period",
            "period must be week or all.",
        ));
    }
    if !["friends", "class", "all"].contains(&scope.as_str()) {
        return Err(Error::bad_request(
            "invalid_scope",
            "scope must be friends, class or all.",
        ));
    }
    if scope == "all" && me.role != Role::Admin {
        return Err(Error::forbidden(
            "scope_not_allowed",
            "The leaderboard shows your friends or your class.",
        ));
    }
    let since = week_start(crate::time::now());
    let (period_c, scope_c) = (period.clone(), scope.clone());
    let entries = cx
        .app
        .db
        .read(move |c| {
            let ids: Option<Vec<i64>> = match scope_c.as_str() {
                "friends" => Some(friend_ids(c, me.id)?),
                "class" => Some(classmate_ids(c, me.id)?),
                _ => None,
            };
            let mut ids = ids.map(|mut v| {
                v.push(me.id);
                v
            });
            if let Some(v) = ids.as_mut() {
                v.sort_unstable();
                v.dedup();
            }
            // The scope is a JSON array bound as one parameter: no SQL is built from input.
            let scope_json = ids.map(|v| serde_json::to_string(&v).unwrap_or_else(|_| "[]".into()));
            let sql = if period_c == "week" {
                format!(
                    "SELECT {CARD_COLUMNS}, coalesce((SELECT sum(amount) FROM xp_ledger l WHERE l.user_id = u.id AND l.created_at >= ?2), 0) AS score
                     FROM users u JOIN profiles p ON p.user_id = u.id
                     WHERE u.status = 'active' AND (?1 IS NULL OR u.id IN (SELECT value FROM json_each(?1)))
                     ORDER BY score DESC, u.id LIMIT 50"
                )
            } else {
                format!(
                    "SELECT {CARD_COLUMNS}, p.xp AS score FROM users u JOIN profiles p ON p.user_id = u.id
                     WHERE u.status = 'active' AND (?1 IS NULL OR u.id IN (SELECT value FROM json_each(?1))) AND ?2 IS NOT NULL
                     ORDER BY score DESC, u.id LIMIT 50"
                )
            };
            let mut stmt = c.prepare_cached(&sql)?;
            let rows = stmt.query_map(params![scope_json, since], |r| Ok((card_row(r)?, r.get::<_, i64>(6)?)))?;
            let mut out = Vec::new();
            for (i, row) in rows.enumerate() {
                let (card, score) = row?;
                out.push(json!({ "rank": i + 1, "user": card, "xp": score, "me": card.id == me.id }));
            }
            Ok(out)
        })
        .await?;
    Ok(ok(
        &json!({ "period": period, "scope": scope, "items": entries }),
    ))
}

#[cfg(test)]
mod tests {
    use super::week_start;

    #[test]
    fn weeks_start_on_monday() {
        // 2026-11-22 is a Sunday; that week began Monday 2026-11-16.
        assert_eq!(
            crate::time::rfc3339(week_start(1_795_334_703)),
            "2026-11-16T00:00:00Z"
        );
        assert_eq!(
            crate::time::rfc3339(week_start(1_795_132_800)),
            "2026-11-16T00:00:00Z"
        );
    }
}

//! SQL for families: a child as their grown-up sees them, and a child's counters.

use rusqlite::{Connection, params};
use serde_json::{Value, json};

use crate::domain::accounts;
use crate::store::reach;

/// A child as a linked parent sees them.
pub fn child_json(c: &Connection, parent: i64, child: i64) -> rusqlite::Result<Option<Value>> {
    Ok(children(c, parent, Some(child))?.into_iter().next())
}

pub fn children(c: &Connection, parent: i64, only: Option<i64>) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = c.prepare_cached(
        "SELECT u.id, u.username, p.display_name, p.avatar_emoji, p.xp, p.privacy, u.last_seen_at,
                (SELECT count(*) FROM stories s WHERE s.author_id = u.id AND s.status = 'published'),
                (SELECT count(*) FROM stories s WHERE s.author_id = u.id AND s.status = 'draft'),
                p.age_band
         FROM family_links f JOIN users u ON u.id = f.child_id JOIN profiles p ON p.user_id = u.id
         WHERE f.parent_id = ?1 AND (?2 IS NULL OR u.id = ?2)
         ORDER BY p.display_name COLLATE NOCASE, u.id",
    )?;
    let rows: Vec<Value> = stmt
        .query_map(params![parent, only], |r| {
            let xp: i64 = r.get(4)?;
            Ok(json!({
                "id": r.get::<_, i64>(0)?, "username": r.get::<_, String>(1)?,
                "display_name": r.get::<_, String>(2)?, "avatar_emoji": r.get::<_, String>(3)?,
                "xp": xp, "level": accounts::level_for_xp(xp), "privacy": r.get::<_, String>(5)?,
                "last_seen_at": r.get::<_, Option<i64>>(6)?,
                "stories_published": r.get::<_, i64>(7)?, "drafts": r.get::<_, i64>(8)?,
                "age_band": r.get::<_, Option<String>>(9)?,
            }))
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|mut child| {
            let rules = reach::child_rules(c, child["id"].as_i64().unwrap_or_default())?;
            child["rules"] = json!({
                "friends_need_ok": rules.friends_need_ok,
                "who_may_message": rules.who_may_message,
                "quiet": rules.quiet,
            });
            Ok(child)
        })
        .collect()
}

/// One child's counters (also used by class reports).
pub fn stats(c: &Connection, user: i64) -> rusqlite::Result<Value> {
    c.query_row(
        "SELECT
            (SELECT count(*) FROM stories WHERE author_id = ?1 AND status = 'published'),
            (SELECT count(*) FROM stories WHERE author_id = ?1 AND status = 'draft'),
            (SELECT count(*) FROM pages p JOIN stories s ON s.id = p.story_id WHERE s.author_id = ?1),
            (SELECT count(DISTINCT story_id) FROM story_views WHERE viewer = 'u:' || ?1),
            (SELECT count(*) FROM user_achievements WHERE user_id = ?1),
            p.xp, coalesce(st.likes_received, 0), coalesce(st.comments_written, 0),
            coalesce(st.read_streak, 0), coalesce(st.games_played, 0),
            (SELECT round(avg(score * 100.0 / max(total, 1))) FROM game_attempts WHERE user_id = ?1)
         FROM profiles p LEFT JOIN user_stats st ON st.user_id = p.user_id WHERE p.user_id = ?1",
        [user],
        |r| {
            let xp: i64 = r.get(5)?;
            Ok(json!({
                "stories_published": r.get::<_, i64>(0)?, "drafts": r.get::<_, i64>(1)?,
                "pages_written": r.get::<_, i64>(2)?, "stories_read": r.get::<_, i64>(3)?,
                "achievements": r.get::<_, i64>(4)?, "xp": xp,
                "level": crate::domain::accounts::level_for_xp(xp),
                "likes_received": r.get::<_, i64>(6)?, "comments_written": r.get::<_, i64>(7)?,
                "read_streak": r.get::<_, i64>(8)?, "games_played": r.get::<_, i64>(9)?,
                "games_average": r.get::<_, Option<f64>>(10)?.map(|a| a as i64),
            }))
        },
    )
}

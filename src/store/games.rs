//! Games made from a story's text: (re)made when a story is published or its text changes,
//! and the figures a player sees about their own play.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::domain::games::{self, Game, Source};
use crate::error::{Error, Result};
use crate::store::stories::{self, Need};

/// Recent attempts shown in stats.
const RECENT: i64 = 10;

fn source_hash(title: &str, pages: &[String]) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(title.as_bytes());
    for p in pages {
        h.update([0u8]);
        h.update(p.as_bytes());
    }
    h.finalize().to_vec()
}

/// A published story's current text, its hash, and the hash its games were made from.
struct Text {
    title: String,
    language: String,
    pages: Vec<String>,
    hash: Vec<u8>,
    made_from: Option<Vec<u8>>,
}

impl Text {
    fn load(c: &Connection, story: i64) -> rusqlite::Result<Option<Text>> {
        let meta: Option<(String, String, Option<Vec<u8>>)> = c
            .query_row(
                "SELECT title, language, games_hash FROM stories WHERE id = ?1 AND status = 'published'",
                [story],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((title, language, made_from)) = meta else {
            return Ok(None);
        };
        let pages: Vec<String> = c
            .prepare_cached("SELECT text FROM pages WHERE story_id = ?1 ORDER BY position")?
            .query_map([story], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let hash = source_hash(&title, &pages);
        Ok(Some(Text {
            title,
            language,
            pages,
            hash,
            made_from,
        }))
    }

    fn stale(&self) -> bool {
        self.made_from.as_deref() != Some(&self.hash[..])
    }
}

/// True when a published story's games were made from an older text.
pub fn stale(c: &Connection, story: i64) -> rusqlite::Result<bool> {
    Ok(Text::load(c, story)?.is_some_and(|t| t.stale()))
}

/// Makes (or remakes, when the text changed) the games of a published story; a kind the text
/// no longer supports is removed. Cheap when nothing changed.
pub fn ensure(tx: &Connection, story: i64) -> rusqlite::Result<()> {
    let Some(text) = Text::load(tx, story)?.filter(Text::stale) else {
        return Ok(());
    };
    let src = Source {
        title: &text.title,
        language: &text.language,
        pages: text.pages.iter().map(String::as_str).collect(),
    };
    let made = games::generate(&src, story as u64);
    let now = crate::time::now();
    let kinds: Vec<&str> = made.iter().map(Game::kind).collect();
    tx.execute(
        "DELETE FROM games WHERE story_id = ?1 AND kind NOT IN (SELECT value FROM json_each(?2))",
        params![story, json!(kinds).to_string()],
    )?;
    for g in &made {
        let content = serde_json::to_string(g).unwrap_or_default();
        tx.execute(
            "INSERT INTO games (story_id, kind, content, created_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (story_id, kind) DO UPDATE SET content = excluded.content,
                 created_at = excluded.created_at",
            params![story, g.kind(), content, now],
        )?;
    }
    tx.execute(
        "UPDATE stories SET games_hash = ?2 WHERE id = ?1",
        params![story, text.hash],
    )?;
    Ok(())
}

/// A user's game figures: played (distinct games), perfect, average percent, recent attempts.
pub fn summary(c: &Connection, user: i64) -> rusqlite::Result<Value> {
    let (played, perfect, average): (i64, i64, Option<f64>) = c.query_row(
        "SELECT count(DISTINCT game_id),
                count(DISTINCT CASE WHEN score = total AND total > 0 THEN game_id END),
                avg(score * 100.0 / max(total, 1))
         FROM game_attempts WHERE user_id = ?1",
        [user],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let recent: Vec<Value> = c
        .prepare_cached(
            "SELECT a.game_id, g.kind, s.id, s.title, a.score, a.total, a.created_at
             FROM game_attempts a JOIN games g ON g.id = a.game_id JOIN stories s ON s.id = g.story_id
             WHERE a.user_id = ?1 ORDER BY a.id DESC LIMIT ?2",
        )?
        .query_map(params![user, RECENT], |r| {
            Ok(json!({
                "game_id": r.get::<_, i64>(0)?, "kind": r.get::<_, String>(1)?,
                "story_id": r.get::<_, i64>(2)?, "story_title": r.get::<_, String>(3)?,
                "score": r.get::<_, i64>(4)?, "total": r.get::<_, i64>(5)?,
                "at": r.get::<_, i64>(6)?,
            }))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(json!({
        "played": played, "perfect": perfect,
        "average_percent": average.map(|a| a.round() as i64),
        "recent": recent,
    }))
}

pub fn list_rows(c: &Connection, story: i64, user: Option<i64>) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = c.prepare_cached(
        "SELECT g.id, g.kind, g.content FROM games g WHERE g.story_id = ?1
         ORDER BY CASE g.kind WHEN 'quiz' THEN 0 WHEN 'fill_blank' THEN 1 ELSE 2 END",
    )?;
    let rows = stmt.query_map([story], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, kind, content) = row?;
        let count = serde_json::from_str::<Game>(&content).map_or(0, |g| g.count());
        let best = match user {
            Some(u) => c
                .query_row(
                    "SELECT score, total FROM game_attempts WHERE game_id = ?1 AND user_id = ?2
                     ORDER BY score * 1.0 / max(total, 1) DESC, id LIMIT 1",
                    params![id, u],
                    |r| Ok(json!({ "score": r.get::<_, i64>(0)?, "total": r.get::<_, i64>(1)? })),
                )
                .optional()?,
            None => None,
        };
        out.push(json!({ "id": id, "kind": kind, "count": count, "best": best }));
    }
    Ok(out)
}

/// Loads a game the caller may play (its story must be readable by them).
pub fn load(
    c: &Connection,
    id: i64,
    user: Option<&crate::domain::accounts::AuthUser>,
) -> Result<(Game, stories::Meta)> {
    let row: Option<(i64, String)> = c
        .query_row(
            "SELECT story_id, content FROM games WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (story, content) = row.ok_or_else(no_game)?;
    // A story the caller cannot see hides its games too.
    let (meta, _) = stories::require(c, story, user, Need::Read).map_err(|_| no_game())?;
    let game: Game = serde_json::from_str(&content)
        .map_err(|e| Error::internal(format!("stored game {id} unreadable: {e}")))?;
    Ok((game, meta))
}

/// The caller's age band, if they have one.
pub fn age_band(c: &Connection, user: Option<i64>) -> rusqlite::Result<Option<String>> {
    let Some(user) = user else { return Ok(None) };
    Ok(c.query_row(
        "SELECT age_band FROM profiles WHERE user_id = ?1",
        [user],
        |r| r.get(0),
    )
    .optional()?
    .flatten())
}

/// 404 for a game that is not there (or not for this player).
pub fn no_game() -> Error {
    Error::not_found("game_not_found", "We could not find that game.")
}

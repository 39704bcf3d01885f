//! Pictures in stories: whether one is public, and whether a writer may use one.

use rusqlite::{Connection, params};
use serde_json::{Value, json};

use crate::domain::drawing::is_media_id;
use crate::error::{Error, Result};

/// Makes picture URLs; private ones must be signed, and the keys live above the store.
pub trait Signer {
    /// The URL of picture `id`, plain when `public`.
    fn media_url(&self, id: &str, public: bool) -> String;
}

/// A media reference in API answers.
pub fn reference(keys: &dyn Signer, id: &str, public: bool) -> Value {
    json!({ "media_id": id, "url": keys.media_url(id, public) })
}

/// True when a published, visible story uses the picture.
pub fn is_public(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM stories WHERE cover_media_id = ?1 AND status = 'published' AND hidden = 0)
             OR EXISTS (SELECT 1 FROM pages p JOIN stories s ON s.id = p.story_id
                        WHERE p.thumb_media_id = ?1 AND s.status = 'published' AND s.hidden = 0)
             OR EXISTS (SELECT 1 FROM pages p JOIN stories s ON s.id = p.story_id
                        WHERE p.background_media_id = ?1 AND s.status = 'published' AND s.hidden = 0)",
        [id],
        |r| r.get(0),
    )
}

/// Refuses a picture reference unless it exists and `user` uploaded it, or `story` already uses
/// it (so nobody attaches someone else's private picture by guessing its id).
pub fn check_usable(
    conn: &Connection,
    user: i64,
    id: &str,
    story: Option<i64>,
    field: &'static str,
) -> Result<()> {
    let bad = || {
        Error::invalid(
            field,
            "invalid_media",
            "Upload the picture first, then use the id you got back.",
        )
    };
    if !is_media_id(id) {
        return Err(bad());
    }
    let uploaded: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM media_uploads WHERE media_id = ?1 AND user_id = ?2)",
        params![id, user],
        |r| r.get(0),
    )?;
    if uploaded {
        return Ok(());
    }
    if let Some(story) = story {
        let used: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?1 AND cover_media_id = ?2)
                 OR EXISTS (SELECT 1 FROM pages WHERE story_id = ?1 AND (thumb_media_id = ?2 OR background_media_id = ?2))",
            params![story, id],
            |r| r.get(0),
        )?;
        if used {
            return Ok(());
        }
    }
    Err(bad())
}

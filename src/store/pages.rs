//! SQL for pages: loading them for the reader and editor, adding them, keeping positions and
//! the story's page count right, and checking the pictures a page refers to.

use rusqlite::{Connection, params};
use serde::Serialize;
use serde_json::Value;
use serde_json::value::RawValue;

use super::media::{self, Signer};
use crate::error::{Error, Result};

/// One page as the reader and editor get it.
#[derive(Debug, Serialize)]
pub struct PageView {
    pub id: i64,
    pub position: i64,
    pub text: String,
    pub drawing: Option<Box<RawValue>>,
    pub thumbnail: Option<Value>,
    /// The photo or picture under the drawing (`drawing.background_media`), with a link.
    pub background: Option<Value>,
    pub version: i64,
    pub updated_at: String,
}

/// Loads the pages of a story in order.
pub fn pages(
    conn: &Connection,
    keys: &dyn Signer,
    story: i64,
    public: bool,
) -> rusqlite::Result<Vec<PageView>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, position, text, drawing, thumb_media_id, version, updated_at, background_media_id
         FROM pages WHERE story_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([story], |r| {
        let drawing: Option<String> = r.get(3)?;
        let thumb: Option<String> = r.get(4)?;
        let background: Option<String> = r.get(7)?;
        Ok(PageView {
            id: r.get(0)?,
            position: r.get(1)?,
            text: r.get(2)?,
            drawing: drawing.and_then(|d| RawValue::from_string(d).ok()),
            thumbnail: thumb.map(|t| media::reference(keys, &t, public)),
            background: background.map(|b| media::reference(keys, &b, public)),
            version: r.get(5)?,
            updated_at: crate::time::rfc3339(r.get(6)?),
        })
    })?;
    rows.collect()
}

/// Loads one page of a story.
pub fn page(
    conn: &Connection,
    keys: &dyn Signer,
    story: i64,
    page_id: i64,
    public: bool,
) -> Result<PageView> {
    pages(conn, keys, story, public)?
        .into_iter()
        .find(|p| p.id == page_id)
        .ok_or_else(|| Error::not_found("page_not_found", "That page is not in this story."))
}

/// Page content ready to store (validated and filtered).
#[derive(Debug, Clone, Default)]
pub struct PageContent {
    pub text: Option<String>,
    /// `Some(None)` clears the drawing.
    pub drawing: Option<Option<String>>,
    pub background: Option<Option<String>>,
    pub thumb: Option<Option<String>>,
}

/// Inserts a page at `position`, moving later pages down.
pub fn insert_page(
    tx: &Connection,
    story: i64,
    position: i64,
    c: &PageContent,
    now: i64,
) -> rusqlite::Result<i64> {
    tx.execute(
        "UPDATE pages SET position = position + 1 WHERE story_id = ?1 AND position >= ?2",
        params![story, position],
    )?;
    tx.execute(
        "INSERT INTO pages (story_id, position, text, drawing, background_media_id, thumb_media_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            story,
            position,
            c.text.clone().unwrap_or_default(),
            c.drawing.clone().flatten(),
            c.background.clone().flatten(),
            c.thumb.clone().flatten(),
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    recount_pages(tx, story, now)?;
    Ok(id)
}

/// Keeps `page_count` true and bumps the story's version (its structure changed).
pub fn recount_pages(tx: &Connection, story: i64, now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE stories SET page_count = (SELECT count(*) FROM pages WHERE story_id = ?1), version = version + 1, updated_at = ?2 WHERE id = ?1",
        params![story, now],
    )?;
    Ok(())
}

/// Makes positions 0..n in the current order.
pub fn compact_positions(tx: &Connection, story: i64) -> rusqlite::Result<()> {
    let ids: Vec<i64> = tx
        .prepare("SELECT id FROM pages WHERE story_id = ?1 ORDER BY position, id")?
        .query_map([story], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for (i, id) in ids.iter().enumerate() {
        tx.execute(
            "UPDATE pages SET position = ?2 WHERE id = ?1",
            params![id, i as i64],
        )?;
    }
    Ok(())
}

/// Checks the pictures a page refers to (inside the write transaction).
pub fn check_page_media(
    tx: &rusqlite::Connection,
    user: i64,
    story: Option<i64>,
    c: &PageContent,
) -> Result<()> {
    if let Some(Some(id)) = &c.thumb {
        media::check_usable(tx, user, id, story, "thumbnail_media_id")?;
    }
    if let Some(Some(id)) = &c.background {
        media::check_usable(tx, user, id, story, "drawing")?;
    }
    Ok(())
}

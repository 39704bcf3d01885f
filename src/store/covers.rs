//! Made covers: what the first drawn page of a visible story looks like (see `domain::cover`).

use rusqlite::{Connection, OptionalExtension};

use crate::domain::cover::{self, Photo};
use crate::domain::drawing::Drawing;

/// The version a made cover has (the story's `updated_at`), when anyone may see it: the story is
/// published and not hidden, and its author picked no cover.
pub fn version(c: &Connection, story: i64) -> rusqlite::Result<Option<i64>> {
    c.query_row(
        "SELECT updated_at FROM stories
         WHERE id = ?1 AND status = 'published' AND hidden = 0 AND cover_media_id IS NULL",
        [story],
        |r| r.get(0),
    )
    .optional()
}

/// The made cover of `story` as SVG, when anyone may see it: its first drawn page, or a title
/// card when no page has a drawing.
pub fn render(c: &Connection, story: i64) -> rusqlite::Result<Option<String>> {
    let Some((title, genres)): Option<(String, String)> = c
        .query_row(
            "SELECT title, genres FROM stories
             WHERE id = ?1 AND status = 'published' AND hidden = 0 AND cover_media_id IS NULL",
            [story],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
    else {
        return Ok(None);
    };
    let page: Option<(String, Option<String>)> = c
        .query_row(
            "SELECT drawing, background_media_id FROM pages
             WHERE story_id = ?1 AND drawing IS NOT NULL ORDER BY position LIMIT 1",
            [story],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    // Drawings were validated when saved; one that no longer parses gets the title card.
    if let Some((doc, background)) = page
        && let Ok(drawing) = serde_json::from_str::<Drawing>(&doc)
    {
        let photo: Option<(String, Vec<u8>)> = match background {
            Some(id) => c
                .query_row("SELECT mime, bytes FROM media WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?,
            None => None,
        };
        let photo = photo.as_ref().map(|(mime, bytes)| Photo { mime, bytes });
        return Ok(Some(cover::from_drawing(&drawing, photo)));
    }
    let genre: Option<String> = serde_json::from_str::<Vec<String>>(&genres)
        .ok()
        .and_then(|g| g.into_iter().next());
    Ok(Some(cover::title_card(story, &title, genre.as_deref())))
}

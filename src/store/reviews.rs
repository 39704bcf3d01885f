//! Publishing approval: in a class that asks for it, a child's story waits for the teacher
//! before anyone else can read it. Until then it stays a draft with a `story_reviews` row; the
//! teacher approves (it is published, see `actions::publish_approved`) or returns it with a note.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

use crate::db::Tx;
use crate::store::notifications::notify;

/// The class (and its teacher) whose approval a story by `authors` needs, if any: an author who
/// is a child in an active class that asks for approval (a co-author counts as much as the
/// owner, so a class child's words cannot reach the library through a friend outside it).
/// With several, the oldest class decides.
pub fn gate(c: &Connection, authors: &[i64]) -> rusqlite::Result<Option<(i64, i64)>> {
    let mut stmt = c.prepare_cached(
        "SELECT c.id, c.teacher_id FROM class_members m JOIN classes c ON c.id = m.class_id
           JOIN users u ON u.id = m.user_id
           JOIN users t ON t.id = c.teacher_id
          WHERE m.user_id = ?1 AND u.role = 'child' AND c.needs_approval = 1
            AND (c.archived_at IS NULL OR m.managed = 1)
            AND t.pending_approval = 0 AND t.status = 'active'
          ORDER BY c.id LIMIT 1",
    )?;
    for a in authors {
        if let Some(found) = stmt
            .query_row([a], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
        {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// Puts a story in its class's waiting list (again, if it was returned) and tells the teacher.
pub fn submit(
    tx: &Tx<'_>,
    story: i64,
    author: i64,
    title: &str,
    (class, teacher): (i64, i64),
    now: i64,
) -> rusqlite::Result<()> {
    let already: Option<String> = tx
        .query_row(
            "SELECT status FROM story_reviews WHERE story_id = ?1",
            [story],
            |r| r.get(0),
        )
        .optional()?;
    if already.as_deref() == Some("waiting") {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO story_reviews (story_id, class_id, status, note, submitted_at) VALUES (?1, ?2, 'waiting', '', ?3)
         ON CONFLICT (story_id) DO UPDATE SET class_id = excluded.class_id, status = 'waiting',
             note = '', submitted_at = excluded.submitted_at, decided_at = NULL",
        params![story, class, now],
    )?;
    notify(
        tx,
        teacher,
        "story_review",
        Some(author),
        Some(("story", story)),
        &json!({ "title": title }),
    )?;
    Ok(())
}

/// What a story's content is now, as a short string: its version and every page's id, version
/// and place. Any change to the title, cover, text, drawings or pages changes it, so an approval
/// names exactly the content the teacher read.
pub fn fingerprint(c: &Connection, story: i64) -> rusqlite::Result<Option<String>> {
    c.prepare_cached(
        "SELECT s.version || ':' || coalesce((SELECT group_concat(id || '.' || version || '.' || position, ',')
                                              FROM (SELECT id, version, position FROM pages
                                                     WHERE story_id = s.id ORDER BY position)), '')
           FROM stories s WHERE s.id = ?1",
    )?
    .query_row([story], |r| r.get(0))
    .optional()
}

/// A story's review: (class, status, note), if it has one.
pub fn of_story(c: &Connection, story: i64) -> rusqlite::Result<Option<(i64, String, String)>> {
    c.query_row(
        "SELECT class_id, status, note FROM story_reviews WHERE story_id = ?1",
        [story],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()
}

/// True when `teacher` runs the class a story waits in (or was returned from).
pub fn reviewed_by(c: &Connection, story: i64, teacher: i64) -> rusqlite::Result<bool> {
    c.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM story_reviews r JOIN classes c ON c.id = r.class_id
                          JOIN users t ON t.id = c.teacher_id
                          JOIN stories s ON s.id = r.story_id
                          JOIN class_members m ON m.class_id = c.id AND m.user_id = s.author_id
                         WHERE r.story_id = ?1 AND c.teacher_id = ?2 AND t.pending_approval = 0)",
    )?
    .query_row(params![story, teacher], |r| r.get(0))
}

/// The stories waiting in a class, oldest first.
pub fn waiting(c: &Connection, class: i64) -> rusqlite::Result<Vec<Value>> {
    c.prepare_cached(
        "SELECT s.id, s.title, r.submitted_at, u.id, p.display_name, p.avatar_emoji,
                (SELECT count(*) FROM pages WHERE story_id = s.id)
           FROM story_reviews r JOIN stories s ON s.id = r.story_id
           JOIN users u ON u.id = s.author_id JOIN profiles p ON p.user_id = u.id
          WHERE r.class_id = ?1 AND r.status = 'waiting'
          ORDER BY r.submitted_at, s.id",
    )?
    .query_map([class], |r| {
        Ok(json!({
            "story": { "id": r.get::<_, i64>(0)?, "title": r.get::<_, String>(1)?, "page_count": r.get::<_, i64>(6)? },
            "class_id": class,
            "submitted_at": r.get::<_, i64>(2)?,
            "author": { "id": r.get::<_, i64>(3)?, "display_name": r.get::<_, String>(4)?,
                        "avatar_emoji": r.get::<_, String>(5)? },
        }))
    })?
    .collect()
}

/// The teacher sends a story back with a note; the child is told.
pub fn send_back(
    tx: &Tx<'_>,
    story: i64,
    teacher: i64,
    author: i64,
    title: &str,
    note: &str,
    now: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE story_reviews SET status = 'returned', note = ?2, decided_at = ?3 WHERE story_id = ?1",
        params![story, note, now],
    )?;
    notify(
        tx,
        author,
        "story_returned",
        Some(teacher),
        Some(("story", story)),
        &json!({ "title": title, "note": note }),
    )?;
    Ok(())
}

/// The review is over (approved, or the author took the story back to edit).
pub fn clear(tx: &Connection, story: i64) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM story_reviews WHERE story_id = ?1", [story])?;
    Ok(())
}

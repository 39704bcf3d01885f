//! SQL for stories and pages: who may do what, loading the reader's view, page positions,
//! counters and the search index.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::{Value, json};

use super::media::{self, Signer};
use super::pages::pages;
use crate::domain::accounts::{AuthUser, Role};
use crate::domain::story::rating_score;
use crate::error::{Error, Result};

/// The columns access decisions need.
#[derive(Debug, Clone)]
pub struct Meta {
    pub id: i64,
    pub author_id: i64,
    pub status: String,
    pub hidden: bool,
    pub title: String,
    pub language: String,
    pub version: i64,
    pub page_count: i64,
}

impl Meta {
    /// Published and not hidden by a moderator.
    pub fn is_public(&self) -> bool {
        self.status == "published" && !self.hidden
    }
}

/// How the caller relates to a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Owner,
    Coauthor,
    Admin,
    Reader,
}

impl Relation {
    /// Owner or co-author.
    pub fn is_author(self) -> bool {
        matches!(self, Relation::Owner | Relation::Coauthor)
    }
}

/// What an action needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Read,
    Edit,
    Own,
}

fn not_found() -> Error {
    Error::not_found("story_not_found", "We could not find that story.")
}

/// Loads the access columns.
pub fn meta(conn: &Connection, id: i64) -> rusqlite::Result<Option<Meta>> {
    conn.prepare_cached(
        "SELECT id, author_id, status, hidden, title, language, version, page_count FROM stories WHERE id = ?1",
    )?
    .query_row([id], |r| {
        Ok(Meta {
            id: r.get(0)?,
            author_id: r.get(1)?,
            status: r.get(2)?,
            hidden: r.get::<_, i64>(3)? != 0,
            title: r.get(4)?,
            language: r.get(5)?,
            version: r.get(6)?,
            page_count: r.get(7)?,
        })
    })
    .optional()
}

/// The owner first, then co-authors.
pub fn authors(conn: &Connection, story: i64, owner: i64) -> rusqlite::Result<Vec<i64>> {
    let mut out = vec![owner];
    let mut stmt = conn.prepare_cached(
        "SELECT user_id FROM story_authors WHERE story_id = ?1 ORDER BY added_at",
    )?;
    for id in stmt.query_map([story], |r| r.get::<_, i64>(0))? {
        out.push(id?);
    }
    Ok(out)
}

/// Everyone who has written in `story`: its authors now, and co-authors who have left (an
/// accepted invitation stays on record), so leaving cannot take a child's words out of view.
pub fn contributors(conn: &Connection, story: i64, owner: i64) -> rusqlite::Result<Vec<i64>> {
    let mut out = authors(conn, story, owner)?;
    let mut stmt = conn.prepare_cached(
        "SELECT invitee_id FROM coauthor_invites WHERE story_id = ?1 AND status = 'accepted'",
    )?;
    for id in stmt.query_map([story], |r| r.get::<_, i64>(0))? {
        let id = id?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(out)
}

/// True when `user` writes `story` with its owner.
pub fn is_coauthor(conn: &Connection, story: i64, user: i64) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM story_authors WHERE story_id = ?1 AND user_id = ?2)",
    )?
    .query_row(params![story, user], |r| r.get(0))
}

/// Finds a story and checks the caller may `need` it: invisible stories are 404 (drafts do not
/// leak), visible ones the caller may not change are 403.
pub fn require(
    conn: &Connection,
    id: i64,
    user: Option<&AuthUser>,
    need: Need,
) -> Result<(Meta, Relation)> {
    let m = meta(conn, id)?.ok_or_else(not_found)?;
    let relation = match user {
        Some(u) if u.id == m.author_id => Some(Relation::Owner),
        Some(u) => {
            if is_coauthor(conn, id, u.id)? {
                Some(Relation::Coauthor)
            } else if u.role == Role::Admin && m.status == "published" {
                // Moderators see published stories, hidden ones too; drafts stay with their authors.
                Some(Relation::Admin)
            } else if m.is_public() {
                Some(Relation::Reader)
            } else if u.role == Role::Teacher && super::reviews::reviewed_by(conn, id, u.id)? {
                // The teacher reads a story waiting for (or returned after) their approval.
                Some(Relation::Reader)
            } else {
                None
            }
        }
        None if m.is_public() => Some(Relation::Reader),
        None => None,
    };
    let relation = relation.ok_or_else(not_found)?;
    match need {
        Need::Read => {}
        Need::Edit if !relation.is_author() => {
            return Err(Error::forbidden(
                "not_author",
                "Only the story's authors can change it.",
            ));
        }
        Need::Own if relation != Relation::Owner => {
            return Err(Error::forbidden(
                "owner_only",
                "Only the person who started this story can do that.",
            ));
        }
        _ => {}
    }
    Ok((m, relation))
}

/// A person in an answer others can read: display name and avatar, never the username (a
/// child's username is how a stranger would ask for them).
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub id: i64,
    pub display_name: String,
    pub avatar_emoji: String,
}

/// Loads a person card.
pub fn person(conn: &Connection, id: i64) -> rusqlite::Result<Option<Person>> {
    conn.prepare_cached(
        "SELECT u.id, p.display_name, p.avatar_emoji FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.id = ?1",
    )?
    .query_row([id], |r| Ok(Person { id: r.get(0)?, display_name: r.get(1)?, avatar_emoji: r.get(2)? }))
    .optional()
}

/// The whole story for the reader (or the editor).
pub fn story_json(
    conn: &Connection,
    keys: &dyn Signer,
    m: &Meta,
    relation: Relation,
    viewer: Option<i64>,
) -> Result<Value> {
    let row = conn
        .prepare_cached(
            "SELECT summary, genres, cover_media_id, collaborative, created_at, updated_at, published_at,
                    like_count, save_count, comment_count, view_count, rating_count, rating_sum
             FROM stories WHERE id = ?1",
        )?
        .query_row([m.id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, Option<i64>>(6)?,
                [r.get::<_, i64>(7)?, r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?],
            ))
        })?;
    let (
        summary,
        genres,
        cover,
        collaborative,
        created,
        updated,
        published,
        [likes, saves, comments, views, rc, rs],
    ) = row;
    let public = m.is_public();
    let all_authors = authors(conn, m.id, m.author_id)?;
    let author = person(conn, m.author_id)?;
    let mut coauthors = Vec::new();
    for id in all_authors.iter().skip(1) {
        if let Some(p) = person(conn, *id)? {
            coauthors.push(p);
        }
    }
    let viewer_json = match viewer {
        None => Value::Null,
        Some(uid) => {
            let (liked, saved, rating): (bool, bool, Option<i64>) = conn
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM likes WHERE story_id = ?1 AND user_id = ?2),
                        EXISTS (SELECT 1 FROM saves WHERE story_id = ?1 AND user_id = ?2),
                        (SELECT value FROM ratings WHERE story_id = ?1 AND user_id = ?2)",
                )?
                .query_row(params![m.id, uid], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
            let progress: Option<(Option<i64>, i64)> = conn
                .prepare_cached("SELECT page_id, finished FROM reading_progress WHERE user_id = ?1 AND story_id = ?2")?
                .query_row(params![uid, m.id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            json!({
                "liked": liked,
                "saved": saved,
                "rating": rating,
                "is_author": relation.is_author(),
                "is_owner": relation == Relation::Owner,
                "progress": progress.map(|(page_id, finished)| json!({ "page_id": page_id, "finished": finished != 0 })),
            })
        }
    };
    Ok(json!({
        "id": m.id,
        "title": m.title,
        "summary": summary,
        "genres": serde_json::from_str::<Value>(&genres).unwrap_or(json!([])),
        "language": m.language,
        "status": m.status,
        "hidden": m.hidden,
        "collaborative": collaborative != 0,
        "cover": cover.map(|c| media::reference(keys, &c, public)),
        "author": author,
        "coauthors": coauthors,
        "version": m.version,
        "created_at": crate::time::rfc3339(created),
        "updated_at": crate::time::rfc3339(updated),
        "published_at": published.map(crate::time::rfc3339),
        "counts": { "pages": m.page_count, "likes": likes, "saves": saves, "comments": comments, "views": views },
        "rating": rating_json(rs, rc),
        "pages": pages(conn, keys, m.id, public)?,
        "viewer": viewer_json,
        "review": if public { Value::Null } else {
            match super::reviews::of_story(conn, m.id)? {
                None => Value::Null,
                Some((class, status, note)) => json!({
                    "status": status, "note": note, "class_id": class,
                    "fingerprint": super::reviews::fingerprint(conn, m.id)?,
                }),
            }
        },
    }))
}

/// `{average, count}` with the average to one decimal (null without ratings).
pub fn rating_json(sum: i64, count: i64) -> Value {
    let average = (count > 0).then(|| ((sum as f64 / count as f64) * 10.0).round() / 10.0);
    json!({ "average": average, "count": count })
}

/// Puts the story in the search index if it is public, or takes it out.
pub fn sync_search(tx: &Connection, story: i64) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM story_fts WHERE rowid = ?1", [story])?;
    tx.execute(
        "INSERT INTO story_fts (rowid, title, summary, body, author)
         SELECT s.id, s.title, s.summary,
                (SELECT group_concat(text, char(10)) FROM (SELECT text FROM pages WHERE story_id = s.id ORDER BY position)),
                p.display_name
         FROM stories s JOIN profiles p ON p.user_id = s.author_id
         WHERE s.id = ?1 AND s.status = 'published' AND s.hidden = 0",
        [story],
    )?;
    Ok(())
}

/// Recomputes the rating columns from the ratings table.
pub fn refresh_rating(tx: &Connection, story: i64) -> rusqlite::Result<(i64, i64)> {
    let (sum, count): (i64, i64) = tx.query_row(
        "SELECT coalesce(sum(value), 0), count(*) FROM ratings WHERE story_id = ?1",
        [story],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    tx.execute(
        "UPDATE stories SET rating_sum = ?2, rating_count = ?3, rating_score = ?4 WHERE id = ?1",
        params![story, sum, count, rating_score(sum, count)],
    )?;
    Ok((sum, count))
}

/// Before a user is deleted: take their reactions off other people's counters and their stories
/// out of the search index (the rows themselves go by cascade).
pub fn detach_user(tx: &Connection, user: i64) -> rusqlite::Result<()> {
    let month_ago = crate::time::now() - 30 * 86_400;
    tx.execute(
        "UPDATE stories SET like_count = like_count - 1,
                likes_recent = likes_recent - (SELECT created_at > ?2 FROM likes WHERE story_id = stories.id AND user_id = ?1)
         WHERE id IN (SELECT story_id FROM likes WHERE user_id = ?1)",
        params![user, month_ago],
    )?;
    tx.execute("UPDATE stories SET save_count = save_count - 1 WHERE id IN (SELECT story_id FROM saves WHERE user_id = ?1)", [user])?;
    tx.execute(
        "UPDATE stories SET comment_count = comment_count - (SELECT count(*) FROM comments c WHERE c.story_id = stories.id AND c.author_id = ?1 AND c.hidden = 0)
         WHERE id IN (SELECT story_id FROM comments WHERE author_id = ?1)",
        [user],
    )?;
    let rated: Vec<i64> = tx
        .prepare("SELECT story_id FROM ratings WHERE user_id = ?1")?
        .query_map([user], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute("DELETE FROM ratings WHERE user_id = ?1", [user])?;
    for story in rated {
        refresh_rating(tx, story)?;
    }
    tx.execute(
        "DELETE FROM story_fts WHERE rowid IN (SELECT id FROM stories WHERE author_id = ?1)",
        [user],
    )?;
    Ok(())
}

/// Refreshes every author line in the search index after a name change.
pub fn resync_author(tx: &Connection, user: i64) -> rusqlite::Result<()> {
    let ids: Vec<i64> = tx
        .prepare("SELECT id FROM stories WHERE author_id = ?1 AND status = 'published'")?
        .query_map([user], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        sync_search(tx, id)?;
    }
    Ok(())
}

/// Recomputes `likes_recent` (likes in the last 30 days) for every story; run daily.
pub fn refresh_recent_likes(tx: &Connection, now: i64) -> rusqlite::Result<usize> {
    tx.execute(
        "UPDATE stories SET likes_recent = (SELECT count(*) FROM likes WHERE story_id = stories.id AND created_at > ?1)
         WHERE likes_recent != (SELECT count(*) FROM likes WHERE story_id = stories.id AND created_at > ?1)",
        [now - 30 * 86_400],
    )
}

pub fn may_change(tx: &Connection, id: i64, user: &AuthUser) -> Result<i64> {
    let found: Option<(i64, i64)> = tx
        .query_row(
            "SELECT author_id, story_id FROM comments WHERE id = ?1 AND hidden = 0",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (author, story) = found
        .ok_or_else(|| Error::not_found("comment_not_found", "We could not find that comment."))?;
    // The story must still be visible to the caller (no reaching into hidden drafts by comment id).
    require(tx, story, Some(user), Need::Read)?;
    if author != user.id && user.role != Role::Admin {
        return Err(Error::forbidden(
            "not_your_comment",
            "Only the person who wrote a comment can change it.",
        ));
    }
    Ok(story)
}

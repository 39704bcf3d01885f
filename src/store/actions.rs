//! What one action sets off, in one place and in the caller's transaction: the row itself,
//! then the story's counters and search, then who hears about it and what it earns. Each
//! function reads top to bottom; the building blocks (XP, achievements, notifications) live in
//! `rewards` and `notifications`. Access checks happen before these are called.

use rusqlite::params;

use super::stories::{self, Meta};
use super::{games, rewards};
use crate::db::Tx;
use crate::domain::games::Checked;
use crate::error::{Error, Result};

/// A reader likes a published story; false when they already did (nothing else happens then).
pub fn like(tx: &Tx<'_>, story: &Meta, liker: i64, now: i64) -> Result<bool> {
    // The like, and the counters the library sorts by.
    let added = tx.execute(
        "INSERT OR IGNORE INTO likes (story_id, user_id, created_at) VALUES (?1, ?2, ?3)",
        params![story.id, liker, now],
    )? > 0;
    if !added {
        return Ok(false);
    }
    tx.execute(
        "UPDATE stories SET like_count = like_count + 1, likes_recent = likes_recent + 1 WHERE id = ?1",
        [story.id],
    )?;
    // Each author is paid once per reader, hears about it, and may earn an achievement.
    let authors = stories::authors(tx, story.id, story.author_id)?;
    rewards::on_like(tx, story.id, &story.title, &authors, liker)?;
    Ok(true)
}

/// A reader comments on a published story (the text is already checked); returns its id.
pub fn comment(tx: &Tx<'_>, story: &Meta, commenter: i64, text: &str, now: i64) -> Result<i64> {
    // The comment, and the story's count.
    tx.execute(
        "INSERT INTO comments (story_id, author_id, text, masked, created_at, updated_at) VALUES (?1, ?2, ?3, 0, ?4, ?4)",
        params![story.id, commenter, text, now],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "UPDATE stories SET comment_count = comment_count + 1 WHERE id = ?1",
        [story.id],
    )?;
    // The authors hear about every comment; the commenter is paid for their first per story
    // (never under their own).
    let authors = stories::authors(tx, story.id, story.author_id)?;
    rewards::on_comment(tx, story.id, &story.title, &authors, commenter, id)?;
    Ok(id)
}

/// What asking to publish did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publish {
    /// The story is in the library.
    Published,
    /// The author's class asks for approval: the story waits for the teacher.
    Waiting,
}

/// An author publishes a draft (publishing again changes nothing). In a class that asks for
/// approval, the story waits for the teacher instead.
pub fn publish(tx: &Tx<'_>, story: &Meta, now: i64) -> Result<Publish> {
    if story.status == "published" {
        return Ok(Publish::Published);
    }
    require_content(tx, story.id)?;
    let writers = stories::contributors(tx, story.id, story.author_id)?;
    if let Some(class) = super::reviews::gate(tx, &writers)? {
        super::reviews::submit(tx, story.id, story.author_id, &story.title, class, now)?;
        return Ok(Publish::Waiting);
    }
    publish_approved(tx, story, now)?;
    Ok(Publish::Published)
}

/// A published story changed by an author whose class asks for approval goes back to the
/// teacher: what others read is always what the teacher approved. True when that happened.
pub fn edited(tx: &Tx<'_>, story: &Meta, now: i64) -> Result<bool> {
    if story.status != "published" {
        return Ok(false);
    }
    let writers = stories::contributors(tx, story.id, story.author_id)?;
    let Some(class) = super::reviews::gate(tx, &writers)? else {
        return Ok(false);
    };
    tx.execute(
        "UPDATE stories SET status = 'draft', updated_at = ?2 WHERE id = ?1",
        params![story.id, now],
    )?;
    stories::sync_search(tx, story.id)?;
    super::reviews::submit(tx, story.id, story.author_id, &story.title, class, now)?;
    Ok(true)
}

fn require_content(tx: &Tx<'_>, story: i64) -> Result<()> {
    let has_content: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM pages WHERE story_id = ?1 AND (text != '' OR drawing IS NOT NULL))",
        [story],
        |r| r.get(0),
    )?;
    if !has_content {
        return Err(Error::invalid(
            "pages",
            "story_empty",
            "Write or draw something on a page first.",
        ));
    }
    Ok(())
}

/// Puts a story in the library with no approval asked (the teacher's approval calls this).
pub fn publish_approved(tx: &Tx<'_>, story: &Meta, now: i64) -> Result<()> {
    if story.status == "published" {
        return Ok(());
    }
    require_content(tx, story.id)?;
    super::reviews::clear(tx, story.id)?;
    // The story goes into the library: its status, its search entry and its games.
    tx.execute(
        "UPDATE stories SET status = 'published', published_at = coalesce(published_at, ?2), updated_at = ?2 WHERE id = ?1",
        params![story.id, now],
    )?;
    stories::sync_search(tx, story.id)?;
    games::ensure(tx, story.id)?;
    // Every author is paid once per story (within the daily cap), shows in friends' feeds and
    // may earn achievements.
    let authors = stories::authors(tx, story.id, story.author_id)?;
    rewards::on_story_published(tx, story.id, &authors, &story.language, story.page_count)?;
    Ok(())
}

/// What a game attempt earned.
pub struct Played {
    /// The player's first attempt at this game.
    pub first_time: bool,
    /// Every answer right.
    pub perfect: bool,
    /// XP paid for it.
    pub xp: i64,
    /// Achievements it completed.
    pub earned: Vec<&'static str>,
}

/// A player's checked attempt at a game.
pub fn game_result(
    tx: &Tx<'_>,
    game: i64,
    player: i64,
    checked: &Checked,
    now: i64,
) -> Result<Played> {
    // The attempt itself (every one is kept for the player's figures).
    let first_time: bool = !tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM game_attempts WHERE game_id = ?1 AND user_id = ?2)",
        params![game, player],
        |r| r.get::<_, bool>(0),
    )?;
    tx.execute(
        "INSERT INTO game_attempts (game_id, user_id, score, total, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![game, player, checked.score as i64, checked.total as i64, now],
    )?;
    // The first attempt and the first perfect score pay once each, and may earn achievements.
    let perfect = checked.total > 0 && checked.score == checked.total;
    let (xp, earned) = rewards::on_game(tx, player, game, perfect)?;
    Ok(Played {
        first_time,
        perfect,
        xp,
        earned,
    })
}

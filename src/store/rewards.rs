//! XP, stats and achievements as they happen, inside the transaction of the event itself.
//!
//! Every event goes through [`award`], whose ledger key makes a second payment impossible, and
//! ends with [`settle`], which records newly reached achievements (each pays XP, notifies and
//! shows in friends' feeds) until nothing new is earned.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;

use crate::db::Tx;
use crate::domain::accounts::level_for_xp;
use crate::domain::rewards::{self, PUBLISH_REWARDS_PER_DAY, Reason, Stats, newly_earned};
use crate::store::notifications::notify;

/// Days since the epoch (UTC), for streaks and daily caps.
pub fn day_of(secs: i64) -> i64 {
    secs.div_euclid(86_400)
}

/// Records an activity for friends' feeds.
pub fn activity(
    tx: &Tx<'_>,
    actor: i64,
    kind: &str,
    story: Option<i64>,
    data: &serde_json::Value,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO activities (actor_id, kind, story_id, data, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![actor, kind, story, data.to_string(), crate::time::now()],
    )?;
    Ok(())
}

/// Pays `amount` XP for (user, reason, object) once; returns whether this was the first time.
/// A level-up notifies the user and shows in friends' feeds.
pub fn award(
    tx: &Tx<'_>,
    user: i64,
    reason: Reason,
    object: &str,
    amount: i64,
) -> rusqlite::Result<bool> {
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO xp_ledger (user_id, reason, object, amount, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![user, reason.as_str(), object, amount, crate::time::now()],
    )? > 0;
    if inserted && amount > 0 {
        let before: i64 =
            tx.query_row("SELECT xp FROM profiles WHERE user_id = ?1", [user], |r| {
                r.get(0)
            })?;
        tx.execute(
            "UPDATE profiles SET xp = xp + ?2 WHERE user_id = ?1",
            params![user, amount],
        )?;
        let (old, new) = (level_for_xp(before), level_for_xp(before + amount));
        if new > old {
            notify(
                tx,
                user,
                "level_up",
                None,
                None,
                &json!({ "level": new, "borders": rewards::borders_for(new) }),
            )?;
            activity(tx, user, "level_up", None, &json!({ "level": new }))?;
        }
    }
    Ok(inserted)
}

fn ensure_stats(tx: &Tx<'_>, user: i64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO user_stats (user_id) VALUES (?1)",
        [user],
    )?;
    Ok(())
}

/// Adds `delta` to one stats counter.
fn bump(tx: &Tx<'_>, user: i64, column: Counter, delta: i64) -> rusqlite::Result<()> {
    ensure_stats(tx, user)?;
    let sql = match column {
        Counter::StoriesPublished => {
            "UPDATE user_stats SET stories_published = stories_published + ?2 WHERE user_id = ?1"
        }
        Counter::LikesReceived => {
            "UPDATE user_stats SET likes_received = likes_received + ?2 WHERE user_id = ?1"
        }
        Counter::CommentsWritten => {
            "UPDATE user_stats SET comments_written = comments_written + ?2 WHERE user_id = ?1"
        }
        Counter::StoriesFinished => {
            "UPDATE user_stats SET stories_finished = stories_finished + ?2 WHERE user_id = ?1"
        }
        Counter::RatingsGiven => {
            "UPDATE user_stats SET ratings_given = ratings_given + ?2 WHERE user_id = ?1"
        }
        Counter::FriendsMade => {
            "UPDATE user_stats SET friends_made = friends_made + ?2 WHERE user_id = ?1"
        }
        Counter::GamesPlayed => {
            "UPDATE user_stats SET games_played = games_played + ?2 WHERE user_id = ?1"
        }
        Counter::PerfectGames => {
            "UPDATE user_stats SET perfect_games = perfect_games + ?2 WHERE user_id = ?1"
        }
    };
    tx.execute(sql, params![user, delta])?;
    Ok(())
}

#[derive(Clone, Copy)]
enum Counter {
    StoriesPublished,
    LikesReceived,
    CommentsWritten,
    StoriesFinished,
    RatingsGiven,
    FriendsMade,
    GamesPlayed,
    PerfectGames,
}

/// A user's stats (zeroes when none are recorded yet).
pub fn stats(conn: &Connection, user: i64) -> rusqlite::Result<Stats> {
    let xp: i64 = conn
        .query_row("SELECT xp FROM profiles WHERE user_id = ?1", [user], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or(0);
    let s = conn
        .query_row(
            "SELECT stories_published, likes_received, comments_written, stories_finished, ratings_given,
                    friends_made, longest_story, languages_mask, read_streak, best_streak,
                    games_played, perfect_games
             FROM user_stats WHERE user_id = ?1",
            [user],
            |r| {
                Ok(Stats {
                    stories_published: r.get(0)?,
                    likes_received: r.get(1)?,
                    comments_written: r.get(2)?,
                    stories_finished: r.get(3)?,
                    ratings_given: r.get(4)?,
                    friends_made: r.get(5)?,
                    longest_story: r.get(6)?,
                    languages_mask: r.get(7)?,
                    read_streak: r.get(8)?,
                    best_streak: r.get(9)?,
                    games_played: r.get(10)?,
                    perfect_games: r.get(11)?,
                    xp,
                })
            },
        )
        .optional()?;
    Ok(s.unwrap_or(Stats {
        xp,
        ..Default::default()
    }))
}

/// Achievement ids a user has earned.
pub fn earned(conn: &Connection, user: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT achievement_id FROM user_achievements WHERE user_id = ?1")?;
    stmt.query_map([user], |r| r.get(0))?.collect()
}

/// Records every achievement the user now qualifies for; returns their ids.
pub fn settle(tx: &Tx<'_>, user: i64) -> rusqlite::Result<Vec<&'static str>> {
    let mut all = Vec::new();
    // Achievement XP can raise the level, which can earn a level achievement: repeat until calm.
    for _ in 0..4 {
        let s = stats(tx, user)?;
        let new = newly_earned(&s, &earned(tx, user)?);
        if new.is_empty() {
            break;
        }
        for a in new {
            tx.execute(
                "INSERT OR IGNORE INTO user_achievements (user_id, achievement_id, earned_at) VALUES (?1, ?2, ?3)",
                params![user, a.id, crate::time::now()],
            )?;
            let data = json!({ "achievement": a.id, "title": a.title_en, "title_tl": a.title_tl, "icon": a.icon, "xp": a.xp });
            notify(tx, user, "achievement", None, None, &data)?;
            activity(tx, user, "achievement_earned", None, &data)?;
            award(tx, user, Reason::Achievement, a.id, a.xp)?;
            all.push(a.id);
        }
    }
    Ok(all)
}

/// A story was published: each author is paid once per story (within the daily cap).
pub fn on_story_published(
    tx: &Tx<'_>,
    story: i64,
    authors: &[i64],
    language: &str,
    pages: i64,
) -> rusqlite::Result<()> {
    let today_start = day_of(crate::time::now()) * 86_400;
    let lang_bit = if language == "tl" { 2 } else { 1 };
    for &user in authors {
        let paid_today: i64 = tx.query_row(
            "SELECT count(*) FROM xp_ledger WHERE user_id = ?1 AND reason = 'story_published' AND created_at >= ?2 AND amount > 0",
            params![user, today_start],
            |r| r.get(0),
        )?;
        let amount = if paid_today < PUBLISH_REWARDS_PER_DAY {
            Reason::StoryPublished.amount()
        } else {
            0
        };
        if award(
            tx,
            user,
            Reason::StoryPublished,
            &format!("story:{story}"),
            amount,
        )? {
            bump(tx, user, Counter::StoriesPublished, 1)?;
            tx.execute(
                "UPDATE user_stats SET longest_story = max(longest_story, ?2), languages_mask = languages_mask | ?3 WHERE user_id = ?1",
                params![user, pages, lang_bit],
            )?;
            activity(tx, user, "story_published", Some(story), &json!({}))?;
        }
        settle(tx, user)?;
    }
    Ok(())
}

/// A like: authors hear about it and are paid the first time this reader likes this story.
pub fn on_like(
    tx: &Tx<'_>,
    story: i64,
    title: &str,
    authors: &[i64],
    liker: i64,
) -> rusqlite::Result<()> {
    for &author in authors.iter().filter(|&&a| a != liker) {
        if award(
            tx,
            author,
            Reason::LikeReceived,
            &format!("story:{story}:by:{liker}"),
            Reason::LikeReceived.amount(),
        )? {
            bump(tx, author, Counter::LikesReceived, 1)?;
            notify(
                tx,
                author,
                "story_liked",
                Some(liker),
                Some(("story", story)),
                &json!({ "title": title }),
            )?;
            settle(tx, author)?;
        }
    }
    Ok(())
}

/// A comment: authors hear about every one; the commenter is paid for the first per story.
pub fn on_comment(
    tx: &Tx<'_>,
    story: i64,
    title: &str,
    authors: &[i64],
    commenter: i64,
    comment: i64,
) -> rusqlite::Result<()> {
    for &author in authors {
        notify(
            tx,
            author,
            "story_commented",
            Some(commenter),
            Some(("story", story)),
            &json!({ "title": title, "comment_id": comment }),
        )?;
    }
    // Replying under your own story is welcome but earns nothing (no farming).
    if !authors.contains(&commenter)
        && award(
            tx,
            commenter,
            Reason::CommentWritten,
            &format!("story:{story}"),
            Reason::CommentWritten.amount(),
        )?
    {
        bump(tx, commenter, Counter::CommentsWritten, 1)?;
        settle(tx, commenter)?;
    }
    Ok(())
}

/// A rating: the first rating of a story by this reader notifies the authors and pays the reader.
pub fn on_rating(
    tx: &Tx<'_>,
    story: i64,
    title: &str,
    authors: &[i64],
    rater: i64,
    value: i64,
) -> rusqlite::Result<()> {
    if award(
        tx,
        rater,
        Reason::RatingGiven,
        &format!("story:{story}"),
        Reason::RatingGiven.amount(),
    )? {
        bump(tx, rater, Counter::RatingsGiven, 1)?;
        for &author in authors {
            notify(
                tx,
                author,
                "story_rated",
                Some(rater),
                Some(("story", story)),
                &json!({ "title": title, "value": value }),
            )?;
        }
        settle(tx, rater)?;
    }
    Ok(())
}

/// Reading: keeps the streak, and pays the first time a story is read to the end.
pub fn on_read(
    tx: &Tx<'_>,
    user: i64,
    story: i64,
    finished: bool,
    now: i64,
) -> rusqlite::Result<()> {
    let today = day_of(now);
    ensure_stats(tx, user)?;
    if tx.execute(
        "INSERT OR IGNORE INTO reading_days (user_id, day) VALUES (?1, ?2)",
        params![user, today],
    )? > 0
    {
        let (last, streak): (Option<i64>, i64) = tx.query_row(
            "SELECT last_read_day, read_streak FROM user_stats WHERE user_id = ?1",
            [user],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let next = rewards::next_streak(last, streak, today);
        tx.execute(
            "UPDATE user_stats SET read_streak = ?2, best_streak = max(best_streak, ?2), last_read_day = ?3 WHERE user_id = ?1",
            params![user, next, today],
        )?;
    }
    if finished
        && award(
            tx,
            user,
            Reason::StoryFinished,
            &format!("story:{story}"),
            Reason::StoryFinished.amount(),
        )?
    {
        bump(tx, user, Counter::StoriesFinished, 1)?;
    }
    settle(tx, user)?;
    Ok(())
}

/// Two people became friends.
pub fn on_friends(tx: &Tx<'_>, a: i64, b: i64) -> rusqlite::Result<()> {
    for (me, other) in [(a, b), (b, a)] {
        if award(
            tx,
            me,
            Reason::FriendAdded,
            &format!("user:{other}"),
            Reason::FriendAdded.amount(),
        )? {
            bump(tx, me, Counter::FriendsMade, 1)?;
        }
        settle(tx, me)?;
    }
    Ok(())
}

/// XP and counters for a game attempt: the first attempt at a game and the first perfect score
/// pay once each. Returns (XP paid, achievements earned).
pub fn on_game(
    tx: &Tx<'_>,
    user: i64,
    game: i64,
    perfect: bool,
) -> rusqlite::Result<(i64, Vec<&'static str>)> {
    let object = game.to_string();
    let mut xp = 0;
    if award(
        tx,
        user,
        Reason::GamePlayed,
        &object,
        Reason::GamePlayed.amount(),
    )? {
        xp += Reason::GamePlayed.amount();
        bump(tx, user, Counter::GamesPlayed, 1)?;
    }
    if perfect
        && award(
            tx,
            user,
            Reason::GamePerfect,
            &object,
            Reason::GamePerfect.amount(),
        )?
    {
        xp += Reason::GamePerfect.amount();
        bump(tx, user, Counter::PerfectGames, 1)?;
    }
    let earned = settle(tx, user)?;
    Ok((xp, earned))
}

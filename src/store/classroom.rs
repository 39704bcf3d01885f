//! SQL for the classroom: accounts a class looks after (its roster), the class sign-in page and
//! its hours, printed sign-in cards, and the end of the year.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::domain::accounts::Role;
use crate::domain::classroom::{Hours, SignIn};
use crate::domain::encoding::{random_bytes, random_token};
use crate::error::Result;
use crate::store::users::{self, NewUser};

/// A class's settings, as the sign-in page and the teacher's tools need them.
#[derive(Debug, Clone)]
pub struct ClassRow {
    pub id: i64,
    pub name: String,
    pub teacher_id: i64,
    pub teacher_name: String,
    pub archived: bool,
    pub needs_approval: bool,
    pub hours: Hours,
    /// The teacher's account is active and approved by an admin.
    pub teacher_ok: bool,
}

impl ClassRow {
    /// Whether children may sign in through the class page or a card at `now`.
    pub fn open_at(&self, now: i64) -> bool {
        !self.archived && self.teacher_ok && self.hours.open_at(now)
    }

    /// The settings part of the class's JSON.
    pub fn settings_json(&self, now: i64) -> Value {
        json!({
            "signin": self.hours.mode.as_str(),
            "hours_from": crate::domain::classroom::clock(self.hours.from),
            "hours_to": crate::domain::classroom::clock(self.hours.to),
            "utc_offset": self.hours.utc_offset,
            "signin_open_now": self.open_at(now),
            "needs_approval": self.needs_approval,
            "archived": self.archived,
        })
    }
}

const CLASS_ROW: &str =
    "SELECT c.id, c.name, c.teacher_id, p.display_name, c.archived_at IS NOT NULL,
        c.needs_approval, c.signin, c.hours_from, c.hours_to, c.utc_offset,
        tu.pending_approval = 0 AND tu.status = 'active'
   FROM classes c JOIN profiles p ON p.user_id = c.teacher_id JOIN users tu ON tu.id = c.teacher_id";

fn class_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ClassRow> {
    let mode: String = r.get(6)?;
    Ok(ClassRow {
        id: r.get(0)?,
        name: r.get(1)?,
        teacher_id: r.get(2)?,
        teacher_name: r.get(3)?,
        archived: r.get(4)?,
        needs_approval: r.get(5)?,
        hours: Hours {
            mode: SignIn::parse(&mode).unwrap_or(SignIn::Closed),
            from: r.get(7)?,
            to: r.get(8)?,
            utc_offset: r.get(9)?,
        },
        teacher_ok: r.get(10)?,
    })
}

/// A class by id.
pub fn class(c: &Connection, id: i64) -> rusqlite::Result<Option<ClassRow>> {
    c.prepare_cached(&format!("{CLASS_ROW} WHERE c.id = ?1"))?
        .query_row([id], class_row)
        .optional()
}

/// A class by its join code (which is also its sign-in page's address).
pub fn by_code(c: &Connection, code: &str) -> rusqlite::Result<Option<ClassRow>> {
    c.prepare_cached(&format!("{CLASS_ROW} WHERE c.join_code = ?1"))?
        .query_row([code], class_row)
        .optional()
}

/// Saves the sign-in rule.
pub fn set_hours(tx: &Connection, class: i64, h: &Hours) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE classes SET signin = ?2, hours_from = ?3, hours_to = ?4, utc_offset = ?5 WHERE id = ?1",
        params![class, h.mode.as_str(), h.from, h.to, h.utc_offset],
    )?;
    Ok(())
}

/// Turns publishing approval on or off.
pub fn set_approval(tx: &Connection, class: i64, on: bool) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE classes SET needs_approval = ?2 WHERE id = ?1",
        params![class, on],
    )?;
    Ok(())
}

/// A username nobody has: the base and two to four random digits.
pub fn free_username(c: &Connection, base: &str) -> rusqlite::Result<String> {
    for attempt in 0..60 {
        let digits = 3 + attempt / 20;
        let n = u32::from_le_bytes(random_bytes::<4>()) % 10u32.pow(digits as u32);
        let name = format!("{base}{n:0width$}", width = digits);
        if !users::username_taken(c, &name)? {
            return Ok(name);
        }
    }
    // Sixty collisions in a row means the short forms are used up: a long random tail.
    Ok(format!(
        "{base}{}",
        u64::from_le_bytes(random_bytes::<8>()) % 1_000_000_000
    ))
}

/// A child the roster is about to make.
pub struct NewKid {
    pub username: String,
    pub display_name: String,
    pub avatar: String,
    pub password_hash: String,
    /// The picture password as ids joined by '-', kept for the printed card.
    pub pictures: String,
    pub language: String,
}

/// Makes a child's account looked after by `class`. Returns the new id.
pub fn add_managed(tx: &Connection, class: i64, kid: &NewKid, now: i64) -> Result<i64> {
    let id = users::insert(
        tx,
        &NewUser {
            username: kid.username.clone(),
            password_hash: kid.password_hash.clone(),
            role: Role::Child,
            display_name: kid.display_name.clone(),
            language: kid.language.clone(),
        },
        now,
    )?;
    tx.execute(
        "UPDATE profiles SET avatar_emoji = ?2, age_band = '5-7' WHERE user_id = ?1",
        params![id, kid.avatar],
    )?;
    tx.execute(
        "INSERT INTO class_members (class_id, user_id, joined_at, managed) VALUES (?1, ?2, ?3, 1)",
        params![class, id, now],
    )?;
    set_card_pictures(tx, id, &kid.pictures)?;
    Ok(id)
}

/// Keeps a managed child's picture password for the teacher's cards.
pub fn set_card_pictures(tx: &Connection, user: i64, pictures: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO card_pictures (user_id, pictures) VALUES (?1, ?2)
         ON CONFLICT (user_id) DO UPDATE SET pictures = excluded.pictures",
        params![user, pictures],
    )?;
    Ok(())
}

/// The child's membership of `class`: `Some(managed)` when a member.
pub fn membership(c: &Connection, class: i64, user: i64) -> rusqlite::Result<Option<bool>> {
    c.query_row(
        "SELECT managed FROM class_members WHERE class_id = ?1 AND user_id = ?2",
        params![class, user],
        |r| r.get(0),
    )
    .optional()
}

/// Display names already in the class (folded), to refuse a roster line that repeats one.
pub fn member_names(c: &Connection, class: i64) -> rusqlite::Result<Vec<String>> {
    c.prepare_cached(
        "SELECT p.display_name FROM class_members m JOIN profiles p ON p.user_id = m.user_id WHERE m.class_id = ?1",
    )?
    .query_map([class], |r| r.get(0))?
    .collect()
}

/// Members' count (and waiting requests), for the class size limit.
pub fn size(c: &Connection, class: i64) -> rusqlite::Result<i64> {
    c.query_row(
        "SELECT (SELECT count(*) FROM class_members WHERE class_id = ?1)
              + (SELECT count(*) FROM class_requests WHERE class_id = ?1)",
        [class],
        |r| r.get(0),
    )
}

/// The tiles of the class sign-in page: active children, by name.
pub fn tiles(c: &Connection, class: i64) -> rusqlite::Result<Vec<Value>> {
    c.prepare_cached(
        "SELECT u.id, p.display_name, p.avatar_emoji, (cp.user_id IS NOT NULL)
           FROM class_members m JOIN users u ON u.id = m.user_id JOIN profiles p ON p.user_id = u.id
           LEFT JOIN card_pictures cp ON cp.user_id = u.id
          WHERE m.class_id = ?1 AND u.status = 'active'
          ORDER BY p.display_name COLLATE NOCASE, u.id",
    )?
    .query_map([class], |r| {
        Ok(json!({
            "id": r.get::<_, i64>(0)?, "display_name": r.get::<_, String>(1)?,
            "avatar_emoji": r.get::<_, String>(2)?, "pictures": r.get::<_, bool>(3)?,
        }))
    })?
    .collect()
}

/// The username of a child in `class` (active or not: the sign-in check says why not).
pub fn member_username(c: &Connection, class: i64, user: i64) -> rusqlite::Result<Option<String>> {
    c.query_row(
        "SELECT u.username FROM class_members m JOIN users u ON u.id = m.user_id
          WHERE m.class_id = ?1 AND m.user_id = ?2 AND u.role = 'child'",
        params![class, user],
        |r| r.get(0),
    )
    .optional()
}

fn card_hash(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

/// One child's printed card, secret included (shown once, stored hashed).
pub struct Card {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub avatar_emoji: String,
    pub pictures: Option<String>,
    pub secret: String,
}

/// New cards for every active child the class made (a child who joined with the code signs in
/// with their own password: a card would hand their account to whoever holds it); every
/// earlier card of the class stops working.
pub fn issue_cards(tx: &Connection, class: i64, now: i64) -> rusqlite::Result<Vec<Card>> {
    tx.execute("DELETE FROM signin_cards WHERE class_id = ?1", [class])?;
    let kids: Vec<(i64, String, String, String, Option<String>)> = tx
        .prepare_cached(
            "SELECT u.id, u.username, p.display_name, p.avatar_emoji, cp.pictures
               FROM class_members m JOIN users u ON u.id = m.user_id JOIN profiles p ON p.user_id = u.id
               LEFT JOIN card_pictures cp ON cp.user_id = u.id
              WHERE m.class_id = ?1 AND m.managed = 1 AND u.status = 'active' AND u.role = 'child'
              ORDER BY p.display_name COLLATE NOCASE, u.id",
        )?
        .query_map([class], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut cards = Vec::with_capacity(kids.len());
    for (user_id, username, display_name, avatar_emoji, pictures) in kids {
        let secret = random_token::<24>();
        // A child in two classes has one card: the newest print wins.
        tx.execute(
            "INSERT INTO signin_cards (user_id, class_id, secret_hash, created_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (user_id) DO UPDATE SET class_id = excluded.class_id,
                 secret_hash = excluded.secret_hash, created_at = excluded.created_at",
            params![user_id, class, card_hash(&secret), now],
        )?;
        cards.push(Card {
            user_id,
            username,
            display_name,
            avatar_emoji,
            pictures,
            secret,
        });
    }
    Ok(cards)
}

/// The child and class a card secret belongs to, if the card is still valid.
pub fn card_owner(c: &Connection, secret: &str) -> rusqlite::Result<Option<(i64, i64)>> {
    c.query_row(
        "SELECT k.user_id, k.class_id FROM signin_cards k
           JOIN class_members m ON m.class_id = k.class_id AND m.user_id = k.user_id
          WHERE k.secret_hash = ?1 AND m.managed = 1",
        [card_hash(secret)],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

/// Stops one child's card working.
pub fn revoke_card(tx: &Connection, user: i64) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM signin_cards WHERE user_id = ?1", [user])?;
    Ok(())
}

/// A child leaves a class: their card stops working and their stories stop waiting there.
pub fn leave(tx: &Connection, class: i64, user: i64) -> rusqlite::Result<()> {
    revoke_card(tx, user)?;
    tx.execute(
        "DELETE FROM story_reviews WHERE class_id = ?1
            AND story_id IN (SELECT id FROM stories WHERE author_id = ?2)",
        params![class, user],
    )?;
    Ok(())
}

/// Closes the account of a child the class made and no parent has linked (nobody else could
/// sign them in): it cannot sign in any more and its card ends (the caller ends its sessions);
/// its stories stay. True when it was closed.
pub fn close_if_orphaned(
    tx: &Connection,
    class: i64,
    user: i64,
    now: i64,
) -> rusqlite::Result<bool> {
    let managed = membership(tx, class, user)? == Some(true);
    if !managed || crate::store::reach::has_guardian(tx, user)? {
        return Ok(false);
    }
    tx.execute(
        "UPDATE users SET status = 'archived', updated_at = ?2 WHERE id = ?1",
        params![user, now],
    )?;
    revoke_card(tx, user)?;
    Ok(true)
}

/// End of the year: the class becomes read-only and its sign-in page and cards stop working.
/// Children who joined by code have their waiting stories back as drafts (approval no longer
/// applies to them); the teacher still answers for the children the class made.
pub fn archive(tx: &Connection, class: i64, now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE classes SET archived_at = coalesce(archived_at, ?2), signin = 'closed' WHERE id = ?1",
        params![class, now],
    )?;
    tx.execute("DELETE FROM signin_cards WHERE class_id = ?1", [class])?;
    tx.execute(
        "DELETE FROM story_reviews WHERE class_id = ?1 AND status = 'waiting'
            AND story_id IN (SELECT s.id FROM stories s JOIN class_members m
                              ON m.user_id = s.author_id AND m.class_id = ?1 AND m.managed = 0)",
        [class],
    )?;
    tx.execute("DELETE FROM class_requests WHERE class_id = ?1", [class])?;
    Ok(())
}

/// Moves a child from one class to another of the same teacher (managed stays managed).
pub fn move_member(tx: &Connection, from: i64, to: i64, user: i64) -> rusqlite::Result<bool> {
    let moved = tx.execute(
        "INSERT OR IGNORE INTO class_members (class_id, user_id, joined_at, managed)
         SELECT ?2, user_id, joined_at, managed FROM class_members WHERE class_id = ?1 AND user_id = ?3",
        params![from, to, user],
    )?;
    tx.execute(
        "DELETE FROM class_members WHERE class_id = ?1 AND user_id = ?2",
        params![from, user],
    )?;
    // The new class's teacher prints a new card: the old one was this class's.
    revoke_card(tx, user)?;
    tx.execute(
        "UPDATE story_reviews SET class_id = ?2 WHERE class_id = ?1
            AND story_id IN (SELECT id FROM stories WHERE author_id = ?3)",
        params![from, to, user],
    )?;
    Ok(moved > 0)
}

//! SQL for users and profiles.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use crate::domain::accounts::{Role, level_for_xp};
use crate::error::{Error, Result};
use serde::Serialize;

/// A user as they see themselves.
#[derive(Debug, Clone, Serialize)]
pub struct UserView {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub bio: String,
    pub avatar_emoji: String,
    pub theme: String,
    pub language: String,
    pub privacy: String,
    pub prefs: Value,
    pub avatar_border: String,
    /// "5-7", "8-9" or "10-12", or null when not given.
    pub age_band: Option<String>,
    /// Every mutable notification type -> on/off.
    pub notifications: Value,
    pub xp: i64,
    pub level: i64,
    pub created_at: String,
    /// A self-registered teacher an admin has not approved yet.
    pub pending_approval: bool,
    /// A parent turned this child's sounds and music off.
    pub quiet: bool,
}

/// A user to create.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Normalised username.
    pub username: String,
    /// argon2id hash.
    pub password_hash: String,
    /// Role.
    pub role: Role,
    /// Validated display name.
    pub display_name: String,
    /// UI and story language.
    pub language: String,
}

/// Inserts a user and profile; 409 when the username is taken.
pub fn insert(tx: &Connection, user: &NewUser, now: i64) -> Result<i64> {
    if username_taken(tx, &user.username)? {
        return Err(taken());
    }
    let inserted = tx.execute(
        "INSERT INTO users (username, password_hash, role, created_at, updated_at, password_changed_at)
         VALUES (?1, ?2, ?3, ?4, ?4, ?4)",
        params![user.username, user.password_hash, user.role.as_str(), now],
    );
    match inserted {
        Ok(_) => {}
        // Another process (the CLI) may have taken it between the check and the insert.
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            return Err(taken());
        }
        Err(e) => return Err(e.into()),
    }
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO profiles (user_id, display_name, language) VALUES (?1, ?2, ?3)",
        params![id, user.display_name, user.language],
    )?;
    Ok(id)
}

fn taken() -> Error {
    Error::conflict(
        "username_taken",
        "That username is already taken. Please try another one.",
    )
}

/// True when a username exists.
pub fn username_taken(conn: &Connection, username: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM users WHERE username = ?1)",
        [username],
        |r| r.get(0),
    )
}

/// What a login needs.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// User id.
    pub id: i64,
    /// Stored hash.
    pub password_hash: String,
    /// Stored role.
    pub role: String,
    /// Stored status.
    pub status: String,
    /// End of a suspension.
    pub suspended_until: Option<i64>,
}

const CREDENTIALS: &str = "SELECT id, password_hash, role, status, suspended_until FROM users";

fn credentials_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Credentials> {
    Ok(Credentials {
        id: r.get(0)?,
        password_hash: r.get(1)?,
        role: r.get(2)?,
        status: r.get(3)?,
        suspended_until: r.get(4)?,
    })
}

/// Credentials by username.
pub fn credentials_by_username(
    conn: &Connection,
    username: &str,
) -> rusqlite::Result<Option<Credentials>> {
    conn.query_row(
        &format!("{CREDENTIALS} WHERE username = ?1"),
        [username],
        credentials_row,
    )
    .optional()
}

/// Credentials by id.
pub fn credentials_by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<Credentials>> {
    conn.query_row(
        &format!("{CREDENTIALS} WHERE id = ?1"),
        [id],
        credentials_row,
    )
    .optional()
}

/// The language an account chose ("en" or "tl").
pub fn language(conn: &Connection, id: i64) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached("SELECT language FROM profiles WHERE user_id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()
}

/// The caller's own view of their account.
pub fn load_view(conn: &Connection, id: i64) -> rusqlite::Result<Option<UserView>> {
    conn.query_row(
        "SELECT u.id, u.username, u.role, u.created_at, p.display_name, p.bio, p.avatar_emoji,
                p.theme, p.language, p.privacy, p.prefs, p.xp, p.avatar_border, p.notify,
                p.age_band, u.pending_approval, coalesce(cr.quiet, 0)
         FROM users u JOIN profiles p ON p.user_id = u.id
         LEFT JOIN child_rules cr ON cr.child_id = u.id WHERE u.id = ?1",
        [id],
        |r| {
            let prefs: String = r.get(10)?;
            let xp: i64 = r.get(11)?;
            let notify: String = r.get(13)?;
            let muted: Value = serde_json::from_str(&notify).unwrap_or(Value::Null);
            let notifications: serde_json::Map<String, Value> =
                crate::store::notifications::MUTABLE
                    .iter()
                    .map(|k| {
                        (
                            (*k).to_string(),
                            Value::Bool(muted.get(*k).and_then(Value::as_bool).unwrap_or(true)),
                        )
                    })
                    .collect();
            Ok(UserView {
                id: r.get(0)?,
                username: r.get(1)?,
                role: r.get(2)?,
                created_at: crate::time::rfc3339(r.get(3)?),
                display_name: r.get(4)?,
                bio: r.get(5)?,
                avatar_emoji: r.get(6)?,
                theme: r.get(7)?,
                language: r.get(8)?,
                privacy: r.get(9)?,
                prefs: serde_json::from_str(&prefs).unwrap_or(Value::Object(Default::default())),
                avatar_border: r.get(12)?,
                age_band: r.get(14)?,
                notifications: Value::Object(notifications),
                xp,
                level: level_for_xp(xp),
                pending_approval: r.get::<_, i64>(15)? != 0,
                quiet: r.get::<_, i64>(16)? != 0,
            })
        },
    )
    .optional()
}

/// Profile fields to change (already validated); `None` leaves a field alone.
#[derive(Debug, Clone, Default)]
pub struct ProfileChanges {
    pub display_name: Option<String>,
    pub bio: Option<String>,
    pub avatar_emoji: Option<String>,
    pub theme: Option<String>,
    pub language: Option<String>,
    pub privacy: Option<String>,
    pub prefs: Option<String>,
    pub avatar_border: Option<String>,
    pub notify: Option<String>,
    /// `Some(None)` clears the age band.
    pub age_band: Option<Option<String>>,
}

/// Applies profile changes.
pub fn update_profile(
    tx: &Connection,
    id: i64,
    c: &ProfileChanges,
    now: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE profiles SET
            display_name = coalesce(?2, display_name),
            bio = coalesce(?3, bio),
            avatar_emoji = coalesce(?4, avatar_emoji),
            theme = coalesce(?5, theme),
            language = coalesce(?6, language),
            privacy = coalesce(?7, privacy),
            prefs = coalesce(?8, prefs),
            avatar_border = coalesce(?9, avatar_border),
            notify = coalesce(?10, notify),
            age_band = CASE WHEN ?11 THEN ?12 ELSE age_band END
         WHERE user_id = ?1",
        params![
            id,
            c.display_name,
            c.bio,
            c.avatar_emoji,
            c.theme,
            c.language,
            c.privacy,
            c.prefs,
            c.avatar_border,
            c.notify,
            c.age_band.is_some(),
            c.age_band.clone().flatten()
        ],
    )?;
    tx.execute(
        "UPDATE users SET updated_at = ?2 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

/// Stores a new password hash.
pub fn set_password(tx: &Connection, id: i64, hash: &str, now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE users SET password_hash = ?2, password_changed_at = ?3, updated_at = ?3 WHERE id = ?1",
        params![id, hash, now],
    )?;
    // A password printed on a sign-in card stops being the password the moment anyone sets
    // another; the teacher's reset writes the new pictures back after this.
    tx.execute("DELETE FROM card_pictures WHERE user_id = ?1", [id])?;
    // A new password is a new start: a printed card stops working too.
    tx.execute("DELETE FROM signin_cards WHERE user_id = ?1", [id])?;
    Ok(())
}

/// Records a successful login.
pub fn touch_login(tx: &Connection, id: i64, now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE users SET last_login_at = ?2, last_seen_at = ?2 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

/// Deletes a user; profile, sessions and tokens go with it.
pub fn delete(tx: &Connection, id: i64) -> rusqlite::Result<bool> {
    Ok(tx.execute("DELETE FROM users WHERE id = ?1", [id])? > 0)
}

/// True when someone signed in to `username` from `ip` before: a place the account is known
/// to be used from (the classroom tablet), which the account-wide login ceiling lets through.
pub fn signed_in_from(conn: &Connection, username: &str, ip: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
                        WHERE u.username = ?1 AND s.ip = ?2)",
        params![username, ip],
        |r| r.get(0),
    )
}

/// Active admins other than `id`.
pub fn other_admins(conn: &Connection, id: i64) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM users WHERE role = 'admin' AND status = 'active' AND id != ?1",
        [id],
        |r| r.get(0),
    )
}

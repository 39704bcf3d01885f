//! Device sessions and their rotating refresh tokens (SQL lives here, next to its rules).
//!
//! A session is one signed-in device. Its refresh tokens form a family: each use exchanges the
//! token for a new one and marks the old one rotated. Presenting a rotated token again means it
//! was copied, so the whole session is revoked and both copies stop working. Only a SHA-256 of
//! each token is stored.

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::domain::accounts::{Role, Standing, standing};
use crate::domain::encoding::random_token;

/// What a new sign-in or a rotation hands to the client.
#[derive(Debug, Clone)]
pub struct Issued {
    /// The session (device) id, carried in access tokens.
    pub session_id: String,
    /// The new refresh token (shown once, stored hashed).
    pub refresh_token: String,
    /// When the refresh token expires.
    pub refresh_expires_at: i64,
}

fn hash_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

fn issue_refresh(
    tx: &Connection,
    session_id: &str,
    now: i64,
    ttl: i64,
) -> rusqlite::Result<Issued> {
    let token = random_token::<32>();
    tx.execute(
        "INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![hash_token(&token), session_id, now, now + ttl],
    )?;
    Ok(Issued {
        session_id: session_id.to_string(),
        refresh_token: token,
        refresh_expires_at: now + ttl,
    })
}

/// Starts a session for `user_id` and issues its first refresh token.
pub fn create(
    tx: &Connection,
    user_id: i64,
    now: i64,
    ttl: i64,
    user_agent: &str,
    ip: &str,
) -> rusqlite::Result<Issued> {
    let session_id = random_token::<16>();
    tx.execute(
        "INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, user_agent, ip)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6)",
        params![session_id, user_id, now, now + ttl, user_agent, ip],
    )?;
    issue_refresh(tx, &session_id, now, ttl)
}

/// The result of presenting a refresh token.
#[derive(Debug)]
pub enum Rotation {
    /// Exchanged for a new token.
    Rotated {
        user_id: i64,
        role: Role,
        issued: Issued,
    },
    /// A rotated token came back: the session has been revoked.
    Reused { user_id: i64, session_id: String },
    /// Unknown, expired or revoked, or the account cannot be used.
    Invalid,
}

/// Exchanges a refresh token, detecting reuse. Commit the transaction even for `Reused`: the
/// revocation must stick.
pub fn rotate(tx: &Connection, token: &str, now: i64, ttl: i64) -> rusqlite::Result<Rotation> {
    let hash = hash_token(token);
    let row = tx
        .query_row(
            "SELECT rt.session_id, rt.expires_at, rt.rotated_at, s.user_id, s.revoked_at,
                    u.role, u.status, u.suspended_until
             FROM refresh_tokens rt
             JOIN sessions s ON s.id = rt.session_id
             JOIN users u ON u.id = s.user_id
             WHERE rt.token_hash = ?1",
            [&hash],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Option<i64>>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, Option<i64>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, Option<i64>>(7)?,
                ))
            },
        )
        .optional()?;
    let Some((session_id, expires_at, rotated_at, user_id, revoked_at, role, status, until)) = row
    else {
        return Ok(Rotation::Invalid);
    };
    if revoked_at.is_some() {
        return Ok(Rotation::Invalid);
    }
    if rotated_at.is_some() {
        revoke(tx, &session_id, "refresh_token_reused", now)?;
        return Ok(Rotation::Reused {
            user_id,
            session_id,
        });
    }
    if expires_at <= now || standing(&status, until, now) != Standing::Active {
        return Ok(Rotation::Invalid);
    }
    let Some(role) = Role::parse(&role) else {
        return Ok(Rotation::Invalid);
    };
    tx.execute(
        "UPDATE refresh_tokens SET rotated_at = ?2 WHERE token_hash = ?1",
        params![hash, now],
    )?;
    tx.execute(
        "UPDATE sessions SET last_used_at = ?2, expires_at = ?3 WHERE id = ?1",
        params![session_id, now, now + ttl],
    )?;
    let issued = issue_refresh(tx, &session_id, now, ttl)?;
    Ok(Rotation::Rotated {
        user_id,
        role,
        issued,
    })
}

/// Finds the session a refresh token belongs to (for logout by token).
pub fn session_of_token(conn: &Connection, token: &str) -> rusqlite::Result<Option<(String, i64)>> {
    conn.query_row(
        "SELECT s.id, s.user_id FROM refresh_tokens rt JOIN sessions s ON s.id = rt.session_id
         WHERE rt.token_hash = ?1",
        [hash_token(token)],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

/// Revokes one session; returns whether it was live.
pub fn revoke(tx: &Connection, session_id: &str, reason: &str, now: i64) -> rusqlite::Result<bool> {
    let n = tx.execute(
        "UPDATE sessions SET revoked_at = ?2, revoke_reason = ?3 WHERE id = ?1 AND revoked_at IS NULL",
        params![session_id, now, reason],
    )?;
    Ok(n > 0)
}

/// Revokes every live session of a user, except `keep` if given; returns how many.
pub fn revoke_all(
    tx: &Connection,
    user_id: i64,
    reason: &str,
    now: i64,
    keep: Option<&str>,
) -> rusqlite::Result<usize> {
    tx.execute(
        "UPDATE sessions SET revoked_at = ?2, revoke_reason = ?3
         WHERE user_id = ?1 AND revoked_at IS NULL AND id IS NOT ?4",
        params![user_id, now, reason, keep],
    )
}

/// What the guard needs to know about a token's session and user.
#[derive(Debug, Clone)]
pub struct LiveSession {
    /// Current role (re-read on every request, never trusted from the token).
    pub role: String,
    /// Whether the account may be used.
    pub standing: Standing,
    /// A parent's read-only look through the child's eyes.
    pub view_only: bool,
}

/// Loads the user behind a session if the session is live.
pub fn live(
    conn: &Connection,
    user_id: i64,
    session_id: &str,
    now: i64,
) -> rusqlite::Result<Option<LiveSession>> {
    conn.query_row(
        "SELECT u.role, u.status, u.suspended_until, s.scope FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id = ?1 AND s.user_id = ?2 AND s.revoked_at IS NULL AND s.expires_at > ?3",
        params![session_id, user_id, now],
        |r| {
            let status: String = r.get(1)?;
            let scope: String = r.get(3)?;
            Ok(LiveSession {
                role: r.get(0)?,
                standing: standing(&status, r.get(2)?, now),
                view_only: scope == "view",
            })
        },
    )
    .optional()
}

/// Deletes sessions that expired or were revoked more than a week ago (their tokens go with
/// them), and refresh tokens rotated more than a week ago.
pub fn purge(tx: &Connection, now: i64) -> rusqlite::Result<usize> {
    let sessions = tx.execute(
        "DELETE FROM sessions WHERE expires_at < ?1 OR (revoked_at IS NOT NULL AND revoked_at < ?1 - 604800)",
        [now],
    )?;
    // A busy device rotates its token every few minutes; after a week an old token coming back
    // is simply invalid rather than proof of theft, so its row can go.
    let tokens = tx.execute(
        "DELETE FROM refresh_tokens WHERE rotated_at IS NOT NULL AND rotated_at < ?1 - 604800",
        [now],
    )?;
    Ok(sessions + tokens)
}

/// Opens a read-only session as `user_id` for `ttl` seconds, with no refresh token: a parent
/// looking through a child's eyes. Returns the session id.
pub fn create_view(
    tx: &Connection,
    user_id: i64,
    now: i64,
    ttl: i64,
    note: &str,
    ip: &str,
) -> rusqlite::Result<String> {
    let session_id = random_token::<16>();
    tx.execute(
        "INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, user_agent, ip, scope)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, 'view')",
        params![session_id, user_id, now, now + ttl, note, ip],
    )?;
    Ok(session_id)
}

/// A user's current standing, `None` when the account is gone.
pub fn standing_of(
    conn: &Connection,
    user_id: i64,
    now: i64,
) -> rusqlite::Result<Option<Standing>> {
    conn.query_row(
        "SELECT status, suspended_until FROM users WHERE id = ?1",
        [user_id],
        |r| {
            let status: String = r.get(0)?;
            Ok(standing(&status, r.get(1)?, now))
        },
    )
    .optional()
}

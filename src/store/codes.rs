//! One-time codes: a family link code a child hands to a parent, and a password reset code an
//! admin hands to a user. Only a hash is stored; a code works once and expires.

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

/// Symbols in a one-time code (40 bits; tries are rate limited).
pub const CODE_LEN: usize = 8;

/// What a code is for; a code never works for the other purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Lets a parent link a child.
    FamilyLink,
    /// Lets a user set a new password.
    PasswordReset,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::FamilyLink => "family_link",
            Purpose::PasswordReset => "password_reset",
        }
    }
}

fn hash(code: &str) -> Vec<u8> {
    Sha256::digest(code.as_bytes()).to_vec()
}

/// Makes a code for `user`, replacing any unused one of the same purpose; returns the code
/// (shown once, grouped as `ABCD-EFGH`) and its expiry.
pub fn issue(
    tx: &Connection,
    purpose: Purpose,
    user: i64,
    created_by: i64,
    ttl: i64,
    now: i64,
) -> rusqlite::Result<(String, i64)> {
    tx.execute(
        "DELETE FROM one_time_codes WHERE user_id = ?1 AND purpose = ?2 AND used_at IS NULL",
        params![user, purpose.as_str()],
    )?;
    let code = crate::domain::encoding::random_code(CODE_LEN);
    tx.execute(
        "INSERT INTO one_time_codes (code_hash, purpose, user_id, created_by, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![hash(&code), purpose.as_str(), user, created_by, now, now + ttl],
    )?;
    Ok((format!("{}-{}", &code[..4], &code[4..]), now + ttl))
}

/// A redeemed code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Redeemed {
    /// The account the code is about.
    pub user: i64,
    /// Who made it.
    pub created_by: Option<i64>,
}

/// Uses a code: `None` when it is malformed, unknown, used, expired or for another purpose.
pub fn redeem(
    tx: &Connection,
    purpose: Purpose,
    input: &str,
    now: i64,
) -> rusqlite::Result<Option<Redeemed>> {
    let Some(code) = crate::domain::encoding::clean_code(input, CODE_LEN) else {
        return Ok(None);
    };
    let found: Option<Redeemed> = tx
        .query_row(
            "UPDATE one_time_codes SET used_at = ?3
             WHERE code_hash = ?1 AND purpose = ?2 AND used_at IS NULL AND expires_at > ?3
             RETURNING user_id, created_by",
            params![hash(&code), purpose.as_str(), now],
            |r| {
                Ok(Redeemed {
                    user: r.get(0)?,
                    created_by: r.get(1)?,
                })
            },
        )
        .optional()?;
    Ok(found)
}

/// Looks at a code without using it (to check who it is for before the slow hashing).
pub fn peek(
    conn: &Connection,
    purpose: Purpose,
    input: &str,
    now: i64,
) -> rusqlite::Result<Option<i64>> {
    let Some(code) = crate::domain::encoding::clean_code(input, CODE_LEN) else {
        return Ok(None);
    };
    conn.query_row(
        "SELECT user_id FROM one_time_codes
         WHERE code_hash = ?1 AND purpose = ?2 AND used_at IS NULL AND expires_at > ?3",
        params![hash(&code), purpose.as_str(), now],
        |r| r.get(0),
    )
    .optional()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        let mut c = Connection::open_in_memory().expect("open");
        crate::db::migrations::migrate(&mut c).expect("schema");
        c.execute_batch(
            "INSERT INTO users (id, username, password_hash, role, created_at, updated_at, password_changed_at)
             VALUES (1, 'kid', 'x', 'child', 0, 0, 0), (2, 'mum', 'x', 'parent', 0, 0, 0);",
        )
        .expect("users");
        c
    }

    #[test]
    fn a_code_works_once_for_its_purpose_until_it_expires() {
        let c = db();
        let (code, exp) = issue(&c, Purpose::FamilyLink, 1, 1, 100, 1000).expect("issue");
        assert_eq!(exp, 1100);
        assert_eq!(code.len(), CODE_LEN + 1);
        assert_eq!(
            redeem(&c, Purpose::PasswordReset, &code, 1001).expect("r"),
            None
        );
        let lower = code.to_lowercase();
        assert_eq!(
            peek(&c, Purpose::FamilyLink, &lower, 1001).expect("p"),
            Some(1)
        );
        assert_eq!(
            redeem(&c, Purpose::FamilyLink, &lower, 1001).expect("r"),
            Some(Redeemed {
                user: 1,
                created_by: Some(1)
            })
        );
        assert_eq!(
            redeem(&c, Purpose::FamilyLink, &code, 1002).expect("r"),
            None
        );

        let (late, _) = issue(&c, Purpose::FamilyLink, 1, 1, 100, 1000).expect("issue");
        assert_eq!(
            redeem(&c, Purpose::FamilyLink, &late, 1100).expect("r"),
            None
        );
    }

    #[test]
    fn a_new_code_replaces_the_unused_one() {
        let c = db();
        let (old, _) = issue(&c, Purpose::PasswordReset, 1, 2, 100, 0).expect("issue");
        let (new, _) = issue(&c, Purpose::PasswordReset, 1, 2, 100, 0).expect("issue");
        assert_eq!(
            redeem(&c, Purpose::PasswordReset, &old, 1).expect("r"),
            None
        );
        assert!(
            redeem(&c, Purpose::PasswordReset, &new, 1)
                .expect("r")
                .is_some()
        );
        assert_eq!(
            redeem(&c, Purpose::PasswordReset, "not a code", 1).expect("r"),
            None
        );
    }
}

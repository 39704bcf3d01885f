//! Who is calling: bearer access token -> live session -> current role and standing.
//!
//! The token's signature and expiry are checked first (no I/O), then one indexed read confirms
//! the session was not revoked (logout, password change, reuse detection) and re-reads the role
//! and standing, so a suspension or a role change takes effect on the next request, not 15
//! minutes later.

use crate::app::App;
use crate::auth::sessions;
use crate::auth::tokens::{AUD_ACCESS, AccessClaims, TokenError};
use crate::domain::accounts::{Role, Standing};
use crate::error::{Error, Result};
use crate::http::request::Request;

pub use crate::domain::accounts::AuthUser;

/// Checks the bearer token of `req`.
pub async fn authenticate(app: &App, req: &Request) -> Result<AuthUser> {
    let token = req
        .bearer()
        .ok_or_else(|| Error::unauthorized("missing_token", "Please log in first."))?;
    authenticate_token(app, token).await
}

/// Checks an access token.
pub async fn authenticate_token(app: &App, token: &str) -> Result<AuthUser> {
    let now = crate::time::now();
    let claims: AccessClaims = app
        .tokens
        .verify(token, AUD_ACCESS, now)
        .map_err(|e| match e {
            TokenError::Expired => {
                Error::unauthorized("token_expired", "Your sign-in has expired.")
            }
            _ => Error::unauthorized(
                "invalid_token",
                "Your sign-in is not valid. Please log in again.",
            ),
        })?;
    let user_id: i64 = claims
        .sub
        .parse()
        .map_err(|_| Error::unauthorized("invalid_token", "Your sign-in is not valid."))?;
    let sid = claims.sid.clone();
    let live = app
        .db
        .read(move |c| {
            let live = sessions::live(c, user_id, &sid, now)?;
            // A session ended by a suspension says so, so the app can tell the child why.
            let standing = match live {
                Some(_) => None,
                None => sessions::standing_of(c, user_id, now)?,
            };
            Ok((live, standing))
        })
        .await?;
    let live = match live {
        (Some(live), _) => live,
        (None, Some(Standing::Suspended(until))) => return Err(suspended(until)),
        (None, _) => {
            return Err(Error::unauthorized(
                "session_ended",
                "You have been logged out. Please log in again.",
            ));
        }
    };
    match live.standing {
        Standing::Active => {}
        Standing::Suspended(until) => return Err(suspended(until)),
        Standing::Archived => {
            return Err(Error::unauthorized(
                "account_closed",
                "This account has been closed.",
            ));
        }
    }
    let role =
        Role::parse(&live.role).ok_or_else(|| Error::internal("unknown role in database"))?;
    Ok(AuthUser {
        id: user_id,
        role,
        session_id: claims.sid,
        view_only: live.view_only,
    })
}

/// The 403 for a suspended account.
pub fn suspended(until: Option<i64>) -> Error {
    let message = match until {
        Some(t) => format!("This account is paused until {}.", crate::time::rfc3339(t)),
        None => "This account is paused. Please ask a grown-up or the admin.".to_string(),
    };
    Error::forbidden("account_suspended", message)
}

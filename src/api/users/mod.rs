//! Accounts: sign-up, sign-in, token refresh and logout (`auth`), and the caller's own
//! account (`me`). Shared SQL lives in `store::users`.

pub mod auth;
pub mod leaving;
pub mod lists;
pub mod me;
pub mod reset;

use serde_json::{Value, json};

use crate::app::App;
use crate::auth::sessions::Issued;
pub use crate::store::users::UserView;

/// The token half of a sign-in answer.
pub fn tokens_json(app: &App, user_id: i64, role: &str, issued: &Issued) -> Value {
    let now = crate::time::now();
    let ttl = i64::try_from(app.config.access_ttl_secs).unwrap_or(900);
    json!({
        "access_token": app.tokens.access_token(user_id, &issued.session_id, role, now, ttl),
        "token_type": "Bearer",
        "expires_in": ttl,
        "refresh_token": issued.refresh_token,
        "refresh_expires_at": crate::time::rfc3339(issued.refresh_expires_at),
    })
}

/// A full sign-in answer: `{user, access_token, ...}`.
pub fn session_json(app: &App, user: &UserView, issued: &Issued) -> Value {
    let mut body = tokens_json(app, user.id, &user.role, issued);
    if let Value::Object(map) = &mut body {
        map.insert(
            "user".into(),
            serde_json::to_value(user).unwrap_or(Value::Null),
        );
    }
    body
}

/// Refresh token lifetime in seconds.
pub fn refresh_ttl(app: &App) -> i64 {
    i64::try_from(app.config.refresh_ttl_days).unwrap_or(30) * 86_400
}

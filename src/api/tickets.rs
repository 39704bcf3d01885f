//! `POST /api/realtime/ticket`: a single-use, short-lived ticket to open `/ws`.

use serde_json::json;

use crate::api::ctx::Ctx;
use crate::error::Result;
use crate::http::response::{Response, ok};
use crate::realtime::tickets::Holder;

/// Issues a ticket for the caller's sign-in.
pub async fn issue(cx: &mut Ctx<'_>) -> Result<Response> {
    let user = cx.user()?;
    // A ticket costs a socket's worth of memory once used: a script must not mint them freely.
    cx.app.limits.tickets.hit(&format!("user:{}", user.id))?;
    let ticket = cx.app.hub.tickets.issue(Holder {
        user: user.id,
        auth_session: user.session_id.clone(),
    });
    Ok(ok(&json!({
        "ticket": ticket,
        "expires_in": cx.app.hub.tickets.ttl_secs(),
    })))
}

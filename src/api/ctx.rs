//! What every handler gets: the shared state, the request and the caller.

use crate::app::App;
use crate::auth::AuthUser;
use crate::domain::accounts::Role;
use crate::error::{Error, Result};
use crate::http::request::Request;

/// What a handler gets.
pub struct Ctx<'a> {
    /// Shared state.
    pub app: &'a App,
    /// The request.
    pub req: Request,
    /// The caller, when signed in.
    pub user: Option<AuthUser>,
}

impl Ctx<'_> {
    /// The signed-in caller (routes marked `User`/`Admin` always have one).
    pub fn user(&self) -> Result<&AuthUser> {
        self.user
            .as_ref()
            .ok_or_else(|| Error::unauthorized("missing_token", "Please log in first."))
    }

    /// The signed-in caller if they have `role`; otherwise 403 with `code` and `message`.
    pub fn user_as(
        &self,
        role: Role,
        code: &'static str,
        message: &'static str,
    ) -> Result<AuthUser> {
        let me = self.user()?;
        if me.role != role {
            return Err(Error::forbidden(code, message));
        }
        Ok(me.clone())
    }

    /// The client IP as text.
    pub fn ip(&self) -> String {
        self.req.ip.to_string()
    }

    /// The client's rate-limit key (IPv6 grouped by /64).
    pub fn ip_key(&self) -> String {
        crate::http::request::limit_key(self.req.ip)
    }
}

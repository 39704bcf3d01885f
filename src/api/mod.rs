//! REST handlers, one module per domain. [`dispatch`] enforces each route's access rule, then
//! calls its handler.

pub mod audit;
pub mod profanity;
pub mod system;
pub mod users;

use crate::app::App;
use crate::auth::AuthUser;
use crate::auth::guard;
use crate::domain::accounts::Role;
use crate::error::{Error, Result};
use crate::http::request::Request;
use crate::http::response::Response;
use crate::http::router::{Access, Route};

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

    /// The client IP as text.
    pub fn ip(&self) -> String {
        self.req.ip.to_string()
    }
}

/// Checks access, then runs the route's handler.
pub async fn dispatch(app: &App, route: Route, req: Request) -> Result<Response> {
    let user = match route.access() {
        Access::Public => None,
        // An expired token must not stop a logout or a public read.
        Access::Optional => match req.bearer() {
            Some(_) => guard::authenticate(app, &req).await.ok(),
            None => None,
        },
        Access::User => Some(guard::authenticate(app, &req).await?),
        Access::Admin => Some(require_admin(guard::authenticate(app, &req).await?)?),
        Access::AdminOrLoopback => {
            if req.ip.is_loopback() {
                None
            } else {
                Some(require_admin(guard::authenticate(app, &req).await?)?)
            }
        }
    };
    let mut cx = Ctx { app, req, user };
    let cx = &mut cx;
    match route {
        Route::Healthz => system::healthz(cx).await,
        Route::Metrics => system::metrics(cx).await,
        Route::Config => system::config(cx).await,
        Route::OpenApi => system::openapi(cx).await,
        Route::ProfanityWords => system::profanity_words(cx).await,
        Route::AuthRegister => users::auth::register(cx).await,
        Route::AuthLogin => users::auth::login(cx).await,
        Route::AuthRefresh => users::auth::refresh(cx).await,
        Route::AuthLogout => users::auth::logout(cx).await,
        Route::MeGet => users::me::get(cx).await,
        Route::MeUpdate => users::me::update(cx).await,
        Route::MeDelete => users::me::delete(cx).await,
        Route::MePassword => users::me::change_password(cx).await,
    }
}

fn require_admin(user: AuthUser) -> Result<AuthUser> {
    if user.role == Role::Admin {
        Ok(user)
    } else {
        Err(Error::forbidden("admin_only", "Only an admin can do this."))
    }
}

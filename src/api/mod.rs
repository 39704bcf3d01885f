//! REST handlers, one module per domain, and the route table (`routes`). [`dispatch`] enforces
//! each route's access rule, then calls the handler the table names.

pub mod admin;
pub mod assist;
pub mod characters;
pub mod classes;
pub mod collab;
pub mod csv;
pub mod ctx;
pub mod family;
pub mod games;
pub mod media;
pub mod messages;
pub mod notifications;
pub mod pagination;
pub mod reports;
pub mod routes;
pub mod social;
pub mod stories;
pub mod system;
pub mod tickets;
pub mod users;

use crate::app::App;
use crate::auth::AuthUser;
use crate::auth::guard;
use crate::domain::accounts::Role;
use crate::error::{Error, Result};
use crate::http::request::Request;
use crate::http::response::{ErrorResponse as _, Response};
use ctx::Ctx;
use routes::{Access, Route};

/// Checks access, then runs the route's handler.
pub async fn dispatch(app: &App, route: Route, req: Request) -> Response {
    let browser_tagalog = req
        .header(hyper::header::ACCEPT_LANGUAGE)
        .is_some_and(crate::error_tl::asks_tagalog);
    let (answer, user) = answer(app, route, req).await;
    let e = match answer {
        Ok(resp) => return resp,
        Err(e) => e,
    };
    if matches!(e, Error::StorageFull) {
        app.disk.full();
    }
    // Refusals are said in the account's language, else the browser's.
    let tagalog = match user {
        Some(id) => app
            .db
            .read(move |c| crate::store::users::language(c, id).map_err(Error::from))
            .await
            .ok()
            .flatten()
            .map_or(browser_tagalog, |l| l == "tl"),
        None => browser_tagalog,
    };
    e.into_response_in(tagalog)
}

/// Writes that still go ahead when the disk is full: without them nobody could get in, or out.
fn signs_in_or_out(route: Route) -> bool {
    matches!(
        route,
        Route::AuthLogin
            | Route::AuthRefresh
            | Route::AuthLogout
            | Route::AuthLogoutAll
            | Route::ClassSignIn
            | Route::AuthCard
            | Route::RealtimeTicket
    )
}

/// The handler's answer, and who asked (when known).
async fn answer(app: &App, route: Route, req: Request) -> (Result<Response>, Option<i64>) {
    let user = match authorize(app, route, &req).await {
        Ok(user) => user,
        Err(e) => return (Err(e), None),
    };
    // A parent's look through a child's eyes reads, and may end itself; nothing else.
    let reads = matches!(req.parts.method, hyper::Method::GET | hyper::Method::HEAD);
    // On a full disk the room left is kept for signing in and out.
    if !reads && app.disk.low() && !signs_in_or_out(route) {
        return (Err(Error::StorageFull), user.as_ref().map(|u| u.id));
    }
    if user.as_ref().is_some_and(|u| u.view_only) && !reads && route != Route::AuthLogout {
        let id = user.as_ref().map(|u| u.id);
        return (
            Err(Error::forbidden(
                "view_only",
                "This is a look-only visit. Nothing can be changed from here.",
            )),
            id,
        );
    }
    let mut cx = Ctx { app, req, user };
    let cx = &mut cx;
    let answer = call(route, cx).await;
    if let (Err(e), Some(user)) = (&answer, &cx.user) {
        record_refused_text(app, user.id, e).await;
    }
    (answer, cx.user.as_ref().map(|u| u.id))
}

/// Who is asking, as the route's access rule needs.
async fn authorize(
    app: &App,
    route: Route,
    req: &Request,
) -> Result<Option<crate::domain::accounts::AuthUser>> {
    Ok(match route.access() {
        Access::Public => None,
        // An expired token must not stop a logout or a public read.
        Access::Optional => match req.bearer() {
            Some(_) => guard::authenticate(app, req).await.ok(),
            None => None,
        },
        Access::User => Some(guard::authenticate(app, req).await?),
        Access::Admin => Some(require_admin(guard::authenticate(app, req).await?)?),
        Access::AdminOrLoopback => {
            if req.ip.is_loopback() {
                None
            } else {
                Some(require_admin(guard::authenticate(app, req).await?)?)
            }
        }
    })
}

/// The dispatcher, made from the route table's handler column.
macro_rules! handlers {
    ($($name:ident = $method:ident $path:literal, $access:ident, $tag:literal => $handler:path, $doc:expr;)*) => {
        /// Runs the route's handler.
        async fn call(route: Route, cx: &mut Ctx<'_>) -> Result<Response> {
            match route { $(Route::$name => $handler(cx).await,)* }
        }
    };
}
routes::table!(handlers);

/// Every refused text (rude words, personal details) counts on the writer's record, whichever
/// path refused it, so repeated tries reach a grown-up. The refusal itself is the answer; a
/// failure to record is only logged.
async fn record_refused_text(app: &App, user: i64, e: &Error) {
    let Some((kind, field, found)) = e.text_violation() else {
        return;
    };
    let recorded = app
        .db
        .write(move |tx| {
            Ok(crate::store::moderation::record_violation(
                tx, user, kind, field, &found,
            )?)
        })
        .await;
    if let Err(err) = recorded {
        crate::log_warn!("recording a refused text for user {user}: {err}");
    }
}

fn require_admin(user: AuthUser) -> Result<AuthUser> {
    if user.role == Role::Admin {
        Ok(user)
    } else {
        Err(Error::forbidden("admin_only", "Only an admin can do this."))
    }
}

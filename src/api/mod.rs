//! REST handlers, one module per domain. [`dispatch`] enforces each route's access rule, then
//! calls its handler.

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
pub mod realtime;
pub mod reports;
pub mod social;
pub mod stories;
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
use ctx::Ctx;

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
    // A parent's look through a child's eyes reads, and may end itself; nothing else.
    let reads = matches!(req.parts.method, hyper::Method::GET | hyper::Method::HEAD);
    if user.as_ref().is_some_and(|u| u.view_only) && !reads && route != Route::AuthLogout {
        return Err(Error::forbidden(
            "view_only",
            "This is a look-only visit. Nothing can be changed from here.",
        ));
    }
    let mut cx = Ctx { app, req, user };
    let cx = &mut cx;
    use self::social::{feed, friends};
    use self::stories::{comments, library, pages, reactions};
    use self::users::{auth, lists, me};
    let answer = match route {
        Route::Healthz => system::healthz(cx).await,
        Route::Metrics => system::metrics(cx).await,
        Route::Config => system::config(cx).await,
        Route::OpenApi => system::openapi(cx).await,
        Route::TextCheck => system::check_text(cx).await,
        Route::AuthRegister => auth::register(cx).await,
        Route::AuthLogin => auth::login(cx).await,
        Route::AuthRefresh => auth::refresh(cx).await,
        Route::AuthLogout => auth::logout(cx).await,
        Route::AuthLogoutAll => auth::logout_all(cx).await,
        Route::MeGet => me::get(cx).await,
        Route::MeUpdate => me::update(cx).await,
        Route::MeDelete => users::leaving::delete_me(cx).await,
        Route::MeExport => users::leaving::export_me(cx).await,
        Route::MePassword => me::change_password(cx).await,
        Route::MeStories => lists::stories(cx).await,
        Route::MeSaved => lists::saved(cx).await,
        Route::MeAchievements => lists::achievements(cx).await,
        Route::MeXp => lists::xp(cx).await,
        Route::StoriesList => library::list(cx).await,
        Route::StoryCreate => stories::create(cx).await,
        Route::StoryGet => stories::get(cx).await,
        Route::StoryUpdate => stories::update(cx).await,
        Route::StoryDelete => stories::delete(cx).await,
        Route::StoryPublish => stories::publish(cx).await,
        Route::StoryUnpublish => stories::unpublish(cx).await,
        Route::PageAdd => pages::add(cx).await,
        Route::PageUpdate => pages::update(cx).await,
        Route::PageDelete => pages::delete(cx).await,
        Route::PagesOrder => pages::reorder(cx).await,
        Route::CoauthorAdd => stories::coauthors::add_coauthor(cx).await,
        Route::CoauthorRemove => stories::coauthors::remove_coauthor(cx).await,
        Route::CoauthorInvites => stories::coauthors::coauthor_invites(cx).await,
        Route::CoauthorInviteAccept => stories::coauthors::answer_coauthor_invite(cx, true).await,
        Route::CoauthorInviteDecline => stories::coauthors::answer_coauthor_invite(cx, false).await,
        Route::StoryLike => reactions::like(cx).await,
        Route::StoryUnlike => reactions::unlike(cx).await,
        Route::StorySave => reactions::save(cx).await,
        Route::StoryUnsave => reactions::unsave(cx).await,
        Route::StoryRate => reactions::rate(cx).await,
        Route::StoryRead => reactions::read(cx).await,
        Route::CommentsList => comments::list(cx).await,
        Route::CommentCreate => comments::create(cx).await,
        Route::CommentUpdate => comments::update(cx).await,
        Route::CommentDelete => comments::delete(cx).await,
        Route::MediaUpload => media::upload(cx).await,
        Route::MediaGet => media::serve(cx).await,
        Route::CharactersList => characters::list(cx).await,
        Route::CharacterCreate => characters::create(cx).await,
        Route::CharacterUpdate => characters::update(cx).await,
        Route::CharacterDelete => characters::delete(cx).await,
        Route::UsersSearch => social::users::search(cx).await,
        Route::UserGet => social::users::profile(cx).await,
        Route::FriendsList => friends::list(cx).await,
        Route::FriendRemove => friends::unfriend(cx).await,
        Route::FriendRequests => friends::requests(cx).await,
        Route::FriendRequestSend => friends::send(cx).await,
        Route::FriendRequestAccept => friends::accept(cx).await,
        Route::FriendRequestReject => friends::reject(cx).await,
        Route::FriendRequestCancel => friends::cancel(cx).await,
        Route::Feed => feed::feed(cx).await,
        Route::Leaderboard => feed::leaderboard(cx).await,
        Route::NotificationsList => notifications::list(cx).await,
        Route::NotificationRead => notifications::mark_read(cx).await,
        Route::NotificationsReadAll => notifications::mark_all_read(cx).await,
        Route::RealtimeTicket => realtime::ticket(cx).await,
        Route::Conversations => messages::conversations(cx).await,
        Route::MessagesList => messages::list(cx).await,
        Route::MessageSend => messages::send(cx).await,
        Route::MessagesRead => messages::mark_read(cx).await,
        Route::MessageEdit => messages::edit(cx).await,
        Route::MessageDelete => messages::delete(cx).await,
        Route::CollabCreate => collab::create(cx).await,
        Route::CollabList => collab::list(cx).await,
        Route::CollabGet => collab::get(cx).await,
        Route::CollabJoin => collab::join(cx).await,
        Route::CollabInvite => collab::invite(cx).await,
        Route::CollabInvites => collab::invites(cx).await,
        Route::CollabInviteAccept => collab::accept(cx).await,
        Route::CollabInviteDecline => collab::decline(cx).await,
        Route::CollabKick => collab::kick(cx).await,
        Route::CollabLobbyClose => collab::close_lobby(cx).await,
        Route::CollabStart => collab::start(cx).await,
        Route::CollabEnd => collab::end(cx).await,
        Route::AuthReset => users::reset::reset(cx).await,
        Route::FamilyChildren => family::list(cx).await,
        Route::FamilyChildCreate => family::create(cx).await,
        Route::FamilyLinkCode => family::link::make_code(cx).await,
        Route::FamilyLink => family::link::link(cx).await,
        Route::FamilyChildUpdate => family::update(cx).await,
        Route::FamilyChildUnlink => family::unlink(cx).await,
        Route::FamilyChildPassword => family::set_password(cx).await,
        Route::FamilyChildOverview => family::overview::overview(cx).await,
        Route::FamilyChildViewAs => family::view_as(cx).await,
        Route::FamilyChildExport => users::leaving::export_child(cx).await,
        Route::FamilyChildDelete => users::leaving::delete_child(cx).await,
        Route::FamilyRequests => family::guardian::list(cx).await,
        Route::FamilyRequestApprove => family::guardian::answer(cx, true).await,
        Route::FamilyRequestDecline => family::guardian::answer(cx, false).await,
        Route::ClassesList => classes::list(cx).await,
        Route::ClassCreate => classes::create(cx).await,
        Route::ClassJoin => classes::join(cx).await,
        Route::ClassGet => classes::get(cx).await,
        Route::ClassRename => classes::rename(cx).await,
        Route::ClassDelete => classes::delete(cx).await,
        Route::ClassJoinCode => classes::rotate_code(cx).await,
        Route::ClassReport => classes::report::report(cx).await,
        Route::ClassApprove => classes::approve(cx).await,
        Route::ClassRemove => classes::remove(cx).await,
        Route::ReportCreate => reports::create(cx).await,
        Route::AdminStats => admin::stats(cx).await,
        Route::AdminUsers => admin::users::list(cx).await,
        Route::AdminUserGet => admin::users::get(cx).await,
        Route::AdminUserUpdate => admin::users::update(cx).await,
        Route::AdminUserDelete => users::leaving::delete_by_admin(cx).await,
        Route::AdminResetCode => admin::users::reset_code(cx).await,
        Route::AdminModeration => admin::moderation::list(cx).await,
        Route::AdminModerate => admin::moderation::act(cx).await,
        Route::AdminWords => admin::words::list(cx).await,
        Route::AdminWordAdd => admin::words::add(cx).await,
        Route::AdminWordsBulk => admin::words::bulk(cx).await,
        Route::AdminWordsStats => admin::words::stats(cx).await,
        Route::AdminWordUpdate => admin::words::update(cx).await,
        Route::AdminWordDelete => admin::words::delete(cx).await,
        Route::AdminAnnounce => admin::announce(cx).await,
        Route::AdminAudit => admin::records::audit(cx).await,
        Route::AdminExport => admin::records::export(cx).await,
        Route::AdminBackups => admin::backups::list(cx).await,
        Route::AdminBackupCreate => admin::backups::create(cx).await,
        Route::AdminBackupGet => admin::backups::download(cx).await,
        Route::StoryGames => games::list(cx).await,
        Route::GameGet => games::get(cx).await,
        Route::GameAttempt => games::attempt(cx).await,
        Route::MeGames => games::mine(cx).await,
        Route::AssistStatus => assist::status(cx).await,
        Route::AssistStory => assist::story(cx).await,
        Route::AssistOcr => assist::ocr(cx).await,
    };
    if let (Err(e), Some(user)) = (&answer, &cx.user) {
        record_refused_text(app, user.id, e).await;
    }
    answer
}

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

//! The route table: every API route once, with its method, path, who may call it, its
//! OpenAPI tag and its handler. Resolving a path (`http::router`), dispatching to the handler
//! (`api::dispatch`), the `Allow` header and the OpenAPI paths are all read from it.

use hyper::Method;

/// Who may call a route; enforced centrally before the handler runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone.
    Public,
    /// Anyone; a valid bearer token is read if present.
    Optional,
    /// A signed-in user.
    User,
    /// A signed-in admin.
    Admin,
    /// An admin token, or a request from the machine itself.
    AdminOrLoopback,
}

macro_rules! routes {
    ($($name:ident = $method:ident $path:literal, $access:ident, $tag:literal => $handler:path;)*) => {
        /// Every API route.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Route { $($name,)* }

        impl Route {
            /// All routes, in table order.
            pub const ALL: &'static [Route] = &[$(Route::$name,)*];

            /// The HTTP method.
            pub fn method(self) -> Method {
                match self { $(Route::$name => Method::$method,)* }
            }

            /// The path template, `{name}` marking parameters.
            pub fn template(self) -> &'static str {
                match self { $(Route::$name => $path,)* }
            }

            /// Who may call it.
            pub fn access(self) -> Access {
                match self { $(Route::$name => Access::$access,)* }
            }

            /// The OpenAPI tag.
            pub fn tag(self) -> &'static str {
                match self { $(Route::$name => $tag,)* }
            }
        }
    };
}

/// The table itself, handed to a macro that makes something of it: [`Route`] and its metadata
/// here, the dispatcher in `api` (whose scope names the handlers, so this file imports none).
macro_rules! table {
    ($then:ident) => {
        $then! {
        Healthz = GET "/healthz", Public, "system" => system::healthz;
        Metrics = GET "/metrics", AdminOrLoopback, "system" => system::metrics;
        Config = GET "/api/config", Public, "system" => system::config;
        OpenApi = GET "/api/openapi.json", Public, "system" => system::openapi;
        AuthRegister = POST "/api/auth/register", Public, "accounts" => users::auth::register;
        AuthLogin = POST "/api/auth/login", Public, "accounts" => users::auth::login;
        AuthRefresh = POST "/api/auth/refresh", Public, "accounts" => users::auth::refresh;
        AuthLogout = POST "/api/auth/logout", Optional, "accounts" => users::auth::logout;
        AuthLogoutAll = POST "/api/auth/logout-all", User, "accounts" => users::auth::logout_all;
        MeGet = GET "/api/me", User, "accounts" => users::me::get;
        MeUpdate = PATCH "/api/me", User, "accounts" => users::me::update;
        MeDelete = DELETE "/api/me", User, "accounts" => users::leaving::delete_me;
        MePassword = POST "/api/me/password", User, "accounts" => users::me::change_password;
        MeStories = GET "/api/me/stories", User, "accounts" => users::lists::stories;
        MeSaved = GET "/api/me/saved", User, "accounts" => users::lists::saved;
        MeAchievements = GET "/api/me/achievements", User, "accounts" => users::lists::achievements;
        MeXp = GET "/api/me/xp", User, "accounts" => users::lists::xp;
        MeExport = GET "/api/me/export", User, "accounts" => users::leaving::export_me;
        TextCheck = POST "/api/text/check", User, "safety" => system::check_text;
        StoriesList = GET "/api/stories", Optional, "stories" => stories::library::list;
        StoryCreate = POST "/api/stories", User, "stories" => stories::create;
        StoryGet = GET "/api/stories/{id}", Optional, "stories" => stories::get;
        StoryUpdate = PATCH "/api/stories/{id}", User, "stories" => stories::update;
        StoryDelete = DELETE "/api/stories/{id}", User, "stories" => stories::delete;
        StoryPublish = POST "/api/stories/{id}/publish", User, "stories" => stories::publish;
        StoryUnpublish = POST "/api/stories/{id}/unpublish", User, "stories" => stories::unpublish;
        PageAdd = POST "/api/stories/{id}/pages", User, "stories" => stories::pages::add;
        PageUpdate = PUT "/api/stories/{id}/pages/{page_id}", User, "stories" => stories::pages::update;
        PageDelete = DELETE "/api/stories/{id}/pages/{page_id}", User, "stories" => stories::pages::delete;
        PagesOrder = POST "/api/stories/{id}/pages/order", User, "stories" => stories::pages::reorder;
        CoauthorAdd = POST "/api/stories/{id}/coauthors", User, "stories" => stories::coauthors::add_coauthor;
        CoauthorRemove = DELETE "/api/stories/{id}/coauthors/{user_id}", User, "stories" => stories::coauthors::remove_coauthor;
        CoauthorInvites = GET "/api/coauthor-invites", User, "stories" => stories::coauthors::coauthor_invites;
        CoauthorInviteAccept = POST "/api/coauthor-invites/{id}/accept", User, "stories" => stories::coauthors::accept_coauthor_invite;
        CoauthorInviteDecline = POST "/api/coauthor-invites/{id}/decline", User, "stories" => stories::coauthors::decline_coauthor_invite;
        StoryLike = POST "/api/stories/{id}/like", User, "reactions" => stories::reactions::like;
        StoryUnlike = DELETE "/api/stories/{id}/like", User, "reactions" => stories::reactions::unlike;
        StorySave = POST "/api/stories/{id}/save", User, "reactions" => stories::reactions::save;
        StoryUnsave = DELETE "/api/stories/{id}/save", User, "reactions" => stories::reactions::unsave;
        StoryRate = PUT "/api/stories/{id}/rating", User, "reactions" => stories::reactions::rate;
        StoryRead = POST "/api/stories/{id}/reads", Optional, "reactions" => stories::reactions::read;
        CommentsList = GET "/api/stories/{id}/comments", Optional, "reactions" => stories::comments::list;
        CommentCreate = POST "/api/stories/{id}/comments", User, "reactions" => stories::comments::create;
        CommentUpdate = PATCH "/api/comments/{id}", User, "reactions" => stories::comments::update;
        CommentDelete = DELETE "/api/comments/{id}", User, "reactions" => stories::comments::delete;
        MediaUpload = POST "/api/media", User, "media" => media::upload;
        MediaGet = GET "/media/{id}", Public, "media" => media::serve;
        CharactersList = GET "/api/characters", User, "characters" => characters::list;
        CharacterCreate = POST "/api/characters", User, "characters" => characters::create;
        CharacterUpdate = PATCH "/api/characters/{id}", User, "characters" => characters::update;
        CharacterDelete = DELETE "/api/characters/{id}", User, "characters" => characters::delete;
        UsersSearch = GET "/api/users/search", User, "social" => social::users::search;
        UserGet = GET "/api/users/{id}", User, "social" => social::users::profile;
        FriendsList = GET "/api/friends", User, "social" => social::friends::list;
        FriendRemove = DELETE "/api/friends/{user_id}", User, "social" => social::friends::unfriend;
        FriendRequests = GET "/api/friends/requests", User, "social" => social::friends::requests;
        FriendRequestSend = POST "/api/friends/requests", User, "social" => social::friends::send;
        FriendRequestAccept = POST "/api/friends/requests/{id}/accept", User, "social" => social::friends::accept;
        FriendRequestReject = POST "/api/friends/requests/{id}/reject", User, "social" => social::friends::reject;
        FriendRequestCancel = POST "/api/friends/requests/{id}/cancel", User, "social" => social::friends::cancel;
        Feed = GET "/api/feed", User, "social" => social::feed::feed;
        Leaderboard = GET "/api/leaderboard", User, "social" => social::feed::leaderboard;
        NotificationsList = GET "/api/notifications", User, "notifications" => notifications::list;
        NotificationRead = POST "/api/notifications/{id}/read", User, "notifications" => notifications::mark_read;
        NotificationsReadAll = POST "/api/notifications/read-all", User, "notifications" => notifications::mark_all_read;
        RealtimeTicket = POST "/api/realtime/ticket", User, "realtime" => tickets::issue;
        Conversations = GET "/api/conversations", User, "messages" => messages::conversations;
        MessagesList = GET "/api/conversations/{user_id}/messages", User, "messages" => messages::list;
        MessageSend = POST "/api/conversations/{user_id}/messages", User, "messages" => messages::send;
        MessagesRead = POST "/api/conversations/{user_id}/read", User, "messages" => messages::mark_read;
        MessageEdit = PATCH "/api/messages/{id}", User, "messages" => messages::edit;
        MessageDelete = DELETE "/api/messages/{id}", User, "messages" => messages::delete;
        CollabCreate = POST "/api/collab/sessions", User, "collab" => collab::create;
        CollabList = GET "/api/collab/sessions", User, "collab" => collab::list;
        CollabGet = GET "/api/collab/sessions/{id}", User, "collab" => collab::get;
        CollabJoin = POST "/api/collab/join", User, "collab" => collab::join;
        CollabInvite = POST "/api/collab/sessions/{id}/invites", User, "collab" => collab::invite;
        CollabInvites = GET "/api/collab/invites", User, "collab" => collab::invites;
        CollabInviteAccept = POST "/api/collab/invites/{id}/accept", User, "collab" => collab::accept;
        CollabInviteDecline = POST "/api/collab/invites/{id}/decline", User, "collab" => collab::decline;
        CollabKick = POST "/api/collab/sessions/{id}/kick", User, "collab" => collab::kick;
        CollabLobbyClose = POST "/api/collab/sessions/{id}/lobby/close", User, "collab" => collab::close_lobby;
        CollabStart = POST "/api/collab/sessions/{id}/start", User, "collab" => collab::start;
        CollabEnd = POST "/api/collab/sessions/{id}/end", User, "collab" => collab::end;
        AuthReset = POST "/api/auth/reset", Public, "accounts" => users::reset::reset;
        FamilyChildren = GET "/api/family/children", User, "family" => family::list;
        FamilyChildCreate = POST "/api/family/children", User, "family" => family::create;
        FamilyLinkCode = POST "/api/family/link-codes", User, "family" => family::link::make_code;
        FamilyLink = POST "/api/family/link", User, "family" => family::link::link;
        FamilyChildUpdate = PATCH "/api/family/children/{id}", User, "family" => family::update;
        FamilyChildUnlink = DELETE "/api/family/children/{id}", User, "family" => family::unlink;
        FamilyChildPassword = POST "/api/family/children/{id}/password", User, "family" => family::set_password;
        FamilyChildOverview = GET "/api/family/children/{id}/overview", User, "family" => family::overview::overview;
        FamilyChildViewAs = POST "/api/family/children/{id}/view-as", User, "family" => family::view_as;
        FamilyChildExport = GET "/api/family/children/{id}/export", User, "family" => users::leaving::export_child;
        FamilyChildDelete = DELETE "/api/family/children/{id}/account", User, "family" => users::leaving::delete_child;
        FamilyRequests = GET "/api/family/requests", User, "family" => family::guardian::list;
        FamilyRequestApprove = POST "/api/family/requests/{id}/approve", User, "family" => family::guardian::approve;
        FamilyRequestDecline = POST "/api/family/requests/{id}/decline", User, "family" => family::guardian::decline;
        ClassesList = GET "/api/classes", User, "classes" => classes::list;
        ClassCreate = POST "/api/classes", User, "classes" => classes::create;
        ClassJoin = POST "/api/classes/join", User, "classes" => classes::join;
        ClassGet = GET "/api/classes/{id}", User, "classes" => classes::get;
        ClassRename = PATCH "/api/classes/{id}", User, "classes" => classes::rename;
        ClassDelete = DELETE "/api/classes/{id}", User, "classes" => classes::delete;
        ClassJoinCode = POST "/api/classes/{id}/join-code", User, "classes" => classes::rotate_code;
        ClassReport = GET "/api/classes/{id}/report", User, "classes" => classes::report::report;
        ClassApprove = POST "/api/classes/{id}/members/{user_id}/approve", User, "classes" => classes::approve;
        ClassRemove = DELETE "/api/classes/{id}/members/{user_id}", User, "classes" => classes::remove;
        ReportCreate = POST "/api/reports", User, "safety" => reports::create;
        AdminStats = GET "/api/admin/stats", Admin, "admin" => admin::stats;
        AdminUsers = GET "/api/admin/users", Admin, "admin" => admin::users::list;
        AdminUserGet = GET "/api/admin/users/{id}", Admin, "admin" => admin::users::get;
        AdminUserUpdate = PATCH "/api/admin/users/{id}", Admin, "admin" => admin::users::update;
        AdminUserDelete = DELETE "/api/admin/users/{id}", Admin, "admin" => users::leaving::delete_by_admin;
        AdminResetCode = POST "/api/admin/users/{id}/reset-code", Admin, "admin" => admin::users::reset_code;
        AdminModeration = GET "/api/admin/moderation", Admin, "admin" => admin::moderation::list;
        AdminModerate = POST "/api/admin/moderation/{kind}/{id}", Admin, "admin" => admin::moderation::act;
        AdminWords = GET "/api/admin/profanity", Admin, "admin" => admin::words::list;
        AdminWordAdd = POST "/api/admin/profanity", Admin, "admin" => admin::words::add;
        AdminWordsBulk = POST "/api/admin/profanity/bulk", Admin, "admin" => admin::words::bulk;
        AdminWordsStats = GET "/api/admin/profanity/stats", Admin, "admin" => admin::words::stats;
        AdminWordUpdate = PATCH "/api/admin/profanity/{id}", Admin, "admin" => admin::words::update;
        AdminWordDelete = DELETE "/api/admin/profanity/{id}", Admin, "admin" => admin::words::delete;
        AdminAnnounce = POST "/api/admin/announcements", Admin, "admin" => admin::announce;
        AdminAudit = GET "/api/admin/audit", Admin, "admin" => admin::records::audit;
        AdminExport = GET "/api/admin/export", Admin, "admin" => admin::records::export;
        AdminBackups = GET "/api/admin/backups", Admin, "admin" => admin::backups::list;
        AdminBackupCreate = POST "/api/admin/backups", Admin, "admin" => admin::backups::create;
        AdminBackupGet = GET "/api/admin/backups/{name}", Admin, "admin" => admin::backups::download;
        StoryGames = GET "/api/stories/{id}/games", Optional, "games" => games::list;
        GameGet = GET "/api/games/{id}", Optional, "games" => games::get;
        GameAttempt = POST "/api/games/{id}/attempts", User, "games" => games::attempt;
        MeGames = GET "/api/me/games", User, "games" => games::mine;
        AssistStatus = GET "/api/assist/status", User, "assist" => assist::status;
        AssistStory = POST "/api/assist/story", User, "assist" => assist::story;
        AssistOcr = POST "/api/assist/ocr", User, "assist" => assist::ocr;
        }
    };
}
pub(crate) use table;

table!(routes);

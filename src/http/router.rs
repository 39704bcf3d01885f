//! The route table and the hand-written router: one `match` on the path segments, then on the
//! method, handing typed parameters to the dispatcher.
//!
//! The `routes!` table is the single list of API routes: the OpenAPI document is generated from
//! it, and tests check that every entry resolves back to itself and appears in the document.

use hyper::Method;

use super::request::Params;

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
    ($($name:ident = $method:ident $path:literal, $access:ident, $tag:literal;)*) => {
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

routes! {
    Healthz = GET "/healthz", Public, "system";
    Metrics = GET "/metrics", AdminOrLoopback, "system";
    Config = GET "/api/config", Public, "system";
    OpenApi = GET "/api/openapi.json", Public, "system";
    AuthRegister = POST "/api/auth/register", Public, "accounts";
    AuthLogin = POST "/api/auth/login", Public, "accounts";
    AuthRefresh = POST "/api/auth/refresh", Public, "accounts";
    AuthLogout = POST "/api/auth/logout", Optional, "accounts";
    AuthLogoutAll = POST "/api/auth/logout-all", User, "accounts";
    MeGet = GET "/api/me", User, "accounts";
    MeUpdate = PATCH "/api/me", User, "accounts";
    MeDelete = DELETE "/api/me", User, "accounts";
    MePassword = POST "/api/me/password", User, "accounts";
    MeStories = GET "/api/me/stories", User, "accounts";
    MeSaved = GET "/api/me/saved", User, "accounts";
    MeAchievements = GET "/api/me/achievements", User, "accounts";
    MeXp = GET "/api/me/xp", User, "accounts";
    MeExport = GET "/api/me/export", User, "accounts";
    TextCheck = POST "/api/text/check", User, "safety";
    StoriesList = GET "/api/stories", Optional, "stories";
    StoryCreate = POST "/api/stories", User, "stories";
    StoryGet = GET "/api/stories/{id}", Optional, "stories";
    StoryUpdate = PATCH "/api/stories/{id}", User, "stories";
    StoryDelete = DELETE "/api/stories/{id}", User, "stories";
    StoryPublish = POST "/api/stories/{id}/publish", User, "stories";
    StoryUnpublish = POST "/api/stories/{id}/unpublish", User, "stories";
    PageAdd = POST "/api/stories/{id}/pages", User, "stories";
    PageUpdate = PUT "/api/stories/{id}/pages/{page_id}", User, "stories";
    PageDelete = DELETE "/api/stories/{id}/pages/{page_id}", User, "stories";
    PagesOrder = POST "/api/stories/{id}/pages/order", User, "stories";
    CoauthorAdd = POST "/api/stories/{id}/coauthors", User, "stories";
    CoauthorRemove = DELETE "/api/stories/{id}/coauthors/{user_id}", User, "stories";
    CoauthorInvites = GET "/api/coauthor-invites", User, "stories";
    CoauthorInviteAccept = POST "/api/coauthor-invites/{id}/accept", User, "stories";
    CoauthorInviteDecline = POST "/api/coauthor-invites/{id}/decline", User, "stories";
    StoryLike = POST "/api/stories/{id}/like", User, "reactions";
    StoryUnlike = DELETE "/api/stories/{id}/like", User, "reactions";
    StorySave = POST "/api/stories/{id}/save", User, "reactions";
    StoryUnsave = DELETE "/api/stories/{id}/save", User, "reactions";
    StoryRate = PUT "/api/stories/{id}/rating", User, "reactions";
    StoryRead = POST "/api/stories/{id}/reads", Optional, "reactions";
    CommentsList = GET "/api/stories/{id}/comments", Optional, "reactions";
    CommentCreate = POST "/api/stories/{id}/comments", User, "reactions";
    CommentUpdate = PATCH "/api/comments/{id}", User, "reactions";
    CommentDelete = DELETE "/api/comments/{id}", User, "reactions";
    MediaUpload = POST "/api/media", User, "media";
    MediaGet = GET "/media/{id}", Public, "media";
    CharactersList = GET "/api/characters", User, "characters";
    CharacterCreate = POST "/api/characters", User, "characters";
    CharacterUpdate = PATCH "/api/characters/{id}", User, "characters";
    CharacterDelete = DELETE "/api/characters/{id}", User, "characters";
    UsersSearch = GET "/api/users/search", User, "social";
    UserGet = GET "/api/users/{id}", User, "social";
    FriendsList = GET "/api/friends", User, "social";
    FriendRemove = DELETE "/api/friends/{user_id}", User, "social";
    FriendRequests = GET "/api/friends/requests", User, "social";
    FriendRequestSend = POST "/api/friends/requests", User, "social";
    FriendRequestAccept = POST "/api/friends/requests/{id}/accept", User, "social";
    FriendRequestReject = POST "/api/friends/requests/{id}/reject", User, "social";
    FriendRequestCancel = POST "/api/friends/requests/{id}/cancel", User, "social";
    Feed = GET "/api/feed", User, "social";
    Leaderboard = GET "/api/leaderboard", User, "social";
    NotificationsList = GET "/api/notifications", User, "notifications";
    NotificationRead = POST "/api/notifications/{id}/read", User, "notifications";
    NotificationsReadAll = POST "/api/notifications/read-all", User, "notifications";
    RealtimeTicket = POST "/api/realtime/ticket", User, "realtime";
    Conversations = GET "/api/conversations", User, "messages";
    MessagesList = GET "/api/conversations/{user_id}/messages", User, "messages";
    MessageSend = POST "/api/conversations/{user_id}/messages", User, "messages";
    MessagesRead = POST "/api/conversations/{user_id}/read", User, "messages";
    MessageEdit = PATCH "/api/messages/{id}", User, "messages";
    MessageDelete = DELETE "/api/messages/{id}", User, "messages";
    CollabCreate = POST "/api/collab/sessions", User, "collab";
    CollabList = GET "/api/collab/sessions", User, "collab";
    CollabGet = GET "/api/collab/sessions/{id}", User, "collab";
    CollabJoin = POST "/api/collab/join", User, "collab";
    CollabInvite = POST "/api/collab/sessions/{id}/invites", User, "collab";
    CollabInvites = GET "/api/collab/invites", User, "collab";
    CollabInviteAccept = POST "/api/collab/invites/{id}/accept", User, "collab";
    CollabInviteDecline = POST "/api/collab/invites/{id}/decline", User, "collab";
    CollabKick = POST "/api/collab/sessions/{id}/kick", User, "collab";
    CollabLobbyClose = POST "/api/collab/sessions/{id}/lobby/close", User, "collab";
    CollabStart = POST "/api/collab/sessions/{id}/start", User, "collab";
    CollabEnd = POST "/api/collab/sessions/{id}/end", User, "collab";
    AuthReset = POST "/api/auth/reset", Public, "accounts";
    FamilyChildren = GET "/api/family/children", User, "family";
    FamilyChildCreate = POST "/api/family/children", User, "family";
    FamilyLinkCode = POST "/api/family/link-codes", User, "family";
    FamilyLink = POST "/api/family/link", User, "family";
    FamilyChildUpdate = PATCH "/api/family/children/{id}", User, "family";
    FamilyChildUnlink = DELETE "/api/family/children/{id}", User, "family";
    FamilyChildPassword = POST "/api/family/children/{id}/password", User, "family";
    FamilyChildOverview = GET "/api/family/children/{id}/overview", User, "family";
    FamilyChildViewAs = POST "/api/family/children/{id}/view-as", User, "family";
    FamilyChildExport = GET "/api/family/children/{id}/export", User, "family";
    FamilyChildDelete = DELETE "/api/family/children/{id}/account", User, "family";
    FamilyRequests = GET "/api/family/requests", User, "family";
    FamilyRequestApprove = POST "/api/family/requests/{id}/approve", User, "family";
    FamilyRequestDecline = POST "/api/family/requests/{id}/decline", User, "family";
    ClassesList = GET "/api/classes", User, "classes";
    ClassCreate = POST "/api/classes", User, "classes";
    ClassJoin = POST "/api/classes/join", User, "classes";
    ClassGet = GET "/api/classes/{id}", User, "classes";
    ClassRename = PATCH "/api/classes/{id}", User, "classes";
    ClassDelete = DELETE "/api/classes/{id}", User, "classes";
    ClassJoinCode = POST "/api/classes/{id}/join-code", User, "classes";
    ClassReport = GET "/api/classes/{id}/report", User, "classes";
    ClassApprove = POST "/api/classes/{id}/members/{user_id}/approve", User, "classes";
    ClassRemove = DELETE "/api/classes/{id}/members/{user_id}", User, "classes";
    ReportCreate = POST "/api/reports", User, "safety";
    AdminStats = GET "/api/admin/stats", Admin, "admin";
    AdminUsers = GET "/api/admin/users", Admin, "admin";
    AdminUserGet = GET "/api/admin/users/{id}", Admin, "admin";
    AdminUserUpdate = PATCH "/api/admin/users/{id}", Admin, "admin";
    AdminUserDelete = DELETE "/api/admin/users/{id}", Admin, "admin";
    AdminResetCode = POST "/api/admin/users/{id}/reset-code", Admin, "admin";
    AdminModeration = GET "/api/admin/moderation", Admin, "admin";
    AdminModerate = POST "/api/admin/moderation/{kind}/{id}", Admin, "admin";
    AdminWords = GET "/api/admin/profanity", Admin, "admin";
    AdminWordAdd = POST "/api/admin/profanity", Admin, "admin";
    AdminWordsBulk = POST "/api/admin/profanity/bulk", Admin, "admin";
    AdminWordsStats = GET "/api/admin/profanity/stats", Admin, "admin";
    AdminWordUpdate = PATCH "/api/admin/profanity/{id}", Admin, "admin";
    AdminWordDelete = DELETE "/api/admin/profanity/{id}", Admin, "admin";
    AdminAnnounce = POST "/api/admin/announcements", Admin, "admin";
    AdminAudit = GET "/api/admin/audit", Admin, "admin";
    AdminExport = GET "/api/admin/export", Admin, "admin";
    AdminBackups = GET "/api/admin/backups", Admin, "admin";
    AdminBackupCreate = POST "/api/admin/backups", Admin, "admin";
    AdminBackupGet = GET "/api/admin/backups/{name}", Admin, "admin";
    StoryGames = GET "/api/stories/{id}/games", Optional, "games";
    GameGet = GET "/api/games/{id}", Optional, "games";
    GameAttempt = POST "/api/games/{id}/attempts", User, "games";
    MeGames = GET "/api/me/games", User, "games";
    AssistStatus = GET "/api/assist/status", User, "assist";
    AssistStory = POST "/api/assist/story", User, "assist";
    AssistOcr = POST "/api/assist/ocr", User, "assist";
}

/// Where a request goes.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// An API route with its parameters.
    Api(Route, Params),
    /// A GET for the SPA or its assets.
    Static,
    /// A known path that does not take this method.
    MethodNotAllowed(&'static str),
    /// Nothing here.
    NotFound,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum M {
    Get,
    Post,
    Put,
    Patch,
    Delete,
    Other,
}

fn method_of(m: &Method) -> M {
    match m.as_str() {
        // HEAD is answered like GET; hyper leaves the body out.
        "GET" | "HEAD" => M::Get,
        "POST" => M::Post,
        "PUT" => M::Put,
        "PATCH" => M::Patch,
        "DELETE" => M::Delete,
        _ => M::Other,
    }
}

/// Most path segments any route has; longer paths are not routed.
const MAX_SEGMENTS: usize = 8;

/// Resolves a method and path.
pub fn resolve(method: &Method, path: &str) -> Resolved {
    use Route::*;
    let m = method_of(method);
    // Only origin-form paths name anything; hyper hands over `*` or an authority as-is.
    let Some(rest) = path.strip_prefix('/') else {
        return Resolved::NotFound;
    };
    let mut segs = [""; MAX_SEGMENTS];
    let mut n = 0;
    for s in rest.split('/') {
        if n == MAX_SEGMENTS {
            return if path.starts_with("/api/") {
                Resolved::NotFound
            } else {
                fallback(m)
            };
        }
        segs[n] = s;
        n += 1;
    }
    let api = |r: Route| Resolved::Api(r, Params::default());
    let with = |r: Route, ids: Vec<i64>| {
        Resolved::Api(
            r,
            Params {
                ids,
                keys: Vec::new(),
            },
        )
    };
    let only = |want: M, r: Route, allow: &'static str| {
        if m == want {
            api(r)
        } else {
            Resolved::MethodNotAllowed(allow)
        }
    };
    let not_allowed = Resolved::MethodNotAllowed;
    // A path id that is not a positive integer names nothing: 404, not 400.
    let id = |s: &str| parse_id(s);
    match &segs[..n] {
        ["healthz"] => only(M::Get, Healthz, "GET, HEAD"),
        ["metrics"] => only(M::Get, Metrics, "GET, HEAD"),
        ["media", key] => {
            if m == M::Get {
                Resolved::Api(
                    MediaGet,
                    Params {
                        ids: Vec::new(),
                        keys: vec![(*key).to_string()],
                    },
                )
            } else {
                not_allowed("GET, HEAD")
            }
        }
        ["api", "config"] => only(M::Get, Config, "GET, HEAD"),
        ["api", "openapi.json"] => only(M::Get, OpenApi, "GET, HEAD"),
        ["api", "auth", "register"] => only(M::Post, AuthRegister, "POST"),
        ["api", "auth", "login"] => only(M::Post, AuthLogin, "POST"),
        ["api", "auth", "refresh"] => only(M::Post, AuthRefresh, "POST"),
        ["api", "auth", "logout"] => only(M::Post, AuthLogout, "POST"),
        ["api", "auth", "logout-all"] => only(M::Post, AuthLogoutAll, "POST"),
        ["api", "me"] => match m {
            M::Get => api(MeGet),
            M::Patch => api(MeUpdate),
            M::Delete => api(MeDelete),
            _ => not_allowed("GET, HEAD, PATCH, DELETE"),
        },
        ["api", "me", "password"] => only(M::Post, MePassword, "POST"),
        ["api", "me", "stories"] => only(M::Get, MeStories, "GET, HEAD"),
        ["api", "me", "saved"] => only(M::Get, MeSaved, "GET, HEAD"),
        ["api", "me", "achievements"] => only(M::Get, MeAchievements, "GET, HEAD"),
        ["api", "me", "xp"] => only(M::Get, MeXp, "GET, HEAD"),
        ["api", "me", "export"] => only(M::Get, MeExport, "GET, HEAD"),
        ["api", "text", "check"] => only(M::Post, TextCheck, "POST"),
        ["api", "stories"] => match m {
            M::Get => api(StoriesList),
            M::Post => api(StoryCreate),
            _ => not_allowed("GET, HEAD, POST"),
        },
        ["api", "stories", s] => match (id(s), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Get) => with(StoryGet, vec![i]),
            (Some(i), M::Patch) => with(StoryUpdate, vec![i]),
            (Some(i), M::Delete) => with(StoryDelete, vec![i]),
            _ => not_allowed("GET, HEAD, PATCH, DELETE"),
        },
        ["api", "stories", s, action] => {
            let Some(i) = id(s) else {
                return Resolved::NotFound;
            };
            let r = match (*action, m) {
                ("publish", M::Post) => StoryPublish,
                ("unpublish", M::Post) => StoryUnpublish,
                ("pages", M::Post) => PageAdd,
                ("coauthors", M::Post) => CoauthorAdd,
                ("like", M::Post) => StoryLike,
                ("like", M::Delete) => StoryUnlike,
                ("save", M::Post) => StorySave,
                ("save", M::Delete) => StoryUnsave,
                ("rating", M::Put) => StoryRate,
                ("reads", M::Post) => StoryRead,
                ("comments", M::Get) => CommentsList,
                ("comments", M::Post) => CommentCreate,
                ("games", M::Get) => StoryGames,
                ("games", _) => return not_allowed("GET, HEAD"),
                ("publish" | "unpublish" | "pages" | "coauthors" | "reads", _) => {
                    return not_allowed("POST");
                }
                ("like" | "save", _) => return not_allowed("POST, DELETE"),
                ("rating", _) => return not_allowed("PUT"),
                ("comments", _) => return not_allowed("GET, HEAD, POST"),
                _ => return Resolved::NotFound,
            };
            with(r, vec![i])
        }
        ["api", "stories", s, "pages", "order"] => match id(s) {
            None => Resolved::NotFound,
            Some(i) if m == M::Post => with(PagesOrder, vec![i]),
            Some(_) => not_allowed("POST"),
        },
        ["api", "stories", s, "pages", p] => match (id(s), id(p), m) {
            (Some(i), Some(pid), M::Put) => with(PageUpdate, vec![i, pid]),
            (Some(i), Some(pid), M::Delete) => with(PageDelete, vec![i, pid]),
            (Some(_), Some(_), _) => not_allowed("PUT, DELETE"),
            _ => Resolved::NotFound,
        },
        ["api", "stories", s, "coauthors", u] => match (id(s), id(u), m) {
            (Some(i), Some(uid), M::Delete) => with(CoauthorRemove, vec![i, uid]),
            (Some(_), Some(_), _) => not_allowed("DELETE"),
            _ => Resolved::NotFound,
        },
        ["api", "comments", c] => match (id(c), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Patch) => with(CommentUpdate, vec![i]),
            (Some(i), M::Delete) => with(CommentDelete, vec![i]),
            _ => not_allowed("PATCH, DELETE"),
        },
        ["api", "media"] => only(M::Post, MediaUpload, "POST"),
        ["api", "characters"] => match m {
            M::Get => api(CharactersList),
            M::Post => api(CharacterCreate),
            _ => not_allowed("GET, HEAD, POST"),
        },
        ["api", "characters", c] => match (id(c), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Patch) => with(CharacterUpdate, vec![i]),
            (Some(i), M::Delete) => with(CharacterDelete, vec![i]),
            _ => not_allowed("PATCH, DELETE"),
        },
        ["api", "users", "search"] => only(M::Get, UsersSearch, "GET, HEAD"),
        ["api", "users", u] => match (id(u), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Get) => with(UserGet, vec![i]),
            _ => not_allowed("GET, HEAD"),
        },
        ["api", "coauthor-invites"] => only(M::Get, CoauthorInvites, "GET, HEAD"),
        ["api", "coauthor-invites", r, action] => {
            let Some(i) = id(r) else {
                return Resolved::NotFound;
            };
            let route = match *action {
                "accept" => CoauthorInviteAccept,
                "decline" => CoauthorInviteDecline,
                _ => return Resolved::NotFound,
            };
            if m == M::Post {
                with(route, vec![i])
            } else {
                not_allowed("POST")
            }
        }
        ["api", "friends"] => only(M::Get, FriendsList, "GET, HEAD"),
        ["api", "friends", "requests"] => match m {
            M::Get => api(FriendRequests),
            M::Post => api(FriendRequestSend),
            _ => not_allowed("GET, HEAD, POST"),
        },
        ["api", "friends", "requests", r, action] => {
            let Some(i) = id(r) else {
                return Resolved::NotFound;
            };
            let route = match *action {
                "accept" => FriendRequestAccept,
                "reject" => FriendRequestReject,
                "cancel" => FriendRequestCancel,
                _ => return Resolved::NotFound,
            };
            if m == M::Post {
                with(route, vec![i])
            } else {
                not_allowed("POST")
            }
        }
        ["api", "friends", u] => match (id(u), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Delete) => with(FriendRemove, vec![i]),
            _ => not_allowed("DELETE"),
        },
        ["api", "feed"] => only(M::Get, Feed, "GET, HEAD"),
        ["api", "leaderboard"] => only(M::Get, Leaderboard, "GET, HEAD"),
        ["api", "notifications"] => only(M::Get, NotificationsList, "GET, HEAD"),
        ["api", "notifications", "read-all"] => only(M::Post, NotificationsReadAll, "POST"),
        ["api", "realtime", "ticket"] => only(M::Post, RealtimeTicket, "POST"),
        ["api", "conversations"] => only(M::Get, Conversations, "GET, HEAD"),
        ["api", "conversations", u, "messages"] => match (id(u), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Get) => with(MessagesList, vec![i]),
            (Some(i), M::Post) => with(MessageSend, vec![i]),
            _ => not_allowed("GET, HEAD, POST"),
        },
        ["api", "conversations", u, "read"] => match (id(u), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Post) => with(MessagesRead, vec![i]),
            _ => not_allowed("POST"),
        },
        ["api", "messages", mid] => match (id(mid), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Patch) => with(MessageEdit, vec![i]),
            (Some(i), M::Delete) => with(MessageDelete, vec![i]),
            _ => not_allowed("PATCH, DELETE"),
        },
        ["api", "collab", "sessions"] => match m {
            M::Get => api(CollabList),
            M::Post => api(CollabCreate),
            _ => not_allowed("GET, HEAD, POST"),
        },
        ["api", "collab", "sessions", s] => match (id(s), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Get) => with(CollabGet, vec![i]),
            _ => not_allowed("GET, HEAD"),
        },
        ["api", "collab", "sessions", s, action] => {
            let Some(i) = id(s) else {
                return Resolved::NotFound;
            };
            let route = match *action {
                "invites" => CollabInvite,
                "kick" => CollabKick,
                "start" => CollabStart,
                "end" => CollabEnd,
                _ => return Resolved::NotFound,
            };
            if m == M::Post {
                with(route, vec![i])
            } else {
                not_allowed("POST")
            }
        }
        ["api", "collab", "sessions", s, "lobby", "close"] => match (id(s), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Post) => with(CollabLobbyClose, vec![i]),
            _ => not_allowed("POST"),
        },
        ["api", "collab", "join"] => only(M::Post, CollabJoin, "POST"),
        ["api", "collab", "invites"] => only(M::Get, CollabInvites, "GET, HEAD"),
        ["api", "collab", "invites", inv, action] => {
            let Some(i) = id(inv) else {
                return Resolved::NotFound;
            };
            let route = match *action {
                "accept" => CollabInviteAccept,
                "decline" => CollabInviteDecline,
                _ => return Resolved::NotFound,
            };
            if m == M::Post {
                with(route, vec![i])
            } else {
                not_allowed("POST")
            }
        }
        ["api", "auth", "reset"] => only(M::Post, AuthReset, "POST"),
        ["api", "me", "games"] => only(M::Get, MeGames, "GET, HEAD"),
        ["api", "assist", "status"] => only(M::Get, AssistStatus, "GET, HEAD"),
        ["api", "assist", "story"] => only(M::Post, AssistStory, "POST"),
        ["api", "assist", "ocr"] => only(M::Post, AssistOcr, "POST"),
        ["api", "games", g] => match (id(g), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Get) => with(GameGet, vec![i]),
            _ => not_allowed("GET, HEAD"),
        },
        ["api", "games", g, "attempts"] => match (id(g), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Post) => with(GameAttempt, vec![i]),
            _ => not_allowed("POST"),
        },
        ["api", "family", "children"] => match m {
            M::Get => api(FamilyChildren),
            M::Post => api(FamilyChildCreate),
            _ => not_allowed("GET, HEAD, POST"),
        },
        ["api", "family", "link-codes"] => only(M::Post, FamilyLinkCode, "POST"),
        ["api", "family", "link"] => only(M::Post, FamilyLink, "POST"),
        ["api", "family", "requests"] => only(M::Get, FamilyRequests, "GET, HEAD"),
        ["api", "family", "requests", r, action] => {
            let Some(i) = id(r) else {
                return Resolved::NotFound;
            };
            let route = match *action {
                "approve" => FamilyRequestApprove,
                "decline" => FamilyRequestDecline,
                _ => return Resolved::NotFound,
            };
            if m == M::Post {
                with(route, vec![i])
            } else {
                not_allowed("POST")
            }
        }
        ["api", "family", "children", s] => match (id(s), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Patch) => with(FamilyChildUpdate, vec![i]),
            (Some(i), M::Delete) => with(FamilyChildUnlink, vec![i]),
            _ => not_allowed("PATCH, DELETE"),
        },
        ["api", "family", "children", s, action] => {
            let Some(i) = id(s) else {
                return Resolved::NotFound;
            };
            match (*action, m) {
                ("password", M::Post) => with(FamilyChildPassword, vec![i]),
                ("view-as", M::Post) => with(FamilyChildViewAs, vec![i]),
                ("overview", M::Get) => with(FamilyChildOverview, vec![i]),
                ("export", M::Get) => with(FamilyChildExport, vec![i]),
                ("account", M::Delete) => with(FamilyChildDelete, vec![i]),
                ("password" | "view-as", _) => not_allowed("POST"),
                ("overview" | "export", _) => not_allowed("GET, HEAD"),
                ("account", _) => not_allowed("DELETE"),
                _ => Resolved::NotFound,
            }
        }
        ["api", "classes"] => match m {
            M::Get => api(ClassesList),
            M::Post => api(ClassCreate),
            _ => not_allowed("GET, HEAD, POST"),
        },
        ["api", "classes", "join"] => only(M::Post, ClassJoin, "POST"),
        ["api", "classes", s] => match (id(s), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Get) => with(ClassGet, vec![i]),
            (Some(i), M::Patch) => with(ClassRename, vec![i]),
            (Some(i), M::Delete) => with(ClassDelete, vec![i]),
            _ => not_allowed("GET, HEAD, PATCH, DELETE"),
        },
        ["api", "classes", s, "join-code"] => match (id(s), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Post) => with(ClassJoinCode, vec![i]),
            _ => not_allowed("POST"),
        },
        ["api", "classes", s, "report"] => match (id(s), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Get) => with(ClassReport, vec![i]),
            _ => not_allowed("GET, HEAD"),
        },
        ["api", "classes", s, "members", u] => match (id(s), id(u), m) {
            (Some(i), Some(j), M::Delete) => with(ClassRemove, vec![i, j]),
            (Some(_), Some(_), _) => not_allowed("DELETE"),
            _ => Resolved::NotFound,
        },
        ["api", "classes", s, "members", u, "approve"] => match (id(s), id(u), m) {
            (Some(i), Some(j), M::Post) => with(ClassApprove, vec![i, j]),
            (Some(_), Some(_), _) => not_allowed("POST"),
            _ => Resolved::NotFound,
        },
        ["api", "reports"] => only(M::Post, ReportCreate, "POST"),
        ["api", "admin", "stats"] => only(M::Get, AdminStats, "GET, HEAD"),
        ["api", "admin", "users"] => only(M::Get, AdminUsers, "GET, HEAD"),
        ["api", "admin", "users", s] => match (id(s), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Get) => with(AdminUserGet, vec![i]),
            (Some(i), M::Patch) => with(AdminUserUpdate, vec![i]),
            (Some(i), M::Delete) => with(AdminUserDelete, vec![i]),
            _ => not_allowed("GET, HEAD, PATCH, DELETE"),
        },
        ["api", "admin", "users", s, "reset-code"] => match (id(s), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Post) => with(AdminResetCode, vec![i]),
            _ => not_allowed("POST"),
        },
        ["api", "admin", "moderation"] => only(M::Get, AdminModeration, "GET, HEAD"),
        ["api", "admin", "moderation", kind, s] => match (id(s), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Post) => Resolved::Api(
                AdminModerate,
                Params {
                    ids: vec![i],
                    keys: vec![(*kind).to_string()],
                },
            ),
            _ => not_allowed("POST"),
        },
        ["api", "admin", "profanity"] => match m {
            M::Get => api(AdminWords),
            M::Post => api(AdminWordAdd),
            _ => not_allowed("GET, HEAD, POST"),
        },
        ["api", "admin", "profanity", "bulk"] => only(M::Post, AdminWordsBulk, "POST"),
        ["api", "admin", "profanity", "stats"] => only(M::Get, AdminWordsStats, "GET, HEAD"),
        ["api", "admin", "profanity", s] => match (id(s), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Patch) => with(AdminWordUpdate, vec![i]),
            (Some(i), M::Delete) => with(AdminWordDelete, vec![i]),
            _ => not_allowed("PATCH, DELETE"),
        },
        ["api", "admin", "announcements"] => only(M::Post, AdminAnnounce, "POST"),
        ["api", "admin", "audit"] => only(M::Get, AdminAudit, "GET, HEAD"),
        ["api", "admin", "export"] => only(M::Get, AdminExport, "GET, HEAD"),
        ["api", "admin", "backups"] => match m {
            M::Get => api(AdminBackups),
            M::Post => api(AdminBackupCreate),
            _ => not_allowed("GET, HEAD, POST"),
        },
        ["api", "admin", "backups", name] => {
            if m == M::Get {
                Resolved::Api(
                    AdminBackupGet,
                    Params {
                        ids: Vec::new(),
                        keys: vec![(*name).to_string()],
                    },
                )
            } else {
                not_allowed("GET, HEAD")
            }
        }
        ["api", "notifications", nid, "read"] => match (id(nid), m) {
            (None, _) => Resolved::NotFound,
            (Some(i), M::Post) => with(NotificationRead, vec![i]),
            _ => not_allowed("POST"),
        },
        ["api", ..] => Resolved::NotFound,
        _ => fallback(m),
    }
}

fn fallback(m: M) -> Resolved {
    if m == M::Get {
        Resolved::Static
    } else {
        Resolved::NotFound
    }
}

/// Parses a path id: a positive decimal without sign or leading zeros.
pub fn parse_id(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 18 || s.starts_with('0') || !s.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    s.parse().ok()
}

/// A concrete path for a template, with `1` for every parameter (for tests and docs).
pub fn sample_path(template: &str) -> String {
    let media = template.starts_with("/media/");
    template
        .split('/')
        .map(|seg| match (seg.starts_with('{'), media) {
            (true, true) => "0000000000000000000000000000000000000000000000000000000000000000",
            (true, false) => "1",
            (false, _) => seg,
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_resolves_to_itself() {
        for &r in Route::ALL {
            let path = sample_path(r.template());
            match resolve(&r.method(), &path) {
                Resolved::Api(got, _) => assert_eq!(got, r, "{path}"),
                other => panic!("{} {path} resolved to {other:?}", r.method()),
            }
        }
    }

    #[test]
    fn allow_lists_name_exactly_the_routed_methods() {
        for &r in Route::ALL {
            let path = sample_path(r.template());
            let mut expected: Vec<String> = Route::ALL
                .iter()
                .filter(|o| o.template() == r.template())
                .map(|o| o.method().to_string())
                .collect();
            if expected.iter().any(|m| m == "GET") {
                expected.push("HEAD".into());
            }
            expected.sort();
            let probe = Method::from_bytes(b"BREW").expect("method");
            match resolve(&probe, &path) {
                Resolved::MethodNotAllowed(allow) => {
                    let mut got: Vec<String> = allow.split(", ").map(String::from).collect();
                    got.sort();
                    assert_eq!(got, expected, "{path}");
                }
                other => panic!("{path} with BREW gave {other:?}"),
            }
        }
    }

    #[test]
    fn unknown_api_paths_are_not_found_and_others_go_to_the_spa() {
        assert_eq!(resolve(&Method::GET, "metrics"), Resolved::NotFound);
        assert_eq!(resolve(&Method::GET, "*"), Resolved::NotFound);
        assert_eq!(resolve(&Method::GET, "/api/nope"), Resolved::NotFound);
        assert_eq!(resolve(&Method::GET, "/api"), Resolved::NotFound);
        assert_eq!(resolve(&Method::GET, "/api/me/"), Resolved::NotFound);
        assert_eq!(resolve(&Method::POST, "/library"), Resolved::NotFound);
        assert_eq!(resolve(&Method::GET, "/library/story/5"), Resolved::Static);
        assert_eq!(resolve(&Method::HEAD, "/"), Resolved::Static);
        assert_eq!(
            resolve(&Method::GET, "/a/b/c/d/e/f/g/h/i/j"),
            Resolved::Static
        );
        assert_eq!(
            resolve(&Method::GET, "/api/a/b/c/d/e/f/g/h/i"),
            Resolved::NotFound
        );
    }

    #[test]
    fn ids_are_strict() {
        assert_eq!(parse_id("42"), Some(42));
        for bad in [
            "",
            "0",
            "042",
            "-1",
            "+1",
            "1e3",
            "abc",
            "9999999999999999999",
        ] {
            assert_eq!(parse_id(bad), None, "{bad}");
        }
    }
}

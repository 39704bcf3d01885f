//! The route table: every API route once, with its method, path, who may call it, its
//! OpenAPI tag, its handler and its OpenAPI operation. Resolving a path (`http::router`),
//! dispatching to the handler (`api::dispatch`), the `Allow` header and the OpenAPI document
//! (`http::openapi`) are all made from it. The handler and operation columns are tokens that
//! the dispatcher and the document expand in their own scope, so this file imports neither.

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
    ($($name:ident = $method:ident $path:literal, $access:ident, $tag:literal => $handler:path, $doc:expr;)*) => {
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
        Healthz = GET "/healthz", Public, "system" => system::healthz,
            op("Health check: 200 when the database answers", None, vec![("200", "Healthy", Some("Health")), ("503", "Database unavailable", Some("Health"))]);
        Metrics = GET "/metrics", AdminOrLoopback, "system" => system::metrics,
            op("Prometheus metrics (admin token, or a request from the machine itself)", None, vec![("200", "Metrics in Prometheus text format", None)]);
        Config = GET "/api/config", Public, "system" => system::config,
            op("Runtime settings the SPA needs", None, vec![("200", "Settings", Some("Config"))]);
        OpenApi = GET "/api/openapi.json", Public, "system" => system::openapi,
            op("This document", None, vec![("200", "OpenAPI 3.1 document", None)]);
        AuthRegister = POST "/api/auth/register", Public, "accounts" => users::auth::register,
            op("Sign up as a child, parent or teacher; answers with a signed-in session", Some("RegisterRequest"), vec![("201", "Account created and signed in", Some("Session"))]);
        AuthLogin = POST "/api/auth/login", Public, "accounts" => users::auth::login,
            op("Sign in with username and password", Some("LoginRequest"), vec![("200", "Signed in", Some("Session"))]);
        AuthRefresh = POST "/api/auth/refresh", Public, "accounts" => users::auth::refresh,
            op("Exchange a refresh token for new tokens; reusing an old one ends the session", Some("RefreshRequest"), vec![("200", "New tokens", Some("Tokens"))]);
        AuthLogout = POST "/api/auth/logout", Optional, "accounts" => users::auth::logout,
            op("End this device's session (by access token, or by refresh token in the body)", Some("LogoutRequest"), vec![("204", "Signed out", None)]);
        AuthLogoutAll = POST "/api/auth/logout-all", User, "accounts" => users::auth::logout_all,
            op("Sign out on every device (all sessions and sockets)", None, vec![("204", "Signed out everywhere", None)]);
        MeGet = GET "/api/me", User, "accounts" => users::me::get,
            op("Your own account", None, vec![("200", "Your account", Some("User"))]);
        MeUpdate = PATCH "/api/me", User, "accounts" => users::me::update,
            op("Change your profile: name, bio, avatar, border (unlocked by level), theme, language, privacy, notification settings", Some("ProfilePatch"), vec![("200", "Updated account", Some("User"))]);
        MeDelete = DELETE "/api/me", User, "accounts" => users::leaving::delete_me,
            op("Delete your account and everything only you own (needs your password); audit rows keep no name or address", Some("PasswordConfirm"), vec![("204", "Deleted", None)]);
        MePassword = POST "/api/me/password", User, "accounts" => users::me::change_password,
            op("Change your password; every other session ends", Some("PasswordChange"), vec![("200", "New tokens for this device", Some("Tokens"))]);
        MeStories = GET "/api/me/stories", User, "accounts" => users::lists::stories,
            op("Stories you write or co-write, most recently changed first", None, vec![("200", "Your stories", Some("MyStories"))]) .query("status", json!({"type": "string", "enum": ["draft", "published"]}), "Only drafts or only published") .paged();
        MeSaved = GET "/api/me/saved", User, "accounts" => users::lists::saved,
            op("Stories you saved", None, vec![("200", "Saved stories", Some("Saved"))]).paged();
        MeAchievements = GET "/api/me/achievements", User, "accounts" => users::lists::achievements,
            op("Every achievement, earned or not, with your progress", None, vec![("200", "Achievements", Some("Achievements"))]);
        MeXp = GET "/api/me/xp", User, "accounts" => users::lists::xp,
            op("Your XP, level, unlocked borders and recent rewards", None, vec![("200", "XP", Some("Xp"))]);
        MeExport = GET "/api/me/export", User, "accounts" => users::leaving::export_me,
            op("Download everything you made and were sent, with your pictures, as one JSON file", None, vec![("200", "Your data", Some("DataExport"))]);
        TextCheck = POST "/api/text/check", User, "safety" => system::check_text,
            op("Would this text be refused? The live hint while typing; the word list itself is never sent", Some("TextCheckBody"), vec![("200", "The verdict", Some("TextCheck"))]);
        StoriesList = GET "/api/stories", Optional, "stories" => stories::library::list,
            op("The library: published stories with search, filters, sorts and keyset paging", None, vec![("200", "A page of stories", Some("StoryList"))]) .query("q", json!({"type": "string", "maxLength": 100}), "Full-text search over title, summary, pages and author") .query("genre", json!({"type": "string", "enum": crate::domain::story::GENRES}), "Only this genre") .query("language", json!({"type": "string", "enum": ["en", "tl"]}), "Only this language") .query("author", json!({"type": "integer", "minimum": 1}), "Only this author's stories") .query("collaborative", json!({"type": "boolean"}), "Only (or no) stories made together") .query("class", json!({"type": "integer", "minimum": 1}), "Only stories by this class's children (its teacher and children only)") .query("sort", json!({"type": "string", "enum": ["new", "popular", "top", "views", "title", "relevance"]}), "Order (relevance needs q)") .paged();
        StoryCreate = POST "/api/stories", User, "stories" => stories::create,
            op("Start a story (a private draft)", Some("NewStory"), vec![("201", "The new draft", Some("Story"))]);
        StoryGet = GET "/api/stories/{id}", Optional, "stories" => stories::get,
            op("A whole story for the reader; drafts only for their authors", None, vec![("200", "The story", Some("Story"))]);
        StoryUpdate = PATCH "/api/stories/{id}", User, "stories" => stories::update,
            op("Change a story's title, summary, genres, language or cover (authors only)", Some("StoryPatch"), vec![("200", "The story", Some("Story"))]);
        StoryDelete = DELETE "/api/stories/{id}", User, "stories" => stories::delete,
            op("Delete a story (its owner only)", None, vec![("204", "Deleted", None)]);
        StoryPublish = POST "/api/stories/{id}/publish", User, "stories" => stories::publish,
            op("Put a story in the library (idempotent)", None, vec![("200", "The published story", Some("Story"))]);
        StoryUnpublish = POST "/api/stories/{id}/unpublish", User, "stories" => stories::unpublish,
            op("Take a story back to drafts (idempotent)", None, vec![("200", "The draft", Some("Story"))]);
        PageAdd = POST "/api/stories/{id}/pages", User, "stories" => stories::pages::add,
            op("Add a page", Some("NewPage"), vec![("201", "The new page", Some("Page"))]);
        PageUpdate = PUT "/api/stories/{id}/pages/{page_id}", User, "stories" => stories::pages::update,
            op("Change a page (given fields only); a stale version is 409", Some("PageEdit"), vec![("200", "The page", Some("Page"))]);
        PageDelete = DELETE "/api/stories/{id}/pages/{page_id}", User, "stories" => stories::pages::delete,
            op("Delete a page (a story keeps at least one)", None, vec![("204", "Deleted", None)]);
        PagesOrder = POST "/api/stories/{id}/pages/order", User, "stories" => stories::pages::reorder,
            op("Reorder pages, naming every page once", Some("PageOrder"), vec![("200", "Pages in the new order", Some("Pages"))]);
        CoauthorAdd = POST "/api/stories/{id}/coauthors", User, "stories" => stories::coauthors::add_coauthor,
            op("Ask a friend to write the story too (owner only); they accept or decline", Some("UserRef"), vec![("201", "Request sent", Some("CoauthorInviteSent"))]);
        CoauthorRemove = DELETE "/api/stories/{id}/coauthors/{user_id}", User, "stories" => stories::coauthors::remove_coauthor,
            op("Remove a co-author (owner), or leave (co-author)", None, vec![("204", "Removed", None)]);
        CoauthorInvites = GET "/api/coauthor-invites", User, "stories" => stories::coauthors::coauthor_invites,
            op("Requests to write a story together, waiting for you", None, vec![("200", "Requests", Some("CoauthorInvites"))]);
        CoauthorInviteAccept = POST "/api/coauthor-invites/{id}/accept", User, "stories" => stories::coauthors::accept_coauthor_invite,
            op("Become co-author", None, vec![("200", "Answered", Some("CoauthorInviteState"))]);
        CoauthorInviteDecline = POST "/api/coauthor-invites/{id}/decline", User, "stories" => stories::coauthors::decline_coauthor_invite,
            op("Say no to writing a story together", None, vec![("200", "Answered", Some("CoauthorInviteState"))]);
        StoryLike = POST "/api/stories/{id}/like", User, "reactions" => stories::reactions::like,
            op("Like a published story (idempotent)", None, vec![("200", "Liked", Some("LikeState"))]);
        StoryUnlike = DELETE "/api/stories/{id}/like", User, "reactions" => stories::reactions::unlike,
            op("Take back a like (idempotent)", None, vec![("200", "Not liked", Some("LikeState"))]);
        StorySave = POST "/api/stories/{id}/save", User, "reactions" => stories::reactions::save,
            op("Save a published story for later (idempotent)", None, vec![("200", "Saved", Some("SaveState"))]);
        StoryUnsave = DELETE "/api/stories/{id}/save", User, "reactions" => stories::reactions::unsave,
            op("Forget a saved story (idempotent)", None, vec![("200", "Not saved", Some("SaveState"))]);
        StoryRate = PUT "/api/stories/{id}/rating", User, "reactions" => stories::reactions::rate,
            op("Rate a published story 1 to 5 (one rating per reader, changeable)", Some("RatingBody"), vec![("200", "The story's rating", Some("RatingState"))]);
        StoryRead = POST "/api/stories/{id}/reads", Optional, "reactions" => stories::reactions::read,
            op("Record reading: one view per reader per day, progress, streaks", Some("ReadBody"), vec![("200", "View state", Some("ReadState"))]);
        CommentsList = GET "/api/stories/{id}/comments", Optional, "reactions" => stories::comments::list,
            op("Comments on a story, newest first", None, vec![("200", "A page of comments", Some("CommentList"))]).paged();
        CommentCreate = POST "/api/stories/{id}/comments", User, "reactions" => stories::comments::create,
            op("Comment on a published story (bad words are masked)", Some("CommentBody"), vec![("201", "The comment", Some("Comment"))]);
        CommentUpdate = PATCH "/api/comments/{id}", User, "reactions" => stories::comments::update,
            op("Edit a comment (its author or an admin)", Some("CommentBody"), vec![("200", "The comment", Some("Comment"))]);
        CommentDelete = DELETE "/api/comments/{id}", User, "reactions" => stories::comments::delete,
            op("Delete a comment (its author or an admin)", None, vec![("204", "Deleted", None)]);
        MediaUpload = POST "/api/media", User, "media" => media::upload,
            op("Upload a PNG, JPEG or WebP picture (the raw bytes are the body, 5 MiB at most)", None, vec![("201", "Stored", Some("MediaUploaded"))]);
        MediaGet = GET "/media/{id}", Public, "media" => media::serve,
            op("A picture: public when a published story uses it, otherwise by signed URL", None, vec![("200", "The image", None), ("304", "Unchanged", None)]) .query("exp", json!({"type": "integer"}), "Signed URL expiry") .query("sig", json!({"type": "string"}), "Signed URL signature");
        StoryCover = GET "/covers/{id}", Public, "media" => stories::cover::serve,
            op("The cover made for a published story whose author picked none (its first drawing, or a title card)", None, vec![("200", "An SVG picture", None), ("304", "Unchanged", None)]) .query("v", json!({"type": "integer"}), "The cover's version (a story's cover_url names it)");
        CharactersList = GET "/api/characters", User, "characters" => characters::list,
            op("Your characters", None, vec![("200", "Characters", Some("CharacterList"))]);
        CharacterCreate = POST "/api/characters", User, "characters" => characters::create,
            op("Save a character", Some("CharacterBody"), vec![("201", "The character", Some("Character"))]);
        CharacterUpdate = PATCH "/api/characters/{id}", User, "characters" => characters::update,
            op("Change a character", Some("CharacterBody"), vec![("200", "The character", Some("Character"))]);
        CharacterDelete = DELETE "/api/characters/{id}", User, "characters" => characters::delete,
            op("Delete a character", None, vec![("204", "Deleted", None)]);
        UsersSearch = GET "/api/users/search", User, "social" => social::users::search,
            op("Find people: exact usernames, classmates by name (admins: anyone)", None, vec![("200", "People", Some("SearchResults"))]) .query("q", json!({"type": "string", "minLength": 1, "maxLength": 50}), "Username or name");
        UserGet = GET "/api/users/{id}", User, "social" => social::users::profile,
            op("A person's profile, as their privacy setting allows", None, vec![("200", "The profile", Some("Profile"))]);
        FriendsList = GET "/api/friends", User, "social" => social::friends::list,
            op("Your friends", None, vec![("200", "Friends", Some("Friends"))]);
        FriendRemove = DELETE "/api/friends/{user_id}", User, "social" => social::friends::unfriend,
            op("Stop being friends", None, vec![("204", "Done", None)]);
        FriendRequests = GET "/api/friends/requests", User, "social" => social::friends::requests,
            op("Friend requests waiting for you, and yours waiting for others", None, vec![("200", "Requests", Some("FriendRequests"))]);
        FriendRequestSend = POST "/api/friends/requests", User, "social" => social::friends::send,
            op("Ask someone to be friends (accepts theirs if they asked first)", Some("FriendRequestBody"), vec![("201", "Request sent", Some("FriendRequestState")), ("200", "Their request accepted", Some("FriendRequestState"))]);
        FriendRequestAccept = POST "/api/friends/requests/{id}/accept", User, "social" => social::friends::accept,
            op("Accept a friend request", None, vec![("200", "Now friends", Some("FriendRequestState"))]);
        FriendRequestReject = POST "/api/friends/requests/{id}/reject", User, "social" => social::friends::reject,
            op("Decline a friend request", None, vec![("200", "Declined", Some("FriendRequestState"))]);
        FriendRequestCancel = POST "/api/friends/requests/{id}/cancel", User, "social" => social::friends::cancel,
            op("Take back your friend request", None, vec![("200", "Cancelled", Some("FriendRequestState"))]);
        Feed = GET "/api/feed", User, "social" => social::feed::feed,
            op("What your friends did lately", None, vec![("200", "Activity", Some("Feed"))]).paged();
        Leaderboard = GET "/api/leaderboard", User, "social" => social::feed::leaderboard,
            op("XP leaderboard among friends or a class", None, vec![("200", "Leaderboard", Some("Leaderboard"))]) .query("period", json!({"type": "string", "enum": ["week", "all"], "default": "week"}), "This week or all time") .query("scope", json!({"type": "string", "enum": ["friends", "class", "all"], "default": "friends"}), "Who is compared (all: admins only)");
        NotificationsList = GET "/api/notifications", User, "notifications" => notifications::list,
            op("Your notifications, newest first, with the unread count", None, vec![("200", "Notifications", Some("NotificationList"))]) .query("unread", json!({"type": "boolean"}), "Only unread ones") .paged();
        NotificationRead = POST "/api/notifications/{id}/read", User, "notifications" => notifications::mark_read,
            op("Mark a notification read", None, vec![("200", "Unread count", Some("UnreadCount"))]);
        NotificationsReadAll = POST "/api/notifications/read-all", User, "notifications" => notifications::mark_all_read,
            op("Mark every notification read", None, vec![("200", "Unread count", Some("UnreadCount"))]);
        RealtimeTicket = POST "/api/realtime/ticket", User, "realtime" => tickets::issue,
            op("A single-use ticket (30 s) to open the WebSocket at /ws?ticket=", None, vec![("200", "The ticket", Some("RealtimeTicket"))]);
        Conversations = GET "/api/conversations", User, "messages" => messages::conversations,
            op("One row per friend with the last message and the unread count", None, vec![("200", "Conversations", Some("Conversations"))]);
        MessagesList = GET "/api/conversations/{user_id}/messages", User, "messages" => messages::list,
            op("Messages with a friend, a page at a time, oldest first", None, vec![("200", "Messages", Some("MessageList"))]) .query("before", json!({"type": "integer", "minimum": 1}), "next_before of the previous page") .query("limit", json!({"type": "integer", "minimum": 1, "maximum": 100, "default": 30}), "Page size");
        MessageSend = POST "/api/conversations/{user_id}/messages", User, "messages" => messages::send,
            op("Send a friend a message (bad words masked)", Some("MessageBody"), vec![("201", "The message", Some("MessageEnvelope"))]);
        MessagesRead = POST "/api/conversations/{user_id}/read", User, "messages" => messages::mark_read,
            op("Mark a friend's messages to you as read", None, vec![("200", "Read receipt", Some("ReadReceipt"))]);
        MessageEdit = PATCH "/api/messages/{id}", User, "messages" => messages::edit,
            op("Change your message", Some("MessageBody"), vec![("200", "The message", Some("MessageEnvelope"))]);
        MessageDelete = DELETE "/api/messages/{id}", User, "messages" => messages::delete,
            op("Delete your message", None, vec![("204", "Deleted", None)]);
        CollabCreate = POST "/api/collab/sessions", User, "collab" => collab::create,
            op("Start a drawing session (you host it)", Some("SessionCreateBody"), vec![("201", "The session", Some("CollabSession"))]);
        CollabList = GET "/api/collab/sessions", User, "collab" => collab::list,
            op("Live drawing sessions you are in", None, vec![("200", "Sessions", Some("SessionList"))]);
        CollabGet = GET "/api/collab/sessions/{id}", User, "collab" => collab::get,
            op("A drawing session (members only)", None, vec![("200", "The session", Some("CollabSession"))]);
        CollabJoin = POST "/api/collab/join", User, "collab" => collab::join,
            op("Join a drawing session by its code", Some("JoinBody"), vec![("200", "The session", Some("CollabSession"))]);
        CollabInvite = POST "/api/collab/sessions/{id}/invites", User, "collab" => collab::invite,
            op("Invite a friend (host only)", Some("UserIdBody"), vec![("201", "The invite", Some("InviteEnvelope"))]);
        CollabInvites = GET "/api/collab/invites", User, "collab" => collab::invites,
            op("Invitations waiting for you", None, vec![("200", "Invites", Some("InviteList"))]);
        CollabInviteAccept = POST "/api/collab/invites/{id}/accept", User, "collab" => collab::accept,
            op("Accept an invitation", None, vec![("200", "The session", Some("CollabSession"))]);
        CollabInviteDecline = POST "/api/collab/invites/{id}/decline", User, "collab" => collab::decline,
            op("Decline an invitation", None, vec![("204", "Declined", None)]);
        CollabKick = POST "/api/collab/sessions/{id}/kick", User, "collab" => collab::kick,
            op("Remove someone from the session (host only)", Some("UserIdBody"), vec![("204", "Removed", None)]);
        CollabLobbyClose = POST "/api/collab/sessions/{id}/lobby/close", User, "collab" => collab::close_lobby,
            op("Stop new joins by code (host only)", None, vec![("200", "The session", Some("CollabSession"))]);
        CollabStart = POST "/api/collab/sessions/{id}/start", User, "collab" => collab::start,
            op("Start drawing (host only)", None, vec![("200", "The session", Some("CollabSession"))]);
        CollabEnd = POST "/api/collab/sessions/{id}/end", User, "collab" => collab::end,
            op("End the session (host only)", None, vec![("200", "The session", Some("CollabSession"))]);
        AuthReset = POST "/api/auth/reset", Public, "accounts" => users::reset::reset,
            grown("Set a new password with a one-time code from the admin", Some("ResetRequest"), vec![("204", "Password changed; every session ended", None)], none());
        FamilyChildren = GET "/api/family/children", User, "family" => family::list,
            grown("Your children (parents)", None, vec![("200", "Children", Some("ChildList"))], none());
        FamilyChildCreate = POST "/api/family/children", User, "family" => family::create,
            grown("Make a child account, linked to you (parents)", Some("NewChild"), vec![("201", "The child", Some("ChildEnvelope"))], none());
        FamilyLinkCode = POST "/api/family/link-codes", User, "family" => family::link::make_code,
            grown("A one-time family code (24 h): a child for itself, or a parent for a linked child", Some("LinkCodeRequest"), vec![("201", "The code", Some("OneTimeCode"))], none());
        FamilyLink = POST "/api/family/link", User, "family" => family::link::link,
            grown("Link a child with the code they gave you (parents)", Some("CodeBody"), vec![("200", "The child", Some("ChildEnvelope"))], none());
        FamilyChildUpdate = PATCH "/api/family/children/{id}", User, "family" => family::update,
            grown("Change a child's privacy, name, age band or safety rules (new friends need my OK; who may message)", Some("ChildPatch"), vec![("200", "The child", Some("ChildEnvelope"))], none());
        FamilyChildUnlink = DELETE "/api/family/children/{id}", User, "family" => family::unlink,
            grown("Unlink a child (the account stays)", None, vec![("204", "Unlinked", None)], none());
        FamilyChildPassword = POST "/api/family/children/{id}/password", User, "family" => family::set_password,
            grown("Set a child's password (typed or picture); the child is signed out", Some("PasswordSet"), vec![("204", "Changed", None)], none());
        FamilyChildOverview = GET "/api/family/children/{id}/overview", User, "family" => family::overview::overview,
            grown("A child's dashboard: stats, stories (drafts too), reading, activity by day and hour, achievements", None, vec![("200", "Overview", Some("ChildOverview"))], none());
        FamilyChildViewAs = POST "/api/family/children/{id}/view-as", User, "family" => family::view_as,
            grown("A 10-minute read-only session as the child (logged)", None, vec![("201", "Access token", Some("ViewAs"))], none());
        FamilyChildExport = GET "/api/family/children/{id}/export", User, "family" => users::leaving::export_child,
            grown("Download everything your child made and was sent, with their pictures", None, vec![("200", "The child's data", Some("DataExport"))], none());
        FamilyChildDelete = DELETE "/api/family/children/{id}/account", User, "family" => users::leaving::delete_child,
            grown("Delete your child's account and everything only they own (needs your password)", Some("PasswordConfirm"), vec![("200", "Deleted", Some("AccountDeleted"))], none());
        FamilyRequests = GET "/api/family/requests", User, "family" => family::guardian::list,
            grown("Friend requests to your children that wait for your OK", None, vec![("200", "Waiting requests", Some("GuardianRequests"))], none());
        FamilyRequestApprove = POST "/api/family/requests/{id}/approve", User, "family" => family::guardian::approve,
            grown("Let the request through to your child, who still says yes or no", None, vec![("200", "Answered", Some("GuardianAnswer"))], none());
        FamilyRequestDecline = POST "/api/family/requests/{id}/decline", User, "family" => family::guardian::decline,
            grown("Decline a friend request to your child (the sender is not told)", None, vec![("200", "Answered", Some("GuardianAnswer"))], none());
        ClassesList = GET "/api/classes", User, "classes" => classes::list,
            grown("Your classes (teachers), or the classes you are in or waiting for (children)", None, vec![("200", "Classes", Some("AnyList"))], none());
        ClassCreate = POST "/api/classes", User, "classes" => classes::create,
            grown("Make a class with a join code (teachers); sign-in opens in school hours where the teacher is, and stories wait for approval", Some("ClassCreateBody"), vec![("201", "The class", Some("ClassEnvelope"))], none());
        ClassJoin = POST "/api/classes/join", User, "classes" => classes::members::join,
            grown("Ask to join a class with its code (children); the teacher approves", Some("CodeBody"), vec![("202", "Waiting for the teacher", Some("ClassJoin")), ("200", "Already a member", Some("ClassJoin"))], none());
        ClassGet = GET "/api/classes/{id}", User, "classes" => classes::members::get,
            grown("A class with its members and waiting requests (its teacher)", None, vec![("200", "The class", Some("ClassDetail"))], none());
        ClassRename = PATCH "/api/classes/{id}", User, "classes" => classes::rename,
            grown("Rename a class", Some("NameBody"), vec![("200", "The class", Some("ClassEnvelope"))], none());
        ClassDelete = DELETE "/api/classes/{id}", User, "classes" => classes::delete,
            grown("Delete a class (accounts stay)", None, vec![("204", "Deleted", None)], none());
        ClassJoinCode = POST "/api/classes/{id}/join-code", User, "classes" => classes::rotate_code,
            grown("A new join code; the old one stops working", None, vec![("200", "The code", Some("JoinCode"))], none());
        ClassReport = GET "/api/classes/{id}/report", User, "classes" => classes::report::report,
            grown("Per-student report: stories, pages, reading, XP, last active", None, vec![("200", "The report (or CSV)", Some("ClassReport"))], csv());
        ClassApprove = POST "/api/classes/{id}/members/{user_id}/approve", User, "classes" => classes::members::approve,
            grown("Let a child in", None, vec![("204", "Approved", None)], none());
        ClassRemove = DELETE "/api/classes/{id}/members/{user_id}", User, "classes" => classes::members::remove,
            grown("Turn down a request or remove a member", None, vec![("204", "Removed", None)], none());
        ClassRoster = POST "/api/classes/{id}/roster", User, "classes" => classes::roster::add,
            grown("Make children's accounts from a pasted list (a name per line, or CSV: name, display name): all or none", Some("RosterBody"), vec![("201", "The new accounts with their pictures", Some("RosterMade")), ("422", "Lines that need a change (nothing was stored)", Some("RosterProblems"))], none());
        ClassSettings = PATCH "/api/classes/{id}/settings", User, "classes" => classes::roster::settings,
            grown("Class sign-in (open, closed, or open in the teacher's hours) and publishing approval", Some("ClassSettings"), vec![("200", "The class", Some("ClassEnvelope"))], none());
        ClassArchive = POST "/api/classes/{id}/archive", User, "classes" => classes::roster::archive,
            grown("End of the year: the class becomes read-only; sign-in, cards and approvals stop", None, vec![("200", "The class", Some("ClassEnvelope"))], none());
        ClassCards = POST "/api/classes/{id}/cards", User, "classes" => classes::cards::print,
            grown("Printable sign-in cards for every child (QR codes as SVG); earlier cards stop working", None, vec![("201", "The cards", Some("ClassCards"))], none());
        ClassMemberPassword = POST "/api/classes/{id}/members/{user_id}/password", User, "classes" => classes::roster::set_password,
            grown("New pictures (random when the body is empty) or password for a child the class looks after; they are signed out", Some("PasswordSet"), vec![("200", "The new pictures, if pictures", Some("ClassPictures"))], none());
        ClassMemberViewAs = POST "/api/classes/{id}/members/{user_id}/view-as", User, "classes" => classes::roster::view_as,
            grown("A 10-minute read-only session as a child the class looks after (logged)", None, vec![("201", "Access token", Some("ClassViewAs"))], none());
        ClassMemberMove = POST "/api/classes/{id}/members/{user_id}/move", User, "classes" => classes::roster::move_member,
            grown("Move a child to another of your classes", Some("MoveBody"), vec![("204", "Moved", None)], none());
        ClassReviews = GET "/api/classes/{id}/reviews", User, "classes" => classes::reviews::list,
            grown("Stories waiting for the teacher's approval, oldest first", None, vec![("200", "Waiting stories", Some("AnyList"))], none());
        ClassReviewApprove = POST "/api/classes/{id}/reviews/{story_id}/approve", User, "classes" => classes::reviews::approve,
            grown("Approve a waiting story exactly as read (its review fingerprint): it is published and its author told", Some("ApproveBody"), vec![("200", "Published", Some("ReviewDone"))], none());
        ClassReviewReturn = POST "/api/classes/{id}/reviews/{story_id}/return", User, "classes" => classes::reviews::send_back,
            grown("Return a waiting story to its author with a kind note", Some("ReturnBody"), vec![("200", "Returned", Some("ReviewDone"))], none());
        ClassBook = GET "/api/classes/{id}/book", User, "classes" => classes::reviews::book,
            grown("Every approved story of the class, whole, to print as one book", None, vec![("200", "The book", Some("ClassBook"))], none());
        TeacherHome = GET "/api/teacher/home", User, "classes" => classes::home::get,
            grown("A teacher's home: classes, stories waiting, stories published lately, children who may need help", None, vec![("200", "Home", Some("TeacherHome"))], none());
        ClassSignInPage = GET "/api/class-signin/{code}", Public, "accounts" => classes::signin::page,
            grown("A class's sign-in page: its children as tiles (only while its sign-in is open)", None, vec![("200", "The class and its children", Some("ClassSignInPage"))], none());
        ClassSignIn = POST "/api/class-signin/{code}", Public, "accounts" => classes::signin::sign_in,
            grown("A child of the class signs in with their pictures (or password)", Some("ClassSignInBody"), vec![("200", "Signed in", Some("Session"))], none());
        AuthCard = POST "/api/auth/card", Public, "accounts" => classes::signin::card,
            grown("Sign in with the secret from a printed card's QR code", Some("CardBody"), vec![("200", "Signed in", Some("Session"))], none());
        ReportCreate = POST "/api/reports", User, "safety" => reports::create,
            grown("Report a story or comment to the admin", Some("ReportBody"), vec![("201", "Reported", Some("OkBody"))], none());
        AdminStats = GET "/api/admin/stats", Admin, "admin" => admin::stats,
            grown("Dashboard: counts, 30 days of activity, sockets, rooms, database size, backups", None, vec![("200", "Figures", Some("AdminStats"))], none());
        AdminUsers = GET "/api/admin/users", Admin, "admin" => admin::users::list,
            grown("Find users (newest first)", None, vec![("200", "Users", Some("AnyPage"))], vec![("q", json!({"type": "string"}), "Part of a username or name"), ("role", json!({"type": "string", "enum": ["child", "parent", "teacher", "admin"]}), "Only this role"), ("status", json!({"type": "string", "enum": ["active", "suspended", "archived"]}), "Only this status"), ("limit", json!({"type": "integer", "minimum": 1, "maximum": 100}), "Page size"), ("cursor", json!({"type": "string"}), "next_cursor from the previous page")]);
        AdminUserGet = GET "/api/admin/users/{id}", Admin, "admin" => admin::users::get,
            grown("One user's account, stories, comments and audit trail", None, vec![("200", "The user", Some("AnyObject"))], none());
        AdminUserUpdate = PATCH "/api/admin/users/{id}", Admin, "admin" => admin::users::update,
            grown("Change role; suspend until a date, archive or restore (ends sessions, closes sockets)", Some("AdminUserPatch"), vec![("200", "The user", Some("AnyObject"))], none());
        AdminUserDelete = DELETE "/api/admin/users/{id}", Admin, "admin" => users::leaving::delete_by_admin,
            grown("Delete an account for good and everything only it owns", None, vec![("200", "Deleted", Some("AccountDeleted"))], none());
        AdminResetCode = POST "/api/admin/users/{id}/reset-code", Admin, "admin" => admin::users::reset_code,
            grown("A one-time password reset code (24 h) for the user", None, vec![("201", "The code", Some("OneTimeCode"))], none());
        AdminModeration = GET "/api/admin/moderation", Admin, "admin" => admin::moderation::list,
            grown("Open moderation items: flagged accounts, reported stories and comments", None, vec![("200", "Queue", Some("AnyList"))], none());
        AdminModerate = POST "/api/admin/moderation/{kind}/{id}", Admin, "admin" => admin::moderation::act,
            grown("Act on an item: hide, restore, delete or dismiss (kind: story, comment, user)", Some("ModerateBody"), vec![("200", "Done", Some("OkBody"))], none());
        AdminWords = GET "/api/admin/profanity", Admin, "admin" => admin::words::list,
            grown("The profanity word list", None, vec![("200", "Words", Some("AnyList"))], vec![("q", json!({"type": "string"}), "Part of the word"), ("language", json!({"type": "string", "enum": ["en", "tl"]}), "Only this language"), ("active", json!({"type": "boolean"}), "Only active (or inactive) words")]);
        AdminWordAdd = POST "/api/admin/profanity", Admin, "admin" => admin::words::add,
            grown("Add a word (the filter uses it at once)", Some("WordBody"), vec![("201", "The word", Some("AnyObject"))], none());
        AdminWordsBulk = POST "/api/admin/profanity/bulk", Admin, "admin" => admin::words::bulk,
            grown("Import words, one per line (# comments)", Some("WordsBulk"), vec![("200", "What was added", Some("AnyObject"))], none());
        AdminWordsStats = GET "/api/admin/profanity/stats", Admin, "admin" => admin::words::stats,
            grown("Word list statistics and hits per word", None, vec![("200", "Statistics", Some("AnyObject"))], none());
        AdminWordUpdate = PATCH "/api/admin/profanity/{id}", Admin, "admin" => admin::words::update,
            grown("Change a word's severity, language or active flag", Some("WordPatch"), vec![("200", "The word", Some("AnyObject"))], none());
        AdminWordDelete = DELETE "/api/admin/profanity/{id}", Admin, "admin" => admin::words::delete,
            grown("Remove a word", None, vec![("204", "Removed", None)], none());
        AdminAnnounce = POST "/api/admin/announcements", Admin, "admin" => admin::announce,
            grown("Announce something to everyone (stored as notifications, pushed live)", Some("Announcement"), vec![("201", "Recipients", Some("AnyObject"))], none());
        AdminAudit = GET "/api/admin/audit", Admin, "admin" => admin::records::audit,
            grown("The audit log, newest first", None, vec![("200", "Entries (or CSV)", Some("AnyPage"))], { let mut q = vec![("action", json!({"type": "string"}), "Only this action"), ("actor", json!({"type": "string"}), "Only this actor (username or id)"), ("since", json!({"type": "integer"}), "From this Unix time"), ("until", json!({"type": "integer"}), "Before this Unix time"), ("limit", json!({"type": "integer", "minimum": 1, "maximum": 100}), "Page size"), ("cursor", json!({"type": "string"}), "next_cursor from the previous page")]; q.extend(csv()); q });
        AdminExport = GET "/api/admin/export", Admin, "admin" => admin::records::export,
            grown("Download a table as JSON or CSV", None, vec![("200", "The export", None)], vec![("what", json!({"type": "string", "enum": ["users", "stories", "comments", "audit"]}), "Which table"), ("format", json!({"type": "string", "enum": ["json", "csv"]}), "File format")]);
        AdminBackups = GET "/api/admin/backups", Admin, "admin" => admin::backups::list,
            grown("Backups in the data folder, newest first", None, vec![("200", "Backups", Some("AnyList"))], none());
        AdminBackupCreate = POST "/api/admin/backups", Admin, "admin" => admin::backups::create,
            grown("Make an online backup now (keeps the last N)", None, vec![("201", "The backup", Some("AnyObject"))], none());
        AdminBackupGet = GET "/api/admin/backups/{name}", Admin, "admin" => admin::backups::download,
            grown("Download a backup file", None, vec![("200", "The SQLite file", None)], none());
        StoryGames = GET "/api/stories/{id}/games", Optional, "games" => games::list,
            grown("Games made from a published story (made on publish, remade when its text changes)", None, vec![("200", "Games", Some("AnyList"))], none());
        GameGet = GET "/api/games/{id}", Optional, "games" => games::get,
            grown("A game to play, without its answers (a word search sized for the player's age band)", None, vec![("200", "The game", Some("AnyObject"))], vec![("size", json!({"type": "integer", "enum": [8, 10, 12]}), "Word search only: another grid width than the age band's")]);
        GameAttempt = POST "/api/games/{id}/attempts", User, "games" => games::attempt,
            grown("Answer a game: scored on the server, answers revealed, XP once", Some("GameAttempt"), vec![("201", "Score and answers", Some("GameResult"))], none());
        MeGames = GET "/api/me/games", User, "games" => games::mine,
            grown("Your game figures: played, perfect, average, recent", None, vec![("200", "Figures", Some("AnyObject"))], none());
        AssistStatus = GET "/api/assist/status", User, "assist" => assist::status,
            grown("What the creation helpers can do here: story starter engine, model server, OCR languages", None, vec![("200", "Status", Some("AnyObject"))], none());
        AssistStory = POST "/api/assist/story", User, "assist" => assist::story,
            grown("A whole story from a child's idea (built-in engine, or the model server with the engine as fallback)", Some("StoryAsk"), vec![("200", "The story, ready for the studio", Some("StarterStory"))], none());
        AssistOcr = POST "/api/assist/ocr", User, "assist" => assist::ocr,
            grown("The text in a photo you uploaded (tesseract); 503 when OCR is not installed", Some("OcrAsk"), vec![("200", "The text", Some("AnyObject")), ("503", "OCR unavailable", Some("Error"))], none());
        }
    };
}
pub(crate) use table;

table!(routes);

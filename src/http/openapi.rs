//! The OpenAPI 3.1 description of every route, generated from the route table.
//!
//! `operation` is an exhaustive match, so a new route does not compile until it is documented,
//! and tests check the document against the table and the live server. Path parameters come
//! from the templates; component schemas live in `openapi_schemas`.

use std::sync::OnceLock;

use bytes::Bytes;
use serde_json::{Map, Value, json};

use super::openapi_schemas::schemas;
use super::router::{Access, Route};

struct Op {
    summary: &'static str,
    request: Option<Value>,
    /// (name, schema, description)
    query: Vec<(&'static str, Value, &'static str)>,
    /// (status, description, schema)
    responses: Vec<(&'static str, &'static str, Option<Value>)>,
}

fn schema(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn op(
    summary: &'static str,
    request: Option<&str>,
    responses: Vec<(&'static str, &'static str, Option<&str>)>,
) -> Op {
    Op {
        summary,
        request: request.map(schema),
        query: Vec::new(),
        responses: responses
            .into_iter()
            .map(|(s, d, b)| (s, d, b.map(schema)))
            .collect(),
    }
}

impl Op {
    fn query(mut self, name: &'static str, schema: Value, description: &'static str) -> Op {
        self.query.push((name, schema, description));
        self
    }

    fn paged(self) -> Op {
        self.query(
            "limit",
            json!({"type": "integer", "minimum": 1, "maximum": 100, "default": 20}),
            "Page size",
        )
        .query(
            "cursor",
            json!({"type": "string"}),
            "next_cursor from the previous page",
        )
    }
}

fn operation(route: Route) -> Op {
    use Route::*;
    if let Some((summary, request, responses, query)) = super::openapi_grownups::operation(route) {
        let mut o = op(summary, request, responses);
        o.query = query;
        return o;
    }
    match route {
        Healthz => op("Health check: 200 when the database answers", None, vec![("200", "Healthy", Some("Health")), ("503", "Database unavailable", Some("Health"))]),
        Metrics => op("Prometheus metrics (admin token, or a request from the machine itself)", None, vec![("200", "Metrics in Prometheus text format", None)]),
        Config => op("Runtime settings the SPA needs", None, vec![("200", "Settings", Some("Config"))]),
        OpenApi => op("This document", None, vec![("200", "OpenAPI 3.1 document", None)]),
        AuthRegister => op("Sign up as a child, parent or teacher; answers with a signed-in session", Some("RegisterRequest"), vec![("201", "Account created and signed in", Some("Session"))]),
        AuthLogin => op("Sign in with username and password", Some("LoginRequest"), vec![("200", "Signed in", Some("Session"))]),
        AuthRefresh => op("Exchange a refresh token for new tokens; reusing an old one ends the session", Some("RefreshRequest"), vec![("200", "New tokens", Some("Tokens"))]),
        AuthLogout => op("End this device's session (by access token, or by refresh token in the body)", Some("LogoutRequest"), vec![("204", "Signed out", None)]),
        AuthLogoutAll => op("Sign out on every device (all sessions and sockets)", None, vec![("204", "Signed out everywhere", None)]),
        MeGet => op("Your own account", None, vec![("200", "Your account", Some("User"))]),
        MeUpdate => op("Change your profile: name, bio, avatar, border (unlocked by level), theme, language, privacy, notification settings", Some("ProfilePatch"), vec![("200", "Updated account", Some("User"))]),
        MeDelete => op("Delete your account and everything only you own (needs your password); audit rows keep no name or address", Some("PasswordConfirm"), vec![("204", "Deleted", None)]),
        MeExport => op("Download everything you made and were sent, with your pictures, as one JSON file", None, vec![("200", "Your data", Some("DataExport"))]),
        MePassword => op("Change your password; every other session ends", Some("PasswordChange"), vec![("200", "New tokens for this device", Some("Tokens"))]),
        MeStories => op("Stories you write or co-write, most recently changed first", None, vec![("200", "Your stories", Some("MyStories"))])
            .query("status", json!({"type": "string", "enum": ["draft", "published"]}), "Only drafts or only published")
            .paged(),
        MeSaved => op("Stories you saved", None, vec![("200", "Saved stories", Some("Saved"))]).paged(),
        MeAchievements => op("Every achievement, earned or not, with your progress", None, vec![("200", "Achievements", Some("Achievements"))]),
        MeXp => op("Your XP, level, unlocked borders and recent rewards", None, vec![("200", "XP", Some("Xp"))]),
        TextCheck => op("Would this text be refused? The live hint while typing; the word list itself is never sent", Some("TextCheckBody"), vec![("200", "The verdict", Some("TextCheck"))]),
        StoriesList => op("The library: published stories with search, filters, sorts and keyset paging", None, vec![("200", "A page of stories", Some("StoryList"))])
            .query("q", json!({"type": "string", "maxLength": 100}), "Full-text search over title, summary, pages and author")
            .query("genre", json!({"type": "string", "enum": crate::domain::story::GENRES}), "Only this genre")
            .query("language", json!({"type": "string", "enum": ["en", "tl"]}), "Only this language")
            .query("author", json!({"type": "integer", "minimum": 1}), "Only this author's stories")
            .query("collaborative", json!({"type": "boolean"}), "Only (or no) stories made together")
            .query("sort", json!({"type": "string", "enum": ["new", "popular", "top", "views", "title", "relevance"]}), "Order (relevance needs q)")
            .paged(),
        StoryCreate => op("Start a story (a private draft)", Some("NewStory"), vec![("201", "The new draft", Some("Story"))]),
        StoryGet => op("A whole story for the reader; drafts only for their authors", None, vec![("200", "The story", Some("Story"))]),
        StoryUpdate => op("Change a story's title, summary, genres, language or cover (authors only)", Some("StoryPatch"), vec![("200", "The story", Some("Story"))]),
        StoryDelete => op("Delete a story (its owner only)", None, vec![("204", "Deleted", None)]),
        StoryPublish => op("Put a story in the library (idempotent)", None, vec![("200", "The published story", Some("Story"))]),
        StoryUnpublish => op("Take a story back to drafts (idempotent)", None, vec![("200", "The draft", Some("Story"))]),
        PageAdd => op("Add a page", Some("NewPage"), vec![("201", "The new page", Some("Page"))]),
        PageUpdate => op("Change a page (given fields only); a stale version is 409", Some("PageEdit"), vec![("200", "The page", Some("Page"))]),
        PageDelete => op("Delete a page (a story keeps at least one)", None, vec![("204", "Deleted", None)]),
        PagesOrder => op("Reorder pages, naming every page once", Some("PageOrder"), vec![("200", "Pages in the new order", Some("Pages"))]),
        CoauthorAdd => op("Ask a friend to write the story too (owner only); they accept or decline", Some("UserRef"), vec![("201", "Request sent", Some("CoauthorInviteSent"))]),
        CoauthorInvites => op("Requests to write a story together, waiting for you", None, vec![("200", "Requests", Some("CoauthorInvites"))]),
        CoauthorInviteAccept => op("Become co-author", None, vec![("200", "Answered", Some("CoauthorInviteState"))]),
        CoauthorInviteDecline => op("Say no to writing a story together", None, vec![("200", "Answered", Some("CoauthorInviteState"))]),
        CoauthorRemove => op("Remove a co-author (owner), or leave (co-author)", None, vec![("204", "Removed", None)]),
        StoryLike => op("Like a published story (idempotent)", None, vec![("200", "Liked", Some("LikeState"))]),
        StoryUnlike => op("Take back a like (idempotent)", None, vec![("200", "Not liked", Some("LikeState"))]),
        StorySave => op("Save a published story for later (idempotent)", None, vec![("200", "Saved", Some("SaveState"))]),
        StoryUnsave => op("Forget a saved story (idempotent)", None, vec![("200", "Not saved", Some("SaveState"))]),
        StoryRate => op("Rate a published story 1 to 5 (one rating per reader, changeable)", Some("RatingBody"), vec![("200", "The story's rating", Some("RatingState"))]),
        StoryRead => op("Record reading: one view per reader per day, progress, streaks", Some("ReadBody"), vec![("200", "View state", Some("ReadState"))]),
        CommentsList => op("Comments on a story, newest first", None, vec![("200", "A page of comments", Some("CommentList"))]).paged(),
        CommentCreate => op("Comment on a published story (bad words are masked)", Some("CommentBody"), vec![("201", "The comment", Some("Comment"))]),
        CommentUpdate => op("Edit a comment (its author or an admin)", Some("CommentBody"), vec![("200", "The comment", Some("Comment"))]),
        CommentDelete => op("Delete a comment (its author or an admin)", None, vec![("204", "Deleted", None)]),
        MediaUpload => op("Upload a PNG, JPEG or WebP picture (the raw bytes are the body, 5 MiB at most)", None, vec![("201", "Stored", Some("MediaUploaded"))]),
        MediaGet => op("A picture: public when a published story uses it, otherwise by signed URL", None, vec![("200", "The image", None), ("304", "Unchanged", None)])
            .query("exp", json!({"type": "integer"}), "Signed URL expiry")
            .query("sig", json!({"type": "string"}), "Signed URL signature"),
        CharactersList => op("Your characters", None, vec![("200", "Characters", Some("CharacterList"))]),
        CharacterCreate => op("Save a character", Some("CharacterBody"), vec![("201", "The character", Some("Character"))]),
        CharacterUpdate => op("Change a character", Some("CharacterBody"), vec![("200", "The character", Some("Character"))]),
        CharacterDelete => op("Delete a character", None, vec![("204", "Deleted", None)]),
        UsersSearch => op("Find people: exact usernames, classmates by name (admins: anyone)", None, vec![("200", "People", Some("SearchResults"))])
            .query("q", json!({"type": "string", "minLength": 1, "maxLength": 50}), "Username or name"),
        UserGet => op("A person's profile, as their privacy setting allows", None, vec![("200", "The profile", Some("Profile"))]),
        FriendsList => op("Your friends", None, vec![("200", "Friends", Some("Friends"))]),
        FriendRemove => op("Stop being friends", None, vec![("204", "Done", None)]),
        FriendRequests => op("Friend requests waiting for you, and yours waiting for others", None, vec![("200", "Requests", Some("FriendRequests"))]),
        FriendRequestSend => op("Ask someone to be friends (accepts theirs if they asked first)", Some("FriendRequestBody"), vec![("201", "Request sent", Some("FriendRequestState")), ("200", "Their request accepted", Some("FriendRequestState"))]),
        FriendRequestAccept => op("Accept a friend request", None, vec![("200", "Now friends", Some("FriendRequestState"))]),
        FriendRequestReject => op("Decline a friend request", None, vec![("200", "Declined", Some("FriendRequestState"))]),
        FriendRequestCancel => op("Take back your friend request", None, vec![("200", "Cancelled", Some("FriendRequestState"))]),
        Feed => op("What your friends did lately", None, vec![("200", "Activity", Some("Feed"))]).paged(),
        Leaderboard => op("XP leaderboard among friends or a class", None, vec![("200", "Leaderboard", Some("Leaderboard"))])
            .query("period", json!({"type": "string", "enum": ["week", "all"], "default": "week"}), "This week or all time")
            .query("scope", json!({"type": "string", "enum": ["friends", "class", "all"], "default": "friends"}), "Who is compared (all: admins only)"),
        NotificationsList => op("Your notifications, newest first, with the unread count", None, vec![("200", "Notifications", Some("NotificationList"))])
            .query("unread", json!({"type": "boolean"}), "Only unread ones")
            .paged(),
        NotificationRead => op("Mark a notification read", None, vec![("200", "Unread count", Some("UnreadCount"))]),
        NotificationsReadAll => op("Mark every notification read", None, vec![("200", "Unread count", Some("UnreadCount"))]),
        RealtimeTicket => op("A single-use ticket (30 s) to open the WebSocket at /ws?ticket=", None, vec![("200", "The ticket", Some("RealtimeTicket"))]),
        Conversations => op("One row per friend with the last message and the unread count", None, vec![("200", "Conversations", Some("Conversations"))]),
        MessagesList => op("Messages with a friend, a page at a time, oldest first", None, vec![("200", "Messages", Some("MessageList"))])
            .query("before", json!({"type": "integer", "minimum": 1}), "next_before of the previous page")
            .query("limit", json!({"type": "integer", "minimum": 1, "maximum": 100, "default": 30}), "Page size"),
        MessageSend => op("Send a friend a message (bad words masked)", Some("MessageBody"), vec![("201", "The message", Some("MessageEnvelope"))]),
        MessagesRead => op("Mark a friend's messages to you as read", None, vec![("200", "Read receipt", Some("ReadReceipt"))]),
        MessageEdit => op("Change your message", Some("MessageBody"), vec![("200", "The message", Some("MessageEnvelope"))]),
        MessageDelete => op("Delete your message", None, vec![("204", "Deleted", None)]),
        CollabCreate => op("Start a drawing session (you host it)", Some("SessionCreateBody"), vec![("201", "The session", Some("CollabSession"))]),
        CollabList => op("Live drawing sessions you are in", None, vec![("200", "Sessions", Some("SessionList"))]),
        CollabGet => op("A drawing session (members only)", None, vec![("200", "The session", Some("CollabSession"))]),
        CollabJoin => op("Join a drawing session by its code", Some("JoinBody"), vec![("200", "The session", Some("CollabSession"))]),
        CollabInvite => op("Invite a friend (host only)", Some("UserIdBody"), vec![("201", "The invite", Some("InviteEnvelope"))]),
        CollabInvites => op("Invitations waiting for you", None, vec![("200", "Invites", Some("InviteList"))]),
        CollabInviteAccept => op("Accept an invitation", None, vec![("200", "The session", Some("CollabSession"))]),
        CollabInviteDecline => op("Decline an invitation", None, vec![("204", "Declined", None)]),
        CollabKick => op("Remove someone from the session (host only)", Some("UserIdBody"), vec![("204", "Removed", None)]),
        CollabLobbyClose => op("Stop new joins by code (host only)", None, vec![("200", "The session", Some("CollabSession"))]),
        CollabStart => op("Start drawing (host only)", None, vec![("200", "The session", Some("CollabSession"))]),
        CollabEnd => op("End the session (host only)", None, vec![("200", "The session", Some("CollabSession"))]),
        _ => unreachable!("documented in openapi_grownups"),
    }
}

fn path_params(template: &str) -> Vec<Value> {
    template
        .split('/')
        .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(|name| {
            let schema = if name == "kind" || name == "name" {
                json!({"type": "string"})
            } else if template.starts_with("/media/") {
                json!({"type": "string", "pattern": "^[0-9a-f]{64}$"})
            } else {
                json!({"type": "integer", "minimum": 1})
            };
            json!({ "name": name, "in": "path", "required": true, "schema": schema })
        })
        .collect()
}

fn request_body(route: Route, body: Value) -> Value {
    match route {
        Route::MediaUpload => json!({
            "required": true,
            "content": {
                "image/png": { "schema": { "type": "string", "format": "binary" } },
                "image/jpeg": { "schema": { "type": "string", "format": "binary" } },
                "image/webp": { "schema": { "type": "string", "format": "binary" } }
            }
        }),
        // These take an empty body too.
        Route::AuthLogout | Route::StoryRead => {
            json!({ "required": false, "content": { "application/json": { "schema": body } } })
        }
        _ => json!({ "required": true, "content": { "application/json": { "schema": body } } }),
    }
}

fn merged_schemas() -> Value {
    let mut all = schemas();
    for more in [
        super::openapi_realtime::schemas(),
        super::openapi_grownups::schemas(),
    ] {
        if let (Some(map), Value::Object(more)) = (all.as_object_mut(), more) {
            map.extend(more);
        }
    }
    all
}

/// Builds the document.
pub fn document() -> Value {
    let mut paths = Map::new();
    for &route in Route::ALL {
        let o = operation(route);
        let mut operation = Map::new();
        operation.insert("operationId".into(), json!(format!("{route:?}")));
        operation.insert("summary".into(), json!(o.summary));
        operation.insert("tags".into(), json!([route.tag()]));
        match route.access() {
            Access::User | Access::Admin => {
                operation.insert("security".into(), json!([{ "bearerAuth": [] }]));
            }
            Access::Optional | Access::AdminOrLoopback => {
                operation.insert("security".into(), json!([{}, { "bearerAuth": [] }]));
            }
            Access::Public => {}
        }
        let mut params = path_params(route.template());
        params.extend(o.query.into_iter().map(|(name, schema, description)| {
            json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema })
        }));
        if !params.is_empty() {
            operation.insert("parameters".into(), Value::Array(params));
        }
        if let Some(body) = o.request {
            operation.insert("requestBody".into(), request_body(route, body));
        } else if route == Route::MediaUpload {
            operation.insert("requestBody".into(), request_body(route, Value::Null));
        }
        let mut responses = Map::new();
        for (status, description, body) in o.responses {
            let mut r = Map::new();
            r.insert("description".into(), json!(description));
            if let Some(s) = body {
                r.insert(
                    "content".into(),
                    json!({ "application/json": { "schema": s } }),
                );
            } else if route == Route::Metrics {
                r.insert(
                    "content".into(),
                    json!({ "text/plain": { "schema": { "type": "string" } } }),
                );
            } else if route == Route::MediaGet && status == "200" {
                r.insert(
                    "content".into(),
                    json!({ "image/*": { "schema": { "type": "string", "format": "binary" } } }),
                );
            } else if route == Route::OpenApi || route == Route::AdminExport {
                r.insert(
                    "content".into(),
                    json!({ "application/json": { "schema": { "type": "object" } } }),
                );
            }
            // `?format=csv` answers the same table as a spreadsheet download.
            if status == "200"
                && matches!(
                    route,
                    Route::AdminAudit | Route::AdminExport | Route::ClassReport
                )
                && let Some(Value::Object(content)) = r.get_mut("content")
            {
                content.insert("text/csv".into(), json!({ "schema": { "type": "string" } }));
            }
            responses.insert(status.into(), Value::Object(r));
        }
        responses.insert(
            "default".into(),
            json!({ "$ref": "#/components/responses/Error" }),
        );
        operation.insert("responses".into(), Value::Object(responses));

        let path = paths.entry(route.template()).or_insert_with(|| json!({}));
        let method = route.method().as_str().to_ascii_lowercase();
        if let Value::Object(p) = path {
            if route == Route::Healthz {
                let mut head = operation.clone();
                head.insert("operationId".into(), json!("HealthzHead"));
                p.insert("head".into(), Value::Object(head));
            }
            p.insert(method, Value::Object(operation));
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "PixelTales",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "A storytelling studio for children. Errors are always {\"error\":{\"code\",\"message\"}}. Lists take ?limit= (1-100, default 20) and an opaque cursor, and answer {items, next_cursor}."
        },
        "servers": [{ "url": "/" }],
        "paths": paths,
        "components": {
            "securitySchemes": { "bearerAuth": { "type": "http", "scheme": "bearer", "bearerFormat": "JWT" } },
            "responses": {
                "Error": {
                    "description": "An error in the standard envelope",
                    "content": { "application/json": { "schema": schema("Error") } }
                }
            },
            "schemas": merged_schemas()
        }
    })
}

/// The document, serialised once.
pub fn document_bytes() -> Bytes {
    static DOC: OnceLock<Bytes> = OnceLock::new();
    DOC.get_or_init(|| Bytes::from(serde_json::to_vec(&document()).unwrap_or_default()))
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn component_names_are_unique_across_files() {
        // A name defined twice is silently replaced when the maps merge (the collab session
        // once replaced the sign-in session; schemathesis found it).
        let mut seen = std::collections::HashMap::new();
        for (file, part) in [
            ("openapi_schemas", schemas()),
            (
                "openapi_realtime",
                super::super::openapi_realtime::schemas(),
            ),
            (
                "openapi_grownups",
                super::super::openapi_grownups::schemas(),
            ),
        ] {
            for name in part.as_object().expect("a map").keys() {
                if let Some(first) = seen.insert(name.clone(), file) {
                    panic!("{name} is defined in {first} and {file}");
                }
            }
        }
    }

    #[test]
    fn every_route_is_documented_once() {
        let doc = document();
        for &r in Route::ALL {
            let method = r.method().as_str().to_ascii_lowercase();
            let op = &doc["paths"][r.template()][&method];
            assert!(op.is_object(), "{} {} missing", method, r.template());
            assert_eq!(op["operationId"], format!("{r:?}"));
        }
        let documented: usize = doc["paths"]
            .as_object()
            .expect("paths")
            .values()
            .map(|p| {
                p.as_object()
                    .expect("path")
                    .keys()
                    .filter(|m| *m != "head")
                    .count()
            })
            .sum();
        assert_eq!(documented, Route::ALL.len());
    }

    #[test]
    fn every_schema_reference_resolves() {
        let doc = document();
        let text = doc.to_string();
        for piece in text.split("\"$ref\":\"").skip(1) {
            let target = piece.split('"').next().expect("ref");
            let mut node = &doc;
            for part in target.trim_start_matches("#/").split('/') {
                node = &node[part];
            }
            assert!(!node.is_null(), "dangling {target}");
        }
    }

    #[test]
    fn every_path_parameter_is_declared() {
        let doc = document();
        for &r in Route::ALL {
            let method = r.method().as_str().to_ascii_lowercase();
            let declared: Vec<String> = doc["paths"][r.template()][&method]["parameters"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter(|p| p["in"] == "path")
                        .map(|p| p["name"].as_str().unwrap_or("").to_string())
                        .collect()
                })
                .unwrap_or_default();
            let wanted: Vec<String> = r
                .template()
                .split('/')
                .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
                .map(String::from)
                .collect();
            assert_eq!(declared, wanted, "{}", r.template());
        }
    }
}

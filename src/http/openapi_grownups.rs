//! OpenAPI operations and component schemas for families, classes, reports, games, the
//! creation helpers and the admin console (kept apart from `openapi` so neither file grows past reading size).

use serde_json::{Value, json};

use super::router::Route;

/// (summary, request schema, responses as (status, description, schema)) for a grown-ups route;
/// `None` for routes documented elsewhere.
#[allow(clippy::type_complexity)]
pub fn operation(
    route: Route,
) -> Option<(
    &'static str,
    Option<&'static str>,
    Vec<(&'static str, &'static str, Option<&'static str>)>,
    Vec<(&'static str, Value, &'static str)>,
)> {
    use Route::*;
    let none = Vec::new;
    let csv = || {
        vec![(
            "format",
            json!({"type": "string", "enum": ["json", "csv"]}),
            "csv for a spreadsheet download",
        )]
    };
    Some(match route {
        AuthReset => (
            "Set a new password with a one-time code from the admin",
            Some("ResetRequest"),
            vec![("204", "Password changed; every session ended", None)],
            none(),
        ),
        FamilyChildren => (
            "Your children (parents)",
            None,
            vec![("200", "Children", Some("ChildList"))],
            none(),
        ),
        FamilyChildCreate => (
            "Make a child account, linked to you (parents)",
            Some("NewChild"),
            vec![("201", "The child", Some("ChildEnvelope"))],
            none(),
        ),
        FamilyLinkCode => (
            "A one-time family code (24 h): a child for itself, or a parent for a linked child",
            Some("LinkCodeRequest"),
            vec![("201", "The code", Some("OneTimeCode"))],
            none(),
        ),
        FamilyLink => (
            "Link a child with the code they gave you (parents)",
            Some("CodeBody"),
            vec![("200", "The child", Some("ChildEnvelope"))],
            none(),
        ),
        FamilyChildUpdate => (
            "Change a child's privacy, name, age band or safety rules (new friends need my OK; who may message)",
            Some("ChildPatch"),
            vec![("200", "The child", Some("ChildEnvelope"))],
            none(),
        ),
        FamilyChildUnlink => (
            "Unlink a child (the account stays)",
            None,
            vec![("204", "Unlinked", None)],
            none(),
        ),
        FamilyChildPassword => (
            "Set a child's password (typed or picture); the child is signed out",
            Some("PasswordSet"),
            vec![("204", "Changed", None)],
            none(),
        ),
        FamilyChildOverview => (
            "A child's dashboard: stats, stories (drafts too), reading, activity by day and hour, achievements",
            None,
            vec![("200", "Overview", Some("ChildOverview"))],
            none(),
        ),
        FamilyChildViewAs => (
            "A 10-minute read-only session as the child (logged)",
            None,
            vec![("201", "Access token", Some("ViewAs"))],
            none(),
        ),
        FamilyRequests => (
            "Friend requests to your children that wait for your OK",
            None,
            vec![("200", "Waiting requests", Some("GuardianRequests"))],
            none(),
        ),
        FamilyRequestApprove => (
            "Let the request through to your child, who still says yes or no",
            None,
            vec![("200", "Answered", Some("GuardianAnswer"))],
            none(),
        ),
        FamilyRequestDecline => (
            "Decline a friend request to your child (the sender is not told)",
            None,
            vec![("200", "Answered", Some("GuardianAnswer"))],
            none(),
        ),
        ClassesList => (
            "Your classes (teachers), or the classes you are in or waiting for (children)",
            None,
            vec![("200", "Classes", Some("AnyList"))],
            none(),
        ),
        ClassCreate => (
            "Make a class with a join code (teachers)",
            Some("NameBody"),
            vec![("201", "The class", Some("ClassEnvelope"))],
            none(),
        ),
        ClassJoin => (
            "Ask to join a class with its code (children); the teacher approves",
            Some("CodeBody"),
            vec![
                ("202", "Waiting for the teacher", Some("ClassJoin")),
                ("200", "Already a member", Some("ClassJoin")),
            ],
            none(),
        ),
        ClassGet => (
            "A class with its members and waiting requests (its teacher)",
            None,
            vec![("200", "The class", Some("ClassDetail"))],
            none(),
        ),
        ClassRename => (
            "Rename a class",
            Some("NameBody"),
            vec![("200", "The class", Some("ClassEnvelope"))],
            none(),
        ),
        ClassDelete => (
            "Delete a class (accounts stay)",
            None,
            vec![("204", "Deleted", None)],
            none(),
        ),
        ClassJoinCode => (
            "A new join code; the old one stops working",
            None,
            vec![("200", "The code", Some("JoinCode"))],
            none(),
        ),
        ClassReport => (
            "Per-student report: stories, pages, reading, XP, last active",
            None,
            vec![("200", "The report (or CSV)", Some("ClassReport"))],
            csv(),
        ),
        ClassApprove => (
            "Let a child in",
            None,
            vec![("204", "Approved", None)],
            none(),
        ),
        ClassRemove => (
            "Turn down a request or remove a member",
            None,
            vec![("204", "Removed", None)],
            none(),
        ),
        ReportCreate => (
            "Report a story or comment to the admin",
            Some("ReportBody"),
            vec![("201", "Reported", Some("OkBody"))],
            none(),
        ),
        AdminStats => (
            "Dashboard: counts, 30 days of activity, sockets, rooms, database size, backups",
            None,
            vec![("200", "Figures", Some("AdminStats"))],
            none(),
        ),
        AdminUsers => (
            "Find users (newest first)",
            None,
            vec![("200", "Users", Some("AnyPage"))],
            vec![
                ("q", json!({"type": "string"}), "Part of a username or name"),
                (
                    "role",
                    json!({"type": "string", "enum": ["child", "parent", "teacher", "admin"]}),
                    "Only this role",
                ),
                (
                    "status",
                    json!({"type": "string", "enum": ["active", "suspended", "archived"]}),
                    "Only this status",
                ),
                (
                    "limit",
                    json!({"type": "integer", "minimum": 1, "maximum": 100}),
                    "Page size",
                ),
                (
                    "cursor",
                    json!({"type": "string"}),
                    "next_cursor from the previous page",
                ),
            ],
        ),
        AdminUserGet => (
            "One user's account, stories, comments and audit trail",
            None,
            vec![("200", "The user", Some("AnyObject"))],
            none(),
        ),
        AdminUserUpdate => (
            "Change role; suspend until a date, archive or restore (ends sessions, closes sockets)",
            Some("AdminUserPatch"),
            vec![("200", "The user", Some("AnyObject"))],
            none(),
        ),
        AdminResetCode => (
            "A one-time password reset code (24 h) for the user",
            None,
            vec![("201", "The code", Some("OneTimeCode"))],
            none(),
        ),
        AdminModeration => (
            "Open moderation items: flagged accounts, reported stories and comments",
            None,
            vec![("200", "Queue", Some("AnyList"))],
            none(),
        ),
        AdminModerate => (
            "Act on an item: hide, restore, delete or dismiss (kind: story, comment, user)",
            Some("ModerateBody"),
            vec![("200", "Done", Some("OkBody"))],
            none(),
        ),
        AdminWords => (
            "The profanity word list",
            None,
            vec![("200", "Words", Some("AnyList"))],
            vec![
                ("q", json!({"type": "string"}), "Part of the word"),
                (
                    "language",
                    json!({"type": "string", "enum": ["en", "tl"]}),
                    "Only this language",
                ),
                (
                    "active",
                    json!({"type": "boolean"}),
                    "Only active (or inactive) words",
                ),
            ],
        ),
        AdminWordAdd => (
            "Add a word (the filter uses it at once)",
            Some("WordBody"),
            vec![("201", "The word", Some("AnyObject"))],
            none(),
        ),
        AdminWordsBulk => (
            "Import words, one per line (# comments)",
            Some("WordsBulk"),
            vec![("200", "What was added", Some("AnyObject"))],
            none(),
        ),
        AdminWordsStats => (
            "Word list statistics and hits per word",
            None,
            vec![("200", "Statistics", Some("AnyObject"))],
            none(),
        ),
        AdminWordUpdate => (
            "Change a word's severity, language or active flag",
            Some("WordPatch"),
            vec![("200", "The word", Some("AnyObject"))],
            none(),
        ),
        AdminWordDelete => (
            "Remove a word",
            None,
            vec![("204", "Removed", None)],
            none(),
        ),
        AdminAnnounce => (
            "Announce something to everyone (stored as notifications, pushed live)",
            Some("Announcement"),
            vec![("201", "Recipients", Some("AnyObject"))],
            none(),
        ),
        AdminAudit => (
            "The audit log, newest first",
            None,
            vec![("200", "Entries (or CSV)", Some("AnyPage"))],
            {
                let mut q = vec![
                    ("action", json!({"type": "string"}), "Only this action"),
                    (
                        "actor",
                        json!({"type": "string"}),
                        "Only this actor (username or id)",
                    ),
                    ("since", json!({"type": "integer"}), "From this Unix time"),
                    ("until", json!({"type": "integer"}), "Before this Unix time"),
                    (
                        "limit",
                        json!({"type": "integer", "minimum": 1, "maximum": 100}),
                        "Page size",
                    ),
                    (
                        "cursor",
                        json!({"type": "string"}),
                        "next_cursor from the previous page",
                    ),
                ];
                q.extend(csv());
                q
            },
        ),
        AdminExport => (
            "Download a table as JSON or CSV",
            None,
            vec![("200", "The export", None)],
            vec![
                (
                    "what",
                    json!({"type": "string", "enum": ["users", "stories", "comments", "audit"]}),
                    "Which table",
                ),
                (
                    "format",
                    json!({"type": "string", "enum": ["json", "csv"]}),
                    "File format",
                ),
            ],
        ),
        AdminBackups => (
            "Backups in the data folder, newest first",
            None,
            vec![("200", "Backups", Some("AnyList"))],
            none(),
        ),
        AdminBackupCreate => (
            "Make an online backup now (keeps the last N)",
            None,
            vec![("201", "The backup", Some("AnyObject"))],
            none(),
        ),
        AdminBackupGet => (
            "Download a backup file",
            None,
            vec![("200", "The SQLite file", None)],
            none(),
        ),
        StoryGames => (
            "Games made from a published story (made on publish, remade when its text changes)",
            None,
            vec![("200", "Games", Some("AnyList"))],
            none(),
        ),
        GameGet => (
            "A game to play, without its answers (a word search sized for the player's age band)",
            None,
            vec![("200", "The game", Some("AnyObject"))],
            vec![(
                "size",
                json!({"type": "integer", "enum": [8, 10, 12]}),
                "Word search only: another grid width than the age band's",
            )],
        ),
        GameAttempt => (
            "Answer a game: scored on the server, answers revealed, XP once",
            Some("GameAttempt"),
            vec![("201", "Score and answers", Some("GameResult"))],
            none(),
        ),
        MeGames => (
            "Your game figures: played, perfect, average, recent",
            None,
            vec![("200", "Figures", Some("AnyObject"))],
            none(),
        ),
        AssistStatus => (
            "What the creation helpers can do here: story starter engine, model server, OCR languages",
            None,
            vec![("200", "Status", Some("AnyObject"))],
            none(),
        ),
        AssistStory => (
            "A whole story from a child's idea (built-in engine, or the model server with the engine as fallback)",
            Some("StoryAsk"),
            vec![(
                "200",
                "The story, ready for the studio",
                Some("StarterStory"),
            )],
            none(),
        ),
        AssistOcr => (
            "The text in a photo you uploaded (tesseract); 503 when OCR is not installed",
            Some("OcrAsk"),
            vec![
                ("200", "The text", Some("AnyObject")),
                ("503", "OCR unavailable", Some("Error")),
            ],
            none(),
        ),
        _ => return None,
    })
}

/// Component schemas for the operations above.
pub fn schemas() -> Value {
    let string = json!({"type": "string"});
    let int = json!({"type": "integer"});
    let picture = json!({"type": "array", "items": {"type": "string"}, "minItems": 4, "maxItems": 4,
                         "description": "Four picture ids from /api/config pictures"});
    let object = json!({"type": "object"});
    json!({
        "ResetRequest": {"type": "object", "additionalProperties": false, "required": ["username", "code"],
            "properties": {"username": string, "code": string, "password": string, "picture": picture}},
        "NewChild": {"type": "object", "additionalProperties": false, "required": ["username", "display_name"],
            "properties": {"username": string, "display_name": string, "password": string, "picture": picture,
                           "language": {"type": "string", "enum": ["en", "tl"]}}},
        "Child": {"type": "object", "required": ["id", "username", "display_name"],
            "properties": {"id": int, "username": string, "display_name": string, "avatar_emoji": string,
                           "xp": int, "level": int, "privacy": string, "last_seen_at": {"type": ["integer", "null"]},
                           "stories_published": int, "drafts": int,
                           "age_band": {"type": ["string", "null"]}, "rules": {"$ref": "#/components/schemas/ChildRules"}}},
        "ChildRules": {"type": "object", "required": ["friends_need_ok", "who_may_message"],
            "properties": {"friends_need_ok": {"type": "boolean"},
                           "who_may_message": {"type": "string", "enum": ["friends", "friends_and_classmates", "nobody"]}}},
        "GuardianRequests": {"type": "object", "required": ["items"],
            "properties": {"items": {"type": "array", "items": {"type": "object",
                "required": ["id", "child_id", "child_name", "from", "created_at"],
                "properties": {"id": int, "child_id": int, "child_name": string, "from": {"$ref": "#/components/schemas/Card"}, "created_at": string}}}}},
        "GuardianAnswer": {"type": "object", "required": ["id", "status"],
            "properties": {"id": int, "status": {"type": "string", "enum": ["approved", "declined"]}}},
        "ChildList": {"type": "object", "required": ["items"],
            "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Child"}}}},
        "ChildEnvelope": {"type": "object", "required": ["child"],
            "properties": {"child": {"$ref": "#/components/schemas/Child"}}},
        "LinkCodeRequest": {"type": "object", "additionalProperties": false,
            "properties": {"child_id": int}},
        "OneTimeCode": {"type": "object", "required": ["code", "expires_at"],
            "properties": {"code": string, "expires_at": int}},
        "CodeBody": {"type": "object", "additionalProperties": false, "required": ["code"],
            "properties": {"code": string}},
        "ChildPatch": {"type": "object", "additionalProperties": false,
            "properties": {"privacy": {"type": "string", "enum": ["public", "friends", "private"]}, "display_name": string,
                           "age_band": {"type": "string", "enum": ["", "5-7", "8-9", "10-12"]},
                           "rules": {"type": "object", "additionalProperties": false,
                               "properties": {"friends_need_ok": {"type": "boolean"},
                                              "who_may_message": {"type": "string", "enum": ["friends", "friends_and_classmates", "nobody"]}}}}},
        "PasswordSet": {"type": "object", "additionalProperties": false,
            "properties": {"password": string, "picture": picture}},
        "ChildOverview": {"type": "object", "required": ["child", "stats", "stories", "reading", "days", "hours", "achievements"],
            "properties": {"child": {"$ref": "#/components/schemas/Child"}, "stats": object,
                           "stories": {"type": "array"}, "reading": {"type": "array"},
                           "days": {"type": "array", "minItems": 30, "maxItems": 30},
                           "hours": {"type": "array", "items": int, "minItems": 24, "maxItems": 24},
                           "achievements": {"type": "array"}}},
        "ViewAs": {"type": "object", "required": ["access_token", "expires_in", "child"],
            "properties": {"access_token": string, "expires_in": int, "view_only": {"type": "boolean"},
                           "child": {"$ref": "#/components/schemas/Child"}}},
        "NameBody": {"type": "object", "additionalProperties": false, "required": ["name"],
            "properties": {"name": string}},
        "ClassEnvelope": {"type": "object", "required": ["class"], "properties": {"class": object}},
        "ClassJoin": {"type": "object", "required": ["class", "status"],
            "properties": {"class": object, "status": {"type": "string", "enum": ["pending", "member"]}}},
        "ClassDetail": {"type": "object", "required": ["class", "members", "pending"],
            "properties": {"class": object, "members": {"type": "array"}, "pending": {"type": "array"}}},
        "JoinCode": {"type": "object", "required": ["join_code"], "properties": {"join_code": string}},
        "ClassReport": {"type": "object", "required": ["class", "students", "totals"],
            "properties": {"class": object, "students": {"type": "array"}, "totals": object}},
        "ReportBody": {"type": "object", "additionalProperties": false, "required": ["target_type", "target_id", "reason"],
            "properties": {"target_type": {"type": "string", "enum": ["story", "comment"]}, "target_id": int, "reason": string}},
        "OkBody": {"type": "object", "properties": {"ok": {"type": "boolean"}}},
        "AdminStats": {"type": "object", "required": ["users", "stories", "comments", "activity", "db_bytes", "sockets_online", "live_rooms", "backups"],
            "properties": {"users": object, "stories": object, "comments": int, "activity": {"type": "array"},
                           "db_bytes": int, "sockets_online": int, "live_rooms": int, "backups": {"type": "array"}}},
        "AnyList": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array"}}},
        "AnyPage": {"type": "object", "required": ["items", "next_cursor"],
            "properties": {"items": {"type": "array"}, "next_cursor": {"type": ["string", "null"]}}},
        "AnyObject": object,
        "AdminUserPatch": {"type": "object", "additionalProperties": false,
            "properties": {"role": {"type": "string", "enum": ["child", "parent", "teacher", "admin"]},
                           "status": {"type": "string", "enum": ["active", "suspended", "archived"]},
                           "suspended_until": int, "reason": string, "approved": {"type": "boolean"}}},
        "ModerateBody": {"type": "object", "additionalProperties": false, "required": ["action"],
            "properties": {"action": {"type": "string", "enum": ["hide", "restore", "delete", "dismiss"]}, "reason": string}},
        "WordBody": {"type": "object", "additionalProperties": false, "required": ["word", "language"],
            "properties": {"word": string, "language": {"type": "string", "enum": ["en", "tl"]},
                           "severity": {"type": "string", "enum": ["mild", "moderate", "severe"]}}},
        "WordsBulk": {"type": "object", "additionalProperties": false, "required": ["text", "language"],
            "properties": {"text": string, "language": {"type": "string", "enum": ["en", "tl"]},
                           "severity": {"type": "string", "enum": ["mild", "moderate", "severe"]}}},
        "WordPatch": {"type": "object", "additionalProperties": false,
            "properties": {"severity": {"type": "string", "enum": ["mild", "moderate", "severe"]},
                           "language": {"type": "string", "enum": ["en", "tl"]}, "active": {"type": "boolean"}}},
        "GameAttempt": {"type": "object", "description": "quiz: answers[{question, choice}]; fill_blank: answers[{question, text}]; word_search: found[{start:[row,col], end:[row,col]}] and size (the grid answered; default: the age band's)",
            "properties": {"answers": {"type": "array", "maxItems": 50}, "found": {"type": "array", "maxItems": 100},
                           "size": {"type": "integer", "enum": [8, 10, 12]}}},
        "GameResult": {"type": "object", "required": ["score", "total", "perfect", "xp_earned", "first_time", "results"],
            "properties": {"score": int, "total": int, "perfect": {"type": "boolean"}, "xp_earned": int,
                           "first_time": {"type": "boolean"}, "achievements": {"type": "array"}, "results": {"type": "array"}}},
        "StoryAsk": {"type": "object", "additionalProperties": false, "required": ["genre", "language", "pages"],
            "properties": {"idea": {"type": "string", "maxLength": 300}, "genre": string,
                           "language": {"type": "string", "enum": ["en", "tl"]},
                           "pages": {"type": "integer", "minimum": 3, "maximum": 12}, "seed": int}},
        "StarterStory": {"type": "object", "required": ["title", "summary", "pages", "source"],
            "properties": {"title": string, "summary": string, "pages": {"type": "array"},
                           "source": {"type": "string", "enum": ["built-in", "model"]},
                           "fallback": {"type": ["string", "null"]}, "seed": int}},
        "OcrAsk": {"type": "object", "additionalProperties": false, "required": ["media_id"],
            "properties": {"media_id": string, "language": {"type": "string", "enum": ["en", "tl"]}}},
        "Announcement": {"type": "object", "additionalProperties": false, "required": ["title", "body"],
            "properties": {"title": string, "body": string}},
    })
}

//! Component schemas for the OpenAPI document. Request bodies are strict
//! (`additionalProperties: false`, as the server refuses unknown fields); answers list what they
//! always carry.

use serde_json::{Value, json};

use crate::domain::accounts::THEMES;
use crate::domain::rewards::BORDERS;
use crate::domain::story::GENRES;

fn r(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn list_of(item: &str) -> Value {
    json!({
        "type": "object",
        "required": ["items", "next_cursor"],
        "properties": {
            "items": { "type": "array", "items": r(item) },
            "next_cursor": { "type": ["string", "null"], "description": "Pass as cursor for the next page" }
        }
    })
}

/// Every component schema.
pub fn schemas() -> Value {
    let string = json!({"type": "string"});
    let int = json!({"type": "integer"});
    let time = json!({"type": "string", "format": "date-time"});
    let nullable_time = json!({"type": ["string", "null"], "format": "date-time"});
    let borders: Vec<&str> = BORDERS.iter().map(|(b, _)| *b).collect();
    json!({
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {
                        "code": {"type": "string", "description": "Stable snake_case code"},
                        "message": {"type": "string", "description": "Words a person can read"},
                        "field": {"type": "string", "description": "The input the error is about"},
                        "words": {"type": "array", "items": string, "description": "Words the profanity filter found"},
                        "retry_after": {"type": "integer", "description": "Seconds to wait (429)"},
                        "limit": {"type": "integer", "description": "Byte limit (413)"}
                    }
                }
            }
        },
        "Health": {
            "type": "object",
            "required": ["status"],
            "properties": {"status": {"type": "string", "enum": ["ok", "unavailable"]}, "version": string}
        },
        "Config": {
            "type": "object",
            "required": ["name", "version", "asset_version", "signup_roles", "languages", "limits"],
            "properties": {
                "name": string, "version": string, "asset_version": string,
                "genres": {"type": "array", "items": {"type": "string", "enum": GENRES}},
                "signup_roles": {"type": "array", "items": string},
                "languages": {"type": "array", "items": string},
                "themes": {"type": "array", "items": string},
                "access_token_ttl": int,
                "limits": {"type": "object"}
            }
        },
        "User": {
            "type": "object",
            "required": ["id", "username", "display_name", "role", "bio", "avatar_emoji", "avatar_border", "theme", "language", "privacy", "prefs", "notifications", "xp", "level", "created_at"],
            "properties": {
                "id": int,
                "username": string,
                "display_name": string,
                "role": {"type": "string", "enum": ["child", "parent", "teacher", "admin"]},
                "bio": string,
                "avatar_emoji": string,
                "avatar_border": string,
                "age_band": {"type": ["string", "null"], "enum": ["5-7", "8-9", "10-12", null]},
                "theme": string,
                "language": {"type": "string", "enum": ["en", "tl"]},
                "privacy": {"type": "string", "enum": ["public", "friends", "private"]},
                "prefs": {"type": "object"},
                "notifications": {"type": "object", "additionalProperties": {"type": "boolean"}},
                "xp": int,
                "level": int,
                "created_at": time,
                "pending_approval": {"type": "boolean", "description": "A teacher waiting for an admin's approval"}
            }
        },
        "Tokens": {
            "type": "object",
            "required": ["access_token", "token_type", "expires_in", "refresh_token", "refresh_expires_at"],
            "properties": {
                "access_token": string,
                "token_type": {"type": "string", "const": "Bearer"},
                "expires_in": int,
                "refresh_token": string,
                "refresh_expires_at": time
            }
        },
        "Session": {
            "allOf": [r("Tokens"), {"type": "object", "required": ["user"], "properties": {"user": r("User")}}]
        },
        "RegisterRequest": {
            "type": "object",
            "additionalProperties": false,
            "required": ["username", "password", "display_name", "role"],
            "properties": {
                "username": {"type": "string", "minLength": 3, "maxLength": 24, "pattern": "^[A-Za-z0-9][A-Za-z0-9_.]*$"},
                "password": {"type": "string", "minLength": 6, "maxLength": 128},
                "display_name": {"type": "string", "minLength": 1, "maxLength": 50},
                "role": {"type": "string", "enum": ["child", "parent", "teacher"]},
                "language": {"type": "string", "enum": ["en", "tl"]}
            }
        },
        "LoginRequest": {
            "type": "object", "additionalProperties": false, "required": ["username"],
            "properties": {"username": string, "password": string,
                           "picture": {"type": "array", "items": string, "minItems": 4, "maxItems": 4}}
        },
        "RefreshRequest": {
            "type": "object", "additionalProperties": false, "required": ["refresh_token"],
            "properties": {"refresh_token": string}
        },
        "LogoutRequest": {
            "type": "object", "additionalProperties": false, "properties": {"refresh_token": string}
        },
        "ProfilePatch": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "display_name": {"type": "string", "minLength": 1, "maxLength": 50},
                "bio": {"type": "string", "maxLength": 500},
                "avatar_emoji": string,
                "avatar_border": {"type": "string", "enum": borders},
                "age_band": {"type": "string", "enum": ["", "5-7", "8-9", "10-12"]},
                "theme": {"type": "string", "enum": THEMES},
                "language": {"type": "string", "enum": ["en", "tl"]},
                "privacy": {"type": "string", "enum": ["public", "friends", "private"]},
                "prefs": {"type": "object"},
                "notifications": {"type": "object", "additionalProperties": {"type": "boolean"}}
            }
        },
        "PasswordConfirm": {
            "type": "object", "additionalProperties": false,
            "description": "A typed password or a picture password (four picture ids), one of them",
            "properties": {"password": string, "picture": {"type": "array", "items": string, "minItems": 4, "maxItems": 4}}
        },
        "PasswordChange": {
            "type": "object", "additionalProperties": false, "required": ["current_password", "new_password"],
            "properties": {"current_password": string, "new_password": {"type": "string", "minLength": 6, "maxLength": 128}}
        },
        "TextCheckBody": {
            "type": "object", "required": ["text"], "additionalProperties": false,
            "properties": {"text": {"type": "string", "maxLength": 20000},
                           "field": {"type": "string", "description": "title, summary, text, comment, message, chat, bio, display_name, name, description, username or idea"}}
        },
        "TextCheck": {
            "type": "object", "required": ["ok", "problem"],
            "properties": {"ok": {"type": "boolean"},
                           "problem": {"oneOf": [{"type": "null"}, {"type": "object", "required": ["code", "message"],
                               "properties": {"code": {"type": "string", "enum": ["profanity", "personal_details"]}, "message": string, "field": string,
                                              "words": {"type": "array", "items": string}}}]}}
        },
        "Drawing": {
            "type": "object",
            "description": "Vector drawing: {v: 1, width, height, background?, background_media?, items: [stroke | line | rect | ellipse | text | sticker]}",
            "required": ["v", "width", "height"],
            "properties": {
                "v": {"type": "integer", "const": 1},
                "width": {"type": "integer", "minimum": 1, "maximum": 4096},
                "height": {"type": "integer", "minimum": 1, "maximum": 4096},
                "background": string,
                "background_media": string,
                "items": {"type": "array", "maxItems": 5000, "items": {"type": "object", "required": ["type"]}}
            }
        },
        "MediaRef": {
            "type": "object", "required": ["media_id", "url"],
            "properties": {"media_id": string, "url": string}
        },
        "Person": {
            "type": "object", "required": ["id", "display_name", "avatar_emoji"],
            "properties": {"id": int, "display_name": string, "avatar_emoji": string}
        },
        "Card": {
            "type": "object", "required": ["id", "username", "display_name", "avatar_emoji", "avatar_border", "level"],
            "properties": {"id": int, "username": string, "display_name": string, "avatar_emoji": string, "avatar_border": string, "level": int}
        },
        "Rating": {
            "type": "object", "required": ["average", "count"],
            "properties": {"average": {"type": ["number", "null"]}, "count": int}
        },
        "StoryListItem": {
            "type": "object",
            "required": ["id", "title", "summary", "author", "cover_url", "genres", "language", "page_count", "like_count", "comment_count", "view_count", "rating", "collaborative", "published_at"],
            "properties": {
                "id": int, "title": string, "summary": string,
                "author": {"type": "object", "required": ["id", "display_name", "avatar_emoji"], "properties": {"id": int, "display_name": string, "avatar_emoji": string}},
                "cover_url": {"type": ["string", "null"]},
                "genres": {"type": "array", "items": {"type": "string", "enum": GENRES}},
                "language": {"type": "string", "enum": ["en", "tl"]},
                "page_count": int, "like_count": int, "comment_count": int, "view_count": int,
                "rating": r("Rating"),
                "collaborative": {"type": "boolean"},
                "published_at": time
            }
        },
        "StoryList": list_of("StoryListItem"),
        "Page": {
            "type": "object",
            "required": ["id", "position", "text", "drawing", "thumbnail", "version", "updated_at"],
            "properties": {
                "id": int, "position": int, "text": string,
                "drawing": {"oneOf": [r("Drawing"), {"type": "null"}]},
                "thumbnail": {"oneOf": [r("MediaRef"), {"type": "null"}]},
                "version": int, "updated_at": time
            }
        },
        "Story": {
            "type": "object",
            "required": ["id", "title", "summary", "genres", "language", "status", "hidden", "collaborative", "cover", "author", "coauthors", "version", "created_at", "updated_at", "published_at", "counts", "rating", "pages", "viewer"],
            "properties": {
                "id": int, "title": string, "summary": string,
                "genres": {"type": "array", "items": string},
                "language": {"type": "string", "enum": ["en", "tl"]},
                "status": {"type": "string", "enum": ["draft", "published"]},
                "hidden": {"type": "boolean"},
                "collaborative": {"type": "boolean"},
                "cover": {"oneOf": [r("MediaRef"), {"type": "null"}]},
                "author": {"oneOf": [r("Person"), {"type": "null"}]},
                "coauthors": {"type": "array", "items": r("Person")},
                "version": int, "created_at": time, "updated_at": time, "published_at": nullable_time,
                "counts": {"type": "object", "required": ["pages", "likes", "saves", "comments", "views"]},
                "rating": r("Rating"),
                "pages": {"type": "array", "items": r("Page")},
                "viewer": {"type": ["object", "null"], "description": "The caller's likes, saves, rating and progress (signed in only)"}
            }
        },
        "PageInput": {
            "type": "object", "additionalProperties": false,
            "properties": {
                "text": {"type": "string", "maxLength": 5000},
                "drawing": {"oneOf": [r("Drawing"), {"type": "null"}]},
                "thumbnail_media_id": {"type": ["string", "null"]}
            }
        },
        "NewStory": {
            "type": "object", "additionalProperties": false, "required": ["title"],
            "properties": {
                "title": {"type": "string", "minLength": 1, "maxLength": 120},
                "summary": {"type": "string", "maxLength": 500},
                "genres": {"type": "array", "maxItems": 3, "items": {"type": "string", "enum": GENRES}},
                "language": {"type": "string", "enum": ["en", "tl"]},
                "cover_media_id": string,
                "pages": {"type": "array", "maxItems": 60, "items": r("PageInput")}
            }
        },
        "StoryPatch": {
            "type": "object", "additionalProperties": false,
            "properties": {
                "title": {"type": "string", "minLength": 1, "maxLength": 120},
                "summary": {"type": "string", "maxLength": 500},
                "genres": {"type": "array", "maxItems": 3, "items": {"type": "string", "enum": GENRES}},
                "language": {"type": "string", "enum": ["en", "tl"]},
                "cover_media_id": {"type": ["string", "null"]},
                "version": {"type": "integer", "description": "When given, must match the stored version (else 409)"}
            }
        },
        "NewPage": {
            "type": "object", "additionalProperties": false,
            "properties": {
                "text": {"type": "string", "maxLength": 5000},
                "drawing": {"oneOf": [r("Drawing"), {"type": "null"}]},
                "thumbnail_media_id": {"type": ["string", "null"]},
                "after": {"type": ["integer", "null"], "description": "Insert after this page id; null = first; absent = last"}
            }
        },
        "PageEdit": {
            "type": "object", "additionalProperties": false, "required": ["version"],
            "properties": {
                "text": {"type": "string", "maxLength": 5000},
                "drawing": {"oneOf": [r("Drawing"), {"type": "null"}]},
                "thumbnail_media_id": {"type": ["string", "null"]},
                "version": {"type": "integer", "description": "The page version the edit started from (409 if stale)"}
            }
        },
        "PageOrder": {
            "type": "object", "additionalProperties": false, "required": ["page_ids"],
            "properties": {"page_ids": {"type": "array", "items": int}}
        },
        "Pages": {"type": "object", "required": ["pages"], "properties": {"pages": {"type": "array", "items": r("Page")}}},
        "UserRef": {"type": "object", "additionalProperties": false, "required": ["user_id"], "properties": {"user_id": int}},
        "LikeState": {"type": "object", "required": ["liked", "like_count"], "properties": {"liked": {"type": "boolean"}, "like_count": int}},
        "SaveState": {"type": "object", "required": ["saved", "save_count"], "properties": {"saved": {"type": "boolean"}, "save_count": int}},
        "RatingBody": {"type": "object", "additionalProperties": false, "required": ["value"], "properties": {"value": {"type": "integer", "minimum": 1, "maximum": 5}}},
        "RatingState": {"type": "object", "required": ["rating", "mine"], "properties": {"rating": r("Rating"), "mine": int}},
        "ReadBody": {
            "type": "object", "additionalProperties": false,
            "properties": {"page_id": int, "finished": {"type": "boolean"}}
        },
        "ReadState": {"type": "object", "required": ["view_counted", "view_count"], "properties": {"view_counted": {"type": "boolean"}, "view_count": int}},
        "Comment": {
            "type": "object",
            "required": ["id", "story_id", "author", "text", "masked", "edited", "created_at", "updated_at"],
            "properties": {
                "id": int, "story_id": int, "author": r("Person"), "text": string,
                "masked": {"type": "boolean", "description": "Some words were replaced by stars"},
                "edited": {"type": "boolean"}, "created_at": time, "updated_at": time
            }
        },
        "CommentList": list_of("Comment"),
        "CommentBody": {"type": "object", "additionalProperties": false, "required": ["text"], "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 1000}}},
        "MediaUploaded": {
            "type": "object", "required": ["id", "url", "mime", "width", "height", "size"],
            "properties": {"id": string, "url": string, "mime": {"type": "string", "enum": ["image/png", "image/jpeg", "image/webp"]}, "width": int, "height": int, "size": int}
        },
        "Character": {
            "type": "object", "required": ["id", "name", "description", "drawing", "created_at", "updated_at"],
            "properties": {"id": int, "name": string, "description": string, "drawing": {"oneOf": [r("Drawing"), {"type": "null"}]}, "created_at": time, "updated_at": time}
        },
        "CharacterList": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": r("Character")}}},
        "CharacterBody": {
            "type": "object", "additionalProperties": false,
            "properties": {"name": {"type": "string", "minLength": 1, "maxLength": 40}, "description": {"type": "string", "maxLength": 500}, "drawing": {"oneOf": [r("Drawing"), {"type": "null"}]}}
        },
        "Profile": {
            "type": "object",
            "required": ["id", "username", "display_name", "role", "avatar_emoji", "avatar_border", "bio", "level", "xp", "joined_at", "stats", "achievements", "stories", "is_friend", "friend_request"],
            "properties": {
                "id": int, "username": string, "display_name": string, "role": string, "avatar_emoji": string, "avatar_border": string,
                "bio": string, "level": int, "xp": int, "joined_at": time, "stats": {"type": "object"},
                "achievements": {"type": "array", "items": string}, "stories": {"type": "array", "items": {"type": "object"}},
                "is_friend": {"type": "boolean"}, "friend_request": {"type": ["string", "null"], "enum": ["sent", "received", null]}
            }
        },
        "SearchResults": {
            "type": "object", "required": ["items"],
            "properties": {"items": {"type": "array", "items": {"type": "object", "required": ["user", "is_friend", "friend_request"], "properties": {"user": r("Card"), "is_friend": {"type": "boolean"}, "friend_request": {"type": ["string", "null"]}}}}}
        },
        "Friends": {
            "type": "object", "required": ["items"],
            "properties": {"items": {"type": "array", "items": {"type": "object", "required": ["user", "since"], "properties": {"user": r("Card"), "since": time}}}}
        },
        "FriendRequests": {
            "type": "object", "required": ["incoming", "outgoing"],
            "properties": {
                "incoming": {"type": "array", "items": {"type": "object", "required": ["id", "user", "created_at", "waiting_for_grown_up"], "properties": {"id": int, "user": r("Card"), "created_at": time, "waiting_for_grown_up": {"type": "boolean"}}}},
                "outgoing": {"type": "array", "items": {"type": "object", "required": ["id", "user", "created_at", "waiting_for_grown_up"], "properties": {"id": int, "user": r("Card"), "created_at": time, "waiting_for_grown_up": {"type": "boolean"}}}}
            }
        },
        "FriendRequestBody": {
            "type": "object", "additionalProperties": false,
            "description": "Exactly one of user_id or username",
            "properties": {"user_id": int, "username": string}
        },
        "CoauthorInviteSent": {
            "type": "object", "required": ["invite"],
            "properties": {"invite": {"type": "object", "required": ["id", "story_id", "invitee_id", "status"],
                "properties": {"id": int, "story_id": int, "invitee_id": int, "status": {"type": "string", "enum": ["pending"]}}}}
        },
        "CoauthorInvites": {
            "type": "object", "required": ["items"],
            "properties": {"items": {"type": "array", "items": {"type": "object", "required": ["id", "story_id", "title", "from", "created_at"],
                "properties": {"id": int, "story_id": int, "title": string, "from": {"oneOf": [r("Person"), {"type": "null"}]}, "created_at": time}}}}
        },
        "CoauthorInviteState": {
            "type": "object", "required": ["id", "story_id", "status"],
            "properties": {"id": int, "story_id": int, "status": {"type": "string", "enum": ["accepted", "declined"]}}
        },
        "FriendRequestState": {
            "type": "object", "required": ["id", "status"],
            "properties": {"id": int, "status": {"type": "string", "enum": ["pending", "waiting_for_grown_up", "accepted", "rejected", "cancelled"]}, "user": {"oneOf": [r("Card"), {"type": "null"}]}}
        },
        "Feed": list_of("FeedEntry"),
        "FeedEntry": {
            "type": "object", "required": ["id", "kind", "actor", "story", "data", "created_at"],
            "properties": {"id": int, "kind": string, "actor": r("Card"), "story": {"type": ["object", "null"]}, "data": {"type": ["object", "null"]}, "created_at": time}
        },
        "Leaderboard": {
            "type": "object", "required": ["period", "scope", "items"],
            "properties": {
                "period": string, "scope": string,
                "items": {"type": "array", "items": {"type": "object", "required": ["rank", "user", "xp", "me"], "properties": {"rank": int, "user": r("Card"), "xp": int, "me": {"type": "boolean"}}}}
            }
        },
        "NotificationList": {
            "type": "object", "required": ["items", "next_cursor", "unread_count"],
            "properties": {
                "items": {"type": "array", "items": {
                    "type": "object", "required": ["id", "type", "actor", "target", "data", "read", "created_at"],
                    "properties": {"id": int, "type": string, "actor": {"type": ["object", "null"]}, "target": {"type": ["object", "null"]}, "data": {"type": ["object", "null"]}, "read": {"type": "boolean"}, "created_at": time}
                }},
                "next_cursor": {"type": ["string", "null"]},
                "unread_count": int
            }
        },
        "UnreadCount": {"type": "object", "required": ["unread_count"], "properties": {"unread_count": int, "marked": int}},
        "MyStories": list_of("MyStory"),
        "MyStory": {
            "type": "object", "required": ["id", "title", "status", "is_owner", "cover", "page_count", "updated_at"],
            "properties": {"id": int, "title": string, "status": string, "is_owner": {"type": "boolean"}, "cover": {"oneOf": [r("MediaRef"), {"type": "null"}]}, "page_count": int, "like_count": int, "comment_count": int, "view_count": int, "updated_at": time, "published_at": nullable_time}
        },
        "Saved": {"type": "object", "required": ["items", "next_cursor"], "properties": {"items": {"type": "array", "items": {"type": "object"}}, "next_cursor": {"type": ["string", "null"]}}},
        "Achievements": {
            "type": "object", "required": ["items", "earned_count"],
            "properties": {
                "earned_count": int,
                "items": {"type": "array", "items": {"type": "object", "required": ["id", "icon", "title", "title_tl", "description", "xp", "earned", "earned_at", "progress"]}}
            }
        },
        "Xp": {
            "type": "object", "required": ["xp", "level", "level_xp", "next_level_at", "xp_per_level", "borders", "unlocked_borders", "recent"],
            "properties": {"xp": int, "level": int, "level_xp": int, "next_level_at": int, "xp_per_level": int, "borders": {"type": "array"}, "unlocked_borders": {"type": "array", "items": string}, "recent": {"type": "array"}}
        }
    })
}

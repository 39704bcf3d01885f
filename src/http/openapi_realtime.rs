//! Component schemas of the realtime, messaging and drawing-session routes.

use serde_json::{Value, json};

fn r(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

/// The schemas, merged into the document's components.
pub fn schemas() -> Value {
    let int = json!({"type": "integer"});
    let string = json!({"type": "string"});
    let time = json!({"type": "string", "format": "date-time"});
    json!({
        "RealtimeTicket": {
            "type": "object", "required": ["ticket", "expires_in"],
            "properties": {"ticket": string, "expires_in": int}
        },
        "Message": {
            "type": "object", "required": ["id", "from", "to", "text", "created_at", "edited_at", "read"],
            "properties": {"id": int, "from": int, "to": int, "text": string, "created_at": time,
                "edited_at": {"type": ["string", "null"], "format": "date-time"}, "read": {"type": "boolean"}}
        },
        "MessageEnvelope": {"type": "object", "required": ["message"], "properties": {"message": r("Message")}},
        "MessageBody": {
            "type": "object", "additionalProperties": false, "required": ["text"],
            "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 2000}}
        },
        "MessageList": {
            "type": "object", "required": ["items", "next_before"],
            "properties": {"items": {"type": "array", "items": r("Message")}, "next_before": {"type": ["integer", "null"]}}
        },
        "Conversations": {
            "type": "object", "required": ["items"],
            "properties": {"items": {"type": "array", "items": {
                "type": "object", "required": ["user", "last_message", "unread_count"],
                "properties": {"user": {"type": "object"}, "last_message": {"oneOf": [r("Message"), {"type": "null"}]}, "unread_count": int}
            }}}
        },
        "ReadReceipt": {
            "type": "object", "required": ["marked", "up_to_id"],
            "properties": {"marked": int, "up_to_id": {"type": ["integer", "null"]}}
        },
        "SessionCreateBody": {
            "type": "object", "additionalProperties": false,
            "properties": {
                "title": {"type": "string", "minLength": 1, "maxLength": 80},
                "max_participants": {"type": "integer", "minimum": 2, "maximum": 10},
                "hours": {"type": "integer", "minimum": 1, "maximum": 72}
            }
        },
        "CollabSession": {
            "type": "object",
            "required": ["id", "join_code", "title", "state", "lobby_open", "host_id", "max_participants", "members", "expires_at", "story_id", "is_host"],
            "properties": {
                "id": int, "join_code": string, "title": string,
                "state": {"type": "string", "enum": ["lobby", "drawing", "voting", "published", "ended"]},
                "lobby_open": {"type": "boolean"}, "host_id": int, "max_participants": int,
                "members": {"type": "array", "items": {"type": "object", "required": ["user_id", "username", "display_name", "color", "host"]}},
                "expires_at": time, "story_id": {"type": ["integer", "null"]}, "is_host": {"type": "boolean"}
            }
        },
        "SessionList": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": r("CollabSession")}}},
        "JoinBody": {
            "type": "object", "required": ["code"],
            "properties": {"code": {"type": "string", "description": "5 letters and digits; case and spaces ignored"}}
        },
        "UserIdBody": {
            "type": "object", "required": ["user_id"],
            "properties": {"user_id": {"type": "integer", "minimum": 1}}
        },
        "InviteEnvelope": {
            "type": "object", "required": ["invite"],
            "properties": {"invite": {"type": "object", "required": ["id", "session_id", "invitee_id", "expires_at"]}}
        },
        "InviteList": {
            "type": "object", "required": ["items"],
            "properties": {"items": {"type": "array", "items": {"type": "object", "required": ["id", "session_id", "title", "inviter", "created_at", "expires_at"]}}}
        }
    })
}

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
        "ServerFrame": {
            "type": "object", "required": ["type"],
            "description": "A frame the server sends on the WebSocket (GET /ws?ticket=...); every frame is a JSON object tagged with its type. Requests answered carry the client's id.",
            "properties": {"type": {"type": "string", "enum": ["hello", "pong", "error", "presence.online", "presence.offline", "notification.new", "notification.unread", "message.new", "message.edited", "message.deleted", "message.read", "message.typing", "collab.ack", "collab.op", "collab.preview", "collab.replay", "collab.state", "collab.cursor", "collab.view", "collab.viewing", "collab.chat", "collab.vote_started", "collab.vote_opened", "collab.vote_update", "collab.voted", "collab.vote_result", "collab.published", "collab.publish_failed", "collab.member_joined", "collab.left", "collab.member_left", "collab.status", "collab.ended", "collab.kicked"]}, "id": {"type": "string"}},
            "x-frames": {
                "hello": "The first frame of a socket: protocol, user_id, online_friends, unread_count",
                "pong": "The answer to ping",
                "error": "A refused or unreadable client frame: code, message, and for a refused text the field and words",
                "presence.online": "A friend came online: user_id",
                "presence.offline": "A friend went offline: user_id, last_seen",
                "notification.new": "A new notification and the unread count",
                "notification.unread": "The unread count changed",
                "message.new": "A message to or from a friend",
                "message.edited": "A message was edited",
                "message.deleted": "A message was deleted: id, peer_id",
                "message.read": "The reader read the conversation: reader_id, up_to_id",
                "message.typing": "A friend is typing: from",
                "collab.ack": "A durable op was stored: session_id, client_op_id, seq",
                "collab.op": "Another member's op: session_id, seq, user_id, client_op_id, op",
                "collab.preview": "Another member's unfinished stroke (never stored)",
                "collab.replay": "The ops missed since since_seq: session_id, seq, state, members, ops",
                "collab.state": "The whole room for a member opening it",
                "collab.cursor": "Another member's pointer: user_id, page_id, x, y, color",
                "collab.view": "The page another member looks at",
                "collab.viewing": "The answer to collab.view",
                "collab.chat": "A chat line: user_id, text, at",
                "collab.vote_started": "A save vote opened: vote_id, by, voters, deadline_ms",
                "collab.vote_opened": "The answer to collab.vote_start",
                "collab.vote_update": "The count so far: vote_id, yes, no, voters",
                "collab.voted": "The answer to collab.vote",
                "collab.vote_result": "How the vote ended: vote_id, approved, yes, no, reason",
                "collab.published": "The session became a story: story_id",
                "collab.publish_failed": "The approved save could not be published: code, message, words",
                "collab.member_joined": "Someone opened the room: user_id, display_name, color",
                "collab.left": "The answer to collab.leave",
                "collab.member_left": "Someone closed the room: user_id",
                "collab.status": "The session's state changed: state, lobby_open, story_id",
                "collab.ended": "The session ended: reason",
                "collab.kicked": "The host removed a member: user_id"
            }
        },
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use crate::realtime::protocol::{RAW_TYPES, ServerFrame};

    #[test]
    fn the_documented_frames_are_exactly_the_frames_the_server_sends() {
        let doc = super::schemas();
        let documented: BTreeSet<&str> = doc["ServerFrame"]["properties"]["type"]["enum"]
            .as_array()
            .expect("an enum")
            .iter()
            .filter_map(|t| t.as_str())
            .collect();
        let described: BTreeSet<&str> = doc["ServerFrame"]["x-frames"]
            .as_object()
            .expect("descriptions")
            .keys()
            .map(String::as_str)
            .collect();
        let sent: BTreeSet<&str> = ServerFrame::TYPES
            .iter()
            .chain(RAW_TYPES)
            .copied()
            .collect();
        assert_eq!(documented, sent);
        assert_eq!(described, sent);
    }
}

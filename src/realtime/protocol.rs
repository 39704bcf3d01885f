//! The WebSocket protocol: what clients may send, what the server sends, and the close codes.
//!
//! One socket per browser tab: `POST /api/realtime/ticket` (signed in) returns
//! `{"ticket", "expires_in": 30}`; the tab opens `GET /ws?ticket=…` within 30 s (single use).
//! Every frame is a JSON object with a `type`. A client frame may carry an `id` (string or
//! number, at most 64 characters) that the server echoes in its reply or error.
//!
//! First frame from the server:
//! `{"type":"hello","protocol":1,"user_id","online_friends":[ids],"unread_count"}`.
//!
//! Client → server:
//! - `ping` → `pong`
//! - `message.typing {to}` → the friend gets `message.typing {from}`
//! - `collab.join {session_id, since_seq?}` → `collab.state` (full snapshot) or, when the
//!   server still holds every op after `since_seq`, `collab.replay {session_id, seq, ops, members}`
//! - `collab.leave {session_id}` → `collab.left {session_id}`
//! - `collab.op {session_id, client_op_id, op}` → the sender gets `collab.ack {session_id,
//!   client_op_id, seq}`; the others `collab.op {session_id, seq, user_id, client_op_id, op}`.
//!   `op.kind` is one of `draw {page_id, item}` (a drawing item, see `domain::drawing`),
//!   `undo {target}` / `redo {target}` (the seq of one of your own `draw` ops), `clear
//!   {page_id}`, `page_add {after?}` (the server adds `page_id`), `page_delete {page_id}`,
//!   `page_move {page_id, index}`, `page_text {page_id, text}` and `title {text}`.
//! - `collab.preview {session_id, page_id, data}` (an unfinished stroke, never stored) → others
//! - `collab.cursor {session_id, page_id, x, y}` → others, coalesced to 20 per second per user
//! - `collab.view {session_id, page_id}` (the page I look at) → others
//! - `collab.chat {session_id, text}` → everyone `collab.chat {session_id, user_id, text, at}`
//!   with bad words masked
//! - `collab.vote_start {session_id}` → `collab.vote_started {session_id, vote_id, by, voters,
//!   deadline_ms}`; `collab.vote {session_id, yes}` → `collab.vote_update`, then
//!   `collab.vote_result {vote_id, approved, yes, no, reason}` and, when approved,
//!   `collab.published {session_id, story_id}`
//!
//! Server → client, unprompted: `notification.new {notification, unread_count}`,
//! `notification.unread {unread_count}`, `presence.online {user_id}`, `presence.offline
//! {user_id, last_seen}`, `message.new|message.edited {message}`, `message.deleted {id,
//! peer_id}`, `message.read {reader_id, up_to_id}`, `collab.member_joined {session_id, user_id,
//! display_name, color}`, `collab.member_left`, `collab.kicked {session_id, user_id}`,
//! `collab.status {session_id, state, lobby_open}`, `collab.ended {session_id, reason}`.
//!
//! Errors: `{"type":"error","code","message","id"?}`; the socket stays open.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

/// The protocol version in `hello`; a client asking for another (`/ws?v=`) is closed with
/// [`close::PROTOCOL`].
pub const VERSION: u32 = 1;

/// Close codes, all sent after the upgrade so browsers can read them.
pub mod close {
    /// The server is shutting down or restarting.
    pub const GOING_AWAY: u16 = 1001;
    /// Repeated abuse of a rate limit.
    pub const POLICY: u16 = 1008;
    /// A frame larger than the limit.
    pub const TOO_BIG: u16 = 1009;
    /// The client could not keep up: reconnect and resynchronise.
    pub const RESYNC: u16 = 1013;
    /// The user already has the most sockets allowed.
    pub const TOO_MANY_SOCKETS: u16 = 4001;
    /// Signed out, password changed, suspended or deleted.
    pub const SIGNED_OUT: u16 = 4003;
    /// Removed from a drawing session by its host.
    pub const KICKED: u16 = 4004;
    /// A protocol version this server does not speak.
    pub const PROTOCOL: u16 = 4400;
    /// The ticket is missing, used or expired.
    pub const BAD_TICKET: u16 = 4401;
}

/// A frame from a client, decoded.
#[derive(Debug)]
pub struct Incoming<'a> {
    /// The client's request id, echoed in the reply.
    pub id: Option<String>,
    /// What it asks.
    pub msg: ClientMsg<'a>,
}

/// What a client may send.
#[derive(Debug)]
pub enum ClientMsg<'a> {
    /// Keep-alive from the application.
    Ping,
    /// "I am typing" to a friend.
    Typing {
        /// The friend.
        to: i64,
    },
    /// Open a session's shared canvas.
    Join {
        /// The session.
        session_id: i64,
        /// The last seq this client has applied.
        since_seq: Option<u64>,
    },
    /// Close it.
    Leave {
        /// The session.
        session_id: i64,
    },
    /// A durable operation.
    Op {
        /// The session.
        session_id: i64,
        /// The client's id for the op (at most 64 characters).
        client_op_id: Option<String>,
        /// The op, validated by the room.
        op: &'a RawValue,
    },
    /// An unfinished stroke, relayed only.
    Preview {
        /// The session.
        session_id: i64,
        /// The page.
        page_id: String,
        /// Whatever the client draws with (bounded by the frame size).
        data: &'a RawValue,
    },
    /// Where the pointer is.
    Cursor {
        /// The session.
        session_id: i64,
        /// The page.
        page_id: String,
        /// Canvas x.
        x: f64,
        /// Canvas y.
        y: f64,
    },
    /// Which page the member looks at.
    View {
        /// The session.
        session_id: i64,
        /// The page.
        page_id: String,
    },
    /// A chat line in the session.
    Chat {
        /// The session.
        session_id: i64,
        /// The text.
        text: String,
    },
    /// Ask everyone whether to save the story now.
    VoteStart {
        /// The session.
        session_id: i64,
    },
    /// Answer the open vote.
    Vote {
        /// The session.
        session_id: i64,
        /// Save or not.
        yes: bool,
    },
}

// One struct per frame type. The type is read first, then the frame as its own struct: serde's
// internally tagged enums buffer values and cannot hand out borrowed raw JSON.
#[derive(Deserialize)]
struct TypingF {
    to: i64,
}
#[derive(Deserialize)]
struct JoinF {
    session_id: i64,
    #[serde(default)]
    since_seq: Option<u64>,
}
#[derive(Deserialize)]
struct SessionF {
    session_id: i64,
}
#[derive(Deserialize)]
struct OpF<'a> {
    session_id: i64,
    #[serde(default)]
    client_op_id: Option<String>,
    #[serde(borrow)]
    op: &'a RawValue,
}
#[derive(Deserialize)]
struct PreviewF<'a> {
    session_id: i64,
    page_id: String,
    #[serde(borrow)]
    data: &'a RawValue,
}
#[derive(Deserialize)]
struct CursorF {
    session_id: i64,
    page_id: String,
    x: f64,
    y: f64,
}
#[derive(Deserialize)]
struct ViewF {
    session_id: i64,
    page_id: String,
}
#[derive(Deserialize)]
struct ChatF {
    session_id: i64,
    text: String,
}
#[derive(Deserialize)]
struct VoteF {
    session_id: i64,
    yes: bool,
}

fn parse_msg<'a>(kind: &str, text: &'a str) -> serde_json::Result<ClientMsg<'a>> {
    use serde_json::from_str;
    Ok(match kind {
        "ping" => ClientMsg::Ping,
        "message.typing" => ClientMsg::Typing {
            to: from_str::<TypingF>(text)?.to,
        },
        "collab.join" => {
            let f: JoinF = from_str(text)?;
            ClientMsg::Join {
                session_id: f.session_id,
                since_seq: f.since_seq,
            }
        }
        "collab.leave" => ClientMsg::Leave {
            session_id: from_str::<SessionF>(text)?.session_id,
        },
        "collab.op" => {
            let f: OpF<'a> = from_str(text)?;
            ClientMsg::Op {
                session_id: f.session_id,
                client_op_id: f.client_op_id,
                op: f.op,
            }
        }
        "collab.preview" => {
            let f: PreviewF<'a> = from_str(text)?;
            ClientMsg::Preview {
                session_id: f.session_id,
                page_id: f.page_id,
                data: f.data,
            }
        }
        "collab.cursor" => {
            let f: CursorF = from_str(text)?;
            ClientMsg::Cursor {
                session_id: f.session_id,
                page_id: f.page_id,
                x: f.x,
                y: f.y,
            }
        }
        "collab.view" => {
            let f: ViewF = from_str(text)?;
            ClientMsg::View {
                session_id: f.session_id,
                page_id: f.page_id,
            }
        }
        "collab.chat" => {
            let f: ChatF = from_str(text)?;
            ClientMsg::Chat {
                session_id: f.session_id,
                text: f.text,
            }
        }
        "collab.vote_start" => ClientMsg::VoteStart {
            session_id: from_str::<SessionF>(text)?.session_id,
        },
        "collab.vote" => {
            let f: VoteF = from_str(text)?;
            ClientMsg::Vote {
                session_id: f.session_id,
                yes: f.yes,
            }
        }
        other => {
            return Err(serde::de::Error::custom(format!("unknown type {other}")));
        }
    })
}

/// Why a frame could not be decoded; becomes an `error` frame.
#[derive(Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Error code.
    pub code: &'static str,
    /// What to tell the client.
    pub message: String,
    /// The request id, when it could be read.
    pub id: Option<String>,
}

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(rename = "type", borrow)]
    kind: Option<&'a str>,
    #[serde(default, borrow)]
    id: Option<&'a RawValue>,
}

const KNOWN: &[&str] = &[
    "ping",
    "message.typing",
    "collab.join",
    "collab.leave",
    "collab.op",
    "collab.preview",
    "collab.cursor",
    "collab.view",
    "collab.chat",
    "collab.vote_start",
    "collab.vote",
];

/// Reads a request id: a string or an integer of at most 64 characters.
fn request_id(raw: Option<&RawValue>) -> Result<Option<String>, &'static str> {
    let Some(raw) = raw else { return Ok(None) };
    let text = raw.get();
    let id = if let Ok(s) = serde_json::from_str::<String>(text) {
        s
    } else if let Ok(n) = serde_json::from_str::<i64>(text) {
        n.to_string()
    } else if text == "null" {
        return Ok(None);
    } else {
        return Err("id must be a string or a whole number.");
    };
    if id.chars().count() > 64 || id.chars().any(char::is_control) {
        return Err("id has at most 64 characters.");
    }
    Ok(Some(id))
}

/// Decodes one text frame. Never panics: it is a fuzz target.
pub fn decode(text: &str) -> Result<Incoming<'_>, DecodeError> {
    let env: Envelope<'_> = serde_json::from_str(text).map_err(|_| DecodeError {
        code: "bad_json",
        message: "A frame must be a JSON object with a type.".into(),
        id: None,
    })?;
    let id = request_id(env.id).map_err(|m| DecodeError {
        code: "bad_frame",
        message: m.into(),
        id: None,
    })?;
    let Some(kind) = env.kind else {
        return Err(DecodeError {
            code: "bad_frame",
            message: "A frame needs a type.".into(),
            id,
        });
    };
    if !KNOWN.contains(&kind) {
        return Err(DecodeError {
            code: "unknown_type",
            message: format!("This server does not know frames of type {kind:?}."),
            id,
        });
    }
    match parse_msg(kind, text) {
        Ok(msg) => Ok(Incoming { id, msg }),
        Err(e) => {
            let text = e.to_string();
            Err(DecodeError {
                code: "bad_frame",
                message: format!(
                    "This {kind} frame is not in the right shape: {}",
                    text.split(" at line ").next().unwrap_or(&text)
                ),
                id,
            })
        }
    }
}

/// Declares [`ServerFrame`] and the list of its `type` tags together, so the list cannot miss
/// a frame.
macro_rules! server_frames {
    ($($(#[$doc:meta])* $tag:literal => $variant:ident { $($field:ident : $ty:ty),* $(,)? })*) => {
        /// Every frame the server sends, tagged with its `type` (see the module docs). An `id`
        /// echoes the request id of the client frame it answers and is left out when `None`.
        #[derive(Debug, Serialize)]
        #[serde(tag = "type")]
        pub enum ServerFrame<'a> {
            $($(#[$doc])* #[serde(rename = $tag)] $variant {
                $(#[serde(skip_serializing_if = "Skip::skip")] $field: $ty,)*
            },)*
        }

        impl ServerFrame<'_> {
            /// The `type` of every frame, in declaration order.
            pub const TYPES: &'static [&'static str] = &[$($tag),*];
        }
    };
}

/// Fields left out of a frame when empty: only an absent request id is.
trait Skip {
    fn skip(&self) -> bool {
        false
    }
}
impl Skip for Option<&str> {
    fn skip(&self) -> bool {
        self.is_none()
    }
}
impl Skip for i64 {}
impl Skip for u64 {}
impl Skip for u32 {}
impl Skip for usize {}
impl Skip for f64 {}
impl Skip for bool {}
impl Skip for &str {}
impl Skip for String {}
impl Skip for Option<i64> {}
impl Skip for &Value {}
impl Skip for Option<&Value> {
    fn skip(&self) -> bool {
        self.is_none()
    }
}
impl Skip for Value {}
impl Skip for &std::collections::VecDeque<Value> {}
impl Skip for &[i64] {}
impl Skip for Vec<String> {}

server_frames! {
    /// The first frame of a socket.
    "hello" => Hello { protocol: u32, user_id: i64, online_friends: &'a [i64], unread_count: i64 }
    /// The answer to `ping`.
    "pong" => Pong { id: Option<&'a str> }
    /// A refused or unreadable client frame.
    "error" => Error {
        code: &'a str, message: &'a str, field: Option<&'a str>, words: Option<&'a Value>,
        id: Option<&'a str>
    }
    /// A friend came online.
    "presence.online" => PresenceOnline { user_id: i64 }
    /// A friend went offline (after the reload grace).
    "presence.offline" => PresenceOffline { user_id: i64, last_seen: String }
    /// A new notification and the unread count with it.
    "notification.new" => NotificationNew { notification: &'a Value, unread_count: i64 }
    /// The unread count changed (some were marked read).
    "notification.unread" => NotificationUnread { unread_count: i64 }
    /// A message to or from a friend.
    "message.new" => MessageNew { message: &'a Value }
    /// A message was edited.
    "message.edited" => MessageEdited { message: &'a Value }
    /// A message was deleted.
    "message.deleted" => MessageDeleted { id: i64, peer_id: i64 }
    /// The reader read the conversation up to a message.
    "message.read" => MessageRead { reader_id: i64, up_to_id: Option<i64> }
    /// A friend is typing.
    "message.typing" => MessageTyping { from: i64 }
    /// A durable op was stored with this seq.
    "collab.ack" => CollabAck { session_id: i64, client_op_id: Option<&'a str>, seq: u64, id: Option<&'a str> }
    /// Another member's pointer.
    "collab.cursor" => CollabCursor { session_id: i64, user_id: i64, page_id: &'a str, x: f64, y: f64, color: &'a str }
    /// The page another member looks at.
    "collab.view" => CollabView { session_id: i64, user_id: i64, page_id: &'a str }
    /// The answer to `collab.view`.
    "collab.viewing" => CollabViewing { session_id: i64, id: Option<&'a str> }
    /// A chat line (bad words masked).
    "collab.chat" => CollabChat { session_id: i64, user_id: i64, text: &'a str, at: String, id: Option<&'a str> }
    /// A save vote opened.
    "collab.vote_started" => CollabVoteStarted { session_id: i64, vote_id: u64, by: i64, voters: &'a [i64], deadline_ms: u64 }
    /// The answer to `collab.vote_start`.
    "collab.vote_opened" => CollabVoteOpened { session_id: i64, vote_id: u64, id: Option<&'a str> }
    /// The count so far.
    "collab.vote_update" => CollabVoteUpdate { session_id: i64, vote_id: u64, yes: usize, no: usize, voters: &'a [i64] }
    /// The answer to `collab.vote`.
    "collab.voted" => CollabVoted { session_id: i64, id: Option<&'a str> }
    /// How the vote ended.
    "collab.vote_result" => CollabVoteResult { session_id: i64, vote_id: u64, approved: bool, yes: usize, no: usize, reason: &'a str }
    /// The session became a story in the library.
    "collab.published" => CollabPublished { session_id: i64, story_id: i64 }
    /// The approved save could not be published (e.g. a refused word).
    "collab.publish_failed" => CollabPublishFailed { session_id: i64, code: &'a str, message: String, words: Vec<String> }
    /// The whole room, for a member opening it.
    "collab.state" => CollabState { session_id: i64, state: &'a str, lobby_open: bool, host_id: i64, title: &'a Value, pages: &'a Value, seq: u64, members: Value, chat: &'a std::collections::VecDeque<Value>, vote: Value, story_id: Option<i64>, id: Option<&'a str> }
    /// Someone opened the room.
    "collab.member_joined" => CollabMemberJoined { session_id: i64, user_id: i64, display_name: &'a str, color: &'a str }
    /// The answer to `collab.leave`.
    "collab.left" => CollabLeft { session_id: i64, id: Option<&'a str> }
    /// Someone closed the room (their last tab).
    "collab.member_left" => CollabMemberLeft { session_id: i64, user_id: i64 }
    /// The session's state changed (started, lobby closed, published).
    "collab.status" => CollabStatus { session_id: i64, state: &'a str, lobby_open: bool, story_id: Option<i64> }
    /// The session ended (host, time).
    "collab.ended" => CollabEnded { session_id: i64, reason: &'a str }
    /// The host removed a member.
    "collab.kicked" => CollabKicked { session_id: i64, user_id: i64 }
}

/// Frames written straight from stored JSON, without parsing it again (the hot path of a
/// drawing room): `collab.op {session_id, seq, user_id, client_op_id, op}`, `collab.preview
/// {session_id, user_id, page_id, data}` and `collab.replay {session_id, seq, state, members,
/// ops}`.
pub const RAW_TYPES: &[&str] = &["collab.op", "collab.preview", "collab.replay"];

impl ServerFrame<'_> {
    /// The frame as JSON text.
    pub fn text(&self) -> String {
        // Plain structs of numbers, strings and JSON values always serialise.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The frame as a JSON value (kept in a room's chat history).
    pub fn value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// An `error` frame.
pub fn error_frame(code: &str, message: &str, id: Option<&str>) -> String {
    ServerFrame::Error {
        code,
        message,
        field: None,
        words: None,
        id,
    }
    .text()
}

#[cfg(test)]
#[path = "protocol_tests.rs"]
mod tests;

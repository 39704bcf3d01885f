//! What sockets and the pusher ask of a room.

use std::sync::Arc;

use crate::realtime::hub::SocketHandle;

/// What a room is asked to do.
pub enum Cmd {
    /// Open the canvas on a socket.
    Join {
        /// The socket.
        sock: Arc<SocketHandle>,
        /// The last seq the client holds.
        since: Option<u64>,
        /// Request id.
        id: Option<String>,
    },
    /// Close it on a socket (`collab.leave`, or the socket ended).
    Leave {
        /// The socket.
        sock: Arc<SocketHandle>,
        /// Request id, for the `collab.left` answer (none when the socket is gone).
        id: Option<String>,
        /// The socket itself closed.
        gone: bool,
    },
    /// A frame for the room.
    Frame {
        /// The socket.
        sock: Arc<SocketHandle>,
        /// Request id.
        id: Option<String>,
        /// What it says.
        msg: RoomMsg,
    },
    /// The session changed in the database (REST): reload it; `kicked` lost their seat.
    Refresh {
        /// A member just kicked.
        kicked: Option<i64>,
    },
}

/// Frames a room handles, owned (the socket's buffer is reused).
pub enum RoomMsg {
    /// A durable op (raw JSON).
    Op {
        /// The client's id for it.
        client_op_id: Option<String>,
        /// The op.
        raw: String,
    },
    /// An unfinished stroke.
    Preview {
        /// The page.
        page_id: String,
        /// Raw JSON.
        data: String,
    },
    /// A pointer position.
    Cursor {
        /// The page.
        page_id: String,
        /// x.
        x: f64,
        /// y.
        y: f64,
    },
    /// The page a member looks at.
    View {
        /// The page.
        page_id: String,
    },
    /// A chat line.
    Chat {
        /// Text.
        text: String,
    },
    /// Open a save vote.
    VoteStart,
    /// Answer it.
    Vote {
        /// Save or not.
        yes: bool,
    },
}

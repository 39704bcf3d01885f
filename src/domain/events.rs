//! What a committed write announces to connected clients. A write transaction records these
//! with `Tx::emit`; the outbox releases them only after the commit, and the realtime pusher
//! turns each into frames. Events carry ids, not payloads: the pusher reads the committed rows.

/// Something committed that connected clients should hear about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A notification row was made for `user` (pushed with the new unread count).
    Notification { user: i64, id: i64 },
    /// `user`'s unread count changed without a new notification (they marked some read).
    UnreadChanged { user: i64 },
    /// A direct message was sent.
    MessageSent { id: i64 },
    /// A direct message was edited.
    MessageEdited { id: i64 },
    /// A direct message was deleted (the row is gone, so its two people travel with it).
    MessageDeleted { id: i64, sender: i64, receiver: i64 },
    /// `reader` read `sender`'s messages up to `up_to`.
    MessagesRead {
        reader: i64,
        sender: i64,
        up_to: Option<i64>,
    },
    /// A drawing session's state or lobby changed (started, lobby closed, published).
    CollabStatus { session: i64 },
    /// A drawing session's state changed by its host over REST: its room reloads, then its
    /// members hear the new state.
    CollabChanged { session: i64 },
    /// A drawing session ended (by its host, by time, or from the command line).
    CollabEnded { session: i64, reason: &'static str },
    /// The host removed `user` from a drawing session.
    CollabKicked { session: i64, user: i64 },
}

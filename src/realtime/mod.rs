//! The realtime hub of DESIGN §5: one WebSocket per tab carrying presence, notifications,
//! messages and live drawing rooms.

pub mod batcher;
pub mod bucket;
pub mod hub;
pub mod presence;
pub mod protocol;
pub mod pusher;
pub mod room;
pub mod rooms;
pub mod socket;
pub mod tickets;

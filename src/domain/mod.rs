//! Pure logic with no I/O: rules, matchers and generators that the API and realtime layers call.

pub mod accounts;
pub mod classroom;
pub mod collab;
pub mod cover;
pub mod drawing;
pub mod encoding;
pub mod events;
pub mod games;
pub mod media;
pub mod personal;
pub mod pictures;
pub mod profanity;
pub mod rewards;
pub mod starter;
pub mod story;
pub mod text;
pub mod typos;

//! Pure logic with no I/O: rules, matchers and generators that the API and realtime layers call.

pub mod accounts;
pub mod profanity;

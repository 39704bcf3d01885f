//! SQL and the rules that span tables, one file per domain. Handlers in `api` and the realtime
//! rooms call down into it; it imports only `db`, `domain`, `error` and `time`.

pub mod actions;
pub mod admin;
pub mod audit;
pub mod classes;
pub mod classroom;
pub mod codes;
pub mod collab;
pub mod covers;
pub mod family;
pub mod games;
pub mod leaving;
pub mod media;
pub mod messages;
pub mod moderation;
pub mod notifications;
pub mod pages;
pub mod profanity;
pub mod reach;
pub mod reviews;
pub mod rewards;
pub mod search;
pub mod social;
pub mod stories;
pub mod users;

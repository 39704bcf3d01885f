//! PixelTales: a storytelling studio for children, shipped as one binary.
//! [`run`] starts the whole server on a listener so that tests can bind port 0.
//!
//! # The map
//!
//! Layers point down only; `tests/it/layers.rs` fails the build when one points up or when any
//! two files import each other in a circle.
//!
//! | layer | holds | may import |
//! |---|---|---|
//! | `main.rs`, `cli` | wiring, the command line | anything |
//! | `http` | transport: accept loop, router, requests, responses, SPA, OpenAPI | `api`, `app`, below |
//! | `api` | handlers: parse, authorize, call the store, shape the answer; the route table (`api::routes`) | `app`, `auth`, `store`, `realtime` (tickets, close codes), below |
//! | `realtime` | sockets, presence, rooms, the op batcher, the pusher (the one path from a committed row to a socket), the frames (`protocol`) | `app`, `auth`, `store`, below |
//! | `app` | the shared state, its background tasks and their shutdown order, backups | `realtime`, `auth`, `store`, `http` types, below |
//! | `auth` | passwords, tokens (`jsonwebtoken`), device sessions, rate limits | `store`, below |
//! | `store` | all SQL shared by handlers and every rule that spans tables (one file per domain; `actions` lists what each action sets off; `reach` is the safety policy) | `db`, `domain`, `error`, `time` only |
//! | `db` | the connection pool, `Tx` (a write transaction that collects events for after the commit), the outbox, migrations, backups | `domain`, `error`, `time` |
//! | `domain` | pure rules: accounts, words and personal details, drawings, games, events | nothing with I/O (no `rusqlite`, `tokio`, `hyper`) |
//! | `error`, `time`, `log` | the one error envelope, clocks, logging | nothing above |
//!
//! A committed change reaches sockets one way: the transaction emits a typed event
//! (`Tx::emit`), the pool releases it to the outbox only after the commit, and
//! `realtime::pusher` reads what it names and sends the frames. Direct hub calls are only for
//! frames that are never stored (typing, cursors, presence, previews) and for closing sockets.

// The OpenAPI schemas are one large `json!` literal.
#![recursion_limit = "512"]

pub mod api;
pub mod app;
pub mod assist;
pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod disk;
pub mod domain;
pub mod error;
pub mod error_tl;
pub mod fuzz;
pub mod http;
pub mod log;
pub mod memory;
pub mod realtime;
pub mod store;
pub mod time;

pub use app::StartError;
pub use config::Config;
pub use http::server::run;

/// The version string printed by `--version` and served by `/api/config`.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("PIXELTALES_GIT_SHA"),
    ")"
);

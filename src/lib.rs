//! PixelTales: a storytelling studio for children, shipped as one binary.
//!
//! Data flows one way: `http::router -> api::<domain> -> domain (pure logic) -> db`.
//! [`run`] starts the whole server on a listener so that tests can bind port 0.

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
pub mod domain;
pub mod error;
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

//! The integration tests: one binary, one module per domain. Every test starts the real server
//! (in-process on port 0, or the real binary) on a temporary SQLite file and talks to it over
//! real HTTP and WebSockets. The browser suites are the second binary, `tests/e2e`.

#[path = "../common/mod.rs"]
mod common;

mod accounts;
mod admin;
mod assist;
mod authz;
mod classroom;
mod cli;
mod collab;
mod covers;
mod crash;
mod deploy;
mod family;
mod full_disk;
mod fuzz_inputs;
mod games;
mod http;
mod layers;
mod leaving;
mod library;
mod litestream;
mod media;
mod operations;
mod reactions;
mod realtime;
mod rewards;
mod safety;
mod security;
mod social;
mod stories;
mod tagalog;
mod text_rule;
mod upgrades;

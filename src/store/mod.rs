//! SQL and the rules that span tables, one file per domain. Handlers in `api` and the realtime
//! rooms call down into it; it imports only `db`, `domain`, `error` and `time`.
//!
//! The rest of the SQL still sits beside its handlers in `api/*/store.rs` and moves here with
//! the architecture step; the safety policy starts here so every path shares it.

pub mod leaving;
pub mod reach;

//! Identity: passwords, tokens, device sessions, the request guard and rate limits.

pub mod guard;
pub mod hs256;
pub mod passwords;
pub mod ratelimit;
pub mod secret;
pub mod sessions;
pub mod tokens;

pub use guard::AuthUser;

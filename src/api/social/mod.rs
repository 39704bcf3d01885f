//! Friends, user search, public profiles, the friends' feed and the leaderboard.

pub mod feed;
pub mod friends;
pub mod users;

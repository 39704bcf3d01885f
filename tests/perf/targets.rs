//! Every performance target `make bench` checks, in one place (DESIGN's budget and the issues
//! that set each figure). Changing a budget is a change to this file only.

/// Start of the binary on an existing database to the first 200 from /healthz, median.
pub const COLD_START_MS: f64 = 20.0;
/// Resident memory after start, idle.
pub const IDLE_RSS_MIB: f64 = 10.0;
/// Peak resident memory while 200 accounts log in, 16 at once.
pub const LOGIN_STORM_PEAK_MIB: f64 = 32.0;
/// Library pages (12 per page, plain and searched), requests per second with 16 connections.
pub const LIBRARY_12_RPS: f64 = 10_000.0;
/// Library pages (100 per page, plain and searched), requests per second.
pub const LIBRARY_100_RPS: f64 = 2_000.0;
/// p99 latency of every library and story-read request under that load.
pub const LIBRARY_P99_MS: f64 = 20.0;
/// Peak resident memory during the library load.
pub const LIBRARY_PEAK_MIB: f64 = 24.0;
/// Resident memory with 1,000 idle authenticated sockets.
pub const SOCKETS_1K_MIB: f64 = 24.0;
/// Resident memory with 10,000 idle authenticated sockets.
pub const SOCKETS_10K_MIB: f64 = 140.0;
/// Memory per idle socket at 10,000.
pub const PER_SOCKET_KIB: f64 = 12.0;
/// Fan-out in one 10-member room at 20 previews/s each: p50 and p99 send-to-delivery.
pub const FANOUT_ROOM_P50_MS: f64 = 1.0;
/// See [`FANOUT_ROOM_P50_MS`].
pub const FANOUT_ROOM_P99_MS: f64 = 5.0;
/// Fan-out across 100 rooms of 5 at 10 Hz: p99 send-to-delivery.
pub const FANOUT_ROOMS_P99_MS: f64 = 20.0;
/// Durable drawing ops persisted per second, end to end.
pub const PERSISTED_OPS_PER_SEC: f64 = 20_000.0;
/// A first visit to the library: the first story card on screen, from navigation.
pub const FIRST_PAINT_MS: f64 = 1000.0;
/// Cumulative layout shift while the library loads ("no layout shift on load").
pub const LAYOUT_SHIFT: f64 = 0.1;
/// Size of the static release binary.
pub const BINARY_MIB: f64 = 12.0;
/// Soak (`make soak`): resident memory may grow by at most this much after warm-up.
pub const SOAK_RSS_GROWTH_MIB: f64 = 8.0;

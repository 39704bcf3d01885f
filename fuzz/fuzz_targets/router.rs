//! The router's path resolution and the query-string parser: any path and query, no panic, and
//! the same answer twice.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pixeltales::fuzz::router(data));

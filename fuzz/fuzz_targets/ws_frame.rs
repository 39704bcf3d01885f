//! The WebSocket frame decoder (JSON text -> typed message), and for drawing ops the op
//! parser, the room's check and apply on a one-page document: any text, no panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pixeltales::fuzz::ws_frame(data));

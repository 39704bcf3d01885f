//! The drawing document validator: any JSON either fails with a field error or becomes a
//! document that serialises and validates again to the same document.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pixeltales::fuzz::drawing(data));

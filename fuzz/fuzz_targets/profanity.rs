//! The profanity normaliser and matcher: any text, no panic; every hit is a char-boundary
//! range inside the text; masking keeps the text's length in characters outside the hits.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pixeltales::fuzz::profanity(data));

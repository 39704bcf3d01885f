//! Encodings and codes: unpadded base64url (the `base64` crate), lower-case hex, and the random
//! tokens and typed codes the accounts use (randomness from the OS is the one thing read here).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Unpadded base64url, as JWT and URL-safe tokens use.
pub fn b64url_encode(data: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(data)
}

/// Decodes unpadded base64url; `None` on padding, a foreign character, or trailing bits that
/// are not zero (so one token has exactly one spelling).
pub fn b64url_decode(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

/// Lower-case hex.
pub fn hex(data: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(data.len() * 2);
    for b in data {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}

/// `n` bytes from the operating system's random source.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    // The OS random source failing is not something a server can run without.
    if let Err(e) = getrandom::fill(&mut buf) {
        panic!("the operating system's random source failed: {e}");
    }
    buf
}

/// A random URL-safe token with `N` bytes of entropy.
pub fn random_token<const N: usize>() -> String {
    b64url_encode(&random_bytes::<N>())
}

/// Letters and digits for codes people read aloud or type: no O/0 or I/1 to confuse.
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A random code of `len` symbols of [`CODE_ALPHABET`] (5 bits each).
pub fn random_code(len: usize) -> String {
    let mut out = String::with_capacity(len);
    while out.len() < len {
        // 256 is a multiple of 32: every symbol is equally likely.
        for b in random_bytes::<16>() {
            if out.len() < len {
                out.push(CODE_ALPHABET[usize::from(b) % CODE_ALPHABET.len()] as char);
            }
        }
    }
    out
}

/// Upper-cases and drops spaces and dashes; `None` unless exactly `len` alphabet symbols remain.
pub fn clean_code(input: &str, len: usize) -> Option<String> {
    if input.len() > 64 {
        return None;
    }
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == len && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_use_the_alphabet_and_clean_up() {
        let c = random_code(8);
        assert_eq!(c.len(), 8);
        assert!(c.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        assert_eq!(clean_code(" abcd-efgh ", 8).as_deref(), Some("ABCDEFGH"));
        assert_eq!(clean_code("ABCDEFG0", 8), None);
        assert_eq!(clean_code("ABCDE", 8), None);
    }

    use super::*;

    #[test]
    fn base64url_round_trips_and_matches_known_vectors() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(b64url_encode(plain.as_bytes()), enc);
            assert_eq!(b64url_decode(enc).as_deref(), Some(plain.as_bytes()));
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(b64url_decode(&b64url_encode(&all)), Some(all));
        assert_eq!(b64url_encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn base64url_rejects_bad_input() {
        assert_eq!(b64url_decode("Zm9v="), None);
        assert_eq!(b64url_decode("Z"), None);
        assert_eq!(b64url_decode("Zm+v"), None);
        assert_eq!(b64url_decode("Zh"), None, "non-canonical trailing bits");
    }

    #[test]
    fn hex_is_lower_case() {
        assert_eq!(hex(&[0, 15, 16, 255]), "000f10ff");
    }
}

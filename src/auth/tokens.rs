//! Signed tokens: JWT with HS256 only.
//!
//! Signing and checking are `jsonwebtoken`'s (with the HS256-only provider of `hs256`): the
//! header must name exactly HS256 (no `alg` confusion), signatures are compared in constant time
//! by `hmac`, the library checks issuer and audience, and every token type has its own audience so one kind can never
//! be replayed as another. Expiry is checked here against the caller's clock, with the same
//! leeway, so it can be tested without waiting.

use hmac::{Hmac, KeyInit, Mac};
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::domain::encoding::{b64url_decode, b64url_encode};

/// Issuer of every token.
pub const ISSUER: &str = "pixeltales";
/// Audience of access tokens.
pub const AUD_ACCESS: &str = "pixeltales/access";
/// Seconds of clock skew tolerated on `exp` and `nbf`.
pub const LEEWAY: i64 = 30;

/// Why a token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    /// Not three parts, bad base64, bad JSON or wrong header.
    Malformed,
    /// Signature does not match.
    BadSignature,
    /// Wrong issuer or audience.
    WrongAudience,
    /// Past `exp`.
    Expired,
    /// Before `nbf`.
    NotYetValid,
}

/// Claims every token carries.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Registered {
    /// Issuer.
    pub iss: String,
    /// Audience (token type).
    pub aud: String,
    /// Issued at.
    pub iat: i64,
    /// Expires at.
    pub exp: i64,
    /// Not before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
}

/// The claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct AccessClaims {
    /// Standard claims.
    #[serde(flatten)]
    pub reg: Registered,
    /// User id (as a string, per JWT convention).
    pub sub: String,
    /// Session (device) id.
    pub sid: String,
    /// Role at issue time (informational; the server re-reads it).
    pub role: String,
}

/// The signing key.
#[derive(Clone)]
pub struct TokenKeys {
    key: Vec<u8>,
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl std::fmt::Debug for TokenKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenKeys(..)")
    }
}

impl TokenKeys {
    /// Wraps a secret (refused only when empty).
    pub fn new(key: Vec<u8>) -> Result<TokenKeys, String> {
        super::hs256::install();
        let refused = |e: jsonwebtoken::errors::Error| format!("unusable signing key: {e}");
        Ok(TokenKeys {
            encoding: EncodingKey::from_secret(&key).map_err(refused)?,
            decoding: DecodingKey::from_secret(&key).map_err(refused)?,
            key,
        })
    }

    fn hmac(&self) -> Hmac<Sha256> {
        // HMAC takes keys of any length, so this cannot fail.
        <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key).unwrap_or_else(|_| unreachable!())
    }

    /// Signs `claims` into a compact JWT.
    pub fn sign<T: Serialize>(&self, claims: &T) -> String {
        // Only serialising the claims can fail, and ours are plain structs.
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
            .unwrap_or_default()
    }

    /// Verifies signature, issuer, audience and times, then decodes the claims.
    pub fn verify<T: DeserializeOwned>(
        &self,
        token: &str,
        audience: &str,
        now: i64,
    ) -> Result<T, TokenError> {
        let mut rules = Validation::new(Algorithm::HS256);
        rules.set_issuer(&[ISSUER]);
        rules.set_audience(&[audience]);
        rules.set_required_spec_claims(&["exp", "iss", "aud"]);
        // Time is checked below against `now`, not the library's own clock.
        rules.validate_exp = false;
        rules.validate_nbf = false;
        let data = jsonwebtoken::decode::<serde_json::Value>(token, &self.decoding, &rules)
            .map_err(|e| match e.kind() {
                ErrorKind::InvalidSignature => TokenError::BadSignature,
                ErrorKind::InvalidAudience | ErrorKind::InvalidIssuer => TokenError::WrongAudience,
                _ => TokenError::Malformed,
            })?;
        let payload = data.claims;
        // Read the registered claims from the same tree (no copy: this runs on every request).
        let reg = Registered::deserialize(&payload).map_err(|_| TokenError::Malformed)?;
        if now > reg.exp + LEEWAY {
            return Err(TokenError::Expired);
        }
        if reg.nbf.is_some_and(|nbf| now + LEEWAY < nbf) {
            return Err(TokenError::NotYetValid);
        }
        serde_json::from_value(payload).map_err(|_| TokenError::Malformed)
    }

    /// A keyed digest of `data` for `purpose` (signed media URLs, hashed guest addresses), as
    /// 16 bytes of unpadded base64url. Each purpose gets its own key derivation.
    pub fn mac(&self, purpose: &str, data: &str) -> String {
        let mut mac = self.hmac();
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(data.as_bytes());
        b64url_encode(&mac.finalize().into_bytes()[..16])
    }

    /// Constant-time check of a value made by [`TokenKeys::mac`].
    pub fn mac_matches(&self, purpose: &str, data: &str, given: &str) -> bool {
        let Some(given) = b64url_decode(given).filter(|g| g.len() == 16) else {
            return false;
        };
        let mut mac = self.hmac();
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(data.as_bytes());
        // The library's comparison takes the same time wherever the bytes differ.
        mac.verify_truncated_left(&given).is_ok()
    }

    /// Issues an access token.
    pub fn access_token(
        &self,
        user_id: i64,
        session_id: &str,
        role: &str,
        now: i64,
        ttl: i64,
    ) -> String {
        self.sign(&AccessClaims {
            reg: Registered {
                iss: ISSUER.into(),
                aud: AUD_ACCESS.into(),
                iat: now,
                exp: now + ttl,
                nbf: None,
            },
            sub: user_id.to_string(),
            sid: session_id.to_string(),
            role: role.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> TokenKeys {
        TokenKeys::new(b"0123456789abcdef0123456789abcdef".to_vec()).expect("key")
    }

    #[test]
    fn macs_depend_on_purpose_and_data() {
        let k = keys();
        let m = k.mac("media", "abc|100");
        assert!(k.mac_matches("media", "abc|100", &m));
        assert!(!k.mac_matches("media", "abc|101", &m));
        assert!(!k.mac_matches("guest", "abc|100", &m));
        assert!(!k.mac_matches("media", "abc|100", "short"));
    }

    #[test]
    fn round_trips_access_tokens() {
        let k = keys();
        let t = k.access_token(7, "sess", "child", 1000, 900);
        let c: AccessClaims = k.verify(&t, AUD_ACCESS, 1100).expect("valid");
        assert_eq!(c.sub, "7");
        assert_eq!(c.sid, "sess");
        assert_eq!(c.reg.exp, 1900);
    }

    #[test]
    fn matches_an_independent_hs256_vector() {
        // Computed with Python's hmac + base64 modules for this key and payload: guards against
        // encoding mistakes that a round trip alone would not notice.
        let k = TokenKeys::new(b"secret".to_vec()).expect("key");
        let t = k.sign(&serde_json::json!({"sub":"1"}));
        assert_eq!(
            t,
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.\
             FasJnVFa0htLRI3VajVhbweHTHfeKTXV0y6emUBiFGs"
        );
    }

    #[test]
    fn tokens_signed_before_the_library_still_verify_and_alg_none_does_not() {
        // The hand-written signer wrote the header keys the other way round; tokens it issued
        // must keep working until they expire.
        let k = keys();
        let claims = serde_json::json!({"iss":ISSUER,"aud":AUD_ACCESS,"iat":1000,"exp":1900,"sub":"7","sid":"s","role":"child"});
        let old_header = b64url_encode(br#"{"alg":"HS256","typ":"JWT"}"#);
        let body = b64url_encode(claims.to_string().as_bytes());
        let input = format!("{old_header}.{body}");
        let mut mac = k.hmac();
        mac.update(input.as_bytes());
        let old = format!("{input}.{}", b64url_encode(&mac.finalize().into_bytes()));
        let c: AccessClaims = k
            .verify(&old, AUD_ACCESS, 1100)
            .expect("an old token verifies");
        assert_eq!(c.sub, "7");
        for header in [
            r#"{"alg":"none","typ":"JWT"}"#,
            r#"{"alg":"HS512","typ":"JWT"}"#,
        ] {
            let forged = format!("{}.{body}.", b64url_encode(header.as_bytes()));
            assert_eq!(
                k.verify::<AccessClaims>(&forged, AUD_ACCESS, 1100),
                Err(TokenError::Malformed),
                "{header}"
            );
        }
    }

    #[test]
    fn rejects_tampering_expiry_and_wrong_audience() {
        let k = keys();
        let t = k.access_token(7, "sess", "child", 1000, 900);
        assert_eq!(
            k.verify::<AccessClaims>(&t, AUD_ACCESS, 1900 + LEEWAY + 1),
            Err(TokenError::Expired)
        );
        assert_eq!(
            k.verify::<AccessClaims>(&t, "pixeltales/ticket", 1100),
            Err(TokenError::WrongAudience)
        );
        let other = TokenKeys::new(b"another key that is long enough!".to_vec()).expect("key");
        assert_eq!(
            other.verify::<AccessClaims>(&t, AUD_ACCESS, 1100),
            Err(TokenError::BadSignature)
        );

        let mut parts: Vec<String> = t.split('.').map(String::from).collect();
        let forged = serde_json::json!({"iss":ISSUER,"aud":AUD_ACCESS,"iat":1000,"exp":1900,"sub":"1","sid":"sess","role":"admin"});
        parts[1] = b64url_encode(forged.to_string().as_bytes());
        assert_eq!(
            k.verify::<AccessClaims>(&parts.join("."), AUD_ACCESS, 1100),
            Err(TokenError::BadSignature)
        );

        let none_alg = format!("{}.{}.", b64url_encode(br#"{"alg":"none"}"#), parts[1]);
        assert_eq!(
            k.verify::<AccessClaims>(&none_alg, AUD_ACCESS, 1100),
            Err(TokenError::Malformed)
        );
        assert_eq!(
            k.verify::<AccessClaims>("a.b", AUD_ACCESS, 1100),
            Err(TokenError::Malformed)
        );
        assert_eq!(
            k.verify::<AccessClaims>("", AUD_ACCESS, 1100),
            Err(TokenError::Malformed)
        );
    }
}

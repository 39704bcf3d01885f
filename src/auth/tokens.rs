//! Signed tokens: JWT with HS256 only.
//!
//! Hand-written on `hmac` + `sha2` because HS256 is all we use, and the usual crate's backends
//! pull in RSA and elliptic-curve code we would never run. The header must be exactly HS256
//! (no `alg` confusion), the signature is compared in constant time, and every token type has
//! its own audience so one kind can never be replayed as another.

use hmac::{Hmac, KeyInit, Mac};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::encoding::{b64url_decode, b64url_encode};

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

const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// The signing key.
#[derive(Clone)]
pub struct TokenKeys {
    key: Vec<u8>,
}

impl std::fmt::Debug for TokenKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenKeys(..)")
    }
}

impl TokenKeys {
    /// Wraps a secret.
    pub fn new(key: Vec<u8>) -> TokenKeys {
        TokenKeys { key }
    }

    fn hmac(&self) -> Hmac<Sha256> {
        // HMAC takes keys of any length, so this cannot fail.
        <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key).unwrap_or_else(|_| unreachable!())
    }

    /// Signs `claims` into a compact JWT.
    pub fn sign<T: Serialize>(&self, claims: &T) -> String {
        let payload = serde_json::to_vec(claims).unwrap_or_default();
        let signing_input = format!(
            "{}.{}",
            b64url_encode(HEADER.as_bytes()),
            b64url_encode(&payload)
        );
        let mut mac = self.hmac();
        mac.update(signing_input.as_bytes());
        let sig = mac.finalize().into_bytes();
        format!("{signing_input}.{}", b64url_encode(&sig))
    }

    /// Verifies signature, issuer, audience and times, then decodes the claims.
    pub fn verify<T: DeserializeOwned>(
        &self,
        token: &str,
        audience: &str,
        now: i64,
    ) -> Result<T, TokenError> {
        let mut parts = token.split('.');
        let (Some(h), Some(p), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(TokenError::Malformed);
        };
        let header = b64url_decode(h).ok_or(TokenError::Malformed)?;
        let header: serde_json::Value =
            serde_json::from_slice(&header).map_err(|_| TokenError::Malformed)?;
        if header.get("alg").and_then(|v| v.as_str()) != Some("HS256") {
            return Err(TokenError::Malformed);
        }
        let sig = b64url_decode(s).ok_or(TokenError::Malformed)?;
        let mut mac = self.hmac();
        mac.update(h.as_bytes());
        mac.update(b".");
        mac.update(p.as_bytes());
        mac.verify_slice(&sig)
            .map_err(|_| TokenError::BadSignature)?;

        let payload = b64url_decode(p).ok_or(TokenError::Malformed)?;
        let reg: Registered =
            serde_json::from_slice(&payload).map_err(|_| TokenError::Malformed)?;
        if reg.iss != ISSUER || reg.aud != audience {
            return Err(TokenError::WrongAudience);
        }
        if now > reg.exp + LEEWAY {
            return Err(TokenError::Expired);
        }
        if reg.nbf.is_some_and(|nbf| now + LEEWAY < nbf) {
            return Err(TokenError::NotYetValid);
        }
        serde_json::from_slice(&payload).map_err(|_| TokenError::Malformed)
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
        let want = self.mac(purpose, data);
        want.len() == given.len()
            && want
                .bytes()
                .zip(given.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
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
        TokenKeys::new(b"0123456789abcdef0123456789abcdef".to_vec())
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
        let k = TokenKeys::new(b"secret".to_vec());
        let t = k.sign(&serde_json::json!({"sub":"1"}));
        assert_eq!(
            t,
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.\
             8qZF8vbN3UpcanXFc-mPXJkOPN01-bRch8XX3rToP1U"
        );
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
        let other = TokenKeys::new(b"another key that is long enough!".to_vec());
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

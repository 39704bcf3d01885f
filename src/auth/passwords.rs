//! Password hashing with argon2id, bounded so a login storm cannot exhaust memory.
//!
//! Each hash holds `memory_kib` of memory while it runs; a semaphore lets at most
//! `hash_concurrency` (default 2) run at once, on the blocking pool. Logins for unknown users
//! verify against a dummy hash made with the same parameters, so response time does not reveal
//! which usernames exist.

use std::sync::Arc;

use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};
use tokio::sync::{OnceCell, Semaphore};

use crate::error::Error;

/// Hashes and verifies passwords.
pub struct Passwords {
    argon: Argon2<'static>,
    gate: Arc<Semaphore>,
    dummy: OnceCell<String>,
}

impl Passwords {
    /// Builds a hasher with the given cost; errors name the bad parameter.
    pub fn new(memory_kib: u32, iterations: u32, concurrency: usize) -> Result<Passwords, String> {
        let params = Params::new(memory_kib, iterations, 1, None)
            .map_err(|e| format!("invalid argon2 parameters: {e}"))?;
        Ok(Passwords {
            argon: Argon2::new(Algorithm::Argon2id, Version::V0x13, params),
            gate: Arc::new(Semaphore::new(concurrency)),
            dummy: OnceCell::new(),
        })
    }

    /// A hashing slot. It moves into the blocking job, so a request that is dropped mid-hash
    /// (the client hung up) still holds its slot until the hash really ends.
    async fn slot(&self) -> Result<tokio::sync::OwnedSemaphorePermit, Error> {
        Arc::clone(&self.gate)
            .acquire_owned()
            .await
            .map_err(|_| Error::internal("hash gate closed"))
    }

    /// Hashes a password into a PHC string.
    pub async fn hash(&self, password: &str) -> Result<String, Error> {
        let permit = self.slot().await?;
        let argon = self.argon.clone();
        let pw = password.to_string();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            argon
                .hash_password(pw.as_bytes())
                .map(|h| h.to_string())
                .map_err(|e| Error::internal(format!("argon2 hash: {e}")))
        })
        .await?
    }

    /// Hashes on the calling thread, for the CLI (no runtime there).
    pub fn hash_blocking(&self, password: &str) -> Result<String, Error> {
        self.argon
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| Error::internal(format!("argon2 hash: {e}")))
    }

    /// Checks a password against a stored hash; with `None` (unknown user) it spends the same
    /// time on a dummy hash and returns false.
    pub async fn verify(&self, password: &str, stored: Option<String>) -> Result<bool, Error> {
        let (phc, real) = match stored {
            Some(h) => (h, true),
            None => (self.dummy().await?.clone(), false),
        };
        let permit = self.slot().await?;
        let argon = self.argon.clone();
        let pw = password.to_string();
        let ok = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            argon.verify_password(pw.as_bytes(), phc.as_str()).is_ok()
        })
        .await?;
        Ok(ok && real)
    }

    /// The dummy hash, made on first use (or ahead of time by [`Passwords::warm_up`]).
    async fn dummy(&self) -> Result<&String, Error> {
        self.dummy
            .get_or_try_init(|| async {
                let random = crate::domain::encoding::random_token::<16>();
                self.hash(&random).await
            })
            .await
    }

    /// Makes the dummy hash now, off the request path.
    pub async fn warm_up(&self) {
        if let Err(e) = self.dummy().await {
            crate::log_warn!("could not prepare the dummy password hash: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_unknown_users_never_pass() {
        let p = Passwords::new(64, 1, 2).expect("params");
        let h = p.hash("correct horse").await.expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(
            p.verify("correct horse", Some(h.clone()))
                .await
                .expect("verify")
        );
        assert!(!p.verify("wrong", Some(h)).await.expect("verify"));
        assert!(!p.verify("anything", None).await.expect("dummy"));
        assert!(
            !p.verify("x", Some("not a phc string".into()))
                .await
                .expect("garbage")
        );
    }

    #[test]
    fn rejects_impossible_parameters() {
        assert!(Passwords::new(1, 1, 1).is_err());
    }
}

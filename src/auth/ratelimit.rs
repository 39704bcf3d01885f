//! Keyed token buckets for login, sign-up and password endpoints.
//!
//! A bucket holds up to `burst` tokens and regains `per_sec` tokens a second. The map is
//! bounded: full (idle) buckets are swept, and if an attacker floods it with keys past the cap
//! the least recently used half is dropped rather than the map being allowed to grow.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// Most keys one limiter remembers.
const MAX_KEYS: usize = 50_000;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
    /// A refusal was already reported since the last allowed hit.
    refused: bool,
}

/// A refused hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    /// Seconds until a token is available.
    pub retry_after: u64,
    /// True for the first refusal in a row, so callers log an attack once, not per request.
    pub first: bool,
}

/// One keyed limiter.
#[derive(Debug)]
pub struct RateLimiter {
    burst: f64,
    per_sec: f64,
    buckets: Mutex<HashMap<String, Bucket>>,
}

impl RateLimiter {
    /// A limiter allowing `burst` at once and `per_minute` more each minute.
    pub fn per_minute(burst: u32, per_minute: u32) -> RateLimiter {
        RateLimiter::new(burst, f64::from(per_minute) / 60.0)
    }

    /// A limiter allowing `burst` at once and `per_hour` more each hour.
    pub fn per_hour(burst: u32, per_hour: u32) -> RateLimiter {
        RateLimiter::new(burst, f64::from(per_hour) / 3600.0)
    }

    fn new(burst: u32, per_sec: f64) -> RateLimiter {
        RateLimiter {
            burst: f64::from(burst.max(1)),
            per_sec,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    fn refill(&self, b: &mut Bucket, now: Instant) {
        let elapsed = now.saturating_duration_since(b.at).as_secs_f64();
        b.tokens = (b.tokens + elapsed * self.per_sec).min(self.burst);
        b.at = now;
    }

    fn retry_after(&self, b: &Bucket) -> u64 {
        let missing = (1.0 - b.tokens).max(0.0);
        (missing / self.per_sec).ceil().max(1.0) as u64
    }

    /// Takes one token for `key`, or says when to retry.
    pub fn hit(&self, key: &str) -> Result<(), Refusal> {
        self.hit_at(key, Instant::now())
    }

    /// Fails when `key` has no token left, without taking one.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        let mut map = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        match map.get_mut(key) {
            None => Ok(()),
            Some(b) => {
                self.refill(b, now);
                if b.tokens >= 1.0 {
                    Ok(())
                } else {
                    Err(self.retry_after(b))
                }
            }
        }
    }

    fn hit_at(&self, key: &str, now: Instant) -> Result<(), Refusal> {
        let mut map = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= MAX_KEYS && !map.contains_key(key) {
            self.sweep_locked(&mut map, now);
            if map.len() >= MAX_KEYS {
                // Still full of live buckets (a flood of keys): forget the least recently used
                // half rather than everything, so fresh lockouts survive.
                crate::log_warn!(
                    "rate limiter full ({} keys); dropping the oldest half",
                    map.len()
                );
                let mut times: Vec<Instant> = map.values().map(|b| b.at).collect();
                times.sort_unstable();
                let cutoff = times[times.len() / 2];
                map.retain(|_, b| b.at > cutoff);
            }
        }
        let fresh = Bucket {
            tokens: self.burst,
            at: now,
            refused: false,
        };
        let b = map.entry(key.to_string()).or_insert(fresh);
        self.refill(b, now);
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            b.refused = false;
            Ok(())
        } else {
            let first = !b.refused;
            b.refused = true;
            Err(Refusal {
                retry_after: self.retry_after(b),
                first,
            })
        }
    }

    /// Gives back the token a request took (a successful sign-in does not count against the
    /// address it came from).
    pub fn refund(&self, key: &str) {
        let mut map = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(b) = map.get_mut(key) {
            b.tokens = (b.tokens + 1.0).min(self.burst);
        }
    }

    /// Forgets `key` (after a successful login, failures start over).
    pub fn reset(&self, key: &str) {
        self.buckets
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(key);
    }

    /// Drops buckets that have refilled completely; call periodically.
    pub fn sweep(&self) {
        let mut map = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        self.sweep_locked(&mut map, Instant::now());
    }

    fn sweep_locked(&self, map: &mut HashMap<String, Bucket>, now: Instant) {
        map.retain(|_, b| {
            self.refill(b, now);
            b.tokens < self.burst
        });
    }

    /// Keys currently tracked.
    pub fn len(&self) -> usize {
        self.buckets.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    /// True when no key is tracked.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The limiters the endpoints use. Account limits come from config; the per-user content
/// limits are fixed: generous for a child at work, tight for a script.
#[derive(Debug)]
pub struct Limits {
    /// Login attempts per client IP.
    pub login_ip: RateLimiter,
    /// Login tries per account from one client address: what stops a guesser.
    pub login_account_ip: RateLimiter,
    /// Failed logins (and password checks) per account from anywhere: a ceiling ten times
    /// looser, so tries from elsewhere never lock a child out on the classroom tablet.
    pub login_account: RateLimiter,
    /// Failed sign-ins per account from places it never signed in from, over a day: 30 at
    /// once, then 2 an hour. A four-picture password has 20,736 combinations; this keeps a
    /// patient guesser with many addresses to about 80 tries a day.
    pub login_account_day: RateLimiter,
    /// Live-hint text checks per user: 60 at once, 60 a minute.
    pub text_checks: RateLimiter,
    /// Realtime ticket requests per user (`--ws-tickets-per-minute`, 60 by default: a page load
    /// takes one).
    pub tickets: RateLimiter,
    /// Sign-ups per client IP.
    pub register_ip: RateLimiter,
    /// Networks whose addresses skip the per-address limits (`--trusted-networks`, a school
    /// LAN): the per-account limits still apply to them.
    pub trusted: Vec<ipnet::IpNet>,
    /// Image uploads per user: 30 at once, 120 an hour.
    pub uploads: RateLimiter,
    /// Comments per user: 10 at once, 10 a minute.
    pub comments: RateLimiter,
    /// Friend requests per user: 20 at once, 20 an hour.
    pub friend_requests: RateLimiter,
    /// New stories per user: 20 at once, 30 an hour.
    pub story_writes: RateLimiter,
    /// Direct messages per user: 20 at once, 30 a minute.
    pub messages: RateLimiter,
    /// Join-code tries per user (codes are guessable only by brute force).
    pub collab_joins: RateLimiter,
    /// Join-code tries per client IP: a whole class joins from one address.
    pub collab_joins_ip: RateLimiter,
    /// Session invites per user: 30 at once, 60 an hour.
    pub invites: RateLimiter,
    /// Family link and class join code tries per user: 10 at once, 30 an hour.
    pub code_tries: RateLimiter,
    /// Reports of stories and comments per user: 20 at once, 30 an hour.
    pub reports: RateLimiter,
    /// Game attempts per user: 20 at once, 20 a minute.
    pub games: RateLimiter,
    /// Story starter and OCR requests per user: 10 at once, 10 a minute.
    pub assist: RateLimiter,
}

impl Limits {
    /// True when `ip` is on a trusted network (no per-address limits).
    pub fn is_trusted(&self, ip: std::net::IpAddr) -> bool {
        self.trusted.iter().any(|n| n.contains(&ip))
    }

    /// Builds the limiters from config.
    pub fn from_config(c: &crate::Config) -> Limits {
        Limits {
            login_ip: RateLimiter::per_minute(c.login_ip_burst, c.login_ip_per_minute),
            login_account_ip: RateLimiter::per_minute(
                c.login_account_burst,
                c.login_account_per_minute,
            ),
            login_account: RateLimiter::per_minute(
                c.login_account_burst.saturating_mul(10),
                c.login_account_per_minute.saturating_mul(10),
            ),
            login_account_day: RateLimiter::per_hour(30, 2),
            text_checks: RateLimiter::per_minute(60, 60),
            tickets: RateLimiter::per_minute(c.ws_tickets_per_minute, c.ws_tickets_per_minute),
            register_ip: RateLimiter::per_hour(c.register_ip_burst, c.register_ip_per_hour),
            trusted: c.trusted_networks.clone(),
            uploads: RateLimiter::per_hour(30, 120),
            comments: RateLimiter::per_minute(10, 10),
            friend_requests: RateLimiter::per_hour(20, 20),
            story_writes: RateLimiter::per_hour(20, 30),
            messages: RateLimiter::per_minute(20, 30),
            collab_joins: RateLimiter::per_minute(
                c.collab_joins_per_minute,
                c.collab_joins_per_minute,
            ),
            collab_joins_ip: RateLimiter::per_minute(
                c.collab_joins_per_minute.saturating_mul(6),
                c.collab_joins_per_minute.saturating_mul(6),
            ),
            invites: RateLimiter::per_hour(30, 60),
            code_tries: RateLimiter::per_hour(10, 30),
            reports: RateLimiter::per_hour(20, 30),
            games: RateLimiter::per_minute(20, 20),
            assist: RateLimiter::per_minute(10, 10),
        }
    }

    /// Sweeps every limiter.
    pub fn sweep(&self) {
        for l in [
            &self.login_ip,
            &self.login_account_ip,
            &self.login_account,
            &self.login_account_day,
            &self.text_checks,
            &self.tickets,
            &self.register_ip,
            &self.uploads,
            &self.comments,
            &self.friend_requests,
            &self.story_writes,
            &self.code_tries,
            &self.reports,
            &self.games,
            &self.assist,
            &self.messages,
            &self.collab_joins,
            &self.collab_joins_ip,
            &self.invites,
        ] {
            l.sweep();
        }
    }
}

/// A rate limiter's refusal is a 429 with its retry time (`limiter.hit(&key)?`).
impl From<Refusal> for crate::error::Error {
    fn from(r: crate::auth::ratelimit::Refusal) -> Self {
        crate::error::Error::RateLimited {
            retry_after: r.retry_after,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn bursts_then_refills() {
        let l = RateLimiter::per_minute(3, 60);
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(l.hit_at("ip", t0).is_ok());
        }
        assert_eq!(
            l.hit_at("ip", t0),
            Err(Refusal {
                retry_after: 1,
                first: true
            })
        );
        assert_eq!(
            l.hit_at("ip", t0),
            Err(Refusal {
                retry_after: 1,
                first: false
            })
        );
        assert!(l.hit_at("other", t0).is_ok(), "keys are independent");
        assert!(l.hit_at("ip", t0 + Duration::from_millis(1100)).is_ok());
    }

    #[test]
    fn retry_after_reflects_the_refill_rate() {
        let l = RateLimiter::per_minute(1, 1);
        let t0 = Instant::now();
        assert!(l.hit_at("a", t0).is_ok());
        assert_eq!(l.hit_at("a", t0).map_err(|r| r.retry_after), Err(60));
    }

    #[test]
    fn check_does_not_consume_and_reset_forgets() {
        let l = RateLimiter::per_minute(1, 1);
        assert!(l.check("a").is_ok());
        assert!(l.hit("a").is_ok());
        assert!(l.check("a").is_err());
        l.reset("a");
        assert!(l.check("a").is_ok());
    }

    #[test]
    fn sweep_drops_idle_keys() {
        let l = RateLimiter::per_minute(2, 6000);
        l.hit("a").expect("first");
        std::thread::sleep(Duration::from_millis(30));
        l.sweep();
        assert!(l.is_empty());
    }
}

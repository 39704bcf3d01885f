//! A token bucket for per-socket limits (frames, ops, previews, chat), owned by one task so it
//! needs no lock.

use std::time::Instant;

/// Allows `burst` at once, refilled at `per_sec`.
pub struct Bucket {
    tokens: f64,
    last: Instant,
    per_sec: f64,
    burst: f64,
}

impl Bucket {
    /// A full bucket.
    pub fn new(per_sec: f64, burst: f64) -> Bucket {
        Bucket {
            tokens: burst,
            last: Instant::now(),
            per_sec,
            burst,
        }
    }

    /// Takes one token if there is one.
    pub fn take(&mut self) -> bool {
        let now = Instant::now();
        let dt = now.duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + dt * self.per_sec).min(self.burst);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_a_refusal() {
        let mut b = Bucket::new(0.001, 3.0);
        assert!(b.take() && b.take() && b.take());
        assert!(!b.take());
    }
}

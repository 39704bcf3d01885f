//! Single-use WebSocket tickets: a short random string standing for a signed-in user for a few
//! seconds, so no long-lived token ever sits in a URL (or a log line).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Most tickets outstanding; a flood of ticket requests cannot grow memory past this.
const CAPACITY: usize = 20_000;

/// Who a ticket stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// The user.
    pub user: i64,
    /// The sign-in it came from.
    pub auth_session: String,
}

/// Outstanding tickets.
pub struct Tickets {
    ttl: Duration,
    map: Mutex<HashMap<String, (Holder, Instant)>>,
}

impl Tickets {
    /// Tickets that live `ttl_secs`.
    pub fn new(ttl_secs: u64) -> Tickets {
        Tickets {
            ttl: Duration::from_secs(ttl_secs),
            map: Mutex::new(HashMap::new()),
        }
    }

    /// Lifetime in seconds.
    pub fn ttl_secs(&self) -> u64 {
        self.ttl.as_secs()
    }

    /// Issues a ticket for `holder`.
    pub fn issue(&self, holder: Holder) -> String {
        self.issue_at(holder, Instant::now())
    }

    fn issue_at(&self, holder: Holder, now: Instant) -> String {
        let ticket = crate::encoding::random_token::<24>();
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= CAPACITY {
            map.retain(|_, (_, exp)| *exp > now);
            if map.len() >= CAPACITY {
                // Still full of live tickets: drop the ones closest to expiring.
                let mut exps: Vec<Instant> = map.values().map(|(_, e)| *e).collect();
                exps.sort();
                let cut = exps[CAPACITY / 2];
                map.retain(|_, (_, exp)| *exp > cut);
            }
        }
        map.insert(ticket.clone(), (holder, now + self.ttl));
        ticket
    }

    /// Takes a ticket: it works once, before it expires.
    pub fn redeem(&self, ticket: &str) -> Option<Holder> {
        self.redeem_at(ticket, Instant::now())
    }

    fn redeem_at(&self, ticket: &str, now: Instant) -> Option<Holder> {
        let (holder, exp) = self
            .map
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(ticket)?;
        (exp > now).then_some(holder)
    }

    /// Drops expired tickets (housekeeping).
    pub fn sweep(&self) {
        let now = Instant::now();
        self.map
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|_, (_, exp)| *exp > now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holder() -> Holder {
        Holder {
            user: 3,
            auth_session: "s".into(),
        }
    }

    #[test]
    fn a_ticket_works_once_and_not_after_it_expires() {
        let t = Tickets::new(30);
        let now = Instant::now();
        let a = t.issue_at(holder(), now);
        assert_eq!(t.redeem_at(&a, now), Some(holder()));
        assert_eq!(t.redeem_at(&a, now), None);
        let b = t.issue_at(holder(), now);
        assert_eq!(t.redeem_at(&b, now + Duration::from_secs(31)), None);
        assert_eq!(t.redeem_at("made-up", now), None);
    }

    #[test]
    fn a_flood_stays_bounded() {
        let t = Tickets::new(30);
        let now = Instant::now();
        for _ in 0..CAPACITY + 10 {
            t.issue_at(holder(), now);
        }
        assert!(t.map.lock().expect("lock").len() <= CAPACITY);
    }
}

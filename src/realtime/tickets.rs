//! Single-use WebSocket tickets: a short random string standing for a signed-in user for a few
//! seconds, so no long-lived token ever sits in a URL (or a log line).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Most tickets outstanding; a flood of ticket requests cannot grow memory past this.
const CAPACITY: usize = 20_000;
/// Most tickets one user may hold: a user cannot crowd out everyone else's.
const PER_USER: usize = 10;

/// Who a ticket stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// The user.
    pub user: i64,
    /// The sign-in it came from.
    pub auth_session: String,
}

#[derive(Default)]
struct Inner {
    map: HashMap<String, (Holder, Instant)>,
    /// Each user's tickets, oldest first.
    by_user: HashMap<i64, Vec<String>>,
}

impl Inner {
    fn forget(&mut self, ticket: &str) -> Option<(Holder, Instant)> {
        let found = self.map.remove(ticket)?;
        if let Some(list) = self.by_user.get_mut(&found.0.user) {
            list.retain(|t| t != ticket);
            if list.is_empty() {
                self.by_user.remove(&found.0.user);
            }
        }
        Some(found)
    }

    fn retain(&mut self, keep: impl Fn(&Holder, Instant) -> bool) {
        let gone: Vec<String> = self
            .map
            .iter()
            .filter(|(_, (h, exp))| !keep(h, *exp))
            .map(|(t, _)| t.clone())
            .collect();
        for t in gone {
            self.forget(&t);
        }
    }
}

/// Outstanding tickets.
pub struct Tickets {
    ttl: Duration,
    inner: Mutex<Inner>,
}

impl Tickets {
    /// Tickets that live `ttl_secs`.
    pub fn new(ttl_secs: u64) -> Tickets {
        Tickets {
            ttl: Duration::from_secs(ttl_secs),
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
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
        let ticket = crate::domain::encoding::random_token::<24>();
        let mut inner = self.lock();
        // A user's oldest tickets make room: nobody can crowd out everyone else.
        let oldest: Vec<String> = inner
            .by_user
            .get(&holder.user)
            .map(|l| {
                l.iter()
                    .take((l.len() + 1).saturating_sub(PER_USER))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        for t in oldest {
            inner.forget(&t);
        }
        if inner.map.len() >= CAPACITY {
            inner.retain(|_, exp| exp > now);
            if inner.map.len() >= CAPACITY {
                // Still full of live tickets: drop the ones closest to expiring.
                let mut exps: Vec<Instant> = inner.map.values().map(|(_, e)| *e).collect();
                exps.sort();
                let cut = exps[CAPACITY / 2];
                inner.retain(|_, exp| exp > cut);
            }
        }
        inner
            .by_user
            .entry(holder.user)
            .or_default()
            .push(ticket.clone());
        inner.map.insert(ticket.clone(), (holder, now + self.ttl));
        ticket
    }

    /// Takes a ticket: it works once, before it expires.
    pub fn redeem(&self, ticket: &str) -> Option<Holder> {
        self.redeem_at(ticket, Instant::now())
    }

    fn redeem_at(&self, ticket: &str, now: Instant) -> Option<Holder> {
        let (holder, exp) = self.lock().forget(ticket)?;
        (exp > now).then_some(holder)
    }

    /// Drops the tickets of one sign-in (logout, token reuse).
    pub fn revoke_session(&self, auth_session: &str) {
        self.lock().retain(|h, _| h.auth_session != auth_session);
    }

    /// Drops every ticket of a user (password change, deletion).
    pub fn revoke_user(&self, user: i64) {
        let mut inner = self.lock();
        for t in inner.by_user.remove(&user).unwrap_or_default() {
            inner.map.remove(&t);
        }
    }

    /// Drops expired tickets (housekeeping).
    pub fn sweep(&self) {
        let now = Instant::now();
        self.lock().retain(|_, exp| exp > now);
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
        for i in 0..CAPACITY + 10 {
            t.issue_at(
                Holder {
                    user: 1000 + i as i64,
                    auth_session: "s".into(),
                },
                now,
            );
        }
        assert!(t.lock().map.len() <= CAPACITY);
        let mine: Vec<String> = (0..PER_USER + 5)
            .map(|k| t.issue_at(holder(), now + Duration::from_millis(k as u64)))
            .collect();
        assert!(t.redeem_at(&mine[0], now).is_none(), "the oldest made room");
        assert!(t.redeem_at(&mine[PER_USER + 4], now).is_some());
        t.revoke_user(3);
        assert!(t.redeem_at(&mine[PER_USER + 3], now).is_none());
    }
}

//! Committed events on their way to the realtime pusher.
//!
//! A write transaction collects its events in its [`Tx`](super::pool::Tx); the pool hands them
//! here once the commit succeeded and drops them on rollback, so a live push never announces a
//! row that does not exist. A handler whose answer must not overtake its push (a kicked member
//! must be out of the room before the host hears "done") waits with [`Outbox::settled`].

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::sync::{Notify, watch};

pub use crate::domain::events::Event;

/// Committed events waiting for the pusher; bounded so a pusher that stopped cannot grow it
/// forever.
pub struct Outbox {
    queue: Mutex<Queue>,
    ready: Notify,
    /// How many events the pusher has finished (every event pushed before that count).
    done: watch::Sender<u64>,
    /// Set while a pusher runs; without one (the CLI) nothing waits for delivery.
    attached: AtomicBool,
}

#[derive(Default)]
struct Queue {
    events: Vec<Event>,
    /// Events ever pushed.
    pushed: u64,
}

impl Default for Outbox {
    fn default() -> Self {
        Outbox {
            queue: Mutex::default(),
            ready: Notify::new(),
            done: watch::Sender::new(0),
            attached: AtomicBool::new(false),
        }
    }
}

/// Most events held for the pusher; beyond it the oldest are dropped (clients still see them by
/// listing their notifications).
const CAPACITY: usize = 65_536;

/// Longest a handler waits for its push; a stuck socket must not hold an answer.
const SETTLE_WAIT: Duration = Duration::from_secs(2);

impl Outbox {
    fn queue(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queues committed events and wakes the pusher.
    pub fn push(&self, events: Vec<Event>) {
        if events.is_empty() {
            return;
        }
        let mut q = self.queue();
        q.pushed += events.len() as u64;
        q.events.extend(events);
        if q.events.len() > CAPACITY {
            let extra = q.events.len() - CAPACITY;
            q.events.drain(..extra);
        }
        drop(q);
        self.ready.notify_one();
    }

    /// The pusher's side: waits for events and takes them all, with the count they reach.
    pub async fn next_batch(&self) -> (Vec<Event>, u64) {
        self.attached.store(true, Ordering::Release);
        loop {
            let notified = self.ready.notified();
            let (batch, upto) = {
                let mut q = self.queue();
                (std::mem::take(&mut q.events), q.pushed)
            };
            if !batch.is_empty() {
                return (batch, upto);
            }
            notified.await;
        }
    }

    /// The pusher's side: every event up to `upto` has reached its sockets.
    pub fn delivered(&self, upto: u64) {
        self.done.send_if_modified(|d| {
            let moved = upto > *d;
            *d = (*d).max(upto);
            moved
        });
    }

    /// Resolves once every event pushed so far has been delivered (at once without a pusher).
    pub async fn settled(&self) {
        if !self.attached.load(Ordering::Acquire) {
            return;
        }
        let target = self.queue().pushed;
        let mut done = self.done.subscribe();
        let _ = tokio::time::timeout(SETTLE_WAIT, done.wait_for(|d| *d >= target)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_pusher_gets_what_was_pushed_and_settling_waits_for_it() {
        let o = std::sync::Arc::new(Outbox::default());
        o.settled().await;
        o.push(vec![Event::Notification { user: 1, id: 2 }]);
        let (batch, upto) = o.next_batch().await;
        assert_eq!(batch, vec![Event::Notification { user: 1, id: 2 }]);
        o.push(vec![Event::UnreadChanged { user: 1 }]);
        let waiter = tokio::spawn({
            let o = std::sync::Arc::clone(&o);
            async move { o.settled().await }
        });
        o.delivered(upto);
        tokio::task::yield_now().await;
        assert!(
            !waiter.is_finished(),
            "the second event is not delivered yet"
        );
        let (_, upto) = o.next_batch().await;
        o.delivered(upto);
        waiter.await.expect("settled");
    }
}

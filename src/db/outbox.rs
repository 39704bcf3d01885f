//! Events a write transaction produces for the realtime hub, released only after it commits.
//!
//! Code deep inside a transaction (e.g. `notify`) records an event on the writer thread; the
//! pool hands the events to the [`Outbox`] once the commit succeeded and drops them on rollback,
//! so a live push never announces a row that does not exist.

use std::cell::RefCell;
use std::sync::Mutex;

use tokio::sync::Notify;

/// Something committed that connected clients should hear about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A notification row was created for `user`.
    Notification {
        /// The recipient.
        user: i64,
        /// The row.
        id: i64,
    },
}

thread_local! {
    static PENDING: RefCell<Vec<Event>> = const { RefCell::new(Vec::new()) };
}

/// Records an event of the transaction running on this thread.
pub fn record(event: Event) {
    PENDING.with(|p| p.borrow_mut().push(event));
}

/// Forgets events left by an earlier transaction on this thread.
pub(crate) fn begin() {
    PENDING.with(|p| p.borrow_mut().clear());
}

/// The events recorded since [`begin`].
pub(crate) fn take() -> Vec<Event> {
    PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()))
}

/// Committed events waiting for the hub; bounded so a hub that stopped cannot grow it forever.
#[derive(Default)]
pub struct Outbox {
    queue: Mutex<Vec<Event>>,
    ready: Notify,
}

/// Most events held for the hub; beyond it the oldest are dropped (clients still see them by
/// listing their notifications).
const CAPACITY: usize = 65_536;

impl Outbox {
    /// Queues committed events and wakes the hub.
    pub fn push(&self, events: Vec<Event>) {
        if events.is_empty() {
            return;
        }
        let mut q = self.queue.lock().unwrap_or_else(|e| e.into_inner());
        q.extend(events);
        if q.len() > CAPACITY {
            let extra = q.len() - CAPACITY;
            q.drain(..extra);
        }
        drop(q);
        self.ready.notify_one();
    }

    /// Waits for events and takes them all.
    pub async fn next_batch(&self) -> Vec<Event> {
        loop {
            let notified = self.ready.notified();
            let batch = std::mem::take(&mut *self.queue.lock().unwrap_or_else(|e| e.into_inner()));
            if !batch.is_empty() {
                return batch;
            }
            notified.await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_stay_on_their_thread_until_taken() {
        begin();
        record(Event::Notification { user: 1, id: 2 });
        let other = std::thread::spawn(take).join().expect("thread");
        assert!(other.is_empty());
        assert_eq!(take(), vec![Event::Notification { user: 1, id: 2 }]);
        assert!(take().is_empty());
    }

    #[tokio::test]
    async fn the_hub_gets_what_was_pushed() {
        let o = Outbox::default();
        o.push(vec![Event::Notification { user: 1, id: 2 }]);
        assert_eq!(o.next_batch().await.len(), 1);
    }
}

//! Who is connected: users → sockets, with bounded per-socket queues. REST handlers and rooms
//! publish through [`Hub::to_user`]; a frame is serialised once and shared by reference count.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU16, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::{Notify, mpsc};

use super::tickets::Tickets;

/// A serialised frame, shared by every socket it goes to (reference-counted bytes that
/// tungstenite writes without another copy).
pub type Frame = tokio_tungstenite::tungstenite::Utf8Bytes;

/// Frames waiting for a slow socket before it is closed with 1013. Slots cost nothing until
/// used (tokio allocates blocks on demand) and frames are shared, so a deep queue only absorbs
/// bursts (ten children drawing at once) instead of closing sockets that would catch up.
pub const QUEUE: usize = 4096;

/// One open socket as the hub sees it.
pub struct SocketHandle {
    /// Unique per process.
    pub id: u64,
    /// Its user.
    pub user: i64,
    /// The sign-in (refresh family) it was opened from; logout closes just these.
    pub auth_session: String,
    tx: mpsc::Sender<Frame>,
    close_code: AtomicU16,
    close: Notify,
}

impl SocketHandle {
    /// Queues a frame; a full queue closes the socket (the client resynchronises).
    pub fn send(&self, frame: &Frame) -> bool {
        match self.tx.try_send(frame.clone()) {
            Ok(()) => true,
            Err(mpsc::error::TrySendError::Full(_)) => {
                self.kill(super::protocol::close::RESYNC);
                false
            }
            Err(mpsc::error::TrySendError::Closed(_)) => false,
        }
    }

    /// Asks the socket task to close with `code` (the first code asked wins).
    pub fn kill(&self, code: u16) {
        if self
            .close_code
            .compare_exchange(0, code, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            self.close.notify_one();
        }
    }

    /// The close code asked for, if any.
    pub fn kill_code(&self) -> Option<u16> {
        match self.close_code.load(Ordering::SeqCst) {
            0 => None,
            c => Some(c),
        }
    }

    /// Resolves when [`SocketHandle::kill`] was called.
    pub async fn killed(&self) -> u16 {
        loop {
            if let Some(c) = self.kill_code() {
                return c;
            }
            self.close.notified().await;
        }
    }
}

#[derive(Default)]
struct UserEntry {
    sockets: Vec<Arc<SocketHandle>>,
    /// Online as friends see it: true from the first socket until the grace after the last.
    online: bool,
    /// Bumped on every connect, so a pending "offline" from an older disconnect stands down.
    generation: u64,
}

/// Why a socket could not be registered.
#[derive(Debug, PartialEq, Eq)]
pub enum RegisterError {
    /// The user has the most sockets allowed.
    TooManyForUser,
}

/// What registering a socket means for presence.
pub struct Registered {
    /// The handle to publish to.
    pub handle: Arc<SocketHandle>,
    /// Frames for the socket task to write.
    pub rx: mpsc::Receiver<Frame>,
    /// The user was offline (friends should hear they are online).
    pub came_online: bool,
}

/// The realtime hub.
pub struct Hub {
    users: Mutex<HashMap<i64, UserEntry>>,
    next_id: AtomicU64,
    open: AtomicUsize,
    per_user: usize,
    /// Single-use socket tickets.
    pub tickets: Tickets,
    stopping: tokio::sync::watch::Sender<bool>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Hub {
    /// An empty hub.
    pub fn new(per_user: usize, ticket_secs: u64) -> Hub {
        Hub {
            users: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(1),
            open: AtomicUsize::new(0),
            per_user,
            tickets: Tickets::new(ticket_secs),
            stopping: tokio::sync::watch::Sender::new(false),
        }
    }

    /// Marks the hub as shutting down: timers waiting on [`Hub::stopped`] give up.
    pub fn stop(&self) {
        self.stopping.send_replace(true);
    }

    /// Resolves once the hub is shutting down.
    pub async fn stopped(&self) {
        let mut rx = self.stopping.subscribe();
        let _ = rx.wait_for(|s| *s).await;
    }

    /// Open sockets.
    pub fn sockets_open(&self) -> usize {
        self.open.load(Ordering::Relaxed)
    }

    /// Adds a socket for `user`, refusing past the per-user limit.
    pub fn register(&self, user: i64, auth_session: String) -> Result<Registered, RegisterError> {
        let mut users = lock(&self.users);
        let entry = users.entry(user).or_default();
        if entry.sockets.len() >= self.per_user {
            if entry.sockets.is_empty() {
                users.remove(&user);
            }
            return Err(RegisterError::TooManyForUser);
        }
        let (tx, rx) = mpsc::channel(QUEUE);
        let handle = Arc::new(SocketHandle {
            id: self.next_id.fetch_add(1, Ordering::Relaxed),
            user,
            auth_session,
            tx,
            close_code: AtomicU16::new(0),
            close: Notify::new(),
        });
        entry.sockets.push(Arc::clone(&handle));
        entry.generation += 1;
        let came_online = !entry.online;
        entry.online = true;
        self.open.fetch_add(1, Ordering::Relaxed);
        Ok(Registered {
            handle,
            rx,
            came_online,
        })
    }

    /// Removes a socket; returns the generation to check after the presence grace when it was
    /// the user's last one.
    pub fn unregister(&self, handle: &SocketHandle) -> Option<u64> {
        let mut users = lock(&self.users);
        let entry = users.get_mut(&handle.user)?;
        let before = entry.sockets.len();
        entry.sockets.retain(|s| s.id != handle.id);
        if entry.sockets.len() < before {
            self.open.fetch_sub(1, Ordering::Relaxed);
        }
        entry.sockets.is_empty().then_some(entry.generation)
    }

    /// After the grace: if the user is still without sockets and nothing reconnected, marks
    /// them offline and returns true (the caller tells friends).
    pub fn settle_offline(&self, user: i64, generation: u64) -> bool {
        let mut users = lock(&self.users);
        match users.get(&user) {
            Some(e) if e.sockets.is_empty() && e.generation == generation && e.online => {
                users.remove(&user);
                true
            }
            _ => false,
        }
    }

    /// Is the user online (a socket open, or within the grace after the last one)?
    pub fn is_online(&self, user: i64) -> bool {
        lock(&self.users).get(&user).is_some_and(|e| e.online)
    }

    /// The users of `ids` who are online.
    pub fn online_among(&self, ids: &[i64]) -> Vec<i64> {
        let users = lock(&self.users);
        ids.iter()
            .copied()
            .filter(|id| users.get(id).is_some_and(|e| e.online))
            .collect()
    }

    /// Has the user an open socket right now?
    pub fn has_sockets(&self, user: i64) -> bool {
        lock(&self.users)
            .get(&user)
            .is_some_and(|e| !e.sockets.is_empty())
    }

    /// Sends a frame to every socket of `user`; returns how many took it.
    pub fn to_user(&self, user: i64, frame: &Frame) -> usize {
        let users = lock(&self.users);
        users
            .get(&user)
            .map_or(0, |e| e.sockets.iter().filter(|s| s.send(frame)).count())
    }

    /// Sends a frame to every socket of `user` except `skip`.
    pub fn to_user_except(&self, user: i64, skip: u64, frame: &Frame) {
        if let Some(e) = lock(&self.users).get(&user) {
            for s in e.sockets.iter().filter(|s| s.id != skip) {
                s.send(frame);
            }
        }
    }

    /// Closes every socket of `user` with `code` (and voids their unused tickets).
    pub fn close_user(&self, user: i64, code: u16) {
        self.tickets.revoke_user(user);
        if let Some(e) = lock(&self.users).get(&user) {
            for s in &e.sockets {
                s.kill(code);
            }
        }
    }

    /// Closes the sockets of one sign-in of `user` (and voids its unused tickets).
    pub fn close_auth_session(&self, user: i64, auth_session: &str, code: u16) {
        self.tickets.revoke_session(auth_session);
        if let Some(e) = lock(&self.users).get(&user) {
            for s in e.sockets.iter().filter(|s| s.auth_session == auth_session) {
                s.kill(code);
            }
        }
    }

    /// Closes every socket (shutdown).
    pub fn close_all(&self, code: u16) {
        for e in lock(&self.users).values() {
            for s in &e.sockets {
                s.kill(code);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn presence_follows_the_first_and_last_socket() {
        let hub = Hub::new(2, 30);
        let a = hub.register(1, "s".into()).expect("first");
        assert!(a.came_online);
        let b = hub.register(1, "t".into()).expect("second");
        assert!(!b.came_online);
        assert_eq!(
            hub.register(1, "u".into()).err(),
            Some(RegisterError::TooManyForUser)
        );
        assert_eq!(hub.unregister(&a.handle), None);
        let generation = hub.unregister(&b.handle).expect("last socket");
        assert!(hub.is_online(1), "online during the grace");
        // A reload inside the grace: no offline, no second online.
        let c = hub.register(1, "s".into()).expect("again");
        assert!(!c.came_online);
        assert!(!hub.settle_offline(1, generation));
        let generation = hub.unregister(&c.handle).expect("last");
        assert!(hub.settle_offline(1, generation));
        assert!(!hub.is_online(1));
        assert_eq!(hub.sockets_open(), 0);
    }

    #[tokio::test]
    async fn a_full_queue_closes_the_socket_for_a_resync() {
        let hub = Hub::new(5, 30);
        let mut r = hub.register(7, "s".into()).expect("socket");
        let frame: Frame = Frame::from("{}");
        for _ in 0..QUEUE {
            assert_eq!(hub.to_user(7, &frame), 1);
        }
        assert_eq!(hub.to_user(7, &frame), 0);
        assert_eq!(
            r.handle.kill_code(),
            Some(super::super::protocol::close::RESYNC)
        );
        assert!(r.rx.try_recv().is_ok());
        hub.close_auth_session(7, "s", 4003);
        assert_eq!(
            r.handle.kill_code(),
            Some(super::super::protocol::close::RESYNC)
        );
    }
}

//! The registry of live drawing rooms: one actor task per session with open canvases, started on
//! the first `collab.join` and gone when it has been empty for a while.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::mpsc;

pub use super::room::cmd::{Cmd, RoomMsg};
use super::room::{Deps, Room};
use crate::log_warn;

/// Commands a room queues before it makes senders wait.
const QUEUE: usize = 1024;
/// An empty room stays in memory this long (a reload should not reload from disk).
const IDLE: Duration = Duration::from_secs(60);

/// Live rooms by session id; cloning shares them.
#[derive(Clone)]
pub struct Rooms {
    inner: Arc<Inner>,
}

/// The shared part of [`Rooms`].
pub struct Inner {
    map: Mutex<HashMap<i64, (u64, mpsc::Sender<Cmd>)>>,
    live: AtomicUsize,
    lives: AtomicU64,
    closed: std::sync::atomic::AtomicBool,
    deps: Arc<Deps>,
}

impl std::ops::Deref for Rooms {
    type Target = Inner;

    fn deref(&self) -> &Inner {
        &self.inner
    }
}

impl Rooms {
    /// No rooms yet; each one started gets `deps`.
    pub fn new(deps: Deps) -> Rooms {
        Rooms {
            inner: Arc::new(Inner {
                map: Mutex::default(),
                live: AtomicUsize::new(0),
                lives: AtomicU64::new(0),
                closed: std::sync::atomic::AtomicBool::new(false),
                deps: Arc::new(deps),
            }),
        }
    }

    /// Rooms in memory.
    pub fn live(&self) -> usize {
        self.live.load(Ordering::Relaxed)
    }

    fn sender(&self, id: i64) -> Option<mpsc::Sender<Cmd>> {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, tx)) = map.get(&id)
            && !tx.is_closed()
        {
            return Some(tx.clone());
        }
        if self.closed.load(Ordering::SeqCst) {
            return None;
        }
        let (tx, rx) = mpsc::channel(QUEUE);
        let life = self.lives.fetch_add(1, Ordering::Relaxed);
        map.insert(id, (life, tx.clone()));
        self.live.fetch_add(1, Ordering::Relaxed);
        tokio::spawn(run(self.clone(), id, life, rx));
        Some(tx)
    }

    fn live_sender(&self, id: i64) -> Option<mpsc::Sender<Cmd>> {
        self.map
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
            .map(|(_, tx)| tx.clone())
    }

    /// Sends a command, starting the room if needed (only `collab.join` may start one, after
    /// the caller checked membership).
    pub async fn send(&self, id: i64, cmd: Cmd) {
        let mut cmd = cmd;
        for _ in 0..3 {
            let Some(tx) = self.sender(id) else {
                return;
            };
            match tx.send(cmd).await {
                Ok(()) => return,
                // The room was just closing: the next sender starts a fresh one.
                Err(mpsc::error::SendError(back)) => cmd = back,
            }
        }
        log_warn!("room {id} did not take a command");
    }

    /// Sends to a room only if it is in memory (waiting while its queue is full); false when
    /// there is no such room.
    pub async fn send_live(&self, id: i64, cmd: Cmd) -> bool {
        match self.live_sender(id) {
            Some(tx) => tx.send(cmd).await.is_ok(),
            None => false,
        }
    }

    /// Sends to a live room unless its queue is full (cursors and previews may be dropped).
    pub fn try_send_live(&self, id: i64, cmd: Cmd) {
        if let Some(tx) = self.live_sender(id) {
            let _ = tx.try_send(cmd);
        }
    }

    /// Stops every room (shutdown): their command channels close once the sockets are gone.
    pub fn stop_all(&self) {
        self.closed.store(true, Ordering::SeqCst);
        self.map.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Tells a live room (only) that its session changed.
    /// Never waits: a room may call this about itself (expiry) with its own queue full.
    pub async fn refresh(&self, id: i64, kicked: Option<i64>) {
        if let Some(tx) = self.live_sender(id) {
            match tx.try_send(Cmd::Refresh { kicked }) {
                Ok(()) | Err(mpsc::error::TrySendError::Closed(_)) => {}
                Err(mpsc::error::TrySendError::Full(cmd)) => {
                    tokio::spawn(async move {
                        let _ = tx.send(cmd).await;
                    });
                }
            }
        }
    }

    /// Removes the room's entry if it is still this life's and nothing is queued; the room
    /// then stops.
    fn retire(&self, id: i64, life: u64, rx: &mpsc::Receiver<Cmd>) -> bool {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if !rx.is_empty() {
            return false;
        }
        if map.get(&id).is_some_and(|(l, _)| *l == life) {
            map.remove(&id);
        }
        true
    }
}

async fn run(rooms: Rooms, id: i64, life: u64, mut rx: mpsc::Receiver<Cmd>) {
    // Ops of an earlier life of this room may still be on their way to disk.
    rooms.deps.batcher.flush().await;
    let mut room = match Room::load(Arc::clone(&rooms.deps), id).await {
        Ok(room) => Some(room),
        Err(e) => {
            log_warn!("room {id} could not load: {e}");
            None
        }
    };
    let mut cursor_tick = tokio::time::interval(Duration::from_millis(50));
    cursor_tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let Some(r) = room.as_mut() else {
            // No such session: answer what is queued, then stop.
            if rooms.retire(id, life, &rx) {
                break;
            }
            if let Some(cmd) = rx.recv().await {
                Room::refuse_missing(id, cmd);
            }
            continue;
        };
        let deadline = r.vote_deadline();
        // A room with an open vote stays until the vote ends.
        let idle = r.is_empty() && deadline.is_none();
        let cursors = r.has_pending_cursors();
        tokio::select! {
            cmd = rx.recv() => match cmd {
                Some(cmd) => r.handle(cmd).await,
                None => break,
            },
            () = sleep_until(deadline), if deadline.is_some() => r.vote_timeout().await,
            _ = cursor_tick.tick(), if cursors => r.flush_cursors(),
            () = tokio::time::sleep(IDLE), if idle => {
                if rooms.retire(id, life, &rx) {
                    break;
                }
            }
        }
    }
    rx.close();
    rooms.live.fetch_sub(1, Ordering::Relaxed);
    // Anything that slipped in while closing goes to the room's next life.
    while let Ok(cmd) = rx.try_recv() {
        let next = rooms.clone();
        tokio::spawn(async move { next.send(id, cmd).await });
    }
}

async fn sleep_until(deadline: Option<tokio::time::Instant>) {
    match deadline {
        Some(d) => tokio::time::sleep_until(d).await,
        None => std::future::pending().await,
    }
}

//! Write-behind persistence of drawing ops: rooms acknowledge an op at once and hand it here;
//! ops are written in one transaction per interval (or per batch of [`MAX_BATCH`], or when the
//! ops pause for [`QUIET`]), in the order they were given, so a crash loses at most the last
//! window and never leaves a gap in `seq`.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use rusqlite::params;
use tokio::sync::{Mutex, mpsc, oneshot};

use crate::db::Db;
use crate::log_error;

/// Ops written in one transaction at most.
pub const MAX_BATCH: usize = 4096;
/// No new op for this long writes the batch before its interval is up.
const QUIET: Duration = Duration::from_millis(20);
/// Ops waiting at most; a full queue makes rooms wait (back-pressure), never drops.
const QUEUE: usize = 16_384;

/// One op to store.
#[derive(Debug)]
pub struct PersistOp {
    /// Session.
    pub session: i64,
    /// Its seq in the session.
    pub seq: u64,
    /// Who made it.
    pub user: i64,
    /// The client's id for it.
    pub client_op_id: Option<String>,
    /// The op as JSON.
    pub op: String,
    /// When (Unix seconds).
    pub at: i64,
}

enum Msg {
    Op(PersistOp),
    Flush(oneshot::Sender<()>),
}

/// The handle rooms and shutdown use.
pub struct Batcher {
    tx: mpsc::Sender<Msg>,
    rx: Mutex<Option<mpsc::Receiver<Msg>>>,
    interval: Duration,
    /// Ops written so far.
    pub persisted: AtomicU64,
    /// Op writes that failed (and were retried).
    pub failed: AtomicU64,
}

impl Batcher {
    /// A batcher flushing every `interval`.
    pub fn new(interval: Duration) -> Batcher {
        let (tx, rx) = mpsc::channel(QUEUE);
        Batcher {
            tx,
            rx: Mutex::new(Some(rx)),
            interval,
            persisted: AtomicU64::new(0),
            failed: AtomicU64::new(0),
        }
    }

    /// Queues an op (waits only when the queue is full).
    pub async fn push(&self, op: PersistOp) {
        if self.tx.send(Msg::Op(op)).await.is_err() {
            self.failed.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Resolves once every op queued before the call is written.
    pub async fn flush(&self) {
        let (done, wait) = oneshot::channel();
        if self.tx.send(Msg::Flush(done)).await.is_ok() {
            let _ = wait.await;
        }
    }
}

/// Runs the batcher until the process stops (the channel never closes while `batcher` lives).
pub async fn run(db: Arc<Db>, batcher: Arc<Batcher>) {
    let Some(mut rx) = batcher.rx.lock().await.take() else {
        return;
    };
    let mut batch: Vec<PersistOp> = Vec::with_capacity(256);
    let mut waiting: Vec<oneshot::Sender<()>> = Vec::new();
    loop {
        match rx.recv().await {
            Some(Msg::Op(op)) => batch.push(op),
            Some(Msg::Flush(done)) => waiting.push(done),
            None => break,
        }
        if waiting.is_empty() {
            let deadline = tokio::time::Instant::now() + batcher.interval;
            while batch.len() < MAX_BATCH {
                // A lull ends the batch early: the tail of a burst is on disk a moment after
                // the drawing stops instead of a whole interval later, while a steady stream
                // still shares one transaction per interval.
                let until = deadline.min(tokio::time::Instant::now() + QUIET);
                match tokio::time::timeout_at(until, rx.recv()).await {
                    Ok(Some(Msg::Op(op))) => batch.push(op),
                    Ok(Some(Msg::Flush(done))) => {
                        waiting.push(done);
                        break;
                    }
                    Ok(None) | Err(_) => break,
                }
            }
        }
        write(&db, &batcher, std::mem::take(&mut batch)).await;
        for done in waiting.drain(..) {
            let _ = done.send(());
        }
    }
}

async fn write(db: &Db, batcher: &Batcher, batch: Vec<PersistOp>) {
    if batch.is_empty() {
        return;
    }
    let n = batch.len() as u64;
    let mut tries = 0;
    let mut batch = Arc::new(batch);
    loop {
        let ops = Arc::clone(&batch);
        let result = db
            .write(move |tx| {
                let mut stmt = tx.prepare_cached(
                    "INSERT OR IGNORE INTO collab_ops (session_id, seq, user_id, client_op_id, op, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?;
                for o in ops.iter() {
                    stmt.execute(params![o.session, o.seq as i64, o.user, o.client_op_id, o.op, o.at])?;
                }
                Ok(())
            })
            .await;
        match result {
            Ok(()) => {
                batcher.persisted.fetch_add(n, Ordering::Relaxed);
                return;
            }
            // Acknowledged ops are never dropped: retry (rooms wait on the full queue meanwhile).
            Err(e) => {
                tries += 1;
                batcher.failed.fetch_add(n, Ordering::Relaxed);
                if tries == 1 || tries % 20 == 0 {
                    log_error!("saving {n} drawing op(s) failed (try {tries}), retrying: {e}");
                }
                tokio::time::sleep(Duration::from_millis((100 * tries).min(5_000))).await;
                batch = Arc::clone(&batch);
            }
        }
    }
}

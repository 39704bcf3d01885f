//! One writer connection and a small pool of read-only connections, used from async code.
//!
//! Every SQLite call runs on tokio's blocking pool, never on an async worker. Writes are
//! serialised in-process by a one-permit semaphore (so waiting writers park as futures instead of
//! holding blocking threads) and run in short `BEGIN IMMEDIATE` transactions. Reads take a permit
//! sized to the pool before touching r2d2, so the blocking pool is never filled with threads
//! waiting for a connection (anchors.md lesson 6).

use std::cell::RefCell;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::outbox::Event;
use crate::error::Error;

/// How long a request waits for a database connection before answering 503.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(10);

/// Connection settings shared by the writer and the readers.
#[derive(Debug, Clone, Copy)]
pub struct Tuning {
    /// `synchronous=FULL` instead of `NORMAL`.
    pub sync_full: bool,
    /// Litestream replicates the file: it alone checkpoints the WAL, so its copy never misses
    /// frames that a checkpoint here moved into the database behind its back.
    pub litestream: bool,
}

/// Applies the per-connection pragmas of DESIGN §2. `busy_timeout` goes first so the others
/// can wait out a lock held by another process (the CLI).
pub fn configure(conn: &Connection, tuning: Tuning) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    let sync = if tuning.sync_full { "FULL" } else { "NORMAL" };
    conn.execute_batch(&format!(
        "PRAGMA synchronous = {sync};
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -1024;
         PRAGMA journal_size_limit = 67108864;
         PRAGMA mmap_size = 0;"
    ))
}

/// Opens the writer connection, creating the file, and switches the database to WAL.
pub fn open_writer(path: &Path, tuning: Tuning) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI,
    )?;
    conn.busy_timeout(Duration::from_secs(5))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::InvalidParameterName(format!(
            "could not switch to WAL (journal_mode is {mode})"
        )));
    }
    configure(&conn, tuning)?;
    if tuning.litestream {
        conn.pragma_update(None, "wal_autocheckpoint", 0)?;
    }
    Ok(conn)
}

/// Counters for `/metrics`.
#[derive(Debug, Default)]
pub struct DbStats {
    /// Read closures run.
    pub reads: AtomicU64,
    /// Write transactions committed or rolled back.
    pub writes: AtomicU64,
    /// Times a caller gave up waiting for a connection.
    pub timeouts: AtomicU64,
}

/// The database handle every part of the server shares.
pub struct Db {
    path: PathBuf,
    writer: Arc<Mutex<Connection>>,
    write_gate: Arc<Semaphore>,
    readers: r2d2::Pool<SqliteConnectionManager>,
    read_gate: Arc<Semaphore>,
    /// Counters for `/metrics`.
    pub stats: DbStats,
    /// Committed events for the realtime hub.
    pub outbox: Arc<super::outbox::Outbox>,
}

impl Db {
    /// Wraps an already-migrated writer and opens `read_pool` read-only connections.
    pub fn new(
        path: &Path,
        writer: Connection,
        read_pool: u32,
        tuning: Tuning,
    ) -> Result<Db, String> {
        let manager = SqliteConnectionManager::file(path)
            .with_flags(
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX
                    | OpenFlags::SQLITE_OPEN_URI,
            )
            .with_init(move |c| {
                configure(c, tuning)?;
                c.execute_batch("PRAGMA query_only = ON;")
            });
        // One maintenance thread instead of r2d2's default three: the pool is fixed-size.
        let thread_pool = Arc::new(scheduled_thread_pool());
        let readers = r2d2::Pool::builder()
            .max_size(read_pool)
            .min_idle(Some(read_pool))
            .connection_timeout(ACQUIRE_TIMEOUT)
            // Local files do not go stale; checking each checkout costs a call per query.
            .test_on_check_out(false)
            .idle_timeout(None)
            .max_lifetime(None)
            .thread_pool(thread_pool)
            .build(manager)
            .map_err(|e| format!("could not open read connections: {e}"))?;
        Ok(Db {
            path: path.to_path_buf(),
            writer: Arc::new(Mutex::new(writer)),
            write_gate: Arc::new(Semaphore::new(1)),
            readers,
            read_gate: Arc::new(Semaphore::new(read_pool as usize)),
            stats: DbStats::default(),
            outbox: Arc::default(),
        })
    }

    /// Path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    async fn permit(&self, gate: &Arc<Semaphore>) -> Result<OwnedSemaphorePermit, Error> {
        match tokio::time::timeout(ACQUIRE_TIMEOUT, Arc::clone(gate).acquire_owned()).await {
            Ok(Ok(p)) => Ok(p),
            _ => Err(self.busy()),
        }
    }

    /// Runs `f` on a read-only connection, off the async workers. The permit travels with the
    /// blocking job, so a cancelled request cannot free its slot while its query still runs.
    pub async fn read<T, F>(&self, f: F) -> Result<T, Error>
    where
        F: FnOnce(&Connection) -> Result<T, Error> + Send + 'static,
        T: Send + 'static,
    {
        let permit = self.permit(&self.read_gate).await?;
        let pool = self.readers.clone();
        let out = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let conn = pool.get()?;
            f(&conn)
        })
        .await?;
        self.stats.reads.fetch_add(1, Ordering::Relaxed);
        out
    }

    /// Runs `f` in a `BEGIN IMMEDIATE` transaction on the writer; commits on `Ok`, rolls back
    /// on `Err`.
    pub async fn write<T, F>(&self, f: F) -> Result<T, Error>
    where
        F: FnOnce(&Tx<'_>) -> Result<T, Error> + Send + 'static,
        T: Send + 'static,
    {
        let permit = self.permit(&self.write_gate).await?;
        let writer = Arc::clone(&self.writer);
        let out = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            write_tx_events(&mut lock(&writer), f)
        })
        .await?;
        self.stats.writes.fetch_add(1, Ordering::Relaxed);
        let (value, events) = out?;
        self.outbox.push(events);
        Ok(value)
    }

    /// Runs `f` with the writer connection itself (outside a transaction), for maintenance such
    /// as checkpoints and `VACUUM INTO`.
    pub async fn with_writer<T, F>(&self, f: F) -> Result<T, Error>
    where
        F: FnOnce(&mut Connection) -> Result<T, Error> + Send + 'static,
        T: Send + 'static,
    {
        let permit = self.permit(&self.write_gate).await?;
        let writer = Arc::clone(&self.writer);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            f(&mut lock(&writer))
        })
        .await?
    }

    /// Blocking variant of [`Db::write`] for startup and the CLI (never call from async code).
    pub fn write_blocking<T>(
        &self,
        f: impl FnOnce(&Tx<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let (value, events) = write_tx_events(&mut lock(&self.writer), f)?;
        self.outbox.push(events);
        Ok(value)
    }

    /// Blocking checkpoint that truncates the WAL; used at shutdown.
    pub fn checkpoint_blocking(&self) -> Result<(), Error> {
        checkpoint(&lock(&self.writer))
    }

    fn busy(&self) -> Error {
        self.stats.timeouts.fetch_add(1, Ordering::Relaxed);
        Error::unavailable(
            "busy",
            "The server is very busy right now. Please try again.",
        )
    }
}

/// Locks the writer. A panic inside a write closure poisons the mutex, but the transaction was
/// rolled back when it unwound, so the connection is sound: carry on instead of failing every
/// later write.
fn lock(writer: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    writer.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A write transaction and the events it will announce once committed. It reads and writes
/// like the connection it derefs to; [`Tx::emit`] is the only way to announce a change, so a
/// function that announces says so by taking a `&Tx`.
pub struct Tx<'c> {
    tx: Transaction<'c>,
    events: RefCell<Vec<Event>>,
}

impl Deref for Tx<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        &self.tx
    }
}

impl<'c> Tx<'c> {
    /// Begins an immediate transaction on `conn` (the demo seeder and the CLI; the server goes
    /// through [`Db::write`]).
    pub fn begin(conn: &'c mut Connection) -> rusqlite::Result<Tx<'c>> {
        Ok(Tx {
            tx: conn.transaction_with_behavior(TransactionBehavior::Immediate)?,
            events: RefCell::default(),
        })
    }

    /// Commits, handing back what was emitted.
    pub fn commit(self) -> rusqlite::Result<Vec<Event>> {
        let events = self.events.into_inner();
        self.tx.commit()?;
        Ok(events)
    }

    /// Announces `event` to connected clients after the commit (never, on rollback).
    pub fn emit(&self, event: Event) {
        self.events.borrow_mut().push(event);
    }
}

/// Runs `f` inside an immediate transaction on `conn`. Events emitted by `f` are dropped: use
/// this only where no client is connected (the CLI against a stopped server).
pub fn write_tx<T>(
    conn: &mut Connection,
    f: impl FnOnce(&Tx<'_>) -> Result<T, Error>,
) -> Result<T, Error> {
    write_tx_events(conn, f).map(|(v, _)| v)
}

/// Runs `f` inside an immediate transaction; on commit returns what it emitted.
fn write_tx_events<T>(
    conn: &mut Connection,
    f: impl FnOnce(&Tx<'_>) -> Result<T, Error>,
) -> Result<(T, Vec<Event>), Error> {
    let tx = Tx::begin(conn)?;
    // Dropping the transaction on an error rolls it back, events and all.
    let v = f(&tx)?;
    Ok((v, tx.commit()?))
}

/// `wal_checkpoint(TRUNCATE)`: folds the WAL into the main file and empties it.
pub fn checkpoint(conn: &Connection) -> Result<(), Error> {
    let (busy, _, _): (i64, i64, i64) =
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    if busy != 0 {
        return Err(Error::internal(
            "checkpoint could not complete: database busy",
        ));
    }
    Ok(())
}

fn scheduled_thread_pool() -> scheduled_thread_pool::ScheduledThreadPool {
    scheduled_thread_pool::ScheduledThreadPool::builder()
        .num_threads(1)
        .thread_name_pattern("pixeltales-db-{}")
        .build()
}

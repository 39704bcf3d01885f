//! A running server's background tasks (op batcher, pusher, housekeeping, backups on a
//! schedule or SIGUSR1) and the order they stop in.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use super::{App, StartError};
use crate::config::Config;
use crate::{log_info, log_warn};

/// The app with its background tasks running.
pub struct Running {
    app: Arc<App>,
    stop: watch::Sender<bool>,
    keeper: JoinHandle<()>,
    batcher: JoinHandle<()>,
    pusher: JoinHandle<()>,
    on_signal: JoinHandle<()>,
}

impl App {
    /// Opens the app (off the async workers: it migrates and hashes) and starts its tasks.
    pub async fn start(config: Config) -> Result<Running, StartError> {
        let app = tokio::task::spawn_blocking(move || App::open(config))
            .await
            .map_err(|e| StartError::Io(format!("startup task failed: {e}")))??;
        let app = Arc::new(app);
        let (stop, stop_rx) = watch::channel(false);
        let warm = Arc::clone(&app);
        tokio::spawn(async move { warm.passwords.warm_up().await });
        Ok(Running {
            keeper: tokio::spawn(housekeeping(Arc::clone(&app), stop_rx)),
            batcher: tokio::spawn(crate::realtime::batcher::run(
                Arc::clone(&app.db),
                Arc::clone(&app.batcher),
            )),
            pusher: tokio::spawn(crate::realtime::pusher::run(Arc::clone(&app))),
            on_signal: tokio::spawn(backup_on_signal(Arc::clone(&app))),
            stop,
            app,
        })
    }
}

impl Running {
    /// The shared state.
    pub fn app(&self) -> &Arc<App> {
        &self.app
    }

    /// Set to `true` when the server stops taking requests; connections and housekeeping
    /// watch it.
    pub fn stop_sender(&self) -> &watch::Sender<bool> {
        &self.stop
    }

    /// Stops in order: sockets first (they outlive their HTTP connections), then the rooms,
    /// then every acknowledged op is written, then the tasks end and the WAL is checkpointed.
    pub async fn shutdown(self) {
        let app = self.app;
        let _ = self.stop.send(true);
        app.hub.stop();
        app.hub
            .close_all(crate::realtime::protocol::close::GOING_AWAY);
        let closing = tokio::time::Instant::now() + Duration::from_secs(2);
        while app.hub.sockets_open() > 0 && tokio::time::Instant::now() < closing {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        app.rooms.stop_all();
        let stopping_rooms = tokio::time::Instant::now() + Duration::from_secs(5);
        while app.rooms.live() > 0 && tokio::time::Instant::now() < stopping_rooms {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        app.batcher.flush().await;
        self.pusher.abort();
        self.batcher.abort();
        self.on_signal.abort();
        let _ = self.keeper.await;
        // Background tasks hold the app (and the data dir lock) until they finish.
        let letting_go = tokio::time::Instant::now() + Duration::from_secs(2);
        while Arc::strong_count(&app) > 1 && tokio::time::Instant::now() < letting_go {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        if app.config.litestream {
            log_info!("shut down cleanly; the WAL is left for Litestream to checkpoint");
            return;
        }
        let db_app = Arc::clone(&app);
        match tokio::task::spawn_blocking(move || db_app.db.checkpoint_blocking()).await {
            Ok(Ok(())) => log_info!("shut down cleanly; database checkpointed"),
            Ok(Err(e)) => log_warn!("shut down; checkpoint failed: {e}"),
            Err(e) => log_warn!("shut down; checkpoint task failed: {e}"),
        }
    }
}

/// Resolves once shutdown has been signalled (the watch guard is not held across awaits).
pub async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}

/// Makes a backup for the schedule or a signal and logs the outcome.
async fn backup_now(app: &App, action: &'static str) {
    match super::backups::make(app, None, action, None).await {
        Ok(m) => log_info!(
            "backup {} written ({} bytes, {} old one(s) pruned)",
            m.name,
            m.bytes,
            m.pruned
        ),
        Err(e) => log_warn!("backup failed: {e}"),
    }
}

/// `kill -USR1 <pid>` makes a backup now (cron, a deploy script, an operator before a risky change).
async fn backup_on_signal(app: Arc<App>) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(mut usr1) = signal(SignalKind::user_defined1()) else {
            log_warn!("cannot listen for SIGUSR1; backups on signal are off");
            return;
        };
        while usr1.recv().await.is_some() {
            log_info!("SIGUSR1 received: making a backup");
            backup_now(&app, "backup_signal").await;
        }
    }
    #[cfg(not(unix))]
    let _ = app;
}

async fn housekeeping(app: Arc<App>, mut stop: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut round: u64 = 0;
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            () = stopped(&mut stop) => break,
        }
        round += 1;
        app.disk.check();
        match app.profanity.refresh(&app.db).await {
            Ok(true) => log_info!(
                "profanity list changed; filter rebuilt ({} words)",
                app.profanity.active_count()
            ),
            Ok(false) => {}
            Err(e) => log_warn!("profanity refresh failed: {e}"),
        }
        // Tried every five minutes while due, so a backup that cannot be made (a full disk)
        // is not retried on every tick.
        if round % 60 == 1 && super::backups::due(&app) {
            backup_now(&app, "backup_scheduled").await;
        }
        if round.is_multiple_of(12) {
            app.limits.sweep();
            app.hub.tickets.sweep();
            let now = crate::time::now();
            let expired = app
                .db
                .write(move |tx| Ok(crate::store::collab::expire(tx, now)?))
                .await;
            match expired {
                Ok(0) => {}
                Ok(n) => log_info!("{n} drawing session(s) expired"),
                Err(e) => log_warn!("session expiry failed: {e}"),
            }
        }
        if round % 720 == 1 {
            let now = crate::time::now();
            // Hourly upkeep: ended sessions, yesterday's view-dedupe rows, and the 30-day like
            // counts that the "popular" sort reads (likes age out of the window).
            let purged = app
                .db
                .write(move |tx| {
                    let sessions = crate::auth::sessions::purge(tx, now)?;
                    let views = tx.execute(
                        "DELETE FROM story_views WHERE day < ?1",
                        [crate::store::rewards::day_of(now) - 1],
                    )?;
                    let recounted = crate::store::stories::refresh_recent_likes(tx, now)?;
                    Ok((sessions, views, recounted))
                })
                .await;
            match purged {
                Ok((s, v, r)) if s + v + r > 0 => {
                    log_info!(
                        "upkeep: {s} old session row(s), {v} view row(s) removed; {r} popularity count(s) updated"
                    )
                }
                Ok(_) => {}
                Err(e) => log_warn!("upkeep failed: {e}"),
            }
        }
    }
}

//! The server: accept loop, per-connection hyper tasks, request handling, graceful shutdown.

use std::convert::Infallible;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures_util::FutureExt;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, Semaphore, watch};

use super::headers;
use super::request::{Request, client_ip};
use super::response::Response;
use super::router::{self, Resolved};
use crate::app::{App, StartError};
use crate::config::Config;
use crate::error::Error;
use crate::http::response::ErrorResponse as _;
use crate::{log_debug, log_error, log_info, log_warn};

/// Starts PixelTales on `listener` and serves until `shutdown` resolves; then stops accepting,
/// lets in-flight requests finish (up to the grace period) and checkpoints the WAL.
pub async fn run(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), StartError> {
    crate::log::set_level(config.log);
    let app = tokio::task::spawn_blocking(move || App::open(config))
        .await
        .map_err(|e| StartError::Io(format!("startup task failed: {e}")))??;
    let app = Arc::new(app);
    let addr = listener
        .local_addr()
        .map_err(|e| StartError::Io(format!("listener: {e}")))?;
    log_info!(
        "PixelTales {} listening on http://{addr} (data dir {})",
        crate::VERSION,
        app.config.data_dir.display()
    );

    let (stop_tx, stop_rx) = watch::channel(false);
    let keeper = tokio::spawn(housekeeping(Arc::clone(&app), stop_rx));
    let warm = Arc::clone(&app);
    tokio::spawn(async move { warm.passwords.warm_up().await });
    let batcher = tokio::spawn(crate::realtime::batcher::run(
        Arc::clone(&app.db),
        Arc::clone(&app.batcher),
    ));
    let pusher = tokio::spawn(crate::realtime::pusher::run(Arc::clone(&app)));
    let on_signal = tokio::spawn(backup_on_signal(Arc::clone(&app)));

    accept_loop(listener, Arc::clone(&app), shutdown, &stop_tx).await;

    // Sockets outlive their HTTP connections: close them, stop the rooms, then write every
    // acknowledged op.
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
    pusher.abort();
    batcher.abort();
    on_signal.abort();
    let _ = keeper.await;
    // Background tasks hold the app (and the data dir lock) until they finish.
    let letting_go = tokio::time::Instant::now() + Duration::from_secs(2);
    while Arc::strong_count(&app) > 1 && tokio::time::Instant::now() < letting_go {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }

    let db_app = Arc::clone(&app);
    match tokio::task::spawn_blocking(move || db_app.db.checkpoint_blocking()).await {
        Ok(Ok(())) => log_info!("shut down cleanly; database checkpointed"),
        Ok(Err(e)) => log_warn!("shut down; checkpoint failed: {e}"),
        Err(e) => log_warn!("shut down; checkpoint task failed: {e}"),
    }
    Ok(())
}

/// Counts live connections so shutdown can wait for them.
#[derive(Default)]
struct Tracker {
    live: AtomicUsize,
    idle: Notify,
}

struct Entered(Arc<Tracker>);

impl Tracker {
    fn enter(self: &Arc<Self>) -> Entered {
        self.live.fetch_add(1, Ordering::SeqCst);
        Entered(Arc::clone(self))
    }

    async fn wait_idle(&self) {
        loop {
            let notified = self.idle.notified();
            if self.live.load(Ordering::SeqCst) == 0 {
                return;
            }
            notified.await;
        }
    }
}

impl Drop for Entered {
    fn drop(&mut self) {
        if self.0.live.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

/// A minimal answer for connections over the limit, written without hyper.
const OVER_CAPACITY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n\
connection: close\r\nretry-after: 5\r\ncontent-length: 91\r\n\r\n\
{\"error\":{\"code\":\"over_capacity\",\"message\":\"Too many connections. Please try again soon.\"}}";

async fn accept_loop(
    listener: TcpListener,
    app: Arc<App>,
    shutdown: impl Future<Output = ()> + Send,
    stop: &watch::Sender<bool>,
) {
    let tracker = Arc::new(Tracker::default());
    let slots = Arc::new(Semaphore::new(app.config.max_connections));
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((tcp, peer)) => {
                    let Ok(permit) = Arc::clone(&slots).try_acquire_owned() else {
                        app.metrics.connections_refused.fetch_add(1, Ordering::Relaxed);
                        let _ = tcp.try_write(OVER_CAPACITY);
                        continue;
                    };
                    let entered = tracker.enter();
                    let app = Arc::clone(&app);
                    let stop = stop.subscribe();
                    tokio::spawn(async move {
                        serve_connection(app, tcp, peer, stop).await;
                        drop(permit);
                        drop(entered);
                    });
                }
                Err(e) => {
                    // Usually EMFILE: back off instead of spinning.
                    log_warn!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
    }
    drop(listener);
    log_info!("shutting down: no new connections; finishing open requests");
    let _ = stop.send(true);
    let grace = Duration::from_secs(app.config.shutdown_grace_secs);
    if tokio::time::timeout(grace, tracker.wait_idle())
        .await
        .is_err()
    {
        log_warn!(
            "{} connection(s) still open after the {}s grace period",
            tracker.live.load(Ordering::SeqCst),
            grace.as_secs()
        );
    }
}

async fn serve_connection(
    app: Arc<App>,
    tcp: TcpStream,
    peer: SocketAddr,
    mut stop: watch::Receiver<bool>,
) {
    let _ = tcp.set_nodelay(true);
    app.metrics.connections_open.fetch_add(1, Ordering::Relaxed);
    let svc_app = Arc::clone(&app);
    let service = service_fn(move |req| {
        let app = Arc::clone(&svc_app);
        async move { Ok::<_, Infallible>(handle(app, peer, req).await) }
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(app.config.header_timeout())
        .max_header_size(app.config.max_header_bytes)
        .max_buf_size(app.config.max_header_bytes.max(64 * 1024))
        .keep_alive(true);
    let conn = builder
        .serve_connection(TokioIo::new(tcp), service)
        .with_upgrades();
    tokio::pin!(conn);
    tokio::select! {
        res = conn.as_mut() => {
            if let Err(e) = res {
                log_debug!("connection from {peer} ended: {e}");
            }
        }
        () = stopped(&mut stop) => {
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        }
    }
    app.metrics.connections_open.fetch_sub(1, Ordering::Relaxed);
}

/// Resolves once shutdown has been signalled (the watch guard is not held across awaits).
async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}

async fn handle(app: Arc<App>, peer: SocketAddr, req: hyper::Request<Incoming>) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let ip = client_ip(peer.ip(), req.headers(), app.config.proxy_hops);
    // Twice the request timeout: the body read inside has its own (408) deadline.
    let limit = app.config.request_timeout() * 2;
    if path == "/ws" {
        let resp = crate::realtime::socket::upgrade(Arc::clone(&app), req).await;
        app.metrics.record(resp.status());
        log_info!("{ip} {method} {path} {}", resp.status().as_u16());
        return resp;
    }
    let work = AssertUnwindSafe(route(&app, ip, req)).catch_unwind();
    let mut resp = match tokio::time::timeout(limit, work).await {
        Ok(Ok(resp)) => resp,
        Ok(Err(_)) => {
            app.metrics.panics.fetch_add(1, Ordering::Relaxed);
            Error::internal(format!("handler panicked on {method} {path}")).into_response()
        }
        Err(_) => Error::unavailable(
            "timeout",
            "The server took too long to answer. Please try again.",
        )
        .into_response(),
    };
    headers::apply(
        &mut resp,
        app.config
            .public_origin()
            .is_some_and(|o| o.starts_with("https://")),
    );
    let status = resp.status();
    app.metrics.record(status);
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if status.is_server_error() {
        log_error!("{ip} {method} {path} {} {ms:.1}ms", status.as_u16());
    } else {
        log_info!("{ip} {method} {path} {} {ms:.1}ms", status.as_u16());
    }
    resp
}

async fn route(app: &App, ip: IpAddr, req: hyper::Request<Incoming>) -> Response {
    match router::resolve(req.method(), req.uri().path()) {
        Resolved::Api(route, params) => {
            let mut request = Request::new(req, ip, app.body_limits.clone());
            request.params = params;
            crate::api::dispatch(app, route, request)
                .await
                .unwrap_or_else(Error::into_response)
        }
        Resolved::Static => app.spa.serve(req.uri().path(), req.headers()),
        Resolved::MethodNotAllowed(allow) => Error::MethodNotAllowed { allow }.into_response(),
        Resolved::NotFound => {
            Error::not_found("route_not_found", "There is nothing at this address.").into_response()
        }
    }
}

/// Makes a backup for the schedule or a signal and logs the outcome.
async fn backup_now(app: &App, action: &'static str) {
    match crate::api::admin::backups::make(app, None, action, None).await {
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
        match app.profanity.refresh(&app.db).await {
            Ok(true) => log_info!(
                "profanity list changed; filter rebuilt ({} words)",
                app.profanity.active_count()
            ),
            Ok(false) => {}
            Err(e) => log_warn!("profanity refresh failed: {e}"),
        }
        if crate::api::admin::backups::due(&app) {
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

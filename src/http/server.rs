//! The transport: the accept loop, per-connection hyper tasks and request handling. The app
//! and its background tasks start and stop in `app::tasks`.

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
use crate::app::tasks::stopped;
use crate::app::{App, StartError};
use crate::config::Config;
use crate::error::Error;
use crate::http::response::ErrorResponse as _;
use crate::log::Access;
use crate::{log_debug, log_info, log_warn};

/// Starts PixelTales on `listener` and serves until `shutdown` resolves; then stops accepting,
/// lets in-flight requests finish (up to the grace period) and checkpoints the WAL.
pub async fn run(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), StartError> {
    crate::log::set_level(config.log);
    crate::log::set_format(config.log_format);
    let running = App::start(config).await?;
    let app = Arc::clone(running.app());
    let addr = listener
        .local_addr()
        .map_err(|e| StartError::Io(format!("listener: {e}")))?;
    log_info!(
        "PixelTales {} listening on http://{addr} (data dir {})",
        crate::VERSION,
        app.config.data_dir.display()
    );
    accept_loop(listener, app, shutdown, running.stop_sender()).await;
    running.shutdown().await;
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

async fn handle(app: Arc<App>, peer: SocketAddr, req: hyper::Request<Incoming>) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let ip = client_ip(peer.ip(), req.headers(), app.config.proxy_hops);
    let id = request_id(req.headers());
    // Twice the request timeout: the body read inside has its own (408) deadline.
    let limit = app.config.request_timeout() * 2;
    // Every answer is tagged with the id, counted and logged the same way.
    let finish = |mut resp: Response, ms: Option<f64>| {
        tag(&mut resp, &id);
        app.metrics.record(resp.status());
        crate::log::access(&Access {
            id: &id,
            ip,
            method: method.as_str(),
            path: &path,
            status: resp.status().as_u16(),
            ms,
        });
        resp
    };
    if path == "/ws" {
        let resp = crate::realtime::socket::upgrade(Arc::clone(&app), req).await;
        return finish(resp, None);
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
    finish(resp, Some(started.elapsed().as_secs_f64() * 1000.0))
}

/// The request's id: the one a proxy in front already gave it (so its logs and ours meet), or a
/// new one. It is in the answer's `X-Request-Id` and on the access log line.
fn request_id(headers: &hyper::HeaderMap) -> String {
    use std::sync::OnceLock;
    use std::sync::atomic::AtomicU64;
    static PROCESS: OnceLock<u32> = OnceLock::new();
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let given = headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            (1..=64).contains(&v.len())
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        });
    if let Some(id) = given {
        return id.to_string();
    }
    // A random start per process keeps ids from two runs (or two instances) apart.
    let process = *PROCESS.get_or_init(|| {
        let mut b = [0u8; 4];
        let _ = getrandom::fill(&mut b);
        u32::from_le_bytes(b)
    });
    format!(
        "{process:08x}{:08x}",
        NEXT.fetch_add(1, Ordering::Relaxed) as u32
    )
}

fn tag(resp: &mut Response, id: &str) {
    if let Ok(v) = hyper::header::HeaderValue::from_str(id) {
        resp.headers_mut().insert("x-request-id", v);
    }
}

// A refusal before any handler (no account known) follows the browser's language.
fn tagalog(req: &hyper::Request<Incoming>) -> bool {
    req.headers()
        .get(hyper::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(crate::error_tl::asks_tagalog)
}

async fn route(app: &App, ip: IpAddr, req: hyper::Request<Incoming>) -> Response {
    match router::resolve(req.method(), req.uri().path()) {
        Resolved::Api(route, params) => {
            let mut request = Request::new(req, ip, app.body_limits.clone());
            request.params = params;
            crate::api::dispatch(app, route, request).await
        }
        Resolved::Static => app.spa.serve(req.uri().path(), req.headers()),
        Resolved::MethodNotAllowed(allow) => {
            Error::MethodNotAllowed { allow }.into_response_in(tagalog(&req))
        }
        Resolved::NotFound => {
            Error::not_found("route_not_found", "There is nothing at this address.")
                .into_response_in(tagalog(&req))
        }
    }
}

//! `GET /ws`: the upgrade (ticket, origin, caps) and one task per socket that reads frames,
//! writes its queue, pings, and cleans up after itself.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::protocol::ServerFrame;
use futures_util::{SinkExt, StreamExt};
use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::{Method, StatusCode};
use hyper_util::rt::TokioIo;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::{CloseFrame, Role, WebSocketConfig};
use tokio_tungstenite::tungstenite::{Error as WsError, Message};

use super::bucket::Bucket;
use super::hub::{Frame, SocketHandle};
use super::protocol::{self, ClientMsg, close, error_frame};
use super::rooms::{Cmd, RoomMsg};
use crate::app::App;
use crate::error::Error;
use crate::http::response::ErrorResponse as _;
use crate::http::response::{Response, empty};
use crate::{log_debug, log_warn};
use rusqlite::OptionalExtension;

/// Largest frame a client may send.
pub const MAX_FRAME: usize = 256 * 1024;
/// How long one write may take before the socket is dropped as dead.
const WRITE_TIMEOUT: Duration = Duration::from_secs(5);
/// Frames written per flush when the queue has several.
const WRITE_BATCH: usize = 32;
/// Largest preview payload.
const MAX_PREVIEW: usize = 16 * 1024;
/// Longest page id a client may name (the server makes them 9 characters).
const MAX_PAGE_ID: usize = 32;
/// Canvases one socket may have open.
const MAX_ROOMS: usize = 4;
/// Refusals within [`ABUSE_WINDOW`] that close a socket for abuse.
const ABUSE_REFUSALS: u32 = 200;
const ABUSE_WINDOW: Duration = Duration::from_secs(10);

/// Small buffers: thousands of idle sockets must fit the memory budget (anchors lesson 18).
fn ws_config() -> WebSocketConfig {
    WebSocketConfig::default()
        .read_buffer_size(4096)
        .write_buffer_size(0)
        .max_write_buffer_size(64 << 20)
        .max_message_size(Some(MAX_FRAME))
        .max_frame_size(Some(MAX_FRAME))
}

fn origin_allowed(app: &App, req: &hyper::Request<Incoming>) -> bool {
    let Some(origin) = req.headers().get(header::ORIGIN) else {
        // Not a browser: the single-use ticket is the whole credential.
        return true;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    if let Some(public) = app.config.public_origin() {
        return origin.eq_ignore_ascii_case(public);
    }
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    origin.eq_ignore_ascii_case(&format!("http://{host}"))
        || origin.eq_ignore_ascii_case(&format!("https://{host}"))
}

fn header_has(req: &hyper::Request<Incoming>, name: header::HeaderName, token: &str) -> bool {
    req.headers().get_all(name).iter().any(|v| {
        v.to_str()
            .is_ok_and(|s| s.split(',').any(|t| t.trim().eq_ignore_ascii_case(token)))
    })
}

/// Answers the upgrade request; the socket itself runs in a task of its own.
pub async fn upgrade(app: Arc<App>, mut req: hyper::Request<Incoming>) -> Response {
    if req.method() != Method::GET {
        return Error::MethodNotAllowed { allow: "GET" }.into_response();
    }
    let key = req.headers().get("sec-websocket-key").cloned();
    let upgrade_ok = header_has(&req, header::UPGRADE, "websocket")
        && header_has(&req, header::CONNECTION, "upgrade")
        && req
            .headers()
            .get("sec-websocket-version")
            .is_some_and(|v| v == "13");
    let Some(key) = key.filter(|_| upgrade_ok) else {
        return Error::bad_request(
            "not_websocket",
            "This address is for WebSocket connections.",
        )
        .into_response();
    };
    if !origin_allowed(&app, &req) {
        return Error::forbidden(
            "bad_origin",
            "WebSocket connections are only taken from this site's own pages.",
        )
        .into_response();
    }
    if app.hub.sockets_open() >= app.config.max_sockets {
        return Error::unavailable(
            "over_capacity",
            "Too many live connections right now. Please try again soon.",
        )
        .into_response();
    }
    let query = req.uri().query().unwrap_or("").to_string();
    let param = |name: &str| {
        query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (k == name).then(|| v.to_string())
        })
    };
    let ticket = param("ticket").unwrap_or_default();
    let version = param("v");
    let on_upgrade = hyper::upgrade::on(&mut req);
    tokio::spawn(async move {
        match on_upgrade.await {
            Ok(upgraded) => {
                let ws = WebSocketStream::from_raw_socket(
                    TokioIo::new(upgraded),
                    Role::Server,
                    Some(ws_config()),
                )
                .await;
                run(app, ws, ticket, version).await;
            }
            Err(e) => log_debug!("websocket upgrade failed: {e}"),
        }
    });
    let mut resp = empty(StatusCode::SWITCHING_PROTOCOLS);
    let h = resp.headers_mut();
    h.insert(header::UPGRADE, HeaderValue::from_static("websocket"));
    h.insert(header::CONNECTION, HeaderValue::from_static("Upgrade"));
    if let Ok(v) = HeaderValue::from_str(&derive_accept_key(key.as_bytes())) {
        h.insert("sec-websocket-accept", v);
    }
    resp
}

type Ws = WebSocketStream<TokioIo<hyper::upgrade::Upgraded>>;

async fn close_with(mut ws: Ws, code: u16, reason: &str) {
    let frame = CloseFrame {
        code: CloseCode::from(code),
        reason: reason.to_string().into(),
    };
    let _ = tokio::time::timeout(WRITE_TIMEOUT, ws.close(Some(frame))).await;
}

fn close_reason(code: u16) -> &'static str {
    match code {
        close::GOING_AWAY => "server restarting",
        close::POLICY => "too many refused frames",
        close::TOO_BIG => "frame too big",
        close::RESYNC => "resync",
        close::TOO_MANY_SOCKETS => "too many tabs open",
        close::SIGNED_OUT => "signed out",
        close::KICKED => "removed by the host",
        close::PROTOCOL => "unsupported protocol version",
        close::BAD_TICKET => "bad or expired ticket",
        _ => "",
    }
}

async fn run(app: Arc<App>, ws: Ws, ticket: String, version: Option<String>) {
    if version.is_some_and(|v| v != protocol::VERSION.to_string()) {
        return close_with(ws, close::PROTOCOL, close_reason(close::PROTOCOL)).await;
    }
    let Some(holder) = app.hub.tickets.redeem(&ticket) else {
        return close_with(ws, close::BAD_TICKET, close_reason(close::BAD_TICKET)).await;
    };
    let user = holder.user;
    let reg = match app.hub.register(user, holder.auth_session) {
        Ok(r) => r,
        Err(_) => {
            return close_with(
                ws,
                close::TOO_MANY_SOCKETS,
                close_reason(close::TOO_MANY_SOCKETS),
            )
            .await;
        }
    };
    let handle = Arc::clone(&reg.handle);
    let mut socket = Socket {
        app: Arc::clone(&app),
        handle: Arc::clone(&handle),
        rooms: Vec::new(),
        // Room for the op limit plus cursors, previews and the rest.
        frames: Bucket::new(
            (f64::from(app.config.ws_ops_per_sec) * 2.0).max(200.0),
            (f64::from(app.config.ws_ops_per_sec) * 4.0).max(400.0),
        ),
        typing: Bucket::new(5.0, 5.0),
        views: Bucket::new(5.0, 10.0),
        refusals: (Instant::now(), 0),
    };
    let code = socket.serve(ws, reg.rx, reg.came_online).await;
    log_debug!("socket {} of user {user} closed ({code})", handle.id);
    for room in std::mem::take(&mut socket.rooms) {
        let cmd = Cmd::Leave {
            sock: Arc::clone(&handle),
            id: None,
            gone: true,
        };
        app.rooms.send_live(room, cmd).await;
    }
    if let Some(generation) = app.hub.unregister(&handle) {
        super::presence::schedule_offline(&app, user, generation);
    }
}

struct Socket {
    app: Arc<App>,
    handle: Arc<SocketHandle>,
    rooms: Vec<i64>,
    frames: Bucket,
    typing: Bucket,
    views: Bucket,
    /// (window start, refusals in it).
    refusals: (Instant, u32),
}

impl Socket {
    fn reply(&self, text: String) {
        self.handle.send(&Frame::from(text));
    }

    /// Runs until the socket ends; returns the close code used.
    async fn serve(
        &mut self,
        ws: Ws,
        mut rx: tokio::sync::mpsc::Receiver<Frame>,
        came_online: bool,
    ) -> u16 {
        let (mut sink, mut stream) = ws.split();
        let hello = super::presence::hello(&self.app, self.handle.user, came_online).await;
        if tokio::time::timeout(WRITE_TIMEOUT, sink.send(Message::text(hello)))
            .await
            .map_or(true, |r| r.is_err())
        {
            return 1006;
        }
        let ping_every = Duration::from_secs(self.app.config.ws_ping_secs);
        let mut ping =
            tokio::time::interval_at(tokio::time::Instant::now() + ping_every, ping_every);
        let mut heard = Instant::now();
        let code = loop {
            tokio::select! {
                biased;
                code = self.handle.killed() => break code,
                out = rx.recv() => {
                    let Some(first) = out else { break 1011 };
                    if !write_batch(&mut sink, &mut rx, first).await {
                        break 1006;
                    }
                }
                msg = stream.next() => match msg {
                    Some(Ok(Message::Text(text))) => {
                        heard = Instant::now();
                        self.on_text(text.as_str()).await;
                    }
                    Some(Ok(Message::Binary(_))) => {
                        heard = Instant::now();
                        self.reply(error_frame("bad_frame", "Send text (JSON) frames.", None));
                    }
                    Some(Ok(Message::Close(_))) | None => break 1000,
                    Some(Ok(_)) => heard = Instant::now(),
                    Some(Err(WsError::Capacity(_))) => break close::TOO_BIG,
                    Some(Err(e)) => {
                        log_debug!("socket {} read error: {e}", self.handle.id);
                        break 1006;
                    }
                },
                _ = ping.tick() => {
                    if heard.elapsed() > ping_every * 2 + Duration::from_secs(5) {
                        break 1006;
                    }
                    let sent = tokio::time::timeout(WRITE_TIMEOUT, sink.send(Message::Ping(Default::default()))).await;
                    if sent.map_or(true, |r| r.is_err()) {
                        break 1006;
                    }
                }
            }
        };
        if code != 1006 && code != 1000 {
            let frame = CloseFrame {
                code: CloseCode::from(code),
                reason: close_reason(code).into(),
            };
            let _ =
                tokio::time::timeout(WRITE_TIMEOUT, sink.send(Message::Close(Some(frame)))).await;
        }
        if code == 1000 {
            // Answer the client's close.
            let _ = tokio::time::timeout(WRITE_TIMEOUT, sink.close()).await;
        }
        code
    }

    async fn on_text(&mut self, text: &str) {
        if !self.frames.take() {
            return self.refuse("rate_limited", "Slow down a little!", None);
        }
        let frame = match protocol::decode(text) {
            Ok(f) => f,
            Err(e) => return self.refuse(e.code, &e.message, e.id),
        };
        let id = frame.id;
        let sock = Arc::clone(&self.handle);
        let frame_cmd = |msg: RoomMsg, id: Option<String>| Cmd::Frame {
            sock: Arc::clone(&sock),
            id,
            msg,
        };
        let (session, msg, durable) = match frame.msg {
            ClientMsg::Ping => {
                return self.reply(ServerFrame::Pong { id: id.as_deref() }.text());
            }
            ClientMsg::Typing { to } => return self.typing(to, id).await,
            ClientMsg::Join {
                session_id,
                since_seq,
            } => return self.join(session_id, since_seq, id).await,
            ClientMsg::Leave { session_id } => {
                if !self.rooms.contains(&session_id) {
                    return self.refuse("not_joined", "That canvas is not open here.", id);
                }
                self.rooms.retain(|r| *r != session_id);
                let cmd = Cmd::Leave {
                    sock: Arc::clone(&self.handle),
                    id,
                    gone: false,
                };
                self.app.rooms.send_live(session_id, cmd).await;
                return;
            }
            ClientMsg::Op {
                session_id,
                client_op_id,
                op,
            } => {
                let raw = op.get().to_string();
                (session_id, RoomMsg::Op { client_op_id, raw }, true)
            }
            ClientMsg::Preview {
                session_id,
                page_id,
                data,
            } => {
                if data.get().len() > MAX_PREVIEW {
                    return self.refuse(
                        "bad_frame",
                        "A preview holds at most 16 KiB; send the finished stroke as an op.",
                        id,
                    );
                }
                let data = data.get().to_string();
                (session_id, RoomMsg::Preview { page_id, data }, false)
            }
            ClientMsg::Cursor {
                session_id,
                page_id,
                x,
                y,
            } => {
                // The room keeps only the latest position per member, so the frame bucket is
                // the only intake limit.
                (session_id, RoomMsg::Cursor { page_id, x, y }, false)
            }
            ClientMsg::View {
                session_id,
                page_id,
            } => {
                if !self.views.take() {
                    return self.refuse("rate_limited", "Slow down a little!", id);
                }
                (session_id, RoomMsg::View { page_id }, false)
            }
            ClientMsg::Chat { session_id, text } => (session_id, RoomMsg::Chat { text }, true),
            ClientMsg::VoteStart { session_id } => (session_id, RoomMsg::VoteStart, true),
            ClientMsg::Vote { session_id, yes } => (session_id, RoomMsg::Vote { yes }, true),
        };
        if let RoomMsg::Preview { page_id, .. }
        | RoomMsg::Cursor { page_id, .. }
        | RoomMsg::View { page_id } = &msg
            && (page_id.is_empty() || page_id.len() > MAX_PAGE_ID)
        {
            return self.refuse("bad_frame", "That is not a page id.", id);
        }
        if !self.rooms.contains(&session) {
            return self.refuse(
                "not_joined",
                "Open the shared canvas first (collab.join).",
                id,
            );
        }
        let rooms = &self.app.rooms;
        if durable {
            let answer = id.clone();
            if !rooms.send_live(session, frame_cmd(msg, id)).await {
                self.rooms.retain(|r| *r != session);
                self.refuse("not_joined", "Open the shared canvas again.", answer);
            }
        } else {
            // Previews, cursors and views may be dropped when the room is busy.
            rooms.try_send_live(session, frame_cmd(msg, id));
        }
    }

    /// Checks membership before a room is loaded for this socket, then joins it.
    async fn join(&mut self, session: i64, since: Option<u64>, id: Option<String>) {
        let user = self.handle.user;
        let seat = self
            .app
            .db
            .read(move |c| {
                let kicked: Option<bool> = c
                    .query_row(
                        "SELECT kicked_at IS NOT NULL FROM collab_members WHERE session_id = ?1 AND user_id = ?2",
                        rusqlite::params![session, user],
                        |r| r.get(0),
                    )
                    .optional()?;
                Ok(kicked)
            })
            .await;
        match seat {
            Ok(Some(false)) => {}
            Ok(Some(true)) => {
                return self.refuse("kicked", "The host removed you from this session.", id);
            }
            Ok(None) => {
                return self.refuse(
                    "not_member",
                    "You are not in this drawing session. Ask for its code.",
                    id,
                );
            }
            Err(e) => {
                log_warn!("join check failed: {e}");
                return self.refuse("unavailable", "Please try again.", id);
            }
        }
        if !self.rooms.contains(&session) {
            if self.rooms.len() >= MAX_ROOMS {
                return self.refuse("too_many_rooms", "Close another drawing first.", id);
            }
            self.rooms.push(session);
        }
        let cmd = Cmd::Join {
            sock: Arc::clone(&self.handle),
            since,
            id,
        };
        let app = Arc::clone(&self.app);
        app.rooms.send(session, cmd).await;
    }

    /// An error frame; a socket refused too often in a short time is closed (1008).
    fn refuse(&mut self, code: &str, message: &str, id: Option<String>) {
        self.reply(error_frame(code, message, id.as_deref()));
        let now = Instant::now();
        if now.duration_since(self.refusals.0) > ABUSE_WINDOW {
            self.refusals = (now, 0);
        }
        self.refusals.1 += 1;
        if self.refusals.1 >= ABUSE_REFUSALS {
            self.handle.kill(close::POLICY);
        }
    }

    async fn typing(&mut self, to: i64, id: Option<String>) {
        if !self.typing.take() {
            return self.reply(error_frame(
                "rate_limited",
                "Slow down a little!",
                id.as_deref(),
            ));
        }
        let me = self.handle.user;
        let friends = self
            .app
            .db
            .read(move |c| {
                use crate::store::reach::{Reach, Way, decide};
                // Typing is a message on its way: the same policy as the message itself.
                Ok(decide(c, me, to, Way::Message)? == Reach::Allowed)
            })
            .await;
        match friends {
            Ok(true) => {
                let f: Frame = Frame::from(ServerFrame::MessageTyping { from: me }.text());
                self.app.hub.to_user(to, &f);
            }
            Ok(false) => self.reply(error_frame(
                "not_friends",
                "You can only chat with your friends.",
                id.as_deref(),
            )),
            Err(e) => {
                log_warn!("typing check failed: {e}");
                self.reply(error_frame(
                    "unavailable",
                    "Please try again.",
                    id.as_deref(),
                ));
            }
        }
    }
}

/// Writes `first` and whatever else is queued, then flushes once.
async fn write_batch<S>(
    sink: &mut S,
    rx: &mut tokio::sync::mpsc::Receiver<Frame>,
    first: Frame,
) -> bool
where
    S: futures_util::Sink<Message, Error = WsError> + Unpin,
{
    let work = async {
        sink.feed(Message::Text(first)).await?;
        for _ in 1..WRITE_BATCH {
            match rx.try_recv() {
                Ok(f) => sink.feed(Message::Text(f)).await?,
                Err(_) => break,
            }
        }
        sink.flush().await
    };
    matches!(tokio::time::timeout(WRITE_TIMEOUT, work).await, Ok(Ok(())))
}

//! A small WebSocket test client over tokio-tungstenite: ticket, connect, typed frame waits.

use std::net::SocketAddr;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use super::{Call, TestServer};

/// How long a wait for a frame lasts before the test fails.
pub const WAIT: Duration = Duration::from_secs(5);

/// One open socket.
pub struct Ws {
    stream: WebSocketStream<MaybeTlsStream<TcpStream>>,
    /// Frames read while waiting for another type, kept in order for later waits.
    pending: Vec<Value>,
    /// The `hello` frame the server sent first.
    pub hello: Value,
}

/// Gets a single-use ticket for `token`.
pub async fn ticket(addr: SocketAddr, token: &str) -> String {
    let r = Call::new(addr, "POST", "/api/realtime/ticket")
        .bearer(token)
        .send()
        .await;
    assert_eq!(r.status, 200, "ticket: {}", r.text());
    r.json()["ticket"].as_str().expect("ticket").to_string()
}

/// Opens `/ws?{query}` and returns the raw stream (no hello read).
pub async fn open_raw(
    addr: SocketAddr,
    query: &str,
) -> Result<WebSocketStream<MaybeTlsStream<TcpStream>>, tokio_tungstenite::tungstenite::Error> {
    let url = format!("ws://{addr}/ws?{query}");
    tokio_tungstenite::connect_async(url).await.map(|(s, _)| s)
}

impl Ws {
    /// Gets a ticket for `token`, connects and reads the `hello` frame.
    pub async fn connect(server: &TestServer, token: &str) -> Ws {
        Ws::connect_addr(server.addr, token).await
    }

    /// Same as [`Ws::connect`] from an address.
    pub async fn connect_addr(addr: SocketAddr, token: &str) -> Ws {
        let t = ticket(addr, token).await;
        let stream = open_raw(addr, &format!("ticket={t}"))
            .await
            .expect("connect");
        let mut ws = Ws {
            stream,
            pending: Vec::new(),
            hello: Value::Null,
        };
        ws.hello = ws.next_of("hello").await;
        ws
    }

    /// Wraps a stream opened with [`open_raw`] without reading anything.
    pub fn from_raw(stream: WebSocketStream<MaybeTlsStream<TcpStream>>) -> Ws {
        Ws {
            stream,
            pending: Vec::new(),
            hello: Value::Null,
        }
    }

    /// Sends a JSON frame.
    pub async fn send(&mut self, v: Value) {
        self.stream
            .send(Message::text(v.to_string()))
            .await
            .expect("send");
    }

    /// Sends raw text (for malformed frames).
    pub async fn send_text(&mut self, text: &str) {
        self.stream
            .send(Message::text(text.to_string()))
            .await
            .expect("send");
    }

    /// Reads the next JSON frame from the wire, skipping control frames. None when closed.
    async fn read(&mut self, wait: Duration) -> Option<Value> {
        loop {
            match tokio::time::timeout(wait, self.stream.next()).await {
                Err(_) => return None,
                Ok(None) | Ok(Some(Err(_))) => return None,
                Ok(Some(Ok(Message::Text(t)))) => {
                    return Some(serde_json::from_str(t.as_str()).expect("server sent JSON"));
                }
                Ok(Some(Ok(Message::Close(_)))) => return None,
                Ok(Some(Ok(_))) => continue,
            }
        }
    }

    /// The next frame of any type (pending ones first).
    pub async fn next(&mut self) -> Value {
        if !self.pending.is_empty() {
            return self.pending.remove(0);
        }
        self.read(WAIT).await.expect("a frame before the timeout")
    }

    /// The next frame of type `kind`; frames of other types are kept for later.
    pub async fn next_of(&mut self, kind: &str) -> Value {
        if let Some(i) = self.pending.iter().position(|f| f["type"] == kind) {
            return self.pending.remove(i);
        }
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match self.read(left).await {
                Some(f) if f["type"] == kind => return f,
                Some(f) => self.pending.push(f),
                None => panic!("no {kind} frame; got {:?}", self.pending),
            }
        }
    }

    /// Asserts that no frame of type `kind` arrives within `wait` (others are kept).
    pub async fn none_of(&mut self, kind: &str, wait: Duration) {
        assert!(
            !self.pending.iter().any(|f| f["type"] == kind),
            "unexpected {kind}: {:?}",
            self.pending
        );
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            if left.is_zero() {
                return;
            }
            match self.read(left).await {
                Some(f) if f["type"] == kind => panic!("unexpected {kind}: {f}"),
                Some(f) => self.pending.push(f),
                None => return,
            }
        }
    }

    /// Sends a frame with an `id` and returns the reply that echoes it (or an error with it).
    pub async fn request(&mut self, mut v: Value, id: &str) -> Value {
        v["id"] = json!(id);
        self.send(v).await;
        if let Some(i) = self.pending.iter().position(|f| f["id"] == id) {
            return self.pending.remove(i);
        }
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match self.read(left).await {
                Some(f) if f["id"] == id => return f,
                Some(f) => self.pending.push(f),
                None => panic!("no reply with id {id}; got {:?}", self.pending),
            }
        }
    }

    /// Waits for the server to close the socket; returns the close code and reason.
    pub async fn closed(&mut self) -> (u16, String) {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match tokio::time::timeout(left, self.stream.next()).await {
                Err(_) => panic!("socket still open; pending {:?}", self.pending),
                Ok(None) | Ok(Some(Err(_))) => return (1006, String::new()),
                Ok(Some(Ok(Message::Close(frame)))) => {
                    return frame.map_or((1005, String::new()), |f| {
                        (u16::from(f.code), f.reason.to_string())
                    });
                }
                Ok(Some(Ok(Message::Text(t)))) => {
                    self.pending
                        .push(serde_json::from_str(t.as_str()).expect("JSON"));
                }
                Ok(Some(Ok(_))) => continue,
            }
        }
    }

    /// Closes from the client side.
    pub async fn close(mut self) {
        let _ = self
            .stream
            .close(Some(tokio_tungstenite::tungstenite::protocol::CloseFrame {
                code: CloseCode::Normal,
                reason: "bye".into(),
            }))
            .await;
        // Drain until the server answers the close.
        let _ = tokio::time::timeout(Duration::from_secs(2), async {
            while let Some(Ok(_)) = self.stream.next().await {}
        })
        .await;
    }

    /// Access to the raw stream (for oversized frames and pings).
    pub fn raw(&mut self) -> &mut WebSocketStream<MaybeTlsStream<TcpStream>> {
        &mut self.stream
    }
}

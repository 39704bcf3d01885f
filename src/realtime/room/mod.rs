//! One live drawing session in memory: members, their sockets, the shared document, the op
//! log tail for exact replay, cursors, chat and the save vote. Only its actor task touches it.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use self::cmd::{Cmd, RoomMsg};
use super::batcher::Batcher;
use super::batcher::PersistOp;
use super::bucket::Bucket;
use super::hub::{Frame, SocketHandle};
use super::protocol::{ServerFrame, close, error_frame};
use crate::db::Db;
use crate::domain::collab::{self, Doc, Op};
use crate::log_warn;
use crate::store::collab::{self as store, MemberRow};
use crate::store::profanity::Profanity;

pub mod cmd;
mod frames;
mod vote;

/// Ops kept in memory for exact `since_seq` replay; older clients get a snapshot.
const RING: usize = 2048;
/// ...and at most this many bytes of them.
const RING_BYTES: usize = 4 << 20;
/// Refusals within this window count towards closing a socket.
const ABUSE_WINDOW: Duration = Duration::from_secs(10);
/// Chat lines a late joiner sees.
const CHAT_KEEP: usize = 30;
/// Longest chat line.
const CHAT_MAX: usize = 300;
/// Refusals in a row after which a socket is closed for abuse.
const ABUSE: u32 = 200;

/// A socket with the canvas open.
struct Sub {
    sock: Arc<SocketHandle>,
    page: Option<String>,
    ops: Bucket,
    previews: Bucket,
    chat: Bucket,
    /// (window start, refusals in it).
    refusals: (Instant, u32),
}

struct Vote {
    id: u64,
    by: i64,
    voters: Vec<i64>,
    yes: Vec<i64>,
    no: Vec<i64>,
    deadline: tokio::time::Instant,
}

/// What a room needs from the server, shared by every room.
pub struct Deps {
    /// The database.
    pub db: Arc<Db>,
    /// Where acknowledged ops go to be written.
    pub batcher: Arc<Batcher>,
    /// The word filter for titles, page text and chat.
    pub profanity: Arc<Profanity>,
    /// Durable ops per second per member (the burst is twice that).
    pub ops_per_sec: u32,
    /// How long a save vote stays open.
    pub vote_timeout_secs: u64,
}

/// The room state.
pub struct Room {
    app: Arc<Deps>,
    id: i64,
    host: i64,
    default_title: String,
    state: String,
    lobby_open: bool,
    expires_at: i64,
    story_id: Option<i64>,
    doc: Doc,
    seq: u64,
    members: HashMap<i64, MemberRow>,
    subs: Vec<Sub>,
    ring: VecDeque<(u64, String)>,
    ring_bytes: usize,
    chat: VecDeque<Value>,
    vote: Option<Vote>,
    votes_held: u64,
    cursors: HashMap<i64, Frame>,
}

fn frame(f: &ServerFrame<'_>) -> Frame {
    Frame::from(f.text())
}

fn is_live(state: &str) -> bool {
    matches!(state, "lobby" | "drawing" | "voting")
}

impl Room {
    /// Loads a session and replays its op log.
    pub async fn load(app: Arc<Deps>, id: i64) -> Result<Room, String> {
        // The replay runs on the blocking pool with the read, not on an async worker.
        let (row, doc, ring, ring_bytes, seq) = app
            .db
            .read(move |c| {
                let row = store::load_room(c, id)?.ok_or_else(|| {
                    crate::error::Error::internal(format!("session {id} does not exist"))
                })?;
                let mut doc = Doc {
                    title: row.title.clone(),
                    pages: Vec::new(),
                };
                let mut ring = VecDeque::new();
                let (mut ring_bytes, mut seq) = (0, 0);
                for o in &row.ops {
                    match serde_json::from_str::<Op>(&o.op) {
                        Ok(mut op) => doc.apply(o.seq, o.user, &mut op),
                        Err(e) => log_warn!("session {id} op {} unreadable, skipped: {e}", o.seq),
                    }
                    seq = o.seq;
                    let e = entry(o.seq, o.user, o.client_op_id.as_deref(), &o.op);
                    ring_bytes += e.len();
                    ring.push_back((o.seq, e));
                    while ring.len() > RING || ring_bytes > RING_BYTES {
                        if let Some((_, old)) = ring.pop_front() {
                            ring_bytes -= old.len();
                        }
                    }
                }
                Ok((row, doc, ring, ring_bytes, seq))
            })
            .await
            .map_err(|e| e.to_string())?;
        // A vote lives in memory only: one open when the room last stopped is gone.
        let state = if row.state == "voting" {
            let _ = app
                .db
                .write(move |tx| Ok(store::set_live_state(tx, id, "drawing")?))
                .await;
            "drawing".to_string()
        } else {
            row.state
        };
        Ok(Room {
            app,
            id,
            host: row.host_id,
            default_title: row.title,
            state,
            lobby_open: row.lobby_open,
            expires_at: row.expires_at,
            story_id: row.story_id,
            doc,
            seq,
            members: row.members.into_iter().map(|m| (m.user_id, m)).collect(),
            subs: Vec::new(),
            ring,
            ring_bytes,
            chat: VecDeque::new(),
            vote: None,
            votes_held: 0,
            cursors: HashMap::new(),
        })
    }

    /// Answers commands for a session that does not exist.
    pub fn refuse_missing(id: i64, cmd: Cmd) {
        if let Cmd::Join { sock, id: rid, .. } | Cmd::Frame { sock, id: rid, .. } = cmd {
            let _ = id;
            sock.send(&Frame::from(error_frame(
                "session_not_found",
                "There is no such drawing session.",
                rid.as_deref(),
            )));
        }
    }

    /// No socket has the canvas open.
    pub fn is_empty(&self) -> bool {
        self.subs.is_empty()
    }

    /// When the open vote ends.
    pub fn vote_deadline(&self) -> Option<tokio::time::Instant> {
        self.vote.as_ref().map(|v| v.deadline)
    }

    /// Cursor positions wait to be sent.
    pub fn has_pending_cursors(&self) -> bool {
        !self.cursors.is_empty()
    }

    fn error(&mut self, sock: &SocketHandle, code: &str, message: &str, id: &Option<String>) {
        self.refuse_with(sock, Frame::from(error_frame(code, message, id.as_deref())));
    }

    /// Sends a refusal and counts it: a socket that keeps sending refused frames is closed.
    fn refuse_with(&mut self, sock: &SocketHandle, frame: Frame) {
        sock.send(&frame);
        if let Some(sub) = self.subs.iter_mut().find(|s| s.sock.id == sock.id) {
            let now = Instant::now();
            if now.duration_since(sub.refusals.0) > ABUSE_WINDOW {
                sub.refusals = (now, 0);
            }
            sub.refusals.1 += 1;
            if sub.refusals.1 >= ABUSE {
                sock.kill(close::POLICY);
            }
        }
    }

    fn to_all(&self, f: &Frame) {
        for s in &self.subs {
            s.sock.send(f);
        }
    }

    fn to_others(&self, f: &Frame, except_sock: u64) {
        for s in self.subs.iter().filter(|s| s.sock.id != except_sock) {
            s.sock.send(f);
        }
    }

    fn user_has_sub(&self, user: i64) -> bool {
        self.subs.iter().any(|s| s.sock.user == user)
    }

    fn members_json(&self) -> Value {
        let mut list: Vec<&MemberRow> = self.members.values().filter(|m| !m.kicked).collect();
        list.sort_by_key(|m| (m.user_id != self.host, m.joined_at, m.user_id));
        Value::Array(
            list.into_iter()
                .map(|m| {
                    let page = self
                        .subs
                        .iter()
                        .find(|s| s.sock.user == m.user_id && s.page.is_some())
                        .and_then(|s| s.page.clone());
                    json!({
                        "user_id": m.user_id, "username": m.username,
                        "display_name": m.display_name, "color": m.color,
                        "host": m.user_id == self.host, "online": self.user_has_sub(m.user_id),
                        "page_id": page,
                    })
                })
                .collect(),
        )
    }

    fn vote_json(&self) -> Value {
        self.vote.as_ref().map_or(Value::Null, |v| {
            json!({
                "vote_id": v.id, "by": v.by, "voters": v.voters, "yes": v.yes.len(),
                "no": v.no.len(),
                "deadline_ms": v.deadline.saturating_duration_since(tokio::time::Instant::now()).as_millis() as u64,
            })
        })
    }

    fn state_frame(&self, id: &Option<String>) -> Frame {
        let doc = self.doc.to_json();
        frame(&ServerFrame::CollabState {
            session_id: self.id,
            state: &self.state,
            lobby_open: self.lobby_open,
            host_id: self.host,
            title: &doc["title"],
            pages: &doc["pages"],
            seq: self.seq,
            members: self.members_json(),
            chat: &self.chat,
            vote: self.vote_json(),
            story_id: self.story_id,
            id: id.as_deref(),
        })
    }

    /// Ends the session if its time ran out; true when it is (now) over.
    async fn closed(&mut self) -> bool {
        if is_live(&self.state) && crate::time::now() > self.expires_at {
            self.state = "ended".into();
            self.vote = None;
            let (id, now) = (self.id, crate::time::now());
            let ended = self
                .app
                .db
                .write(move |tx| Ok(store::end(tx, id, "expired", now)?))
                .await;
            if let Err(e) = ended {
                crate::log_warn!("ending expired session {id}: {e}");
            }
        }
        !is_live(&self.state)
    }

    /// Handles one command.
    pub async fn handle(&mut self, cmd: Cmd) {
        match cmd {
            Cmd::Join { sock, since, id } => self.join(sock, since, id).await,
            Cmd::Leave { sock, id, gone } => self.leave(&sock, id, gone),
            Cmd::Refresh { kicked } => self.refresh(kicked).await,
            Cmd::Frame { sock, id, msg } => {
                if !self.subs.iter().any(|s| s.sock.id == sock.id) {
                    let (code, text) = match self.members.get(&sock.user) {
                        Some(m) if !m.kicked => {
                            ("not_joined", "Open the shared canvas first (collab.join).")
                        }
                        Some(_) => ("kicked", "The host removed you from this session."),
                        None => ("not_member", "You are not in this drawing session."),
                    };
                    sock.send(&Frame::from(error_frame(code, text, id.as_deref())));
                    return;
                }
                match msg {
                    RoomMsg::Op { client_op_id, raw } => {
                        self.op(&sock, id, client_op_id, &raw).await
                    }
                    RoomMsg::Preview { page_id, data } => self.preview(&sock, &page_id, &data),
                    RoomMsg::Cursor { page_id, x, y } => self.cursor(&sock, &page_id, x, y),
                    RoomMsg::View { page_id } => self.view(&sock, page_id, id),
                    RoomMsg::Chat { text } => self.chat(&sock, id, text).await,
                    RoomMsg::VoteStart => self.vote_start(&sock, id).await,
                    RoomMsg::Vote { yes } => self.vote(&sock, id, yes).await,
                }
            }
        }
    }

    async fn join(&mut self, sock: Arc<SocketHandle>, since: Option<u64>, id: Option<String>) {
        let user = sock.user;
        if !self.members.contains_key(&user) {
            // Joined over REST since the room loaded.
            self.reload_members().await;
        }
        match self.members.get(&user) {
            None => {
                sock.send(&Frame::from(error_frame(
                    "not_member",
                    "You are not in this drawing session. Ask for its code.",
                    id.as_deref(),
                )));
                return;
            }
            Some(m) if m.kicked => {
                sock.send(&Frame::from(error_frame(
                    "kicked",
                    "The host removed you from this session.",
                    id.as_deref(),
                )));
                return;
            }
            Some(_) => {}
        }
        if self.closed().await && self.state != "published" {
            sock.send(&Frame::from(error_frame(
                "session_closed",
                "This drawing session is over.",
                id.as_deref(),
            )));
            return;
        }
        let first = !self.user_has_sub(user);
        if !self.subs.iter().any(|s| s.sock.id == sock.id) {
            self.subs.push(Sub {
                sock: Arc::clone(&sock),
                page: None,
                ops: Bucket::new(
                    f64::from(self.app.ops_per_sec),
                    f64::from(self.app.ops_per_sec) * 2.0,
                ),
                previews: Bucket::new(40.0, 40.0),
                chat: Bucket::new(0.5, 5.0),
                refusals: (Instant::now(), 0),
            });
        }
        // Subscribed first, then the catch-up: nothing can fall between the two.
        let reply = match since {
            Some(s) if s == self.seq => Some(self.replay_frame(Vec::new(), &id)),
            Some(s) if s < self.seq && self.ring.front().is_some_and(|(f, _)| *f <= s + 1) => {
                let ops: Vec<&str> = self
                    .ring
                    .iter()
                    .filter(|(q, _)| *q > s)
                    .map(|(_, e)| e.as_str())
                    .collect();
                Some(self.replay_frame(ops, &id))
            }
            _ => None,
        };
        sock.send(&reply.unwrap_or_else(|| self.state_frame(&id)));
        if first {
            let m = &self.members[&user];
            let f = frame(&ServerFrame::CollabMemberJoined {
                session_id: self.id,
                user_id: user,
                display_name: &m.display_name,
                color: &m.color,
            });
            self.to_others(&f, sock.id);
            if !m.took_part {
                let (app, sid) = (Arc::clone(&self.app), self.id);
                if let Some(m) = self.members.get_mut(&user) {
                    m.took_part = true;
                }
                tokio::spawn(async move {
                    let _ = app
                        .db
                        .write(move |tx| Ok(store::mark_took_part(tx, sid, user)?))
                        .await;
                });
            }
        }
    }

    fn replay_frame(&self, ops: Vec<&str>, id: &Option<String>) -> Frame {
        let members = self.members_json().to_string();
        let mut text = format!(
            r#"{{"type":"collab.replay","session_id":{},"seq":{},"state":{},"members":{members},"ops":[{}]"#,
            self.id,
            self.seq,
            Value::String(self.state.clone()),
            ops.join(",")
        );
        if let Some(id) = id {
            text.push_str(&format!(r#","id":{}"#, Value::String(id.clone())));
        }
        text.push('}');
        Frame::from(text)
    }

    fn leave(&mut self, sock: &SocketHandle, id: Option<String>, gone: bool) {
        let before = self.subs.len();
        self.subs.retain(|s| s.sock.id != sock.id);
        if !gone {
            sock.send(&frame(&ServerFrame::CollabLeft {
                session_id: self.id,
                id: id.as_deref(),
            }));
        }
        if self.subs.len() < before && !self.user_has_sub(sock.user) {
            self.cursors.remove(&sock.user);
            self.to_all(&frame(&ServerFrame::CollabMemberLeft {
                session_id: self.id,
                user_id: sock.user,
            }));
        }
    }

    async fn reload_members(&mut self) {
        let id = self.id;
        match self.app.db.read(move |c| Ok(store::members(c, id)?)).await {
            Ok(list) => {
                // A took_part write may still be on its way: never lose one seen here.
                let mut fresh: HashMap<i64, MemberRow> =
                    list.into_iter().map(|m| (m.user_id, m)).collect();
                for (u, m) in fresh.iter_mut() {
                    m.took_part |= self.members.get(u).is_some_and(|old| old.took_part);
                }
                self.members = fresh;
            }
            Err(e) => log_warn!("room {id}: members reload failed: {e}"),
        }
    }

    async fn refresh(&mut self, kicked: Option<i64>) {
        let id = self.id;
        if let Ok(Some(s)) = self
            .app
            .db
            .read(move |c| Ok(store::session_row(c, id)?))
            .await
        {
            if self.state != s.state && !is_live(&s.state) {
                self.vote = None;
            }
            self.state = s.state;
            self.lobby_open = s.lobby_open;
            self.expires_at = s.expires_at;
            self.story_id = s.story_id;
        }
        self.reload_members().await;
        if let Some(user) = kicked {
            for s in self.subs.iter().filter(|s| s.sock.user == user) {
                s.sock.kill(close::KICKED);
            }
            let before = self.subs.len();
            self.subs.retain(|s| s.sock.user != user);
            self.cursors.remove(&user);
            if let Some(v) = self.vote.as_mut() {
                v.voters.retain(|u| *u != user);
                v.yes.retain(|u| *u != user);
                v.no.retain(|u| *u != user);
            }
            if self.subs.len() < before {
                self.to_all(&frame(&ServerFrame::CollabMemberLeft {
                    session_id: self.id,
                    user_id: user,
                }));
            }
            self.settle_vote().await;
        }
    }

    fn sub_mut(&mut self, sock: u64) -> Option<&mut Sub> {
        self.subs.iter_mut().find(|s| s.sock.id == sock)
    }
}

/// The stored/replayed form of an op: `{"seq","user_id","client_op_id","op"}`.
fn entry(seq: u64, user: i64, client_op_id: Option<&str>, op: &str) -> String {
    format!(
        r#"{{"seq":{seq},"user_id":{user},"client_op_id":{},"op":{op}}}"#,
        client_op_id.map_or("null".to_string(), |c| Value::String(c.to_string())
            .to_string())
    )
}

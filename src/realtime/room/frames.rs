//! What members send into a live room: durable ops (sequenced, acknowledged, broadcast and
//! queued for the batcher), unfinished strokes, cursors, the page each looks at, and chat.

use super::*;

impl Room {
    pub(super) async fn op(
        &mut self,
        sock: &SocketHandle,
        id: Option<String>,
        client_op_id: Option<String>,
        raw: &str,
    ) {
        if self.closed().await {
            return self.error(sock, "session_closed", "This drawing session is over.", &id);
        }
        if self.state == "lobby" {
            return self.error(
                sock,
                "not_started",
                "The host has not started drawing yet.",
                &id,
            );
        }
        if !self.sub_mut(sock.id).is_some_and(|s| s.ops.take()) {
            return self.error(sock, "rate_limited", "Slow down a little!", &id);
        }
        if client_op_id
            .as_ref()
            .is_some_and(|c| c.chars().count() > 64)
        {
            return self.error(
                sock,
                "invalid_op",
                "client_op_id has at most 64 characters.",
                &id,
            );
        }
        let mut op = match collab::parse(raw) {
            Ok(op) => op,
            Err(e) => return self.error(sock, e.code, &e.message, &id),
        };
        let me = sock.user;
        let viewed = |page: &str| {
            self.subs
                .iter()
                .any(|s| s.sock.user != me && s.page.as_deref() == Some(page))
        };
        if let Err(e) = self.doc.check(me, &op, viewed) {
            return self.error(sock, e.code, &e.message, &id);
        }
        if let Some(text) = Doc::text_of(&op)
            && let Err(e) = self.app.profanity.guard("text", text)
        {
            return self.refuse_text(sock, e, &id);
        }
        if let Op::PageAdd { page_id, .. } = &mut op {
            *page_id = Some(format!("p{}", crate::domain::encoding::random_token::<6>()));
        }
        self.seq += 1;
        let seq = self.seq;
        self.doc.apply(seq, me, &mut op);
        let op_json = serde_json::to_string(&op).unwrap_or_else(|_| "null".into());
        let cid = client_op_id.as_deref();
        let e = entry(seq, me, cid, &op_json);
        let broadcast: Frame = Frame::from(format!(
            r#"{{"type":"collab.op","session_id":{},{}"#,
            self.id,
            &e[1..]
        ));
        self.ring_bytes += e.len();
        self.ring.push_back((seq, e));
        while self.ring.len() > RING || self.ring_bytes > RING_BYTES {
            if let Some((_, old)) = self.ring.pop_front() {
                self.ring_bytes -= old.len();
            }
        }
        sock.send(&frame(&ServerFrame::CollabAck {
            session_id: self.id,
            client_op_id: cid,
            seq,
            id: id.as_deref(),
        }));
        if op.echo_to_sender() {
            self.to_all(&broadcast);
        } else {
            self.to_others(&broadcast, sock.id);
        }
        self.app
            .batcher
            .push(PersistOp {
                session: self.id,
                seq,
                user: me,
                client_op_id,
                op: op_json,
                at: crate::time::now(),
            })
            .await;
    }

    pub(super) fn preview(&mut self, sock: &SocketHandle, page_id: &str, data: &str) {
        if !is_live(&self.state) {
            return;
        }
        if !self.sub_mut(sock.id).is_some_and(|s| s.previews.take()) {
            return self.error(sock, "rate_limited", "Slow down a little!", &None);
        }
        let f: Frame = Frame::from(format!(
            r#"{{"type":"collab.preview","session_id":{},"user_id":{},"page_id":{},"data":{data}}}"#,
            self.id,
            sock.user,
            Value::String(page_id.to_string()),
        ));
        self.to_others(&f, sock.id);
    }

    pub(super) fn cursor(&mut self, sock: &SocketHandle, page_id: &str, x: f64, y: f64) {
        if !is_live(&self.state) || !x.is_finite() || !y.is_finite() {
            return;
        }
        let color = self
            .members
            .get(&sock.user)
            .map_or("#000000", |m| m.color.as_str());
        // Latest wins; the room sends at most one per user per tick.
        self.cursors.insert(
            sock.user,
            frame(&ServerFrame::CollabCursor {
                session_id: self.id,
                user_id: sock.user,
                page_id,
                x,
                y,
                color,
            }),
        );
    }

    /// Sends the coalesced cursor positions.
    pub fn flush_cursors(&mut self) {
        for (user, f) in std::mem::take(&mut self.cursors) {
            for s in self.subs.iter().filter(|s| s.sock.user != user) {
                s.sock.send(&f);
            }
        }
    }

    pub(super) fn view(&mut self, sock: &SocketHandle, page_id: String, id: Option<String>) {
        if !self.doc.pages.iter().any(|p| p.id == page_id) {
            return self.error(
                sock,
                "page_not_found",
                "That page is not in this story any more.",
                &id,
            );
        }
        let f = frame(&ServerFrame::CollabView {
            session_id: self.id,
            user_id: sock.user,
            page_id: &page_id,
        });
        if let Some(s) = self.sub_mut(sock.id) {
            s.page = Some(page_id);
        }
        self.to_others(&f, sock.id);
        if id.is_some() {
            sock.send(&frame(&ServerFrame::CollabViewing {
                session_id: self.id,
                id: id.as_deref(),
            }));
        }
    }

    pub(super) async fn chat(&mut self, sock: &SocketHandle, id: Option<String>, text: String) {
        if self.closed().await {
            return self.error(sock, "session_closed", "This drawing session is over.", &id);
        }
        if !self.sub_mut(sock.id).is_some_and(|s| s.chat.take()) {
            return self.error(sock, "rate_limited", "Slow down a little!", &id);
        }
        let text = text.trim().to_string();
        if text.is_empty()
            || text.chars().count() > CHAT_MAX
            || crate::domain::text::has_unshowable(&text, false)
        {
            return self.error(
                sock,
                "invalid_text",
                &format!("A chat line has 1 to {CHAT_MAX} characters."),
                &id,
            );
        }
        if let Err(e) = self.app.profanity.guard("chat", &text) {
            return self.refuse_text(sock, e, &id);
        }
        let at = crate::time::rfc3339(crate::time::now());
        let line = |id| ServerFrame::CollabChat {
            session_id: self.id,
            user_id: sock.user,
            text: &text,
            at: at.clone(),
            id,
        };
        // The history keeps the line without the sender's request id.
        self.chat.push_back(line(None).value());
        if self.chat.len() > CHAT_KEEP {
            self.chat.pop_front();
        }
        self.to_all(&frame(&line(id.as_deref())));
    }

    /// Answers a refused text with an error frame and counts it on the writer's record, like
    /// the REST paths do.
    fn refuse_text(&mut self, sock: &SocketHandle, e: crate::error::Error, id: &Option<String>) {
        if let Some((kind, field, found)) = e.text_violation() {
            let user = sock.user;
            let app = Arc::clone(&self.app);
            tokio::spawn(async move {
                let _ = app
                    .db
                    .write(move |tx| {
                        Ok(crate::store::moderation::record_violation(
                            tx, user, kind, field, &found,
                        )?)
                    })
                    .await;
            });
        }
        // The REST envelope's fields (field, words: the kind or the hint) let the room's
        // chat name what to take out, like the other screens do.
        let body = e.body();
        let body = &body["error"];
        let text = ServerFrame::Error {
            code: e.code(),
            message: &e.message(),
            field: body["field"].as_str(),
            words: body.get("words"),
            id: id.as_deref(),
        }
        .text();
        self.refuse_with(sock, Frame::from(text));
    }
}

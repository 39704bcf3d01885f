//! Saving a live session: the majority vote with its timeout, and publishing the story once.

use std::time::Duration;

use super::{Room, Vote, frame, is_live};
use crate::log_info;
use crate::realtime::hub::SocketHandle;
use crate::realtime::protocol::ServerFrame;
use crate::store::collab as store;

impl Room {
    pub(super) async fn vote_start(&mut self, sock: &SocketHandle, id: Option<String>) {
        if self.closed().await {
            return self.error(sock, "session_closed", "This drawing session is over.", &id);
        }
        match self.state.as_str() {
            "lobby" => {
                return self.error(sock, "not_started", "Start drawing before saving.", &id);
            }
            _ if self.vote.is_some() => {
                return self.error(sock, "vote_open", "A vote is already open.", &id);
            }
            _ => {}
        }
        let mut voters: Vec<i64> = self.subs.iter().map(|s| s.sock.user).collect();
        voters.sort_unstable();
        voters.dedup();
        voters.retain(|u| self.members.get(u).is_some_and(|m| !m.kicked));
        self.votes_held += 1;
        let timeout = Duration::from_secs(self.app.vote_timeout_secs);
        let vote = Vote {
            id: self.votes_held,
            by: sock.user,
            voters: voters.clone(),
            yes: vec![sock.user],
            no: Vec::new(),
            deadline: tokio::time::Instant::now() + timeout,
        };
        self.vote = Some(vote);
        self.set_state("voting").await;
        self.to_all(&frame(&ServerFrame::CollabVoteStarted {
            session_id: self.id,
            vote_id: self.votes_held,
            by: sock.user,
            voters: &voters,
            deadline_ms: timeout.as_millis() as u64,
        }));
        if id.is_some() {
            sock.send(&frame(&ServerFrame::CollabVoteOpened {
                session_id: self.id,
                vote_id: self.votes_held,
                id: id.as_deref(),
            }));
        }
        self.settle_vote().await;
    }

    pub(super) async fn vote(&mut self, sock: &SocketHandle, id: Option<String>, yes: bool) {
        let user = sock.user;
        let Some(v) = self.vote.as_mut() else {
            return self.error(sock, "no_vote", "There is no vote right now.", &id);
        };
        if !v.voters.contains(&user) {
            return self.error(
                sock,
                "not_a_voter",
                "This vote started before you came.",
                &id,
            );
        }
        v.yes.retain(|u| *u != user);
        v.no.retain(|u| *u != user);
        if yes {
            v.yes.push(user);
        } else {
            v.no.push(user);
        }
        let update = frame(&ServerFrame::CollabVoteUpdate {
            session_id: self.id,
            vote_id: v.id,
            yes: v.yes.len(),
            no: v.no.len(),
            voters: &v.voters,
        });
        self.to_all(&update);
        if id.is_some() {
            sock.send(&frame(&ServerFrame::CollabVoted {
                session_id: self.id,
                id: id.as_deref(),
            }));
        }
        self.settle_vote().await;
    }

    /// Decides the vote once the answer cannot change.
    pub(super) async fn settle_vote(&mut self) {
        let Some(v) = self.vote.as_ref() else { return };
        let n = v.voters.len();
        let yes = v.yes.iter().filter(|u| v.voters.contains(u)).count();
        let no = v.no.iter().filter(|u| v.voters.contains(u)).count();
        if yes * 2 > n {
            self.finish_vote(true, "majority").await;
        } else if (n - no) * 2 <= n {
            self.finish_vote(false, "rejected").await;
        }
    }

    /// The vote ran out of time.
    pub async fn vote_timeout(&mut self) {
        let Some(v) = self.vote.as_ref() else { return };
        let yes = v.yes.iter().filter(|u| v.voters.contains(u)).count();
        let approved = yes * 2 > v.voters.len();
        self.finish_vote(approved, if approved { "majority" } else { "timeout" })
            .await;
    }

    async fn finish_vote(&mut self, approved: bool, reason: &str) {
        let Some(v) = self.vote.take() else { return };
        let result = frame(&ServerFrame::CollabVoteResult {
            session_id: self.id,
            vote_id: v.id,
            approved,
            yes: v.yes.len(),
            no: v.no.len(),
            reason,
        });
        if !approved {
            // Back to drawing before anyone hears the result: a client that reads the session
            // right after the frame must not still see "voting".
            self.set_state("drawing").await;
            self.to_all(&result);
            return;
        }
        self.to_all(&result);
        match self.publish().await {
            Ok(story) => {
                self.story_id = Some(story);
                self.state = "published".into();
                log_info!("session {} published as story {story}", self.id);
                let f = frame(&ServerFrame::CollabPublished {
                    session_id: self.id,
                    story_id: story,
                });
                self.to_all(&f);
            }
            Err(e) => {
                self.set_state("drawing").await;
                self.to_all(&frame(&ServerFrame::CollabPublishFailed {
                    session_id: self.id,
                    code: e.code(),
                    message: e.message(),
                    words: e.words(),
                }));
            }
        }
    }

    async fn set_state(&mut self, state: &str) {
        if self.state == state || !is_live(&self.state) {
            return;
        }
        self.state = state.to_string();
        let (id, s) = (self.id, state.to_string());
        let _ = self
            .app
            .db
            .write(move |tx| Ok(store::set_live_state(tx, id, &s)?))
            .await;
    }

    async fn publish(&mut self) -> crate::error::Result<i64> {
        let title = if self.doc.title.trim().is_empty() {
            self.default_title.clone()
        } else {
            self.doc.title.trim().to_string()
        };
        self.app.profanity.guard("title", &title)?;
        let mut pages = Vec::new();
        for p in &self.doc.pages {
            self.app.profanity.guard("text", &p.text)?;
            let drawing = self.doc.page_drawing(p);
            let drawing = if drawing.items.is_empty() {
                None
            } else {
                Some(drawing.to_json().map_err(crate::error::Error::from)?)
            };
            pages.push((p.text.clone(), drawing));
        }
        let authors: Vec<i64> = self
            .members
            .values()
            .filter(|m| !m.kicked && m.took_part && m.user_id != self.host)
            .map(|m| m.user_id)
            .collect();
        // Someone the host removed keeps no byline, but their strokes are still on the pages:
        // they count for the class's approval.
        let drew: Vec<i64> = self
            .members
            .values()
            .filter(|m| m.took_part)
            .map(|m| m.user_id)
            .collect();
        let (id, host) = (self.id, self.host);
        self.app
            .db
            .write(move |tx| store::publish(tx, id, host, &title, &pages, &authors, &drew))
            .await
    }
}

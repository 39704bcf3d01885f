//! The one path from a committed write to the sockets: takes the outbox's events in commit
//! order, reads what they name, and sends the frames (or reloads a drawing room). Frames that
//! are never stored (typing, cursors, presence, previews) go straight through the hub instead.

use std::sync::Arc;

use super::hub::Frame;
use super::protocol::ServerFrame;
use crate::app::App;
use crate::db::outbox::Event;
use crate::log_warn;
use crate::store::collab::{self, MemberRow};
use crate::store::messages::message;
use crate::store::notifications::{load_item, unread_count};

fn frame(f: &ServerFrame<'_>) -> Frame {
    Frame::from(f.text())
}

/// Runs until the process stops, marking each batch delivered so handlers waiting on
/// `Outbox::settled` can answer.
pub async fn run(app: Arc<App>) {
    loop {
        let (batch, upto) = app.db.outbox.next_batch().await;
        for event in batch {
            if let Err(e) = deliver(&app, event).await {
                log_warn!("pushing {event:?} failed: {e}");
            }
        }
        app.db.outbox.delivered(upto);
    }
}

async fn deliver(app: &Arc<App>, event: Event) -> crate::error::Result<()> {
    let hub = &app.hub;
    match event {
        Event::Notification { user, id } => {
            if !hub.has_sockets(user) {
                return Ok(());
            }
            let loaded = app
                .db
                .read(move |c| Ok((load_item(c, user, id)?, unread_count(c, user)?)))
                .await?;
            if let (Some(item), unread) = loaded {
                hub.to_user(
                    user,
                    &frame(&ServerFrame::NotificationNew {
                        notification: &item,
                        unread_count: unread,
                    }),
                );
            }
        }
        Event::UnreadChanged { user } => {
            if !hub.has_sockets(user) {
                return Ok(());
            }
            let unread = app.db.read(move |c| Ok(unread_count(c, user)?)).await?;
            hub.to_user(
                user,
                &frame(&ServerFrame::NotificationUnread {
                    unread_count: unread,
                }),
            );
        }
        Event::MessageSent { id } | Event::MessageEdited { id } => {
            let Some(msg) = app.db.read(move |c| Ok(message(c, id)?)).await? else {
                return Ok(());
            };
            let f = frame(&if matches!(event, Event::MessageSent { .. }) {
                ServerFrame::MessageNew { message: &msg }
            } else {
                ServerFrame::MessageEdited { message: &msg }
            });
            for key in ["to", "from"] {
                if let Some(user) = msg[key].as_i64() {
                    hub.to_user(user, &f);
                }
            }
        }
        Event::MessageDeleted {
            id,
            sender,
            receiver,
        } => {
            let f = |peer_id: i64| frame(&ServerFrame::MessageDeleted { id, peer_id });
            hub.to_user(receiver, &f(sender));
            hub.to_user(sender, &f(receiver));
        }
        Event::MessagesRead {
            reader,
            sender,
            up_to,
        } => {
            let f = frame(&ServerFrame::MessageRead {
                reader_id: reader,
                up_to_id: up_to,
            });
            hub.to_user(sender, &f);
            hub.to_user(reader, &f);
        }
        Event::CollabStatus { session } => status(app, session).await?,
        Event::CollabChanged { session } => {
            app.rooms.refresh(session, None).await;
            status(app, session).await?;
        }
        Event::CollabEnded { session, reason } => {
            let members = members(app, session).await?;
            let f = frame(&ServerFrame::CollabEnded {
                session_id: session,
                reason,
            });
            for m in members.iter().filter(|m| !m.kicked) {
                hub.to_user(m.user_id, &f);
            }
            app.rooms.refresh(session, None).await;
        }
        Event::CollabKicked { session, user } => {
            // The removed member hears it too, so their tab can leave the room.
            let f = frame(&ServerFrame::CollabKicked {
                session_id: session,
                user_id: user,
            });
            for m in members(app, session).await? {
                hub.to_user(m.user_id, &f);
            }
            app.rooms.refresh(session, Some(user)).await;
        }
    }
    Ok(())
}

async fn members(app: &App, session: i64) -> crate::error::Result<Vec<MemberRow>> {
    app.db.read(move |c| Ok(collab::members(c, session)?)).await
}

/// Tells every member the session's state (start, lobby closed, published).
async fn status(app: &App, session: i64) -> crate::error::Result<()> {
    let (row, members) = app
        .db
        .read(move |c| {
            Ok((
                collab::session_row(c, session)?,
                collab::members(c, session)?,
            ))
        })
        .await?;
    if let Some(s) = row {
        let f = frame(&ServerFrame::CollabStatus {
            session_id: session,
            state: &s.state,
            lobby_open: s.lobby_open,
            story_id: s.story_id,
        });
        for m in members.iter().filter(|m| !m.kicked) {
            app.hub.to_user(m.user_id, &f);
        }
    }
    Ok(())
}

//! Presence (online/offline to friends, with a grace so a reload does not flicker) and the hello
//! frame.

use std::sync::Arc;
use std::time::Duration;

use super::hub::Frame;
use super::protocol::ServerFrame;
use crate::app::App;
use crate::log_warn;
use crate::store::notifications::unread_count;
use rusqlite::params;

fn frame(f: &ServerFrame<'_>) -> Frame {
    Frame::from(f.text())
}

/// The first frame of a socket; tells friends when the user just came online.
pub async fn hello(app: &Arc<App>, user: i64, came_online: bool) -> String {
    let loaded = app
        .db
        .read(move |c| {
            Ok((
                crate::store::reach::presence_audience(c, user)?,
                unread_count(c, user)?,
            ))
        })
        .await;
    let (friends, unread) = loaded.unwrap_or_else(|e| {
        log_warn!("hello for user {user}: {e}");
        (Vec::new(), 0)
    });
    let online = app.hub.online_among(&friends);
    if came_online {
        let f = frame(&ServerFrame::PresenceOnline { user_id: user });
        for friend in &online {
            app.hub.to_user(*friend, &f);
        }
    }
    ServerFrame::Hello {
        protocol: super::protocol::VERSION,
        user_id: user,
        online_friends: &online,
        unread_count: unread,
    }
    .text()
}

/// After the grace, if no socket came back: friends see the user offline and `last_seen_at`
/// is saved.
pub fn schedule_offline(app: &Arc<App>, user: i64, generation: u64) {
    let app = Arc::clone(app);
    tokio::spawn(async move {
        tokio::select! {
            () = tokio::time::sleep(Duration::from_millis(app.config.presence_grace_ms)) => {}
            () = app.hub.stopped() => return,
        }
        // Friends first: between settling and telling them there must be no await, or a
        // reconnect in between would be followed by a stale "offline".
        let friends = app
            .db
            .read(move |c| Ok(crate::store::reach::presence_audience(c, user)?))
            .await
            .unwrap_or_default();
        if !app.hub.settle_offline(user, generation) {
            return;
        }
        let now = crate::time::now();
        let f = frame(&ServerFrame::PresenceOffline {
            user_id: user,
            last_seen: crate::time::rfc3339(now),
        });
        for friend in app.hub.online_among(&friends) {
            app.hub.to_user(friend, &f);
        }
        let _ = app
            .db
            .write(move |tx| {
                tx.execute(
                    "UPDATE users SET last_seen_at = ?2 WHERE id = ?1",
                    params![user, now],
                )?;
                Ok(())
            })
            .await;
    });
}

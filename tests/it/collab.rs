//! Collaborative drawing sessions end to end, through the real server: REST (create, join by
//! code, invites, kick, lobby, start, end, expiry) and the room over the WebSocket (state,
//! durable ops with acks and seqs, replay after a reconnect, previews, cursors, views, pages,
//! chat, votes and publishing), against the contract in notes/realtime-spec.md.
//!
//! The numbered comments refer to the acceptance scenarios of the realtime research (§8).

use std::time::{Duration, Instant};

use crate::common::collab::*;
use crate::common::ws::Ws;
use crate::common::{Session, TestServer};
use rusqlite::params;
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// 1. Create and join by code
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_is_created_and_joined_by_a_messy_code() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;

    let created = create_session(&s, &ana.access, json!({ "title": "Our dragon" })).await;
    let id = id_of(&created);
    let code = code_of(&created);
    assert_eq!(code.chars().count(), 5, "{code}");
    assert!(code.chars().all(|c| ALPHABET.contains(c)), "{code}");
    assert_eq!(created["state"], "lobby");
    assert_eq!(created["lobby_open"], true);
    assert_eq!(created["title"], "Our dragon");
    assert_eq!(created["host_id"], ana.user_id);
    assert_eq!(created["is_host"], true);
    assert_eq!(created["max_participants"], 6);
    assert_eq!(created["story_id"], Value::Null);
    assert!(created["expires_at"].is_string(), "{created}");
    assert_eq!(member_ids(&created), vec![ana.user_id]);
    assert_eq!(member(&created, ana.user_id)["host"], true);

    // Lower case, with spaces inside and around.
    let messy = format!(
        " {} {} ",
        code[..2].to_lowercase(),
        code[2..].to_lowercase()
    );
    let joined = join_ok(&s, &ben.access, &messy).await;
    assert_eq!(joined["id"], id);
    assert_eq!(joined["is_host"], false);
    assert_eq!(joined["host_id"], ana.user_id);
    assert_eq!(member_ids(&joined), sorted(vec![ana.user_id, ben.user_id]));
    assert_eq!(member(&joined, ben.user_id)["host"], false);
    let ana_color = member_color(&joined, ana.user_id);
    let ben_color = member_color(&joined, ben.user_id);
    assert_ne!(
        ana_color, ben_color,
        "colours are distinct within a session"
    );
    assert_eq!(
        ana_color,
        member_color(&created, ana.user_id),
        "colours are stable"
    );

    // Joining again is idempotent.
    let again = join_ok(&s, &ben.access, &code).await;
    assert_eq!(member_ids(&again), sorted(vec![ana.user_id, ben.user_id]));
    assert_eq!(member_color(&again, ben.user_id), ben_color);

    let r = get_session(&s, &ana.access, id).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["is_host"], true);
    assert_eq!(
        member_ids(&r.json()),
        sorted(vec![ana.user_id, ben.user_id])
    );
    assert!(listed(&s, &ben.access).await.contains(&id));
    assert!(listed(&s, &ana.access).await.contains(&id));

    // Both open the room.
    let (mut a, a_state) = open_room(&s, &ana.access, id).await;
    assert_eq!(a_state["state"], "lobby", "{a_state}");
    assert_eq!(a_state["title"], "Our dragon");
    assert_eq!(
        pages(&a_state).len(),
        1,
        "a new session has one page: {a_state}"
    );
    assert!(entries(&pages(&a_state)[0]).is_empty());
    assert!(
        a_state["seq"].as_i64().unwrap_or(0) >= 1,
        "the first page is op 1: {a_state}"
    );
    assert_eq!(a_state["vote"], Value::Null);
    assert_eq!(member_ids(&a_state), sorted(vec![ana.user_id, ben.user_id]));

    let (mut b, b_state) = open_room(&s, &ben.access, id).await;
    assert_eq!(page_ids(&b_state), page_ids(&a_state));
    assert_eq!(b_state["seq"], a_state["seq"]);
    assert_eq!(member(&b_state, ana.user_id)["online"], true, "{b_state}");
    assert_eq!(member(&b_state, ben.user_id)["online"], true, "{b_state}");
    assert_eq!(member(&b_state, ana.user_id)["host"], true, "{b_state}");
    assert_eq!(member_color(&b_state, ben.user_id), ben_color);

    let hi = a.next_of("collab.member_joined").await;
    assert_eq!(hi["session_id"], id);
    assert_eq!(hi["user_id"], ben.user_id);
    assert_eq!(hi["display_name"], "ben");
    assert_eq!(hi["color"], ben_color);
    b.none_of("collab.member_joined", QUIET).await;
    a.none_of("collab.member_joined", Duration::from_millis(1))
        .await;

    // Bad and unknown codes.
    for bad in ["12", "ABCD0", "ABCDI", "ABCDEF", "AB-CD", ""] {
        let r = join(&s, &ben.access, bad).await;
        assert_eq!(r.status, 400, "{bad:?}: {}", r.text());
        assert_eq!(r.code(), "invalid_code", "{bad:?}");
    }
    let unknown = if code == "ZZZZZ" { "YYYYY" } else { "ZZZZZ" };
    let r = join(&s, &ben.access, unknown).await;
    assert_eq!(r.status, 404, "{}", r.text());
    assert_eq!(r.code(), "session_not_found");
}

// ---------------------------------------------------------------------------------------------
// 2. Someone who is not a member
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stranger_cannot_open_read_or_write_the_room() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let cara = user(&s, "cara").await;
    let (id, _code) = new_session(&s, &ana.access).await;
    start(&s, &ana.access, id).await;
    let (mut a, state) = open_room(&s, &ana.access, id).await;
    let p = first_page(&state);

    let mut c = Ws::connect(&s, &cara.access).await;
    let code = error_code(&mut c, json!({ "type": "collab.join", "session_id": id })).await;
    assert_eq!(code, "not_member");
    // Frames for a canvas this socket could not open are refused before any room sees them.
    assert_eq!(
        refused(&mut c, id, "c-1", draw(&p, 1.0)).await,
        "not_joined"
    );
    assert_eq!(
        refused(
            &mut c,
            id,
            "c-2",
            json!({ "kind": "title", "text": "Mine now" })
        )
        .await,
        "not_joined"
    );
    let code = error_code(
        &mut c,
        json!({ "type": "collab.chat", "session_id": id, "text": "let me in" }),
    )
    .await;
    assert_eq!(code, "not_joined");
    alive(&mut c).await;

    a.none_of("collab.member_joined", QUIET).await;
    a.none_of("collab.chat", Duration::from_millis(1)).await;
    a.none_of("collab.op", Duration::from_millis(1)).await;

    let r = get_session(&s, &cara.access, id).await;
    assert_eq!(r.status, 404, "{}", r.text());
    assert_eq!(r.code(), "session_not_found");
    assert!(listed(&s, &cara.access).await.is_empty());
    let r = get_session(&s, &ana.access, id + 1000).await;
    assert_eq!(r.status, 404, "{}", r.text());

    tokio::time::sleep(QUIET).await;
    assert_eq!(op_count(&s, id, "draw"), 0);
    assert_eq!(op_count(&s, id, "title"), 0);
}

// ---------------------------------------------------------------------------------------------
// 3. Drawing fan-out
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stroke_reaches_the_others_once_and_only_the_final_op_is_stored() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let (id, code) = new_session(&s, &ana.access).await;
    join_ok(&s, &ben.access, &code).await;
    let (mut a, state) = open_room(&s, &ana.access, id).await;
    let (mut b, _) = open_room(&s, &ben.access, id).await;
    a.next_of("collab.member_joined").await;
    let p = first_page(&state);
    let seq0 = state["seq"].as_i64().expect("seq");

    start(&s, &ana.access, id).await;
    for ws in [&mut a, &mut b] {
        let f = ws.next_of("collab.status").await;
        assert_eq!(f["session_id"], id, "{f}");
        assert_eq!(f["state"], "drawing", "{f}");
        assert!(f["lobby_open"].is_boolean(), "{f}");
    }

    // A live preview of an unfinished stroke.
    a.send(json!({
        "type": "collab.preview", "session_id": id, "page_id": p,
        "data": { "points": [1.0, 2.0, 3.0, 4.0] }
    }))
    .await;
    let pv = b.next_of("collab.preview").await;
    assert_eq!(pv["session_id"], id);
    assert_eq!(pv["user_id"], ana.user_id);
    assert_eq!(pv["page_id"], p);
    assert_eq!(pv["data"]["points"][2].as_f64(), Some(3.0), "{pv}");

    // The final stroke.
    let seq = ack(&mut a, id, "a-1", draw(&p, 10.0)).await;
    assert!(seq > seq0, "{seq} after {seq0}");
    let o = b.next_of("collab.op").await;
    assert_eq!(o["session_id"], id);
    assert_eq!(o["user_id"], ana.user_id);
    assert_eq!(o["seq"], seq);
    assert_eq!(o["client_op_id"], "a-1");
    assert_eq!(o["op"]["kind"], "draw");
    assert_eq!(o["op"]["page_id"], p);
    assert_stroke(&o["op"]["item"], 10.0);

    // No echo to the sender, of the op or of the preview.
    a.none_of("collab.op", QUIET).await;
    a.none_of("collab.preview", Duration::from_millis(1)).await;
    b.none_of("collab.op", Duration::from_millis(1)).await;

    // Exactly one stored op besides the first page; previews never stored.
    assert_eq!(wait_ops(&s, id, "draw", 1).await, 1);
    tokio::time::sleep(QUIET).await;
    assert_eq!(op_count(&s, id, "draw"), 1);
    let (row_seq, row_user, row_cid): (i64, i64, Option<String>) = s
        .db()
        .query_row(
            "SELECT seq, user_id, client_op_id FROM collab_ops
             WHERE session_id = ?1 AND json_extract(op, '$.kind') = 'draw'",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("the draw row");
    assert_eq!(
        (row_seq, row_user, row_cid.as_deref()),
        (seq, ana.user_id, Some("a-1"))
    );
    let others: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM collab_ops WHERE session_id = ?1
             AND json_extract(op, '$.kind') NOT IN ('draw', 'page_add')",
            [id],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(others, 0, "nothing but the page and the stroke is stored");
    let max_seq: i64 = s
        .db()
        .query_row(
            "SELECT max(seq) FROM collab_ops WHERE session_id = ?1",
            [id],
            |r| r.get(0),
        )
        .expect("max seq");
    assert_eq!(max_seq, seq);
}

// ---------------------------------------------------------------------------------------------
// 4. Late joiner
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_late_joiner_gets_everything_the_others_see() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let cara = user(&s, "cara").await;
    let (id, code, mut a, mut b, p1) = drawing_pair(&s, &ana, &ben).await;

    let mut seqs = Vec::new();
    for i in 0..3 {
        let x = i as f64;
        seqs.push(ack(&mut a, id, &format!("a-{i}"), draw(&p1, 100.0 + x)).await);
        seqs.push(ack(&mut b, id, &format!("b-{i}"), draw(&p1, 200.0 + x)).await);
    }
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "seqs grow: {seqs:?}");
    ack(&mut a, id, "a-text", page_text(&p1, "Once upon a time")).await;
    ack(
        &mut b,
        id,
        "b-title",
        json!({ "kind": "title", "text": "The Dragon" }),
    )
    .await;
    let add = ack(&mut a, id, "a-page", json!({ "kind": "page_add" })).await;
    let added = next_op(&mut a, "page_add").await;
    assert_eq!(added["seq"], add);
    let p2 = added["op"]["page_id"].clone();
    assert!(!p2.is_null() && p2 != p1, "{added}");
    assert_eq!(next_op(&mut b, "page_add").await["op"]["page_id"], p2);

    join_ok(&s, &cara.access, &code).await;
    let (_c, late) = open_room(&s, &cara.access, id).await;
    assert_eq!(late["title"], "The Dragon");
    assert_eq!(late["state"], "drawing");
    assert_eq!(page_ids(&late), vec![p1.clone(), p2.clone()]);
    let first = page(&late, &p1);
    assert_eq!(first["text"], "Once upon a time");
    let items = entries(&first);
    assert_eq!(items.len(), 6, "{first}");
    let who = [ana.user_id, ben.user_id];
    let xs = [100.0, 200.0, 101.0, 201.0, 102.0, 202.0];
    for (i, e) in items.iter().enumerate() {
        assert_eq!(e["seq"], seqs[i], "item {i}: {e}");
        assert_eq!(e["user_id"], who[i % 2], "item {i}: {e}");
        assert_eq!(e["hidden"], false, "item {i}: {e}");
        assert_stroke(&e["item"], xs[i]);
    }
    let second = page(&late, &p2);
    assert_eq!(second["text"], "");
    assert!(entries(&second).is_empty());
    assert!(late["seq"].as_i64().unwrap_or(0) >= add, "{late}");
    assert_eq!(
        member_ids(&late),
        sorted(vec![ana.user_id, ben.user_id, cara.user_id])
    );
    assert_eq!(member(&late, cara.user_id)["online"], true);

    let hi = a.next_of("collab.member_joined").await;
    assert_eq!(hi["user_id"], cara.user_id);

    // Exactly what A sees on a fresh join.
    let mine = snapshot(&s, &ana.access, id).await;
    assert_eq!(mine["pages"], late["pages"]);
    assert_eq!(mine["title"], late["title"]);
    assert_eq!(mine["seq"], late["seq"]);
}

// ---------------------------------------------------------------------------------------------
// 5. Reconnect gap fill
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reconnecting_member_gets_exactly_the_missed_ops() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let (id, _code, mut a, mut b, p) = drawing_pair(&s, &ana, &ben).await;

    let s0 = ack(&mut a, id, "a-0", draw(&p, 1.0)).await;
    let seen = b.next_of("collab.op").await;
    assert_eq!(seen["seq"], s0);
    let last = seen["seq"].as_i64().expect("seq");
    b.close().await;
    let left = a.next_of("collab.member_left").await;
    assert_eq!(left["session_id"], id);
    assert_eq!(left["user_id"], ben.user_id);

    let s1 = ack(&mut a, id, "a-1", draw(&p, 2.0)).await;
    let s2 = ack(&mut a, id, "a-2", draw(&p, 3.0)).await;
    assert!(last < s1 && s1 < s2);

    let mut b = Ws::connect(&s, &ben.access).await;
    b.send(json!({ "type": "collab.join", "session_id": id, "since_seq": last }))
        .await;
    let replay = b.next_of("collab.replay").await;
    assert_eq!(replay["session_id"], id);
    assert_eq!(replay["seq"], s2);
    let ops = replay["ops"].as_array().cloned().expect("ops");
    assert_eq!(ops.len(), 2, "{replay}");
    for (o, (seq, cid, x)) in ops.iter().zip([(s1, "a-1", 2.0), (s2, "a-2", 3.0)]) {
        assert_eq!(o["seq"], seq, "{o}");
        assert_eq!(o["user_id"], ana.user_id, "{o}");
        assert_eq!(o["client_op_id"], cid, "{o}");
        assert_eq!(o["op"]["kind"], "draw", "{o}");
        assert_eq!(o["op"]["page_id"], p, "{o}");
        assert_stroke(&o["op"]["item"], x);
    }
    assert!(member_ids(&replay).contains(&ana.user_id), "{replay}");
    b.none_of("collab.state", Duration::from_millis(1)).await;

    let back = a.next_of("collab.member_joined").await;
    assert_eq!(back["user_id"], ben.user_id);

    // since_seq from the future: a full state instead.
    let f = b
        .request(
            json!({ "type": "collab.join", "session_id": id, "since_seq": s2 + 100 }),
            &rid("join"),
        )
        .await;
    assert_eq!(f["type"], "collab.state", "{f}");
    assert_eq!(f["seq"], s2);
    assert_eq!(entries(&page(&f, &p)).len(), 3);

    // Left once, joined once.
    a.none_of("collab.member_left", QUIET).await;
    a.none_of("collab.member_joined", Duration::from_millis(1))
        .await;
}

// ---------------------------------------------------------------------------------------------
// 6. Clear is durable
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cleared_page_stays_empty_for_late_joiners() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let cara = user(&s, "cara").await;
    let (id, code, mut a, mut b, p) = drawing_pair(&s, &ana, &ben).await;

    ack(&mut a, id, "a-1", draw(&p, 1.0)).await;
    ack(&mut b, id, "b-1", draw(&p, 2.0)).await;
    ack(&mut a, id, "a-2", draw(&p, 3.0)).await;

    let cseq = ack(
        &mut a,
        id,
        "a-clear",
        json!({ "kind": "clear", "page_id": p }),
    )
    .await;
    for (ws, who) in [(&mut a, "sender"), (&mut b, "other")] {
        let f = next_op(ws, "clear").await;
        assert_eq!(f["seq"], cseq, "{who}: {f}");
        assert_eq!(f["user_id"], ana.user_id, "{who}: {f}");
        assert_eq!(f["client_op_id"], "a-clear", "{who}: {f}");
        assert_eq!(f["op"]["page_id"], p, "{who}: {f}");
    }

    join_ok(&s, &cara.access, &code).await;
    let (_c, late) = open_room(&s, &cara.access, id).await;
    assert_eq!(page_ids(&late), vec![p.clone()]);
    assert!(entries(&page(&late, &p)).is_empty(), "{late}");
    assert!(late["seq"].as_i64().unwrap_or(0) >= cseq);
    assert_eq!(wait_ops(&s, id, "clear", 1).await, 1);

    // Drawing after the clear shows only the new stroke.
    ack(&mut b, id, "b-2", draw(&p, 4.0)).await;
    let again = snapshot(&s, &ana.access, id).await;
    let items = entries(&page(&again, &p));
    assert_eq!(items.len(), 1, "{again}");
    assert_stroke(&items[0]["item"], 4.0);
}

// ---------------------------------------------------------------------------------------------
// 7. Undo and redo
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn undo_and_redo_hide_and_show_a_stroke_for_everyone() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let cara = user(&s, "cara").await;
    let (id, code, mut a, mut b, p) = drawing_pair(&s, &ana, &ben).await;

    let sx = ack(&mut a, id, "a-x", draw(&p, 50.0)).await;
    assert_eq!(next_op(&mut b, "draw").await["seq"], sx);
    let kept = ack(&mut a, id, "a-y", draw(&p, 60.0)).await;
    assert_eq!(next_op(&mut b, "draw").await["seq"], kept);

    let u = ack(
        &mut a,
        id,
        "a-undo",
        json!({ "kind": "undo", "target": sx }),
    )
    .await;
    let f = next_op(&mut b, "undo").await;
    assert_eq!(f["seq"], u);
    assert_eq!(f["user_id"], ana.user_id);
    assert_eq!(f["op"]["target"], sx);
    a.none_of("collab.op", QUIET).await;

    join_ok(&s, &cara.access, &code).await;
    let (mut c, late) = open_room(&s, &cara.access, id).await;
    let items = entries(&page(&late, &p));
    assert_eq!(items.len(), 2, "{late}");
    let by_seq = |seq: i64| {
        items
            .iter()
            .find(|e| e["seq"] == seq)
            .cloned()
            .unwrap_or_else(|| panic!("no item {seq}"))
    };
    assert_eq!(by_seq(sx)["hidden"], true);
    assert_eq!(by_seq(kept)["hidden"], false);

    let r = ack(
        &mut a,
        id,
        "a-redo",
        json!({ "kind": "redo", "target": sx }),
    )
    .await;
    for ws in [&mut b, &mut c] {
        let f = next_op(ws, "redo").await;
        assert_eq!(f["seq"], r);
        assert_eq!(f["op"]["target"], sx);
    }
    let fresh = snapshot(&s, &cara.access, id).await;
    let items = entries(&page(&fresh, &p));
    let shown = items
        .iter()
        .find(|e| e["seq"] == sx)
        .cloned()
        .expect("the redone item");
    assert_eq!(shown["hidden"], false, "{fresh}");

    // Only your own draw ops.
    let t = json!({ "kind": "undo", "target": sx });
    assert_eq!(refused(&mut b, id, "b-undo", t).await, "not_your_op");
    let t = json!({ "kind": "redo", "target": sx });
    assert_eq!(refused(&mut b, id, "b-redo", t).await, "not_your_op");
    let text = ack(&mut b, id, "b-text", page_text(&p, "Ben was here")).await;
    let t = json!({ "kind": "undo", "target": text });
    assert_eq!(refused(&mut b, id, "b-undo-text", t).await, "not_your_op");
}

// ---------------------------------------------------------------------------------------------
// 8. Cursors
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cursors_are_coalesced_coloured_and_never_stored() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let (id, code) = new_session(&s, &ana.access).await;
    let joined = join_ok(&s, &ben.access, &code).await;
    let ana_color = member_color(&joined, ana.user_id);
    start(&s, &ana.access, id).await;
    let (mut a, state) = open_room(&s, &ana.access, id).await;
    let (mut b, _) = open_room(&s, &ben.access, id).await;
    a.next_of("collab.member_joined").await;
    assert_eq!(member_color(&state, ana.user_id), ana_color);
    let p = first_page(&state);

    tokio::time::sleep(QUIET).await;
    let stored = all_ops(&s, id);

    let t0 = Instant::now();
    for i in 0..200 {
        a.send(json!({
            "type": "collab.cursor", "session_id": id, "page_id": p,
            "x": i as f64, "y": 10.0
        }))
        .await;
    }
    let got = collect_of(&mut b, "collab.cursor", Duration::from_millis(1500)).await;
    let elapsed = t0.elapsed().as_secs_f64();
    assert!(!got.is_empty(), "no cursor relayed");
    let limit = (elapsed * 20.0).ceil() as usize + 5;
    assert!(
        got.len() <= limit && got.len() < 200,
        "{} cursors relayed in {elapsed:.2} s (at most ~20/s)",
        got.len()
    );
    for f in &got {
        assert_eq!(f["session_id"], id, "{f}");
        assert_eq!(f["user_id"], ana.user_id, "{f}");
        assert_eq!(f["page_id"], p, "{f}");
        assert_eq!(f["color"], ana_color, "{f}");
        assert_eq!(f["y"].as_f64(), Some(10.0), "{f}");
    }
    let xs: Vec<f64> = got.iter().filter_map(|f| f["x"].as_f64()).collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "in order: {xs:?}");
    assert_eq!(
        xs.last().copied(),
        Some(199.0),
        "the latest position wins: {xs:?}"
    );

    a.none_of("collab.cursor", QUIET).await;
    alive(&mut a).await;
    assert_eq!(all_ops(&s, id), stored, "cursors are never stored");
}

// ---------------------------------------------------------------------------------------------
// 9. Page ops
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_are_added_deleted_and_moved_by_id() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let (id, _code, mut a, mut b, p1) = drawing_pair(&s, &ana, &ben).await;

    // Everyone, the sender too, learns the server's page id.
    let add = ack(&mut a, id, "add-1", json!({ "kind": "page_add" })).await;
    let fa = next_op(&mut a, "page_add").await;
    assert_eq!(fa["seq"], add);
    assert_eq!(fa["user_id"], ana.user_id);
    assert_eq!(fa["op"]["index"], 1, "{fa}");
    let p2 = fa["op"]["page_id"].clone();
    assert!(!p2.is_null() && p2 != p1, "{fa}");
    let fb = next_op(&mut b, "page_add").await;
    assert_eq!(fb["seq"], add);
    assert_eq!(fb["op"]["page_id"], p2);

    // B looks at the new page: A may not delete it.
    b.send(json!({ "type": "collab.view", "session_id": id, "page_id": p2 }))
        .await;
    let v = a.next_of("collab.view").await;
    assert_eq!(v["session_id"], id);
    assert_eq!(v["user_id"], ben.user_id);
    assert_eq!(v["page_id"], p2);
    let del = json!({ "kind": "page_delete", "page_id": p2 });
    assert_eq!(
        refused(&mut a, id, "del-1", del.clone()).await,
        "page_in_use"
    );
    b.none_of("collab.op", QUIET).await;

    // B goes back to page 1: now it works.
    b.send(json!({ "type": "collab.view", "session_id": id, "page_id": p1 }))
        .await;
    assert_eq!(a.next_of("collab.view").await["page_id"], p1);
    let dseq = ack(&mut a, id, "del-2", del).await;
    for ws in [&mut a, &mut b] {
        let f = next_op(ws, "page_delete").await;
        assert_eq!(f["seq"], dseq);
        assert_eq!(f["op"]["page_id"], p2);
    }
    assert_eq!(
        refused(&mut b, id, "gone", page_text(&p2, "where?")).await,
        "page_not_found"
    );
    assert_eq!(
        refused(&mut b, id, "gone-2", draw(&p2, 1.0)).await,
        "page_not_found"
    );

    // Text addressed by id lands on the right page after a move.
    ack(&mut a, id, "add-3", json!({ "kind": "page_add" })).await;
    let p3 = next_op(&mut a, "page_add").await["op"]["page_id"].clone();
    ack(&mut a, id, "add-4", json!({ "kind": "page_add" })).await;
    let p4 = next_op(&mut a, "page_add").await["op"]["page_id"].clone();
    let mv = json!({ "kind": "page_move", "page_id": p4, "index": 0 });
    let mseq = ack(&mut a, id, "move", mv).await;
    let f = next_op(&mut b, "page_move").await;
    assert_eq!(f["seq"], mseq);
    assert_eq!(f["op"]["page_id"], p4);
    assert_eq!(f["op"]["index"], 0);
    assert_eq!(next_op(&mut a, "page_move").await["seq"], mseq);
    ack(&mut b, id, "txt-1", page_text(&p1, "Still page one")).await;
    let view = snapshot(&s, &ana.access, id).await;
    assert_eq!(page_ids(&view), vec![p4.clone(), p1.clone(), p3.clone()]);
    let texts: Vec<Value> = pages(&view).iter().map(|p| p["text"].clone()).collect();
    assert_eq!(texts, vec![json!(""), json!("Still page one"), json!("")]);

    // Alone in another session: the last page stays, and 30 pages at most.
    let (solo, _) = new_session(&s, &ana.access).await;
    start(&s, &ana.access, solo).await;
    let (mut a2, st) = open_room(&s, &ana.access, solo).await;
    let only = first_page(&st);
    let del = json!({ "kind": "page_delete", "page_id": only });
    assert_eq!(refused(&mut a2, solo, "solo-del", del).await, "last_page");
    for i in 0..29 {
        ack(
            &mut a2,
            solo,
            &format!("solo-add-{i}"),
            json!({ "kind": "page_add" }),
        )
        .await;
    }
    let add = json!({ "kind": "page_add" });
    assert_eq!(
        refused(&mut a2, solo, "solo-add-30", add).await,
        "too_many_pages"
    );
    assert_eq!(pages(&snapshot(&s, &ana.access, solo).await).len(), 30);
}

// ---------------------------------------------------------------------------------------------
// 10. Concurrent text edits
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_text_edits_on_two_pages_both_survive() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let (id, _code, mut a, mut b, p1) = drawing_pair(&s, &ana, &ben).await;
    ack(&mut a, id, "add", json!({ "kind": "page_add" })).await;
    let p2 = next_op(&mut a, "page_add").await["op"]["page_id"].clone();
    next_op(&mut b, "page_add").await;

    for i in 0..10 {
        let ta = page_text(&p1, &format!("Alpha {i}"));
        let tb = page_text(&p2, &format!("Beta {i}"));
        let (ca, cb) = (format!("a-{i}"), format!("b-{i}"));
        let (ra, rb) = tokio::join!(send_op(&mut a, id, &ca, ta), send_op(&mut b, id, &cb, tb));
        assert_eq!(ra["type"], "collab.ack", "{ra}");
        assert_eq!(rb["type"], "collab.ack", "{rb}");
    }

    let view = snapshot(&s, &ana.access, id).await;
    assert_eq!(page(&view, &p1)["text"], "Alpha 9", "{view}");
    assert_eq!(page(&view, &p2)["text"], "Beta 9", "{view}");
    assert_eq!(wait_ops(&s, id, "page_text", 20).await, 20);
}

// ---------------------------------------------------------------------------------------------
// 11. A vote passes and the story is published
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_majority_vote_publishes_the_story_with_every_author() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let cara = user(&s, "cara").await;
    let dan = user(&s, "dan").await;
    let created = create_session(&s, &ana.access, json!({ "title": "Dragon Days" })).await;
    let id = id_of(&created);
    let code = code_of(&created);
    join_ok(&s, &ben.access, &code).await;
    join_ok(&s, &cara.access, &code).await;
    join_ok(&s, &dan.access, &code).await; // joins but never opens the room
    start(&s, &ana.access, id).await;
    let (mut a, st) = open_room(&s, &ana.access, id).await;
    let (mut b, _) = open_room(&s, &ben.access, id).await;
    let (mut c, _) = open_room(&s, &cara.access, id).await;
    let p1 = first_page(&st);

    ack(&mut a, id, "a-1", draw(&p1, 1.0)).await;
    ack(&mut b, id, "b-1", draw(&p1, 2.0)).await;
    ack(&mut a, id, "a-t1", page_text(&p1, "Once upon a time")).await;
    ack(&mut c, id, "c-add", json!({ "kind": "page_add" })).await;
    let p2 = next_op(&mut c, "page_add").await["op"]["page_id"].clone();
    ack(&mut c, id, "c-1", draw(&p2, 3.0)).await;
    ack(&mut c, id, "c-t2", page_text(&p2, "The end")).await;
    // The last page goes first: the story follows the room's order.
    ack(
        &mut c,
        id,
        "c-move",
        json!({ "kind": "page_move", "page_id": p2, "index": 0 }),
    )
    .await;

    a.send(json!({ "type": "collab.vote_start", "session_id": id }))
        .await;
    let mut vote_id = Value::Null;
    for ws in [&mut a, &mut b, &mut c] {
        let f = ws.next_of("collab.vote_started").await;
        assert_eq!(f["session_id"], id, "{f}");
        assert_eq!(f["by"], ana.user_id, "{f}");
        assert_eq!(
            id_list(&f["voters"]),
            sorted(vec![ana.user_id, ben.user_id, cara.user_id]),
            "online members vote: {f}"
        );
        assert!(f["deadline_ms"].is_number(), "{f}");
        assert!(!f["vote_id"].is_null(), "{f}");
        if vote_id.is_null() {
            vote_id = f["vote_id"].clone();
        }
        assert_eq!(f["vote_id"], vote_id);
    }

    // A's vote counts already; B's yes makes 2 of 3.
    b.send(json!({ "type": "collab.vote", "session_id": id, "yes": true }))
        .await;
    let mut story_id = 0;
    for ws in [&mut a, &mut b, &mut c] {
        let u = vote_update(ws, 2, 0).await;
        assert_eq!(u["vote_id"], vote_id);
        let r = ws.next_of("collab.vote_result").await;
        assert_eq!(r["session_id"], id, "{r}");
        assert_eq!(r["vote_id"], vote_id, "{r}");
        assert_eq!(r["approved"], true, "{r}");
        assert_eq!(r["yes"], 2, "{r}");
        assert_eq!(r["no"], 0, "{r}");
        assert_eq!(r["reason"], "majority", "{r}");
        let p = ws.next_of("collab.published").await;
        assert_eq!(p["session_id"], id, "{p}");
        let sid = p["story_id"].as_i64().expect("story_id");
        if story_id == 0 {
            story_id = sid;
        }
        assert_eq!(sid, story_id);
    }

    // A late vote is refused: the vote is over.
    let code_c = error_code(
        &mut c,
        json!({ "type": "collab.vote", "session_id": id, "yes": true }),
    )
    .await;
    assert!(
        ["no_vote", "session_closed"].contains(&code_c.as_str()),
        "{code_c}"
    );

    // The story, seen by someone who is not an author.
    let r = s
        .get(&format!("/api/stories/{story_id}"))
        .bearer(&dan.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let story = r.json();
    assert_eq!(story["status"], "published", "{story}");
    assert_eq!(story["title"], "Dragon Days");
    assert_eq!(story["author"]["id"], ana.user_id, "the host is the author");
    let coauthors: Vec<i64> = story["coauthors"]
        .as_array()
        .expect("coauthors")
        .iter()
        .map(|p| p["id"].as_i64().expect("coauthor id"))
        .collect();
    assert_eq!(
        sorted(coauthors),
        sorted(vec![ben.user_id, cara.user_id]),
        "co-authors: everyone who opened the room (not dan)"
    );
    let spages = story["pages"].as_array().cloned().expect("pages");
    assert_eq!(spages.len(), 2, "{story}");
    assert_eq!(spages[0]["text"], "The end");
    assert_eq!(spages[1]["text"], "Once upon a time");
    let drawn = |p: &Value| {
        p["drawing"]["items"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    };
    let first = drawn(&spages[0]);
    assert_eq!(first.len(), 1, "{}", spages[0]);
    assert_stroke(&first[0], 3.0);
    let second = drawn(&spages[1]);
    assert_eq!(second.len(), 2, "{}", spages[1]);
    assert_stroke(&second[0], 1.0);
    assert_stroke(&second[1], 2.0);

    // The session is over; a second vote is refused; one story only.
    let r = get_session(&s, &ana.access, id).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["state"], "published");
    assert_eq!(r.json()["story_id"], story_id);
    let code_a = error_code(
        &mut a,
        json!({ "type": "collab.vote_start", "session_id": id }),
    )
    .await;
    assert_eq!(code_a, "session_closed");
    assert!(!listed(&s, &ana.access).await.contains(&id));
    let stories: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM stories WHERE author_id = ?1",
            [ana.user_id],
            |r| r.get(0),
        )
        .expect("count stories");
    assert_eq!(stories, 1);
}

// ---------------------------------------------------------------------------------------------
// 12. A vote fails, or times out
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_vote_goes_back_to_drawing() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let cara = user(&s, "cara").await;
    let dan = user(&s, "dan").await;
    let (id, code) = new_session(&s, &ana.access).await;
    for u in [&ben, &cara, &dan] {
        join_ok(&s, &u.access, &code).await;
    }
    start(&s, &ana.access, id).await;
    let (mut a, st) = open_room(&s, &ana.access, id).await;
    let (mut b, _) = open_room(&s, &ben.access, id).await;
    let (mut c, _) = open_room(&s, &cara.access, id).await;
    let p = first_page(&st);

    let vote = |yes: bool| json!({ "type": "collab.vote", "session_id": id, "yes": yes });
    assert_eq!(error_code(&mut b, vote(true)).await, "no_vote");

    a.send(json!({ "type": "collab.vote_start", "session_id": id }))
        .await;
    let started = a.next_of("collab.vote_started").await;
    let vote_id = started["vote_id"].clone();
    assert_eq!(
        id_list(&started["voters"]),
        sorted(vec![ana.user_id, ben.user_id, cara.user_id])
    );
    for ws in [&mut b, &mut c] {
        assert_eq!(ws.next_of("collab.vote_started").await["vote_id"], vote_id);
    }

    // Dan comes in during the vote: he sees it but is not a voter.
    let (mut d, dstate) = open_room(&s, &dan.access, id).await;
    assert_eq!(dstate["state"], "voting", "{dstate}");
    assert_eq!(dstate["vote"]["vote_id"], vote_id, "{dstate}");
    assert_eq!(error_code(&mut d, vote(true)).await, "not_a_voter");

    // Drawing goes on while voting.
    ack(&mut b, id, "b-while", draw(&p, 5.0)).await;

    b.send(vote(false)).await;
    let u = vote_update(&mut a, 1, 1).await;
    assert_eq!(u["vote_id"], vote_id);
    c.send(vote(false)).await;
    for ws in [&mut a, &mut b, &mut c] {
        let r = ws.next_of("collab.vote_result").await;
        assert_eq!(r["vote_id"], vote_id, "{r}");
        assert_eq!(r["approved"], false, "{r}");
        assert_eq!(r["reason"], "rejected", "{r}");
        assert_eq!(r["yes"], 1, "{r}");
        assert_eq!(r["no"], 2, "{r}");
        ws.none_of("collab.published", Duration::from_millis(1))
            .await;
    }

    let r = get_session(&s, &ana.access, id).await;
    assert_eq!(r.json()["state"], "drawing", "{}", r.text());
    assert_eq!(r.json()["story_id"], Value::Null);
    ack(&mut a, id, "a-after", draw(&p, 6.0)).await;
    a.none_of("collab.published", QUIET).await;

    // Another vote may start.
    c.send(json!({ "type": "collab.vote_start", "session_id": id }))
        .await;
    let again = a.next_of("collab.vote_started").await;
    assert_eq!(again["by"], cara.user_id);
    assert_ne!(again["vote_id"], vote_id);
    assert_eq!(
        id_list(&again["voters"]).len(),
        4,
        "dan is online now: {again}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_vote_nobody_finishes_times_out() {
    let s = server_with(&["--vote-timeout-secs", "1"]).await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let (id, _code, mut a, mut b, p) = drawing_pair(&s, &ana, &ben).await;

    let t0 = Instant::now();
    a.send(json!({ "type": "collab.vote_start", "session_id": id }))
        .await;
    let started = b.next_of("collab.vote_started").await;
    assert_eq!(
        id_list(&started["voters"]),
        sorted(vec![ana.user_id, ben.user_id])
    );
    for ws in [&mut a, &mut b] {
        let r = ws.next_of("collab.vote_result").await;
        assert_eq!(r["vote_id"], started["vote_id"], "{r}");
        assert_eq!(r["approved"], false, "{r}");
        assert_eq!(r["reason"], "timeout", "{r}");
        assert_eq!(r["yes"], 1, "the starter's vote counts: {r}");
        assert_eq!(r["no"], 0, "{r}");
    }
    let took = t0.elapsed();
    assert!(
        took >= Duration::from_millis(500),
        "ended before the timeout: {took:?}"
    );
    assert!(took < Duration::from_secs(3), "the timeout took {took:?}");

    let r = get_session(&s, &ana.access, id).await;
    assert_eq!(r.json()["state"], "drawing", "{}", r.text());
    ack(&mut b, id, "b-after", draw(&p, 1.0)).await;
}

// ---------------------------------------------------------------------------------------------
// 13. Kick
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kicked_member_is_closed_out_and_stays_out() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let cara = user(&s, "cara").await;
    s.befriend(&ana, &ben, "ben").await;
    let (id, code) = new_session(&s, &ana.access).await;
    join_ok(&s, &ben.access, &code).await;
    join_ok(&s, &cara.access, &code).await;
    start(&s, &ana.access, id).await;
    let (mut a, _) = open_room(&s, &ana.access, id).await;
    let (mut b, _) = open_room(&s, &ben.access, id).await;
    let (mut c, _) = open_room(&s, &cara.access, id).await;
    // A second tab of Ben's that never opened the room.
    let mut b_idle = Ws::connect(&s, &ben.access).await;

    // Only the host kicks.
    let r = kick(&s, &cara.access, id, ana.user_id).await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.code(), "not_host");

    let r = kick(&s, &ana.access, id, ben.user_id).await;
    assert_eq!(r.status, 204, "{}", r.text());
    for ws in [&mut a, &mut c] {
        let f = ws.next_of("collab.kicked").await;
        assert_eq!(f["session_id"], id, "{f}");
        assert_eq!(f["user_id"], ben.user_id, "{f}");
    }
    let (close, _reason) = b.closed().await;
    assert_eq!(close, 4004, "the kicked user's room socket");
    alive(&mut b_idle).await;

    // Out for good.
    let code_b = error_code(
        &mut b_idle,
        json!({ "type": "collab.join", "session_id": id }),
    )
    .await;
    assert_eq!(code_b, "kicked");
    let r = join(&s, &ben.access, &code).await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.code(), "kicked");
    let r = get_session(&s, &ben.access, id).await;
    assert_eq!(r.status, 404, "{}", r.text());
    assert!(!listed(&s, &ben.access).await.contains(&id));
    let r = get_session(&s, &ana.access, id).await;
    assert!(
        !member_ids(&r.json()).contains(&ben.user_id),
        "{}",
        r.text()
    );

    // An invite does not bring him back.
    let r = invite(&s, &ana.access, id, ben.user_id).await;
    if r.status == 201 {
        let inv = r.json()["invite"]["id"].as_i64().expect("invite id");
        let r = answer_invite(&s, &ben.access, inv, "accept").await;
        assert_eq!(r.status, 403, "{}", r.text());
        assert_eq!(r.code(), "kicked");
    } else {
        assert_eq!(r.status, 403, "{}", r.text());
        assert_eq!(r.code(), "kicked");
    }
    let r = join(&s, &ben.access, &code).await;
    assert_eq!(r.status, 403, "{}", r.text());
}

// ---------------------------------------------------------------------------------------------
// 14. The host ends the session
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_host_ends_the_session_for_everyone() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let cara = user(&s, "cara").await;
    let (id, code, mut a, mut b, p) = drawing_pair(&s, &ana, &ben).await;
    ack(&mut b, id, "b-1", draw(&p, 1.0)).await;

    let r = s
        .post(&format!("/api/collab/sessions/{id}/end"))
        .bearer(&ben.access)
        .send()
        .await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.code(), "not_host");

    let r = s
        .post(&format!("/api/collab/sessions/{id}/end"))
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["state"], "ended");
    for ws in [&mut a, &mut b] {
        let f = ws.next_of("collab.ended").await;
        assert_eq!(f["session_id"], id, "{f}");
        assert_eq!(f["reason"], "host_ended", "{f}");
    }

    assert_eq!(
        refused(&mut b, id, "b-late", draw(&p, 2.0)).await,
        "session_closed"
    );
    assert_eq!(
        refused(&mut a, id, "a-late", page_text(&p, "late")).await,
        "session_closed"
    );
    let r = join(&s, &cara.access, &code).await;
    assert_eq!(r.status, 404, "{}", r.text());
    assert_eq!(r.code(), "session_not_found");
    assert!(!listed(&s, &ben.access).await.contains(&id));
    let r = get_session(&s, &ana.access, id).await;
    assert_eq!(r.json()["state"], "ended", "{}", r.text());
}

// ---------------------------------------------------------------------------------------------
// 15. Capacity and expiry
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_session_refuses_codes_and_invites() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let cara = user(&s, "cara").await;
    let fay = user(&s, "fay").await;
    s.befriend(&ana, &fay, "fay").await;

    // Out-of-range settings.
    for body in [
        json!({ "max_participants": 1 }),
        json!({ "max_participants": 11 }),
        json!({ "hours": 0 }),
        json!({ "hours": 73 }),
        json!({ "title": "x".repeat(81) }),
    ] {
        let r = s
            .post("/api/collab/sessions")
            .bearer(&ana.access)
            .json(&body)
            .send()
            .await;
        assert_eq!(r.status, 422, "{body}: {}", r.text());
    }
    let plain = create_session(&s, &ana.access, json!({})).await;
    assert_eq!(plain["title"], "Our story");
    assert_eq!(plain["max_participants"], 6);

    let created = create_session(&s, &ana.access, json!({ "max_participants": 2 })).await;
    let id = id_of(&created);
    let code = code_of(&created);
    assert_eq!(created["max_participants"], 2);
    let r = invite(&s, &ana.access, id, fay.user_id).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let inv = r.json()["invite"]["id"].as_i64().expect("invite id");

    join_ok(&s, &ben.access, &code).await;
    let r = join(&s, &cara.access, &code).await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.code(), "session_full");
    let r = answer_invite(&s, &fay.access, inv, "accept").await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.code(), "session_full");
    // A member joining again is not a newcomer.
    join_ok(&s, &ben.access, &code).await;
    let r = get_session(&s, &ana.access, id).await;
    assert_eq!(
        member_ids(&r.json()),
        sorted(vec![ana.user_id, ben.user_id])
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_session_is_over_on_next_access() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let cara = user(&s, "cara").await;
    let (id, code) = new_session(&s, &ana.access).await;
    join_ok(&s, &ben.access, &code).await;

    s.db_rw()
        .execute(
            "UPDATE collab_sessions SET expires_at = 0 WHERE id = ?1",
            [id],
        )
        .expect("expire");

    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let r = join(&s, &cara.access, &code).await;
        if r.status == 404 {
            assert_eq!(r.code(), "session_not_found");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "still joinable: {} {}",
            r.status,
            r.text()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let mut b = Ws::connect(&s, &ben.access).await;
    let code_b = error_code(&mut b, json!({ "type": "collab.join", "session_id": id })).await;
    assert_eq!(code_b, "session_closed");
    alive(&mut b).await;

    let r = get_session(&s, &ana.access, id).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["state"], "ended", "an expired session is ended");
    assert!(!listed(&s, &ana.access).await.contains(&id));
    assert!(!listed(&s, &ben.access).await.contains(&id));
}

// ---------------------------------------------------------------------------------------------
// 16. Invites
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn friends_are_invited_pushed_and_let_in() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let fay = user(&s, "fay").await;
    let gus = user(&s, "gus").await;
    let nia = user(&s, "nia").await;
    s.befriend(&ana, &fay, "fay").await;
    s.befriend(&ana, &gus, "gus").await;
    s.befriend(&fay, &gus, "gus").await;
    let created = create_session(&s, &ana.access, json!({ "title": "Snow fort" })).await;
    let id = id_of(&created);

    let mut f = Ws::connect(&s, &fay.access).await;
    let r = invite(&s, &ana.access, id, fay.user_id).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let first = r.json()["invite"].clone();
    assert_eq!(first["session_id"], id, "{first}");
    let first_id = first["id"].as_i64().expect("invite id");

    let n = notification_of(&mut f, "collab_invite").await;
    let note = &n["notification"];
    assert_eq!(note["actor"]["id"], ana.user_id, "{n}");
    assert_eq!(note["data"]["session_id"], id, "{n}");
    assert_eq!(note["data"]["invite_id"], first_id, "{n}");
    assert_eq!(note["data"]["title"], "Snow fort", "{n}");
    assert_eq!(note["read"], false, "{n}");
    assert!(n["unread_count"].as_i64().unwrap_or(0) >= 1, "{n}");

    let list = pending_invites(&s, &fay.access).await;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["id"], first_id);
    assert_eq!(list[0]["session_id"], id);
    assert_eq!(list[0]["title"], "Snow fort");
    assert_eq!(list[0]["inviter"]["id"], ana.user_id);
    assert_eq!(list[0]["inviter"]["display_name"], "ana");

    // Inviting again keeps one pending invite.
    let r = invite(&s, &ana.access, id, fay.user_id).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let latest = r.json()["invite"]["id"].as_i64().expect("invite id");
    let list = pending_invites(&s, &fay.access).await;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["id"], latest);
    let pending: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM collab_invites WHERE session_id = ?1 AND invitee_id = ?2 AND status = 'pending'",
            params![id, fay.user_id],
            |r| r.get(0),
        )
        .expect("count invites");
    assert_eq!(pending, 1);

    // Fay accepts and may open the room.
    let r = answer_invite(&s, &fay.access, latest, "accept").await;
    assert_eq!(r.status, 200, "{}", r.text());
    let joined = r.json();
    assert_eq!(joined["id"], id);
    assert_eq!(joined["is_host"], false);
    assert_eq!(member_ids(&joined), sorted(vec![ana.user_id, fay.user_id]));
    let state = join_room(&mut f, id).await;
    assert_eq!(member(&state, fay.user_id)["online"], true);
    assert!(pending_invites(&s, &fay.access).await.is_empty());

    // Friends only, host only.
    let r = invite(&s, &ana.access, id, nia.user_id).await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.code(), "not_friends");
    let r = invite(&s, &fay.access, id, gus.user_id).await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.code(), "not_host");

    // Someone else's invite; declining.
    let r = invite(&s, &ana.access, id, gus.user_id).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let gus_inv = r.json()["invite"]["id"].as_i64().expect("invite id");
    let r = answer_invite(&s, &nia.access, gus_inv, "accept").await;
    assert_eq!(r.status, 404, "{}", r.text());
    assert_eq!(r.code(), "invite_not_found");
    let r = answer_invite(&s, &nia.access, gus_inv, "decline").await;
    assert_eq!(r.status, 404, "{}", r.text());
    assert_eq!(pending_invites(&s, &gus.access).await.len(), 1);
    let r = answer_invite(&s, &gus.access, gus_inv, "decline").await;
    assert_eq!(r.status, 204, "{}", r.text());
    assert!(pending_invites(&s, &gus.access).await.is_empty());
    let r = get_session(&s, &gus.access, id).await;
    assert_eq!(
        r.status,
        404,
        "declining does not make a member: {}",
        r.text()
    );
}

// ---------------------------------------------------------------------------------------------
// The lobby, malformed ops, and a restart
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lobby_refuses_drawing_but_chat_views_and_cursors_work() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let cara = user(&s, "cara").await;
    let (id, code) = new_session(&s, &ana.access).await;
    join_ok(&s, &ben.access, &code).await;
    let (mut a, st) = open_room(&s, &ana.access, id).await;
    let (mut b, _) = open_room(&s, &ben.access, id).await;
    a.next_of("collab.member_joined").await;
    let p = first_page(&st);

    assert_eq!(
        refused(&mut a, id, "early", draw(&p, 1.0)).await,
        "not_started"
    );
    assert_eq!(
        refused(&mut b, id, "early-t", page_text(&p, "hi")).await,
        "not_started"
    );
    let t = json!({ "kind": "title", "text": "Too soon" });
    assert_eq!(refused(&mut b, id, "early-title", t).await, "not_started");
    b.none_of("collab.op", QUIET).await;

    b.send(json!({ "type": "collab.view", "session_id": id, "page_id": p }))
        .await;
    assert_eq!(a.next_of("collab.view").await["user_id"], ben.user_id);
    b.send(json!({ "type": "collab.cursor", "session_id": id, "page_id": p, "x": 5.0, "y": 6.0 }))
        .await;
    let cur = a.next_of("collab.cursor").await;
    assert_eq!(cur["user_id"], ben.user_id);
    assert_eq!(cur["x"].as_f64(), Some(5.0));

    // A rude line is refused to its sender and reaches nobody; a kind one reaches everyone,
    // the sender too.
    let refusal = error_code(
        &mut a,
        json!({ "type": "collab.chat", "session_id": id, "text": "this is shit" }),
    )
    .await;
    assert_eq!(refusal, "profanity");
    a.send(json!({ "type": "collab.chat", "session_id": id, "text": "this is fun" }))
        .await;
    let masked = "this is fun".to_string();
    for ws in [&mut a, &mut b] {
        let f = ws.next_of("collab.chat").await;
        assert_eq!(f["session_id"], id, "{f}");
        assert_eq!(f["user_id"], ana.user_id, "{f}");
        assert!(f["at"].is_string() || f["at"].is_number(), "{f}");
        assert_eq!(f["text"], masked.as_str(), "{f}");
    }

    // Lobby close: no more joins by code; host only.
    let close = |who: &Session| {
        s.post(&format!("/api/collab/sessions/{id}/lobby/close"))
            .bearer(&who.access)
    };
    let r = close(&ben).send().await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.code(), "not_host");
    let r = close(&ana).send().await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["lobby_open"], false);
    let r = join(&s, &cara.access, &code).await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.code(), "lobby_closed");

    // Only the host starts; then drawing works.
    let r = s
        .post(&format!("/api/collab/sessions/{id}/start"))
        .bearer(&ben.access)
        .send()
        .await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.code(), "not_host");
    start(&s, &ana.access, id).await;
    for ws in [&mut a, &mut b] {
        // Closing the lobby pushed a status too.
        let mut f = ws.next_of("collab.status").await;
        if f["state"] == "lobby" {
            f = ws.next_of("collab.status").await;
        }
        assert_eq!(f["state"], "drawing", "{f}");
        assert_eq!(f["lobby_open"], false, "{f}");
    }
    ack(&mut a, id, "now", draw(&p, 1.0)).await;
    assert_eq!(wait_ops(&s, id, "draw", 1).await, 1);
    assert_eq!(op_count(&s, id, "page_text"), 0);
    assert_eq!(op_count(&s, id, "title"), 0);

    let fresh = snapshot(&s, &ben.access, id).await;
    let chat = fresh["chat"].as_array().cloned().expect("chat");
    assert!(
        chat.iter()
            .any(|m| m["text"] == masked.as_str() && m["user_id"] == ana.user_id),
        "{chat:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_ops_are_refused_and_the_socket_stays_open() {
    let s = server().await;
    let ana = user(&s, "ana").await;
    let ben = user(&s, "ben").await;
    let (id, _code, mut a, mut b, p) = drawing_pair(&s, &ana, &ben).await;

    let mut red = stroke(1.0);
    red["color"] = json!("red");
    let mut extra = stroke(1.0);
    extra["glitter"] = json!(true);
    let mut odd = stroke(1.0);
    odd["points"] = json!([1.0, 2.0, 3.0]);
    let bad = [
        ("red", json!({ "kind": "draw", "page_id": p, "item": red })),
        (
            "extra",
            json!({ "kind": "draw", "page_id": p, "item": extra }),
        ),
        ("odd", json!({ "kind": "draw", "page_id": p, "item": odd })),
        ("no-item", json!({ "kind": "draw", "page_id": p })),
        ("dance", json!({ "kind": "dance" })),
        ("no-kind", json!({ "page_id": p })),
        ("long-text", page_text(&p, &"a".repeat(5001))),
        (
            "long-title",
            json!({ "kind": "title", "text": "t".repeat(81) }),
        ),
    ];
    for (cid, op) in bad {
        assert_eq!(refused(&mut a, id, cid, op).await, "invalid_op", "{cid}");
    }
    let nowhere = json!("no-such-page");
    assert_eq!(
        refused(&mut a, id, "nowhere", draw(&nowhere, 1.0)).await,
        "page_not_found"
    );

    // Not JSON at all.
    a.send_text("{not json").await;
    assert_eq!(a.next_of("error").await["code"], "bad_json");

    // Still open, and a good op goes through; only it reaches B.
    let seq = ack(&mut a, id, "good", draw(&p, 7.0)).await;
    let o = b.next_of("collab.op").await;
    assert_eq!(
        o["client_op_id"], "good",
        "rejected ops are not relayed: {o}"
    );
    assert_eq!(o["seq"], seq);
    let ok_text = page_text(&p, &"a".repeat(5000));
    ack(&mut a, id, "max-text", ok_text).await;
    assert_eq!(wait_ops(&s, id, "draw", 1).await, 1);
    assert_eq!(op_count(&s, id, "title"), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_keeps_the_room_and_its_seq() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A long write-behind interval: the ops reach the database in the pause after them or
    // through the clean shutdown, never by the interval (tests/it/crash.rs holds a load through
    // SIGTERM).
    let flags = ["--presence-grace-ms", "200", "--collab-batch-ms", "10000"];
    let s = TestServer::start_in(dir.path(), &flags)
        .await
        .expect("start");
    let ana = user(&s, "ana").await;
    let (id, _code) = new_session(&s, &ana.access).await;
    start(&s, &ana.access, id).await;
    let (mut a, st) = open_room(&s, &ana.access, id).await;
    let p = first_page(&st);
    let mut seqs = Vec::new();
    for i in 0..3 {
        seqs.push(
            ack(
                &mut a,
                id,
                &format!("a-{i}"),
                draw(&p, 10.0 * (i + 1) as f64),
            )
            .await,
        );
    }
    let last = *seqs.last().expect("seq");
    a.close().await;
    s.stop().await;

    let stored: i64 = rusqlite::Connection::open(dir.path().join("pixeltales.db"))
        .expect("open db")
        .query_row(
            "SELECT count(*) FROM collab_ops WHERE session_id = ?1 AND json_extract(op, '$.kind') = 'draw'",
            [id],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(stored, 3, "a clean shutdown flushes the op log");

    let s = TestServer::start_in(dir.path(), &flags)
        .await
        .expect("restart");
    let (mut a, st) = open_room(&s, &ana.access, id).await;
    assert_eq!(st["state"], "drawing", "{st}");
    assert_eq!(st["seq"], last, "{st}");
    assert_eq!(page_ids(&st), vec![p.clone()]);
    let items = entries(&page(&st, &p));
    assert_eq!(items.len(), 3, "{st}");
    for (i, e) in items.iter().enumerate() {
        assert_eq!(e["seq"], seqs[i], "{e}");
        assert_eq!(e["user_id"], ana.user_id, "{e}");
        assert_eq!(e["hidden"], false, "{e}");
        assert_stroke(&e["item"], 10.0 * (i + 1) as f64);
    }
    let next = ack(&mut a, id, "a-after", draw(&p, 99.0)).await;
    assert!(next > last, "seq continues: {next} after {last}");
    a.close().await;
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pause_in_drawing_writes_the_ops_without_waiting_for_the_interval() {
    // With a 10 s interval, only the pause after the last op can write it within wait_ops' 3 s.
    let s =
        TestServer::start_with(&["--presence-grace-ms", "200", "--collab-batch-ms", "10000"]).await;
    let ana = user(&s, "ana_pause").await;
    let (id, _code) = new_session(&s, &ana.access).await;
    start(&s, &ana.access, id).await;
    let (mut a, st) = open_room(&s, &ana.access, id).await;
    let p = first_page(&st);
    for i in 0..5 {
        ack(&mut a, id, &format!("p-{i}"), draw(&p, 10.0 + i as f64)).await;
    }
    assert_eq!(
        wait_ops(&s, id, "draw", 5).await,
        5,
        "the tail of a burst is written"
    );
    a.close().await;
}

// ---------------------------------------------------------------------------------------------
// Regressions from the review of the first version
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn written_text_in_ops_is_refused_before_anyone_sees_it_or_it_is_logged() {
    let s = server().await;
    let ana = user(&s, "ana_mask").await;
    let ben = user(&s, "ben_mask").await;
    let (id, code) = new_session(&s, &ana.access).await;
    join_ok(&s, &ben.access, &code).await;
    start(&s, &ana.access, id).await;
    let (mut a, state) = open_room(&s, &ana.access, id).await;
    let (mut b, _) = open_room(&s, &ben.access, id).await;
    let p = first_page(&state);
    let code = refused(&mut a, id, "t-1", page_text(&p, "what a shit day")).await;
    assert_eq!(code, "profanity");
    let code = refused(
        &mut a,
        id,
        "t-2",
        json!({ "kind": "title", "text": "  shit story  " }),
    )
    .await;
    assert_eq!(code, "profanity");
    let code = refused(&mut a, id, "t-3", page_text(&p, "call me 0917 123 4567")).await;
    assert_eq!(code, "personal_details");
    ack(&mut a, id, "t-4", page_text(&p, "what a sunny day")).await;
    let text_op = next_op(&mut b, "page_text").await;
    assert_eq!(text_op["op"]["text"], "what a sunny day", "{text_op}");
    wait_ops(&s, id, "page_text", 1).await;
    let stored: Vec<String> = s
        .db()
        .prepare("SELECT op FROM collab_ops WHERE session_id = ?1")
        .expect("prepare")
        .query_map([id], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert!(
        stored
            .iter()
            .all(|o| !o.contains("shit") && !o.contains("0917")),
        "{stored:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_join_codes_is_rate_limited() {
    let s = server().await;
    let eve = user(&s, "eve_guess").await;
    let mut statuses = Vec::new();
    for i in 0..12 {
        let guess: String = (0..5)
            .map(|k| ALPHABET.as_bytes()[(i * 7 + k) % ALPHABET.len()] as char)
            .collect();
        statuses.push(join(&s, &eve.access, &guess).await.status);
    }
    assert!(statuses[..10].iter().all(|st| *st == 404), "{statuses:?}");
    assert_eq!(statuses[11], 429, "{statuses:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn frames_for_rooms_not_joined_load_nothing_and_big_previews_are_refused() {
    let s = server().await;
    let ana = user(&s, "ana_load").await;
    let eve = user(&s, "eve_load").await;
    let (id, _) = new_session(&s, &ana.access).await;
    start(&s, &ana.access, id).await;
    let mut e = Ws::connect(&s, &eve.access).await;
    for sid in [id, 999_999] {
        let code = error_code(
            &mut e,
            json!({ "type": "collab.cursor", "session_id": sid, "page_id": "p1", "x": 1, "y": 2 }),
        )
        .await;
        assert_eq!(code, "not_joined");
    }
    let metrics = s.get("/metrics").send().await.text();
    assert!(metrics.contains("pixeltales_rooms_live 0"), "{metrics}");

    let (mut a, state) = open_room(&s, &ana.access, id).await;
    let p = first_page(&state);
    let big = "x".repeat(20 * 1024);
    let code = error_code(
        &mut a,
        json!({ "type": "collab.preview", "session_id": id, "page_id": p, "data": { "pad": big } }),
    )
    .await;
    assert_eq!(code, "bad_frame");
    let long_page = "p".repeat(40);
    let code = error_code(
        &mut a,
        json!({ "type": "collab.view", "session_id": id, "page_id": long_page }),
    )
    .await;
    assert_eq!(code, "bad_frame");
    alive(&mut a).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_vote_open_at_a_restart_does_not_lock_the_session() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = TestServer::start_in(dir.path(), FLAGS)
        .await
        .expect("start");
    let ana = user(&s, "ana_vote").await;
    let ben = user(&s, "ben_vote").await;
    let (id, code) = new_session(&s, &ana.access).await;
    join_ok(&s, &ben.access, &code).await;
    start(&s, &ana.access, id).await;
    let (mut a, _) = open_room(&s, &ana.access, id).await;
    let (_b, _) = open_room(&s, &ben.access, id).await;
    a.send(json!({ "type": "collab.vote_start", "session_id": id }))
        .await;
    a.next_of("collab.vote_started").await;
    s.stop().await;

    let s = TestServer::start_in(dir.path(), FLAGS)
        .await
        .expect("restart");
    let ana = s.login("ana_vote", crate::common::PASSWORD).await;
    let token = ana.json()["access_token"]
        .as_str()
        .expect("token")
        .to_string();
    let (mut a, state) = open_room(&s, &token, id).await;
    assert_eq!(state["state"], "drawing", "{state}");
    a.send(json!({ "type": "collab.vote_start", "session_id": id }))
        .await;
    let f = a.next_of("collab.vote_started").await;
    assert_eq!(f["session_id"], id, "{f}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn op_and_invite_limits_answer_clearly() {
    let s = server_with(&["--ws-ops-per-sec", "5"]).await;
    let ana = user(&s, "ana_limit").await;
    let ben = user(&s, "ben_limit").await;
    let (id, _code, mut a, _b, p) = drawing_pair(&s, &ana, &ben).await;
    // A burst of twice the rate is taken; beyond it, ops are refused with a code, not dropped
    // silently, and nothing refused is stored.
    let mut codes = Vec::new();
    for i in 0..14 {
        let f = send_op(&mut a, id, &format!("l-{i}"), draw(&p, f64::from(i))).await;
        codes.push(if f["type"] == "collab.ack" {
            "ack".to_string()
        } else {
            f["code"].as_str().unwrap_or("").to_string()
        });
    }
    let acked = codes.iter().filter(|c| *c == "ack").count() as i64;
    assert!(codes.contains(&"rate_limited".to_string()), "{codes:?}");
    assert_eq!(wait_ops(&s, id, "draw", acked).await, acked);
    alive(&mut a).await;

    // Inviting: re-inviting the same friend over and over hits the invite limit (30 at once).
    let cy = user(&s, "cy_limit").await;
    s.befriend(&ana, &cy, "cy_limit").await;
    let mut last = 0;
    for _ in 0..31 {
        last = invite(&s, &ana.access, id, cy.user_id).await.status;
    }
    assert_eq!(last, 429);
}

//! Drawing sessions and sockets (realtime.md §7).

use super::helpers::*;

/// once the host ends a session, no host control or socket brings it back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ended_session_cannot_be_restarted_reopened_or_rejoined() {
    let s = TestServer::start_with(COLLAB).await;
    let ana = s.register("ana", "child").await;
    let ben = s.register("ben", "child").await;
    let cara = s.register("cara", "child").await;
    s.befriend(&ana, &cara, "cara").await;
    let (id, code) = new_session(&s, &ana.access).await;
    join_by_code(&s, &ben.access, &code).await;
    start_session(&s, &ana.access, id).await;
    let (mut a, st) = open_room(&s, &ana.access, id).await;
    let (mut b, _) = open_room(&s, &ben.access, id).await;
    ack(&mut b, id, draw(&first_page(&st), 1.0)).await;

    let r = host_call(&s, &ana.access, id, "end", None).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["state"], "ended");
    a.next_of("collab.ended").await;

    for (action, body) in [
        ("start", None),
        ("lobby/close", None),
        ("end", None),
        ("kick", Some(json!({ "user_id": ben.user_id }))),
    ] {
        let r = host_call(&s, &ana.access, id, action, body).await;
        refused(&r, 409, "session_closed", action);
    }
    let r = host_call(
        &s,
        &ana.access,
        id,
        "invites",
        Some(json!({ "user_id": cara.user_id })),
    )
    .await;
    refused(&r, 404, "session_not_found", "invite into an ended session");

    // The host's open room socket cannot start a vote (which would publish).
    let code_a = frame_error(
        &mut a,
        json!({ "type": "collab.vote_start", "session_id": id }),
    )
    .await;
    assert_eq!(code_a, "session_closed");
    // A fresh socket cannot reopen the room; what it sends next is not taken either.
    let mut a2 = Ws::connect(&s, &ana.access).await;
    let code_join = frame_error(&mut a2, json!({ "type": "collab.join", "session_id": id })).await;
    assert_eq!(code_join, "session_closed");
    let code_vote = frame_error(
        &mut a2,
        json!({ "type": "collab.vote_start", "session_id": id }),
    )
    .await;
    assert_eq!(code_vote, "not_joined");

    let r = s
        .get(&format!("/api/collab/sessions/{id}"))
        .bearer(&ana.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["state"], "ended");
    let (state, story, lobby): (String, Option<i64>, i64) = s
        .db()
        .query_row(
            "SELECT state, story_id, lobby_open FROM collab_sessions WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("session row");
    assert_eq!((state.as_str(), story, lobby), ("ended", None, 1));
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM stories WHERE author_id = ?1",
            [ana.user_id],
        ),
        0
    );
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM collab_invites WHERE session_id = ?1",
            [id],
        ),
        0
    );
}

/// an invite is no way into a session that is over, and an expired invite is dead.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invite_cannot_be_accepted_after_the_session_or_the_invite_expired() {
    let s = TestServer::start_with(COLLAB).await;
    let ana = s.register("ana", "child").await;
    let fay = s.register("fay", "child").await;
    s.befriend(&ana, &fay, "fay").await;
    let member_rows = |session: i64| {
        count(
            &s,
            "SELECT count(*) FROM collab_members WHERE session_id = ?1 AND user_id = ?2",
            params![session, fay.user_id],
        )
    };

    // The session expires while the invite is still pending.
    let (id, _) = new_session(&s, &ana.access).await;
    let r = host_call(
        &s,
        &ana.access,
        id,
        "invites",
        Some(json!({ "user_id": fay.user_id })),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let inv = r.json()["invite"]["id"].as_i64().expect("invite id");
    s.db_rw()
        .execute(
            "UPDATE collab_sessions SET expires_at = 0 WHERE id = ?1",
            [id],
        )
        .expect("expire the session");
    let r = answer_invite(&s, &fay.access, inv, "accept").await;
    refused(
        &r,
        404,
        "session_not_found",
        "accept into an expired session",
    );
    let r = s
        .get(&format!("/api/collab/sessions/{id}"))
        .bearer(&fay.access)
        .send()
        .await;
    refused(
        &r,
        404,
        "session_not_found",
        "GET the session after the refusal",
    );
    assert_eq!(member_rows(id), 0);

    // The invite itself expires while the session is live.
    let (id2, _) = new_session(&s, &ana.access).await;
    let r = host_call(
        &s,
        &ana.access,
        id2,
        "invites",
        Some(json!({ "user_id": fay.user_id })),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let inv2 = r.json()["invite"]["id"].as_i64().expect("invite id");
    s.db_rw()
        .execute(
            "UPDATE collab_invites SET expires_at = 0 WHERE id = ?1",
            [inv2],
        )
        .expect("expire the invite");
    for answer in ["accept", "decline"] {
        let r = answer_invite(&s, &fay.access, inv2, answer).await;
        refused(&r, 404, "invite_not_found", answer);
    }
    assert_eq!(member_rows(id2), 0);

    let r = s
        .get("/api/collab/invites")
        .bearer(&fay.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["items"], json!([]), "{}", r.text());
}

/// a member the host removed is not credited on the published story, even if they drew.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kicked_member_is_not_credited_as_a_co_author() {
    let s = TestServer::start_with(COLLAB).await;
    let ana = s.register("ana", "child").await;
    let ben = s.register("ben", "child").await;
    let cara = s.register("cara", "child").await;
    let (id, code) = new_session(&s, &ana.access).await;
    join_by_code(&s, &ben.access, &code).await;
    join_by_code(&s, &cara.access, &code).await;
    start_session(&s, &ana.access, id).await;
    let (mut a, st) = open_room(&s, &ana.access, id).await;
    let (mut b, _) = open_room(&s, &ben.access, id).await;
    let (mut c, _) = open_room(&s, &cara.access, id).await;
    let p = first_page(&st);
    ack(&mut b, id, draw(&p, 1.0)).await;
    ack(&mut c, id, draw(&p, 2.0)).await;

    let r = host_call(
        &s,
        &ana.access,
        id,
        "kick",
        Some(json!({ "user_id": ben.user_id })),
    )
    .await;
    assert_eq!(r.status, 204, "{}", r.text());
    assert_eq!(b.closed().await.0, 4004, "the kicked member's room socket");
    for ws in [&mut a, &mut c] {
        let f = ws.next_of("collab.kicked").await;
        assert_eq!(f["user_id"], ben.user_id, "{f}");
    }

    a.send(json!({ "type": "collab.vote_start", "session_id": id }))
        .await;
    for ws in [&mut a, &mut c] {
        let f = ws.next_of("collab.vote_started").await;
        let mut voters: Vec<i64> = f["voters"]
            .as_array()
            .expect("voters")
            .iter()
            .map(|v| v.as_i64().expect("voter id"))
            .collect();
        voters.sort_unstable();
        let mut want = vec![ana.user_id, cara.user_id];
        want.sort_unstable();
        assert_eq!(voters, want, "the kicked member does not vote: {f}");
    }
    c.send(json!({ "type": "collab.vote", "session_id": id, "yes": true }))
        .await;
    let story_id = c.next_of("collab.published").await["story_id"]
        .as_i64()
        .expect("story id");
    assert_eq!(a.next_of("collab.published").await["story_id"], story_id);

    let story = get_ok(&s, &ana, &format!("/api/stories/{story_id}")).await;
    assert_eq!(story["author"]["id"], ana.user_id, "{story}");
    let coauthors: Vec<i64> = story["coauthors"]
        .as_array()
        .expect("coauthors")
        .iter()
        .map(|p| p["id"].as_i64().expect("co-author id"))
        .collect();
    assert_eq!(coauthors, vec![cara.user_id], "{story}");
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM story_authors WHERE story_id = ?1 AND user_id = ?2",
            params![story_id, ben.user_id],
        ),
        0
    );
    // Whether Ben's stroke stays on the page is a content decision, not asserted here.
}

/// only the single-use ticket goes in a URL; an access token there opens nothing and is
/// never written to the log.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_access_token_in_the_url_is_never_accepted_or_logged() {
    let s = TestServer::start().await;
    let u = s.register("urly", "child").await;
    for key in ["ticket", "token", "access_token"] {
        let raw = open_raw(s.addr, &format!("{key}={}", u.access))
            .await
            .expect("upgrade accepted");
        let mut ws = Ws::from_raw(raw);
        assert_eq!(ws.closed().await.0, 4401, "/ws?{key}=<access token>");
    }
    for key in ["access_token", "token"] {
        let r = s.get(&format!("/api/me?{key}={}", u.access)).send().await;
        refused(&r, 401, "missing_token", &format!("/api/me?{key}="));
    }

    // The real binary logs paths without their query.
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = BinServer::spawn(dir.path(), &[]);
    let r = bin
        .call("GET", "/api/me?access_token=leakmarker123")
        .send()
        .await;
    refused(&r, 401, "missing_token", "binary /api/me?access_token=");
    if let Ok(raw) = open_raw(bin.addr, "ticket=leakmarker456").await {
        let mut ws = Ws::from_raw(raw);
        assert_eq!(ws.closed().await.0, 4401);
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    while !(bin.log().contains("/api/me") && bin.log().contains("/ws")) {
        assert!(
            Instant::now() < deadline,
            "requests were not logged:\n{}",
            bin.log()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let log = bin.log();
    assert!(
        !log.contains("leakmarker"),
        "a query reached the log:\n{log}"
    );
}

/// two deciding votes arriving together still make exactly one story.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_deciding_votes_at_once_publish_one_story() {
    let s = TestServer::start_with(COLLAB).await;
    let ana = s.register("ana", "child").await;
    let ben = s.register("ben", "child").await;
    let cara = s.register("cara", "child").await;
    let (id, code) = new_session(&s, &ana.access).await;
    join_by_code(&s, &ben.access, &code).await;
    join_by_code(&s, &cara.access, &code).await;
    start_session(&s, &ana.access, id).await;
    let (mut a, st) = open_room(&s, &ana.access, id).await;
    let (mut b, _) = open_room(&s, &ben.access, id).await;
    let (mut c, _) = open_room(&s, &cara.access, id).await;
    ack(&mut a, id, draw(&first_page(&st), 1.0)).await;

    a.send(json!({ "type": "collab.vote_start", "session_id": id }))
        .await;
    for ws in [&mut a, &mut b, &mut c] {
        ws.next_of("collab.vote_started").await;
    }
    let yes = json!({ "type": "collab.vote", "session_id": id, "yes": true });
    tokio::join!(b.send(yes.clone()), c.send(yes));

    let mut story = 0;
    for ws in [&mut a, &mut b, &mut c] {
        let sid = ws.next_of("collab.published").await["story_id"]
            .as_i64()
            .expect("story id");
        if story == 0 {
            story = sid;
        }
        assert_eq!(sid, story, "one story for everyone");
    }
    for ws in [&mut a, &mut b, &mut c] {
        ws.none_of("collab.published", QUIET).await;
    }
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM stories WHERE author_id = ?1",
            [ana.user_id],
        ),
        1
    );
    let (state, linked): (String, Option<i64>) = s
        .db()
        .query_row(
            "SELECT state, story_id FROM collab_sessions WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("session row");
    assert_eq!((state.as_str(), linked), ("published", Some(story)));
}

/// Row 45 (optional asserts): one socket opens at most four canvases, and a socket that keeps
/// sending refused frames is closed for abuse.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_socket_cannot_open_unlimited_rooms_or_keep_sending_refused_frames() {
    let s = TestServer::start_with(COLLAB).await;
    let ana = s.register("ana", "child").await;
    let mut ids = Vec::new();
    for _ in 0..5 {
        ids.push(new_session(&s, &ana.access).await.0);
    }
    let mut ws = Ws::connect(&s, &ana.access).await;
    for id in &ids[..4] {
        let f = ws
            .request(
                json!({ "type": "collab.join", "session_id": id }),
                &rid("join"),
            )
            .await;
        assert_eq!(f["type"], "collab.state", "{f}");
    }
    let code = frame_error(
        &mut ws,
        json!({ "type": "collab.join", "session_id": ids[4] }),
    )
    .await;
    assert_eq!(code, "too_many_rooms");

    let mut spam = Ws::connect(&s, &ana.access).await;
    for _ in 0..200 {
        spam.send_text("not a frame").await;
    }
    assert_eq!(spam.closed().await.0, 1008, "closed for abuse");
}

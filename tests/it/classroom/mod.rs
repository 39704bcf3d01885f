//! The classroom morning through the real server: a roster pasted into accounts, the class
//! sign-in page and its hours, printed cards, a whole school signing in from one address,
//! publishing approval, the class library and book, and the teacher's home.

mod approval;
mod attacks;
mod signin;

use crate::common::{Session, TestServer};
use serde_json::{Value, json};

/// A teacher's new class with its sign-in open (tests run at any hour); returns (id, code).
pub async fn open_class(s: &TestServer, t: &Session, name: &str) -> (i64, String) {
    let r = s
        .post("/api/classes")
        .bearer(&t.access)
        .json(&json!({ "name": name }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let class = r.json()["class"].clone();
    let id = class["id"].as_i64().expect("id");
    let r = s
        .patch(&format!("/api/classes/{id}/settings"))
        .bearer(&t.access)
        .json(&json!({ "signin": "open" }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["class"]["signin_open_now"], true);
    (id, class["join_code"].as_str().expect("code").to_string())
}

/// Pastes a roster; returns the new children (id, username, pictures...).
pub async fn roster(s: &TestServer, t: &Session, class: i64, text: &str) -> Vec<Value> {
    let r = s
        .post(&format!("/api/classes/{class}/roster"))
        .bearer(&t.access)
        .json(&json!({ "text": text }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()["created"].as_array().expect("created").clone()
}

/// A child's picture ids, as the card prints them.
pub fn pictures(kid: &Value) -> Value {
    kid["pictures"]
        .as_array()
        .expect("pictures")
        .iter()
        .map(|p| p["id"].clone())
        .collect()
}

/// A child of the class signs in with the pictures the roster gave them.
pub async fn sign_in(s: &TestServer, kid: &Value) -> Session {
    let r = s
        .post("/api/auth/login")
        .json(&json!({ "username": kid["username"], "picture": pictures(kid) }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    Session::from(&r.json())
}

fn users(s: &TestServer) -> i64 {
    s.db()
        .query_row("SELECT count(*) FROM users", [], |r| r.get(0))
        .expect("count")
}

#[tokio::test]
async fn a_teacher_pastes_names_and_gets_accounts_with_pictures_at_once() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, code) = open_class(&s, &t, "Grade 2 Sampaguita").await;
    // A child who joined by code before stays as they are.
    let mum = s.register("mum", "parent").await;
    let joined = s.child_of(&mum, "joined_kid").await;
    let r = s
        .post("/api/classes/join")
        .bearer(&joined.access)
        .json(&json!({ "code": code }))
        .send()
        .await;
    assert_eq!(r.status, 202);
    let r = s
        .post(&format!(
            "/api/classes/{class}/members/{}/approve",
            joined.user_id
        ))
        .bearer(&t.access)
        .send()
        .await;
    assert_eq!(r.status, 204);

    let kids = roster(
        &s,
        &t,
        class,
        "name,display_name\nAna\nJosé María, Jojo\n\"Li, Wei\";Wei\nAna B\n\n",
    )
    .await;
    assert_eq!(kids.len(), 4);
    let names: Vec<&str> = kids
        .iter()
        .map(|k| k["display_name"].as_str().expect("present"))
        .collect();
    assert_eq!(names, ["Ana", "Jojo", "Wei", "Ana B"]);
    let mut usernames: Vec<&str> = kids
        .iter()
        .map(|k| k["username"].as_str().expect("present"))
        .collect();
    assert!(usernames[1].starts_with("josemaria"), "{usernames:?}");
    usernames.sort();
    usernames.dedup();
    assert_eq!(usernames.len(), 4, "usernames are unique");
    let avatars: std::collections::HashSet<&str> = kids
        .iter()
        .map(|k| k["avatar_emoji"].as_str().expect("present"))
        .collect();
    assert_eq!(avatars.len(), 4, "each child gets their own animal");
    // Each can sign in with the pictures the teacher was given.
    for k in &kids {
        assert_eq!(pictures(k).as_array().expect("present").len(), 4);
        let r = s
            .post("/api/auth/login")
            .json(&json!({ "username": k["username"], "picture": pictures(k) }))
            .send()
            .await;
        assert_eq!(r.status, 200, "{}", r.text());
        assert_eq!(r.json()["user"]["role"], "child");
    }
    let detail = s
        .get(&format!("/api/classes/{class}"))
        .bearer(&t.access)
        .send()
        .await
        .json();
    assert_eq!(detail["members"].as_array().expect("present").len(), 5);
    let managed: Vec<bool> = detail["members"]
        .as_array()
        .expect("present")
        .iter()
        .map(|m| m["managed"].as_bool().expect("present"))
        .collect();
    assert_eq!(managed.iter().filter(|m| **m).count(), 4);
    let me = detail["members"]
        .as_array()
        .expect("present")
        .iter()
        .find(|m| m["id"] == joined.user_id)
        .expect("joined child still there");
    assert_eq!(me["managed"], false);
    assert!(
        me["pictures"].is_null(),
        "a family's password is not printed"
    );
}

#[tokio::test]
async fn bad_roster_lines_are_reported_line_by_line_and_nothing_is_stored() {
    let s = TestServer::start().await;
    let t = s.teacher("mr_cruz").await;
    let (class, _) = open_class(&s, &t, "Grade 1").await;
    roster(&s, &t, class, "Bea").await;
    let before = users(&s);
    let long = "x".repeat(60);
    let text = format!(
        "Carlo\n\nDana\nDANA\n{long}\nSh1t head\nEva, call 0917 555 8217\nbea\nFe, fe@example.com\nGus"
    );
    let r = s
        .post(&format!("/api/classes/{class}/roster"))
        .bearer(&t.access)
        .json(&json!({ "text": text }))
        .send()
        .await;
    assert_eq!(r.status, 422, "{}", r.text());
    let body = r.json();
    assert_eq!(body["error"]["code"], "roster_invalid");
    let lines: Vec<(i64, String)> = body["error"]["lines"]
        .as_array()
        .expect("present")
        .iter()
        .map(|l| {
            (
                l["line"].as_i64().expect("present"),
                l["code"].as_str().expect("present").to_string(),
            )
        })
        .collect();
    let expect: Vec<(i64, String)> = [
        (2, "empty_line"),
        (4, "duplicate"),
        (5, "too_long"),
        (6, "rude"),
        (7, "personal"),
        (8, "already_in_class"),
        (9, "personal"),
    ]
    .iter()
    .map(|(n, c)| (*n, c.to_string()))
    .collect();
    assert_eq!(lines, expect, "{body}");
    assert_eq!(users(&s), before, "nothing half-made");

    // Empty, too big, and wrong shapes are clear 4xx too.
    for (body, code) in [
        (json!({ "text": "\n\n" }), 422),
        (json!({ "text": "a\n".repeat(61) }), 422),
        (json!({ "text": 5 }), 400),
        (json!({ "names": "x" }), 400),
    ] {
        let r = s
            .post(&format!("/api/classes/{class}/roster"))
            .bearer(&t.access)
            .json(&body)
            .send()
            .await;
        assert_eq!(r.status, code, "{body}: {}", r.text());
        assert!(r.json()["error"]["message"].is_string());
    }
    assert_eq!(users(&s), before);
}

#[tokio::test]
async fn a_teacher_cares_for_the_accounts_the_class_made_and_only_those() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_tan").await;
    let (class, _) = open_class(&s, &t, "Mango").await;
    let (other_class, _) = open_class(&s, &t, "Guava").await;
    let kids = roster(&s, &t, class, "Ana\nBen\nCara").await;
    let (ana, ben, cara) = (&kids[0], &kids[1], &kids[2]);
    let login = |k: &Value, pics: Value| {
        let body = json!({ "username": k["username"], "picture": pics });
        let call = s.post("/api/auth/login").json(&body);
        async move { call.send().await }
    };
    let ana_session = Session::from(&login(ana, pictures(ana)).await.json());

    // New pictures: the old ones stop working and the child is signed out.
    let r = s
        .post(&format!(
            "/api/classes/{class}/members/{}/password",
            ana["id"]
        ))
        .bearer(&t.access)
        .json(&json!({}))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let fresh = r.json();
    assert_eq!(fresh["pictures"].as_array().expect("present").len(), 4);
    let r = s.get("/api/me").bearer(&ana_session.access).send().await;
    assert_eq!(r.status, 401, "signed out everywhere");
    assert_eq!(login(ana, pictures(&fresh)).await.status, 200);
    // Chosen pictures work too.
    let chosen = json!(["cat", "cat", "sun", "moon"]);
    let r = s
        .post(&format!(
            "/api/classes/{class}/members/{}/password",
            ana["id"]
        ))
        .bearer(&t.access)
        .json(&json!({ "picture": chosen }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(login(ana, chosen.clone()).await.status, 200);

    // A read-only look, written to the audit log.
    let r = s
        .post(&format!(
            "/api/classes/{class}/members/{}/view-as",
            ben["id"]
        ))
        .bearer(&t.access)
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let look = r.json()["access_token"]
        .as_str()
        .expect("present")
        .to_string();
    let me = s.get("/api/me").bearer(&look).send().await;
    assert_eq!(me.json()["id"], ben["id"]);
    let write = s
        .post("/api/stories")
        .bearer(&look)
        .json(&json!({ "title": "Sneaky" }))
        .send()
        .await;
    assert_eq!(write.status, 403, "a look is read-only: {}", write.text());
    let logged: i64 = s
        .db()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'teacher_view_as' AND actor_id = ?1",
            [t.user_id],
            |r| r.get(0),
        )
        .expect("present");
    assert_eq!(logged, 1);

    // Move Ben to the other class; remove Cara (her account closes: nobody else can sign her in).
    let r = s
        .post(&format!("/api/classes/{class}/members/{}/move", ben["id"]))
        .bearer(&t.access)
        .json(&json!({ "class_id": other_class }))
        .send()
        .await;
    assert_eq!(r.status, 204, "{}", r.text());
    let guava = s
        .get(&format!("/api/classes/{other_class}"))
        .bearer(&t.access)
        .send()
        .await
        .json();
    assert_eq!(guava["members"][0]["id"], ben["id"]);
    assert_eq!(guava["members"][0]["managed"], true);
    let r = s
        .delete(&format!("/api/classes/{class}/members/{}", cara["id"]))
        .bearer(&t.access)
        .send()
        .await;
    assert_eq!(r.status, 204);
    let r = login(cara, pictures(cara)).await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "account_closed");

    // A child who joined by code belongs to their family: no resets or looks by the teacher.
    let mum = s.register("mum", "parent").await;
    let kid = s.child_of(&mum, "family_kid").await;
    s.db_rw()
        .execute(
            "INSERT INTO class_members (class_id, user_id, joined_at) VALUES (?1, ?2, 0)",
            [class, kid.user_id],
        )
        .expect("present");
    for path in ["password", "view-as"] {
        let r = s
            .post(&format!(
                "/api/classes/{class}/members/{}/{path}",
                kid.user_id
            ))
            .bearer(&t.access)
            .json(&json!({}))
            .send()
            .await;
        assert_eq!(r.status, 403, "{path}: {}", r.text());
        assert_eq!(r.code(), "not_managed");
    }

    // Another teacher, and a child, reach none of it.
    let other = s.teacher("mr_lim").await;
    for (who, status) in [(&other, 404), (&ana_session, 403)] {
        for (method, path) in [
            ("POST", format!("/api/classes/{class}/roster")),
            ("POST", format!("/api/classes/{class}/cards")),
            (
                "POST",
                format!("/api/classes/{class}/members/{}/view-as", ana["id"]),
            ),
            ("PATCH", format!("/api/classes/{class}/settings")),
            ("POST", format!("/api/classes/{class}/archive")),
        ] {
            let r = s
                .call(method, &path)
                .bearer(&who.access)
                .json(&json!({ "text": "Zed" }))
                .send()
                .await;
            // A child's own token was ended by the reset above: 401 is also "no".
            assert!(
                r.status == status || r.status == 401,
                "{method} {path}: {} {}",
                r.status,
                r.text()
            );
        }
    }
}

#[tokio::test]
async fn archiving_a_class_at_the_end_of_the_year_stops_sign_in_cards_and_changes() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_ong").await;
    let (class, code) = open_class(&s, &t, "Year 2025").await;
    let kids = roster(&s, &t, class, "Ana\nBen").await;
    let cards = s
        .post(&format!("/api/classes/{class}/cards"))
        .bearer(&t.access)
        .send()
        .await
        .json();
    let secret = cards["cards"][0]["url"]
        .as_str()
        .expect("present")
        .rsplit('#')
        .next()
        .expect("present")
        .to_string();
    let r = s
        .post(&format!("/api/classes/{class}/archive"))
        .bearer(&t.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["class"]["archived"], true);
    let r = s.get(&format!("/api/class-signin/{code}")).send().await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "class_archived");
    let r = s
        .post("/api/auth/card")
        .json(&json!({ "secret": secret }))
        .send()
        .await;
    assert_eq!(r.status, 401, "archiving revokes the cards");
    assert_eq!(r.code(), "card_revoked");
    let r = s
        .post(&format!("/api/classes/{class}/roster"))
        .bearer(&t.access)
        .json(&json!({ "text": "Cara" }))
        .send()
        .await;
    assert_eq!(r.status, 409);
    assert_eq!(r.code(), "class_archived");
    // The report and the children's own sign-in stay.
    let r = s
        .get(&format!("/api/classes/{class}/report"))
        .bearer(&t.access)
        .send()
        .await;
    assert_eq!(r.status, 200);
    let r = s
        .post("/api/auth/login")
        .json(&json!({ "username": kids[0]["username"], "picture": pictures(&kids[0]) }))
        .send()
        .await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn the_teacher_answers_for_new_friends_of_the_children_the_class_made() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, _) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana\nBen").await;
    let login = |k: &Value| {
        let body = json!({ "username": k["username"], "picture": pictures(k) });
        let call = s.post("/api/auth/login").json(&body);
        async move { Session::from(&call.send().await.json()) }
    };
    let ana = login(&kids[0]).await;
    let ben = login(&kids[1]).await;
    let ask = |from: &Session, to: &Value| {
        let call = s
            .post("/api/friends/requests")
            .bearer(&from.access)
            .json(&json!({ "username": to["username"] }));
        async move { call.send().await }
    };
    // A classmate asks straight away.
    let r = ask(&ben, &kids[0]).await;
    assert_eq!(r.json()["status"], "pending", "{}", r.text());
    // A child from outside the class waits for the teacher, who sees a name, never a username.
    let outsider = s.register("outside_kid", "child").await;
    let r = ask(&outsider, &kids[0]).await;
    assert_eq!(r.json()["status"], "waiting_for_grown_up", "{}", r.text());
    let waiting = s.get("/api/family/requests").bearer(&t.access).send().await;
    assert_eq!(waiting.status, 200, "{}", waiting.text());
    let waiting = waiting.json();
    assert_eq!(waiting["items"][0]["child_name"], "Ana");
    assert!(
        waiting["items"][0]["from"].get("username").is_none(),
        "{waiting}"
    );
    let id = waiting["items"][0]["id"].as_i64().expect("id");
    // An unrelated adult (a parent of nobody here) sees nothing and answers nothing.
    let stranger = s.register("stranger_adult", "parent").await;
    let theirs = s
        .get("/api/family/requests")
        .bearer(&stranger.access)
        .send()
        .await
        .json();
    assert_eq!(theirs["items"].as_array().map(Vec::len), Some(0));
    let r = s
        .post(&format!("/api/family/requests/{id}/approve"))
        .bearer(&stranger.access)
        .send()
        .await;
    assert_eq!(r.status, 404);
    // Another teacher cannot answer it; this one can.
    let other = s.teacher("mr_cruz").await;
    let r = s
        .post(&format!("/api/family/requests/{id}/approve"))
        .bearer(&other.access)
        .send()
        .await;
    assert_eq!(r.status, 404);
    let r = s
        .post(&format!("/api/family/requests/{id}/approve"))
        .bearer(&t.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let incoming = s
        .get("/api/friends/requests")
        .bearer(&ana.access)
        .send()
        .await
        .json();
    let from: Vec<&Value> = incoming["incoming"]
        .as_array()
        .expect("incoming")
        .iter()
        .map(|r| &r["user"]["id"])
        .collect();
    assert!(
        from.contains(&&json!(outsider.user_id)),
        "the child now answers it: {incoming}"
    );
    // Once a parent links the child, the parent answers instead of the teacher.
    let mum = s.register("mum", "parent").await;
    let r = s
        .post("/api/family/link-codes")
        .bearer(&ana.access)
        .json(&json!({}))
        .send()
        .await;
    assert_eq!(
        r.status,
        201,
        "a class child can still link a parent: {}",
        r.text()
    );
    let code = r.json()["code"].as_str().expect("code").to_string();
    let r = s
        .post("/api/family/link")
        .bearer(&mum.access)
        .json(&json!({ "code": code }))
        .send()
        .await;
    assert!(r.status < 300, "{}", r.text());
    let second = s.register("second_outsider", "child").await;
    assert_eq!(
        ask(&second, &kids[0]).await.json()["status"],
        "waiting_for_grown_up"
    );
    let teacher_list = s
        .get("/api/family/requests")
        .bearer(&t.access)
        .send()
        .await
        .json();
    assert_eq!(teacher_list["items"].as_array().map(Vec::len), Some(0));
    let mum_list = s
        .get("/api/family/requests")
        .bearer(&mum.access)
        .send()
        .await
        .json();
    assert_eq!(mum_list["items"].as_array().map(Vec::len), Some(1));
}

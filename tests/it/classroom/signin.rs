//! Signing in without typing: the class page's tiles, its hours, picture tries limited per
//! child, printed cards, and a whole school signing in from one address.

use super::{open_class, pictures, roster};
use crate::common::TestServer;
use serde_json::{Value, json};

async fn tap(s: &TestServer, code: &str, kid: &Value, pics: Value) -> crate::common::Resp {
    s.post(&format!("/api/class-signin/{code}"))
        .json(&json!({ "user_id": kid["id"], "picture": pics }))
        .send()
        .await
}

#[tokio::test]
async fn children_sign_in_by_tapping_their_name_and_then_their_pictures() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, code) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana\nBen\nCara").await;

    // The page: the class and its children as tiles (names and animals, never usernames).
    let r = s.get(&format!("/api/class-signin/{code}")).send().await;
    assert_eq!(r.status, 200, "{}", r.text());
    let page = r.json();
    assert_eq!(page["class"]["name"], "Sampaguita");
    assert_eq!(page["children"].as_array().expect("present").len(), 3);
    assert_eq!(page["pictures"].as_array().expect("present").len(), 12);
    assert!(
        !page
            .to_string()
            .contains(kids[0]["username"].as_str().expect("present")),
        "no usernames on a page anyone with the code can open"
    );
    // The code may be typed in lower case with a space.
    let messy = format!("{} {}", &code[..3], &code[3..]).to_lowercase();
    let r = s
        .get(&format!("/api/class-signin/{}", messy.replace(' ', "%20")))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());

    let r = tap(&s, &code, &kids[0], pictures(&kids[0])).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["user"]["id"], kids[0]["id"]);
    let r = tap(&s, &code, &kids[1], json!(["cat", "cat", "cat", "cat"])).await;
    assert_eq!(r.status, 401);
    assert_eq!(r.code(), "wrong_pictures");
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .expect("present")
            .contains("pictures")
    );

    // A child of another class cannot sign in through this page; unknown codes are 404.
    let t2 = s.teacher("mr_cruz").await;
    let (other, _) = open_class(&s, &t2, "Ilang-ilang").await;
    let stranger = roster(&s, &t2, other, "Dan").await;
    let r = tap(&s, &code, &stranger[0], pictures(&stranger[0])).await;
    assert_eq!(r.status, 404, "{}", r.text());
    let r = s.get("/api/class-signin/ZZZZZZ").send().await;
    assert_eq!(r.status, 404);
    assert_eq!(r.code(), "invalid_code");
    for bad in [
        json!({ "user_id": kids[0]["id"] }),
        json!({ "user_id": "x", "picture": ["cat"] }),
        json!({ "user_id": kids[0]["id"], "picture": ["cat", "dog", "x-ray", "sun"] }),
        json!([]),
    ] {
        let r = s
            .post(&format!("/api/class-signin/{code}"))
            .json(&bad)
            .send()
            .await;
        assert!(
            r.status == 400 || r.status == 422,
            "{bad}: {} {}",
            r.status,
            r.text()
        );
    }

    // Closed: the tablet hears so in words, not a generic error.
    let r = s
        .patch(&format!("/api/classes/{class}/settings"))
        .bearer(&t.access)
        .json(&json!({ "signin": "closed" }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    for r in [
        s.get(&format!("/api/class-signin/{code}")).send().await,
        tap(&s, &code, &kids[2], pictures(&kids[2])).await,
    ] {
        assert_eq!(r.status, 403);
        assert_eq!(r.code(), "class_closed");
        assert!(
            r.json()["error"]["message"]
                .as_str()
                .expect("present")
                .contains("teacher")
        );
    }
}

#[tokio::test]
async fn class_sign_in_opens_only_in_the_hours_the_teacher_sets_in_their_own_time() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, code) = open_class(&s, &t, "Sampaguita").await;
    let now_min = (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("present")
        .as_secs()
        / 60
        % 1440) as i64;
    let hm = |m: i64| {
        format!(
            "{:02}:{:02}",
            m.rem_euclid(1440) / 60,
            m.rem_euclid(1440) % 60
        )
    };
    let set = |body: Value| {
        let call = s
            .patch(&format!("/api/classes/{class}/settings"))
            .bearer(&t.access)
            .json(&body);
        async move { call.send().await }
    };
    // Open from an hour ago to an hour from now, in a teacher's zone 8 hours east of UTC.
    let r = set(
        json!({ "signin": "hours", "hours_from": hm(now_min + 480 - 60),
                        "hours_to": hm(now_min + 480 + 60), "utc_offset": 480 }),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["class"]["signin_open_now"], true);
    assert_eq!(
        s.get(&format!("/api/class-signin/{code}"))
            .send()
            .await
            .status,
        200
    );
    // Hours later today: closed now.
    let r =
        set(json!({ "hours_from": hm(now_min + 480 + 120), "hours_to": hm(now_min + 480 + 180) }))
            .await;
    assert_eq!(r.json()["class"]["signin_open_now"], false);
    let r = s.get(&format!("/api/class-signin/{code}")).send().await;
    assert_eq!(r.code(), "class_closed");
    for bad in [
        json!({ "hours_from": "25:00" }),
        json!({ "hours_to": "7.30" }),
        json!({ "signin": "sometimes" }),
        json!({ "utc_offset": 9999 }),
        json!({ "hours_from": "08:00", "hours_to": "08:00" }),
        json!({ "colour": "red" }),
    ] {
        let r = set(bad.clone()).await;
        assert!(
            r.status == 400 || r.status == 422,
            "{bad}: {} {}",
            r.status,
            r.text()
        );
    }
    // New classes start in "hours" mode (closed outside them) with approval on.
    let r = s
        .post("/api/classes")
        .bearer(&t.access)
        .json(&json!({ "name": "Fresh", "utc_offset": 480 }))
        .send()
        .await;
    let fresh = r.json()["class"].clone();
    assert_eq!(fresh["signin"], "hours");
    assert_eq!(fresh["hours_from"], "07:30");
    assert_eq!(
        fresh["utc_offset"], 480,
        "school hours where the teacher is"
    );
    assert_eq!(fresh["needs_approval"], true);
    let r = s
        .post("/api/classes")
        .bearer(&t.access)
        .json(&json!({ "name": "Far", "utc_offset": 100_000 }))
        .send()
        .await;
    assert_eq!(r.status, 422);
}

#[tokio::test]
async fn failed_picture_tries_are_limited_per_child_while_classmates_still_sign_in() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, code) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana\nBen").await;
    let wrong = json!(["boat", "boat", "boat", "boat"]);
    let mut statuses = Vec::new();
    for _ in 0..8 {
        statuses.push(tap(&s, &code, &kids[0], wrong.clone()).await.status);
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    assert_eq!(
        tap(&s, &code, &kids[0], pictures(&kids[0])).await.status,
        429,
        "even the right pictures wait"
    );
    let r = tap(&s, &code, &kids[1], pictures(&kids[1])).await;
    assert_eq!(r.status, 200, "a classmate is not locked out: {}", r.text());
}

#[tokio::test]
async fn seventy_children_of_two_classes_sign_in_from_one_address_within_two_minutes() {
    let s = TestServer::start().await;
    let t1 = s.teacher("ms_reyes").await;
    let t2 = s.teacher("mr_cruz").await;
    let (c1, code1) = open_class(&s, &t1, "Sampaguita").await;
    let (c2, code2) = open_class(&s, &t2, "Ilang-ilang").await;
    let names = |prefix: &str| {
        (0..35)
            .map(|i| {
                format!("{prefix}{}", (b'a' + (i % 26) as u8) as char).repeat(1)
                    + &"x".repeat(i as usize / 26)
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let k1 = roster(&s, &t1, c1, &names("Ana")).await;
    let k2 = roster(&s, &t2, c2, &names("Ben")).await;
    assert_eq!(k1.len() + k2.len(), 70);
    let started = std::time::Instant::now();
    let mut tasks = Vec::new();
    for (code, kid) in k1
        .iter()
        .map(|k| (code1.clone(), k.clone()))
        .chain(k2.iter().map(|k| (code2.clone(), k.clone())))
    {
        let addr = s.addr;
        tasks.push(tokio::spawn(async move {
            crate::common::Call::new(addr, "POST", &format!("/api/class-signin/{code}"))
                .json(&json!({ "user_id": kid["id"], "picture": pictures(&kid) }))
                .send()
                .await
                .status
        }));
    }
    let mut ok = 0;
    for t in tasks {
        if t.await.expect("present") == 200 {
            ok += 1;
        }
    }
    assert_eq!(ok, 70, "every child is in");
    assert!(started.elapsed().as_secs() < 120);
}

#[tokio::test]
async fn printed_cards_sign_a_child_in_and_printing_again_revokes_the_old_ones() {
    let s = TestServer::start().await;
    let t = s.teacher("ms_reyes").await;
    let (class, _) = open_class(&s, &t, "Sampaguita").await;
    let kids = roster(&s, &t, class, "Ana\nBen").await;
    let r = s
        .post(&format!("/api/classes/{class}/cards"))
        .bearer(&t.access)
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let sheet = r.json();
    let cards = sheet["cards"].as_array().expect("present");
    assert_eq!(cards.len(), 2);
    let ana = cards
        .iter()
        .find(|c| c["user_id"] == kids[0]["id"])
        .expect("present");
    assert_eq!(ana["display_name"], "Ana");
    assert_eq!(ana["pictures"], kids[0]["pictures"]);
    let svg = ana["qr_svg"].as_str().expect("present");
    assert!(svg.starts_with("<?xml") || svg.starts_with("<svg"), "{svg}");
    assert!(svg.contains("</svg>"));
    assert!(
        sheet["signin"]["url"]
            .as_str()
            .expect("present")
            .ends_with(&format!(
                "/c/{}",
                sheet["class"]["join_code"].as_str().expect("present")
            ))
    );
    let url = ana["url"].as_str().expect("present");
    let secret = url.split_once("/card#").expect("card link").1.to_string();

    let r = s
        .post("/api/auth/card")
        .json(&json!({ "secret": secret }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["user"]["id"], kids[0]["id"]);

    // Printing again: the old card says so, the new one works.
    let again = s
        .post(&format!("/api/classes/{class}/cards"))
        .bearer(&t.access)
        .send()
        .await
        .json();
    let r = s
        .post("/api/auth/card")
        .json(&json!({ "secret": secret }))
        .send()
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(r.code(), "card_revoked");
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .expect("present")
            .contains("teacher")
    );
    let fresh = again["cards"]
        .as_array()
        .expect("present")
        .iter()
        .find(|c| c["user_id"] == kids[0]["id"])
        .expect("present")["url"]
        .as_str()
        .expect("present")
        .split_once('#')
        .expect("present")
        .1
        .to_string();
    // A closed class: the card waits for the class to open.
    s.patch(&format!("/api/classes/{class}/settings"))
        .bearer(&t.access)
        .json(&json!({ "signin": "closed" }))
        .send()
        .await;
    let r = s
        .post("/api/auth/card")
        .json(&json!({ "secret": fresh }))
        .send()
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "class_closed");
    for bad in [
        json!({ "secret": "" }),
        json!({ "secret": "x".repeat(5000) }),
    ] {
        let r = s.post("/api/auth/card").json(&bad).send().await;
        assert!(r.status == 401 || r.status == 413, "{}", r.status);
    }
    let r = s.post("/api/auth/card").json(&json!({})).send().await;
    assert_eq!(r.status, 400);
}

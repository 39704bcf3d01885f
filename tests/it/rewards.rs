//! XP, levels, achievements, avatar borders and notification preferences, through the real
//! server: the ledger pays each (user, reason, object) once, so no action can be farmed.

use crate::common::{Session, TestServer};
use rusqlite::params;
use serde_json::{Value, json};

/// The (object, amount) rows of the XP ledger for one user and reason.
fn ledger(s: &TestServer, user: i64, reason: &str) -> Vec<(String, i64)> {
    let db = s.db();
    let mut stmt = db
        .prepare(
            "SELECT object, amount FROM xp_ledger WHERE user_id = ?1 AND reason = ?2 ORDER BY object",
        )
        .expect("prepare");
    stmt.query_map(params![user, reason], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<rusqlite::Result<Vec<(String, i64)>>>()
        .expect("rows")
}

/// One number from the database.
fn number(s: &TestServer, sql: &str, p: impl rusqlite::Params) -> i64 {
    s.db().query_row(sql, p, |r| r.get(0)).expect(sql)
}

/// Notifications of one type a user has.
fn notes(s: &TestServer, user: i64, kind: &str) -> i64 {
    number(
        s,
        "SELECT count(*) FROM notifications WHERE user_id = ?1 AND type = ?2",
        params![user, kind],
    )
}

/// Achievement notifications about one achievement.
fn achievement_notes(s: &TestServer, user: i64, id: &str) -> i64 {
    number(
        s,
        "SELECT count(*) FROM notifications WHERE user_id = ?1 AND type = 'achievement'
           AND json_extract(data, '$.achievement') = ?2",
        params![user, id],
    )
}

/// Times an achievement is recorded for a user.
fn earned(s: &TestServer, user: i64, id: &str) -> i64 {
    number(
        s,
        "SELECT count(*) FROM user_achievements WHERE user_id = ?1 AND achievement_id = ?2",
        params![user, id],
    )
}

/// Total XP as stored on the profile.
fn xp(s: &TestServer, user: i64) -> i64 {
    number(s, "SELECT xp FROM profiles WHERE user_id = ?1", [user])
}

/// The profile's XP is exactly what the ledger paid.
fn assert_xp_is_ledger(s: &TestServer, user: i64) {
    let paid = number(
        s,
        "SELECT coalesce(sum(amount), 0) FROM xp_ledger WHERE user_id = ?1",
        [user],
    );
    assert_eq!(xp(s, user), paid, "xp of user {user} matches the ledger");
}

fn set_xp(s: &TestServer, user: i64, value: i64) {
    s.db_rw()
        .execute(
            "UPDATE profiles SET xp = ?2 WHERE user_id = ?1",
            params![user, value],
        )
        .expect("set xp");
}

async fn post(s: &TestServer, who: &Session, path: &str, body: Value) -> crate::common::Resp {
    s.post(path).bearer(&who.access).json(&body).send().await
}

async fn like(s: &TestServer, who: &Session, story: i64) -> crate::common::Resp {
    s.post(&format!("/api/stories/{story}/like"))
        .bearer(&who.access)
        .send()
        .await
}

async fn patch_me(s: &TestServer, who: &Session, body: Value) -> crate::common::Resp {
    s.patch("/api/me")
        .bearer(&who.access)
        .json(&body)
        .send()
        .await
}

#[tokio::test]
async fn publishing_pays_once_per_story_even_after_unpublishing() {
    let s = TestServer::start().await;
    let maya = s.register("maya_p", "child").await;
    let id = s
        .published(&maya.access, "First Tale", &["Once upon a time"])
        .await;
    assert_eq!(
        ledger(&s, maya.user_id, "story_published"),
        vec![(format!("story:{id}"), 50)]
    );
    let before = xp(&s, maya.user_id);
    assert!(before >= 50);

    for _ in 0..2 {
        for action in ["unpublish", "publish", "publish"] {
            let r = s
                .post(&format!("/api/stories/{id}/{action}"))
                .bearer(&maya.access)
                .send()
                .await;
            assert_eq!(r.status, 200, "{action}: {}", r.text());
        }
    }
    assert_eq!(
        ledger(&s, maya.user_id, "story_published"),
        vec![(format!("story:{id}"), 50)],
        "republishing pays nothing"
    );
    assert_eq!(xp(&s, maya.user_id), before);
    assert_eq!(
        number(
            &s,
            "SELECT stories_published FROM user_stats WHERE user_id = ?1",
            [maya.user_id]
        ),
        1
    );
    assert_eq!(
        number(
            &s,
            "SELECT count(*) FROM activities WHERE actor_id = ?1 AND kind = 'story_published'",
            [maya.user_id]
        ),
        1,
        "one feed entry"
    );
    assert_xp_is_ledger(&s, maya.user_id);
}

#[tokio::test]
async fn only_five_new_stories_a_day_pay_xp() {
    let s = TestServer::start().await;
    let maya = s.register("maya_c", "child").await;
    let mut ids = Vec::new();
    for i in 0..6 {
        ids.push(
            s.published(
                &maya.access,
                &format!("Story number {i}"),
                &["Once upon a time"],
            )
            .await,
        );
    }
    let rows = ledger(&s, maya.user_id, "story_published");
    assert_eq!(rows.len(), 6, "every publication is recorded: {rows:?}");
    for (i, id) in ids.iter().enumerate() {
        let amount = rows
            .iter()
            .find(|(o, _)| *o == format!("story:{id}"))
            .map(|(_, a)| *a)
            .expect("ledger row");
        assert_eq!(amount, if i < 5 { 50 } else { 0 }, "story {i}");
    }
    // The sixth story still counts as published (and unpublishing it does not free a slot).
    assert_eq!(
        number(
            &s,
            "SELECT stories_published FROM user_stats WHERE user_id = ?1",
            [maya.user_id]
        ),
        6
    );
    assert_eq!(earned(&s, maya.user_id, "five_stories"), 1);
    let first = ids[0];
    s.post(&format!("/api/stories/{first}/unpublish"))
        .bearer(&maya.access)
        .send()
        .await;
    let seventh = s
        .published(&maya.access, "Story number 7", &["Again"])
        .await;
    assert_eq!(
        ledger(&s, maya.user_id, "story_published")
            .iter()
            .find(|(o, _)| *o == format!("story:{seventh}"))
            .map(|(_, a)| *a),
        Some(0)
    );
    assert_xp_is_ledger(&s, maya.user_id);
}

#[tokio::test]
async fn a_like_pays_and_notifies_the_author_once_however_often_it_is_toggled() {
    let s = TestServer::start().await;
    let author = s.register("author_l", "child").await;
    let fan = s.register("fan_l", "child").await;
    let fan2 = s.register("fan_two", "child").await;
    let id = s.published(&author.access, "Likeable", &["A page"]).await;

    for _ in 0..3 {
        assert_eq!(like(&s, &fan, id).await.status, 200);
        let r = s
            .delete(&format!("/api/stories/{id}/like"))
            .bearer(&fan.access)
            .send()
            .await;
        assert_eq!(r.status, 200);
    }
    assert_eq!(like(&s, &fan, id).await.json()["like_count"], 1);

    assert_eq!(
        ledger(&s, author.user_id, "like_received"),
        vec![(format!("story:{id}:by:{}", fan.user_id), 5)]
    );
    assert_eq!(notes(&s, author.user_id, "story_liked"), 1);
    assert_eq!(
        number(
            &s,
            "SELECT likes_received FROM user_stats WHERE user_id = ?1",
            [author.user_id]
        ),
        1
    );
    assert_eq!(earned(&s, author.user_id, "first_like"), 1);
    assert_eq!(achievement_notes(&s, author.user_id, "first_like"), 1);

    // Another reader's like is a new like.
    assert_eq!(like(&s, &fan2, id).await.status, 200);
    assert_eq!(ledger(&s, author.user_id, "like_received").len(), 2);
    assert_eq!(notes(&s, author.user_id, "story_liked"), 2);
    assert_eq!(earned(&s, author.user_id, "first_like"), 1);
    assert_eq!(achievement_notes(&s, author.user_id, "first_like"), 1);

    // Liking one's own story is refused and pays nothing.
    let before = xp(&s, author.user_id);
    let r = like(&s, &author, id).await;
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "own_story");
    assert_eq!(xp(&s, author.user_id), before);
    assert_eq!(ledger(&s, author.user_id, "like_received").len(), 2);
    assert!(ledger(&s, fan.user_id, "like_received").is_empty());
    assert_xp_is_ledger(&s, author.user_id);
}

#[tokio::test]
async fn reading_a_story_to_the_end_pays_once() {
    let s = TestServer::start().await;
    let author = s.register("author_r", "child").await;
    let reader = s.register("reader_r", "child").await;
    let story = s.story(&author.access, "Read Me", &["one", "two"]).await;
    let id = story["id"].as_i64().expect("id");
    let first_page = story["pages"][0]["id"].as_i64().expect("page id");
    let r = s
        .post(&format!("/api/stories/{id}/publish"))
        .bearer(&author.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());

    let reads = format!("/api/stories/{id}/reads");
    let r = post(&s, &reader, &reads, json!({ "page_id": first_page })).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(ledger(&s, reader.user_id, "story_finished").is_empty());
    for _ in 0..2 {
        let r = post(&s, &reader, &reads, json!({ "finished": true })).await;
        assert_eq!(r.status, 200, "{}", r.text());
    }
    assert_eq!(
        ledger(&s, reader.user_id, "story_finished"),
        vec![(format!("story:{id}"), 10)]
    );
    assert_eq!(
        number(
            &s,
            "SELECT stories_finished FROM user_stats WHERE user_id = ?1",
            [reader.user_id]
        ),
        1
    );
    assert_eq!(earned(&s, reader.user_id, "first_read"), 1);
    assert_eq!(achievement_notes(&s, reader.user_id, "first_read"), 1);
    let view = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&reader.access)
        .send()
        .await
        .json();
    assert_eq!(view["viewer"]["progress"]["finished"], true);

    // Authors are not paid for reading their own story.
    let r = post(&s, &author, &reads, json!({ "finished": true })).await;
    assert_eq!(r.status, 200);
    assert!(ledger(&s, author.user_id, "story_finished").is_empty());
    assert_xp_is_ledger(&s, reader.user_id);
}

#[tokio::test]
async fn achievements_are_recorded_once_each_with_a_notification() {
    let s = TestServer::start().await;
    let maya = s.register("maya_a", "child").await;
    let ben = s.register("ben_a", "child").await;

    let r = s
        .get("/api/me/achievements")
        .bearer(&maya.access)
        .send()
        .await;
    assert_eq!(r.status, 200);
    let v = r.json();
    let list = v["items"].as_array().expect("items").clone();
    assert!(
        list.len() >= 20,
        "about twenty achievements: {}",
        list.len()
    );
    assert_eq!(v["earned_count"], 0);
    assert!(
        list.iter()
            .all(|a| a["earned"] == false && a["earned_at"].is_null())
    );

    let first = s.published(&maya.access, "Story One", &["Hello"]).await;
    s.published(&maya.access, "Story Two", &["Hello again"])
        .await;
    assert_eq!(earned(&s, maya.user_id, "first_story"), 1);
    assert_eq!(achievement_notes(&s, maya.user_id, "first_story"), 1);
    assert_eq!(
        ledger(&s, maya.user_id, "achievement")
            .iter()
            .filter(|(o, _)| o == "first_story")
            .count(),
        1
    );

    let v = s
        .get("/api/me/achievements")
        .bearer(&maya.access)
        .send()
        .await
        .json();
    let find = |id: &str| -> Value {
        v["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|a| a["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("achievement {id}"))
    };
    let fs = find("first_story");
    assert_eq!(fs["earned"], true);
    assert!(fs["earned_at"].is_string());
    assert!(fs["title"].is_string() && fs["icon"].is_string());
    let five = find("five_stories");
    assert_eq!(five["earned"], false);
    assert_eq!(five["progress"], json!({ "have": 2, "need": 5 }));
    let recorded = number(
        &s,
        "SELECT count(*) FROM user_achievements WHERE user_id = ?1",
        [maya.user_id],
    );
    assert_eq!(v["earned_count"], recorded);

    // A commenter is paid for the first comment on a story, and earns first_comment once.
    for text in ["Lovely!", "I read it again."] {
        let r = post(
            &s,
            &ben,
            &format!("/api/stories/{first}/comments"),
            json!({ "text": text }),
        )
        .await;
        assert_eq!(r.status, 201, "{}", r.text());
    }
    assert_eq!(
        ledger(&s, ben.user_id, "comment_written"),
        vec![(format!("story:{first}"), 2)]
    );
    assert_eq!(earned(&s, ben.user_id, "first_comment"), 1);
    assert_eq!(achievement_notes(&s, ben.user_id, "first_comment"), 1);
    assert_eq!(notes(&s, maya.user_id, "story_commented"), 2);

    // Achievements show on the profile and in the /api/notifications list.
    let list = s
        .get("/api/notifications?limit=100")
        .bearer(&maya.access)
        .send()
        .await
        .json();
    let note = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|n| n["type"] == "achievement" && n["data"]["achievement"] == "first_story")
        .cloned()
        .expect("achievement notification");
    assert!(note["data"]["title"].is_string());
    assert_xp_is_ledger(&s, maya.user_id);
    assert_xp_is_ledger(&s, ben.user_id);
}

#[tokio::test]
async fn crossing_five_hundred_xp_levels_up_once_with_a_notification() {
    let s = TestServer::start().await;
    let author = s.register("author_v", "child").await;
    let fan = s.register("fan_v", "child").await;
    let id = s
        .published(&author.access, "Level Story", &["A page"])
        .await;
    assert_eq!(notes(&s, author.user_id, "level_up"), 0);

    set_xp(&s, author.user_id, 495);
    assert_eq!(like(&s, &fan, id).await.status, 200);
    assert_eq!(notes(&s, author.user_id, "level_up"), 1);
    let data: String = s
        .db()
        .query_row(
            "SELECT data FROM notifications WHERE user_id = ?1 AND type = 'level_up'",
            [author.user_id],
            |r| r.get(0),
        )
        .expect("level_up");
    let data: Value = serde_json::from_str(&data).expect("json");
    assert_eq!(data["level"], 2);
    assert_eq!(
        number(
            &s,
            "SELECT count(*) FROM activities WHERE actor_id = ?1 AND kind = 'level_up'",
            [author.user_id]
        ),
        1
    );

    let v = s
        .get("/api/me/xp")
        .bearer(&author.access)
        .send()
        .await
        .json();
    let total = v["xp"].as_i64().expect("xp");
    assert!(total >= 500, "{v}");
    assert_eq!(v["level"], 2);
    assert_eq!(v["level_xp"], total - 500);
    assert_eq!(v["next_level_at"], 1000);
    let me = s.get("/api/me").bearer(&author.access).send().await.json();
    assert_eq!(me["level"], 2);

    // Unliking and liking again does not level up again.
    s.delete(&format!("/api/stories/{id}/like"))
        .bearer(&fan.access)
        .send()
        .await;
    like(&s, &fan, id).await;
    assert_eq!(notes(&s, author.user_id, "level_up"), 1);
}

#[tokio::test]
async fn xp_answers_show_level_progress_borders_and_recent_rewards() {
    let s = TestServer::start().await;
    let maya = s.register("maya_x", "child").await;
    let v = s.get("/api/me/xp").bearer(&maya.access).send().await.json();
    assert_eq!(v["xp"], 0);
    assert_eq!(v["level"], 1);
    assert_eq!(v["level_xp"], 0);
    assert_eq!(v["next_level_at"], 500);
    assert_eq!(v["xp_per_level"], 500);
    assert_eq!(v["unlocked_borders"], json!(["basic"]));
    assert_eq!(v["recent"], json!([]));
    let borders = v["borders"].as_array().expect("borders").clone();
    assert_eq!(borders.len(), 10);
    assert!(borders.contains(&json!({ "id": "basic", "level": 1, "unlocked": true })));
    assert!(borders.contains(&json!({ "id": "gold", "level": 10, "unlocked": false })));

    let id = s
        .published(&maya.access, "Rewarded", &["Once upon a time"])
        .await;
    let v = s.get("/api/me/xp").bearer(&maya.access).send().await.json();
    let recent = v["recent"].as_array().expect("recent").clone();
    assert!(
        recent.iter().any(|r| r["reason"] == "story_published"
            && r["object"] == format!("story:{id}")
            && r["amount"] == 50
            && r["at"].is_string()),
        "{v}"
    );
    assert_eq!(v["xp"], xp(&s, maya.user_id));
}

#[tokio::test]
async fn avatar_borders_stay_locked_until_their_level() {
    let s = TestServer::start().await;
    let maya = s.register("maya_b", "child").await;

    for border in ["gold", "bronze"] {
        let r = patch_me(&s, &maya, json!({ "avatar_border": border })).await;
        assert_eq!(r.status, 422, "{border}: {}", r.text());
        assert_eq!(r.code(), "border_locked");
    }
    let r = patch_me(&s, &maya, json!({ "avatar_border": "rainbow" })).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.code(), "invalid_border");
    let me = s.get("/api/me").bearer(&maya.access).send().await.json();
    assert_eq!(me["avatar_border"], "basic", "nothing changed");
    let r = patch_me(&s, &maya, json!({ "avatar_border": "basic" })).await;
    assert_eq!(r.status, 200, "{}", r.text());

    set_xp(&s, maya.user_id, 4_500); // level 10
    let r = patch_me(&s, &maya, json!({ "avatar_border": "gold" })).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["avatar_border"], "gold");
    assert_eq!(r.json()["level"], 10);
    let r = patch_me(&s, &maya, json!({ "avatar_border": "emerald" })).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.code(), "border_locked");
    let card = s
        .get(&format!("/api/users/{}", maya.user_id))
        .bearer(&maya.access)
        .send()
        .await
        .json();
    assert_eq!(card["avatar_border"], "gold");
}

#[tokio::test]
async fn muted_notification_types_are_not_created() {
    let s = TestServer::start().await;
    let author = s.register("author_n", "child").await;
    let fan = s.register("fan_n", "child").await;
    let fan2 = s.register("fan_n2", "child").await;
    let id = s.published(&author.access, "Quiet Story", &["Shh"]).await;

    let me = s.get("/api/me").bearer(&author.access).send().await.json();
    assert_eq!(me["notifications"]["story_liked"], true, "on by default");

    let r = patch_me(
        &s,
        &author,
        json!({ "notifications": { "story_liked": false } }),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["notifications"]["story_liked"], false);
    assert_eq!(r.json()["notifications"]["story_commented"], true);

    assert_eq!(like(&s, &fan, id).await.status, 200);
    assert_eq!(notes(&s, author.user_id, "story_liked"), 0, "muted");
    assert_eq!(
        ledger(&s, author.user_id, "like_received").len(),
        1,
        "muting does not stop the reward"
    );
    let r = post(
        &s,
        &fan,
        &format!("/api/stories/{id}/comments"),
        json!({ "text": "So quiet!" }),
    )
    .await;
    assert_eq!(r.status, 201);
    assert_eq!(notes(&s, author.user_id, "story_commented"), 1, "not muted");

    // Bad settings are refused and change nothing.
    for body in [
        json!({ "notifications": { "password_reset": false } }),
        json!({ "notifications": { "story_liked": "no" } }),
        json!({ "notifications": { "story_commented": false, "bogus": true } }),
    ] {
        let r = patch_me(&s, &author, body.clone()).await;
        assert_eq!(r.status, 422, "{body}: {}", r.text());
        assert_eq!(r.code(), "invalid_notifications");
    }
    let me = s.get("/api/me").bearer(&author.access).send().await.json();
    assert_eq!(me["notifications"]["story_liked"], false);
    assert_eq!(me["notifications"]["story_commented"], true);

    // Turned back on, likes are told again; other settings are kept.
    let r = patch_me(
        &s,
        &author,
        json!({ "notifications": { "story_liked": true } }),
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(like(&s, &fan2, id).await.status, 200);
    assert_eq!(notes(&s, author.user_id, "story_liked"), 1);

    // Muting achievements works the same way.
    let r = patch_me(
        &s,
        &fan,
        json!({ "notifications": { "achievement": false } }),
    )
    .await;
    assert_eq!(r.status, 200);
    let other = s.published(&fan2.access, "Fan Two's Tale", &["Hi"]).await;
    let r = post(
        &s,
        &fan,
        &format!("/api/stories/{other}/reads"),
        json!({ "finished": true }),
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(earned(&s, fan.user_id, "first_read"), 1);
    assert_eq!(achievement_notes(&s, fan.user_id, "first_read"), 0);
}

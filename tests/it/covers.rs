//! Covers for every story: a story whose author picked none gets one made on the server from
//! its first drawn page (or a title card), public like the story and cached like media.

use crate::common::{TestServer, png::png_gray};
use serde_json::{Value, json};

fn drawing(color: &str) -> Value {
    json!({ "v": 1, "width": 1024, "height": 768, "background": "#fffaf0", "items": [
        { "type": "stroke", "tool": "pen", "color": color, "width": 8, "points": [10, 20, 300, 400, 600, 200] },
        { "type": "sticker", "emoji": "🐉", "x": 500, "y": 300, "size": 120 }
    ] })
}

async fn library_cover(s: &TestServer, id: i64) -> String {
    let list = s.get("/api/stories?sort=new&limit=50").send().await.json();
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("story {id} in {list}"))["cover_url"]
        .as_str()
        .expect("every story has a cover_url")
        .to_string()
}

#[tokio::test]
async fn a_story_without_a_chosen_cover_gets_one_drawn_from_its_first_picture() {
    let s = TestServer::start().await;
    let kid = s.register("cover_kid", "child").await;
    let r = s
        .post("/api/stories")
        .bearer(&kid.access)
        .json(&json!({ "title": "Dragon Day", "pages": [
            { "text": "No picture here." },
            { "text": "A dragon!", "drawing": drawing("#1c7ed6") }
        ] }))
        .send()
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["id"].as_i64().expect("id");
    let page = r.json()["pages"][1]["id"].as_i64().expect("page");
    // A draft's cover is nobody's business yet.
    assert_eq!(s.get(&format!("/covers/{id}")).send().await.status, 404);
    let r = s
        .post(&format!("/api/stories/{id}/publish"))
        .bearer(&kid.access)
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());

    let url = library_cover(&s, id).await;
    assert!(url.starts_with(&format!("/covers/{id}?v=")), "{url}");
    let r = s.get(&url).send().await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("image/svg+xml"));
    assert_eq!(
        r.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let svg = r.text();
    assert!(
        svg.starts_with("<svg") && svg.contains("#1c7ed6") && svg.contains("🐉"),
        "{svg}"
    );
    // Asked again with the tag it has: no body.
    let etag = r.header("etag").expect("etag").to_string();
    let again = s.get(&url).header("if-none-match", &etag).send().await;
    assert_eq!(again.status, 304);
    // The same cover under an old or missing version is only kept a short while.
    let plain = s.get(&format!("/covers/{id}")).send().await;
    assert_eq!(plain.status, 200);
    assert_eq!(plain.header("cache-control"), Some("public, max-age=300"));

    // Drawing the page again gives a new cover under a new URL.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let current = s
        .get(&format!("/api/stories/{id}"))
        .bearer(&kid.access)
        .send()
        .await
        .json();
    let version = current["pages"][1]["version"].as_i64().expect("version");
    let r = s
        .call("PUT", &format!("/api/stories/{id}/pages/{page}"))
        .bearer(&kid.access)
        .json(&json!({ "drawing": drawing("#d9480f"), "version": version }))
        .send()
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let newer = library_cover(&s, id).await;
    assert_ne!(newer, url);
    let svg = s.get(&newer).send().await.text();
    assert!(svg.contains("#d9480f") && !svg.contains("#1c7ed6"), "{svg}");
}

#[tokio::test]
async fn stories_without_pictures_get_title_cards_that_differ_from_each_other() {
    let s = TestServer::start().await;
    let kid = s.register("card_kid", "child").await;
    let a = s
        .published(&kid.access, "Tom & <Jerry> Go Fishing", &["Words only."])
        .await;
    let b = s
        .published(&kid.access, "Tom & <Jerry> Go Fishing", &["Words only."])
        .await;
    let (ua, ub) = (library_cover(&s, a).await, library_cover(&s, b).await);
    let (sa, sb) = (s.get(&ua).send().await, s.get(&ub).send().await);
    assert_eq!((sa.status, sb.status), (200, 200));
    let (sa, sb) = (sa.text(), sb.text());
    assert!(sa.contains("Tom &amp; &lt;Jerry&gt;"), "{sa}");
    assert!(!sa.contains("<Jerry>"));
    assert_ne!(sa, sb, "two stories, two covers");
}

#[tokio::test]
async fn a_chosen_cover_stays_and_hidden_stories_show_no_cover() {
    let s = TestServer::start().await;
    let kid = s.register("chosen_kid", "child").await;
    let up = s
        .post("/api/media")
        .bearer(&kid.access)
        .raw(png_gray(8, 8, |x, y| (x * y) as u8), "image/png")
        .send()
        .await;
    let media = up.json()["id"].as_str().expect("id").to_string();
    let r = s
        .post("/api/stories")
        .bearer(&kid.access)
        .json(&json!({ "title": "Sunset", "cover_media_id": media, "pages": [{ "text": "red sky" }] }))
        .send()
        .await;
    let chosen = r.json()["id"].as_i64().expect("id");
    s.post(&format!("/api/stories/{chosen}/publish"))
        .bearer(&kid.access)
        .send()
        .await;
    assert_eq!(library_cover(&s, chosen).await, format!("/media/{media}"));
    assert_eq!(s.get(&format!("/covers/{chosen}")).send().await.status, 404);

    let hidden = s.published(&kid.access, "Soon hidden", &["hi"]).await;
    let url = library_cover(&s, hidden).await;
    s.db_rw()
        .execute("UPDATE stories SET hidden = 1 WHERE id = ?1", [hidden])
        .expect("hide");
    let r = s.get(&url).send().await;
    assert_eq!(r.status, 404);
    assert_eq!(r.code(), "story_not_found");
    assert_eq!(s.get("/covers/999999").send().await.status, 404);
    // Not a story id: not a cover (the app's own page answers, as for any unknown path).
    let r = s.get("/covers/abc").send().await;
    assert_ne!(r.header("content-type"), Some("image/svg+xml"));
}

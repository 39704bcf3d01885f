//! Pictures: upload by magic bytes with size limits, content-addressed storage, and the
//! visibility of what uses them (private by signed URL, public once a story is published).

use crate::common::TestServer;
use pixeltales::domain::media::png_header;
use serde_json::json;

fn jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut j = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    j.extend_from_slice(&[0u8; 14]);
    j.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08]);
    j.extend_from_slice(&height.to_be_bytes());
    j.extend_from_slice(&width.to_be_bytes());
    j
}

fn webp(width: u16, height: u16) -> Vec<u8> {
    let mut w = b"RIFF\0\0\0\0WEBPVP8 \0\0\0\0".to_vec();
    w.extend_from_slice(&[0, 0, 0, 0x9D, 0x01, 0x2A]);
    w.extend_from_slice(&width.to_le_bytes());
    w.extend_from_slice(&height.to_le_bytes());
    w
}

#[tokio::test]
async fn pictures_are_recognised_by_their_bytes() {
    let s = TestServer::start().await;
    let u = s.register("painter", "child").await;
    let upload = |bytes: Vec<u8>, ct: &str| s.post("/api/media").bearer(&u.access).raw(bytes, ct);
    for (bytes, ct, mime, w, h) in [
        (png_header(640, 480), "image/png", "image/png", 640, 480),
        (jpeg(320, 200), "image/jpeg", "image/jpeg", 320, 200),
        (webp(100, 50), "image/webp", "image/webp", 100, 50),
        // The declared type does not matter; the bytes do.
        (png_header(10, 10), "image/jpeg", "image/png", 10, 10),
    ] {
        let r = upload(bytes, ct).send().await;
        assert_eq!(r.status, 201, "{}", r.text());
        let m = r.json();
        assert_eq!(m["mime"], mime);
        assert_eq!(
            (m["width"].as_u64(), m["height"].as_u64()),
            (Some(w), Some(h))
        );
        assert_eq!(m["id"].as_str().expect("id").len(), 64);
    }
    for (bytes, ct, status, code) in [
        (
            b"GIF89a not allowed".to_vec(),
            "image/gif",
            422,
            "invalid_image",
        ),
        (
            b"<svg onload=alert(1)></svg>".to_vec(),
            "image/svg+xml",
            422,
            "invalid_image",
        ),
        (png_header(5000, 10), "image/png", 422, "invalid_image"),
        (
            png_header(10, 10)[..18].to_vec(),
            "image/png",
            422,
            "invalid_image",
        ),
        (Vec::new(), "image/png", 400, "empty_body"),
        (
            png_header(10, 10),
            "text/plain",
            415,
            "unsupported_media_type",
        ),
    ] {
        let r = upload(bytes, ct).send().await;
        assert_eq!(r.status, status, "{ct}: {}", r.text());
        assert_eq!(r.code(), code, "{ct}");
    }
    // 5 MiB is the limit.
    let mut big = png_header(10, 10);
    big.resize(5 << 20 | 1, 0);
    let r = upload(big, "image/png").send().await;
    assert_eq!(r.status, 413);
    let mut fits = png_header(10, 10);
    fits.resize(5 << 20, 7);
    assert_eq!(upload(fits, "image/png").send().await.status, 201);
    assert_eq!(
        s.post("/api/media")
            .raw(png_header(1, 1), "image/png")
            .send()
            .await
            .status,
        401,
        "uploads need an account"
    );
}

#[tokio::test]
async fn the_same_picture_is_stored_once() {
    let s = TestServer::start().await;
    let a = s.register("uploader_a", "child").await;
    let b = s.register("uploader_b", "child").await;
    let bytes = png_header(64, 64);
    let first = s
        .post("/api/media")
        .bearer(&a.access)
        .raw(bytes.clone(), "image/png")
        .send()
        .await
        .json();
    let second = s
        .post("/api/media")
        .bearer(&b.access)
        .raw(bytes, "image/png")
        .send()
        .await
        .json();
    assert_eq!(first["id"], second["id"]);
    let (rows, uploaders): (i64, i64) = s
        .db()
        .query_row(
            "SELECT (SELECT count(*) FROM media), (SELECT count(*) FROM media_uploads)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("count");
    assert_eq!((rows, uploaders), (1, 2));
}

#[tokio::test]
async fn a_picture_is_private_until_a_published_story_uses_it() {
    let s = TestServer::start().await;
    let artist = s.register("artist", "child").await;
    let snoop = s.register("snoop", "child").await;
    let up = s
        .post("/api/media")
        .bearer(&artist.access)
        .raw(png_header(300, 200), "image/png")
        .send()
        .await
        .json();
    let id = up["id"].as_str().expect("id").to_string();
    let signed = up["url"].as_str().expect("url").to_string();
    assert!(signed.contains("sig="), "{signed}");

    // Without the signature it does not exist for anyone.
    assert_eq!(s.get(&format!("/media/{id}")).send().await.status, 404);
    assert_eq!(
        s.get(&format!("/media/{id}"))
            .bearer(&snoop.access)
            .send()
            .await
            .status,
        404
    );
    let tampered = signed.replace("sig=", "sig=x");
    assert_eq!(s.get(&tampered).send().await.status, 404);
    let r = s.get(&signed).send().await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("image/png"));
    assert_eq!(r.header("cache-control"), Some("private, max-age=86400"));
    assert_eq!(r.body.len(), png_header(300, 200).len());

    // Someone else cannot borrow the picture by its id.
    let r = s
        .post("/api/stories")
        .bearer(&snoop.access)
        .json(&json!({ "title": "Stolen", "cover_media_id": id }))
        .send()
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(r.code(), "invalid_media");

    // Used as a cover: the author's draft shows it by signed URL; publishing makes it public.
    let story = s
        .post("/api/stories")
        .bearer(&artist.access)
        .json(&json!({ "title": "Sunset", "cover_media_id": id, "pages": [{ "text": "red sky", "thumbnail_media_id": id }] }))
        .send()
        .await
        .json();
    let sid = story["id"].as_i64().expect("id");
    assert!(
        story["cover"]["url"]
            .as_str()
            .expect("url")
            .contains("sig=")
    );
    s.post(&format!("/api/stories/{sid}/publish"))
        .bearer(&artist.access)
        .send()
        .await;
    let public = s.get(&format!("/media/{id}")).send().await;
    assert_eq!(public.status, 200);
    assert_eq!(
        public.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let etag = public.header("etag").expect("etag").to_string();
    assert_eq!(
        s.get(&format!("/media/{id}"))
            .header("if-none-match", &etag)
            .send()
            .await
            .status,
        304
    );
    let listed = s.get("/api/stories").send().await.json();
    assert_eq!(listed["items"][0]["cover_url"], format!("/media/{id}"));
    let read = s.get(&format!("/api/stories/{sid}")).send().await.json();
    assert_eq!(read["pages"][0]["thumbnail"]["url"], format!("/media/{id}"));

    // Unpublished again: private again.
    s.post(&format!("/api/stories/{sid}/unpublish"))
        .bearer(&artist.access)
        .send()
        .await;
    assert_eq!(s.get(&format!("/media/{id}")).send().await.status, 404);
    assert_eq!(s.get("/media/not-a-hash").send().await.status, 404);
    assert_eq!(s.post(&format!("/media/{id}")).send().await.status, 405);
}

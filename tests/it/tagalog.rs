//! Refusals in the child's language: the server says its error messages in Tagalog to an
//! account that chose Tagalog (else to a browser that asks for it), with the app's own words,
//! and every error code the server can send has words in both languages.

use crate::common::TestServer;
use serde_json::json;

const TL: &str = include_str!("../../assets/js/i18n/tl.js");
const EN: &str = include_str!("../../assets/js/i18n/en.js");

fn error_text(source: &str, code: &str) -> String {
    let block = source.split_once("export const errors").expect("errors").1;
    let line = block
        .lines()
        .find(|l| l.starts_with(&format!("  {code}: ")))
        .unwrap_or_else(|| panic!("no words for {code}"));
    let quoted = line.split_once(": ").expect("entry").1.trim_end();
    serde_json::from_str(quoted.strip_suffix(',').expect("comma")).expect("a JSON string")
}

#[tokio::test]
async fn a_tagalog_speaker_is_refused_in_tagalog() {
    let s = TestServer::start().await;
    s.register("wika_kid", "child").await;
    let login = |lang: Option<&'static str>| {
        let mut call = s
            .post("/api/auth/login")
            .json(&json!({ "username": "wika_kid", "password": "not-the-password" }));
        if let Some(l) = lang {
            call = call.header("accept-language", l);
        }
        call.send()
    };
    // Nobody signed in yet: the browser's language decides.
    let r = login(Some("fil-PH,fil;q=0.9,en;q=0.5")).await;
    assert_eq!(r.code(), "invalid_credentials");
    assert_eq!(
        r.json()["error"]["message"],
        error_text(TL, "invalid_credentials")
    );
    let r = login(None).await;
    assert_ne!(
        r.json()["error"]["message"],
        error_text(TL, "invalid_credentials")
    );
    let r = s
        .get("/api/no/such/place")
        .header("accept-language", "tl")
        .send()
        .await;
    assert_eq!(
        r.json()["error"]["message"],
        error_text(TL, "route_not_found")
    );
}

#[tokio::test]
async fn a_signed_in_childs_own_language_wins_over_the_browsers() {
    let s = TestServer::start().await;
    let kid = s.register("salita_kid", "child").await;
    let story = s.published(&kid.access, "Ang Buwan", &["Maliwanag."]).await;
    let r = s
        .patch("/api/me")
        .bearer(&kid.access)
        .json(&json!({ "language": "tl" }))
        .send()
        .await;
    assert_eq!(r.status, 200);
    // A phone number in a comment: refused, in Tagalog, naming the comment and the detail.
    let r = s
        .post(&format!("/api/stories/{story}/comments"))
        .bearer(&kid.access)
        .header("accept-language", "en")
        .json(&json!({ "text": "call me 0917 123 4567" }))
        .send()
        .await;
    assert_eq!(r.status, 422, "{}", r.text());
    let message = r.json()["error"]["message"]
        .as_str()
        .expect("message")
        .to_string();
    assert!(message.contains("komento"), "{message}");
    assert!(!message.contains('{'), "{message}");
    // Numbers in the words are the server's: too many tries says how long to wait.
    let r = s
        .get("/api/stories/999999")
        .bearer(&kid.access)
        .send()
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(
        r.json()["error"]["message"],
        error_text(TL, "story_not_found")
    );
    // Back to English: English again, whatever the browser says.
    s.patch("/api/me")
        .bearer(&kid.access)
        .json(&json!({ "language": "en" }))
        .send()
        .await;
    let r = s
        .get("/api/stories/999999")
        .bearer(&kid.access)
        .header("accept-language", "tl")
        .send()
        .await;
    assert_ne!(
        r.json()["error"]["message"],
        error_text(TL, "story_not_found")
    );
}

/// The error codes named in the server's source: `Error::not_found("code", ...)` and the
/// other constructors, `Error::invalid(field, "code", ...)`, and `code: "..."` in refusals.
fn codes_in_source() -> Vec<String> {
    fn strings_after(text: &str, at: usize, count: usize) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = &text[at..];
        while out.len() < count {
            let rest_trim = rest.trim_start();
            let Some(body) = rest_trim.strip_prefix('"') else {
                break;
            };
            let Some(end) = body.find('"') else { break };
            out.push(body[..end].to_string());
            rest = body[end + 1..].trim_start();
            rest = rest.strip_prefix(',').unwrap_or(rest);
        }
        out
    }
    let mut codes = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(format!(
        "{}/src",
        env!("CARGO_MANIFEST_DIR")
    ))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("dir") {
            let path = entry.expect("entry").path();
            // The command line speaks to the admin at the keyboard, never to the app.
            if path.is_dir() {
                if !path.ends_with("cli") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source");
            for ctor in [
                "bad_request(",
                "unauthorized(",
                "forbidden(",
                "not_found(",
                "conflict(",
                "unavailable(",
            ] {
                for (at, _) in text.match_indices(&format!("Error::{ctor}")) {
                    codes.extend(strings_after(&text, at + 7 + ctor.len(), 1));
                }
            }
            for (at, _) in text.match_indices("Error::invalid(") {
                let two = strings_after(&text, at + "Error::invalid(".len(), 2);
                if two.len() == 2 {
                    codes.push(two[1].clone());
                }
            }
            for (at, _) in text.match_indices("code: \"") {
                codes.extend(strings_after(&text, at + "code: ".len(), 1));
            }
        }
    }
    codes.retain(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'));
    codes.sort();
    codes.dedup();
    codes
}

#[test]
fn every_error_code_the_server_sends_has_words_in_both_languages() {
    let codes = codes_in_source();
    assert!(codes.len() > 100, "{}", codes.len());
    let missing: Vec<&String> = codes
        .iter()
        .filter(|c| {
            let key = format!("\n  {c}: ");
            let has = |src: &str| {
                src.split_once("export const errors")
                    .is_some_and(|(_, b)| b.contains(&key))
            };
            !has(TL) || !has(EN)
        })
        .collect();
    assert!(missing.is_empty(), "error codes with no words: {missing:?}");
}

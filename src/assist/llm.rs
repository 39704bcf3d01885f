//! The optional model server for the story starter: an OpenAI-compatible chat-completions
//! endpoint reached over plain HTTP/1.1 (a model server on this machine or the school network),
//! with one timeout for the whole exchange and a bounded answer. Any failure is an `Err` and the
//! caller falls back to the built-in engine.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::header::{AUTHORIZATION, CONTENT_TYPE, HOST};
use serde_json::{Value, json};

use super::Settings;

/// Largest answer read from the model server.
pub const ANSWER_MAX: usize = 256 * 1024;
/// Longest page text accepted from the model.
pub const PAGE_MAX: usize = 1500;

/// Where the model server listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// Host name or address.
    pub host: String,
    /// Port.
    pub port: u16,
    /// Path (and query).
    pub path: String,
}

impl Endpoint {
    /// Parses `http://host[:port]/path`.
    pub fn parse(url: &str) -> Option<Endpoint> {
        let rest = url.strip_prefix("http://")?;
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
            let (host, after) = v6.split_once(']')?;
            match after.strip_prefix(':') {
                Some(p) => (host, p.parse().ok()?),
                None if after.is_empty() => (host, 80),
                None => return None,
            }
        } else {
            match authority.split_once(':') {
                Some((h, p)) => (h, p.parse().ok()?),
                None => (authority, 80),
            }
        };
        if host.is_empty() || host.contains(['@', ' ']) {
            return None;
        }
        Some(Endpoint {
            host: host.to_string(),
            port,
            path: path.to_string(),
        })
    }
}

/// What the starter asks for.
#[derive(Debug, Clone)]
pub struct Prompt<'a> {
    /// The child's idea.
    pub idea: &'a str,
    /// Genre id.
    pub genre: &'a str,
    /// "en" or "tl".
    pub language: &'a str,
    /// Pages wanted.
    pub pages: usize,
}

/// A story the model wrote, checked for shape (the caller checks the words).
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    /// Title.
    pub title: String,
    /// Page texts with an illustration prompt each.
    pub pages: Vec<(String, String)>,
}

/// The configured model server.
#[derive(Debug)]
pub struct Llm {
    endpoint: Endpoint,
    key: Option<String>,
    model: String,
    timeout: Duration,
}

impl Llm {
    /// `None` when no `--llm-url` is set.
    pub fn new(c: &Settings) -> Result<Option<Llm>, String> {
        let Some(url) = &c.llm_url else {
            return Ok(None);
        };
        let endpoint = Endpoint::parse(url).ok_or_else(|| format!("bad --llm-url {url}"))?;
        let key = match &c.llm_key_file {
            Some(path) => Some(
                std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read --llm-key-file {}: {e}", path.display()))?
                    .trim()
                    .to_string(),
            ),
            None => None,
        };
        Ok(Some(Llm {
            endpoint,
            key,
            model: c.llm_model.clone(),
            timeout: Duration::from_secs(c.llm_timeout_secs),
        }))
    }

    /// Asks the model for a story; `Err` says why not (for the log).
    pub async fn write(&self, prompt: &Prompt<'_>) -> Result<Written, String> {
        let language = if prompt.language == "tl" {
            "Tagalog"
        } else {
            "English"
        };
        let body = json!({
            "model": self.model,
            "temperature": 0.8,
            "max_tokens": 300 * prompt.pages + 200,
            "messages": [
                { "role": "system", "content": format!(
                    "You write short, kind stories for children aged 6 to 10, in {language}. \
                     Answer with JSON only, no other text: {{\"title\": string, \"pages\": \
                     [{{\"text\": string, \"image_prompt\": string}}]}} with exactly {} pages of \
                     2 to 4 simple sentences each. image_prompt describes the page's picture in \
                     English. Nothing violent, scary or unkind.", prompt.pages) },
                { "role": "user", "content": format!("Genre: {}. Idea: {}", prompt.genre, prompt.idea) },
            ],
        });
        let answer = tokio::time::timeout(self.timeout, self.post(body.to_string()))
            .await
            .map_err(|_| format!("no answer within {} s", self.timeout.as_secs()))??;
        parse_answer(&answer, prompt.pages)
    }

    async fn post(&self, body: String) -> Result<Bytes, String> {
        let Endpoint { host, port, path } = &self.endpoint;
        let stream = tokio::net::TcpStream::connect((host.as_str(), *port))
            .await
            .map_err(|e| format!("cannot connect: {e}"))?;
        let (mut sender, conn) =
            hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
                .await
                .map_err(|e| format!("handshake: {e}"))?;
        // The connection task ends with the exchange (or with the timeout dropping us).
        let driver = tokio::spawn(conn);
        let mut req = hyper::Request::post(path.as_str())
            .header(HOST, format!("{host}:{port}"))
            .header(CONTENT_TYPE, "application/json");
        if let Some(key) = &self.key {
            req = req.header(AUTHORIZATION, format!("Bearer {key}"));
        }
        let req = req
            .body(Full::new(Bytes::from(body)))
            .map_err(|e| format!("request: {e}"))?;
        let result = async {
            let resp = sender
                .send_request(req)
                .await
                .map_err(|e| format!("request failed: {e}"))?;
            if !resp.status().is_success() {
                return Err(format!("model server answered {}", resp.status()));
            }
            Limited::new(resp.into_body(), ANSWER_MAX)
                .collect()
                .await
                .map(|b| b.to_bytes())
                .map_err(|e| format!("answer unreadable or over {ANSWER_MAX} bytes: {e}"))
        }
        .await;
        driver.abort();
        result
    }
}

/// Reads the story out of a chat-completions answer and checks its shape.
pub fn parse_answer(answer: &[u8], pages: usize) -> Result<Written, String> {
    let v: Value =
        serde_json::from_slice(answer).map_err(|e| format!("answer is not JSON: {e}"))?;
    let content = v["choices"][0]["message"]["content"]
        .as_str()
        .ok_or("answer has no choices[0].message.content")?;
    // Models like to wrap JSON in prose or code fences: take the outermost object.
    let (start, end) = (content.find('{'), content.rfind('}'));
    let inner = match (start, end) {
        (Some(s), Some(e)) if s < e => &content[s..=e],
        _ => return Err("the model's text holds no JSON object".into()),
    };
    let story: Value =
        serde_json::from_str(inner).map_err(|e| format!("the model's JSON is broken: {e}"))?;
    let title = story["title"].as_str().unwrap_or("").trim().to_string();
    if title.is_empty() || title.chars().count() > crate::domain::story::TITLE_MAX {
        return Err("missing or overlong title".into());
    }
    let list = story["pages"].as_array().ok_or("no pages list")?;
    if list.len() != pages {
        return Err(format!("{} pages instead of {pages}", list.len()));
    }
    let mut out = Vec::with_capacity(pages);
    for p in list {
        let text = p["text"].as_str().unwrap_or("").trim().to_string();
        if text.is_empty() || text.chars().count() > PAGE_MAX {
            return Err("an empty or overlong page".into());
        }
        let image = p["image_prompt"]
            .as_str()
            .unwrap_or("")
            .chars()
            .take(300)
            .collect();
        out.push((text, image));
    }
    Ok(Written { title, pages: out })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_parse_http_only() {
        assert_eq!(
            Endpoint::parse("http://127.0.0.1:11434/v1/chat/completions"),
            Some(Endpoint {
                host: "127.0.0.1".into(),
                port: 11434,
                path: "/v1/chat/completions".into()
            })
        );
        assert_eq!(
            Endpoint::parse("http://models.lan/x").map(|e| e.port),
            Some(80)
        );
        assert_eq!(
            Endpoint::parse("http://[::1]:8000/v1").map(|e| e.host),
            Some("::1".into())
        );
        assert_eq!(Endpoint::parse("https://api.example.com/v1"), None);
        assert_eq!(Endpoint::parse("http://:80/"), None);
        assert_eq!(Endpoint::parse("http://host:99999/"), None);
    }

    fn answer(content: &str) -> Vec<u8> {
        json!({ "choices": [{ "message": { "role": "assistant", "content": content } }] })
            .to_string()
            .into_bytes()
    }

    #[test]
    fn answers_are_read_through_prose_and_checked() {
        let good = r#"Here you go: ```{"title": "Mimi", "pages": [{"text": "One.", "image_prompt": "a cat"}, {"text": "Two."}]}```"#;
        let w = parse_answer(&answer(good), 2).expect("good");
        assert_eq!(w.title, "Mimi");
        assert_eq!(w.pages[1], ("Two.".to_string(), String::new()));
        assert!(parse_answer(&answer(good), 3).is_err(), "page count");
        assert!(parse_answer(&answer("no json here"), 2).is_err());
        assert!(parse_answer(b"{}", 2).is_err());
        assert!(parse_answer(b"not json", 2).is_err());
        let empty = r#"{"title": "", "pages": [{"text": "a"}, {"text": "b"}]}"#;
        assert!(parse_answer(&answer(empty), 2).is_err());
    }
}

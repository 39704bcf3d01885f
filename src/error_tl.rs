//! Error messages in Tagalog, for accounts (or browsers) that speak it. The words are the app's
//! own: the `errors` table (and the field and detail names) of `assets/js/i18n/tl.js`, read once
//! from the binary, so the server and the SPA never say two different things.

use std::collections::HashMap;
use std::sync::OnceLock;

const SOURCE: &str = include_str!("../assets/js/i18n/tl.js");

struct Table {
    errors: HashMap<String, String>,
    words: HashMap<String, String>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let (words, errors) = SOURCE
            .split_once("export const errors")
            .unwrap_or((SOURCE, ""));
        Table {
            errors: entries(errors),
            words: entries(words)
                .into_iter()
                .filter(|(k, _)| k.starts_with("field_") || k.starts_with("kind_"))
                .collect(),
        }
    })
}

// `  key: "text",` lines; the text is a JSON string (escapes included).
fn entries(block: &str) -> HashMap<String, String> {
    block
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter_map(|l| l.split_once(": "))
        .filter(|(k, _)| k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .filter_map(|(k, v)| {
            let text: String = serde_json::from_str(v.trim_end().strip_suffix(',')?).ok()?;
            Some((k.to_string(), text))
        })
        .collect()
}

/// What fills a message's `{placeholders}`.
#[derive(Default)]
pub struct Vars<'a> {
    pub field: Option<&'a str>,
    pub words: &'a [String],
    pub seconds: Option<u64>,
    pub limit: Option<usize>,
    pub allow: Option<&'a str>,
}

/// The Tagalog message for `code`, when the table has one and every placeholder in it can be
/// filled.
pub fn message(code: &str, vars: &Vars<'_>) -> Option<String> {
    let t = table();
    // A personal detail of no known kind is said generally, as the SPA does.
    let kinds = ["phone", "email", "link", "handle", "address"];
    let first = vars.words.first().map(String::as_str).unwrap_or("");
    let key = if code == "personal_details" && !kinds.contains(&first) {
        "personal_details_any"
    } else {
        code
    };
    let template = t.errors.get(key)?;
    let word = |k: &str| t.words.get(k).cloned();
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template.as_str();
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}')? + open;
        let name = &rest[open + 1..close];
        let value = match name {
            "field" => word(&format!("field_{}", vars.field.unwrap_or("other")))
                .or_else(|| word("field_other"))?,
            "kind" => word(&format!("kind_{first}")).or_else(|| word("kind_address"))?,
            "words" if !vars.words.is_empty() => vars.words.join(", "),
            "seconds" => vars.seconds?.to_string(),
            "limit" => vars.limit?.to_string(),
            "allow" => vars.allow?.to_string(),
            _ => return None,
        };
        out.push_str(&value);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// True when an `Accept-Language` header puts Tagalog (or Filipino) before English.
pub fn asks_tagalog(accept_language: &str) -> bool {
    let mut best: Option<(f32, bool)> = None;
    for part in accept_language.split(',') {
        let mut bits = part.split(';');
        let tag = bits.next().unwrap_or("").trim().to_ascii_lowercase();
        let q: f32 = bits
            .find_map(|b| b.trim().strip_prefix("q=").and_then(|q| q.parse().ok()))
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        let tagalog = match primary {
            "tl" | "fil" => true,
            "en" => false,
            _ => continue,
        };
        if best.is_none_or(|(bq, _)| q > bq) {
            best = Some((q, tagalog));
        }
    }
    best.is_some_and(|(q, tagalog)| tagalog && q > 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagalog_messages_come_from_the_apps_own_table() {
        let v = Vars {
            seconds: Some(30),
            ..Vars::default()
        };
        let m = message("rate_limited", &v).expect("rate_limited");
        assert!(m.contains("30") && !m.contains('{'), "{m}");
        let words = vec!["phone".to_string()];
        let v = Vars {
            field: Some("title"),
            words: &words,
            ..Vars::default()
        };
        let m = message("personal_details", &v).expect("personal");
        assert!(
            m.contains("numero ng telepono") && m.contains("pamagat"),
            "{m}"
        );
        assert_eq!(message("no_such_code", &Vars::default()), None);
    }

    #[test]
    fn accept_language_is_read_by_preference() {
        assert!(asks_tagalog("tl"));
        assert!(asks_tagalog("fil-PH,en;q=0.8"));
        assert!(asks_tagalog("en;q=0.5, tl;q=0.9"));
        assert!(!asks_tagalog("en-US,tl;q=0.5"));
        assert!(!asks_tagalog("de, fr"));
        assert!(!asks_tagalog("tl;q=0"));
        assert!(!asks_tagalog(""));
    }
}

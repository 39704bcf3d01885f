//! Component schemas for the OpenAPI document. Request bodies are strict
//! (`additionalProperties: false`, as the server refuses unknown fields); answers list what they
//! always carry.
//!
//! The schemas are data (`openapi_schemas.json`, `openapi_grownups.json`), not `json!` literals:
//! as code they compiled to about 380 KB of the binary, as text they are about 60 KB. Lists the
//! domain owns (genres, avatar borders, themes) stay in the domain: the files name them
//! (`"enum": "$GENRES"`) and they are filled in here, so a new genre needs no schema edit.

use serde_json::{Map, Value};

use crate::domain::accounts::THEMES;
use crate::domain::rewards::BORDERS;
use crate::domain::story::GENRES;

/// The domain's list for a `$NAME` placeholder.
fn list(name: &str) -> Option<Vec<&'static str>> {
    match name {
        "$GENRES" => Some(GENRES.to_vec()),
        "$BORDERS" => Some(BORDERS.iter().map(|(b, _)| *b).collect()),
        "$THEMES" => Some(THEMES.to_vec()),
        _ => None,
    }
}

/// Replaces every `"enum": "$NAME"` with the domain's list.
fn fill(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if k == "enum"
                    && let Some(values) = child.as_str().and_then(list)
                {
                    *child = values.into();
                } else {
                    fill(child);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(fill),
        _ => {}
    }
}

/// Parses one of the schema files (the OpenAPI tests parse every one, so a broken file fails
/// the build's tests, never a request).
pub(super) fn parse(text: &str) -> Value {
    let mut v: Value = serde_json::from_str(text).unwrap_or_else(|e| {
        crate::log_error!("an OpenAPI schema file does not parse: {e}");
        Value::Object(Map::new())
    });
    fill(&mut v);
    v
}

/// Every component schema of the core API.
pub fn schemas() -> Value {
    parse(include_str!("openapi_schemas.json"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_schema_files_parse_and_every_placeholder_is_filled() {
        for text in [
            include_str!("openapi_schemas.json"),
            include_str!("openapi_grownups.json"),
        ] {
            let raw: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
            assert!(raw.as_object().is_some_and(|m| m.len() > 10));
            let filled = super::parse(text).to_string();
            for name in ["$GENRES", "$BORDERS", "$THEMES"] {
                assert!(!filled.contains(name), "{name} is left in a schema file");
            }
        }
        let doc = super::schemas();
        assert_eq!(
            doc["NewStory"]["properties"]["genres"]["items"]["enum"],
            serde_json::json!(crate::domain::story::GENRES)
        );
    }
}

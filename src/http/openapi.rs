//! The OpenAPI 3.1 description of every route, generated from the route table.
//!
//! `operation` is an exhaustive match, so a new route does not compile until it is documented,
//! and tests check the document against the table and the live server.

use std::sync::OnceLock;

use bytes::Bytes;
use serde_json::{Map, Value, json};

use super::router::{Access, Route};

struct Op {
    summary: &'static str,
    request: Option<Value>,
    /// (status, description, schema)
    responses: Vec<(&'static str, &'static str, Option<Value>)>,
}

fn schema(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn op(
    summary: &'static str,
    request: Option<Value>,
    responses: Vec<(&'static str, &'static str, Option<Value>)>,
) -> Op {
    Op {
        summary,
        request,
        responses,
    }
}

fn operation(route: Route) -> Op {
    use Route::*;
    match route {
        Healthz => op(
            "Health check: 200 when the database answers",
            None,
            vec![
                ("200", "Healthy", Some(schema("Health"))),
                ("503", "Database unavailable", Some(schema("Health"))),
            ],
        ),
        Metrics => op(
            "Prometheus metrics (admin token, or a request from the machine itself)",
            None,
            vec![("200", "Metrics in Prometheus text format", None)],
        ),
        Config => op(
            "Runtime settings the SPA needs",
            None,
            vec![("200", "Settings", Some(schema("Config")))],
        ),
        OpenApi => op(
            "This document",
            None,
            vec![(
                "200",
                "OpenAPI 3.1 document",
                Some(json!({"type": "object"})),
            )],
        ),
        AuthRegister => op(
            "Sign up as a child, parent or teacher; answers with a signed-in session",
            Some(schema("RegisterRequest")),
            vec![(
                "201",
                "Account created and signed in",
                Some(schema("Session")),
            )],
        ),
        AuthLogin => op(
            "Sign in with username and password",
            Some(schema("LoginRequest")),
            vec![("200", "Signed in", Some(schema("Session")))],
        ),
        AuthRefresh => op(
            "Exchange a refresh token for new tokens; reusing an old one ends the session",
            Some(schema("RefreshRequest")),
            vec![("200", "New tokens", Some(schema("Tokens")))],
        ),
        AuthLogout => op(
            "End this device's session (by access token, or by refresh token in the body)",
            Some(schema("LogoutRequest")),
            vec![("204", "Signed out", None)],
        ),
        MeGet => op(
            "Your own account",
            None,
            vec![("200", "Your account", Some(schema("User")))],
        ),
        MeUpdate => op(
            "Change your profile (display name, bio, avatar, theme, language, privacy, preferences)",
            Some(schema("ProfilePatch")),
            vec![("200", "Updated account", Some(schema("User")))],
        ),
        MeDelete => op(
            "Delete your account (needs your password)",
            Some(schema("PasswordConfirm")),
            vec![("204", "Deleted", None)],
        ),
        MePassword => op(
            "Change your password; every other session ends",
            Some(schema("PasswordChange")),
            vec![("200", "New tokens for this device", Some(schema("Tokens")))],
        ),
        ProfanityWords => op(
            "Active filter words, for live hints while typing (ETag)",
            None,
            vec![
                ("200", "Word list", Some(schema("ProfanityWords"))),
                ("304", "Unchanged", None),
            ],
        ),
    }
}

fn schemas() -> Value {
    let string = json!({"type": "string"});
    json!({
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {
                        "code": {"type": "string", "description": "Stable snake_case code"},
                        "message": {"type": "string", "description": "Words a person can read"},
                        "field": {"type": "string", "description": "The input the error is about"},
                        "words": {"type": "array", "items": string, "description": "Words the profanity filter found"},
                        "retry_after": {"type": "integer", "description": "Seconds to wait (429)"},
                        "limit": {"type": "integer", "description": "Byte limit (413)"}
                    }
                }
            }
        },
        "Health": {
            "type": "object",
            "required": ["status"],
            "properties": {"status": {"type": "string", "enum": ["ok", "unavailable"]}, "version": string}
        },
        "Config": {
            "type": "object",
            "required": ["name", "version", "asset_version", "signup_roles", "languages", "limits"],
            "properties": {
                "name": string, "version": string, "asset_version": string,
                "signup_roles": {"type": "array", "items": string},
                "languages": {"type": "array", "items": string},
                "themes": {"type": "array", "items": string},
                "access_token_ttl": {"type": "integer"},
                "limits": {"type": "object"}
            }
        },
        "User": {
            "type": "object",
            "required": ["id", "username", "display_name", "role", "bio", "avatar_emoji", "theme", "language", "privacy", "prefs", "xp", "level", "created_at"],
            "properties": {
                "id": {"type": "integer"},
                "username": string,
                "display_name": string,
                "role": {"type": "string", "enum": ["child", "parent", "teacher", "admin"]},
                "bio": string,
                "avatar_emoji": string,
                "theme": string,
                "language": {"type": "string", "enum": ["en", "tl"]},
                "privacy": {"type": "string", "enum": ["public", "friends", "private"]},
                "prefs": {"type": "object"},
                "xp": {"type": "integer"},
                "level": {"type": "integer"},
                "created_at": {"type": "string", "format": "date-time"}
            }
        },
        "Tokens": {
            "type": "object",
            "required": ["access_token", "token_type", "expires_in", "refresh_token", "refresh_expires_at"],
            "properties": {
                "access_token": string,
                "token_type": {"type": "string", "const": "Bearer"},
                "expires_in": {"type": "integer"},
                "refresh_token": string,
                "refresh_expires_at": {"type": "string", "format": "date-time"}
            }
        },
        "Session": {
            "allOf": [
                {"$ref": "#/components/schemas/Tokens"},
                {"type": "object", "required": ["user"], "properties": {"user": {"$ref": "#/components/schemas/User"}}}
            ]
        },
        "RegisterRequest": {
            "type": "object",
            "additionalProperties": false,
            "required": ["username", "password", "display_name", "role"],
            "properties": {
                "username": {"type": "string", "minLength": 3, "maxLength": 24, "pattern": "^[A-Za-z0-9][A-Za-z0-9_.]*$"},
                "password": {"type": "string", "minLength": 6, "maxLength": 128},
                "display_name": {"type": "string", "minLength": 1, "maxLength": 50},
                "role": {"type": "string", "enum": ["child", "parent", "teacher"]},
                "language": {"type": "string", "enum": ["en", "tl"]}
            }
        },
        "LoginRequest": {
            "type": "object",
            "additionalProperties": false,
            "required": ["username", "password"],
            "properties": {"username": string, "password": string}
        },
        "RefreshRequest": {
            "type": "object",
            "additionalProperties": false,
            "required": ["refresh_token"],
            "properties": {"refresh_token": string}
        },
        "LogoutRequest": {
            "type": "object",
            "additionalProperties": false,
            "properties": {"refresh_token": string}
        },
        "ProfilePatch": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "display_name": {"type": "string", "minLength": 1, "maxLength": 50},
                "bio": {"type": "string", "maxLength": 500},
                "avatar_emoji": string,
                "theme": {"type": "string", "enum": crate::domain::accounts::THEMES},
                "language": {"type": "string", "enum": ["en", "tl"]},
                "privacy": {"type": "string", "enum": ["public", "friends", "private"]},
                "prefs": {"type": "object"}
            }
        },
        "PasswordConfirm": {
            "type": "object",
            "additionalProperties": false,
            "required": ["password"],
            "properties": {"password": string}
        },
        "PasswordChange": {
            "type": "object",
            "additionalProperties": false,
            "required": ["current_password", "new_password"],
            "properties": {"current_password": string, "new_password": {"type": "string", "minLength": 6, "maxLength": 128}}
        },
        "ProfanityWords": {
            "type": "object",
            "required": ["version", "count", "words"],
            "properties": {
                "version": {"type": "integer"},
                "count": {"type": "integer"},
                "words": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["word", "language", "severity"],
                        "properties": {
                            "word": string,
                            "language": {"type": "string", "enum": ["en", "tl"]},
                            "severity": {"type": "string", "enum": ["mild", "moderate", "severe"]}
                        }
                    }
                }
            }
        }
    })
}

/// Builds the document.
pub fn document() -> Value {
    let mut paths = Map::new();
    for &route in Route::ALL {
        let o = operation(route);
        let mut operation = Map::new();
        operation.insert("operationId".into(), json!(format!("{route:?}")));
        operation.insert("summary".into(), json!(o.summary));
        operation.insert("tags".into(), json!([route.tag()]));
        match route.access() {
            Access::User | Access::Admin => {
                operation.insert("security".into(), json!([{ "bearerAuth": [] }]));
            }
            Access::Optional | Access::AdminOrLoopback => {
                operation.insert("security".into(), json!([{}, { "bearerAuth": [] }]));
            }
            Access::Public => {}
        }
        if let Some(body) = o.request {
            operation.insert(
                "requestBody".into(),
                json!({ "required": route != Route::AuthLogout, "content": { "application/json": { "schema": body } } }),
            );
        }
        let mut responses = Map::new();
        for (status, description, body) in o.responses {
            let mut r = Map::new();
            r.insert("description".into(), json!(description));
            if let Some(s) = body {
                r.insert(
                    "content".into(),
                    json!({ "application/json": { "schema": s } }),
                );
            } else if route == Route::Metrics {
                r.insert(
                    "content".into(),
                    json!({ "text/plain": { "schema": { "type": "string" } } }),
                );
            }
            responses.insert(status.into(), Value::Object(r));
        }
        responses.insert(
            "default".into(),
            json!({ "$ref": "#/components/responses/Error" }),
        );
        operation.insert("responses".into(), Value::Object(responses));

        let path = paths.entry(route.template()).or_insert_with(|| json!({}));
        let method = route.method().as_str().to_ascii_lowercase();
        if let Value::Object(p) = path {
            if route == Route::Healthz {
                let mut head = operation.clone();
                head.insert("operationId".into(), json!("HealthzHead"));
                p.insert("head".into(), Value::Object(head));
            }
            p.insert(method, Value::Object(operation));
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "PixelTales",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "A storytelling studio for children. Errors are always {\"error\":{\"code\",\"message\"}}."
        },
        "servers": [{ "url": "/" }],
        "paths": paths,
        "components": {
            "securitySchemes": { "bearerAuth": { "type": "http", "scheme": "bearer", "bearerFormat": "JWT" } },
            "responses": {
                "Error": {
                    "description": "An error in the standard envelope",
                    "content": { "application/json": { "schema": schema("Error") } }
                }
            },
            "schemas": schemas()
        }
    })
}

/// The document, serialised once.
pub fn document_bytes() -> Bytes {
    static DOC: OnceLock<Bytes> = OnceLock::new();
    DOC.get_or_init(|| Bytes::from(serde_json::to_vec(&document()).unwrap_or_default()))
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_documented_once() {
        let doc = document();
        for &r in Route::ALL {
            let method = r.method().as_str().to_ascii_lowercase();
            let op = &doc["paths"][r.template()][&method];
            assert!(op.is_object(), "{} {} missing", method, r.template());
            assert_eq!(op["operationId"], format!("{r:?}"));
        }
        let documented: usize = doc["paths"]
            .as_object()
            .expect("paths")
            .values()
            .map(|p| {
                p.as_object()
                    .expect("path")
                    .keys()
                    .filter(|m| *m != "head")
                    .count()
            })
            .sum();
        assert_eq!(documented, Route::ALL.len());
    }

    #[test]
    fn every_schema_reference_resolves() {
        let doc = document();
        let text = doc.to_string();
        for piece in text.split("\"$ref\":\"").skip(1) {
            let target = piece.split('"').next().expect("ref");
            let mut node = &doc;
            for part in target.trim_start_matches("#/").split('/') {
                node = &node[part];
            }
            assert!(!node.is_null(), "dangling {target}");
        }
    }
}

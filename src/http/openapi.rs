//! The OpenAPI 3.1 description of every route, generated from the route table.
//!
//! Each route's operation is written in its row of the route table (`api::routes`), so a new
//! route does not compile until it is documented; tests check the document against the table
//! and the live server. Path parameters come
//! from the templates; component schemas live in `openapi_schemas`.

use std::sync::OnceLock;

use bytes::Bytes;
use serde_json::{Map, Value, json};

use super::openapi_schemas::schemas;
use super::router::{Access, Route};

struct Op {
    summary: &'static str,
    request: Option<Value>,
    /// (name, schema, description)
    query: Vec<(&'static str, Value, &'static str)>,
    /// (status, description, schema)
    responses: Vec<(&'static str, &'static str, Option<Value>)>,
}

fn schema(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn op(
    summary: &'static str,
    request: Option<&str>,
    responses: Vec<(&'static str, &'static str, Option<&str>)>,
) -> Op {
    Op {
        summary,
        request: request.map(schema),
        query: Vec::new(),
        responses: responses
            .into_iter()
            .map(|(s, d, b)| (s, d, b.map(schema)))
            .collect(),
    }
}

impl Op {
    fn query(mut self, name: &'static str, schema: Value, description: &'static str) -> Op {
        self.query.push((name, schema, description));
        self
    }

    fn paged(self) -> Op {
        self.query(
            "limit",
            json!({"type": "integer", "minimum": 1, "maximum": 100, "default": 20}),
            "Page size",
        )
        .query(
            "cursor",
            json!({"type": "string"}),
            "next_cursor from the previous page",
        )
    }
}

/// An operation documented with a query list (grown-ups' routes are written this way).
fn grown(
    summary: &'static str,
    request: Option<&str>,
    responses: Vec<(&'static str, &'static str, Option<&str>)>,
    query: Vec<(&'static str, Value, &'static str)>,
) -> Op {
    let mut o = op(summary, request, responses);
    o.query = query;
    o
}

/// No query parameters.
fn none() -> Vec<(&'static str, Value, &'static str)> {
    Vec::new()
}

/// `?format=csv` for a spreadsheet download.
fn csv() -> Vec<(&'static str, Value, &'static str)> {
    vec![(
        "format",
        json!({"type": "string", "enum": ["json", "csv"]}),
        "csv for a spreadsheet download",
    )]
}

/// The operation of each route, made from the route table's last column.
macro_rules! operations {
    ($($name:ident = $method:ident $path:literal, $access:ident, $tag:literal => $handler:path, $doc:expr;)*) => {
        fn operation(route: Route) -> Op {
            match route { $(Route::$name => $doc,)* }
        }
    };
}
crate::api::routes::table!(operations);

fn path_params(template: &str) -> Vec<Value> {
    template
        .split('/')
        .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(|name| {
            let schema = if name == "kind" || name == "name" {
                json!({"type": "string"})
            } else if name == "code" {
                json!({"type": "string", "minLength": 1, "maxLength": 20})
            } else if template.starts_with("/media/") {
                json!({"type": "string", "pattern": "^[0-9a-f]{64}$"})
            } else {
                json!({"type": "integer", "minimum": 1})
            };
            json!({ "name": name, "in": "path", "required": true, "schema": schema })
        })
        .collect()
}

fn request_body(route: Route, body: Value) -> Value {
    match route {
        Route::MediaUpload => json!({
            "required": true,
            "content": {
                "image/png": { "schema": { "type": "string", "format": "binary" } },
                "image/jpeg": { "schema": { "type": "string", "format": "binary" } },
                "image/webp": { "schema": { "type": "string", "format": "binary" } }
            }
        }),
        // These take an empty body too.
        Route::AuthLogout | Route::StoryRead => {
            json!({ "required": false, "content": { "application/json": { "schema": body } } })
        }
        _ => json!({ "required": true, "content": { "application/json": { "schema": body } } }),
    }
}

fn merged_schemas() -> Value {
    let mut all = schemas();
    for more in [
        super::openapi_realtime::schemas(),
        super::openapi_grownups::schemas(),
    ] {
        if let (Some(map), Value::Object(more)) = (all.as_object_mut(), more) {
            map.extend(more);
        }
    }
    all
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
        let mut params = path_params(route.template());
        params.extend(o.query.into_iter().map(|(name, schema, description)| {
            json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema })
        }));
        if !params.is_empty() {
            operation.insert("parameters".into(), Value::Array(params));
        }
        if let Some(body) = o.request {
            operation.insert("requestBody".into(), request_body(route, body));
        } else if route == Route::MediaUpload {
            operation.insert("requestBody".into(), request_body(route, Value::Null));
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
            } else if route == Route::MediaGet && status == "200" {
                r.insert(
                    "content".into(),
                    json!({ "image/*": { "schema": { "type": "string", "format": "binary" } } }),
                );
            } else if route == Route::OpenApi || route == Route::AdminExport {
                r.insert(
                    "content".into(),
                    json!({ "application/json": { "schema": { "type": "object" } } }),
                );
            }
            // `?format=csv` answers the same table as a spreadsheet download.
            if status == "200"
                && matches!(
                    route,
                    Route::AdminAudit | Route::AdminExport | Route::ClassReport
                )
                && let Some(Value::Object(content)) = r.get_mut("content")
            {
                content.insert("text/csv".into(), json!({ "schema": { "type": "string" } }));
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
            "description": "A storytelling studio for children. Errors are always {\"error\":{\"code\",\"message\"}}. Lists take ?limit= (1-100, default 20) and an opaque cursor, and answer {items, next_cursor}."
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
            "schemas": merged_schemas()
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
    fn component_names_are_unique_across_files() {
        // A name defined twice is silently replaced when the maps merge (the collab session
        // once replaced the sign-in session; schemathesis found it).
        let mut seen = std::collections::HashMap::new();
        for (file, part) in [
            ("openapi_schemas", schemas()),
            (
                "openapi_realtime",
                super::super::openapi_realtime::schemas(),
            ),
            (
                "openapi_grownups",
                super::super::openapi_grownups::schemas(),
            ),
        ] {
            for name in part.as_object().expect("a map").keys() {
                if let Some(first) = seen.insert(name.clone(), file) {
                    panic!("{name} is defined in {first} and {file}");
                }
            }
        }
    }

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

    #[test]
    fn every_path_parameter_is_declared() {
        let doc = document();
        for &r in Route::ALL {
            let method = r.method().as_str().to_ascii_lowercase();
            let declared: Vec<String> = doc["paths"][r.template()][&method]["parameters"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter(|p| p["in"] == "path")
                        .map(|p| p["name"].as_str().unwrap_or("").to_string())
                        .collect()
                })
                .unwrap_or_default();
            let wanted: Vec<String> = r
                .template()
                .split('/')
                .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
                .map(String::from)
                .collect();
            assert_eq!(declared, wanted, "{}", r.template());
        }
    }
}

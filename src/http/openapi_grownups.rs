//! OpenAPI component schemas for families, classes, reports, games, the creation helpers and
//! the admin console, as data in `openapi_grownups.json` (see `openapi_schemas` for why).

use serde_json::Value;

/// Component schemas for the grown-ups' operations.
pub fn schemas() -> Value {
    super::openapi_schemas::parse(include_str!("openapi_grownups.json"))
}

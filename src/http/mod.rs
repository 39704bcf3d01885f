//! HTTP: the server loop, the hand-written router, request/response helpers, security headers,
//! the embedded SPA, metrics and the OpenAPI document.

pub mod headers;
pub mod metrics;
pub mod openapi;
pub mod openapi_grownups;
pub mod openapi_realtime;
pub mod openapi_schemas;
pub mod request;
pub mod response;
pub mod router;
pub mod server;
pub mod static_files;

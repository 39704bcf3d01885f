//! The route table and the hand-written router: one `match` on the path segments, then on the
//! method, handing typed parameters to the dispatcher.
//!
//! The `routes!` table is the single list of API routes: the OpenAPI document is generated from
//! it, and tests check that every entry resolves back to itself and appears in the document.

use hyper::Method;

use super::request::Params;

/// Who may call a route; enforced centrally before the handler runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone.
    Public,
    /// Anyone; a valid bearer token is read if present.
    Optional,
    /// A signed-in user.
    User,
    /// A signed-in admin.
    Admin,
    /// An admin token, or a request from the machine itself.
    AdminOrLoopback,
}

macro_rules! routes {
    ($($name:ident = $method:ident $path:literal, $access:ident, $tag:literal;)*) => {
        /// Every API route.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Route { $($name,)* }

        impl Route {
            /// All routes, in table order.
            pub const ALL: &'static [Route] = &[$(Route::$name,)*];

            /// The HTTP method.
            pub fn method(self) -> Method {
                match self { $(Route::$name => Method::$method,)* }
            }

            /// The path template, `{name}` marking parameters.
            pub fn template(self) -> &'static str {
                match self { $(Route::$name => $path,)* }
            }

            /// Who may call it.
            pub fn access(self) -> Access {
                match self { $(Route::$name => Access::$access,)* }
            }

            /// The OpenAPI tag.
            pub fn tag(self) -> &'static str {
                match self { $(Route::$name => $tag,)* }
            }
        }
    };
}

routes! {
    Healthz = GET "/healthz", Public, "system";
    Metrics = GET "/metrics", AdminOrLoopback, "system";
    Config = GET "/api/config", Public, "system";
    OpenApi = GET "/api/openapi.json", Public, "system";
    AuthRegister = POST "/api/auth/register", Public, "accounts";
    AuthLogin = POST "/api/auth/login", Public, "accounts";
    AuthRefresh = POST "/api/auth/refresh", Public, "accounts";
    AuthLogout = POST "/api/auth/logout", Optional, "accounts";
    MeGet = GET "/api/me", User, "accounts";
    MeUpdate = PATCH "/api/me", User, "accounts";
    MeDelete = DELETE "/api/me", User, "accounts";
    MePassword = POST "/api/me/password", User, "accounts";
    ProfanityWords = GET "/api/profanity/words", Public, "safety";
}

/// Where a request goes.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// An API route with its parameters.
    Api(Route, Params),
    /// A GET for the SPA or its assets.
    Static,
    /// A known path that does not take this method.
    MethodNotAllowed(&'static str),
    /// Nothing here.
    NotFound,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum M {
    Get,
    Post,
    Put,
    Patch,
    Delete,
    Other,
}

fn method_of(m: &Method) -> M {
    match m.as_str() {
        // HEAD is answered like GET; hyper leaves the body out.
        "GET" | "HEAD" => M::Get,
        "POST" => M::Post,
        "PUT" => M::Put,
        "PATCH" => M::Patch,
        "DELETE" => M::Delete,
        _ => M::Other,
    }
}

/// Most path segments any route has; longer paths are not routed.
const MAX_SEGMENTS: usize = 8;

/// Resolves a method and path.
pub fn resolve(method: &Method, path: &str) -> Resolved {
    use Route::*;
    let m = method_of(method);
    let mut segs = [""; MAX_SEGMENTS];
    let mut n = 0;
    for s in path.strip_prefix('/').unwrap_or(path).split('/') {
        if n == MAX_SEGMENTS {
            return if path.starts_with("/api/") {
                Resolved::NotFound
            } else {
                fallback(m)
            };
        }
        segs[n] = s;
        n += 1;
    }
    let api = |r: Route| Resolved::Api(r, Params::default());
    let only = |want: M, r: Route, allow: &'static str| {
        if m == want {
            api(r)
        } else {
            Resolved::MethodNotAllowed(allow)
        }
    };
    match &segs[..n] {
        ["healthz"] => only(M::Get, Healthz, "GET, HEAD"),
        ["metrics"] => only(M::Get, Metrics, "GET, HEAD"),
        ["api", "config"] => only(M::Get, Config, "GET, HEAD"),
        ["api", "openapi.json"] => only(M::Get, OpenApi, "GET, HEAD"),
        ["api", "auth", "register"] => only(M::Post, AuthRegister, "POST"),
        ["api", "auth", "login"] => only(M::Post, AuthLogin, "POST"),
        ["api", "auth", "refresh"] => only(M::Post, AuthRefresh, "POST"),
        ["api", "auth", "logout"] => only(M::Post, AuthLogout, "POST"),
        ["api", "me"] => match m {
            M::Get => api(MeGet),
            M::Patch => api(MeUpdate),
            M::Delete => api(MeDelete),
            _ => Resolved::MethodNotAllowed("GET, HEAD, PATCH, DELETE"),
        },
        ["api", "me", "password"] => only(M::Post, MePassword, "POST"),
        ["api", "profanity", "words"] => only(M::Get, ProfanityWords, "GET, HEAD"),
        ["api", ..] => Resolved::NotFound,
        _ => fallback(m),
    }
}

fn fallback(m: M) -> Resolved {
    if m == M::Get {
        Resolved::Static
    } else {
        Resolved::NotFound
    }
}

/// Parses a path id: a positive decimal without sign or leading zeros.
pub fn parse_id(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 18 || s.starts_with('0') || !s.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    s.parse().ok()
}

/// A concrete path for a template, with `1` for every parameter (for tests and docs).
pub fn sample_path(template: &str) -> String {
    template
        .split('/')
        .map(|seg| if seg.starts_with('{') { "1" } else { seg })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_resolves_to_itself() {
        for &r in Route::ALL {
            let path = sample_path(r.template());
            match resolve(&r.method(), &path) {
                Resolved::Api(got, _) => assert_eq!(got, r, "{path}"),
                other => panic!("{} {path} resolved to {other:?}", r.method()),
            }
        }
    }

    #[test]
    fn allow_lists_name_exactly_the_routed_methods() {
        for &r in Route::ALL {
            let path = sample_path(r.template());
            let mut expected: Vec<String> = Route::ALL
                .iter()
                .filter(|o| o.template() == r.template())
                .map(|o| o.method().to_string())
                .collect();
            if expected.iter().any(|m| m == "GET") {
                expected.push("HEAD".into());
            }
            expected.sort();
            let probe = Method::from_bytes(b"BREW").expect("method");
            match resolve(&probe, &path) {
                Resolved::MethodNotAllowed(allow) => {
                    let mut got: Vec<String> = allow.split(", ").map(String::from).collect();
                    got.sort();
                    assert_eq!(got, expected, "{path}");
                }
                other => panic!("{path} with BREW gave {other:?}"),
            }
        }
    }

    #[test]
    fn unknown_api_paths_are_not_found_and_others_go_to_the_spa() {
        assert_eq!(resolve(&Method::GET, "/api/nope"), Resolved::NotFound);
        assert_eq!(resolve(&Method::GET, "/api"), Resolved::NotFound);
        assert_eq!(resolve(&Method::GET, "/api/me/"), Resolved::NotFound);
        assert_eq!(resolve(&Method::POST, "/library"), Resolved::NotFound);
        assert_eq!(resolve(&Method::GET, "/library/story/5"), Resolved::Static);
        assert_eq!(resolve(&Method::HEAD, "/"), Resolved::Static);
        assert_eq!(
            resolve(&Method::GET, "/a/b/c/d/e/f/g/h/i/j"),
            Resolved::Static
        );
        assert_eq!(
            resolve(&Method::GET, "/api/a/b/c/d/e/f/g/h/i"),
            Resolved::NotFound
        );
    }

    #[test]
    fn ids_are_strict() {
        assert_eq!(parse_id("42"), Some(42));
        for bad in [
            "",
            "0",
            "042",
            "-1",
            "+1",
            "1e3",
            "abc",
            "9999999999999999999",
        ] {
            assert_eq!(parse_id(bad), None, "{bad}");
        }
    }
}

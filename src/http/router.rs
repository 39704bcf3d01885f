//! The router: resolves a method and path against the route table (`api::routes`), the single
//! list of API routes, handing typed parameters to the dispatcher. Tests check that every entry
//! resolves back to itself, that `Allow` names exactly its methods, and that the OpenAPI
//! document has it.

use std::sync::OnceLock;

use hyper::Method;

use super::request::Params;

pub use crate::api::routes::{Access, Route};

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

/// Most path segments any route has; longer paths are not routed.
const MAX_SEGMENTS: usize = 8;

/// One segment of a route's path template.
enum Seg {
    /// Must equal this text.
    Literal(&'static str),
    /// A positive integer id (`{id}`, `{page_id}`, `{user_id}`).
    Id,
    /// Any text (`{kind}`, `{name}`, a media key).
    Key,
}

/// Every route's template, split once.
fn templates() -> &'static [(Route, Vec<Seg>)] {
    static TEMPLATES: OnceLock<Vec<(Route, Vec<Seg>)>> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        Route::ALL
            .iter()
            .map(|&r| {
                let t = r.template();
                let segs = t[1..]
                    .split('/')
                    .map(
                        |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                            // Media ids are content hashes, not numbers.
                            Some(_) if t.starts_with("/media/") => Seg::Key,
                            Some("kind" | "name" | "code") => Seg::Key,
                            Some(_) => Seg::Id,
                            None => Seg::Literal(s),
                        },
                    )
                    .collect();
                (r, segs)
            })
            .collect()
    })
}

/// The parameters of `segs` if they fit `template`.
fn fit(template: &[Seg], segs: &[&str]) -> Option<Params> {
    if template.len() != segs.len() {
        return None;
    }
    let mut params = Params::default();
    for (t, s) in template.iter().zip(segs) {
        match t {
            Seg::Literal(l) if l == s => {}
            Seg::Literal(_) => return None,
            // A path id that is not a positive integer names nothing: 404, not 400.
            Seg::Id => params.ids.push(parse_id(s)?),
            Seg::Key => params.keys.push((*s).to_string()),
        }
    }
    Some(params)
}

/// Methods a path takes, as one bit each (GET stands for HEAD too).
const METHODS: [(Method, &str); 5] = [
    (Method::GET, "GET, HEAD"),
    (Method::POST, "POST"),
    (Method::PUT, "PUT"),
    (Method::PATCH, "PATCH"),
    (Method::DELETE, "DELETE"),
];

fn method_bit(m: &Method) -> u8 {
    METHODS
        .iter()
        .position(|(known, _)| known == m)
        .map_or(0, |i| 1 << i)
}

/// The `Allow` value for a set of method bits, built once per set.
fn allow(bits: u8) -> &'static str {
    static ALLOW: OnceLock<Vec<&'static str>> = OnceLock::new();
    ALLOW.get_or_init(|| {
        (0..32u8)
            .map(|set| {
                let names: Vec<&str> = METHODS
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| set & (1 << i) != 0)
                    .map(|(_, (_, name))| *name)
                    .collect();
                &*Box::leak(names.join(", ").into_boxed_str())
            })
            .collect()
    })[usize::from(bits & 31)]
}

/// Resolves a method and path against the route table: the first route whose template and
/// method fit; else 405 naming the methods the path takes; else 404 under `/api`, and the SPA
/// for any other GET.
pub fn resolve(method: &Method, path: &str) -> Resolved {
    // HEAD is answered like GET; hyper leaves the body out.
    let wanted = if method == Method::HEAD {
        &Method::GET
    } else {
        method
    };
    // Only origin-form paths name anything; hyper hands over `*` or an authority as-is.
    let Some(rest) = path.strip_prefix('/') else {
        return Resolved::NotFound;
    };
    let mut segs = [""; MAX_SEGMENTS];
    let mut n = 0;
    for s in rest.split('/') {
        if n == MAX_SEGMENTS {
            return elsewhere(wanted, segs[0]);
        }
        segs[n] = s;
        n += 1;
    }
    let segs = &segs[..n];
    let mut taken = 0u8;
    for (route, template) in templates() {
        if let Some(params) = fit(template, segs) {
            if route.method() == *wanted {
                return Resolved::Api(*route, params);
            }
            taken |= method_bit(&route.method());
        }
    }
    if taken != 0 {
        return Resolved::MethodNotAllowed(allow(taken));
    }
    elsewhere(wanted, segs[0])
}

/// Nothing routed: 404 under `/api`, the SPA for other GETs.
fn elsewhere(method: &Method, first: &str) -> Resolved {
    if first == "api" {
        Resolved::NotFound
    } else if method == Method::GET {
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
    let media = template.starts_with("/media/");
    template
        .split('/')
        .map(|seg| match (seg.starts_with('{'), media) {
            (true, true) => "0000000000000000000000000000000000000000000000000000000000000000",
            (true, false) => "1",
            (false, _) => seg,
        })
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
        assert_eq!(resolve(&Method::GET, "metrics"), Resolved::NotFound);
        assert_eq!(resolve(&Method::GET, "*"), Resolved::NotFound);
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

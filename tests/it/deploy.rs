//! The Render blueprint and the Makefile agree with the server: the start command runs the
//! binary `make release` produces, the disk is the data dir, the health check is a real route.

use std::path::Path;

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).expect(name)
}

/// The value of `key: value` on the first line carrying that key (quotes removed).
fn value_of(yaml: &str, key: &str) -> String {
    yaml.lines()
        .map(str::trim)
        .find_map(|l| {
            l.strip_prefix("- ")
                .unwrap_or(l)
                .strip_prefix(&format!("{key}:"))
        })
        .unwrap_or_else(|| panic!("render.yaml has no {key}"))
        .trim()
        .trim_matches('"')
        .to_string()
}

/// The value of an env var entry (`- key: NAME` followed by `value: X`).
fn env_value(yaml: &str, name: &str) -> String {
    let lines: Vec<&str> = yaml.lines().map(str::trim).collect();
    let at = lines
        .iter()
        .position(|l| *l == format!("- key: {name}"))
        .unwrap_or_else(|| panic!("render.yaml sets no {name}"));
    lines[at + 1]
        .strip_prefix("value:")
        .expect("value line")
        .trim()
        .trim_matches('"')
        .to_string()
}

#[test]
fn render_blueprint_matches_the_build_and_the_server() {
    let yaml = read("render.yaml");
    let makefile = read("Makefile");
    assert_eq!(value_of(&yaml, "runtime"), "rust");
    assert_eq!(value_of(&yaml, "buildCommand"), "make release");
    let start = value_of(&yaml, "startCommand");
    let binary = start
        .split_whitespace()
        .next()
        .expect("start binary")
        .trim_start_matches("./");
    assert!(
        makefile.contains(&format!(
            "cp target/$(HOST_TARGET)/release/pixeltales {binary}"
        )),
        "make release must produce {binary}"
    );
    assert!(start.ends_with(" serve"), "{start}");

    let mount = value_of(&yaml, "mountPath");
    assert_eq!(
        env_value(&yaml, "PIXELTALES_DATA_DIR"),
        mount,
        "the data dir must be the disk"
    );
    assert_eq!(
        env_value(&yaml, "PIXELTALES_PROXY_HOPS"),
        "2",
        "Cloudflare + Render's proxy"
    );

    let health = value_of(&yaml, "healthCheckPath");
    let resolved = pixeltales::http::router::resolve(&hyper::Method::GET, &health);
    assert_eq!(
        resolved,
        pixeltales::http::router::Resolved::Api(
            pixeltales::http::router::Route::Healthz,
            Default::default()
        )
    );
}

#[test]
fn ci_runs_make_test() {
    let ci = read(".ci/run");
    assert!(ci.lines().any(|l| l.trim() == "make test"), "{ci}");
    let makefile = read("Makefile");
    assert!(
        makefile.contains("PIXELTALES_E2E=required"),
        "browser tests must not skip in CI"
    );
}

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

/// The hardened unit the Raspberry Pi instructions install: its safety settings are there, and
/// `systemd-analyze verify` (where systemd is installed, as on CI) accepts it.
#[test]
fn the_systemd_unit_is_hardened_and_verifies() {
    let unit = read("contrib/pixeltales.service");
    for line in [
        "ExecStart=/usr/local/bin/pixeltales serve --data-dir /var/lib/pixeltales",
        "User=pixeltales",
        "StateDirectory=pixeltales",
        "ProtectSystem=strict",
        "ProtectHome=yes",
        "NoNewPrivileges=yes",
        "CapabilityBoundingSet=",
        "Restart=on-failure",
        "KillSignal=SIGTERM",
    ] {
        assert!(
            unit.lines().any(|l| l.trim() == line),
            "the unit lacks {line}"
        );
    }
    let Ok(version) = std::process::Command::new("systemd-analyze")
        .arg("--version")
        .output()
    else {
        eprintln!("skipped the verify step: systemd-analyze is not installed");
        return;
    };
    assert!(version.status.success());
    // Verified as installed, except that ExecStart names this build's binary.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("pixeltales.service");
    std::fs::write(
        &path,
        unit.replace(
            "/usr/local/bin/pixeltales",
            env!("CARGO_BIN_EXE_pixeltales"),
        ),
    )
    .expect("unit");
    let out = std::process::Command::new("systemd-analyze")
        .arg("verify")
        .arg(&path)
        .output()
        .expect("systemd-analyze");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && said.trim().is_empty(), "{said}");
}

/// The container image: the static binary alone, as a non-root user, checked by the binary's
/// own health command. Built here only where a container daemon answers.
#[test]
fn the_dockerfile_ships_the_binary_alone_as_a_user_with_a_health_check() {
    let file = read("Dockerfile");
    for line in [
        "FROM scratch",
        "USER 10001:10001",
        "VOLUME /data",
        "HEALTHCHECK --interval=30s --timeout=5s --start-period=10s CMD [\"/pixeltales\", \"healthcheck\"]",
        "STOPSIGNAL SIGTERM",
    ] {
        assert!(
            file.lines().any(|l| l.trim() == line),
            "the Dockerfile lacks {line}"
        );
    }
    let daemon = std::process::Command::new("docker")
        .arg("info")
        .output()
        .is_ok_and(|o| o.status.success());
    if !daemon {
        eprintln!("skipped the image build: no container daemon here");
        return;
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let out = std::process::Command::new("docker")
        .args(["build", "-q", "-t", "pixeltales-test", root])
        .output()
        .expect("docker build");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The Litestream blueprint starts through the start script the drill runs, with the binary
/// `make release` makes.
#[test]
fn the_litestream_blueprint_starts_through_the_drilled_script() {
    let yaml = read("render-litestream.yaml");
    let start = value_of(&yaml, "startCommand");
    assert!(start.contains("./contrib/litestream-start.sh"), "{start}");
    assert!(
        start.contains("PIXELTALES_BIN=./target/release-static/pixeltales"),
        "{start}"
    );
    assert!(value_of(&yaml, "buildCommand").starts_with("make release"));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib/litestream-start.sh"),
    )
    .expect("script")
    .permissions()
    .mode();
    assert!(mode & 0o111 != 0, "the start script is executable");
}

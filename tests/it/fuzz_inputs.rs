//! Every seed and every saved regression input of the fuzz targets (`fuzz/seeds/<target>/`,
//! `fuzz/regressions/<target>/`) runs through the same property checks on the stable
//! toolchain, so a crash `make fuzz` once found stays fixed.

use std::path::Path;

type Check = fn(&[u8]);

const TARGETS: [(&str, Check); 4] = [
    ("drawing", pixeltales::fuzz::drawing),
    ("profanity", pixeltales::fuzz::profanity),
    ("router", pixeltales::fuzz::router),
    ("ws_frame", pixeltales::fuzz::ws_frame),
];

/// Runs every file under `fuzz/<kind>/<target>/`; returns how many ran.
fn run_all(kind: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind);
    let mut ran = 0;
    for (target, check) in TARGETS {
        let dir = root.join(target);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != ".keep"))
            .collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).expect("read input");
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(outcome.is_ok(), "{} breaks {target}", file.display());
            ran += 1;
        }
    }
    ran
}

#[test]
fn seed_inputs_hold_every_property() {
    assert!(run_all("seeds") >= 12, "the seed corpus went missing");
}

#[test]
fn saved_crashes_stay_fixed() {
    run_all("regressions");
}

#[test]
fn seeds_reach_past_the_parsers() {
    // Seeds that the parsers refuse would leave the fuzzer starting from nothing: every drawing
    // seed validates and every frame seed decodes.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    for file in std::fs::read_dir(root.join("drawing"))
        .expect("drawing seeds")
        .flatten()
    {
        let value: serde_json::Value =
            serde_json::from_slice(&std::fs::read(file.path()).expect("seed")).expect("JSON");
        let parsed = pixeltales::domain::drawing::Drawing::from_value(value);
        assert!(parsed.is_ok(), "{}: {parsed:?}", file.path().display());
    }
    for file in std::fs::read_dir(root.join("ws_frame"))
        .expect("frame seeds")
        .flatten()
    {
        let text = std::fs::read_to_string(file.path()).expect("seed");
        let decoded = pixeltales::realtime::protocol::decode(&text);
        assert!(
            decoded.is_ok(),
            "{}: {:?}",
            file.path().display(),
            decoded.err().map(|e| e.code)
        );
    }
}

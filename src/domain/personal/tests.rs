use super::tests_table::{MUST_FLAG, MUST_PASS};
use super::*;
use Kind::*;

fn kinds(text: &str) -> Vec<Kind> {
    find(text).into_iter().map(|d| d.kind).collect()
}

#[test]
fn flags_every_kind_and_disguise() {
    assert!(MUST_FLAG.len() >= 120, "only {} entries", MUST_FLAG.len());
    let mut failures = Vec::new();
    for &(text, want) in MUST_FLAG {
        let got = kinds(text);
        if !got.contains(&want) {
            failures.push(format!("{text:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} not flagged:\n{}",
        failures.len(),
        MUST_FLAG.len(),
        failures.join("\n")
    );
}

#[test]
fn passes_story_text() {
    assert!(MUST_PASS.len() >= 120, "only {} entries", MUST_PASS.len());
    let mut failures = Vec::new();
    for &text in MUST_PASS {
        let found = find(text);
        if !found.is_empty() {
            let parts: Vec<String> = found
                .iter()
                .map(|d| format!("{:?} {:?}", d.kind, &text[d.start..d.end]))
                .collect();
            failures.push(format!("{text:?}: {}", parts.join(", ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} flagged:\n{}",
        failures.len(),
        MUST_PASS.len(),
        failures.join("\n")
    );
}

#[test]
fn ranges_are_exact() {
    let text = "Hi! Call 0917 123 4567 or mail juan@gmail.com, ok?";
    let found = find(text);
    let parts: Vec<(&str, &str)> = found
        .iter()
        .map(|d| (d.kind.as_str(), &text[d.start..d.end]))
        .collect();
    assert_eq!(
        parts,
        vec![("phone", "0917 123 4567"), ("email", "juan@gmail.com")]
    );
    let text = "Tawag ka sa ０９１７１２３４５６７ ha";
    let found = find(text);
    assert_eq!(found.len(), 1);
    assert_eq!(
        &text[found[0].start..found[0].end],
        "０９１７１２３４５６７"
    );
    let text = "visit https://example.com/a/b.";
    let found = find(text);
    assert_eq!(
        &text[found[0].start..found[0].end],
        "https://example.com/a/b"
    );
    assert_eq!(first("+63 917 123 4567"), Some(Phone));
    assert_eq!(first("A story about 3 dragons"), None);
    assert_eq!(Kind::Address.as_str(), "address");
}

#[test]
fn ranges_are_sorted_disjoint_char_boundaries() {
    let mut all: Vec<&str> = MUST_FLAG.iter().map(|(t, _)| *t).collect();
    all.extend(MUST_PASS);
    let joined = all.join(" ");
    all.push(&joined);
    for text in all {
        let found = find(text);
        let mut prev_end = 0;
        for d in &found {
            assert!(d.start < d.end && d.end <= text.len(), "{text:?}: {d:?}");
            assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
            assert!(d.start >= prev_end, "{text:?}: overlapping {found:?}");
            prev_end = d.end;
        }
    }
}

#[test]
fn random_text_does_not_panic() {
    let pieces = [
        "0", "9", "1", "7", " ", ".", "@", "at", "dot", "com", "www", "-", "(", ")", "+", "#",
        "０", "٣", "\u{200B}", "é", "ñ", "🙂", "1️⃣", "street", "Blk", "lot", "my", "ig", "is", ":",
        "/", "http", "gmail", "\n", "zero", "nine", "o", "l", "I", "Purok", "live", "on", "me",
        "follow", "_", ",", "ko", "sa", "double", "x", "ｗ", "𝟗", "\u{0301}",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..20 {
        let mut text = String::new();
        while text.len() < 10_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        let found = find(&text);
        for d in &found {
            assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
            assert!(d.start < d.end && d.end <= text.len());
        }
    }
    for piece in [
        "9",
        "a.",
        "@",
        "a-",
        "@a_",
        "double ",
        "onetwo",
        "0 ",
        "www.",
        "blk 1 ",
        "my ig is ",
        "1/",
        "1:",
        "at dot ",
        "five hundred ",
        "0917 then ",
        "fifty five ",
        "⭐9",
        "\n\n1",
    ] {
        let long = piece.repeat(10_000 / piece.len());
        let _ = find(&long);
    }
}

//! Tests of the starter's data and helpers: placeholders, coverage of every genre and
//! language, word lists, grammar, and nothing a profanity filter would flag.

use super::casts;
use super::grammar::{Language, capitalise, indef, link, title_case};
use super::lexicon::{self, Kind};
use super::tests::{all_text, req};
use super::vars::{Roles, Vars};
use super::*;
use crate::domain::profanity::starter::matcher;

/// Every placeholder `Vars::value` knows.
const KEYS: &[&str] = &[
    "hero",
    "kind",
    "a_kind",
    "friend",
    "friend_kind",
    "a_friend_kind",
    "place",
    "at_place",
    "object",
    "an_object",
    "thing",
    "adj",
    "goal",
    "trouble",
    "time",
    "weather",
    "flavor",
    "a_flavor",
    "flavor2",
    "a_flavor2",
    "label",
    "a_label",
    "feeling",
    "worry",
    "joy",
];

fn packs() -> [(&'static str, &'static Pack); 2] {
    [("en", &en::EN), ("tl", &tl::TL)]
}

/// Every template of a pack, shared and per genre.
fn templates(pack: &Pack) -> Vec<&'static str> {
    let shared = [
        pack.openers,
        pack.setup,
        pack.object_intros,
        pack.friend_intros,
        pack.reactions,
        pack.goal_lines,
        pack.tries,
        pack.fails,
        pack.helps,
        pack.nearly,
        pack.celebrations,
        pack.lessons,
        pack.closers,
        pack.titles,
        pack.summaries,
    ];
    let mut out: Vec<&'static str> = shared.iter().flat_map(|p| p.iter().copied()).collect();
    for (_, kit) in pack.genres {
        for pool in [kit.openers, kit.setup, kit.tries, kit.lessons] {
            out.extend(pool.iter().copied());
        }
        for plot in kit.plots {
            out.push(plot.goal);
            out.extend(plot.problems.iter().copied());
            out.extend(plot.wins.iter().copied());
        }
    }
    // The lines for the problems an idea can name.
    let language = if std::ptr::eq(pack, &en::EN) {
        Language::En
    } else {
        Language::Tl
    };
    for kind in trouble::KINDS {
        let lines = trouble::lines(*kind, language);
        out.push(lines.plot.goal);
        for pool in [
            lines.plot.problems,
            lines.plot.wins,
            lines.tries,
            lines.lessons,
            lines.titles,
        ] {
            out.extend(pool.iter().copied());
        }
    }
    out
}

fn placeholders(template: &str) -> Vec<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(key, _)| key))
        .collect()
}

#[test]
fn templates_use_only_known_placeholders() {
    for (language, pack) in packs() {
        for template in templates(pack) {
            assert_eq!(
                template.matches('{').count(),
                template.matches('}').count(),
                "{template}"
            );
            for key in placeholders(template) {
                let base = key.strip_suffix("_lk").unwrap_or(key);
                assert!(
                    KEYS.contains(&base),
                    "{language}: unknown {{{key}}} in {template}"
                );
                assert!(
                    language == "tl" || base == key,
                    "English has no linker: {template}"
                );
            }
        }
    }
}

#[test]
fn every_known_placeholder_has_a_value() {
    for language in [Language::En, Language::Tl] {
        let found = idea::read("a cat named Mimi by the river with a kite");
        let pack = pack(language);
        let mut rng = Rng::new(1);
        let roles = Roles::choose(&found, casts::cast("other"), pack, &mut rng);
        let mut vars = Vars::new(
            language,
            &roles,
            "red",
            ("bubble", "kite tail"),
            ("Then", "it rained"),
            "happy",
        );
        vars.goal = "fly the kite".to_string();
        vars.trouble = "the dark".to_string();
        for key in KEYS {
            assert!(!vars.value(key, pack, &mut rng).is_empty(), "{key}");
        }
        assert_eq!(vars.value("nonsense", pack, &mut rng), "");
    }
}

#[test]
fn first_sentences_bring_in_everyone() {
    for (language, pack) in packs() {
        let mut openers: Vec<&str> = pack.openers.to_vec();
        for (_, kit) in pack.genres {
            openers.extend(kit.openers.iter().copied());
        }
        for t in openers {
            assert!(t.contains("{hero}"), "{language}: {t}");
            assert!(
                t.contains("{kind") || t.contains("{a_kind"),
                "{language}: {t}"
            );
            assert!(
                t.contains("{place}") || t.contains("{at_place}"),
                "{language}: {t}"
            );
        }
        for t in pack.object_intros {
            assert!(
                t.contains("{an_object}") || t.contains("{thing}"),
                "{language}: {t}"
            );
        }
        for t in pack.friend_intros {
            assert!(
                t.contains("{friend}") && t.contains("friend_kind"),
                "{language}: {t}"
            );
        }
    }
}

#[test]
fn every_genre_has_templates_and_a_cast_in_both_languages() {
    for &genre in GENRES {
        for (language, pack) in packs() {
            let listed = pack.genres.iter().find(|(id, _)| *id == genre);
            let (_, kit) = listed.expect("genre listed");
            let at = format!("{genre}/{language}");
            for pool in [kit.openers, kit.setup, kit.tries, kit.lessons] {
                assert!(pool.len() >= 4, "{at}");
            }
            let problems: usize = kit.plots.iter().map(|p| p.problems.len()).sum();
            let wins: usize = kit.plots.iter().map(|p| p.wins.len()).sum();
            assert!(kit.plots.len() >= 2 && problems >= 4 && wins >= 4, "{at}");
            assert!(
                kit.plots
                    .iter()
                    .all(|p| !p.goal.is_empty() && !p.wins.is_empty())
            );
            assert!(kit.flavor.len() >= 2 && !kit.adjs.is_empty() && !kit.label.is_empty());
        }
        let cast = casts::CASTS
            .iter()
            .find(|c| c.genre == genre)
            .expect("cast");
        for (kind, ids) in [
            (Kind::Hero, cast.heroes),
            (Kind::Place, cast.places),
            (Kind::Object, cast.objects),
        ] {
            assert!(ids.len() >= 2, "{genre}");
            for id in ids {
                assert!(lexicon::by_id(kind, id).is_some(), "{genre}: {id}");
            }
        }
    }
}

#[test]
fn word_lists_are_complete_and_line_up() {
    assert_eq!(en::EN.times.len(), tl::TL.times.len());
    for (_, pack) in packs() {
        assert!(pack.names_for("").len() >= 20);
        assert!(pack.names_for("f").len() >= 8 && pack.names_for("m").len() >= 8);
        for list in [pack.feelings, pack.worries, pack.joys] {
            assert!(list.len() >= 3);
        }
        for pool in [pack.setup, pack.reactions, pack.goal_lines, pack.nearly] {
            assert!(pool.len() >= 4);
        }
        // Enough for twelve pages without a repeat.
        assert!(pack.fails.len() >= 8 && pack.tries.len() >= 8 && pack.helps.len() >= 4);
    }
    for kind in [Kind::Hero, Kind::Place, Kind::Object] {
        for word in lexicon::all(kind) {
            assert!(!word.en().is_empty() && !word.tl().is_empty() && !word.look.is_empty());
            if kind == Kind::Place {
                assert!(SCENES.contains(&word.scene), "{}", word.en());
                assert!(!word.prep.is_empty(), "{}", word.en());
            }
        }
    }
}

#[test]
fn nothing_a_profanity_filter_would_flag() {
    let m = matcher();
    for (language, pack) in packs() {
        let mut texts: Vec<&str> = templates(pack);
        texts.extend(pack.names_for(""));
        for (_, kit) in pack.genres {
            texts.extend(kit.flavor.iter().copied());
            texts.extend(kit.adjs.iter().copied());
        }
        for t in texts {
            assert!(m.find(t).is_empty(), "{language}: {t}");
        }
    }
    for &genre in GENRES {
        for language in ["en", "tl"] {
            for seed in 0..6 {
                let r = Request {
                    seed: Some(seed),
                    ..req("", genre, language, 12)
                };
                let story = write(&r).expect("story");
                let text = all_text(&story);
                assert!(m.find(&text).is_empty(), "{genre}/{language}: {text}");
            }
        }
    }
}

#[test]
fn grammar_helpers() {
    assert_eq!(link("pusa"), "pusang");
    assert_eq!(link("ibon"), "ibong");
    assert_eq!(link("pagong"), "pagong na");
    assert_eq!(link("isang batang babae"), "isang batang babaeng");
    assert_eq!(link("unicorn"), "unicorn na");
    assert_eq!(link("pilak"), "pilak na");
    assert_eq!(indef("owl"), "an owl");
    assert_eq!(indef("unicorn"), "a unicorn");
    assert_eq!(indef("cat"), "a cat");
    assert_eq!(indef("upside-down hat"), "an upside-down hat");
    assert_eq!(capitalise("\"oh no!\" said mimi."), "\"Oh no!\" said mimi.");
    assert_eq!(
        title_case("mimi and the silver boat", Language::En),
        "Mimi and the Silver Boat"
    );
    assert_eq!(
        title_case("si Mimi at ang pilak na bangka", Language::Tl),
        "Si Mimi at ang Pilak na Bangka"
    );
    assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert!(lexicon::same_word("puppies", "puppy"));
    assert!(lexicon::same_word("pusang", "pusa"));
    assert!(lexicon::same_word("foxes", "fox"));
    assert!(!lexicon::same_word("catalog", "cat"));
}

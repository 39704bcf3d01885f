//! Tests of the story starter's behaviour: determinism, structure, ideas, errors and variety.

use std::collections::HashSet;

use super::*;
use crate::domain::story::{PAGE_TEXT_MAX, SUMMARY_MAX, TITLE_MAX};

const EN_IDEAS: [&str; 20] = [
    "a brave turtle named Pablo who lives near the river and finds a lantern",
    "a cat who wants to fly a kite",
    "my dog Bruno and a big red balloon",
    "a princess who loves pancakes",
    "a robot on the moon looking for a friend",
    "a little girl named Ana who finds a magic key in the garden",
    "an elephant at the zoo who can paint",
    "two frogs in a pond with a golden crown",
    "a monkey who lost his banana in the jungle",
    "a boy and his grandpa at the beach",
    "a dragon who is shy",
    "an owl who reads books in the library",
    "a penguin who wants to visit the desert",
    "a fox named Kiko and a mysterious box",
    "a bee in the meadow",
    "a pirate with a broken compass",
    "a giant who lives on a mountain and bakes bread",
    "a mermaid who finds a shell by the sea",
    "a unicorn at school",
    "",
];

const TL_IDEAS: [&str; 20] = [
    "Si Pablo ay isang matapang na pagong na nakatira malapit sa ilog at nakahanap ng parol",
    "isang pusa na gustong magpalipad ng saranggola",
    "ang aso kong si Bantay at ang pulang lobo",
    "isang prinsesa na mahilig sa keyk",
    "isang robot sa buwan na naghahanap ng kaibigan",
    "batang babae na si Ana na nakahanap ng susi sa hardin",
    "isang elepante sa zoo na marunong magpinta",
    "dalawang palaka sa lawa at isang korona",
    "isang unggoy na nawalan ng saging sa kagubatan",
    "si Lolo at ako sa dalampasigan",
    "isang mahiyaing dragon",
    "isang kuwago na nagbabasa ng aklat sa aklatan",
    "isang penguin na gustong pumunta sa disyerto",
    "si Kiko na soro at ang mahiwagang kahon",
    "isang bubuyog sa parang",
    "isang pirata na may sirang kompas",
    "isang higante sa bundok na nagluluto ng tinapay",
    "isang sirena na nakakita ng kabibe sa dagat",
    "isang kalabaw sa palayan",
    "",
];

pub(super) fn req<'a>(
    idea: &'a str,
    genre: &'a str,
    language: &'a str,
    pages: usize,
) -> Request<'a> {
    Request {
        idea,
        genre,
        language,
        pages,
        seed: None,
        age_band: None,
    }
}

pub(super) fn all_text(story: &Story) -> String {
    let pages: Vec<&str> = story.pages.iter().map(|p| p.text.as_str()).collect();
    format!("{} {} {}", story.title, story.summary, pages.join(" "))
}

#[test]
fn the_same_request_tells_the_same_story() {
    for language in ["en", "tl"] {
        let r = req("a cat who finds a kite", "adventure", language, 6);
        let a = write(&r).expect("story");
        assert_eq!(write(&r).expect("story"), a);
        assert_eq!(a.seed, seed_for(&r));
        // Spacing and capitals are not a new idea.
        let shouted = req("  A CAT who finds   a kite ", "adventure", language, 6);
        assert_eq!(write(&shouted).expect("story"), a);

        let seeded = |seed| {
            write(&Request {
                seed: Some(seed),
                ..r
            })
            .expect("story")
        };
        assert_eq!(seeded(1), seeded(1));
        assert_eq!(seeded(1).seed, 1);
        assert_ne!(
            seeded(1),
            seeded(2),
            "{language}: another seed, another story"
        );

        let other = write(&req("a cat who finds a drum", "adventure", language, 6)).expect("story");
        assert_ne!(other.seed, a.seed);
        assert_ne!(other, a);
    }
}

#[test]
fn every_genre_and_language_fills_the_pages_in_story_order() {
    for &genre in GENRES {
        for language in ["en", "tl"] {
            for pages in [3, 4, 5, 7, 12] {
                let r = req("", genre, language, pages);
                let (story, said) = compose(&r).expect("story");
                let at = format!("{genre}/{language}/{pages}");
                assert_eq!(story.pages.len(), pages, "{at}");
                let order: Vec<usize> = story
                    .pages
                    .iter()
                    .map(|p| BEATS.iter().position(|b| *b == p.beat).expect("known beat"))
                    .collect();
                assert!(order.windows(2).all(|w| w[0] <= w[1]), "{at}: {order:?}");
                let beats: Vec<&str> = story.pages.iter().map(|p| p.beat).collect();
                assert_eq!(beats.first(), Some(&"setup"), "{at}");
                assert_eq!(beats.get(1), Some(&"problem"), "{at}");
                let last = if pages >= 5 { "lesson" } else { "resolution" };
                assert_eq!(beats.last(), Some(&last), "{at}");
                let tries = beats.iter().filter(|b| **b == "try").count();
                // Four pages have no room for a lesson page: the lesson closes the
                // resolution page and one try gets a page of its own.
                let want = if pages == 4 {
                    1
                } else {
                    pages.saturating_sub(4)
                };
                assert_eq!(tries, want, "{at}");

                assert!(!story.title.is_empty() && story.title.chars().count() <= TITLE_MAX);
                assert!(!story.summary.is_empty() && story.summary.chars().count() <= SUMMARY_MAX);
                assert!(story.summary.chars().next().is_some_and(char::is_uppercase));
                for (page, sentences) in story.pages.iter().zip(&said) {
                    assert!((2..=4).contains(&sentences.len()), "{at}: {sentences:?}");
                    for s in sentences {
                        let first = s.chars().find(|c| c.is_alphabetic());
                        assert!(first.is_some_and(char::is_uppercase), "{at}: {s}");
                    }
                    assert!(page.text.chars().count() <= PAGE_TEXT_MAX);
                    assert!(SCENES.contains(&page.scene), "{at}");
                    assert!(page.image_prompt.contains("children's book"), "{at}");
                }
                let text = format!("{} {}", all_text(&story), story.hero);
                assert!(!text.contains('{') && !text.contains('}'), "{at}: {text}");
                assert!(!text.contains("  "), "{at}: double space in {text}");
            }
        }
    }
}

#[test]
fn the_idea_gives_the_hero_the_place_and_the_thing_in_every_genre() {
    let cases = [
        (
            "en",
            "a brave turtle named Pablo who lives near the river and finds a lantern",
            ["turtle", "river", "lantern"],
        ),
        (
            "tl",
            "Si Pablo ay isang matapang na pagong na nakatira malapit sa ilog at nakahanap ng parol",
            ["pagong", "ilog", "parol"],
        ),
    ];
    for (language, idea, words) in cases {
        for &genre in GENRES {
            let story = write(&req(idea, genre, language, 5)).expect("story");
            assert!(
                story.hero.contains("Pablo"),
                "{genre}/{language}: {}",
                story.hero
            );
            let text = all_text(&story);
            for word in words.iter().chain(&["Pablo"]) {
                assert!(
                    text.contains(word),
                    "{genre}/{language}: no {word} in {text}"
                );
            }
            assert_eq!(story.place, words[1]);
            assert_eq!(story.object, words[2]);
            assert!(story.pages.iter().all(|p| p.scene == "sea"));
            let prompt = &story.pages[0].image_prompt;
            assert!(
                prompt.contains("turtle") && prompt.contains("river"),
                "{prompt}"
            );
        }
    }
}

#[test]
fn ideas_are_read_in_either_language_whatever_the_story_language() {
    let story = write(&req("isang pusa sa gubat", "animals", "en", 4)).expect("story");
    let text = all_text(&story);
    assert!(text.contains("cat") && text.contains("forest"), "{text}");

    let story = write(&req("a cat in the forest", "animals", "tl", 4)).expect("story");
    let text = all_text(&story);
    assert!(text.contains("pusa") && text.contains("gubat"), "{text}");
}

#[test]
fn names_friends_and_towns_are_told_apart() {
    let found = idea::read("a cat named mimi");
    assert_eq!(found.names, ["Mimi"]);

    let found = idea::read("A dog who lives in Manila with Bruno.");
    assert_eq!(
        found.names,
        ["Bruno"],
        "Manila is a town, A starts the sentence"
    );

    let found = idea::read("a cat and a dog named Bruno at the beach");
    assert_eq!(found.names, ["Bruno"]);
    let kinds: Vec<&str> = found.heroes.iter().map(|w| w.en()).collect();
    assert_eq!(kinds, ["cat", "dog"]);
    assert_eq!(found.place.map(|w| w.en()), Some("beach"));

    let story = write(&req("a cat and a dog named Bruno", "friendship", "en", 5)).expect("story");
    assert!(story.hero.starts_with("Bruno"));
    assert!(
        all_text(&story).contains("dog"),
        "the second animal is the friend"
    );

    let found = idea::read("isang batang lalaki sa kalawakan na may teleskopyo");
    let kinds: Vec<&str> = found.heroes.iter().map(|w| w.en()).collect();
    assert_eq!(kinds, ["boy"], "one phrase is one hero");
    assert_eq!(found.place.map(|w| w.en()), Some("outer space"));
    assert_eq!(found.object.map(|w| w.en()), Some("telescope"));

    // A made-up name fits a girl or a boy.
    for seed in 0..20 {
        let r = Request {
            seed: Some(seed),
            ..req("a girl and a boy", "family", "en", 3)
        };
        let story = write(&r).expect("story");
        let name = story.hero.split(' ').next().unwrap_or_default();
        assert!(en::EN.girl_names.contains(&name), "{}", story.hero);
    }

    let found = idea::read("si Lola Nena at ang keyk");
    assert_eq!(found.names, ["Nena"]);
    assert_eq!(found.heroes.first().map(|w| w.en()), Some("grandma"));
    let found = idea::read("a cat named Kitty");
    assert_eq!(found.names, ["Kitty"]);
    assert_eq!(found.heroes.first().map(|w| w.en()), Some("cat"));

    let found = idea::read("The pusang si Muning went to the palengke");
    assert_eq!(found.names, ["Muning"]);
    assert_eq!(found.place.map(|w| w.en()), Some("market"));
}

#[test]
fn an_empty_or_strange_idea_still_makes_a_story() {
    let long_braces = "{".repeat(IDEA_MAX);
    let accents = "ñ".repeat(IDEA_MAX);
    let ideas = [
        "",
        "   ",
        "{hero} named {Bob} }{",
        "named",
        "si",
        "NAMED X!!! ??? ...",
        "🐢🐢🐢 near the 🌊",
        "Ñoño the café owner",
        "in in in sa sa sa",
        long_braces.as_str(),
        accents.as_str(),
    ];
    for idea in ideas {
        for language in ["en", "tl"] {
            let story = write(&req(idea, "other", language, 3)).expect("story");
            let text = all_text(&story);
            assert!(!text.contains('{') && !text.contains('}'), "{idea}: {text}");
            assert_eq!(story.pages.len(), 3);
        }
    }
    let story = write(&req("{hero} named {Bob}", "other", "en", 3)).expect("story");
    assert!(story.hero.starts_with("Bob"));
}

#[test]
fn bad_requests_get_kind_errors() {
    let ok = req("a cat", "animals", "en", 5);
    assert!(write(&ok).is_ok());
    let genre = Request {
        genre: "poetry",
        ..ok
    };
    assert_eq!(write(&genre), Err(StarterError::BadGenre));
    let language = Request {
        language: "fr",
        ..ok
    };
    assert_eq!(write(&language), Err(StarterError::BadLanguage));
    for pages in [0, 2, 13, 100] {
        assert_eq!(
            write(&Request { pages, ..ok }),
            Err(StarterError::BadPages {
                min: MIN_PAGES,
                max: MAX_PAGES
            })
        );
    }
    let long = "a".repeat(IDEA_MAX + 1);
    assert_eq!(
        write(&Request { idea: &long, ..ok }),
        Err(StarterError::IdeaTooLong { max: IDEA_MAX })
    );
    let just_fits = "ñ".repeat(IDEA_MAX);
    assert!(
        write(&Request {
            idea: &just_fits,
            ..ok
        })
        .is_ok(),
        "characters, not bytes"
    );

    let errors = [
        StarterError::BadLanguage,
        StarterError::BadGenre,
        StarterError::BadPages { min: 3, max: 12 },
        StarterError::IdeaTooLong { max: 300 },
    ];
    for e in errors {
        let message = e.to_string();
        assert!(
            message.ends_with('.') && !message.contains('{'),
            "{message}"
        );
    }
    assert!(
        StarterError::BadPages { min: 3, max: 12 }
            .to_string()
            .contains("3 to 12")
    );
}

#[test]
fn twenty_ideas_read_differently_in_every_genre_and_language() {
    for &genre in GENRES {
        for (language, ideas) in [("en", EN_IDEAS), ("tl", TL_IDEAS)] {
            let mut sentences: Vec<String> = Vec::new();
            for idea in ideas {
                let (_, said) = compose(&req(idea, genre, language, 7)).expect("story");
                sentences.extend(said.into_iter().flatten());
            }
            let distinct: HashSet<&String> = sentences.iter().collect();
            assert!(
                distinct.len() * 10 >= sentences.len() * 7,
                "{genre}/{language}: only {} distinct of {} sentences",
                distinct.len(),
                sentences.len()
            );
        }
    }
}

#[test]
fn a_tagalog_story_reads_like_tagalog() {
    let story = write(&req("isang pusa na si Mimi sa gubat", "animals", "tl", 5)).expect("story");
    let text = all_text(&story);
    assert!(text.contains("Mimi") && text.contains("pusa"));
    assert!(
        text.contains(" si Mimi") || text.contains("Si Mimi") || text.contains(" ni Mimi"),
        "{text}"
    );
    assert!(!text.contains("the ") && !text.contains(" and "), "{text}");
    assert_eq!(story.hero, "Mimi, ang pusa");
}

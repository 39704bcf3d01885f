//! Tests of stories that listen: the problem in the idea is the story's problem, in either
//! language, and young readers get short pages of short sentences.

use super::tests::{all_text, req};
use super::*;

fn story(idea: &str, genre: &str, language: &str) -> Story {
    write(&req(idea, genre, language, 5)).expect("story")
}

#[test]
fn a_dragon_afraid_of_the_dark_gets_a_dragon_the_dark_and_a_way_to_be_brave() {
    for genre in GENRES {
        let s = story("a dragon who is afraid of the dark", genre, "en");
        let text = all_text(&s).to_lowercase();
        assert!(text.contains("dragon"), "{genre}: {text}");
        assert!(text.contains("the dark"), "{genre}: {text}");
        assert!(
            text.contains("brave") || text.contains("not scared"),
            "{genre}: {text}"
        );
        assert!(
            s.title.contains("Dragon") || s.title.contains("Dark"),
            "{genre}: {}",
            s.title
        );
        assert_eq!(s.pages[1].beat, "problem");
        assert!(
            s.pages[1].text.to_lowercase().contains("the dark"),
            "{genre}: {}",
            s.pages[1].text
        );
        // In Tagalog too, from the same English idea.
        let s = story("a dragon who is afraid of the dark", genre, "tl");
        let text = all_text(&s).to_lowercase();
        assert!(
            text.contains("dragon") && text.contains("dilim"),
            "{genre}: {text}"
        );
        assert!(
            text.contains("tapang") || text.contains("hindi na siya natakot"),
            "{genre}: {text}"
        );
    }
}

#[test]
fn a_tagalog_idea_is_heard_in_both_languages() {
    let s = story("isang pusa na takot sa kulog", "animals", "en");
    let text = all_text(&s).to_lowercase();
    assert!(text.contains("cat") && text.contains("thunder"), "{text}");
    let s = story("isang pusa na takot sa kulog", "animals", "tl");
    let text = all_text(&s).to_lowercase();
    assert!(text.contains("pusa") && text.contains("kulog"), "{text}");
    let s = story("si Mimi ay hindi marunong lumangoy", "friendship", "tl");
    let text = all_text(&s);
    assert!(
        text.contains("Mimi") && text.contains("lumangoy") && text.contains("marunong"),
        "{text}"
    );
}

#[test]
fn each_kind_of_problem_is_the_storys_problem() {
    let cases: &[(&str, &[&str])] = &[
        ("a puppy who lost his ball", &["ball", "find"]),
        (
            "a little bear who got lost in the forest",
            &["lost", "home", "forest"],
        ),
        ("a lonely robot", &["lonely", "friend", "robot"]),
        ("a turtle who can't swim", &["swim", "turtle", "learn"]),
        ("a cat who wants to fly", &["fly", "cat"]),
        (
            "a knight who is scared of the big purple cow",
            &["the big purple cow", "knight"],
        ),
    ];
    for (idea, words) in cases {
        for genre in ["adventure", "funny", "family"] {
            let text = all_text(&story(idea, genre, "en")).to_lowercase();
            for w in *words {
                assert!(text.contains(w), "{idea} ({genre}): no {w} in {text}");
            }
        }
    }
    // A lonely hero has no best friend on page one.
    let s = story("a lonely robot", "friendship", "en");
    assert!(
        !s.pages[0].text.contains("best friend"),
        "{}",
        s.pages[0].text
    );
}

#[test]
fn a_problem_the_story_cannot_say_in_its_language_is_left_out_cleanly() {
    // The child's own words are English; a Tagalog story tells its genre's problem instead.
    let s = story(
        "a knight who is scared of the big purple cow",
        "fantasy",
        "tl",
    );
    let text = all_text(&s);
    assert!(!text.contains("purple") && !text.contains("{"), "{text}");
    assert!(text.contains("kabalyero"), "{text}");
}

fn sentence_words(s: &Story) -> Vec<usize> {
    s.pages
        .iter()
        .flat_map(|p| {
            p.text
                .split_inclusive(['.', '!', '?'])
                .map(|x| x.split_whitespace().count())
                .filter(|n| *n > 1)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn young_readers_get_short_pages_of_short_sentences() {
    let ideas = [
        "a dragon who is afraid of the dark",
        "a cat named Mimi",
        "",
        "a turtle who can't swim",
    ];
    // Tagalog says the same with more little words (ang, ng, si, sa).
    for (language, most) in [("en", 9.0), ("tl", 11.0)] {
        let (mut young_words, mut young_n, mut old_words, mut old_n) = (0, 0, 0, 0);
        for idea in ideas {
            for genre in GENRES {
                for pages in [3, 5, 8] {
                    let young = write(&Request {
                        age_band: Some("5-7"),
                        ..req(idea, genre, language, pages)
                    })
                    .expect("young");
                    let old = write(&Request {
                        age_band: Some("10-12"),
                        ..req(idea, genre, language, pages)
                    })
                    .expect("old");
                    assert_eq!(young.pages.len(), pages);
                    for page in &young.pages {
                        let n = page
                            .text
                            .split_inclusive(['.', '!', '?'])
                            .filter(|x| x.split_whitespace().count() > 1)
                            .count();
                        assert!(n <= 4, "{idea} {genre} {language}: {}", page.text);
                    }
                    let (y, o) = (sentence_words(&young), sentence_words(&old));
                    young_words += y.iter().sum::<usize>();
                    young_n += y.len();
                    old_words += o.iter().sum::<usize>();
                    old_n += o.len();
                }
            }
        }
        let (young_avg, old_avg) = (
            young_words as f64 / young_n as f64,
            old_words as f64 / old_n as f64,
        );
        eprintln!(
            "{language}: words a sentence: young {young_avg:.1}, older {old_avg:.1}; words: {young_words} v {old_words}"
        );
        assert!(
            young_avg <= most,
            "{language}: young {young_avg:.1} words a sentence"
        );
        assert!(
            young_avg < old_avg * 0.85,
            "{language}: young {young_avg:.1}, older {old_avg:.1}"
        );
        assert!(
            young_words * 10 < old_words * 6,
            "{language}: young pages are much shorter: {young_words} v {old_words}"
        );
    }
}

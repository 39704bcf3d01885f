//! Multiple choice: "which word fits" questions cut from the story's own sentences, and "who is
//! in this story", with options shuffled.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::{BadAttempt, Checked, Rng, Source, StoryWords, answers_by_question, fold};

/// Most questions in a quiz.
pub const MAX_QUESTIONS: usize = 5;

/// A quiz with its answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    /// Questions in play order.
    pub questions: Vec<Question>,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// What is asked.
    pub prompt: String,
    /// Four options.
    pub options: Vec<String>,
    /// Index of the right option.
    pub answer: usize,
}

const NAMES: &[&str] = &[
    "Maria", "Tomas", "Lina", "Paolo", "Bea", "Nico", "Ana", "Leo",
];
const WORDS_EN: &[&str] = &[
    "rainbow", "pencil", "garden", "rocket", "castle", "banana", "blanket", "puddle", "window",
];
const WORDS_TL: &[&str] = &[
    "bahaghari",
    "lapis",
    "hardin",
    "bulaklak",
    "kastilyo",
    "saging",
    "kumot",
    "bintana",
    "ulap",
];

/// Picks `n` options unlike `answer` from `pool`, then from `fallback`.
pub(super) fn distractors(
    answer: &str,
    pool: &[String],
    fallback: &[&str],
    n: usize,
    rng: &mut Rng,
) -> Vec<String> {
    let mut taken = vec![fold(answer)];
    let mut out = Vec::new();
    let mut candidates: Vec<String> = pool.to_vec();
    rng.shuffle(&mut candidates);
    let mut extra: Vec<String> = fallback.iter().map(|s| s.to_string()).collect();
    rng.shuffle(&mut extra);
    for c in candidates.into_iter().chain(extra) {
        if out.len() == n {
            break;
        }
        let key = fold(&c);
        if !taken.contains(&key) {
            taken.push(key);
            out.push(c);
        }
    }
    out
}

/// A question: `answer` among three distractors, shuffled.
fn question(prompt: String, answer: &str, wrong: Vec<String>, rng: &mut Rng) -> Option<Question> {
    if wrong.len() < 3 {
        return None;
    }
    let mut options: Vec<String> = wrong;
    options.push(answer.to_string());
    rng.shuffle(&mut options);
    let answer = options.iter().position(|o| o == answer)?;
    Some(Question {
        prompt,
        options,
        answer,
    })
}

/// Builds a quiz; `None` when the story has too little to ask about (fewer than 2 questions).
pub fn make(src: &Source<'_>, words: &StoryWords, rng: &mut Rng) -> Option<Quiz> {
    let tl = src.language == "tl";
    let content: Vec<String> = words
        .distinct_content()
        .iter()
        .filter(|w| !w.name)
        .map(|w| w.text.clone())
        .collect();
    let names: Vec<String> = {
        let mut seen: Vec<String> = Vec::new();
        for w in words.words.iter().filter(|w| w.name) {
            if !seen.iter().any(|s| fold(s) == fold(&w.text)) {
                seen.push(w.text.clone());
            }
        }
        seen
    };
    let mut questions = Vec::new();
    // "Who is in this story?" with the name met most often.
    if let Some(hero) = names.iter().max_by_key(|n| {
        words
            .words
            .iter()
            .filter(|w| w.name && fold(&w.text) == fold(n))
            .count()
    }) {
        let wrong: Vec<&str> = NAMES
            .iter()
            .copied()
            .filter(|n| !names.iter().any(|s| fold(s) == fold(n)))
            .collect();
        let prompt = if tl {
            "Sino ang nasa kuwentong ito?"
        } else {
            "Who is in this story?"
        };
        let wrong = distractors(hero, &[], &wrong, 3, rng);
        questions.extend(question(prompt.to_string(), hero, wrong, rng));
    }
    // "Which word fits?" from sentences of five words or more.
    let mut picks: Vec<usize> = (0..words.sentences.len())
        .filter(|&i| words.words.iter().filter(|w| w.sentence == i).count() >= 5)
        .collect();
    rng.shuffle(&mut picks);
    picks.truncate(MAX_QUESTIONS * 2);
    picks.sort_unstable();
    for i in picks {
        if questions.len() == MAX_QUESTIONS {
            break;
        }
        let target = words
            .words
            .iter()
            // Not the sentence's first word: its capital letter would give it away.
            .filter(|w| w.sentence == i && w.content && w.range.0 > 0)
            .max_by_key(|w| (w.name, w.text.chars().count()));
        let Some(target) = target else { continue };
        let sentence = &words.sentences[i];
        let gap = format!(
            "{}___{}",
            &sentence[..target.range.0],
            &sentence[target.range.1..]
        );
        let prompt = if tl {
            format!("Aling salita ang bagay? “{gap}”")
        } else {
            format!("Which word fits? “{gap}”")
        };
        let (pool, fallback) = if target.name {
            (&names, NAMES)
        } else {
            (&content, if tl { WORDS_TL } else { WORDS_EN })
        };
        let wrong = distractors(&target.text, pool, fallback, 3, rng);
        questions.extend(question(prompt, &target.text, wrong, rng));
    }
    (questions.len() >= 2).then_some(Quiz { questions })
}

impl Quiz {
    /// Questions and options, no answers.
    pub fn public(&self) -> Value {
        let qs: Vec<Value> = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| json!({ "id": i, "prompt": q.prompt, "options": q.options }))
            .collect();
        json!({ "questions": qs })
    }

    /// Scores `{answers:[{question, choice}]}`; unanswered questions are wrong.
    pub fn check(&self, attempt: &Value) -> Result<Checked, BadAttempt> {
        let chosen = answers_by_question(
            attempt,
            self.questions.len(),
            "each answer needs a question and a choice",
            |a| a.get("choice").and_then(Value::as_u64),
        )?;
        let results: Vec<Value> = self
            .questions
            .iter()
            .zip(&chosen)
            .enumerate()
            .map(|(i, (q, c))| {
                json!({ "question": i, "correct": *c == Some(q.answer as u64),
                        "answer": q.options[q.answer] })
            })
            .collect();
        Ok(Checked::from_results(results))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::super::{Rng, story_words};
    use super::*;

    #[test]
    fn every_question_has_four_distinct_options_with_the_answer_among_them() {
        for lang in ["en", "tl"] {
            for seed in 0..30 {
                let src = sample(lang);
                let q = make(&src, &story_words(&src), &mut Rng::new(seed)).expect("quiz");
                assert!((2..=MAX_QUESTIONS).contains(&q.questions.len()));
                for question in &q.questions {
                    assert_eq!(question.options.len(), 4);
                    let mut folded: Vec<String> =
                        question.options.iter().map(|o| fold(o)).collect();
                    folded.sort();
                    folded.dedup();
                    assert_eq!(folded.len(), 4, "{question:?}");
                    assert!(question.answer < 4);
                }
            }
        }
    }

    #[test]
    fn the_answer_is_not_always_in_the_same_place() {
        let src = sample("en");
        let places: std::collections::HashSet<usize> = (0..20)
            .flat_map(|seed| {
                make(&src, &story_words(&src), &mut Rng::new(seed))
                    .expect("quiz")
                    .questions
                    .into_iter()
                    .map(|q| q.answer)
            })
            .collect();
        assert_eq!(places.len(), 4);
    }

    #[test]
    fn attempts_are_scored_and_bad_ones_refused() {
        let src = sample("en");
        let q = make(&src, &story_words(&src), &mut Rng::new(1)).expect("quiz");
        let right: Vec<Value> = q
            .questions
            .iter()
            .enumerate()
            .map(|(i, x)| json!({ "question": i, "choice": x.answer }))
            .collect();
        let c = q.check(&json!({ "answers": right })).expect("check");
        assert_eq!(c.score, q.questions.len());
        let c = q.check(&json!({ "answers": [] })).expect("check");
        assert_eq!(c.score, 0);
        assert!(
            q.check(&json!({ "answers": [{ "question": 99, "choice": 0 }] }))
                .is_err()
        );
        assert!(q.check(&json!({ "answers": "all" })).is_err());
        let public = q.public().to_string();
        assert!(!public.contains("\"answer\""));
    }
}

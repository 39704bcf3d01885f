//! Fill in the blank: sentences of the story with one word missing, and a word bank.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::{BadAttempt, Checked, Rng, Source, StoryWords, answers_by_question, fold};

/// Most sentences in one game.
pub const MAX_BLANKS: usize = 5;

/// The sentences with their missing words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Blanks {
    /// Sentences in story order.
    pub questions: Vec<Blank>,
    /// The missing words and a few others, shuffled.
    pub bank: Vec<String>,
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Blank {
    /// Text before the gap.
    pub before: String,
    /// Text after the gap.
    pub after: String,
    /// The missing word.
    pub answer: String,
}

/// Builds the game; `None` when fewer than two sentences have a word worth hiding.
pub fn make(_src: &Source<'_>, words: &StoryWords, rng: &mut Rng) -> Option<Blanks> {
    let mut picks: Vec<usize> = (0..words.sentences.len())
        .filter(|&i| words.words.iter().filter(|w| w.sentence == i).count() >= 4)
        .collect();
    rng.shuffle(&mut picks);
    picks.truncate(MAX_BLANKS);
    picks.sort_unstable();
    let mut used: Vec<String> = Vec::new();
    let mut questions = Vec::new();
    for i in picks {
        // A different word each time, so the bank has no twins.
        let mut options: Vec<_> = words
            .words
            .iter()
            .filter(|w| w.sentence == i && w.content && !used.contains(&fold(&w.text)))
            .collect();
        options.sort_by_key(|w| std::cmp::Reverse(w.text.chars().count()));
        let Some(target) = options.get(rng.below(options.len().clamp(1, 2))) else {
            continue;
        };
        used.push(fold(&target.text));
        let sentence = &words.sentences[i];
        questions.push(Blank {
            before: sentence[..target.range.0].to_string(),
            after: sentence[target.range.1..].to_string(),
            answer: target.text.clone(),
        });
    }
    if questions.len() < 2 {
        return None;
    }
    let mut bank: Vec<String> = questions.iter().map(|q| q.answer.clone()).collect();
    let extra = super::quiz::distractors(
        "",
        &words
            .distinct_content()
            .iter()
            .filter(|w| !used.contains(&fold(&w.text)))
            .map(|w| w.text.clone())
            .collect::<Vec<_>>(),
        &[],
        2,
        rng,
    );
    bank.extend(extra);
    rng.shuffle(&mut bank);
    Some(Blanks { questions, bank })
}

impl Blanks {
    /// Sentences with gaps and the bank, no answers.
    pub fn public(&self) -> Value {
        let qs: Vec<Value> = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| json!({ "id": i, "before": q.before, "after": q.after }))
            .collect();
        json!({ "questions": qs, "word_bank": self.bank })
    }

    /// Scores `{answers:[{question, text}]}`: case, accents and spaces around do not matter.
    pub fn check(&self, attempt: &Value) -> Result<Checked, BadAttempt> {
        let given = answers_by_question(
            attempt,
            self.questions.len(),
            "each answer needs a question and a short text",
            |a| {
                a.get("text")
                    .and_then(Value::as_str)
                    .filter(|t| t.chars().count() <= 100)
                    .map(|t| fold(t.trim()))
            },
        )?;
        let results: Vec<Value> = self
            .questions
            .iter()
            .zip(&given)
            .enumerate()
            .map(|(i, (q, g))| {
                let correct = g
                    .as_deref()
                    .is_some_and(|g| !g.is_empty() && g == fold(&q.answer));
                json!({ "question": i, "correct": correct, "answer": q.answer })
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
    fn every_gap_is_a_word_of_its_sentence_and_in_the_bank() {
        for lang in ["en", "tl"] {
            for seed in 0..30 {
                let src = sample(lang);
                let w = story_words(&src);
                let b = make(&src, &w, &mut Rng::new(seed)).expect("blanks");
                assert!((2..=MAX_BLANKS).contains(&b.questions.len()));
                for q in &b.questions {
                    let whole = format!("{}{}{}", q.before, q.answer, q.after);
                    assert!(w.sentences.contains(&whole), "{whole}");
                    assert!(b.bank.contains(&q.answer));
                }
            }
        }
    }

    #[test]
    fn answers_ignore_case_and_accents() {
        let src = sample("en");
        let b = make(&src, &story_words(&src), &mut Rng::new(2)).expect("blanks");
        let shout = b.questions[0].answer.to_uppercase();
        let c = b
            .check(&json!({ "answers": [{ "question": 0, "text": format!("  {shout} ") }, { "question": 1, "text": "" }] }))
            .expect("check");
        assert_eq!((c.score, c.total), (1, b.questions.len()));
        assert!(
            b.check(&json!({ "answers": [{ "question": 0, "text": "x".repeat(101) }] }))
                .is_err()
        );
        assert!(!b.public().to_string().contains("\"answer\""));
    }
}

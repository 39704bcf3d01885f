//! Games made from a story's own text: a multiple-choice quiz, fill-in-the-blank sentences and
//! a word search. Pure and deterministic for a seed (the story id), so the same story always
//! gives the same games and tests can check every one.
//!
//! A game keeps its answers; [`Game::public`] is what a player sees before answering, and
//! [`Game::check`] scores an attempt on the server.

pub mod blanks;
pub mod quiz;
pub mod wordsearch;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Kinds of game, in the order they are offered.
pub const KINDS: &[&str] = &["quiz", "fill_blank", "word_search"];

/// A story as the generators read it.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    /// The title.
    pub title: &'a str,
    /// "en" or "tl".
    pub language: &'a str,
    /// Page texts in order.
    pub pages: Vec<&'a str>,
}

/// One generated game, answers included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Game {
    /// Multiple choice.
    Quiz(quiz::Quiz),
    /// Sentences with a missing word.
    FillBlank(blanks::Blanks),
    /// Words hidden in a grid.
    WordSearch(wordsearch::WordSearch),
}

/// An attempt's score and what the player may now see.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// Right answers.
    pub score: usize,
    /// Questions or words.
    pub total: usize,
    /// Per question or word, answers revealed.
    pub results: Vec<Value>,
}

/// Why an attempt cannot be scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadAttempt(pub String);

/// Most answers one attempt may carry.
const MAX_ANSWERS: usize = 50;

/// Reads `{answers: [{question, ...}]}` into one slot per question: `read` takes what the
/// player gave from an answer (`None` refuses the attempt with `shape`, which says what an
/// answer needs). A later answer to the same question replaces an earlier one.
fn answers_by_question<T: Clone>(
    attempt: &Value,
    questions: usize,
    shape: &str,
    read: impl Fn(&Value) -> Option<T>,
) -> Result<Vec<Option<T>>, BadAttempt> {
    let answers = attempt
        .get("answers")
        .and_then(Value::as_array)
        .ok_or_else(|| BadAttempt("answers must be a list".into()))?;
    if answers.len() > MAX_ANSWERS {
        return Err(BadAttempt("too many answers".into()));
    }
    let mut given = vec![None; questions];
    for a in answers {
        match (a.get("question").and_then(Value::as_u64), read(a)) {
            (Some(q), Some(v)) if (q as usize) < questions => given[q as usize] = Some(v),
            _ => return Err(BadAttempt(shape.into())),
        }
    }
    Ok(given)
}

impl Checked {
    /// A score from per-question results that each say `"correct": true` or false.
    fn from_results(results: Vec<Value>) -> Checked {
        Checked {
            score: results.iter().filter(|r| r["correct"] == true).count(),
            total: results.len(),
            results,
        }
    }
}

impl Game {
    /// This game for a player who wants a `size`-wide grid: word searches are hidden again in
    /// that grid (deterministic for `seed`); other kinds, and sizes that cannot hold three of
    /// the words, stay as they are.
    pub fn sized(self, size: Option<usize>, seed: u64) -> Game {
        match (self, size) {
            (Game::WordSearch(w), Some(n)) => match w.resized(n, seed) {
                Some(other) => Game::WordSearch(other),
                None => Game::WordSearch(w),
            },
            (game, _) => game,
        }
    }

    /// The stored kind name.
    pub fn kind(&self) -> &'static str {
        match self {
            Game::Quiz(_) => "quiz",
            Game::FillBlank(_) => "fill_blank",
            Game::WordSearch(_) => "word_search",
        }
    }

    /// Questions or words to find.
    pub fn count(&self) -> usize {
        match self {
            Game::Quiz(q) => q.questions.len(),
            Game::FillBlank(b) => b.questions.len(),
            Game::WordSearch(w) => w.words.len(),
        }
    }

    /// What the player sees before answering: no answers.
    pub fn public(&self) -> Value {
        match self {
            Game::Quiz(q) => q.public(),
            Game::FillBlank(b) => b.public(),
            Game::WordSearch(w) => w.public(),
        }
    }

    /// Scores an attempt (the JSON body the player sent).
    pub fn check(&self, attempt: &Value) -> Result<Checked, BadAttempt> {
        match self {
            Game::Quiz(q) => q.check(attempt),
            Game::FillBlank(b) => b.check(attempt),
            Game::WordSearch(w) => w.check(attempt),
        }
    }
}

/// Every game the story is long enough for, in [`KINDS`] order.
pub fn generate(src: &Source<'_>, seed: u64) -> Vec<Game> {
    let words = story_words(src);
    let mut out = Vec::new();
    if let Some(q) = quiz::make(src, &words, &mut Rng::new(seed ^ 0x51)) {
        out.push(Game::Quiz(q));
    }
    if let Some(b) = blanks::make(src, &words, &mut Rng::new(seed ^ 0xB1)) {
        out.push(Game::FillBlank(b));
    }
    if let Some(w) = wordsearch::make(&words, &mut Rng::new(seed ^ 0x35)) {
        out.push(Game::WordSearch(w));
    }
    out
}

/// SplitMix64: small, fast and the same everywhere (no dependency for a few dice rolls).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Shuffles in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// A word of the story with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryWord {
    /// As written.
    pub text: String,
    /// Index of its sentence in [`StoryWords::sentences`].
    pub sentence: usize,
    /// Byte range in the sentence.
    pub range: (usize, usize),
    /// Starts with a capital letter and is not the first word of its sentence: a name.
    pub name: bool,
    /// Long enough and not a common little word: worth asking about.
    pub content: bool,
}

/// The story cut into sentences and words.
#[derive(Debug, Clone, Default)]
pub struct StoryWords {
    /// Sentences, trimmed, in story order.
    pub sentences: Vec<String>,
    /// Words, in story order.
    pub words: Vec<StoryWord>,
}

impl StoryWords {
    /// Distinct content words (by folded spelling), first spelling kept, in story order.
    pub fn distinct_content(&self) -> Vec<&StoryWord> {
        let mut seen = std::collections::HashSet::new();
        self.words
            .iter()
            .filter(|w| w.content && seen.insert(fold(&w.text)))
            .collect()
    }
}

/// Common little words that make poor questions.
const STOP: &[&str] = &[
    // English
    "the", "and", "but", "with", "from", "into", "onto", "that", "this", "they", "them", "then",
    "there", "their", "were", "was", "have", "has", "had", "will", "would", "could", "should",
    "what", "when", "where", "which", "who", "your", "you", "she", "her", "him", "his", "its",
    "our", "are", "not", "all", "one", "very", "just", "said", "over", "some", "about", "after",
    "before", "again", "also", "been", "being", "did", "does", "for", "out", "off", "too", "upon",
    "time", "once", "because", "every", "each", "other", "than", "like", // Tagalog
    "ang", "ng", "mga", "sa", "si", "ni", "kay", "ay", "at", "na", "ng", "nang", "pa", "po", "ito",
    "iyon", "iyan", "siya", "sila", "kami", "kayo", "tayo", "niya", "nila", "ako", "ikaw", "mo",
    "ko", "din", "rin", "lang", "lamang", "may", "mayroon", "wala", "hindi", "oo", "para", "kung",
    "pero", "dahil", "noon", "ngayon", "isang", "isa", "kanyang", "kaniyang", "ngunit",
];

/// Lower-case, accent-free spelling used to compare words and answers.
pub fn fold(word: &str) -> String {
    crate::domain::profanity::normalize::fold(word, false)
        .into_iter()
        .collect()
}

/// Cuts the story into sentences and words (Unicode letters; an inner `-` or `'` stays).
pub fn story_words(src: &Source<'_>) -> StoryWords {
    let mut out = StoryWords::default();
    for page in &src.pages {
        for sentence in split_sentences(page) {
            let idx = out.sentences.len();
            let mut first = true;
            for (start, end) in word_ranges(&sentence) {
                let text = sentence[start..end].to_string();
                let letters = text.chars().filter(|c| c.is_alphabetic()).count();
                let capital = text.chars().next().is_some_and(char::is_uppercase);
                let folded = fold(&text);
                out.words.push(StoryWord {
                    name: capital && !first && letters >= 2,
                    content: letters >= 4 && !STOP.contains(&folded.as_str()),
                    text,
                    sentence: idx,
                    range: (start, end),
                });
                first = false;
            }
            out.sentences.push(sentence);
        }
    }
    out
}

fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c == '\n' {
            push_sentence(&mut out, &mut current);
            continue;
        }
        current.push(c);
        if matches!(c, '.' | '!' | '?') {
            push_sentence(&mut out, &mut current);
        }
    }
    push_sentence(&mut out, &mut current);
    out
}

fn push_sentence(out: &mut Vec<String>, current: &mut String) {
    let s = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().any(char::is_alphabetic) {
        out.push(s);
    }
    current.clear();
}

fn word_ranges(sentence: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    for (i, &(pos, c)) in chars.iter().enumerate() {
        let joiner = (c == '-' || c == '\'' || c == '’')
            && start.is_some()
            && chars.get(i + 1).is_some_and(|(_, n)| n.is_alphabetic());
        if c.is_alphabetic() || joiner {
            start.get_or_insert(pos);
        } else if let Some(s) = start.take() {
            out.push((s, pos));
        }
    }
    if let Some(s) = start {
        out.push((s, sentence.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample(language: &'static str) -> Source<'static> {
        if language == "tl" {
            Source {
                title: "Ang Munting Bangka",
                language: "tl",
                pages: vec![
                    "Si Liwayway ay may munting bangka. Naglayag siya sa malawak na dagat.",
                    "Nakakita si Liwayway ng makulay na isda. Sumayaw ang isda sa ilalim ng buwan!",
                    "Dumating ang malakas na hangin. Kumapit si Liwayway sa kanyang bangka.",
                    "Tinulungan siya ni Dagohoy na mangingisda. Umuwi sila sa pampang na masaya.",
                ],
            }
        } else {
            Source {
                title: "The Moon Boat",
                language: "en",
                pages: vec![
                    "Once upon a time, a little cat named Mimi found a wooden boat. She painted it silver.",
                    "Mimi sailed across the quiet river toward the glowing moon. A friendly turtle called Pablo swam beside her.",
                    "Suddenly a strong wind blew the silver boat far away. Mimi held the rope tightly!",
                    "Pablo pushed the boat back to the sandy shore. Mimi thanked her brave friend and shared her cookies.",
                ],
            }
        }
    }

    #[test]
    fn sentences_and_words_are_found_in_both_languages() {
        let w = story_words(&sample("en"));
        assert_eq!(w.sentences.len(), 8);
        assert!(w.words.iter().any(|x| x.text == "Mimi" && x.name));
        assert!(
            !w.words.iter().any(|x| x.text == "Once" && x.name),
            "sentence start"
        );
        assert!(w.words.iter().any(|x| x.text == "turtle" && x.content));
        assert!(!w.words.iter().any(|x| x.text == "the" && x.content));
        let tl = story_words(&sample("tl"));
        assert!(tl.words.iter().any(|x| x.text == "Liwayway" && x.name));
        assert!(!tl.words.iter().any(|x| x.text == "ang" && x.content));
    }

    #[test]
    fn the_same_seed_gives_the_same_games_and_every_kind_exists() {
        for lang in ["en", "tl"] {
            let a = generate(&sample(lang), 7);
            let b = generate(&sample(lang), 7);
            assert_eq!(a, b);
            let kinds: Vec<&str> = a.iter().map(Game::kind).collect();
            assert_eq!(kinds, KINDS, "{lang}");
            assert_ne!(
                generate(&sample(lang), 8),
                a,
                "another seed shuffles differently"
            );
        }
    }

    #[test]
    fn a_story_too_short_makes_no_games() {
        let src = Source {
            title: "Hi",
            language: "en",
            pages: vec!["Hi."],
        };
        assert!(generate(&src, 1).is_empty());
    }

    #[test]
    fn games_survive_a_round_trip_through_storage() {
        for g in generate(&sample("en"), 3) {
            let text = serde_json::to_string(&g).expect("json");
            let back: Game = serde_json::from_str(&text).expect("parse");
            assert_eq!(back, g);
        }
    }
}

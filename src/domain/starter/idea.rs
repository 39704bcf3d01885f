//! Reading a child's idea: names, heroes, a place and a thing, in English or Tagalog.
//!
//! Children write "a cat named mimi", "si Pablo ang pagong", "my dog Bruno at the beach". A word
//! after "named" or "si" is a name however it is written; any other capitalised word inside a
//! sentence is a name unless it is a known word or follows "in"/"sa" (then it is a town).
//! Everything else unknown is ignored.

use super::lexicon::{self, Kind, Word};
use super::trouble::{self, Trouble};
use crate::domain::games::fold;

/// What the idea gave, in the order the child wrote it.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Names, capitalised; the first is the hero's, a second one the friend's.
    pub names: Vec<String>,
    /// Hero kinds (distinct); a second one becomes the friend.
    pub heroes: Vec<Word>,
    /// The place, preferring one after "in", "near", "sa"...
    pub place: Option<Word>,
    /// The first thing mentioned.
    pub object: Option<Word>,
    /// The problem the idea gives the hero, if it names one.
    pub trouble: Option<Trouble>,
}

/// Words after which the next word is a name.
const NAME_CUES: &[&str] = &["named", "called", "si", "nagngangalang"];

/// Little words that can follow "named" without being the name ("called the Moon Cat").
const ARTICLES: &[&str] = &["the", "a", "an", "my", "ang", "isang", "mga", "ng"];

/// Capitalised words that are never names (a sentence may start mid-idea without a full stop).
const NOT_NAMES: &[&str] = &[
    "i", "im", "the", "a", "an", "and", "or", "but", "with", "in", "at", "to", "on", "of", "my",
    "his", "her", "their", "our", "one", "two", "who", "what", "when", "where", "once", "then",
    "ang", "ng", "sa", "si", "ni", "kay", "mga", "isang", "na", "ay", "at", "may", "ako", "siya",
    "sila", "ito", "noon", "isa", "dalawa",
];

/// A capitalised word right after one of these is a town or a country, not the hero.
const NAME_BLOCKERS: &[&str] = &["in", "at", "to", "near", "from", "sa", "nasa", "taga"];

/// A place right after one of these (within a few words: "near the big river", "sa tabi ng
/// ilog") is where the story happens, even when another place is mentioned first.
const PLACE_CUES: &[&str] = &[
    "in", "at", "to", "near", "by", "on", "inside", "into", "from", "around", "under", "sa",
    "nasa", "papunta", "patungo",
];

#[derive(Debug)]
struct Token {
    /// As written, without trailing apostrophes or hyphens.
    raw: String,
    /// Folded for comparison.
    key: String,
    /// First word of a sentence: its capital means nothing.
    start: bool,
}

/// Reads an idea. Never fails: an empty or strange idea simply gives nothing.
pub fn read(idea: &str) -> Found {
    let tokens = tokenize(idea);
    let keys: Vec<&str> = tokens.iter().map(|t| t.key.as_str()).collect();
    let mut taken = vec![false; tokens.len()];
    let mut names: Vec<String> = Vec::new();

    for i in 1..tokens.len() {
        let (Some(cue), Some(word)) = (tokens.get(i - 1), tokens.get(i)) else {
            continue;
        };
        if !NAME_CUES.contains(&cue.key.as_str()) || ARTICLES.contains(&word.key.as_str()) {
            continue;
        }
        let says_who = lexicon::names_kind(Kind::Hero, &word.key);
        let capital_next = tokens
            .get(i + 1)
            .is_some_and(|n| n.raw.chars().next().is_some_and(char::is_uppercase));
        // "si Lola Nena": Lola says who she is and Nena is her name (the next pass finds it).
        if says_who && capital_next {
            continue;
        }
        if let Some(name) = as_name(&word.raw) {
            add_name(&mut names, name);
            // "a cat named Kitty", "si Lolo": the word stays free to say what the hero is too.
            if !says_who && let Some(t) = taken.get_mut(i) {
                *t = true;
            }
        }
    }

    for (i, token) in tokens.iter().enumerate() {
        let free = !taken.get(i).copied().unwrap_or(true);
        let capital = token.raw.chars().next().is_some_and(char::is_uppercase);
        let after_blocker = i
            .checked_sub(1)
            .and_then(|p| keys.get(p))
            .is_some_and(|k| NAME_BLOCKERS.contains(k));
        if !free
            || !capital
            || token.start
            || after_blocker
            || NOT_NAMES.contains(&token.key.as_str())
            || lexicon::known(&token.key)
        {
            continue;
        }
        if let Some(name) = as_name(&token.raw) {
            add_name(&mut names, name);
            if let Some(t) = taken.get_mut(i) {
                *t = true;
            }
        }
    }

    let raws: Vec<&str> = tokens.iter().map(|t| t.raw.as_str()).collect();
    let trouble = trouble::read(&keys, &raws, &mut taken);
    let mut heroes: Vec<Word> = Vec::new();
    for hit in lexicon::find(Kind::Hero, &keys, &taken) {
        if !heroes.iter().any(|w| w.en() == hit.word.en()) {
            heroes.push(hit.word);
        }
    }
    let places = lexicon::find(Kind::Place, &keys, &taken);
    let place = places
        .iter()
        .find(|h| after_cue(&keys, h.start))
        .or(places.first())
        .map(|h| h.word);
    let object = lexicon::find(Kind::Object, &keys, &taken)
        .first()
        .map(|h| h.word);
    Found {
        names,
        heroes,
        place,
        object,
        trouble,
    }
}

fn after_cue(keys: &[&str], start: usize) -> bool {
    (start.saturating_sub(3)..start).any(|j| keys.get(j).is_some_and(|k| PLACE_CUES.contains(k)))
}

fn add_name(names: &mut Vec<String>, name: String) {
    if !names.contains(&name) {
        names.push(name);
    }
}

/// A written word as a name: letters (and inner `-` or `'`), 2 to 20 letters, first letter
/// capitalised, a possessive `'s` dropped ("Pablo's" → "Pablo").
fn as_name(raw: &str) -> Option<String> {
    let base = raw
        .strip_suffix("'s")
        .or_else(|| raw.strip_suffix("’s"))
        .unwrap_or(raw);
    let letters = base.chars().filter(|c| c.is_alphabetic()).count();
    let shaped = base.chars().next().is_some_and(char::is_alphabetic)
        && base
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
    if !shaped || !(2..=20).contains(&letters) {
        return None;
    }
    let mut chars = base.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// Words (letters and digits, with inner `-` and `'`), each marked if it starts a sentence.
fn tokenize(idea: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut word_starts = true;
    let mut next_starts = true;
    for c in idea.chars() {
        let inner = matches!(c, '\'' | '’' | '-') && !word.is_empty();
        if c.is_alphanumeric() || inner {
            if word.is_empty() {
                word_starts = next_starts;
                next_starts = false;
            }
            word.push(c);
        } else {
            push_token(&mut out, &mut word, word_starts);
            if matches!(c, '.' | '!' | '?' | '\n') {
                next_starts = true;
            }
        }
    }
    push_token(&mut out, &mut word, word_starts);
    out
}

fn push_token(out: &mut Vec<Token>, word: &mut String, start: bool) {
    let raw = word.trim_end_matches(['\'', '’', '-']).to_string();
    word.clear();
    let key = fold(&raw);
    if !key.is_empty() {
        out.push(Token { raw, key, start });
    }
}

//! Word search: the story's words hidden in a square grid in any of 8 directions. Letters are
//! Unicode characters (Tagalog ñ stays ñ); the filler letters come from the hidden words.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::{BadAttempt, Checked, Rng, StoryWords};

/// Most words hidden.
pub const MAX_WORDS: usize = 8;
/// The eight directions as (row step, column step).
pub const DIRECTIONS: [(i32, i32); 8] = [
    (0, 1),
    (1, 0),
    (1, 1),
    (-1, 1),
    (0, -1),
    (-1, 0),
    (-1, -1),
    (1, -1),
];

/// The grid with where each word is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordSearch {
    /// Rows and columns.
    pub size: usize,
    /// Letters, row by row.
    pub grid: Vec<Vec<char>>,
    /// Hidden words, upper case, alphabetical.
    pub words: Vec<String>,
    /// Where each word of `words` starts and which way it runs.
    pub placements: Vec<Placement>,
}

/// Where a word is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    /// First letter (row, column).
    pub start: (usize, usize),
    /// Step per letter.
    pub dir: (i32, i32),
}

fn upper(word: &str) -> Option<Vec<char>> {
    let mut out = Vec::new();
    for c in word.chars() {
        if !c.is_alphabetic() {
            return None;
        }
        let mut up = c.to_uppercase();
        // A letter whose capital is two letters (ß) would not fit one cell.
        match (up.next(), up.next()) {
            (Some(u), None) => out.push(u),
            _ => return None,
        }
    }
    Some(out)
}

fn cells(
    start: (usize, usize),
    dir: (i32, i32),
    len: usize,
    size: usize,
) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::with_capacity(len);
    let (mut r, mut c) = (start.0 as i32, start.1 as i32);
    for _ in 0..len {
        if r < 0 || c < 0 || r >= size as i32 || c >= size as i32 {
            return None;
        }
        out.push((r as usize, c as usize));
        r += dir.0;
        c += dir.1;
    }
    Some(out)
}

/// Hides up to [`MAX_WORDS`] story words; `None` when fewer than three fit.
pub fn make(words: &StoryWords, rng: &mut Rng) -> Option<WordSearch> {
    let mut chosen: Vec<Vec<char>> = Vec::new();
    let mut candidates: Vec<Vec<char>> = words
        .distinct_content()
        .iter()
        .filter_map(|w| upper(&w.text))
        .filter(|w| (3..=12).contains(&w.len()))
        .collect();
    rng.shuffle(&mut candidates);
    for c in candidates {
        if chosen.len() == MAX_WORDS {
            break;
        }
        if !chosen.contains(&c) {
            chosen.push(c);
        }
    }
    let longest = chosen.iter().map(Vec::len).max().unwrap_or(0);
    // Bigger grids for more or longer words; a phone still shows 12 columns.
    let size = if longest > 10 || chosen.len() > 6 {
        12
    } else if longest > 8 || chosen.len() > 4 {
        10
    } else {
        8
    };
    place(chosen, size, rng)
}

/// Grid widths a player can get: 8 for ages 5–7, 10 for 8–9, 12 for 10–12.
pub const SIZES: [usize; 3] = [8, 10, 12];

/// The grid width for an account's age band, if it has one.
pub fn size_for_age_band(band: Option<&str>) -> Option<usize> {
    match band? {
        "5-7" => Some(8),
        "8-9" => Some(10),
        "10-12" => Some(12),
        _ => None,
    }
}

/// Hides `chosen` (longest first) in a `size` x `size` grid; `None` when fewer than three fit.
fn place(mut chosen: Vec<Vec<char>>, size: usize, rng: &mut Rng) -> Option<WordSearch> {
    chosen.retain(|w| w.len() <= size);
    chosen.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let mut grid: Vec<Vec<Option<char>>> = vec![vec![None; size]; size];
    let mut placed: Vec<(String, Placement)> = Vec::new();
    for word in chosen {
        for _ in 0..300 {
            let dir = DIRECTIONS[rng.below(8)];
            let start = (rng.below(size), rng.below(size));
            let Some(path) = cells(start, dir, word.len(), size) else {
                continue;
            };
            let fits = path
                .iter()
                .zip(&word)
                .all(|(&(r, c), ch)| grid[r][c].is_none_or(|g| g == *ch));
            if fits {
                for (&(r, c), ch) in path.iter().zip(&word) {
                    grid[r][c] = Some(*ch);
                }
                placed.push((word.iter().collect(), Placement { start, dir }));
                break;
            }
        }
    }
    if placed.len() < 3 {
        return None;
    }
    let letters: Vec<char> = placed.iter().flat_map(|(w, _)| w.chars()).collect();
    let grid: Vec<Vec<char>> = grid
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|c| c.unwrap_or_else(|| letters[rng.below(letters.len())]))
                .collect()
        })
        .collect();
    placed.sort_by(|a, b| a.0.cmp(&b.0));
    let (words, placements) = placed.into_iter().unzip();
    Some(WordSearch {
        size,
        grid,
        words,
        placements,
    })
}

impl WordSearch {
    /// The same words hidden again in a `size` grid (deterministic for `seed`); `None` when that
    /// is this grid already, or fewer than three of the words fit.
    pub fn resized(&self, size: usize, seed: u64) -> Option<WordSearch> {
        if size == self.size || !SIZES.contains(&size) {
            return None;
        }
        let words: Vec<Vec<char>> = self.words.iter().map(|w| w.chars().collect()).collect();
        place(words, size, &mut Rng::new(seed ^ ((size as u64) << 8)))
    }
}

fn point(v: &Value, size: usize) -> Option<(usize, usize)> {
    let a = v.as_array()?;
    let (r, c) = (a.first()?.as_u64()? as usize, a.get(1)?.as_u64()? as usize);
    (a.len() == 2 && r < size && c < size).then_some((r, c))
}

impl WordSearch {
    /// The grid and the words to find, not where they are.
    pub fn public(&self) -> Value {
        let grid: Vec<Vec<String>> = self
            .grid
            .iter()
            .map(|row| row.iter().map(|c| c.to_string()).collect())
            .collect();
        json!({ "size": self.size, "grid": grid, "words": self.words })
    }

    /// The letters on the straight line from `a` to `b`, if it is one.
    fn line(&self, a: (usize, usize), b: (usize, usize)) -> Option<String> {
        let (dr, dc) = (b.0 as i32 - a.0 as i32, b.1 as i32 - a.1 as i32);
        if dr != 0 && dc != 0 && dr.abs() != dc.abs() {
            return None;
        }
        let len = dr.abs().max(dc.abs()) as usize + 1;
        let path = cells(a, (dr.signum(), dc.signum()), len, self.size)?;
        Some(path.iter().map(|&(r, c)| self.grid[r][c]).collect())
    }

    /// Scores `{found:[{start:[r,c], end:[r,c]}]}`: each hidden word spelled along a marked
    /// line (either way) counts once.
    pub fn check(&self, attempt: &Value) -> Result<Checked, BadAttempt> {
        let found = attempt
            .get("found")
            .and_then(Value::as_array)
            .ok_or_else(|| BadAttempt("found must be a list".into()))?;
        if found.len() > 100 {
            return Err(BadAttempt("too many lines".into()));
        }
        let mut hit = vec![false; self.words.len()];
        for f in found {
            let (Some(a), Some(b)) = (
                f.get("start").and_then(|v| point(v, self.size)),
                f.get("end").and_then(|v| point(v, self.size)),
            ) else {
                return Err(BadAttempt(
                    "each line needs a start and an end in the grid".into(),
                ));
            };
            let Some(text) = self.line(a, b) else {
                continue;
            };
            let back: String = text.chars().rev().collect();
            for (i, w) in self.words.iter().enumerate() {
                if *w == text || *w == back {
                    hit[i] = true;
                }
            }
        }
        let results: Vec<Value> = self
            .words
            .iter()
            .zip(&self.placements)
            .zip(&hit)
            .map(|((w, p), h)| {
                let n = w.chars().count() as i32 - 1;
                let end = (p.start.0 as i32 + p.dir.0 * n, p.start.1 as i32 + p.dir.1 * n);
                json!({ "word": w, "found": h, "start": [p.start.0, p.start.1], "end": [end.0, end.1] })
            })
            .collect();
        Ok(Checked {
            score: hit.iter().filter(|h| **h).count(),
            total: self.words.len(),
            results,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::super::{Rng, story_words};
    use super::*;

    #[test]
    fn every_word_lies_in_the_grid_along_its_path() {
        for lang in ["en", "tl"] {
            for seed in 0..40 {
                let w = make(&story_words(&sample(lang)), &mut Rng::new(seed)).expect("grid");
                assert!(w.words.len() >= 3);
                assert_eq!(w.grid.len(), w.size);
                assert!(w.grid.iter().all(|r| r.len() == w.size));
                for (word, p) in w.words.iter().zip(&w.placements) {
                    let path = cells(p.start, p.dir, word.chars().count(), w.size).expect("inside");
                    let read: String = path.iter().map(|&(r, c)| w.grid[r][c]).collect();
                    assert_eq!(&read, word, "seed {seed}");
                }
            }
        }
    }

    #[test]
    fn every_size_holds_its_words_and_is_the_same_for_a_seed() {
        for seed in 0..20 {
            let w = make(&story_words(&sample("en")), &mut Rng::new(seed)).expect("grid");
            for size in SIZES {
                let Some(r) = w.resized(size, 77) else {
                    assert_eq!(size, w.size, "seed {seed}: {size} holds fewer than 3 words");
                    continue;
                };
                assert_eq!(r.size, size);
                assert!(r.words.len() >= 3 && r.words.iter().all(|x| w.words.contains(x)));
                assert!(r.words.iter().all(|x| x.chars().count() <= size));
                for (word, p) in r.words.iter().zip(&r.placements) {
                    let path = cells(p.start, p.dir, word.chars().count(), size).expect("inside");
                    let read: String = path.iter().map(|&(y, x)| r.grid[y][x]).collect();
                    assert_eq!(&read, word, "seed {seed} size {size}");
                }
                assert_eq!(w.resized(size, 77), Some(r), "deterministic");
            }
        }
        assert_eq!(size_for_age_band(Some("5-7")), Some(8));
        assert_eq!(size_for_age_band(Some("10-12")), Some(12));
        assert_eq!(size_for_age_band(None), None);
    }

    #[test]
    fn all_eight_directions_are_used() {
        let mut dirs = std::collections::HashSet::new();
        for seed in 0..60 {
            let w = make(&story_words(&sample("en")), &mut Rng::new(seed)).expect("grid");
            dirs.extend(w.placements.iter().map(|p| p.dir));
        }
        assert_eq!(dirs.len(), 8);
    }

    #[test]
    fn tagalog_letters_stay_whole() {
        let src = super::super::Source {
            title: "Niño",
            language: "tl",
            pages: vec![
                "Ang batang Niño ay kumain ng pagkaing masarap. Nagdasal sa simbahan ang pamilyang Niño.",
            ],
        };
        let w = make(&story_words(&src), &mut Rng::new(4)).expect("grid");
        assert!(w.words.iter().any(|x| x == "NIÑO"), "{:?}", w.words);
        assert!(w.grid.iter().flatten().any(|c| *c == 'Ñ'));
    }

    #[test]
    fn marked_lines_find_words_either_way_and_bad_lines_are_refused() {
        let w = make(&story_words(&sample("en")), &mut Rng::new(9)).expect("grid");
        let all = w.check(&json!({ "found": [] })).expect("none");
        let lines: Vec<Value> = all
            .results
            .iter()
            .enumerate()
            .map(|(i, r)| {
                // Every other word marked from its end back to its start.
                if i % 2 == 0 {
                    json!({ "start": r["start"], "end": r["end"] })
                } else {
                    json!({ "start": r["end"], "end": r["start"] })
                }
            })
            .collect();
        let c = w.check(&json!({ "found": lines })).expect("check");
        assert_eq!(c.score, w.words.len());
        let twice = w
            .check(&json!({ "found": [lines[0], lines[0]] }))
            .expect("check");
        assert_eq!(twice.score, 1);
        let bent = w
            .check(&json!({ "found": [{ "start": [0, 0], "end": [1, 2] }] }))
            .expect("check");
        assert_eq!(bent.score, 0);
        assert!(
            w.check(&json!({ "found": [{ "start": [0, 0], "end": [99, 0] }] }))
                .is_err()
        );
        assert!(
            w.check(&json!({ "found": [{ "start": [0], "end": [0, 1] }] }))
                .is_err()
        );
        assert!(!w.public().to_string().contains("placements"));
    }
}

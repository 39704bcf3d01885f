//! Turning the arc into pages: which templates each beat uses, and the picture prompts.

use super::grammar::capitalise;
use super::trouble_lines::Lines;
use super::vars::{Vars, fill, pick};
use super::{Beat, Genre, Pack, Plot};
use crate::domain::games::Rng;

/// The beats of each page. Three pages tell the problem with its try and the resolution with
/// its lesson; four give the try its own page; from five on every beat has a page and the
/// extra pages are more tries.
fn layout(pages: usize) -> Vec<Vec<Beat>> {
    use Beat::{Lesson, Problem, Resolution, Setup, Try};
    match pages {
        0..=3 => vec![vec![Setup], vec![Problem, Try], vec![Resolution, Lesson]],
        4 => vec![
            vec![Setup],
            vec![Problem],
            vec![Try],
            vec![Resolution, Lesson],
        ],
        n => {
            let mut plan = vec![vec![Setup], vec![Problem]];
            plan.extend((4..n).map(|_| vec![Try]));
            plan.push(vec![Resolution]);
            plan.push(vec![Lesson]);
            plan
        }
    }
}

/// Most words (a placeholder counts as one) in a sentence for a reader of five to seven, when
/// the pool has such sentences.
const YOUNG_WORDS: usize = 8;

/// Writes pages, remembering which templates it used so none repeats within a story.
pub(super) struct Writer {
    /// The story's dice.
    pub(super) rng: Rng,
    /// What the placeholders say.
    pub(super) vars: Vars,
    /// Shared templates.
    pub(super) pack: &'static Pack,
    /// The genre's templates.
    pub(super) kit: &'static Genre,
    /// The story's plot.
    pub(super) plot: &'static Plot,
    /// The idea's own problem's tries, lessons and titles, when it named one.
    pub(super) lines: Option<&'static Lines>,
    /// The hero starts with no friend (the problem is finding one).
    pub(super) lonely: bool,
    /// A reader of five to seven: two short sentences a page.
    pub(super) young: bool,
    /// Templates already used in this story.
    pub(super) used: Vec<&'static str>,
}

impl Writer {
    /// A sentence from the pools, unused ones first.
    pub(super) fn say(&mut self, pools: &[&'static [&'static str]]) -> String {
        let fresh: Vec<&'static str> = pools
            .iter()
            .flat_map(|p| p.iter().copied())
            .filter(|t| !self.used.contains(t))
            .collect();
        let mut options: Vec<&'static str> = if fresh.is_empty() {
            pools.iter().flat_map(|p| p.iter().copied()).collect()
        } else {
            fresh
        };
        // Young readers get short sentences (they also tend to use the plainer words): those
        // of a few words, else the shortest there is.
        if self.young && options.len() > 1 {
            let words = |t: &str| t.split_whitespace().count();
            let shortest = options.iter().map(|t| words(t)).min().unwrap_or(0);
            let limit = YOUNG_WORDS.max(shortest);
            options.retain(|t| words(t) <= limit);
        }
        let Some(&template) = options.get(self.rng.below(options.len())) else {
            return String::new();
        };
        self.used.push(template);
        let said = capitalise(&fill(template, &self.vars, self.pack, &mut self.rng));
        if self.young { split_long(&said) } else { said }
    }

    /// A sentence from the genre's pool or the shared one, half and half, so the genre's
    /// flavour shows even though the shared pools are bigger.
    fn say_either(
        &mut self,
        genre: &'static [&'static str],
        shared: &'static [&'static str],
    ) -> String {
        let genre_fresh = genre.iter().any(|t| !self.used.contains(t));
        let shared_fresh = shared.iter().any(|t| !self.used.contains(t));
        match (genre_fresh, shared_fresh) {
            (true, true) if self.rng.below(2) == 0 => self.say(&[genre]),
            (true, true) | (false, true) => self.say(&[shared]),
            (true, false) => self.say(&[genre]),
            (false, false) => self.say(&[genre, shared]),
        }
    }

    /// Every page: its first beat and its sentences.
    pub(super) fn pages(&mut self, count: usize) -> Vec<(Beat, Vec<String>)> {
        let plan = layout(count);
        let tries = plan
            .iter()
            .filter(|beats| beats.contains(&Beat::Try))
            .count();
        let mut tried = 0;
        let mut out = Vec::with_capacity(plan.len());
        for beats in plan {
            let alone = beats.len() == 1;
            let mut said = Vec::new();
            for &beat in &beats {
                if self.young {
                    self.young_beat(&mut said, beat, tried + 1 == tries, alone);
                    tried += usize::from(beat == Beat::Try);
                    continue;
                }
                match beat {
                    Beat::Setup => self.setup(&mut said),
                    Beat::Problem => self.problem(&mut said, alone),
                    Beat::Try => {
                        self.attempt(&mut said, tried, tries, alone);
                        tried += 1;
                    }
                    Beat::Resolution => self.resolution(&mut said, alone),
                    Beat::Lesson => self.lesson(&mut said),
                }
            }
            said.retain(|s| !s.is_empty());
            out.push((beats.first().copied().unwrap_or(Beat::Setup), said));
        }
        out
    }

    /// A beat for a young reader: one sentence, and a second when the beat has the page to
    /// itself (so every page has two).
    fn young_beat(&mut self, said: &mut Vec<String>, beat: Beat, last_try: bool, alone: bool) {
        let (kit, pack, plot) = (self.kit, self.pack, self.plot);
        match beat {
            Beat::Setup => {
                said.push(self.say_either(kit.openers, pack.openers));
                let second = if self.lonely || self.lines.is_some() {
                    pack.object_intros
                } else {
                    pack.friend_intros
                };
                said.push(self.say(&[second]));
            }
            Beat::Problem => {
                said.push(self.say(&[plot.problems]));
                // How the hero feels says it shorter than a goal line could.
                if alone {
                    said.push(self.say(&[pack.reactions]));
                }
            }
            Beat::Try => {
                said.push(self.try_line());
                if alone {
                    said.push(self.say(&[if last_try { pack.nearly } else { pack.fails }]));
                }
            }
            Beat::Resolution => {
                said.push(self.say(&[plot.wins]));
                if alone {
                    said.push(self.say(&[pack.celebrations]));
                }
            }
            Beat::Lesson => {
                said.push(self.lesson_line());
                if alone {
                    said.push(self.say(&[pack.closers]));
                }
            }
        }
    }

    /// An attempt: at the idea's own problem while its tries last, else the genre's or shared.
    fn try_line(&mut self) -> String {
        if let Some(lines) = self.lines
            && lines.tries.iter().any(|t| !self.used.contains(t))
        {
            return self.say(&[lines.tries]);
        }
        let (kit, pack) = (self.kit, self.pack);
        self.say_either(kit.tries, pack.tries)
    }

    /// What the hero learned: about the idea's own problem when it named one, else the
    /// genre's lesson two times in three.
    fn lesson_line(&mut self) -> String {
        if let Some(lines) = self.lines {
            return self.say(&[lines.lessons]);
        }
        let (kit, pack) = (self.kit, self.pack);
        if self.rng.below(3) < 2 {
            self.say(&[kit.lessons])
        } else {
            self.say(&[pack.lessons])
        }
    }

    /// Four sentences: hero and place, mood, the thing, the friend (no friend yet when the
    /// problem is finding one).
    fn setup(&mut self, said: &mut Vec<String>) {
        let (kit, pack) = (self.kit, self.pack);
        said.push(self.say_either(kit.openers, pack.openers));
        said.push(self.say_either(kit.setup, pack.setup));
        said.push(self.say(&[pack.object_intros]));
        if !self.lonely {
            said.push(self.say(&[pack.friend_intros]));
        }
    }

    /// The problem, (on its own page) how the hero feels, and the goal.
    fn problem(&mut self, said: &mut Vec<String>, alone: bool) {
        let (plot, pack) = (self.plot, self.pack);
        said.push(self.say(&[plot.problems]));
        if alone {
            said.push(self.say(&[pack.reactions]));
        }
        said.push(self.say(&[pack.goal_lines]));
    }

    /// An attempt, sometimes the friend's help, and how it went: not yet, or (the last one)
    /// nearly there. The friend always helps on the middle try.
    fn attempt(&mut self, said: &mut Vec<String>, index: usize, total: usize, alone: bool) {
        let pack = self.pack;
        said.push(self.try_line());
        if alone && (index == total / 2 || self.rng.below(3) == 0) {
            said.push(self.say(&[pack.helps]));
        }
        let last = index + 1 == total;
        said.push(self.say(&[if last { pack.nearly } else { pack.fails }]));
    }

    /// The win and the joy (sometimes twice on a page of its own).
    fn resolution(&mut self, said: &mut Vec<String>, alone: bool) {
        let (plot, pack) = (self.plot, self.pack);
        said.push(self.say(&[plot.wins]));
        said.push(self.say(&[pack.celebrations]));
        if alone && self.rng.below(2) == 0 {
            said.push(self.say(&[pack.celebrations]));
        }
    }

    /// The lesson and a last line.
    fn lesson(&mut self, said: &mut Vec<String>) {
        let lesson = self.lesson_line();
        said.push(lesson);
        let pack = self.pack;
        said.push(self.say(&[pack.closers]));
    }
}

/// A long sentence for a young reader, cut in two where it joins two sentences ("..., and
/// ..." / "..., at ..."): "The paths all looked the same. Mimi could not remember the way."
/// Speech is left whole.
fn split_long(sentence: &str) -> String {
    if sentence.split_whitespace().count() <= 10 || sentence.contains('"') {
        return sentence.to_string();
    }
    for joint in [
        ", and ", ", but ", ", so ", ", at ", ", pero ", ", kaya ", "; ",
    ] {
        if let Some((a, b)) = sentence.split_once(joint) {
            let (na, nb) = (a.split_whitespace().count(), b.split_whitespace().count());
            if na >= 3 && nb >= 3 {
                return format!("{a}. {}", capitalise(b));
            }
        }
    }
    sentence.to_string()
}

/// The story's look, in English, for picture prompts.
pub(super) struct Art {
    /// The hero's look ("a little green turtle").
    pub(super) hero: &'static str,
    /// The friend's look.
    pub(super) friend: &'static str,
    /// Where, with its preposition ("by a sparkling blue river").
    pub(super) place: String,
    /// The thing's look.
    pub(super) object: &'static str,
    /// The weather, in English.
    pub(super) weather: &'static str,
    /// The genre's picture style.
    pub(super) style: &'static str,
}

impl Art {
    /// A picture prompt for a page of this beat.
    pub(super) fn prompt(&self, beat: Beat, rng: &mut Rng) -> String {
        let Art {
            hero,
            friend,
            place,
            object,
            weather,
            style,
        } = self;
        let actions: &[&str] = match beat {
            Beat::Setup => &[
                "smiling and waving",
                "exploring happily",
                "skipping along",
                "looking around with wide eyes",
            ],
            Beat::Problem => &[
                "looking worried",
                "staring in surprise",
                "scratching their head",
                "frowning thoughtfully",
            ],
            Beat::Try => &[
                "searching carefully",
                "thinking hard together",
                "climbing up high",
                "following a winding trail",
                "working as a team",
                "trying a clever idea",
            ],
            Beat::Resolution => &[
                "cheering happily",
                "jumping for joy",
                "laughing together",
                "hugging happily",
            ],
            Beat::Lesson => &[
                "smiling together at sunset",
                "waving goodbye",
                "sitting side by side",
                "walking home together",
            ],
        };
        let act = pick(actions, rng);
        let scene = match beat {
            Beat::Setup => format!("{hero} {act} {place}, with {object}, {weather}"),
            Beat::Problem => format!("{hero} {act} {place}, {object} nearby"),
            Beat::Try | Beat::Lesson => format!("{hero} and {friend} {act} {place}"),
            Beat::Resolution => format!("{hero} and {friend} {act} {place} with {object}"),
        };
        format!("{scene}, {style}, children's book illustration")
    }
}

//! Turning the arc into pages: which templates each beat uses, and the picture prompts.

use super::grammar::capitalise;
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
        let options = if fresh.is_empty() {
            pools.iter().flat_map(|p| p.iter().copied()).collect()
        } else {
            fresh
        };
        let Some(&template) = options.get(self.rng.below(options.len())) else {
            return String::new();
        };
        self.used.push(template);
        capitalise(&fill(template, &self.vars, self.pack, &mut self.rng))
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

    /// Four sentences: hero and place, mood, the thing, the friend.
    fn setup(&mut self, said: &mut Vec<String>) {
        let (kit, pack) = (self.kit, self.pack);
        said.push(self.say_either(kit.openers, pack.openers));
        said.push(self.say_either(kit.setup, pack.setup));
        said.push(self.say(&[pack.object_intros]));
        said.push(self.say(&[pack.friend_intros]));
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
        let (kit, pack) = (self.kit, self.pack);
        said.push(self.say_either(kit.tries, pack.tries));
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

    /// The lesson (the genre's own two times in three) and a last line.
    fn lesson(&mut self, said: &mut Vec<String>) {
        let (kit, pack) = (self.kit, self.pack);
        let lesson = if self.rng.below(3) < 2 {
            self.say(&[kit.lessons])
        } else {
            self.say(&[pack.lessons])
        };
        said.push(lesson);
        said.push(self.say(&[pack.closers]));
    }
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

//! The offline story starter: a child's idea ("a brave turtle named Pablo who finds a lantern")
//! becomes a whole multi-page story in English or Tagalog, with no network and no model.
//!
//! It is a template engine with a plot. The idea is read for names, a hero, a place and a thing
//! in either language (modules `idea` and `lexicon`); whatever is missing comes from the genre's
//! own cast. The pages then follow one arc (setup, problem, one or more tries, resolution,
//! lesson) with sentences drawn from the genre's templates and shared ones, never the same
//! template twice in a story. Every choice comes from the seeded [`Rng`], and the seed defaults
//! to a hash of the request, so the same idea always tells the same story and another idea tells
//! another.

mod casts;
mod en;
mod en_genres_a;
mod en_genres_b;
mod grammar;
mod idea;
mod lexicon;
mod tl;
mod tl_genres_a;
mod tl_genres_b;
mod trouble;
mod trouble_en;
mod trouble_lines;
mod trouble_tl;
mod vars;
mod writer;

use std::fmt;

use serde::Serialize;

use crate::domain::games::{Rng, fold};
use grammar::{Language, title_case};
use vars::{Roles, Vars, fill, pick};
use writer::{Art, Writer};

/// Genres a story can have (the story rules' own list).
pub const GENRES: &[&str] = crate::domain::story::GENRES;
/// Fewest pages.
pub const MIN_PAGES: usize = 3;
/// Most pages.
pub const MAX_PAGES: usize = 12;
/// Longest idea, in characters.
pub const IDEA_MAX: usize = 300;
/// Sticker scenes a page can suggest.
pub const SCENES: &[&str] = &[
    "forest", "sea", "sky", "city", "home", "school", "space", "castle", "farm", "mountain",
];
/// Story beats, in story order.
pub const BEATS: &[&str] = &["setup", "problem", "try", "resolution", "lesson"];

/// What the child asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request<'a> {
    /// The idea in the child's words, in either language; may be empty.
    pub idea: &'a str,
    /// One of [`GENRES`].
    pub genre: &'a str,
    /// "en" or "tl".
    pub language: &'a str,
    /// Pages wanted, [`MIN_PAGES`] to [`MAX_PAGES`].
    pub pages: usize,
    /// A fixed seed; without one the request itself is hashed, so an idea keeps its story.
    pub seed: Option<u64>,
    /// The reader's age band ("5-7", "8-9", "10-12"): five- to seven-year-olds get short
    /// pages of short, plain sentences.
    pub age_band: Option<&'a str>,
}

/// A written story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Story {
    /// Title, in title capitals.
    pub title: String,
    /// One sentence about the story.
    pub summary: String,
    /// Pages in order.
    pub pages: Vec<Page>,
    /// The hero as a reader would say it ("Pablo the turtle", "Pablo, ang pagong").
    pub hero: String,
    /// Where it happens ("river", "ilog").
    pub place: String,
    /// The thing the story turns on ("lantern", "parol").
    pub object: String,
    /// The seed used; the same request with this seed tells the same story.
    pub seed: u64,
}

/// One page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page {
    /// Two to four sentences.
    pub text: String,
    /// A short English description of the scene, for an illustration.
    pub image_prompt: String,
    /// A sticker scene (one of [`SCENES`]) to start the drawing from.
    pub scene: &'static str,
    /// The first beat told on this page (one of [`BEATS`]).
    pub beat: &'static str,
}

/// Why no story could be written; the messages speak to the child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StarterError {
    /// The language is not "en" or "tl".
    BadLanguage,
    /// The genre is not one of [`GENRES`].
    BadGenre,
    /// Too few or too many pages.
    BadPages {
        /// Fewest pages.
        min: usize,
        /// Most pages.
        max: usize,
    },
    /// The idea is longer than `max` characters.
    IdeaTooLong {
        /// Longest idea.
        max: usize,
    },
}

impl fmt::Display for StarterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StarterError::BadLanguage => {
                write!(f, "Please choose English or Tagalog for your story.")
            }
            StarterError::BadGenre => write!(f, "Please choose a kind of story from the list."),
            StarterError::BadPages { min, max } => write!(
                f,
                "A story can have from {min} to {max} pages. Please choose a number in between."
            ),
            StarterError::IdeaTooLong { max } => write!(
                f,
                "Your idea is a bit long! Please tell it in {max} letters or fewer."
            ),
        }
    }
}

impl std::error::Error for StarterError {}

/// Writes a story from a request.
pub fn write(req: &Request<'_>) -> Result<Story, StarterError> {
    compose(req).map(|(story, _)| story)
}

/// One language's shared templates and word lists. Placeholders are `{hero}`, `{place}`...
/// (see `Vars::value`); Tagalog may add `_lk` for the linked form.
struct Pack {
    /// Genre id to its templates.
    genres: &'static [(&'static str, &'static Genre)],
    /// Templates for a genre missing from `genres`.
    other: &'static Genre,
    /// First sentence: names the hero, its kind and the place.
    openers: &'static [&'static str],
    /// Second setup sentence: weather, feelings.
    setup: &'static [&'static str],
    /// Setup: brings in the thing.
    object_intros: &'static [&'static str],
    /// Setup: brings in the friend.
    friend_intros: &'static [&'static str],
    /// How the hero feels about the problem.
    reactions: &'static [&'static str],
    /// The hero takes up the goal.
    goal_lines: &'static [&'static str],
    /// An attempt.
    tries: &'static [&'static str],
    /// An attempt that does not work yet.
    fails: &'static [&'static str],
    /// The friend helps.
    helps: &'static [&'static str],
    /// The last attempt starts to work.
    nearly: &'static [&'static str],
    /// Joy after the win.
    celebrations: &'static [&'static str],
    /// What the hero learned.
    lessons: &'static [&'static str],
    /// Last sentences.
    closers: &'static [&'static str],
    /// Titles (title capitals are applied after filling).
    titles: &'static [&'static str],
    /// One-sentence summaries.
    summaries: &'static [&'static str],
    /// Names for a hero or friend the idea did not name, fit for anyone.
    names: &'static [&'static str],
    /// Names for a girl or a woman.
    girl_names: &'static [&'static str],
    /// Names for a boy or a man.
    boy_names: &'static [&'static str],
    /// `{feeling}`: a good mood.
    feelings: &'static [&'static str],
    /// `{worry}`: facing the problem.
    worries: &'static [&'static str],
    /// `{joy}`: after the win.
    joys: &'static [&'static str],
    /// `({time}, {weather})` pairs that go together; the same order in every language.
    times: &'static [(&'static str, &'static str)],
}

impl Pack {
    /// Names that fit a hero of this gender ("f", "m", or "" for anyone).
    fn names_for(&self, gender: &str) -> Vec<&'static str> {
        match gender {
            "f" => self.girl_names.to_vec(),
            "m" => self.boy_names.to_vec(),
            _ => [self.names, self.girl_names, self.boy_names].concat(),
        }
    }

    fn kit(&self, genre: &str) -> &'static Genre {
        self.genres
            .iter()
            .find(|(id, _)| *id == genre)
            .map_or(self.other, |(_, kit)| *kit)
    }
}

/// One genre's templates in one language.
struct Genre {
    /// The genre as a describing word ("adventure", "magical"; "misteryo").
    label: &'static str,
    /// Describing words for the thing, used in titles ("golden"; Tagalog plain: "luma").
    adjs: &'static [&'static str],
    /// Genre scenery and props, without article ("rope bridge"), for `{flavor}`.
    flavor: &'static [&'static str],
    /// First sentences, as `Pack::openers`.
    openers: &'static [&'static str],
    /// Setup sentences with the genre's mood.
    setup: &'static [&'static str],
    /// Problems with their goals and wins.
    plots: &'static [Plot],
    /// Attempts in the genre's mood.
    tries: &'static [&'static str],
    /// The genre's lessons.
    lessons: &'static [&'static str],
}

/// A problem, what the hero wants because of it, and how it ends well.
struct Plot {
    /// What the hero sets out to do, as a phrase after "to" or "para" (`{goal}`).
    goal: &'static str,
    /// The problem appears.
    problems: &'static [&'static str],
    /// The problem is solved.
    wins: &'static [&'static str],
}

/// Used only if a genre had no plot, so that nothing can fail.
const NO_PLOT: Plot = Plot {
    goal: "",
    problems: &[],
    wins: &[],
};

fn pack(language: Language) -> &'static Pack {
    match language {
        Language::En => &en::EN,
        Language::Tl => &tl::TL,
    }
}

/// A part of the arc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Beat {
    Setup,
    Problem,
    Try,
    Resolution,
    Lesson,
}

impl Beat {
    fn name(self) -> &'static str {
        match self {
            Beat::Setup => "setup",
            Beat::Problem => "problem",
            Beat::Try => "try",
            Beat::Resolution => "resolution",
            Beat::Lesson => "lesson",
        }
    }
}

/// The story and, per page, its sentences (the tests count them).
fn compose(req: &Request<'_>) -> Result<(Story, Vec<Vec<String>>), StarterError> {
    let language = Language::parse(req.language).ok_or(StarterError::BadLanguage)?;
    if !GENRES.contains(&req.genre) {
        return Err(StarterError::BadGenre);
    }
    if !(MIN_PAGES..=MAX_PAGES).contains(&req.pages) {
        return Err(StarterError::BadPages {
            min: MIN_PAGES,
            max: MAX_PAGES,
        });
    }
    if req.idea.chars().count() > IDEA_MAX {
        return Err(StarterError::IdeaTooLong { max: IDEA_MAX });
    }
    let seed = req.seed.unwrap_or_else(|| seed_for(req));
    let mut rng = Rng::new(seed);
    let pack = pack(language);
    let kit = pack.kit(req.genre);
    let cast = casts::cast(req.genre);
    let found = idea::read(req.idea);
    let roles = Roles::choose(&found, cast, pack, &mut rng);
    // The idea's own problem, when the story can say it in its language.
    let trouble = found
        .trouble
        .as_ref()
        .and_then(|t| t.words(language).map(|w| (t.kind, w.to_string())));
    let lines = trouble
        .as_ref()
        .map(|(kind, _)| trouble::lines(*kind, language));

    let time_index = rng.below(pack.times.len());
    let when = pack.times.get(time_index).copied().unwrap_or(("", ""));
    let adj = pick(kit.adjs, &mut rng);
    let mut flavors = kit.flavor.to_vec();
    rng.shuffle(&mut flavors);
    let flavor = flavors.first().copied().unwrap_or("");
    let flavor2 = flavors.get(1).copied().unwrap_or(flavor);
    let genre_plot = kit
        .plots
        .get(rng.below(kit.plots.len()))
        .unwrap_or(&NO_PLOT);
    let plot = lines.map_or(genre_plot, |l| &l.plot);
    let mut vars = Vars::new(language, &roles, adj, (flavor, flavor2), when, kit.label);
    vars.trouble = trouble.as_ref().map(|(_, w)| w.clone()).unwrap_or_default();
    vars.goal = fill(plot.goal, &vars, pack, &mut rng);

    let art = Art {
        hero: roles.hero.look,
        friend: roles.friend.look,
        place: format!("{} {}", roles.place.prep, roles.place.look)
            .trim()
            .to_string(),
        object: roles.object.look,
        // Pictures are described in English whatever the story's language.
        weather: en::EN.times.get(time_index).map_or("", |t| t.1),
        style: cast.art,
    };
    let mut writer = Writer {
        rng,
        vars,
        pack,
        kit,
        plot,
        lines,
        lonely: trouble
            .as_ref()
            .is_some_and(|(k, _)| *k == trouble::Kind::Lonely),
        young: req.age_band == Some("5-7"),
        used: Vec::new(),
    };
    let written = writer.pages(req.pages);
    let title = title_case(
        &writer.say(&[lines.map_or(pack.titles, |l| l.titles)]),
        language,
    );
    let summary = writer.say(&[pack.summaries]);
    let scene = SCENES
        .iter()
        .copied()
        .find(|s| *s == roles.place.scene)
        .unwrap_or("forest");

    let mut pages = Vec::with_capacity(written.len());
    let mut sentences = Vec::with_capacity(written.len());
    for (beat, said) in written {
        pages.push(Page {
            text: said.join(" "),
            image_prompt: art.prompt(beat, &mut writer.rng),
            scene,
            beat: beat.name(),
        });
        sentences.push(said);
    }
    let (hero, place, object) = match language {
        Language::En => (
            format!("{} the {}", roles.hero_name, roles.hero.en()),
            roles.place.en().to_string(),
            roles.object.en().to_string(),
        ),
        Language::Tl => (
            format!("{}, ang {}", roles.hero_name, roles.hero.tl()),
            roles.place.tl().to_string(),
            roles.object.tl().to_string(),
        ),
    };
    let story = Story {
        title,
        summary,
        pages,
        hero,
        place,
        object,
        seed,
    };
    Ok((story, sentences))
}

/// The seed for a request without one: FNV-1a of the folded idea, genre, language and pages,
/// so spacing and capitals do not change the story but any real change does.
fn seed_for(req: &Request<'_>) -> u64 {
    let words: Vec<String> = req
        .idea
        .split_whitespace()
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    let key = format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}{}",
        words.join(" "),
        req.genre,
        req.language,
        req.pages,
        req.age_band
            .map(|a| format!("\u{1f}{a}"))
            .unwrap_or_default()
    );
    fnv1a(key.as_bytes())
}

/// 64-bit FNV-1a: tiny, stable across builds and platforms (unlike the std hasher).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_data;
#[cfg(test)]
mod tests_trouble;

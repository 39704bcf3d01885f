//! The values templates are filled with, and the filling.

use super::Pack;
use super::casts::Cast;
use super::grammar::{Language, indef, link};
use super::idea::Found;
use super::lexicon::{self, Kind, Word};
use crate::domain::games::Rng;

/// A random item, or "" from an empty list.
pub(super) fn pick<'t>(items: &[&'t str], rng: &mut Rng) -> &'t str {
    items.get(rng.below(items.len())).copied().unwrap_or("")
}

/// Who and what the story is about: from the idea first, then the genre's cast.
pub(super) struct Roles {
    /// The hero's name.
    pub(super) hero_name: String,
    /// What the hero is.
    pub(super) hero: Word,
    /// The friend's name.
    pub(super) friend_name: String,
    /// What the friend is.
    pub(super) friend: Word,
    /// Where the story happens.
    pub(super) place: Word,
    /// The thing.
    pub(super) object: Word,
}

impl Roles {
    /// The roles for an idea: what it said, the rest from the cast.
    pub(super) fn choose(found: &Found, cast: &Cast, pack: &Pack, rng: &mut Rng) -> Roles {
        let hero = found
            .heroes
            .first()
            .copied()
            .unwrap_or_else(|| lexicon::pick(Kind::Hero, cast.heroes, None, rng));
        let friend = found
            .heroes
            .iter()
            .copied()
            .find(|w| w.en() != hero.en())
            .unwrap_or_else(|| lexicon::pick(Kind::Hero, cast.heroes, Some(hero.en()), rng));
        let place = found
            .place
            .unwrap_or_else(|| lexicon::pick(Kind::Place, cast.places, None, rng));
        let object = found
            .object
            .unwrap_or_else(|| lexicon::pick(Kind::Object, cast.objects, None, rng));
        let hero_name = found
            .names
            .first()
            .cloned()
            .unwrap_or_else(|| pick(&pack.names_for(hero.gender), rng).to_string());
        let friend_name = found
            .names
            .iter()
            .find(|n| **n != hero_name)
            .cloned()
            .unwrap_or_else(|| {
                let others: Vec<&str> = pack
                    .names_for(friend.gender)
                    .into_iter()
                    .filter(|n| *n != hero_name)
                    .collect();
                pick(&others, rng).to_string()
            });
        Roles {
            hero_name,
            hero,
            friend_name,
            friend,
            place,
            object,
        }
    }
}

/// Everything a template can say, already in the story's language.
pub(super) struct Vars {
    language: Language,
    hero: String,
    kind: String,
    a_kind: String,
    friend: String,
    friend_kind: String,
    a_friend_kind: String,
    place: String,
    at_place: String,
    object: String,
    an_object: String,
    thing: String,
    adj: String,
    /// The plot's goal, filled in once the other values exist (it uses them).
    pub(super) goal: String,
    /// The idea's problem in words ("the dark", "swim"), when it has one.
    pub(super) trouble: String,
    time: String,
    weather: String,
    flavor: String,
    a_flavor: String,
    flavor2: String,
    a_flavor2: String,
    label: String,
    a_label: String,
}

impl Vars {
    /// The values for a story's roles and picks.
    pub(super) fn new(
        language: Language,
        roles: &Roles,
        adj: &str,
        (flavor, flavor2): (&str, &str),
        (time, weather): (&str, &str),
        label: &str,
    ) -> Vars {
        match language {
            Language::En => {
                let place = if roles.place.en_bare() {
                    roles.place.en().to_string()
                } else {
                    format!("the {}", roles.place.en())
                };
                let thing = roles.object.en();
                Vars {
                    language,
                    hero: roles.hero_name.clone(),
                    kind: roles.hero.en().to_string(),
                    a_kind: indef(roles.hero.en()),
                    friend: roles.friend_name.clone(),
                    friend_kind: roles.friend.en().to_string(),
                    a_friend_kind: indef(roles.friend.en()),
                    at_place: format!("{} {place}", roles.place.prep).trim().to_string(),
                    place,
                    object: format!("the {thing}"),
                    an_object: indef(&format!("{adj} {thing}")),
                    thing: thing.to_string(),
                    adj: adj.to_string(),
                    goal: String::new(),
                    trouble: String::new(),
                    time: time.to_string(),
                    weather: weather.to_string(),
                    flavor: flavor.to_string(),
                    a_flavor: indef(flavor),
                    flavor2: flavor2.to_string(),
                    a_flavor2: indef(flavor2),
                    label: label.to_string(),
                    a_label: indef(label),
                }
            }
            Language::Tl => {
                let thing = roles.object.tl();
                Vars {
                    language,
                    hero: roles.hero_name.clone(),
                    kind: roles.hero.tl().to_string(),
                    a_kind: format!("isang {}", roles.hero.tl()),
                    friend: roles.friend_name.clone(),
                    friend_kind: roles.friend.tl().to_string(),
                    a_friend_kind: format!("isang {}", roles.friend.tl()),
                    place: roles.place.tl().to_string(),
                    at_place: format!("sa {}", roles.place.tl()),
                    object: thing.to_string(),
                    an_object: format!("isang {} {thing}", link(adj)),
                    thing: thing.to_string(),
                    adj: adj.to_string(),
                    goal: String::new(),
                    trouble: String::new(),
                    time: time.to_string(),
                    weather: weather.to_string(),
                    flavor: flavor.to_string(),
                    a_flavor: format!("isang {flavor}"),
                    flavor2: flavor2.to_string(),
                    a_flavor2: format!("isang {flavor2}"),
                    label: label.to_string(),
                    a_label: label.to_string(),
                }
            }
        }
    }

    /// The text for a placeholder; moods are picked afresh each time so they vary. An unknown
    /// key gives nothing (the tests check that templates use only known keys).
    pub(super) fn value(&self, key: &str, pack: &Pack, rng: &mut Rng) -> String {
        if let Some(base) = key.strip_suffix("_lk") {
            let plain = self.value(base, pack, rng);
            return match self.language {
                Language::Tl => link(&plain),
                Language::En => plain,
            };
        }
        let text = match key {
            "hero" => &self.hero,
            "kind" => &self.kind,
            "a_kind" => &self.a_kind,
            "friend" => &self.friend,
            "friend_kind" => &self.friend_kind,
            "a_friend_kind" => &self.a_friend_kind,
            "place" => &self.place,
            "at_place" => &self.at_place,
            "object" => &self.object,
            "an_object" => &self.an_object,
            "thing" => &self.thing,
            "adj" => &self.adj,
            "goal" => &self.goal,
            "trouble" => &self.trouble,
            "time" => &self.time,
            "weather" => &self.weather,
            "flavor" => &self.flavor,
            "a_flavor" => &self.a_flavor,
            "flavor2" => &self.flavor2,
            "a_flavor2" => &self.a_flavor2,
            "label" => &self.label,
            "a_label" => &self.a_label,
            "feeling" => return pick(pack.feelings, rng).to_string(),
            "worry" => return pick(pack.worries, rng).to_string(),
            "joy" => return pick(pack.joys, rng).to_string(),
            _ => return String::new(),
        };
        text.clone()
    }
}

/// A template with its placeholders filled.
pub(super) fn fill(template: &str, vars: &Vars, pack: &Pack, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 40);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            rest = after;
            break;
        };
        out.push_str(&vars.value(&after[..close], pack, rng));
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    // Values never hold braces, but a stray one in a template must not reach a child.
    out.retain(|c| c != '{' && c != '}');
    out
}

//! `pixeltales demo`: a sample classroom so a fresh install has something to read, and a bulk
//! generator for benchmarks. Everything goes through the same tables, counters, search index and
//! rewards as the API, so the demo library behaves like a real one.

pub mod art;
pub mod stories;

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

use self::art::*;
use self::stories::{DemoStory, FRIENDS, PEOPLE, STORIES, Scene};
use crate::db::Tx;
use crate::domain::drawing::Drawing;
use crate::domain::story::{rating_score, title_key, validate_genres};
use crate::store::pages::{PageContent, insert_page};
use crate::store::rewards;
use crate::store::stories::{refresh_rating, sync_search};

/// What `seed` did.
#[derive(Debug)]
pub struct DemoReport {
    /// False when the demo was already there.
    pub created: bool,
    /// (username, password) of each demo account created now.
    pub accounts: Vec<(String, String)>,
    /// Stories in the demo library.
    pub stories: usize,
}

/// Draws the picture for a scene.
pub fn scene_picture(scene: Scene) -> Value {
    let (bg, mut items, hero) = match scene {
        Scene::Day(e) => (
            "#e7f5ff",
            [vec![ground("#8ce99a")], sun(660.0, 110.0), tree(140.0)].concat(),
            e,
        ),
        Scene::Night(e) => (
            "#1b1f3b",
            [night_sky(), vec![ground("#2f3a56")]].concat(),
            e,
        ),
        Scene::Sea(e) => (
            "#d0ebff",
            [sun(660.0, 100.0), sea(), boat(80.0)].concat(),
            e,
        ),
        Scene::Rain(e) => ("#ced4da", [vec![ground("#69db7c")], rain()].concat(), e),
        Scene::Village(e) => (
            "#fff4e6",
            [vec![ground("#8ce99a")], house(460.0), tree(150.0)].concat(),
            e,
        ),
        Scene::Mountains(e) => ("#e3fafc", vec![mountains(), ground("#8ce99a")], e),
        Scene::Garden(e) => (
            "#f3f0ff",
            [vec![ground("#8ce99a")], flowers(), sun(680.0, 100.0)].concat(),
            e,
        ),
    };
    items.push(star_of(hero, 320.0, 300.0));
    picture(bg, items)
}

fn drawing_json(scene: Scene) -> Result<String, String> {
    let d = Drawing::from_value(scene_picture(scene))
        .map_err(|e| format!("demo picture: {}", e.message))?;
    d.to_json().map_err(|e| e.message)
}

fn new_user(
    tx: &Connection,
    username: &str,
    display: &str,
    avatar: &str,
    role: &str,
    hash: &str,
    now: i64,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO users (username, password_hash, role, created_at, updated_at, password_changed_at) VALUES (?1, ?2, ?3, ?4, ?4, ?4)",
        params![username, hash, role, now],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO profiles (user_id, display_name, avatar_emoji, privacy) VALUES (?1, ?2, ?3, 'friends')",
        params![id, display, avatar],
    )?;
    Ok(id)
}

/// Inserts and publishes a story the way the API does; returns its id.
fn publish_story(
    tx: &Tx<'_>,
    author: i64,
    s: &DemoStory,
    published_at: i64,
) -> Result<i64, String> {
    let genres: Vec<String> = s.genres.iter().map(|g| g.to_string()).collect();
    let (genres, mask) = validate_genres(&genres).map_err(|e| e.message)?;
    tx.execute(
        "INSERT INTO stories (author_id, title, title_key, summary, genres, genre_mask, language, status, created_at, updated_at, published_at, rating_score)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'published', ?8, ?8, ?8, ?9)",
        params![author, s.title, title_key(s.title), s.summary, json!(genres).to_string(), mask, s.language, published_at, rating_score(0, 0)],
    )
    .map_err(|e| e.to_string())?;
    let id = tx.last_insert_rowid();
    for (i, (text, scene)) in s.pages.iter().enumerate() {
        let content = PageContent {
            text: Some((*text).to_string()),
            drawing: Some(Some(drawing_json(*scene)?)),
            ..Default::default()
        };
        insert_page(tx, id, i as i64, &content, published_at).map_err(|e| e.to_string())?;
    }
    sync_search(tx, id).map_err(|e| e.to_string())?;
    rewards::on_story_published(tx, id, &[author], s.language, s.pages.len() as i64)
        .map_err(|e| e.to_string())?;
    Ok(id)
}

/// Seeds the demo classroom once; later runs report that it is already there.
pub fn seed(
    conn: &mut Connection,
    hash_password: &dyn Fn(&str) -> Result<String, String>,
) -> Result<DemoReport, String> {
    let seeded: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'demo_seeded'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| e.to_string())?;
    if seeded.is_some() {
        return Ok(DemoReport {
            created: false,
            accounts: Vec::new(),
            stories: STORIES.len(),
        });
    }
    // Hash outside the transaction: it is the slow part.
    let mut accounts = Vec::new();
    let mut hashes = Vec::new();
    for (username, ..) in PEOPLE {
        let password = crate::domain::encoding::random_token::<9>();
        hashes.push(hash_password(&password)?);
        accounts.push((username.to_string(), password));
    }
    let now = crate::time::now();
    let tx = Tx::begin(conn).map_err(|e| e.to_string())?;
    for (username, ..) in PEOPLE {
        let taken: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM users WHERE username = ?1)",
                [username],
                |r| r.get(0),
            )
            .map_err(|e| e.to_string())?;
        if taken {
            return Err(format!(
                "a user called {username} already exists; the demo needs that name"
            ));
        }
    }
    let mut ids = Vec::new();
    for ((username, display, avatar, role), hash) in PEOPLE.iter().zip(&hashes) {
        ids.push(
            new_user(&tx, username, display, avatar, role, hash, now).map_err(|e| e.to_string())?,
        );
    }
    let teacher = ids[4];
    tx.execute(
        "INSERT INTO classes (teacher_id, name, created_at) VALUES (?1, 'Grade 2 Sampaguita', ?2)",
        params![teacher, now],
    )
    .map_err(|e| e.to_string())?;
    let class = tx.last_insert_rowid();
    for &kid in &ids[..4] {
        tx.execute(
            "INSERT INTO class_members (class_id, user_id, joined_at) VALUES (?1, ?2, ?3)",
            params![class, kid, now],
        )
        .map_err(|e| e.to_string())?;
    }
    for &(a, b) in FRIENDS {
        let (a, b) = (ids[a], ids[b]);
        tx.execute(
            "INSERT INTO friend_requests (from_id, to_id, status, created_at, responded_at) VALUES (?1, ?2, 'accepted', ?3, ?3)",
            params![a, b, now],
        )
        .map_err(|e| e.to_string())?;
        crate::store::social::befriend(&tx, a, b, now).map_err(|e| e.to_string())?;
        rewards::on_friends(&tx, a, b).map_err(|e| e.to_string())?;
    }
    let mut story_ids = Vec::new();
    for (i, s) in STORIES.iter().enumerate() {
        // A day apart, newest last, so "new" has a real order.
        let at = now - (STORIES.len() - i) as i64 * 86_400;
        story_ids.push((publish_story(&tx, ids[s.author], s, at)?, s));
    }
    // Classmates like, rate and comment on each other's stories.
    let comments = [
        "I love the pictures!",
        "This made me laugh.",
        "Ang ganda!",
        "Can you write another one?",
    ];
    for (n, (story, s)) in story_ids.iter().enumerate() {
        for (k, &reader) in ids[..4].iter().enumerate() {
            if k == s.author || (n + k) % 3 == 0 {
                continue;
            }
            tx.execute(
                "INSERT INTO likes (story_id, user_id, created_at) VALUES (?1, ?2, ?3)",
                params![story, reader, now],
            )
            .map_err(|e| e.to_string())?;
            tx.execute("UPDATE stories SET like_count = like_count + 1, likes_recent = likes_recent + 1 WHERE id = ?1", [story])
                .map_err(|e| e.to_string())?;
            rewards::on_like(&tx, *story, s.title, &[ids[s.author]], reader)
                .map_err(|e| e.to_string())?;
            tx.execute(
                "INSERT INTO ratings (story_id, user_id, value, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![story, reader, 3 + ((n + k) % 3) as i64, now],
            )
            .map_err(|e| e.to_string())?;
            tx.execute(
                "UPDATE stories SET view_count = view_count + 1 WHERE id = ?1",
                [story],
            )
            .map_err(|e| e.to_string())?;
        }
        refresh_rating(&tx, *story).map_err(|e| e.to_string())?;
        let commenter = ids[(s.author + 1) % 4];
        tx.execute(
            "INSERT INTO comments (story_id, author_id, text, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![story, commenter, comments[n % comments.len()], now],
        )
        .map_err(|e| e.to_string())?;
        tx.execute(
            "UPDATE stories SET comment_count = comment_count + 1 WHERE id = ?1",
            [story],
        )
        .map_err(|e| e.to_string())?;
    }
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ('demo_seeded', ?1)",
        [now.to_string()],
    )
    .map_err(|e| e.to_string())?;
    tx.commit().map_err(|e| e.to_string())?;
    Ok(DemoReport {
        created: true,
        accounts,
        stories: STORIES.len(),
    })
}

/// What `bulk` made.
#[derive(Debug)]
pub struct BulkReport {
    pub users: usize,
    pub stories: usize,
    pub pages: usize,
}

/// A small deterministic generator (xorshift64*), so bulk data is the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// Adds `users` readers and `stories` published stories of `pages` illustrated pages each, with
/// likes, views and ratings spread over them (for benchmarks). All users share `password_hash`.
pub fn bulk(
    conn: &mut Connection,
    users: usize,
    stories: usize,
    pages: usize,
    password_hash: &str,
) -> Result<BulkReport, String> {
    const ADJ: &[&str] = &[
        "Brave", "Sleepy", "Tiny", "Giant", "Silly", "Clever", "Lonely", "Happy", "Curious",
        "Magic",
    ];
    const HERO: &[&str] = &[
        "Fox", "Turtle", "Dragon", "Robot", "Carabao", "Kite", "Boat", "Owl", "Mango", "Star",
    ];
    const PLACE: &[&str] = &[
        "the forest",
        "the sea",
        "the moon",
        "the village",
        "the mountain",
        "the garden",
        "school",
        "the market",
    ];
    const LINES: &[&str] = &[
        "One morning the {a} {h} woke up in {p} and wanted an adventure.",
        "A friendly bird said there was treasure near {p}.",
        "The {h} walked and walked until the sun went down.",
        "It found a {a} little door hidden under a leaf.",
        "Behind the door was a party, and everyone was invited.",
        "They danced, sang and ate mangoes until the stars came out.",
        "The {h} went home happy and dreamed of {p}.",
    ];
    let scenes = [
        Scene::Day("🦊"),
        Scene::Night("🌙"),
        Scene::Sea("⛵"),
        Scene::Garden("🌼"),
        Scene::Village("🏠"),
    ];
    let pictures: Vec<String> = scenes
        .iter()
        .map(|s| drawing_json(*s))
        .collect::<Result<_, _>>()?;
    let mut rng = Rng(0x5EED_CAFE_F00D_BEEF);
    let now = crate::time::now();
    let tx = Tx::begin(conn).map_err(|e| e.to_string())?;
    let first_user: i64 = tx
        .query_row("SELECT coalesce(max(id), 0) + 1 FROM users", [], |r| {
            r.get(0)
        })
        .map_err(|e| e.to_string())?;
    for i in 0..users {
        let avatar = *rng.pick(&["🦊", "🐢", "🚀", "🌙", "🐉", "🐱", "🦉"]);
        new_user(
            &tx,
            &format!("bulk_{}_{i}", first_user),
            &format!("Reader {i}"),
            avatar,
            "child",
            password_hash,
            now,
        )
        .map_err(|e| e.to_string())?;
    }
    let user_ids: Vec<i64> = (first_user..first_user + users as i64).collect();
    if user_ids.is_empty() {
        return Err("bulk stories need at least one bulk user".into());
    }
    let genres = crate::domain::story::GENRES;
    {
        let mut story_stmt = tx
            .prepare(
                "INSERT INTO stories (author_id, title, title_key, summary, genres, genre_mask, language, status, created_at, updated_at,
                                      published_at, page_count, like_count, likes_recent, view_count, rating_count, rating_sum, rating_score)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'published', ?8, ?8, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )
            .map_err(|e| e.to_string())?;
        let mut page_stmt = tx
            .prepare("INSERT INTO pages (story_id, position, text, drawing, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
            .map_err(|e| e.to_string())?;
        for n in 0..stories {
            let (a, h, p) = (*rng.pick(ADJ), *rng.pick(HERO), *rng.pick(PLACE));
            let title = format!("The {a} {h} of {}", p.trim_start_matches("the "));
            let g = *rng.pick(genres);
            let (g_list, mask) = validate_genres(&[g.to_string()]).map_err(|e| e.message)?;
            let language = if rng.next().is_multiple_of(5) {
                "tl"
            } else {
                "en"
            };
            let likes = (rng.next() % 40) as i64;
            let (rc, rs) = ((rng.next() % 10) as i64, 0);
            let rs = rs + (0..rc).map(|_| 1 + (rng.next() % 5) as i64).sum::<i64>();
            let at = now - (stories - n) as i64 * 60;
            story_stmt
                .execute(params![
                    *rng.pick(&user_ids),
                    title,
                    title_key(&title),
                    format!(
                        "A story about a {} {} in {p}.",
                        a.to_lowercase(),
                        h.to_lowercase()
                    ),
                    json!(g_list).to_string(),
                    mask,
                    language,
                    at,
                    pages as i64,
                    likes,
                    likes / 2,
                    (rng.next() % 500) as i64,
                    rc,
                    rs,
                    rating_score(rs, rc)
                ])
                .map_err(|e| e.to_string())?;
            let id = tx.last_insert_rowid();
            for pos in 0..pages {
                let line = LINES[pos % LINES.len()]
                    .replace("{a}", &a.to_lowercase())
                    .replace("{h}", &h.to_lowercase())
                    .replace("{p}", p);
                page_stmt
                    .execute(params![id, pos as i64, line, rng.pick(&pictures), at])
                    .map_err(|e| e.to_string())?;
            }
            sync_search(&tx, id).map_err(|e| e.to_string())?;
        }
    }
    tx.commit().map_err(|e| e.to_string())?;
    Ok(BulkReport {
        users,
        stories,
        pages: stories * pages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_story_is_clean_valid_and_illustrated() {
        assert!(STORIES.len() >= 12);
        assert!(
            STORIES.iter().any(|s| s.language == "tl")
                && STORIES.iter().any(|s| s.language == "en")
        );
        let matcher = crate::domain::profanity::Matcher::new(
            crate::domain::profanity::starter::STARTER
                .iter()
                .map(
                    |&(text, language, severity)| crate::domain::profanity::Word {
                        id: 0,
                        text: text.into(),
                        language,
                        severity,
                        active: true,
                    },
                )
                .collect(),
        );
        for s in STORIES {
            assert!(
                crate::domain::story::validate_title(s.title).is_ok(),
                "{}",
                s.title
            );
            assert!(
                validate_genres(&s.genres.iter().map(|g| g.to_string()).collect::<Vec<_>>())
                    .is_ok()
            );
            for text in std::iter::once(s.title)
                .chain(std::iter::once(s.summary))
                .chain(s.pages.iter().map(|(t, _)| *t))
            {
                let hits = matcher.find(text);
                assert!(
                    hits.is_empty(),
                    "{text:?} has {:?}",
                    matcher.words_for(&hits)
                );
            }
            for (_, scene) in s.pages {
                drawing_json(*scene).expect("valid picture");
            }
        }
    }
}

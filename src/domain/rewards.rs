//! XP, levels, avatar borders and achievements: the rules, with no I/O.
//!
//! XP is paid through a ledger keyed by (user, reason, object), so the same action never pays
//! twice: liking, unliking and liking again pays the author once; deleting and re-publishing a
//! story does not pay again for the same story id, and a daily cap bounds new-story rewards.

use super::accounts::level_for_xp;

/// Why XP was paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Publishing a story (object: story id).
    StoryPublished,
    /// Someone liked your story (object: story id + liker).
    LikeReceived,
    /// Your first comment on a story (object: story id).
    CommentWritten,
    /// Reading a story to the end (object: story id).
    StoryFinished,
    /// Rating a story (object: story id).
    RatingGiven,
    /// A new friend (object: friend id).
    FriendAdded,
    /// Earning an achievement (object: achievement id).
    Achievement,
    /// First attempt at a game (object: game id).
    GamePlayed,
    /// First perfect score in a game (object: game id).
    GamePerfect,
}

impl Reason {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::StoryPublished => "story_published",
            Reason::LikeReceived => "like_received",
            Reason::CommentWritten => "comment_written",
            Reason::StoryFinished => "story_finished",
            Reason::RatingGiven => "rating_given",
            Reason::FriendAdded => "friend_added",
            Reason::Achievement => "achievement",
            Reason::GamePlayed => "game_played",
            Reason::GamePerfect => "game_perfect",
        }
    }

    /// XP paid (achievements pay their own amount).
    pub fn amount(self) -> i64 {
        match self {
            Reason::StoryPublished => 50,
            Reason::LikeReceived => 5,
            Reason::CommentWritten => 2,
            Reason::StoryFinished => 10,
            Reason::RatingGiven => 2,
            Reason::FriendAdded => 10,
            Reason::Achievement => 0,
            Reason::GamePlayed => 15,
            Reason::GamePerfect => 10,
        }
    }
}

/// New-story rewards paid per day at most (publishing more still works, it just pays nothing).
pub const PUBLISH_REWARDS_PER_DAY: i64 = 5;

/// Avatar borders and the level that unlocks each.
pub const BORDERS: &[(&str, i64)] = &[
    ("basic", 1),
    ("bronze", 3),
    ("silver", 5),
    ("gold", 10),
    ("emerald", 15),
    ("ruby", 20),
    ("diamond", 25),
    ("mythic", 30),
    ("legendary", 40),
    ("cosmic", 50),
];

/// The level a border needs, if it exists.
pub fn border_level(border: &str) -> Option<i64> {
    BORDERS.iter().find(|(b, _)| *b == border).map(|(_, l)| *l)
}

/// Borders unlocked at `level`.
pub fn borders_for(level: i64) -> Vec<&'static str> {
    BORDERS
        .iter()
        .filter(|(_, l)| *l <= level)
        .map(|(b, _)| *b)
        .collect()
}

/// What a user has done, as counted by the server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub stories_published: i64,
    pub likes_received: i64,
    pub comments_written: i64,
    pub stories_finished: i64,
    pub ratings_given: i64,
    pub friends_made: i64,
    pub longest_story: i64,
    /// Bit 0: English, bit 1: Tagalog.
    pub languages_mask: i64,
    pub read_streak: i64,
    pub best_streak: i64,
    pub games_played: i64,
    pub perfect_games: i64,
    pub xp: i64,
}

/// An achievement definition.
#[derive(Debug, Clone, Copy)]
pub struct Achievement {
    pub id: &'static str,
    pub icon: &'static str,
    pub title_en: &'static str,
    pub title_tl: &'static str,
    pub description_en: &'static str,
    pub description_tl: &'static str,
    pub xp: i64,
    /// How far along a user is, and the goal.
    pub progress: fn(&Stats) -> (i64, i64),
}

macro_rules! goal {
    ($field:ident, $target:expr) => {
        |s: &Stats| (s.$field.min($target), $target)
    };
}

/// Every achievement.
pub const ACHIEVEMENTS: &[Achievement] = &[
    Achievement {
        id: "first_game",
        icon: "🎮",
        title_en: "Game On",
        title_tl: "Laro Na",
        description_en: "Play a game made from a story.",
        description_tl: "Maglaro ng larong gawa sa isang kuwento.",
        xp: 20,
        progress: goal!(games_played, 1),
    },
    Achievement {
        id: "game_champion",
        icon: "🏆",
        title_en: "Game Champion",
        title_tl: "Kampeon sa Laro",
        description_en: "Get every answer right in 5 games.",
        description_tl: "Tamain ang lahat ng sagot sa 5 laro.",
        xp: 50,
        progress: goal!(perfect_games, 5),
    },
    Achievement {
        id: "first_story",
        icon: "📘",
        title_en: "First Story",
        title_tl: "Unang Kuwento",
        description_en: "Publish your first story.",
        description_tl: "Ilathala ang una mong kuwento.",
        xp: 25,
        progress: goal!(stories_published, 1),
    },
    Achievement {
        id: "five_stories",
        icon: "📚",
        title_en: "Storyteller",
        title_tl: "Kuwentista",
        description_en: "Publish 5 stories.",
        description_tl: "Maglathala ng 5 kuwento.",
        xp: 50,
        progress: goal!(stories_published, 5),
    },
    Achievement {
        id: "ten_stories",
        icon: "🏛️",
        title_en: "Library Builder",
        title_tl: "Tagapagtayo ng Aklatan",
        description_en: "Publish 10 stories.",
        description_tl: "Maglathala ng 10 kuwento.",
        xp: 100,
        progress: goal!(stories_published, 10),
    },
    Achievement {
        id: "long_story",
        icon: "📜",
        title_en: "Epic Tale",
        title_tl: "Mahabang Kuwento",
        description_en: "Publish a story with 10 pages.",
        description_tl: "Maglathala ng kuwentong may 10 pahina.",
        xp: 40,
        progress: goal!(longest_story, 10),
    },
    Achievement {
        id: "bilingual",
        icon: "🌏",
        title_en: "Two Languages",
        title_tl: "Dalawang Wika",
        description_en: "Publish stories in English and in Tagalog.",
        description_tl: "Maglathala ng kuwento sa Ingles at sa Tagalog.",
        xp: 50,
        progress: |s: &Stats| ((s.languages_mask & 1) + (s.languages_mask >> 1 & 1), 2),
    },
    Achievement {
        id: "first_like",
        icon: "❤️",
        title_en: "Loved",
        title_tl: "Minahal",
        description_en: "Get your first like.",
        description_tl: "Makuha ang una mong like.",
        xp: 10,
        progress: goal!(likes_received, 1),
    },
    Achievement {
        id: "ten_likes",
        icon: "💖",
        title_en: "Fan Club",
        title_tl: "Mga Tagahanga",
        description_en: "Get 10 likes.",
        description_tl: "Makakuha ng 10 like.",
        xp: 30,
        progress: goal!(likes_received, 10),
    },
    Achievement {
        id: "fifty_likes",
        icon: "🌟",
        title_en: "Star Author",
        title_tl: "Bituing Manunulat",
        description_en: "Get 50 likes.",
        description_tl: "Makakuha ng 50 like.",
        xp: 100,
        progress: goal!(likes_received, 50),
    },
    Achievement {
        id: "first_comment",
        icon: "💬",
        title_en: "Kind Words",
        title_tl: "Mabuting Salita",
        description_en: "Write your first comment.",
        description_tl: "Isulat ang una mong komento.",
        xp: 10,
        progress: goal!(comments_written, 1),
    },
    Achievement {
        id: "ten_comments",
        icon: "🗨️",
        title_en: "Chatty Critic",
        title_tl: "Madaldal na Kritiko",
        description_en: "Comment on 10 stories.",
        description_tl: "Magkomento sa 10 kuwento.",
        xp: 30,
        progress: goal!(comments_written, 10),
    },
    Achievement {
        id: "first_read",
        icon: "👀",
        title_en: "Reader",
        title_tl: "Mambabasa",
        description_en: "Read a story to the end.",
        description_tl: "Basahin ang isang kuwento hanggang dulo.",
        xp: 10,
        progress: goal!(stories_finished, 1),
    },
    Achievement {
        id: "ten_reads",
        icon: "🐛",
        title_en: "Bookworm",
        title_tl: "Bulating Aklat",
        description_en: "Read 10 stories to the end.",
        description_tl: "Magbasa ng 10 kuwento hanggang dulo.",
        xp: 40,
        progress: goal!(stories_finished, 10),
    },
    Achievement {
        id: "fifty_reads",
        icon: "🦉",
        title_en: "Wise Owl",
        title_tl: "Marunong na Kuwago",
        description_en: "Read 50 stories to the end.",
        description_tl: "Magbasa ng 50 kuwento hanggang dulo.",
        xp: 100,
        progress: goal!(stories_finished, 50),
    },
    Achievement {
        id: "streak_3",
        icon: "🔥",
        title_en: "On a Roll",
        title_tl: "Tuloy-tuloy",
        description_en: "Read 3 days in a row.",
        description_tl: "Magbasa nang 3 araw na sunod-sunod.",
        xp: 20,
        progress: goal!(best_streak, 3),
    },
    Achievement {
        id: "streak_7",
        icon: "☀️",
        title_en: "Reading Week",
        title_tl: "Linggo ng Pagbasa",
        description_en: "Read 7 days in a row.",
        description_tl: "Magbasa nang 7 araw na sunod-sunod.",
        xp: 60,
        progress: goal!(best_streak, 7),
    },
    Achievement {
        id: "first_rating",
        icon: "⭐",
        title_en: "Critic",
        title_tl: "Kritiko",
        description_en: "Rate a story.",
        description_tl: "Bigyan ng bituin ang isang kuwento.",
        xp: 5,
        progress: goal!(ratings_given, 1),
    },
    Achievement {
        id: "first_friend",
        icon: "🤝",
        title_en: "Friendly",
        title_tl: "Palakaibigan",
        description_en: "Make your first friend.",
        description_tl: "Magkaroon ng unang kaibigan.",
        xp: 10,
        progress: goal!(friends_made, 1),
    },
    Achievement {
        id: "five_friends",
        icon: "🎉",
        title_en: "Best Buddies",
        title_tl: "Matalik na Magkaibigan",
        description_en: "Make 5 friends.",
        description_tl: "Magkaroon ng 5 kaibigan.",
        xp: 30,
        progress: goal!(friends_made, 5),
    },
    Achievement {
        id: "level_5",
        icon: "🥈",
        title_en: "Level 5",
        title_tl: "Antas 5",
        description_en: "Reach level 5.",
        description_tl: "Umabot sa antas 5.",
        xp: 0,
        progress: |s: &Stats| (level_for_xp(s.xp).min(5), 5),
    },
    Achievement {
        id: "level_10",
        icon: "🥇",
        title_en: "Level 10",
        title_tl: "Antas 10",
        description_en: "Reach level 10.",
        description_tl: "Umabot sa antas 10.",
        xp: 0,
        progress: |s: &Stats| (level_for_xp(s.xp).min(10), 10),
    },
];

/// Looks up an achievement.
pub fn achievement(id: &str) -> Option<&'static Achievement> {
    ACHIEVEMENTS.iter().find(|a| a.id == id)
}

/// Achievements whose goal `stats` reaches, excluding those already in `earned`.
pub fn newly_earned(stats: &Stats, earned: &[String]) -> Vec<&'static Achievement> {
    ACHIEVEMENTS
        .iter()
        .filter(|a| !earned.iter().any(|e| e == a.id))
        .filter(|a| {
            let (have, need) = (a.progress)(stats);
            have >= need
        })
        .collect()
}

/// The next reading streak after reading on `today`, given the last reading day.
pub fn next_streak(last_day: Option<i64>, streak: i64, today: i64) -> i64 {
    match last_day {
        Some(d) if d == today => streak.max(1),
        Some(d) if d == today - 1 => streak + 1,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_twenty_distinct_achievements() {
        assert!(ACHIEVEMENTS.len() >= 20);
        let mut ids: Vec<_> = ACHIEVEMENTS.iter().map(|a| a.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ACHIEVEMENTS.len());
    }

    #[test]
    fn achievements_unlock_at_their_goals_once() {
        let mut s = Stats {
            stories_published: 1,
            ..Default::default()
        };
        let got: Vec<_> = newly_earned(&s, &[]).iter().map(|a| a.id).collect();
        assert_eq!(got, vec!["first_story"]);
        assert!(newly_earned(&s, &["first_story".into()]).is_empty());
        s.languages_mask = 3;
        s.xp = 2000;
        let got: Vec<_> = newly_earned(&s, &["first_story".into()])
            .iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(got, vec!["bilingual", "level_5"]);
    }

    #[test]
    fn streaks_count_consecutive_days() {
        assert_eq!(next_streak(None, 0, 100), 1);
        assert_eq!(next_streak(Some(99), 4, 100), 5);
        assert_eq!(next_streak(Some(100), 5, 100), 5);
        assert_eq!(next_streak(Some(97), 5, 100), 1);
    }

    #[test]
    fn borders_unlock_by_level() {
        assert_eq!(borders_for(1), vec!["basic"]);
        assert_eq!(borders_for(5), vec!["basic", "bronze", "silver"]);
        assert_eq!(border_level("gold"), Some(10));
        assert_eq!(border_level("rainbow"), None);
    }
}

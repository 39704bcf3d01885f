//! Each genre's own heroes, places and things (ids are the English words of the lexicon), used
//! for whatever the idea did not say, and the look of the genre's pictures.

/// A genre's cast and picture style.
#[derive(Debug)]
pub struct Cast {
    /// Genre id.
    pub genre: &'static str,
    /// Heroes (and friends) to pick from.
    pub heroes: &'static [&'static str],
    /// Places to pick from.
    pub places: &'static [&'static str],
    /// Things to pick from.
    pub objects: &'static [&'static str],
    /// Picture style words.
    pub art: &'static str,
}

const OTHER: Cast = Cast {
    genre: "other",
    heroes: &[
        "girl", "boy", "cat", "robot", "turtle", "bird", "bear", "fox",
    ],
    places: &[
        "park", "river", "city", "house", "mountain", "beach", "garden", "sky",
    ],
    objects: &[
        "kite", "book", "ball", "umbrella", "balloon", "drum", "camera", "lantern",
    ],
    art: "gentle pastel colours",
};

/// One cast per genre of [`crate::domain::story::GENRES`].
pub const CASTS: &[Cast] = &[
    Cast {
        genre: "adventure",
        heroes: &[
            "explorer", "girl", "boy", "monkey", "turtle", "fox", "pirate", "dog",
        ],
        places: &[
            "jungle", "mountain", "island", "river", "cave", "desert", "forest", "sea",
        ],
        objects: &[
            "map", "compass", "rope", "lantern", "boat", "backpack", "key", "kite",
        ],
        art: "bright adventurous colours",
    },
    Cast {
        genre: "fantasy",
        heroes: &[
            "dragon", "unicorn", "fairy", "wizard", "mermaid", "giant", "owl", "knight",
        ],
        places: &[
            "castle", "kingdom", "tower", "forest", "clouds", "island", "mountain", "cave",
        ],
        objects: &[
            "wand", "crown", "star", "feather", "shell", "key", "mirror", "bell",
        ],
        art: "soft magical sparkles",
    },
    Cast {
        genre: "animals",
        heroes: &[
            "cat",
            "dog",
            "rabbit",
            "turtle",
            "owl",
            "frog",
            "elephant",
            "monkey",
            "carabao",
            "duck",
            "butterfly",
            "gecko",
        ],
        places: &[
            "forest", "farm", "jungle", "river", "zoo", "garden", "lake", "meadow",
        ],
        objects: &[
            "ball", "egg", "seed", "leaf", "basket", "mango", "flower", "bell",
        ],
        art: "warm natural colours",
    },
    Cast {
        genre: "friendship",
        heroes: &[
            "girl", "boy", "cat", "dog", "bear", "penguin", "rabbit", "squirrel",
        ],
        places: &[
            "school",
            "playground",
            "park",
            "village",
            "garden",
            "beach",
            "backyard",
            "town",
        ],
        objects: &[
            "kite", "ball", "letter", "drum", "book", "crayon", "balloon", "bicycle",
        ],
        art: "warm cheerful colours",
    },
    Cast {
        genre: "family",
        heroes: &[
            "girl", "boy", "grandma", "grandpa", "mom", "dad", "sister", "brother",
        ],
        places: &[
            "house", "kitchen", "backyard", "farm", "village", "market", "nipa hut", "beach",
        ],
        objects: &[
            "cake", "picture", "blanket", "basket", "letter", "bread", "flower", "lunchbox",
        ],
        art: "cosy warm light",
    },
    Cast {
        genre: "mystery",
        heroes: &[
            "detective",
            "cat",
            "owl",
            "fox",
            "girl",
            "boy",
            "dog",
            "mouse",
        ],
        places: &[
            "library", "museum", "house", "village", "garden", "school", "market", "tower",
        ],
        objects: &[
            "key",
            "box",
            "map",
            "magnifying glass",
            "clock",
            "letter",
            "feather",
            "coin",
        ],
        art: "soft evening light and gentle shadows",
    },
    Cast {
        genre: "science",
        heroes: &[
            "scientist",
            "robot",
            "astronaut",
            "girl",
            "boy",
            "alien",
            "owl",
            "dolphin",
        ],
        places: &[
            "laboratory",
            "outer space",
            "moon",
            "planet",
            "school",
            "garden",
            "sea",
            "sky",
        ],
        objects: &[
            "telescope",
            "rocket",
            "magnifying glass",
            "jar",
            "seed",
            "camera",
            "clock",
        ],
        art: "clean bright colours with little gadgets",
    },
    Cast {
        genre: "funny",
        heroes: &[
            "pig", "monkey", "penguin", "duck", "goat", "giraffe", "hen", "dinosaur",
        ],
        places: &[
            "farm", "kitchen", "zoo", "market", "park", "circus", "school", "bakery",
        ],
        objects: &[
            "sock", "hat", "cake", "banana", "umbrella", "shoe", "pillow", "whistle",
        ],
        art: "playful bright colours",
    },
    Cast {
        genre: "fairy_tale",
        heroes: &[
            "princess", "prince", "king", "queen", "frog", "fairy", "giant", "knight",
        ],
        places: &[
            "castle", "palace", "kingdom", "forest", "tower", "village", "garden", "bridge",
        ],
        objects: &[
            "crown", "ring", "shoe", "mirror", "apple", "bell", "star", "candle",
        ],
        art: "classic storybook fairy-tale style",
    },
    OTHER,
];

/// The cast of a genre ("other" for an unknown one).
pub fn cast(genre: &str) -> &'static Cast {
    CASTS.iter().find(|c| c.genre == genre).unwrap_or(&OTHER)
}

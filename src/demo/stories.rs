//! The demo library: short stories written for PixelTales, in English and Tagalog, each page
//! paired with a scene the `art` module draws.

/// Which picture a page gets; the text is the star of the scene.
#[derive(Debug, Clone, Copy)]
pub enum Scene {
    /// Sunny day with a tree.
    Day(&'static str),
    /// Moon and stars.
    Night(&'static str),
    /// Waves and a little boat.
    Sea(&'static str),
    /// Rain falling.
    Rain(&'static str),
    /// A house in the village.
    Village(&'static str),
    /// Mountains far away.
    Mountains(&'static str),
    /// Flowers in a garden.
    Garden(&'static str),
}

/// One demo story.
pub struct DemoStory {
    /// Index into the demo authors.
    pub author: usize,
    pub title: &'static str,
    pub summary: &'static str,
    pub language: &'static str,
    pub genres: &'static [&'static str],
    pub pages: &'static [(&'static str, Scene)],
}

use Scene::*;

/// Every demo story.
pub const STORIES: &[DemoStory] = &[
    DemoStory {
        author: 0,
        title: "The Dragon Who Sneezed",
        summary: "A tiny dragon with a tickly nose learns that flowers are not for sniffing too close.",
        language: "en",
        genres: &["fantasy", "funny"],
        pages: &[
            (
                "In a cave under the hill lived a tiny dragon called Pip.",
                Mountains("🐉"),
            ),
            (
                "Pip loved flowers, but every time he sniffed one... AH-CHOO! Out came a puff of smoke.",
                Garden("🐉"),
            ),
            (
                "The bees were cross. \"You keep blowing us away!\" they buzzed.",
                Garden("🐝"),
            ),
            (
                "So Pip planted his own flower far from the bees, and sniffed it from a polite distance.",
                Day("🌻"),
            ),
        ],
    },
    DemoStory {
        author: 3,
        title: "Moon Picnic",
        summary: "Ben packs sandwiches and a blanket for a picnic on the moon.",
        language: "en",
        genres: &["science", "funny"],
        pages: &[
            (
                "Ben packed a basket: two sandwiches, one banana and a very big blanket.",
                Village("🧺"),
            ),
            (
                "His rocket went WHOOSH past the clouds and the birds and the stars.",
                Night("🚀"),
            ),
            (
                "On the moon, his sandwich floated away. Moon crumbs everywhere!",
                Night("🥪"),
            ),
            (
                "Ben caught it in his helmet and ate it while watching the Earth rise.",
                Night("🌍"),
            ),
        ],
    },
    DemoStory {
        author: 2,
        title: "Tala and the Lost Kite",
        summary: "When the wind steals Tala's kite, new friends help her find it.",
        language: "en",
        genres: &["friendship", "adventure"],
        pages: &[
            (
                "Tala's red kite danced high above the rice fields.",
                Day("🪁"),
            ),
            (
                "Then the wind pulled hard, and the string slipped out of her hand.",
                Mountains("🪁"),
            ),
            (
                "A goat, a farmer and a boy on a bicycle all pointed the same way: the big mango tree!",
                Village("🐐"),
            ),
            (
                "Together they shook the branch until the kite floated down. Tala shared her mangoes.",
                Day("🥭"),
            ),
        ],
    },
    DemoStory {
        author: 1,
        title: "The Turtle Who Wanted to Fly",
        summary: "Pogi the turtle tries every way to fly, and finds something even better.",
        language: "en",
        genres: &["animals"],
        pages: &[
            (
                "Pogi the turtle watched the birds every morning and sighed.",
                Day("🐢"),
            ),
            (
                "He tried flapping his flippers. He tried jumping off a rock. Plop!",
                Sea("🐢"),
            ),
            (
                "Then he dived into the sea, and the water held him up like the sky holds a bird.",
                Sea("🐠"),
            ),
            (
                "\"I am flying,\" laughed Pogi, gliding past the fishes.",
                Sea("🐢"),
            ),
        ],
    },
    DemoStory {
        author: 0,
        title: "Rainy Day Band",
        summary: "Stuck inside, a family makes music out of pots, spoons and rain.",
        language: "en",
        genres: &["family", "funny"],
        pages: &[
            (
                "It rained all day, and nobody could play outside.",
                Rain("☔"),
            ),
            (
                "Maya found a pot. Papa found two spoons. Baby found a squeaky duck.",
                Village("🥁"),
            ),
            (
                "Plink, plonk, SQUEAK went the band, and the rain went pitter-patter along.",
                Rain("🎶"),
            ),
            (
                "When the sun came out, the neighbours clapped from their windows.",
                Day("👏"),
            ),
        ],
    },
    DemoStory {
        author: 2,
        title: "The Lighthouse Cat",
        summary: "Who keeps switching the lighthouse lamp off at night? A mystery by the sea.",
        language: "en",
        genres: &["mystery", "animals"],
        pages: &[
            (
                "Every night the lighthouse lamp went off, and the boats could not see the rocks.",
                Night("🌊"),
            ),
            (
                "The keeper hid behind a barrel to catch whoever did it.",
                Night("🔦"),
            ),
            (
                "It was Mingming the cat, curling up on the warm switch to sleep!",
                Night("🐈"),
            ),
            (
                "The keeper gave her a warm blanket of her own, and the lamp shone all night.",
                Sea("⛵"),
            ),
        ],
    },
    DemoStory {
        author: 3,
        title: "Grandma's Garden Secret",
        summary: "Why do Grandma's tomatoes grow so big? Ben sets out to find out.",
        language: "en",
        genres: &["family", "mystery"],
        pages: &[
            (
                "Grandma's tomatoes were the biggest in the whole town.",
                Garden("🍅"),
            ),
            (
                "Ben looked for magic seeds. He looked for a secret spray. He found nothing.",
                Garden("🔍"),
            ),
            (
                "Then he saw Grandma singing to the plants every morning.",
                Garden("👵"),
            ),
            (
                "Now Ben sings too. His tomatoes are still small, but they are very happy.",
                Garden("🎵"),
            ),
        ],
    },
    DemoStory {
        author: 1,
        title: "Little Boat, Big Sea",
        summary: "A small boat is afraid of the big waves until a storm shows how brave it is.",
        language: "en",
        genres: &["adventure"],
        pages: &[
            (
                "Little Boat stayed near the shore, where the waves were small.",
                Sea("⛵"),
            ),
            (
                "One day a storm came, and a fisherman was stuck far away.",
                Rain("⛈️"),
            ),
            (
                "Little Boat bounced over every wave, up and down, up and down.",
                Sea("🌊"),
            ),
            (
                "It brought the fisherman home, and nobody called it little again.",
                Day("🎉"),
            ),
        ],
    },
    DemoStory {
        author: 0,
        title: "Ang Pusang Takot sa Ulan",
        summary: "Si Muning ay takot sa ulan, hanggang may nakilala siyang palaka.",
        language: "tl",
        genres: &["animals", "friendship"],
        pages: &[
            (
                "Si Muning ay isang pusang takot na takot sa ulan.",
                Rain("🐈"),
            ),
            (
                "Tuwing umuulan, nagtatago siya sa ilalim ng kama.",
                Village("🐈"),
            ),
            (
                "Isang araw, may kumatok sa bintana. Isang palaka! \"Halika, maglaro tayo sa ulan!\"",
                Rain("🐸"),
            ),
            (
                "Tumalon-talon sila sa mga puddle. Hindi na takot si Muning sa ulan.",
                Rain("🌈"),
            ),
        ],
    },
    DemoStory {
        author: 1,
        title: "Si Juan at ang Higanteng Mangga",
        summary: "Nakakita si Juan ng manggang kasinlaki ng bahay. Paano niya ito kakainin?",
        language: "tl",
        genres: &["funny", "fairy_tale"],
        pages: &[
            (
                "Isang umaga, may nakitang mangga si Juan sa bakuran. Kasinlaki ito ng bahay!",
                Village("🥭"),
            ),
            (
                "Sinubukan niyang buhatin ito. Hindi niya kaya.",
                Village("💪"),
            ),
            (
                "Tinawag niya ang buong barangay. Nagdala sila ng mga kutsilyo at plato.",
                Day("🍽️"),
            ),
            (
                "Lahat ay kumain ng mangga hanggang gabi. Masaya ang buong barangay!",
                Night("😋"),
            ),
        ],
    },
    DemoStory {
        author: 2,
        title: "Ang Buwan at ang Alitaptap",
        summary: "Malungkot ang buwan dahil mag-isa siya sa langit, hanggang dumating ang mga alitaptap.",
        language: "tl",
        genres: &["fantasy", "friendship"],
        pages: &[
            (
                "Gabi-gabi, nag-iisa ang buwan sa madilim na langit.",
                Night("🌙"),
            ),
            (
                "\"Sana may kasama ako,\" bulong niya sa hangin.",
                Night("🌙"),
            ),
            (
                "Narinig siya ng mga alitaptap. Lumipad sila nang mataas, mataas, mataas.",
                Night("✨"),
            ),
            (
                "Mula noon, hindi na nag-iisa ang buwan. May mga kaibigan na siyang kumikislap.",
                Night("💛"),
            ),
        ],
    },
    DemoStory {
        author: 3,
        title: "Ang Munting Bangka",
        summary: "Isang maliit na bangka ang tumulong sa mga mangingisda.",
        language: "tl",
        genres: &["adventure"],
        pages: &[
            (
                "Sa tabing-dagat, may isang munting bangka na pula ang kulay.",
                Sea("⛵"),
            ),
            (
                "Gusto rin niyang pumalaot tulad ng malalaking bangka.",
                Sea("🚢"),
            ),
            (
                "Isang araw, naipit ang isang mangingisda sa mababaw na bahura.",
                Sea("🎣"),
            ),
            (
                "Ang munting bangka lang ang nakalapit. Nailigtas niya ang mangingisda!",
                Day("🎉"),
            ),
        ],
    },
    DemoStory {
        author: 0,
        title: "Ang Hardin ni Lola",
        summary: "Tinuruan ni Lola si Maya kung paano magtanim ng kamatis at talong.",
        language: "tl",
        genres: &["family"],
        pages: &[
            (
                "Tuwing Sabado, pumupunta si Maya sa hardin ni Lola.",
                Garden("👵"),
            ),
            (
                "Tinuruan siya ni Lola na magtanim ng buto at magdilig araw-araw.",
                Garden("🌱"),
            ),
            (
                "Pagkalipas ng ilang linggo, may maliliit na kamatis at talong na!",
                Garden("🍅"),
            ),
            (
                "Nagluto sila ng masarap na ulam para sa buong pamilya.",
                Village("🍲"),
            ),
        ],
    },
    DemoStory {
        author: 1,
        title: "Ang Kalabaw na Gustong Sumayaw",
        summary: "Si Bantay ang kalabaw ay gustong sumali sa sayawan sa pista.",
        language: "tl",
        genres: &["funny", "animals"],
        pages: &[
            (
                "Si Bantay ay isang malaking kalabaw na mahilig sa musika.",
                Day("🐃"),
            ),
            (
                "Tuwing pista, pinapanood niya ang mga batang sumasayaw ng tinikling.",
                Village("🎶"),
            ),
            (
                "Sinubukan niyang tumalon sa pagitan ng mga kawayan. Blag! Nahulog siya.",
                Village("🐃"),
            ),
            (
                "Tumawa ang lahat, pati si Bantay. Mula noon, siya na ang tagatambol sa pista!",
                Day("🥁"),
            ),
        ],
    },
];

/// Demo people: (username, display name, avatar, role).
pub const PEOPLE: &[(&str, &str, &str, &str)] = &[
    ("demo_maya", "Maya", "🦊", "child"),
    ("demo_juan", "Juan", "🐢", "child"),
    ("demo_liwayway", "Liwayway", "🌙", "child"),
    ("demo_ben", "Ben", "🚀", "child"),
    ("demo_teacher", "Ms. Reyes", "🍎", "teacher"),
];

/// Friendships among the demo children (indexes into [`PEOPLE`]).
pub const FRIENDS: &[(usize, usize)] = &[(0, 1), (0, 2), (1, 3), (2, 3)];

//! English genre templates, second half: mystery, science, funny, fairy tale, other.

use super::{Genre, Plot};

/// Mystery: puzzles and clues, never frights.
pub(super) const MYSTERY: Genre = Genre {
    label: "mystery",
    adjs: &["secret", "mysterious", "hidden", "puzzling", "curious"],
    flavor: &[
        "muddy footprint",
        "torn page",
        "trail of crumbs",
        "blue feather",
        "tiny button",
        "sticky jam fingerprint",
    ],
    openers: &[
        "{time}, {a_kind} named {hero} noticed something strange {at_place}.",
        "{hero} was {a_kind} who loved solving puzzles {at_place}.",
        "Everyone {at_place} knew that {hero}, {a_kind} with sharp eyes, could solve any puzzle.",
        "Once there was {a_kind} called {hero} who carried a notebook everywhere {at_place}.",
    ],
    setup: &[
        "{hero} wrote down every clue in a little notebook.",
        "{hero} liked to say, \"Every mystery has an answer.\"",
        "Lately, everyone {at_place} had been talking about {a_flavor}.",
        "{hero} had a keen nose and even keener eyes.",
    ],
    plots: &[
        Plot {
            goal: "find out where {object} had gone",
            problems: &[
                "One morning, {object} was gone, and only {a_flavor} was left behind.",
                "{object} had vanished from its spot, and nobody knew where it went, not even {hero}.",
            ],
            wins: &[
                "{hero} discovered that a playful puppy had borrowed {object} to play with!",
                "The clues led {hero} straight to {object}, safe and sound behind a curtain.",
            ],
        },
        Plot {
            goal: "discover where the strange humming sound was coming from",
            problems: &[
                "Every night, a strange humming sound floated through {place}, and {hero} wondered what it was.",
                "Nobody could sleep, because something {at_place} kept humming a mysterious tune.",
            ],
            wins: &[
                "{hero} found that the humming came from a family of busy bees in a brand-new hive!",
                "{hero} smiled, because the mystery sound was only the wind whistling through a tiny hole.",
            ],
        },
        Plot {
            goal: "follow the clues to the hidden surprise",
            problems: &[
                "A note appeared for {hero} with a riddle: \"Follow the clues to find a surprise!\"",
                "{hero} found {a_flavor} and a tiny arrow pointing somewhere {at_place}.",
            ],
            wins: &[
                "The last clue led to a surprise party, and {hero} laughed with delight.",
                "At the end of the trail was a box of treats with a note that said, \"Well done, {hero}!\"",
            ],
        },
    ],
    tries: &[
        "{hero} looked closely at every clue with a magnifying glass.",
        "{hero} asked everyone {at_place} what they had seen.",
        "{hero} drew a map of all the clues in a notebook.",
        "{hero} studied {a_flavor} and thought very hard.",
        "{hero} and {friend} waited quietly to see what would happen next.",
        "{hero} checked the clues again, one by one.",
    ],
    lessons: &[
        "{hero} learned that looking carefully helps you understand things.",
        "{hero} learned that asking good questions leads to good answers.",
        "{hero} learned that a puzzle is easier to solve with a friend.",
        "{hero} discovered that not everything mysterious is scary.",
        "{hero} learned that patience is a detective's best tool.",
    ],
};

/// Science.
pub(super) const SCIENCE: Genre = Genre {
    label: "science",
    adjs: &["shiny", "clever", "bright", "high-tech", "tiny"],
    flavor: &[
        "bubbling experiment",
        "rainbow prism",
        "tiny seedling",
        "homemade volcano",
        "star chart",
        "humming machine",
    ],
    openers: &[
        "{time}, {a_kind} named {hero} was doing experiments {at_place}.",
        "{hero} was {a_kind} who asked \"Why?\" about everything {at_place}.",
        "There was once {a_kind} called {hero} who wanted to understand how everything {at_place} worked.",
        "{at_place}, {a_kind} named {hero} had built a little science corner.",
    ],
    setup: &[
        "{hero}'s favourite thing of all was the {flavor}.",
        "{hero} wrote every question in a science notebook.",
        "{hero} loved the {flavor} and the {flavor2}.",
        "\"Let's find out!\" was {hero}'s favourite thing to say.",
    ],
    plots: &[
        Plot {
            goal: "help the droopy plants grow tall again",
            problems: &[
                "The plants {at_place} were droopy and sad, and nobody knew why, not even {hero}.",
                "The seeds that {hero} planted had not sprouted at all.",
            ],
            wins: &[
                "Thanks to {hero}'s experiment, the plants stood tall and green again.",
                "Little green leaves popped up everywhere, and {hero} cheered.",
            ],
        },
        Plot {
            goal: "fix the humming machine before the science fair",
            problems: &[
                "The day before the science fair, {hero}'s humming machine went quiet and stopped working.",
                "Gears were stuck and wires were tangled, and {hero}'s science fair was tomorrow!",
            ],
            wins: &[
                "With one last twist, the machine hummed back to life, and {hero} won a shiny ribbon.",
                "The machine worked perfectly, and everyone at the fair clapped for {hero} and {friend}.",
            ],
        },
        Plot {
            goal: "find out how to make a rainbow",
            problems: &[
                "{friend} asked, \"How can we make a rainbow?\" and {hero} did not know the answer.",
                "It was a grey, cloudy day, and {hero} really wanted to see a rainbow.",
            ],
            wins: &[
                "When {hero} held a glass of water in the sunlight, a tiny rainbow appeared on the wall!",
                "{hero} and {friend} danced under their very own rainbow, made with science.",
            ],
        },
    ],
    tries: &[
        "{hero} wrote down a guess and tested it carefully.",
        "{hero} measured everything with a little ruler.",
        "{hero} looked at tiny things through a magnifying glass.",
        "{hero} and {friend} tried the experiment again, changing just one thing.",
        "{hero} read a science book to learn more.",
        "{hero} used {object} in a clever new experiment.",
    ],
    lessons: &[
        "{hero} learned that mistakes are part of every experiment.",
        "{hero} learned that asking questions is the first step to learning.",
        "{hero} learned that scientists never stop being curious.",
        "{hero} discovered that careful testing leads to amazing answers.",
        "{hero} learned that science can help make the world better.",
    ],
};

/// Funny.
pub(super) const FUNNY: Genre = Genre {
    label: "funny",
    adjs: &["wobbly", "giggly", "upside-down", "bouncy", "silly"],
    flavor: &[
        "dancing sock",
        "singing sandwich",
        "bouncy pudding",
        "ticklish tree",
        "hiccupping hat",
        "jelly trampoline",
    ],
    openers: &[
        "{time}, {a_kind} named {hero} woke up with a giggle {at_place}.",
        "{hero} was {a_kind} who could make everyone {at_place} laugh.",
        "There was once {a_kind} called {hero} who wore socks on both ears {at_place}, just for fun.",
        "{at_place}, {a_kind} named {hero} was practising the world's funniest dance.",
    ],
    setup: &[
        "{hero} once saw {a_flavor} and laughed for a whole hour.",
        "Nobody could tell a joke quite like {hero}.",
        "{hero}'s best trick was balancing a spoon on the nose.",
        "Everyone still giggled about the time {hero} met {a_flavor}.",
    ],
    plots: &[
        Plot {
            goal: "stop the hiccups before the big show",
            problems: &[
                "Just before the big show, {hero} started to hiccup, and every hiccup made a funny squeak.",
                "Every time {hero} tried to talk, out came a hiccup as loud as a trumpet.",
            ],
            wins: &[
                "{friend} made such a funny face that {hero}'s hiccups stopped at once.",
                "The hiccups hopped away, and {hero}'s show was the funniest one ever.",
            ],
        },
        Plot {
            goal: "catch the bouncing {thing}",
            problems: &[
                "Suddenly, {object} began to bounce all by itself, boing, boing, boing, right past {hero}!",
                "{object} bounced out of the door and down the road, and {hero} ran after it.",
            ],
            wins: &[
                "{object} bounced right into {hero}'s arms and stopped, as if it wanted a hug.",
                "With a giant leap, {hero} caught {object}, and everybody laughed and clapped.",
            ],
        },
        Plot {
            goal: "turn everything the right way up again",
            problems: &[
                "One morning, everything {at_place} was upside down, even {hero}'s breakfast!",
                "The chairs were on the ceiling, the cups were on the floor, and {hero} was very confused.",
            ],
            wins: &[
                "{hero} sneezed a giant sneeze, and everything flipped the right way up again!",
                "With a silly dance and a big laugh, {hero} turned everything the right way up.",
            ],
        },
    ],
    tries: &[
        "{hero} tried standing on one leg while humming a tune.",
        "{hero} tried counting backwards with a bucket on the head.",
        "{hero} asked {friend} to tell the funniest joke in the world.",
        "{hero} did three somersaults and a wiggly wobble.",
        "{hero} tried to be very, very quiet, but giggled instead.",
        "{hero} put {object} on like a hat, just in case it helped.",
    ],
    lessons: &[
        "{hero} learned that laughter can make a hard day lighter.",
        "{hero} learned that being silly together is a great way to be friends.",
        "{hero} learned that even messy mistakes can turn out funny.",
        "{hero} discovered that a smile can fix more than you think.",
        "{hero} learned that it is good to laugh at yourself sometimes.",
    ],
};

/// Fairy tale.
pub(super) const FAIRY_TALE: Genre = Genre {
    label: "fairy-tale",
    adjs: &["golden", "royal", "glass", "enchanted", "precious"],
    flavor: &[
        "rose garden",
        "old stone well",
        "moonlit bridge",
        "whispering mirror",
        "tower stairs",
        "royal ballroom",
    ],
    openers: &[
        "Once upon a time, in a kingdom far away, {a_kind} named {hero} lived {at_place}.",
        "Long, long ago, {a_kind} called {hero} lived {at_place}.",
        "{time}, {a_kind} named {hero} heard the palace bells ringing {at_place}.",
        "In the days of kings and queens, {a_kind} named {hero} lived happily {at_place}.",
    ],
    setup: &[
        "Near the {flavor}, {hero} liked to dream about faraway lands.",
        "{hero} lived in a peaceful kingdom with a kind king and queen.",
        "{hero} knew an old rhyme about the {flavor}.",
        "Every evening, {hero} made a wish by the {flavor2}.",
    ],
    plots: &[
        Plot {
            goal: "wake the kingdom from a sleepy spell",
            problems: &[
                "A sleepy spell fell over the kingdom, and everyone but {hero} began to snore.",
                "Everyone except {hero} was yawning, and soon the whole kingdom was asleep.",
            ],
            wins: &[
                "{hero} rang the golden bell, and the whole kingdom woke up with a big stretch.",
                "The spell melted like snow in the sun, and the kingdom cheered for {hero}.",
            ],
        },
        Plot {
            goal: "return the lost {thing} to its owner before midnight",
            problems: &[
                "After the royal ball, {hero} found {an_object} that someone had left behind.",
                "The owner of {object} needed it back before the clock struck twelve, and only {hero} knew.",
            ],
            wins: &[
                "Just as the clock struck twelve, {hero} returned {object}, and its owner smiled gratefully.",
                "The owner of {object} was so happy that {hero} was invited to the palace for tea.",
            ],
        },
        Plot {
            goal: "help a little talking frog find its way back to the royal pond",
            problems: &[
                "A little talking frog hopped up to {hero} and said, \"I am lost!\"",
                "The talking frog could not remember the way back to the royal pond, and it looked at {hero} hopefully.",
            ],
            wins: &[
                "At the royal pond, the frog turned into a smiling prince and thanked {hero}.",
                "The little frog splashed happily into the royal pond and croaked a thank-you song for {hero}.",
            ],
        },
    ],
    tries: &[
        "{hero} asked the wise old owl of the castle for advice.",
        "{hero} climbed the winding tower stairs to look across the kingdom.",
        "{hero} followed the sound of a silver bell.",
        "{hero} wrote a polite letter to the king.",
        "{hero} and {friend} rode through the kingdom on a gentle pony.",
        "{hero} remembered the old rhyme and said it three times.",
    ],
    lessons: &[
        "{hero} learned that kindness is worth more than gold.",
        "{hero} learned that even the smallest friend can do something great.",
        "{hero} learned that keeping a promise is a royal thing to do.",
        "{hero} discovered that a good heart is the truest treasure.",
        "{hero} learned that being brave means doing the right thing, even when it is hard.",
    ],
};

/// Anything else: everyday wonder.
pub(super) const OTHER: Genre = Genre {
    label: "happy",
    adjs: &["bright", "little", "lucky", "colourful", "wonderful"],
    flavor: &[
        "flower crown",
        "paper plane",
        "sandcastle",
        "soap bubble",
        "string of lights",
        "music box",
    ],
    openers: &[
        "{time}, {a_kind} named {hero} was having an ordinary day {at_place}, or so it seemed.",
        "{hero} was {a_kind} who found something interesting {at_place} every single day.",
        "There was once {a_kind} called {hero} who loved everything about {place}.",
        "{at_place}, {a_kind} named {hero} was looking for something fun to do.",
    ],
    setup: &[
        "{hero}'s favourite thing to make was {a_flavor}.",
        "Every day, {hero} tried one new thing, just to see what would happen.",
        "{hero} thought that {place} was full of surprises.",
        "{hero} loved to watch the {flavor} and dream.",
    ],
    plots: &[
        Plot {
            goal: "find a way to cheer up the whole neighbourhood",
            problems: &[
                "Everyone {at_place} seemed grumpy and tired, and nobody was smiling, not even {friend}.",
                "The big festival was cancelled, and the whole neighbourhood felt gloomy, even {hero}.",
            ],
            wins: &[
                "{hero} started a little parade, and soon everyone was dancing and smiling.",
                "Smiles spread from face to face, and the neighbourhood felt bright again thanks to {hero}.",
            ],
        },
        Plot {
            goal: "get {object} to the big fair on time",
            problems: &[
                "The big fair was starting soon, but {object} was far too heavy for {hero} to carry alone.",
                "On the way to the fair, {hero} missed the bus, and {object} had to get there on time!",
            ],
            wins: &[
                "With a little help, {hero} arrived at the fair just in time, and {object} won first prize.",
                "Everyone at the fair gathered around {object}, and {hero} beamed with pride.",
            ],
        },
        Plot {
            goal: "make the biggest {flavor} anyone has ever seen",
            problems: &[
                "{hero} tried to make the biggest {flavor} ever, but it kept falling apart.",
                "Just as the {flavor} was almost finished, a gust of wind knocked it over, and {hero} gasped.",
            ],
            wins: &[
                "At last, the biggest {flavor} anyone had ever seen was ready, and everyone cheered for {hero}.",
                "{hero} and {friend} stepped back to admire their giant {flavor}, grinning from ear to ear.",
            ],
        },
    ],
    tries: &[
        "{hero} tried a brand-new idea that nobody had tried before.",
        "{hero} asked the neighbours for some advice.",
        "{hero} made a list of all the things that could help.",
        "{hero} and {friend} worked together, one step at a time.",
        "{hero} used {object} in a surprising new way.",
        "{hero} took a short break, drank some water and tried again.",
    ],
    lessons: &[
        "{hero} learned that one small idea can change a whole day.",
        "{hero} learned that good things happen when everyone works together.",
        "{hero} learned that a cheerful heart always finds a way.",
        "{hero} discovered that ordinary days can be full of wonder.",
        "{hero} learned that never giving up is its own kind of magic.",
    ],
};

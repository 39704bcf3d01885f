//! English genre templates, first half: adventure, fantasy, animals, friendship, family.
//!
//! A plot's problems and wins belong together (the lost thing is the thing found), so they
//! live in one [`Plot`]; openers, setup lines, tries and lessons only need the genre's mood.

use super::{Genre, Plot};

/// Adventure.
pub(super) const ADVENTURE: Genre = Genre {
    label: "adventure",
    adjs: &["old", "secret", "golden", "lucky", "trusty"],
    flavor: &[
        "hidden path",
        "rope bridge",
        "tall waterfall",
        "secret tunnel",
        "winding trail",
        "mossy stone arch",
    ],
    openers: &[
        "{time}, {a_kind} named {hero} packed a snack and set off to explore {place}.",
        "{hero} was {a_kind} who dreamed of adventures {at_place}.",
        "There was once {a_kind} called {hero} who knew every corner of {place}.",
        "{at_place}, {a_kind} named {hero} was always ready for an adventure.",
    ],
    setup: &[
        "{hero} had heard stories about {a_flavor} somewhere {at_place}.",
        "Every day, {hero} practised climbing, jumping and looking for {a_flavor}.",
        "{hero} dreamed of finding {a_flavor} that nobody had ever seen.",
        "With a brave smile, {hero} checked the path ahead.",
    ],
    plots: &[
        Plot {
            goal: "find the way back home before sunset",
            problems: &[
                "Suddenly, a strong wind blew {hero}'s trail markers away, and the way home was gone.",
                "The paths {at_place} all looked the same, and {hero} could not remember the way home.",
            ],
            wins: &[
                "At last, {hero} spotted a familiar {flavor} and followed it all the way home.",
                "Just as the sun began to set, {hero} and {friend} reached home, safe and smiling.",
            ],
        },
        Plot {
            goal: "get {object} safely to the other side of {place}",
            problems: &[
                "But a wide, wobbly stream blocked the way, and {object} must not get wet.",
                "Halfway there, {hero} found that the old path had been washed away.",
            ],
            wins: &[
                "Step by careful step, {hero} and {friend} brought {object} safely across.",
                "With one last brave jump, {hero} reached the other side, and {object} was safe and dry.",
            ],
        },
        Plot {
            goal: "find the {flavor} from the old stories",
            problems: &[
                "But the old stories had a missing part, right where the {flavor} should be.",
                "Everyone said the {flavor} was only a legend, and {hero} began to wonder.",
            ],
            wins: &[
                "Behind a curtain of vines, {hero} finally found the {flavor}, just like in the stories.",
                "There it was, the {flavor}, even more wonderful than {hero} had imagined.",
            ],
        },
    ],
    tries: &[
        "{hero} climbed a tall rock to look far into the distance.",
        "{hero} followed a line of tiny footprints along the trail.",
        "{hero} used {object} to work out which way to go.",
        "{hero} crossed a bubbly little stream, stepping from stone to stone.",
        "{hero} and {friend} tied a bright ribbon on each tree they passed, so they would not get lost.",
        "{hero} tried a narrow path that wiggled between two big boulders.",
    ],
    lessons: &[
        "{hero} learned that every big adventure starts with one small, brave step.",
        "{hero} learned that a good explorer is patient and careful.",
        "{hero} discovered that the best adventures are shared with friends.",
        "{hero} learned that it is okay to feel scared and still be brave.",
        "{hero} learned that getting lost can teach you how to find your way.",
    ],
};

/// Fantasy.
pub(super) const FANTASY: Genre = Genre {
    label: "magical",
    adjs: &["silver", "magic", "glowing", "enchanted", "starry"],
    flavor: &[
        "rainbow bridge",
        "talking tree",
        "sparkling fountain",
        "cloud staircase",
        "singing flower",
        "wishing well",
    ],
    openers: &[
        "In a land of magic, {a_kind} named {hero} lived {at_place}.",
        "{time}, {a_kind} called {hero} noticed that {place} was shimmering with magic.",
        "Once upon a time, {a_kind} named {hero} lived {at_place} and could see tiny sparkles that no one else could.",
        "{hero} was {a_kind} who lived {at_place}, where even the pebbles could hum.",
    ],
    setup: &[
        "Every evening, {hero} visited the {flavor} to say hello.",
        "Legend said that {a_flavor} was hidden somewhere {at_place}.",
        "{hero} loved the {flavor2}, which glowed softly at night.",
        "Tiny sparkles floated in the air wherever {hero} walked.",
    ],
    plots: &[
        Plot {
            goal: "bring the colours back to {place}",
            problems: &[
                "One morning, all the colours {at_place} had faded to grey.",
                "A sleepy spell had drained the colours from the flowers, the sky and even {object}.",
            ],
            wins: &[
                "With {hero}'s gentle wish, the colours came flooding back, brighter than ever.",
                "Red, blue, green and gold danced back into {place}, and {hero} clapped with joy.",
            ],
        },
        Plot {
            goal: "wake up the sleepy {flavor}",
            problems: &[
                "But the {flavor} had fallen into a deep, deep sleep, and the magic was fading.",
                "Without the {flavor}, the magic {at_place} grew quieter each day, and {hero} missed it.",
            ],
            wins: &[
                "{hero} sang a soft song, and the {flavor} woke up with a big, sparkly yawn.",
                "The {flavor} woke at last, and magic twinkled all around {hero}.",
            ],
        },
        Plot {
            goal: "make {object} shine again",
            problems: &[
                "Suddenly, the magic inside {object} began to flicker and fade.",
                "{object} had lost its sparkle, and nobody knew how to bring it back.",
            ],
            wins: &[
                "With one kind word from {hero}, {object} began to glow again, brighter than the moon.",
                "{object} sparkled once more, and {hero} laughed with delight.",
            ],
        },
    ],
    tries: &[
        "{hero} whispered a gentle wish into the wind.",
        "{hero} asked the {flavor} for a little advice.",
        "{hero} waved {object} three times, just like in the old rhyme.",
        "{hero} gathered glowing dewdrops in a tiny cup.",
        "{hero} followed a trail of floating sparkles.",
        "{hero} and {friend} searched for a golden feather, which the stories said could help.",
    ],
    lessons: &[
        "{hero} learned that the strongest magic is kindness.",
        "{hero} learned that believing in yourself makes wonderful things happen.",
        "{hero} learned that a little wonder can brighten the whole world.",
        "{hero} discovered that true magic grows when it is shared.",
        "{hero} learned that gentle words can work like a spell.",
    ],
};

/// Animals.
pub(super) const ANIMALS: Genre = Genre {
    label: "animal",
    adjs: &["shiny", "little", "speckled", "round", "lucky"],
    flavor: &[
        "guava bush",
        "hollow log",
        "muddy puddle",
        "bird's nest",
        "sweet potato patch",
        "sunny rock",
    ],
    openers: &[
        "{at_place}, {a_kind} named {hero} woke up with a big stretch and a yawn.",
        "{time}, {a_kind} called {hero} scampered happily around {place}.",
        "{hero} was {a_kind} who lived {at_place} with lots of animal neighbours.",
        "Once there was {a_kind} named {hero}, the friendliest friend {at_place}.",
    ],
    setup: &[
        "{hero}'s favourite spot was {a_flavor} where the animals liked to meet.",
        "All the animals knew {hero} as the one who always shared.",
        "Every morning, {hero} said hello to the ducks, the ants and the butterflies.",
        "{hero} liked to nap beside the {flavor} when {weather}.",
    ],
    plots: &[
        Plot {
            goal: "help a lost baby bird get back to its nest",
            problems: &[
                "Suddenly, {hero} heard a tiny cheep, because a baby bird had fallen out of its nest!",
                "A little bird was sitting alone beside the {flavor}, far away from its home.",
            ],
            wins: &[
                "Carefully, {hero} and {friend} helped the baby bird back into its cosy nest.",
                "The mother bird sang a thank-you song as her baby snuggled safely home, and {hero} beamed.",
            ],
        },
        Plot {
            goal: "gather enough food for all the animals before the big rain",
            problems: &[
                "Dark clouds were coming, and the animals {at_place} had not gathered any food yet.",
                "The {flavor} was empty, and everyone's tummies were rumbling, even {hero}'s.",
            ],
            wins: &[
                "Just before the first raindrops fell, {hero} and the animals had plenty of food for everyone.",
                "Everyone shared what they found, and thanks to {hero} there was enough for every animal {at_place}.",
            ],
        },
        Plot {
            goal: "get {object} back from the top of the tallest tree",
            problems: &[
                "A gust of wind lifted {object} and dropped it high in a tall tree, far above {hero}!",
                "A cheeky crow flew off with {object} and left it at the top of the tallest tree.",
            ],
            wins: &[
                "Standing on each other's shoulders, {hero} and the animals reached {object} at last.",
                "{friend} gave {hero} a boost, and {hero} brought {object} safely down.",
            ],
        },
    ],
    tries: &[
        "{hero} sniffed the air to find the right way.",
        "{hero} asked the wise old owl for some advice.",
        "{hero} called all the animals together for a meeting.",
        "{hero} hopped onto the {flavor} to see better.",
        "{hero} and {friend} followed a trail of tiny paw prints.",
        "{hero} borrowed a long, strong vine from a friendly monkey.",
    ],
    lessons: &[
        "{hero} learned that every animal, big or small, has something to give.",
        "{hero} learned that helping others makes your heart feel warm.",
        "{hero} learned that working together makes everyone stronger.",
        "{hero} discovered that being gentle with nature is always wise.",
        "{hero} learned that good neighbours look after each other.",
    ],
};

/// Friendship.
pub(super) const FRIENDSHIP: Genre = Genre {
    label: "friendship",
    adjs: &["favourite", "bright", "colourful", "happy", "special"],
    flavor: &[
        "secret handshake",
        "friendship bracelet",
        "picnic blanket",
        "chalk drawing",
        "paper boat",
        "cardboard castle",
    ],
    openers: &[
        "{time}, {a_kind} named {hero} was waiting for a friend {at_place}.",
        "{hero} was {a_kind} who loved making friends {at_place}.",
        "Everybody {at_place} liked {hero}, {a_kind} with the biggest smile around.",
        "Once there was {a_kind} named {hero} who thought {place} was the best place to play.",
    ],
    setup: &[
        "{hero} and {friend} had {a_flavor} that only the two of them knew about.",
        "Every afternoon, {hero} and {friend} played together until the sun went down.",
        "{hero} had made {a_flavor} as a present for {friend}.",
        "{hero} always saved the last cookie to share with a friend.",
    ],
    plots: &[
        Plot {
            goal: "help two grumpy neighbours become friends again",
            problems: &[
                "Two neighbours {at_place} had a big disagreement about {object}, and now they would not even say hello.",
                "Because of a disagreement, two neighbours sat on opposite sides of {place}, looking grumpy, and {hero} felt sad for them.",
            ],
            wins: &[
                "Thanks to {hero}, the two neighbours said sorry and shook hands.",
                "Soon the two neighbours were laughing together, and {hero} and {friend} cheered.",
            ],
        },
        Plot {
            goal: "help a shy newcomer feel welcome",
            problems: &[
                "A shy newcomer arrived {at_place}, and nobody had said hello yet, not even {hero}.",
                "The newcomer sat all alone, looking at the ground, and {hero} noticed.",
            ],
            wins: &[
                "Thanks to {hero}, the newcomer smiled a big smile and joined in the game.",
                "Soon {hero}, {friend} and the newcomer were laughing together like old friends.",
            ],
        },
        Plot {
            goal: "finish the {flavor} in time for the big day",
            problems: &[
                "But halfway through, the {flavor} fell apart, and the big day was tomorrow!",
                "{hero} and {friend} could not agree on how to make the {flavor}, and nothing was getting done.",
            ],
            wins: &[
                "By taking turns and listening, {hero} and {friend} finished the {flavor} just in time.",
                "The {flavor} was finished, and it was even better because {hero} and {friend} made it together.",
            ],
        },
    ],
    tries: &[
        "{hero} tried to listen carefully, without interrupting.",
        "{hero} drew a picture to show how {hero} felt.",
        "{hero} asked, \"What would make you happy?\"",
        "{hero} shared {object}, even though it was hard.",
        "{hero} and {friend} took turns choosing what to do.",
        "{hero} wrote a little note with a big smiley face.",
    ],
    lessons: &[
        "{hero} learned that saying sorry can fix a lot of things.",
        "{hero} learned that good friends listen to each other.",
        "{hero} learned that there is always room for one more friend.",
        "{hero} discovered that friends don't have to agree on everything to care about each other.",
        "{hero} learned that sharing turns a small joy into a big one.",
    ],
};

/// Family.
pub(super) const FAMILY: Genre = Genre {
    label: "family",
    adjs: &["cosy", "old", "special", "beloved", "little"],
    flavor: &[
        "family photo album",
        "big wooden table",
        "recipe book",
        "vegetable garden",
        "hammock",
        "old rocking chair",
    ],
    openers: &[
        "{time}, {a_kind} named {hero} woke up to the smell of breakfast {at_place}.",
        "{hero} was {a_kind} who lived {at_place} with a big, loving family.",
        "There was once {a_kind} named {hero} whose family gathered {at_place} every weekend.",
        "{at_place}, {a_kind} called {hero} was helping the family get ready for a special day.",
    ],
    setup: &[
        "The whole family loved sitting together near the {flavor}.",
        "{hero}'s family always said that home is wherever you are together.",
        "On weekends, {hero} helped water the plants and sweep the floor.",
        "{hero} loved looking at the {flavor} and hearing family stories.",
    ],
    plots: &[
        Plot {
            goal: "get everything ready for Grandma's birthday surprise",
            problems: &[
                "Grandma's birthday was today, but the surprise was not ready at all, and {hero} gasped!",
                "Oh dear, the cake for Grandma's birthday had come out as flat as a pancake, and {hero} stared at it.",
            ],
            wins: &[
                "When Grandma came in, everyone shouted \"Surprise!\" and she hugged {hero} tight.",
                "Grandma said {hero}'s surprise made it her happiest birthday ever.",
            ],
        },
        Plot {
            goal: "find {object} before the family trip",
            problems: &[
                "The family trip was about to begin, but {object} was nowhere to be found!",
                "Everyone searched high and low, but {object} had simply disappeared, and {hero} frowned.",
            ],
            wins: &[
                "{hero} found {object} tucked beside the {flavor}, right where it had been all along!",
                "With {object} safe in {hero}'s hands, the whole family set off, singing happily.",
            ],
        },
        Plot {
            goal: "help baby cousin fall asleep",
            problems: &[
                "Baby cousin would not stop crying, and everyone, even {hero}, was getting very tired.",
                "It was bedtime, but baby cousin was wide awake and very fussy, and {hero} did not know why.",
            ],
            wins: &[
                "{hero} hummed a soft lullaby, and baby cousin drifted off to sleep with a smile.",
                "At last, baby cousin yawned, snuggled up and fell fast asleep, and {hero} tiptoed away.",
            ],
        },
    ],
    tries: &[
        "{hero} asked the grown-ups for their best idea.",
        "{hero} looked in every drawer and cupboard {at_place}.",
        "{hero} sang the family song, just like Grandpa taught.",
        "{hero} and {friend} worked side by side, just like a team.",
        "{hero} remembered a helpful trick that Grandma once shared.",
        "{hero} made a checklist and ticked off each job, one by one.",
    ],
    lessons: &[
        "{hero} learned that families are strongest when everyone helps.",
        "{hero} learned that love is the best ingredient of all.",
        "{hero} learned that small kindnesses at home make big smiles.",
        "{hero} discovered that being together matters more than being perfect.",
        "{hero} learned that every member of a family is important.",
    ],
};

//! English lines for the problems an idea can name (see `trouble`). Short, plain sentences:
//! the young reader's telling picks the shortest.

use super::Plot;
use super::trouble_lines::Lines;

pub(super) static FEAR: Lines = Lines {
    plot: Plot {
        goal: "be brave about {trouble}",
        problems: &[
            "But {hero} was afraid of {trouble}.",
            "There was one problem: {hero} was scared of {trouble}.",
            "{hero} loved everything, except {trouble}, because {trouble} was so scary.",
        ],
        wins: &[
            "{hero} looked at {trouble} and was not scared anymore.",
            "{hero} found a way to be brave: one small step at a time.",
            "{hero} faced {trouble} with a brave smile, and the scary feeling went away.",
        ],
    },
    tries: &[
        "{hero} took one small step toward {trouble}.",
        "{friend} held {hero}'s hand, and they looked at {trouble} together.",
        "{hero} sang a little song to feel brave.",
        "{hero} counted to three and did not run away.",
        "{hero} took a big breath and thought of happy things.",
    ],
    lessons: &[
        "{hero} learned that being brave means trying, even when you feel scared.",
        "{hero} learned that a good friend makes scary things feel small.",
        "{hero} learned that everyone feels scared sometimes, and that is okay.",
    ],
    titles: &["{hero} the {kind} and {trouble}", "Brave {hero} the {kind}"],
};

pub(super) static LOST: Lines = Lines {
    plot: Plot {
        goal: "find {object}",
        problems: &[
            "Then one day, {hero}'s {thing} was gone!",
            "Oh no! {hero} could not find {object} anywhere.",
        ],
        wins: &[
            "There it was! {hero} found {object} at last.",
            "{friend} laughed and pointed, and there was {object}!",
        ],
    },
    tries: &[
        "{hero} looked under every rock {at_place}.",
        "{hero} asked everyone, \"Have you seen my {thing}?\"",
        "{hero} and {friend} followed some tiny tracks.",
        "{hero} thought hard about where the {thing} was last.",
    ],
    lessons: &[
        "{hero} learned to keep special things safe.",
        "{hero} learned that looking carefully helps you find things.",
    ],
    titles: &["{hero} and the Lost {thing}", "Where Is {hero}'s {thing}?"],
};

pub(super) static LOST_WAY: Lines = Lines {
    plot: Plot {
        goal: "find the way home",
        problems: &[
            "But {hero} got lost and did not know the way home.",
            "Suddenly, nothing looked familiar, and {hero} was lost.",
        ],
        wins: &[
            "At last, {hero} saw home, just over the hill!",
            "{hero} and {friend} walked home together, safe and happy.",
        ],
    },
    tries: &[
        "{hero} climbed up high to look for the way home.",
        "{hero} followed little footprints on the ground.",
        "{hero} asked {friend}, \"Do you know the way home?\"",
    ],
    lessons: &[
        "{hero} learned to ask for help when lost.",
        "{hero} learned to stay calm and think.",
    ],
    titles: &["{hero} Finds the Way Home", "{hero} the {kind} Is Lost"],
};

pub(super) static LONELY: Lines = Lines {
    plot: Plot {
        goal: "make a new friend",
        problems: &[
            "But {hero} felt lonely, with no friends to play with.",
            "{hero} wished for a friend to play with.",
        ],
        wins: &[
            "{friend} smiled and said, \"Yes! Let's be friends!\"",
            "Soon {hero} and {friend} were laughing together.",
        ],
    },
    tries: &[
        "{hero} smiled and said hello to someone new.",
        "{hero} shared a snack with a shy little {friend_kind}.",
        "{hero} asked, \"Do you want to play with me?\"",
    ],
    lessons: &[
        "{hero} learned that a friendly hello can start a friendship.",
        "{hero} learned that everyone needs a friend.",
    ],
    titles: &["{hero} Finds a Friend", "A Friend for {hero}"],
};

pub(super) static WISH: Lines = Lines {
    plot: Plot {
        goal: "{trouble}",
        problems: &[
            "More than anything, {hero} wanted to {trouble}.",
            "Every night, {hero} dreamed of a way to {trouble}.",
        ],
        wins: &[
            "At last, {hero} was able to {trouble}!",
            "{hero}'s big dream came true, and {hero} could {trouble}!",
        ],
    },
    tries: &[
        "{hero} practised every single day.",
        "{hero} made a plan to {trouble}.",
        "{friend} said, \"I will help you!\"",
    ],
    lessons: &[
        "{hero} learned that big dreams come true one small step at a time.",
        "{hero} learned to never stop dreaming.",
    ],
    titles: &["{hero}'s Big Dream", "{hero} the {kind} Dreams Big"],
};

pub(super) static CANNOT: Lines = Lines {
    plot: Plot {
        goal: "learn to {trouble}",
        problems: &[
            "But {hero} could not {trouble} yet.",
            "Everyone else could {trouble}, but not {hero}.",
        ],
        wins: &[
            "One day, {hero} could {trouble} all alone!",
            "{hero} tried one more time, and this time {hero} could {trouble}!",
        ],
    },
    tries: &[
        "{hero} tried to {trouble}, but it was hard.",
        "{friend} showed {hero} how to {trouble}, slowly.",
        "{hero} practised again and again.",
    ],
    lessons: &[
        "{hero} learned that practice makes hard things easier.",
        "{hero} learned that it is okay to learn slowly.",
    ],
    titles: &[
        "{hero} Learns to {trouble}",
        "{hero} the {kind} Keeps Trying",
    ],
};

//! The words the starter recognises in an idea and puts into a story: heroes, places and things,
//! each with its English and Tagalog spellings on one line.
//!
//! One line per word (rather than a struct literal per word) keeps the table short enough to
//! read and easy to grow: `"english forms | tagalog forms | ... | picture"`. The first form of
//! each language is the one the story uses; the others are only recognised. Both languages are
//! recognised whatever the story's language, so "a pusa in the forest" still finds a cat.
//! A leading `~` on the English word means it takes no "the" ("outer space").

use crate::domain::games::{Rng, fold};

/// A word's role in a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Someone the story can be about: an animal, a person, a creature.
    Hero,
    /// Where the story happens.
    Place,
    /// A thing the hero has, loses or uses.
    Object,
}

/// One recognised word, read from a table line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    en_forms: &'static str,
    tl_forms: &'static str,
    /// What it looks like, in English, for picture prompts ("a little green turtle").
    pub look: &'static str,
    /// English preposition for "where" ("by" the river); empty for heroes and things.
    pub prep: &'static str,
    /// Suggested sticker scene; empty for heroes and things.
    pub scene: &'static str,
    /// "f" or "m" for a hero that is a girl or a boy (a queen, a dad); empty otherwise.
    pub gender: &'static str,
}

impl Word {
    /// The English word the story uses, without article ("turtle", "outer space").
    pub fn en(&self) -> &'static str {
        first(self.en_forms).trim_start_matches('~')
    }

    /// The Tagalog word the story uses ("pagong", "mga ulap").
    pub fn tl(&self) -> &'static str {
        first(self.tl_forms)
    }

    /// True when the English word is used without "the" ("outer space").
    pub fn en_bare(&self) -> bool {
        first(self.en_forms).starts_with('~')
    }

    /// Every spelling that names this word, in both languages.
    pub fn forms(&self) -> impl Iterator<Item = &'static str> {
        self.en_forms
            .split(',')
            .chain(self.tl_forms.split(','))
            .map(|f| f.trim().trim_start_matches('~'))
            .filter(|f| !f.is_empty())
    }
}

fn first(forms: &'static str) -> &'static str {
    forms.split(',').next().unwrap_or("").trim()
}

/// Heroes: `english | tagalog | picture | f or m` (the last only where the word is a girl or a
/// boy, so a made-up name fits: no "Rosa, a boy").
const HEROES: &[&str] = &[
    "cat, kitten, kitty | pusa, kuting, muning | a small orange cat",
    "dog, puppy | aso, tuta | a friendly brown puppy",
    "rabbit, bunny | kuneho | a fluffy white rabbit",
    "turtle, tortoise | pagong | a little green turtle",
    "bird | ibon | a small blue bird",
    "owl | kuwago | a wise round owl",
    "duck, duckling | pato, bibe | a yellow duckling",
    "hen, chicken, chick | manok, sisiw, inahin | a fluffy little hen",
    "frog | palaka | a bright green frog",
    "fish | isda | a colourful little fish",
    "mouse, mice | daga | a tiny grey mouse",
    "elephant | elepante | a gentle baby elephant",
    "lion | leon | a friendly lion cub",
    "tiger | tigre | a playful tiger cub",
    "monkey | unggoy, matsing | a cheeky little monkey",
    "bear | oso | a cuddly brown bear",
    "fox | soro | a clever red fox",
    "horse, pony | kabayo | a gentle spotted pony",
    "pig, piglet | baboy, biik | a pink piglet",
    "cow | baka | a friendly spotted cow",
    "goat | kambing | a little white goat",
    "carabao, water buffalo | kalabaw | a gentle grey carabao",
    "butterfly | paruparo | a bright yellow butterfly",
    "bee | bubuyog | a busy little bee",
    "ant | langgam | a tiny hardworking ant",
    "snail | kuhol | a slow little snail",
    "dolphin | lumba-lumba | a smiling dolphin",
    "whale | balyena | a gentle blue whale",
    "penguin | penguin | a little penguin",
    "giraffe | dyirap | a tall spotted giraffe",
    "panda | panda | a round black and white panda",
    "squirrel | ardilya | a quick little squirrel",
    "deer | usa | a gentle young deer",
    "crab | alimango, alimasag, talangka | a little red crab",
    "octopus | pugita | a friendly purple octopus",
    "gecko, lizard | tuko, butiki | a little green gecko",
    "dragon | dragon | a small friendly dragon",
    "unicorn | unicorn | a shining white unicorn",
    "fairy, fairies | diwata, engkantada | a tiny sparkling fairy",
    "mermaid | sirena | a cheerful mermaid | f",
    "giant | higante | a gentle smiling giant",
    "robot | robot | a friendly little robot",
    "alien | alien | a friendly green alien",
    "dinosaur | dinosaur, dinosauro | a small friendly dinosaur",
    "princess | prinsesa | a kind young princess | f",
    "prince | prinsipe | a kind young prince | m",
    "king | hari | a jolly old king | m",
    "queen | reyna | a kind queen | f",
    "knight | kabalyero | a brave young knight",
    "wizard | salamangkero | a kind old wizard",
    "girl | batang babae, dalagita | a cheerful little girl | f",
    "boy | batang lalaki, binatilyo | a cheerful little boy | m",
    "child, kid, children | bata | a curious child",
    "grandma, granny, grandmother | lola | a smiling grandma | f",
    "grandpa, grandfather | lolo | a smiling grandpa | m",
    "mom, mother, mommy, mum | nanay, inay | a caring mother | f",
    "dad, father, daddy | tatay, itay | a caring father | m",
    "sister | kapatid na babae | a cheerful big sister | f",
    "brother | kapatid na lalaki, kuya | a cheerful big brother | m",
    "teacher | guro, titser | a kind teacher",
    "scientist | siyentipiko | a curious young scientist",
    "astronaut | astronaut, astronawta | a little astronaut",
    "pirate | pirata | a friendly pirate",
    "explorer | manlalakbay | a young explorer with a backpack",
    "detective | detektib | a young detective",
    "farmer | magsasaka | a cheerful farmer",
    "fisherman, fisher | mangingisda | a cheerful fisherman",
    "baker | panadero | a cheerful baker",
    "doctor | doktor | a kind doctor",
    "chef, cook | kusinero, tagaluto | a smiling chef",
];

/// Places: `english | tagalog | english preposition | scene | picture`.
const PLACES: &[&str] = &[
    "forest, woods | gubat | in | forest | a green forest full of tall trees",
    "jungle, rainforest | masukal na gubat, kagubatan | in | forest | a lush green jungle",
    "tree, treehouse, tree house | punongkahoy | up in | forest | a big leafy tree",
    "garden | hardin, halamanan | in | forest | a garden full of flowers",
    "park | parke, liwasan | in | city | a sunny park with green grass",
    "beach, seashore, shore | dalampasigan, tabing-dagat | at | sea | a sandy beach with gentle waves",
    "sea, ocean | dagat, karagatan | by | sea | the wide blue sea",
    "river, stream | ilog, sapa | by | sea | a sparkling blue river",
    "lake, pond | lawa | by | sea | a calm lake with lily pads",
    "island | isla, pulo | on | sea | a small green island",
    "mountain | bundok | on | mountain | a tall green mountain",
    "hill | burol | on | mountain | a grassy hill",
    "cave | kuweba, yungib | in | mountain | a cosy cave with shiny rocks",
    "desert | disyerto | in | mountain | a warm sandy desert",
    "meadow, field | parang | in | farm | a wide meadow of tall grass",
    "farm | bukid, sakahan | on | farm | a busy little farm",
    "barn | kamalig | in | farm | a red barn full of hay",
    "rice field, rice paddy | palayan | by | farm | bright green rice fields",
    "zoo | zoo | at | city | a cheerful zoo",
    "circus | sirko | at | city | a colourful circus tent",
    "city | lungsod, lunsod, siyudad | in | city | a busy city with tall buildings",
    "town | bayan | in | city | a small friendly town",
    "village | nayon, baryo | in | farm | a small village with little houses",
    "market | palengke, pamilihan | at | city | a busy market full of fruit",
    "bakery | panaderya | at | city | a warm little bakery",
    "museum | museo | in | city | a big quiet museum",
    "library | aklatan, silid-aklatan | in | school | a cosy library full of books",
    "school | paaralan, eskuwelahan | at | school | a cheerful school",
    "classroom | silid-aralan | in | school | a bright classroom",
    "playground | palaruan | at | school | a colourful playground",
    "laboratory, lab | laboratoryo | in | school | a tidy laboratory with bubbling jars",
    "house, home | bahay, tahanan | at | home | a cosy little house",
    "nipa hut, bahay kubo | bahay kubo, kubo | at | home | a little nipa hut on stilts",
    "kitchen | kusina | in | home | a warm kitchen",
    "bedroom, room | kuwarto, silid | in | home | a cosy bedroom",
    "backyard, yard | bakuran | in | home | a leafy backyard",
    "castle | kastilyo | in | castle | a tall castle with flags",
    "palace | palasyo | in | castle | a shining palace",
    "tower | tore | in | castle | a tall stone tower",
    "kingdom | kaharian | in | castle | a faraway kingdom",
    "bridge | tulay | by | city | an old wooden bridge",
    "sky | langit, himpapawid | up in | sky | a wide blue sky",
    "clouds, cloud | mga ulap, ulap | up in | sky | soft fluffy clouds",
    "moon | buwan | on | space | the silver moon",
    "~outer space, space | kalawakan | in | space | outer space full of colourful planets",
    "planet | planeta | on | space | a faraway purple planet",
    "space station | istasyong pangkalawakan | on | space | a shiny space station",
];

/// Things: `english | tagalog | picture`.
const OBJECTS: &[&str] = &[
    "lantern | parol, lampara | a glowing paper lantern",
    "kite | saranggola | a colourful kite",
    "ball | bola | a bouncy red ball",
    "book | aklat, libro | a big picture book",
    "map | mapa | an old treasure map",
    "key | susi | a tiny golden key",
    "box | kahon | a little wooden box",
    "hat | sumbrero, sombrero | a funny floppy hat",
    "umbrella | payong | a bright yellow umbrella",
    "boat | bangka | a small wooden boat",
    "balloon | lobo | a big red balloon",
    "bicycle, bike | bisikleta | a shiny blue bicycle",
    "drum | tambol | a little drum",
    "guitar | gitara | a small guitar",
    "crown | korona | a sparkly crown",
    "wand | patpat | a sparkly magic wand",
    "star | bituin | a shining star",
    "shell, seashell | kabibe | a pretty seashell",
    "seed | binhi, buto | a tiny seed",
    "flower | bulaklak | a bright flower",
    "egg | itlog | a big speckled egg",
    "cake | keyk | a yummy birthday cake",
    "bread | tinapay, pandesal | a warm loaf of bread",
    "mango | mangga | a ripe yellow mango",
    "banana | saging | a bunch of bananas",
    "apple | mansanas | a shiny red apple",
    "shoe, slipper | sapatos, tsinelas | a shiny little shoe",
    "sock | medyas | a striped sock",
    "blanket | kumot | a soft patchwork blanket",
    "pillow | unan | a fluffy pillow",
    "clock | orasan | an old ticking clock",
    "bell | kampana, kampanilya | a little silver bell",
    "camera | kamera | an old camera",
    "telescope | teleskopyo | a shiny telescope",
    "rocket | rocket | a toy rocket",
    "magnifying glass, magnifier | lente | a big magnifying glass",
    "compass | kompas | a brass compass",
    "rope | lubid | a long rope",
    "basket | bayong, basket | a woven basket",
    "backpack, bag | bag, backpack | a sturdy backpack",
    "lunchbox, lunch box | baunan | a bright lunchbox",
    "letter, note | liham, sulat | a folded letter",
    "picture, photo, drawing, painting | larawan, litrato | a colourful picture",
    "mirror | salamin | a round mirror",
    "ring | singsing | a tiny ring",
    "necklace | kuwintas | a shell necklace",
    "feather | balahibo | a long shiny feather",
    "leaf, leaves | dahon | a big green leaf",
    "pebble, stone, rock | bato | a smooth shiny pebble",
    "coin | barya | a shiny coin",
    "candle | kandila | a little candle",
    "whistle | silbato | a silver whistle",
    "crayon | krayola | a box of crayons",
    "paintbrush, brush | pinsel | a paintbrush",
    "jar | garapon | a glass jar",
    "bottle | bote | a glass bottle",
    "toy | laruan | a favourite toy",
    "puzzle | palaisipan, puzzle | a jigsaw puzzle",
    "treasure | kayamanan | a little treasure chest",
];

fn table(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Hero => HEROES,
        Kind::Place => PLACES,
        Kind::Object => OBJECTS,
    }
}

fn parse(kind: Kind, line: &'static str) -> Word {
    let mut fields = line.split('|').map(str::trim);
    let en_forms = fields.next().unwrap_or("");
    let tl_forms = fields.next().unwrap_or("");
    let (prep, scene) = match kind {
        Kind::Place => (fields.next().unwrap_or("in"), fields.next().unwrap_or("")),
        Kind::Hero | Kind::Object => ("", ""),
    };
    let look = fields.next().unwrap_or("");
    Word {
        en_forms,
        tl_forms,
        look,
        prep,
        scene,
        gender: fields.next().unwrap_or(""),
    }
}

/// Every word of a kind, in table order.
pub fn all(kind: Kind) -> impl Iterator<Item = Word> {
    table(kind)
        .iter()
        .copied()
        .map(move |line| parse(kind, line))
}

/// The word whose English form is `id`.
pub fn by_id(kind: Kind, id: &str) -> Option<Word> {
    all(kind).find(|w| w.en() == id)
}

/// Used only if a genre's list names no known word, so a story is always possible.
fn fallback(kind: Kind) -> Word {
    all(kind).next().unwrap_or(Word {
        en_forms: "friend",
        tl_forms: "kaibigan",
        look: "a friendly child",
        prep: "in",
        scene: "forest",
        gender: "",
    })
}

/// A random word of `kind` from `ids`, never `exclude` (unless nothing else is left).
pub fn pick(kind: Kind, ids: &[&str], exclude: Option<&str>, rng: &mut Rng) -> Word {
    let options: Vec<Word> = ids
        .iter()
        .filter(|id| Some(**id) != exclude)
        .filter_map(|id| by_id(kind, id))
        .collect();
    options
        .get(rng.below(options.len()))
        .copied()
        .or_else(|| ids.first().and_then(|id| by_id(kind, id)))
        .unwrap_or_else(|| fallback(kind))
}

/// True when a folded idea word names any known word (so a capitalised "Lola" or "River" is
/// not taken for a name).
pub fn known(key: &str) -> bool {
    [Kind::Hero, Kind::Place, Kind::Object]
        .iter()
        .any(|&kind| names_kind(kind, key))
}

/// True when a folded idea word is a one-word form of a word of `kind` ("lola", "kitty").
pub fn names_kind(kind: Kind, key: &str) -> bool {
    all(kind).any(|w| {
        w.forms()
            .any(|f| !f.contains(' ') && same_word(key, &fold(f)))
    })
}

/// Where a word was found in the idea.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    /// Index of its first token.
    pub start: usize,
    /// The word.
    pub word: Word,
}

/// Words of `kind` in the idea's folded tokens, in order, skipping `taken` tokens. Where two
/// forms overlap ("space station" and "space") the longer wins, so one phrase is one word.
pub fn find(kind: Kind, keys: &[&str], taken: &[bool]) -> Vec<Hit> {
    let mut hits: Vec<(usize, usize, Word)> = Vec::new();
    for word in all(kind) {
        for form in word.forms() {
            let parts: Vec<String> = form
                .split_whitespace()
                .map(fold)
                .filter(|p| !p.is_empty())
                .collect();
            if parts.is_empty() || parts.len() > keys.len() {
                continue;
            }
            for start in 0..=keys.len() - parts.len() {
                let free =
                    (start..start + parts.len()).all(|i| !taken.get(i).copied().unwrap_or(false));
                let here = keys.get(start..).unwrap_or(&[]);
                if free && parts.iter().zip(here).all(|(p, k)| same_word(k, p)) {
                    hits.push((start, parts.len(), word));
                }
            }
        }
    }
    hits.sort_by_key(|&(start, len, _)| (start, std::cmp::Reverse(len)));
    let mut out = Vec::new();
    let mut covered = 0;
    for (start, len, word) in hits {
        if start >= covered {
            covered = start + len;
            out.push(Hit { start, word });
        }
    }
    out
}

/// `token` is `word` or a plain inflection of it: English plurals (cats, foxes, puppies) and
/// the Tagalog linker (pusang, ibong), which children type as part of the word.
pub fn same_word(token: &str, word: &str) -> bool {
    if token == word {
        return true;
    }
    if let Some(stem) = word.strip_suffix('y')
        && token.strip_prefix(stem) == Some("ies")
    {
        return true;
    }
    match token.strip_prefix(word) {
        Some("s" | "es") => true,
        Some("ng") => word.ends_with(['a', 'e', 'i', 'o', 'u']),
        Some("g") => word.ends_with('n'),
        _ => false,
    }
}

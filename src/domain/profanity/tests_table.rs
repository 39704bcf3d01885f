//! Table-driven tests of the starter list: forms that must be caught, and innocent words and
//! sentences that must pass. Every failing entry is collected and reported at once.

use super::matcher::{Matcher, hint, mask};
use super::starter::matcher;

/// `(text, a listed word it must be reported as)`.
const MUST_CATCH: &[(&str, &str)] = &[
    // Listed words, any case, in sentences.
    ("fuck", "fuck"),
    ("FUCK", "fuck"),
    ("Shit!", "shit"),
    ("You are an idiot.", "idiot"),
    ("what the hell", "hell"),
    ("bloody hell", "bloody hell"),
    ("son of a bitch", "son of a bitch"),
    ("kill yourself", "kill yourself"),
    ("shut up", "shut up"),
    // English inflections.
    ("fucks", "fuck"),
    ("fuckin", "fuck"),
    ("fucked", "fucked"),
    ("fuckers", "fucker"),
    ("fuckery", "fucker"),
    ("shits", "shit"),
    ("shitting", "shit"),
    ("shitted", "shit"),
    ("shittier", "shitty"),
    ("shittiest", "shitty"),
    ("shitter", "shit"),
    ("bitches", "bitch"),
    ("bitching", "bitch"),
    ("bitchy", "bitch"),
    ("bitchin", "bitch"),
    ("bitched", "bitch"),
    ("asses", "ass"),
    ("dicks", "dick"),
    ("dickheads", "dickhead"),
    ("cunts", "cunt"),
    ("damned", "damn"),
    ("damning", "damn"),
    ("damns", "damn"),
    ("dumber", "dumb"),
    ("dumbest", "dumb"),
    ("stupider", "stupid"),
    ("stupidest", "stupid"),
    ("stupidly", "stupid"),
    ("idiots", "idiot"),
    ("idiotic", "idiot"),
    ("morons", "moron"),
    ("moronic", "moron"),
    ("losers", "loser"),
    ("pissing", "piss"),
    ("pisses", "piss"),
    ("pissy", "piss"),
    ("whores", "whore"),
    ("whoring", "whore"),
    ("sluts", "slut"),
    ("slutty", "slut"),
    ("wankers", "wanker"),
    ("twats", "twat"),
    ("bastards", "bastard"),
    ("retards", "retard"),
    ("hornier", "horny"),
    ("sexier", "sexy"),
    ("crappy", "crap"),
    ("crapping", "crap"),
    ("hellish", "hell"),
    ("faggots", "faggot"),
    ("fags", "fag"),
    ("niggas", "nigga"),
    ("dildos", "dildo"),
    ("blowjobs", "blowjob"),
    ("trannies", "tranny"),
    ("assholes", "asshole"),
    ("dumbasses", "dumbass"),
    ("jackasses", "jackass"),
    ("motherfuckers", "motherfucker"),
    ("bullshitting", "bullshit"),
    // Repeated letters anywhere.
    ("fuuuuck", "fuck"),
    ("ffuucckk", "fuck"),
    ("fffffuck", "fuck"),
    ("fuckkkkk", "fuck"),
    ("shiiiiit", "shit"),
    ("sssshit", "shit"),
    ("sshhiitt", "shit"),
    ("biiiitch", "bitch"),
    ("assss", "ass"),
    ("daaaamn", "damn"),
    ("stuuuupid", "stupid"),
    ("gaaaago", "gago"),
    ("bobooo", "bobo"),
    ("puuuuta", "puta"),
    ("tangaaaa", "tanga"),
    ("fuuuuucking", "fucking"),
    // Masking symbols and leetspeak.
    ("f*ck", "fuck"),
    ("sh!t", "shit"),
    ("b!tch", "bitch"),
    ("a$$", "ass"),
    ("f#ck", "fuck"),
    ("s**t", "shit"),
    ("f%ck", "fuck"),
    ("f^ck", "fuck"),
    ("f&ck", "fuck"),
    ("d*mn", "damn"),
    ("b*tch", "bitch"),
    ("c*nt", "cunt"),
    ("sh*t", "shit"),
    ("f**k", "fuck"),
    ("a$$hole", "asshole"),
    ("f*cking", "fucking"),
    ("fu*k", "fuck"),
    ("bi+ch", "bitch"),
    ("$hit", "shit"),
    ("sh1t", "shit"),
    ("b1tch", "bitch"),
    ("@ss", "ass"),
    ("d1ck", "dick"),
    ("p0rn", "porn"),
    ("5lut", "slut"),
    ("wh0re", "whore"),
    ("h3ll", "hell"),
    ("st*pid", "stupid"),
    ("g@go", "gago"),
    ("t4ng4", "tanga"),
    ("b0b0", "bobo"),
    ("put@", "puta"),
    ("f4ck", "fuck"),
    ("sh!tty", "shitty"),
    // Separators between letters.
    ("f.u.c.k", "fuck"),
    ("f-u-c-k", "fuck"),
    ("f u c k", "fuck"),
    ("f_u_c_k", "fuck"),
    ("f/u/c/k", "fuck"),
    ("f\u{200b}u\u{200b}c\u{200b}k", "fuck"),
    ("f~u~c~k", "fuck"),
    ("f|u|c|k", "fuck"),
    ("f*u*c*k", "fuck"),
    ("f\u{1F4A9}u\u{1F4A9}c\u{1F4A9}k", "fuck"),
    ("f\u{2022}u\u{2022}c\u{2022}k", "fuck"),
    ("s,h,i,t", "shit"),
    ("s:h:i:t", "shit"),
    ("F.U.C.K.", "fuck"),
    ("s.h.i.t.t.y", "shitty"),
    ("b-i-t-c-h-e-s", "bitch"),
    ("p.u.t.a", "puta"),
    ("g-a-g-o", "gago"),
    ("t a n g a", "tanga"),
    ("b i t c h", "bitch"),
    ("sh.it", "shit"),
    // Look-alike letters of other scripts, accents, enclosed and styled letters.
    ("\u{0455}h\u{0456}t", "shit"),
    ("f\u{03C5}ck", "fuck"),
    ("\u{0501}ick", "dick"),
    ("\u{0430}ss", "ass"),
    ("b\u{0456}tch", "bitch"),
    ("\u{0441}unt", "cunt"),
    ("\u{03C1}orn", "porn"),
    ("\u{03B1}ss", "ass"),
    ("\u{0455}l\u{03C5}t", "slut"),
    ("p\u{0585}rn", "porn"),
    ("s\u{0570}it", "shit"),
    ("\u{0581}a\u{0581}o", "gago"),
    ("\u{13DA}\u{13BB}\u{13A5}\u{13A2}", "shit"),
    ("\u{13DF}unt", "cunt"),
    ("\u{1E61}\u{1E23}i\u{1E6B}", "shit"),
    ("\u{015D}h\u{00ED}t", "shit"),
    ("f\u{016F}\u{010D}k", "fuck"),
    ("sh\u{0131}t", "shit"),
    ("\u{24D5}\u{24E4}\u{24D2}\u{24DA}", "fuck"),
    ("\u{24BB}\u{24CA}\u{24B8}\u{24C0}", "fuck"),
    ("\u{1F155}\u{1F164}\u{1F152}\u{1F15A}", "fuck"),
    ("\u{1F175}\u{1F184}\u{1F172}\u{1F17A}", "fuck"),
    ("\u{1F135}\u{1F144}\u{1F132}\u{1F13A}", "fuck"),
    ("\u{FF26}\u{FF35}\u{FF23}\u{FF2B}", "fuck"),
    ("\u{1D41F}\u{1D42E}\u{1D41C}\u{1D424}", "fuck"),
    ("\u{1D4EF}\u{1D4FE}\u{1D4EC}\u{1D4F4}", "fuck"),
    ("\u{A730}\u{1D1C}\u{1D04}\u{1D0B}", "fuck"),
    ("\u{02E2}\u{02B0}\u{2071}\u{1D57}", "shit"),
    ("\u{1F1EB}\u{1F1FA}\u{1F1E8}\u{1F1F0}", "fuck"),
    ("s\u{0336}h\u{0336}i\u{0336}t\u{0336}", "shit"),
    ("\u{0392}\u{0399}\u{03A4}\u{0421}H", "bitch"),
    ("\u{041D}ELL", "hell"),
    // Tagalog: linkers, affixes, infixes, reduplication, contractions, dropped vowels.
    ("gago", "gago"),
    ("gagong bata", "gago"),
    ("gaguhin", "gago"),
    ("ginago", "gago"),
    ("ginagago", "gago"),
    ("pinakagago", "gago"),
    ("nakakagago", "gago"),
    ("napakatanga", "tanga"),
    ("magpakagago", "gago"),
    ("tangang", "tanga"),
    ("tangahan", "tanga"),
    ("nagtatanga", "tanga"),
    ("pinakatanga", "tanga"),
    ("bobong", "bobo"),
    ("binobobo", "bobo"),
    ("bobohan", "bobo"),
    ("napakabobo", "bobo"),
    ("putang", "puta"),
    ("putangina", "putang ina"),
    ("putang ina", "putang ina"),
    ("tangina", "tang ina"),
    ("tang ina", "tang ina"),
    ("tngina", "tang ina"),
    ("tangna", "tang ina"),
    ("tang'na", "tang ina"),
    ("ptngina", "putang ina"),
    ("kingina", "kingina"),
    ("pakshet", "pakshet"),
    ("pksht", "pakshet"),
    ("punyeta", "punyeta"),
    ("pnyeta", "punyeta"),
    ("kantot", "kantot"),
    ("kinantot", "kantot"),
    ("kantutan", "kantot"),
    ("kantutin", "kantot"),
    ("nagkantutan", "kantot"),
    ("kinakantot", "kantot"),
    ("hindot", "hindot"),
    ("nagjajakol", "jakol"),
    ("ulol", "ulol"),
    ("tarantado", "tarantado"),
    ("tarantaduhin", "tarantado"),
    ("trntado", "tarantado"),
    ("kupal", "kupal"),
    ("ungas", "ungas"),
    ("bwisit", "bwisit"),
    ("buwisit", "buwisit"),
    ("pisting yawa", "pisti"),
    ("yawa", "yawa"),
    ("leche ka", "leche ka"),
    ("hayop ka", "hayop ka"),
    ("walang hiya", "walang hiya"),
    ("walanghiya", "walang hiya"),
    ("mamatay ka", "mamatay ka"),
    ("siraulo", "siraulo"),
    ("abnoy", "abnoy"),
    ("malandi", "malandi"),
    ("malibog", "libog"),
    ("pokpok", "pokpok"),
    ("tite", "tite"),
    ("burat", "burat"),
    ("pucha", "pucha"),
    ("Tanga'y", "tanga"),
    ("gago'to", "gago"),
    // Glued runs.
    ("youarestupid", "stupid"),
    ("shitface", "shit"),
    ("fuckyou", "fuck"),
    ("stupidhead", "stupid"),
    ("gagoka", "gago"),
    ("fuckoff", "fuck"),
    ("shutup", "shut up"),
    ("urstupid", "stupid"),
    ("yourestupid", "stupid"),
    ("whatthefuck", "fuck"),
    ("whatthehell", "hell"),
    ("holyshit", "shit"),
    ("bigass", "ass"),
    ("fatass", "ass"),
    ("pissoff", "piss"),
    ("damnit", "damn"),
    ("shithead", "shit"),
    ("fuckface", "fuck"),
    ("angbobomo", "bobo"),
    ("ikawtanga", "tanga"),
    ("sobrangtanga", "tanga"),
    ("killyourself", "kill yourself"),
    ("gofuckyourself", "fuck"),
    ("fuckingidiot", "fucking"),
    ("stupididiot", "stupid"),
    ("tangamo", "tanga"),
    ("putanginamo", "putang ina"),
    ("tanginamo", "tang ina"),
    ("ulolka", "ulol"),
    ("bobokayo", "bobo"),
    ("fuuuuckyou", "fuck"),
    ("F*CKYOU", "fck"),
    ("f.u.c.k.y.o.u", "fuck"),
    // In sentences.
    ("You are such a fucking idiot!", "fucking"),
    ("Ang tanga mo talaga", "tanga"),
    ("Gago ka!", "gago"),
    ("what the f*ck is this", "fuck"),
    ("you're a b!tch", "bitch"),
    ("stop being a d1ck", "dick"),
    ("he's an a$$hole", "asshole"),
    ("The dragon said: sh.i.t!", "shit"),
    // Second attack round: bidi tricks, sound-alikes, unlisted variants.
    ("\u{202E}kcuf\u{202C}", "fuck"),
    ("you are a \u{202E}hctib\u{202C} ok", "bitch"),
    ("\u{2067}kcuf\u{2069} you", "fuck"),
    ("f\u{202E}uck", "fuck"),
    ("\u{202D}fu\u{202A}ck\u{202C}", "fuck"),
    ("sh\u{2066}it\u{2069}", "shit"),
    ("fcuk", "fcuk"),
    ("phuck", "fuck"),
    ("PHUCKING hell", "fucking"),
    ("fvck", "fuck"),
    ("fuq", "fuck"),
    ("fxck", "fuck"),
    ("fuk this", "fuck"),
    ("biatch", "biatch"),
    ("beyotch", "beyotch"),
    ("azz", "azz"),
    ("gtfo", "gtfo"),
    ("pvta", "puta"),
    ("taena", "taena"),
    ("tangena", "tangena"),
    ("gagu", "gagu"),
    ("gaga ka", "gaga ka"),
    ("olol", "olol"),
    ("putragis", "putragis"),
    ("potek", "potek"),
    ("syet", "syet"),
    ("kups", "kups"),
    ("pak yu", "pakyu"),
    ("bull shit", "bullshit"),
    ("hinayupak", "hinayupak"),
    ("pekpek", "pekpek"),
    ("betlog", "betlog"),
    ("etits", "etits"),
    ("tsupa", "tsupa"),
    ("chupa", "chupa"),
    ("salsal", "salsal"),
    ("iyot", "iyot"),
    ("gunggong", "gunggong"),
    ("nudes", "nudes"),
    ("send nudes", "nudes"),
    ("send me nudes", "nudes"),
    ("porn", "porn"),
    ("rape", "rape"),
    ("dildo", "dildo"),
    ("boobs", "boobs"),
    ("Si Oten ay pangalan ng aso", "oten"),
];

/// Innocent words and sentences.
const MUST_PASS: &[&str] = &[
    // Usernames with a number before or after (digits at the ends are never hidden letters).
    "Maya_07",
    "maya07",
    "2cool4school",
    "benji2010",
    "tala_99",
    // Words that merely contain a listed word's letters.
    "class",
    "classes",
    "classic",
    "assistant",
    "assist",
    "Scunthorpe",
    "shiitake",
    "shitake mushrooms",
    "gagawin",
    "tangan",
    "ulo",
    "hello",
    "Othello",
    "passage",
    "passing",
    "cocktail",
    "cockatoo",
    "peacock",
    "Hancock",
    "assassin",
    "assassins",
    "assess",
    "assume",
    "assure",
    "amass",
    "bass",
    "bassoon",
    "grass",
    "grasshopper",
    "glass",
    "compass",
    "embarrass",
    "harass",
    "massive",
    "passion",
    "shell",
    "shellfish",
    "seashell",
    "Shelly",
    "hellbent",
    "analysis",
    "therapist",
    "titan",
    "title",
    "petite",
    "reputation",
    "computation",
    "dispute",
    "Dumbledore",
    "dumbbell",
    "scrap",
    "scrapbook",
    "skyscraper",
    "Sussex",
    "Essex",
    "hornet",
    "morning",
    "mornings",
    "Dickens",
    "Dickinson",
    "cockpit",
    "analyst",
    "Matsushita",
    "arsenal",
    "arsenic",
    "parse",
    "sparse",
    "hoarse",
    "button",
    "butter",
    "looser",
    "shiit",
    "He'll come",
    "we'll",
    "she'll",
    "who're",
    "I'll",
    "it'll",
    "heli",
    "tilts",
    "as",
    "hel",
    // Masked or numbered words that are not listed words.
    "h*llo",
    "c*t",
    "s*n",
    "c**l",
    "wh*t",
    "*hugs*",
    "**bold** text",
    "#hashtag",
    "C#",
    "AT&T",
    "rock & roll",
    "Tom&Jerry",
    "50% off",
    "k9s",
    "b4",
    "l8r",
    "gr8",
    "I ate 3 dragons",
    "Room 101",
    "Call 555-1234",
    "It costs 4.55 pesos",
    "I scored 455 points",
    // Tagalog and Bisaya words near listed ones.
    "tangi",
    "tanging",
    "titingin",
    "titig",
    "titigan",
    "katiting",
    "gagamit",
    "gagana",
    "gagawa",
    "gagamba",
    "bubong",
    "pista",
    "putahe",
    "puto",
    "putol",
    "ulam",
    "ulan",
    "kupas",
    "tangkad",
    "bilang",
    "tito",
    "tita",
    "titik",
    "libong",
    "bayan",
    "yaya",
    "ungol",
    "titser",
    "leche flan",
    "ina mo",
    // Allowlisted phrases.
    "Dick Whittington",
    "Moby Dick",
    "Pussy cat, pussy cat, where have you been?",
    "blue tits",
    "Puss in Boots",
    // Children's-story sentences.
    "Once upon a time, a little dragon lived in a glass castle.",
    "The class went to Scunthorpe to see the bass player.",
    "My assistant, a grasshopper, passed me the compass.",
    "Shelly found a seashell and said hello to the shellfish.",
    "The cockatoo and the peacock shared a cocktail of fruit juice.",
    "We ate shiitake soup and a piece of passion fruit.",
    "The hero shouted: help! The dragon's shadow passed over the hills.",
    "Dick Whittington had a cat, and Moby Dick was a whale.",
    "I ate 3 dragons' worth of pancakes this morning.",
    "The therapist helped the titan find his title.",
    "Mr. Dickens wrote about a cocky rooster.",
    "She'll pass the glass to the class.",
    "The bus stopped at the tangled bush.",
    "Sleeping Beauty pricked her finger; the rooster crowed cock-a-doodle-doo.",
    "Tom said the test was a piece of cake, but it was hard.",
    "The ship's hull was as strong as a shell.",
    "At night the owls hooted; the moon was bright.",
    "The assassin bug is an insect.",
    "We made a scrapbook about skyscrapers.",
    "Dumbledore laughed at the dumbbell.",
    "The hornets buzzed around the horn.",
    "The computer did the computation in a second.",
    "Ang ganda ng bulaklak sa hardin.",
    "Kumain kami ng puto at kutsinta.",
    "Tara na sa paaralan, sabi ni Ana.",
    "Gagawin ko ang takdang-aralin mamaya.",
    "Hawak niya ang tangan na bayong.",
    "Masakit ang ulo ko kanina.",
    "Tanging ikaw lamang ang mahal ko.",
    "Titingin ako sa bintana.",
    "Isang katiting na asukal lang.",
    "Gagamit kami ng gunting sa klase.",
    "Gagana ba ang makina bukas?",
    "Malaki ang gagamba sa puno.",
    "Ang bubong ng bahay ay pula.",
    "Masaya ang pista sa bayan.",
    "Ang titser namin ay mabait.",
    "Ang ina mo ay mabait.",
    "Nag-aral si Ben ng matematika.",
    "Kumain kami ng tinapay, ube, at mangga sa tabing-dagat.",
    "Ang mga bata ay naglaro sa ulan.",
    "Si Tito at Tita ay bumisita.",
    "Bumili kami ng libong piraso ng papel.",
    "Ang yaya ay nagluto ng putahe.",
    "The sassy cat passed the grass and the brass bell.",
    "He'll help, she'll sing, we'll all read.",
    "The looser rope tilts the boat.",
    "A shiitake is a mushroom.",
    "Assistant coach Hancock assessed the class.",
    // Second round: innocent phrases and names.
    "The baker shut up the shop for the night.",
    "They shut up the house and went to the beach.",
    "Lady Gaga sang a song.",
    "Nasa ikasexto siya; sexto grado.",
    "I ate a Chupa Chups lollipop.",
    "chupa-chups",
    "The blue-footed booby and the boobies flew.",
    "Grapes and a rapeseed field.",
    "The phone rang; Phoebe picked it up.",
    "Pok pok went the door.",
    "Iraq and Qatar are countries.",
    "The nude colour dress.",
    "Tap the kayak with a stick.",
    "Put a hat on, she said.",
    "A batch of cookies and two batches of bread.",
    "The knight drew his rapier.",
    "Music therapy helps; therapies differ.",
];

fn caught(m: &Matcher, text: &str) -> Vec<String> {
    m.words_for(&m.find(text))
}

#[test]
fn must_catch_table() {
    let m = matcher();
    let mut failures = Vec::new();
    for &(text, want) in MUST_CATCH {
        let got = caught(&m, text);
        if !got.iter().any(|w| w == want) {
            failures.push(format!("{text:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} forms not caught:\n{}",
        failures.len(),
        MUST_CATCH.len(),
        failures.join("\n")
    );
}

#[test]
fn must_pass_table() {
    let m = matcher();
    let mut failures = Vec::new();
    for &text in MUST_PASS {
        let got = caught(&m, text);
        if !got.is_empty() {
            failures.push(format!("{text:?}: matched {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} innocent texts matched:\n{}",
        failures.len(),
        MUST_PASS.len(),
        failures.join("\n")
    );
}

#[test]
fn tables_are_large() {
    assert!(MUST_CATCH.len() >= 150, "{}", MUST_CATCH.len());
    assert!(MUST_PASS.len() >= 150, "{}", MUST_PASS.len());
}

#[test]
fn hits_are_char_ranges_and_masking_hides_them() {
    let m = matcher();
    for &(text, _) in MUST_CATCH {
        let hits = m.find(text);
        for h in &hits {
            assert!(h.start < h.end && h.end <= text.len(), "{text:?} {h:?}");
            assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
        }
        let masked = mask(text, &hits);
        // Whatever still reads as a word in the masked text overlaps an original hit.
        for h in m.find(&masked) {
            assert!(
                hits.iter().any(|o| o.start < h.end && h.start < o.end),
                "masking made a new hit in {text:?} -> {masked:?}"
            );
        }
    }
    let text = "You f*cking b1tch, go away";
    assert_eq!(mask(text, &m.find(text)), "You f****** b****, go away");
}

#[test]
fn long_texts_run() {
    let m = matcher();
    let page: String = MUST_PASS
        .iter()
        .cycle()
        .take(600)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let page = &page[..page.floor_char_boundary(10_240)];
    assert!(page.len() > 9_000);
    assert!(m.find(page).is_empty());
    let dirty = format!("{page} shit");
    assert_eq!(caught(&m, &dirty), vec!["shit"]);
    // Pathological inputs: one long glued token, long runs of symbols and single letters.
    for text in [
        "a".repeat(10_000),
        "fuck".repeat(2_500),
        "*".repeat(10_000),
        "s.".repeat(5_000),
        "a ".repeat(5_000),
        "1!|".repeat(3_000),
        "youare".repeat(1_700),
    ] {
        let _ = m.find(&text);
    }
}

#[test]
fn hints_do_not_spell_the_word() {
    assert_eq!(hint("shit"), "s***");
    assert_eq!(hint("putang ina"), "p***** ***");
    assert_eq!(hint("ñañá"), "ñ***");
    assert_eq!(hint(""), "");
    for (w, _, _) in super::starter::STARTER {
        let h = hint(w);
        assert_ne!(&h, w);
        assert_eq!(h.chars().count(), w.chars().count());
    }
}

/// The fuzz property (`fuzz::profanity`) on the table and on a regression input: every hit is
/// a char-boundary range and masking never makes a new hit.
#[test]
fn fuzz_property_holds() {
    let m = matcher();
    let mut inputs: Vec<String> = MUST_CATCH.iter().map(|(t, _)| t.to_string()).collect();
    inputs.extend(MUST_PASS.iter().map(|t| t.to_string()));
    inputs.push(
        "mo, dit! s dit! s h i      ,         t)     h i      ,         t)      t%T ,  t)"
            .to_string(),
    );
    // Pseudo-random mixes of listed words, separators and symbols.
    let parts = [
        "sh", "it", "f", "*", "ck", " ", ".", "a", "$", "!", "1", "gago", "ka", "'", "u",
        "\u{200b}", "ss", "h", "ell", "o", "-", "ина", "ᴀ",
    ];
    let mut seed = 12345u64;
    for _ in 0..2_000 {
        let mut s = String::new();
        for _ in 0..8 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(parts[(seed >> 33) as usize % parts.len()]);
        }
        inputs.push(s);
    }
    for text in &inputs {
        let hits = m.find(text);
        for h in &hits {
            assert!(h.start < h.end && h.end <= text.len());
            assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
        }
        let masked = mask(text, &hits);
        if hits.is_empty() {
            assert_eq!(&masked, text);
        }
        for h in m.find(&masked) {
            assert!(
                hits.iter().any(|o| o.start < h.end && h.start < o.end),
                "masking made a new hit {h:?}: {text:?} {hits:?} -> {masked:?}"
            );
        }
    }
}

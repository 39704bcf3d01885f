//! The forms a listed word takes: English inflections, Tagalog affixes, and the short common
//! words that may be glued to a listed word in a run without spaces.
//!
//! Forms are generated forward from each listed word, so a text word is caught only when it
//! *is* a form of a listed word, never because it merely contains one: `class`, `assistant`,
//! `Scunthorpe`, `gagawin` and `tangan` are not forms of anything listed.

use super::Language;

const VOWELS: &[char] = &['a', 'e', 'i', 'o', 'u'];

/// True for the five vowels.
pub fn is_vowel(c: char) -> bool {
    VOWELS.contains(&c)
}

/// English suffixes that start with a vowel: the stem may double its last consonant
/// (`shitting`, `shitty`) or drop a silent `e` (`whoring`).
const EN_VOWEL_SUFFIXES: &[&str] = &[
    "ing", "in", "ed", "er", "ers", "est", "y", "ey", "ie", "ies", "ish", "ic", "iest", "ier",
];

/// The suffixes a three-letter word takes.
const SHORT_SUFFIXES: &[&str] = &["ing", "ed", "er", "ers", "y", "es"];

/// English suffixes that start with a consonant, added to the plain word.
const EN_CONSONANT_SUFFIXES: &[&str] = &["s", "ly", "ness", "less"];

/// English forms of `w` (lower-case letters), without `w` itself.
pub fn english(w: &str) -> Vec<String> {
    let chars: Vec<char> = w.chars().collect();
    let mut out = Vec::new();
    let Some(&last) = chars.last() else {
        return out;
    };
    if chars.len() < 3 || !chars.iter().all(char::is_ascii_lowercase) {
        return out;
    }
    let mut push = |s: String| {
        if s != w && !out.contains(&s) {
            out.push(s);
        }
    };
    // Stems a vowel suffix may attach to.
    let mut stems = vec![w.to_string()];
    if !is_vowel(last) && !matches!(last, 'y' | 'w' | 'x') {
        stems.push(format!("{w}{last}"));
    }
    if last == 'e' {
        stems.push(chars[..chars.len() - 1].iter().collect());
    }
    if last == 'y' && chars.len() > 3 {
        // horny -> hornier, horniest, hornies; tranny -> trannies.
        let stem: String = chars[..chars.len() - 1].iter().collect();
        for suffix in ["ies", "ied", "ier", "iest", "ily", "iness"] {
            push(format!("{stem}{suffix}"));
        }
    }
    for stem in &stems {
        for suffix in EN_VOWEL_SUFFIXES {
            // Three-letter words take only the plain inflections: "assin", "assic", "assie"
            // would make "assassin" two listed words glued together.
            if chars.len() < 4 && !SHORT_SUFFIXES.contains(suffix) {
                continue;
            }
            // No `ee` or `yi`/`yy` collisions: "whore" + "ed" is "whored" (the e-less stem).
            let first = suffix.chars().next().unwrap_or('x');
            if stem.ends_with('e') && first == 'e' {
                continue;
            }
            if stem.ends_with('e') && first == 'i' {
                continue;
            }
            if stem.ends_with('y') && (first == 'y' || first == 'i') {
                continue;
            }
            push(format!("{stem}{suffix}"));
        }
    }
    for suffix in EN_CONSONANT_SUFFIXES {
        push(format!("{w}{suffix}"));
    }
    if matches!(last, 's' | 'x' | 'z') || w.ends_with("ch") || w.ends_with("sh") {
        push(format!("{w}es"));
    }
    if last == 'e' {
        push(format!("{w}d"));
        push(format!("{w}r"));
        push(format!("{w}rs"));
        push(format!("{w}st"));
    }
    // The plural of an agent noun: fucker -> fuckers is covered by "ers".
    out
}

/// Tagalog prefixes (verb, adjective and noun formers). They are stripped when a word is looked
/// up rather than added to every form in advance: fourteen thousand stored forms would cost
/// megabytes and milliseconds at every start.
pub const TL_PREFIXES: &[&str] = &[
    "ma", "na", "pa", "ka", "i", "mag", "nag", "pag", "mang", "nang", "pang", "maka", "naka",
    "paka", "pinaka", "napaka", "nakaka", "makaka", "magpa", "nagpa", "pagpa", "ipa", "pina",
    "pinag", "mapag", "napag", "magka", "nagka", "maki", "naki", "taga", "mala", "ipag", "ika",
];

/// The first syllable's consonant-vowel (or lone vowel) for reduplication: `ka` of `kantot`.
fn first_syllable(w: &[char]) -> Option<Vec<char>> {
    let v = w.iter().position(|&c| is_vowel(c))?;
    // Only a single leading consonant (or none) reduplicates cleanly.
    (v <= 1).then(|| w[..=v].to_vec())
}

/// The stem with its last `o` turned `u` when suffixed (`kantot` -> `kantutin`, `gago` ->
/// `gaguhin`), if its last vowel is an `o`.
fn raise_o(w: &[char]) -> Option<Vec<char>> {
    let i = w.iter().rposition(|&c| is_vowel(c))?;
    (w[i] == 'o').then(|| {
        let mut v = w.to_vec();
        v[i] = 'u';
        v
    })
}

/// Tagalog forms of `w` (lower-case letters), without `w` itself: the `-ng` linker, `-in`/`-an`
/// (`-hin`/`-han` after a vowel, with the last `o` raised to `u`), the `-um-`/`-in-` infixes and
/// reduplication of the first syllable. Prefixes ([`TL_PREFIXES`]) are the matcher's to strip.
pub fn tagalog(w: &str) -> Vec<String> {
    let chars: Vec<char> = w.chars().collect();
    let mut out: Vec<String> = Vec::new();
    if chars.len() < 3 || !chars.iter().all(char::is_ascii_lowercase) {
        return out;
    }
    let s = |v: &[char]| v.iter().collect::<String>();
    let add = |x: String, out: &mut Vec<String>| {
        if x != w && !out.contains(&x) {
            out.push(x);
        }
    };
    let last = chars[chars.len() - 1];
    if is_vowel(last) {
        add(format!("{w}ng"), &mut out);
    }
    let mut stems = vec![chars.clone()];
    if let Some(syl) = first_syllable(&chars) {
        let mut r = syl;
        r.extend(&chars);
        stems.push(r);
    }
    let mut suffixed: Vec<Vec<char>> = stems.clone();
    for stem in &stems {
        let mut bases = vec![stem.clone()];
        if let Some(r) = raise_o(stem) {
            bases.push(r);
        }
        for b in bases {
            let vowel_final = b.last().is_some_and(|&c| is_vowel(c));
            for suffix in if vowel_final {
                ["hin", "han"]
            } else {
                ["in", "an"]
            } {
                let mut v = b.clone();
                v.extend(suffix.chars());
                suffixed.push(v);
            }
        }
    }
    for x in &suffixed {
        add(s(x), &mut out);
        for infix in ["um", "in"] {
            let mut v = Vec::with_capacity(x.len() + 2);
            if is_vowel(x[0]) {
                v.extend(infix.chars());
                v.extend(x);
            } else {
                v.push(x[0]);
                v.extend(infix.chars());
                v.extend(&x[1..]);
            }
            add(s(&v), &mut out);
        }
    }
    out
}

/// Short common words that may be glued before a listed word (`youarestupid`, `angbobo`).
/// No one-letter words but `u`, and no `am`: `a` + `ass` and `am` + `ass` are `amass`.
const PRE: &[(&str, Language)] = &[
    ("you", Language::En),
    ("your", Language::En),
    ("youre", Language::En),
    ("ur", Language::En),
    ("u", Language::En),
    ("ure", Language::En),
    ("ya", Language::En),
    ("the", Language::En),
    ("an", Language::En),
    ("so", Language::En),
    ("such", Language::En),
    ("big", Language::En),
    ("fat", Language::En),
    ("go", Language::En),
    ("are", Language::En),
    ("is", Language::En),
    ("im", Language::En),
    ("what", Language::En),
    ("holy", Language::En),
    ("this", Language::En),
    ("that", Language::En),
    ("its", Language::En),
    ("ugly", Language::En),
    ("little", Language::En),
    ("oh", Language::En),
    ("ang", Language::Tl),
    ("ikaw", Language::Tl),
    ("mga", Language::Tl),
    ("si", Language::Tl),
    ("sobrang", Language::Tl),
    ("am", Language::Tl),
    ("ay", Language::Tl),
];

/// Short common words that may be glued after a listed word (`fuckyou`, `shitface`, `gagoka`).
const POST: &[(&str, Language)] = &[
    ("you", Language::En),
    ("u", Language::En),
    ("ya", Language::En),
    ("off", Language::En),
    ("up", Language::En),
    ("head", Language::En),
    ("heads", Language::En),
    ("face", Language::En),
    ("faces", Language::En),
    ("hole", Language::En),
    ("holes", Language::En),
    ("bag", Language::En),
    ("bags", Language::En),
    ("wad", Language::En),
    ("me", Language::En),
    ("him", Language::En),
    ("her", Language::En),
    ("them", Language::En),
    ("it", Language::En),
    ("yourself", Language::En),
    ("lol", Language::En),
    ("ka", Language::Tl),
    ("mo", Language::Tl),
    ("kayo", Language::Tl),
    ("nyo", Language::Tl),
    ("niyo", Language::Tl),
    ("ninyo", Language::Tl),
    ("ikaw", Language::Tl),
    ("talaga", Language::Tl),
    ("siya", Language::Tl),
    ("sya", Language::Tl),
    ("ba", Language::Tl),
    ("ina", Language::Tl),
];

/// Language bit for a filler mask.
pub fn lang_bit(l: Language) -> u8 {
    match l {
        Language::En => 1,
        Language::Tl => 2,
    }
}

/// Every filler with the languages it may be glued before (`.0`) and after (`.1`) a listed
/// word of, as bit masks.
pub fn fillers() -> Vec<(&'static str, u8, u8)> {
    let mut out: Vec<(&'static str, u8, u8)> = Vec::new();
    for (list, pre) in [(PRE, true), (POST, false)] {
        for &(w, l) in list {
            let idx = match out.iter().position(|e| e.0 == w) {
                Some(i) => i,
                None => {
                    out.push((w, 0, 0));
                    out.len() - 1
                }
            };
            if pre {
                out[idx].1 |= lang_bit(l);
            } else {
                out[idx].2 |= lang_bit(l);
            }
        }
    }
    out
}

/// Words a derived rule (inflection, affix, glued run, dropped vowels, masking) would catch
/// but that are innocent everyday words. Exact listed spellings are never excused here; the
/// allowlist of phrases is for those.
pub const INNOCENT: &[&str] = &[
    "batch",
    "batches",
    "rapier",
    "rapiers",
    "therapy",
    "therapies",
    "hello",
    "hellos",
    "shell",
    "shells",
    "dickens",
    "dickey",
    "dickeys",
    "dicker",
    "dickers",
    "dickie",
    "dickies",
    "dicky",
    "heller",
    "titser",
    "titsers",
    "crappie",
    "crappies",
    "assay",
    "assays",
    "hellas",
    "morns",
    "dumbo",
    "titian",
    "tangan",
    "ulo",
    "gagawin",
    "gagamit",
    "gagana",
    "gagalaw",
    "gagalang",
    "katiting",
    "titingin",
    "tangi",
    "putahe",
    "assassin",
    "assassins",
    "assassinate",
    "assassinated",
    "pistil",
    "pistils",
    "titig",
    "titigan",
    "twitter",
    "retardant",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_inflections() {
        let f = english("shit");
        for want in [
            "shits", "shitting", "shitty", "shitted", "shitter", "shitey", "shitin",
        ] {
            assert!(f.contains(&want.to_string()), "{want} in {f:?}");
        }
        let f = english("whore");
        for want in ["whores", "whored", "whoring"] {
            assert!(f.contains(&want.to_string()), "{want} in {f:?}");
        }
        assert!(english("horny").contains(&"horniest".to_string()));
        assert!(english("bitch").contains(&"bitches".to_string()));
        assert!(!english("hell").contains(&"hello".to_string()));
        assert!(!english("ass").contains(&"assist".to_string()));
    }

    #[test]
    fn tagalog_affixes() {
        let f = tagalog("kantot");
        for want in [
            "kinantot",
            "kumantot",
            "kantutin",
            "kantutan",
            "kakantot",
            "kinakantot",
        ] {
            assert!(f.contains(&want.to_string()), "{want} in {f:?}");
        }
        let f = tagalog("gago");
        for want in ["gagong", "gaguhin", "ginago", "ginagago"] {
            assert!(f.contains(&want.to_string()), "{want} in {f:?}");
        }
        // Prefixed forms (`nagagago`, `pinakagago`) are the matcher's to strip, not stored.
        assert!(!f.iter().any(|x| x.starts_with("pinaka")));
        let f = tagalog("tanga");
        for bad in ["tangan", "tangi"] {
            assert!(!f.contains(&bad.to_string()), "{bad}");
        }
        assert!(!tagalog("gaga").contains(&"gagawin".to_string()));
    }
}

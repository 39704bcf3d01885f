use super::*;

/// Street words that follow a street name ("Rizal Street", "Mabini St.").
pub(super) const STREET_AFTER: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "av",
    "lane",
    "ln",
    "drive",
    "dr",
    "boulevard",
    "blvd",
    "highway",
    "hwy",
    "kalye",
    "calle",
    "subdivision",
    "subd",
    "village",
    "vill",
    "homes",
    "compound",
    "cmpd",
    "extension",
    "ext",
    "heights",
    "hts",
    "residences",
    "street.",
    "strt",
    "str",
    "avenida",
    "crescent",
    "cres",
    "terrace",
    "terr",
    "parkway",
    "pkwy",
    "circle",
    "cir",
    "alley",
    "daan",
];

/// Abbreviations that never mean anything else in a story.
pub(super) const STREET_ABBR: &[&str] = &[
    "st", "rd", "ave", "av", "ln", "blvd", "hwy", "subd", "cmpd", "ext", "hts", "strt", "str",
    "pkwy", "cres", "terr", "cir",
];

/// Words that say "this is where I live" with a number after them.
pub(super) const PRE_STRONG: &[&str] = &[
    "blk", "purok", "apt", "brgy", "bgy", "bldg", "condo", "sitio",
];

/// Address words that need a second one nearby ("Block 5 Lot 12 Phase 3").
pub(super) const PRE_WEAK: &[&str] = &[
    "block",
    "lot",
    "phase",
    "unit",
    "floor",
    "flr",
    "building",
    "tower",
    "zone",
    "house",
    "barangay",
    "no",
    "number",
    "street",
    "st",
    "avenue",
    "road",
    "ph",
    "door",
    "bahay",
    "apartment",
];

/// Words that are not part of a street name.
pub(super) const STOP: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "but", "to", "on", "in", "at", "by", "for", "with",
    "from", "into", "onto", "over", "under", "past", "through", "down", "up", "along", "across",
    "near", "is", "was", "are", "were", "be", "my", "our", "your", "his", "her", "their", "its",
    "this", "that", "these", "those", "big", "little", "small", "tiny", "long", "way", "one",
    "ways", "more", "than", "then", "went", "go", "goes", "walked", "ran", "crossed", "cross",
    "miles", "mile", "km", "meters", "steps", "blocks", "times", "ang", "ng", "sa", "mga", "na",
    "ay", "si", "ni", "kay", "nasa", "at", "ko", "mo", "we", "they", "he", "she", "it", "i", "you",
    "who", "lived", "live", "lives", "very", "so", "too", "all", "every", "each", "cars", "kids",
    "people", "dogs", "cats",
];

/// Number words for house numbers ("twelve Rizal Street").
pub(super) fn cardinal_word(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "isa"
            | "dalawa"
            | "tatlo"
            | "apat"
            | "lima"
            | "anim"
            | "pito"
            | "walo"
            | "siyam"
            | "sampu"
    )
}

/// A house number at `i`: `12`, `12b`, `#12`, `no. 12`, `twelve`. Returns its end.
pub(super) fn house_number(toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if t.is('#') {
        let n = toks.get(i + 1)?;
        return (n.is_numeral() && !n.gap).then_some(i + 2);
    }
    if t.word_in(&["no", "num", "number", "numero"]) {
        let mut j = i + 1;
        if toks.get(j).is_some_and(|t| t.is('.')) {
            j += 1;
        }
        let n = toks.get(j)?;
        return n.is_numeral().then_some(j + 1);
    }
    if !t.is_word() {
        return None;
    }
    let text = t.text.as_str();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 5 {
        let rest = &text[digits..];
        // 12, 12b, 12-b (not ordinals like 5th)
        if rest.is_empty() || (rest.len() == 1 && rest != "s") {
            let mut end = i + 1;
            if toks.get(end).is_some_and(|t| t.is('-') && !t.gap)
                && toks
                    .get(end + 1)
                    .is_some_and(|t| !t.gap && t.text.len() <= 2)
            {
                end += 2;
            }
            return Some(end);
        }
        return None;
    }
    if cardinal_word(text) {
        let mut end = i + 1;
        while toks
            .get(end)
            .is_some_and(|t| t.is_word() && cardinal_word(&t.text))
            && end < i + 4
        {
            end += 1;
        }
        return Some(end);
    }
    None
}

/// A number after an address word ("Lot 12", "Purok 3", "Apt 4B", "Blk. 5").
pub(super) fn pre_number(toks: &[Tok], i: usize) -> Option<usize> {
    let mut j = i + 1;
    if toks
        .get(j)
        .is_some_and(|t| t.is('.') || t.is('#') || t.is(':'))
    {
        j += 1;
    }
    if toks
        .get(j)
        .is_some_and(|t| t.word_in(&["no", "number", "num"]))
    {
        j += 1;
        if toks.get(j).is_some_and(|t| t.is('.')) {
            j += 1;
        }
    }
    let t = toks.get(j)?;
    let digits = t.text.bytes().take_while(u8::is_ascii_digit).count();
    if t.is_word() && digits > 0 && digits <= 5 && t.text.len() - digits <= 1 {
        return Some(j + 1);
    }
    if t.is_word() && cardinal_word(&t.text) && !t.word("isa") {
        return Some(j + 1);
    }
    None
}

/// Words that show a place is a home address when they follow "I live ...".
pub(super) const PLACE_WORDS: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "lane",
    "ln",
    "drive",
    "blvd",
    "boulevard",
    "highway",
    "hwy",
    "purok",
    "sitio",
    "barangay",
    "brgy",
    "bgy",
    "subdivision",
    "subd",
    "village",
    "kalye",
    "compound",
    "blk",
    "block",
    "lot",
    "phase",
    "apartment",
    "apt",
    "unit",
    "condo",
    "tower",
    "bldg",
    "building",
    "floor",
    "homes",
    "heights",
    "residences",
    "zone",
    "poblacion",
    "barrio",
    "looban",
    "kanto",
    "corner",
    "cor",
];

pub(super) fn find_addresses(toks: &[Tok], hits: &mut Vec<Hit>) {
    let n = toks.len();
    let push = |hits: &mut Vec<Hit>, ts: usize, te: usize| {
        hits.push(Hit {
            kind: Kind::Address,
            ts,
            te,
        })
    };
    // House number, name words, street word: "12 Rizal St", "#5 Mabini Street".
    for i in 0..n {
        let Some(num_end) = house_number(toks, i) else {
            continue;
        };
        let mut j = num_end;
        if toks.get(j).is_some_and(|t| t.is(',')) {
            j += 1;
        }
        let mut names = 0;
        while let Some(t) = toks.get(j) {
            if t.nl > 0 {
                break;
            }
            // "12 🌹 Rizal 🌹 Street"
            if t.sym.is_some_and(decoration) {
                j += 1;
                continue;
            }
            if t.is_word() && t.word_in(STREET_AFTER) {
                if names == 0 {
                    break; // "two lane road", "5 street"
                }
                let dr_ok = !t.word("dr") || names >= 1;
                let strong = t.word_in(STREET_ABBR) || names >= 1;
                if dr_ok && strong {
                    let mut end = j + 1;
                    if toks.get(end).is_some_and(|t| t.is('.') && !t.gap) {
                        end += 1;
                    }
                    push(hits, i, end);
                }
                break;
            }
            if t.is_word() && !t.word_in(STOP) && names < 3 && !t.is_numeral() {
                names += 1;
                j += 1;
                continue;
            }
            if (t.is('.') || t.is('-')) && names >= 1 && !t.gap {
                j += 1;
                continue;
            }
            break;
        }
    }
    // Address words with numbers: "Blk 5 Lot 12", "Purok 3", "Apt. 4B".
    let mut elems: Vec<(usize, usize, bool)> = Vec::new();
    for i in 0..n {
        let t = &toks[i];
        if !t.is_word() {
            continue;
        }
        // Glued forms: "B5 L12", "blk5", "lot12", "ph2".
        let alpha = t.text.trim_end_matches(|c: char| c.is_ascii_digit());
        let num_len = t.text.len() - alpha.len();
        if (1..=4).contains(&num_len)
            && matches!(
                alpha,
                "b" | "bl" | "blk" | "l" | "lt" | "lot" | "ph" | "p" | "purok"
            )
        {
            elems.push((i, i + 1, matches!(alpha, "blk" | "purok")));
            continue;
        }
        let strong = t.word_in(PRE_STRONG);
        let weak = t.word_in(PRE_WEAK) || t.word_in(&["l", "b", "lt", "bl", "p"]);
        if !(strong || weak) {
            continue;
        }
        if let Some(end) = pre_number(toks, i) {
            // "house no. 5" / "house number 5" is strong on its own.
            let house_no = t.word("house")
                && toks
                    .get(i + 1)
                    .is_some_and(|t| t.word_in(&["no", "number", "num", "#"]) || t.is('#'));
            elems.push((i, end, strong || house_no));
        } else if t.word_in(&["brgy", "bgy", "sitio", "purok"])
            && toks.get(i + 1).is_some_and(|n| n.cap || n.is('.'))
        {
            // "Brgy. San Roque": an abbreviation and a name.
            let mut end = i + 1;
            if toks[end].is('.') {
                end += 1;
            }
            let mut words = 0;
            while toks.get(end).is_some_and(|t| t.is_word() && t.cap) && words < 3 {
                end += 1;
                words += 1;
            }
            if words > 0 && !t.word("sitio") {
                elems.push((i, end, true));
            }
        }
    }
    let mut k = 0;
    while k < elems.len() {
        let (s, mut e, mut strong) = elems[k];
        let mut count = 1;
        // Joined only by punctuation: "Blk 5, Lot 12", not "block 3 and lot 4 of toys".
        while k + 1 < elems.len()
            && elems[k + 1].0 <= e + 2
            && toks[e.min(elems[k + 1].0)..elems[k + 1].0]
                .iter()
                .all(|t| !t.is_word())
        {
            k += 1;
            e = e.max(elems[k].1);
            strong |= elems[k].2;
            count += 1;
        }
        if strong || count >= 2 {
            push(hits, s, e);
        }
        k += 1;
    }
    // Saying where one lives: "I live on Mabini Street", "nakatira ako sa Purok 2",
    // "my address is ...".
    for i in 0..n {
        let t = &toks[i];
        let first_person = toks[i.saturating_sub(3)..i].iter().any(|t| {
            t.word_in(&[
                "i", "we", "m", "re", "family", "ako", "kami", "lola", "lolo", "mom", "dad",
                "mommy", "daddy", "grandma", "grandpa", "parents",
            ])
        });
        let (start, from, loose) = if first_person
            && t.word_in(&["live", "living", "stay", "staying", "reside", "nakatira"])
            && toks.get(i + 1).is_some_and(|n| {
                n.word_in(&[
                    "at", "on", "in", "sa", "near", "next", "beside", "behind", "across", "along",
                ])
            }) {
            (i, i + 2, false)
        } else if t.word_in(&[
            "nakatira",
            "tumitira",
            "nakatirá",
            "naninirahan",
            "nakatiraako",
        ]) {
            let mut j = i + 1;
            while toks.get(j).is_some_and(|n| {
                n.word_in(&[
                    "ako", "kami", "kame", "sila", "siya", "kayo", "po", "sa", "ay",
                ])
            }) && j < i + 4
            {
                j += 1;
            }
            (i, j, false)
        } else if t.word_in(&["address", "adres", "addres", "adress", "tirahan"]) {
            let mut j = i + 1;
            while toks.get(j).is_some_and(|n| {
                n.word_in(&["is", "ko", "namin", "natin", "ay", "po"]) || n.is(':') || n.is('-')
            }) && j < i + 4
            {
                j += 1;
            }
            if j == i + 1 {
                continue;
            }
            (i, j, true)
        } else if t.word("bahay")
            && toks
                .get(i + 1)
                .is_some_and(|n| n.word_in(&["namin", "ko", "nila", "natin"]))
            && toks
                .get(i + 2)
                .is_some_and(|n| n.word_in(&["ay", "sa", "nasa"]))
        {
            let mut j = i + 2;
            while toks
                .get(j)
                .is_some_and(|n| n.word_in(&["ay", "sa", "nasa"]))
                && j < i + 5
            {
                j += 1;
            }
            (i, j, false)
        } else if t.word_in(&["house", "home", "bahay"])
            && i > 0
            && toks[i - 1].word_in(&["my", "our", "namin", "ko", "aming", "ang"])
            && toks.get(i + 1).is_some_and(|n| {
                n.word_in(&[
                    "is", "ay", "namin", "ko", "sa", "nasa", "number", "no", "address",
                ])
            })
        {
            let mut j = i + 1;
            while toks.get(j).is_some_and(|n| {
                n.word_in(&[
                    "is", "ay", "namin", "ko", "at", "on", "in", "sa", "nasa", "number", "no",
                    "address",
                ]) || n.is('#')
                    || n.is(':')
            }) && j < i + 5
            {
                j += 1;
            }
            (i - 1, j, false)
        } else {
            continue;
        };
        let mut last = None;
        let mut j = from;
        let mut landmark = false;
        while j < n && j < from + 24 {
            if j > from && sentence_break(toks, j) {
                break;
            }
            let t = &toks[j];
            let house = (t.is_numeral() || t.is('#'))
                && (j <= from + 1
                    || toks
                        .get(j + 1)
                        .is_some_and(|n| n.cap || n.word_in(PLACE_WORDS))
                    || toks[j - 1].word_in(&["number", "no", "num"]));
            // "Rizal Street" but not "a street"; "Purok 3" / "Purok Maligaya" but not "a block".
            let named_place = if t.word_in(STREET_AFTER) {
                toks[j - 1].cap || toks[j - 1].has_digit() || t.word_in(STREET_ABBR)
            } else {
                toks.get(j + 1)
                    .is_some_and(|n| n.cap || n.has_digit() || n.is('#') || n.is('.'))
            };
            // "near the church on Mabini": a landmark, then the street it is on.
            landmark |= t.word_in(LANDMARKS);
            let landmark_street = landmark
                && t.word_in(&["on", "along", "sa", "ng"])
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.is_word() && n.cap && !n.word_in(STOP));
            let evidence = (t.word_in(PLACE_WORDS) && named_place)
                || landmark_street
                || house
                || (loose && t.is_word() && (t.cap || t.has_digit()) && j == from);
            if evidence {
                last = Some(if landmark_street { j + 2 } else { j + 1 });
            }
            j += 1;
        }
        if let Some(end) = last {
            push(hits, start, end);
        }
    }
}

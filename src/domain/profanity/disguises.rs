//! The matcher's readings past a plain lookup: Tagalog prefixes stripped, symbols standing for
//! letters, vowels dropped, words glued together, and sound-alike spellings.

use super::*;

impl Matcher {
    /// Tagalog prefixes before a Tagalog form (`nakakagago`, `pinakatanga`, `magpakagago`):
    /// up to two prefixes are stripped and what is left must be a Tagalog form of three letters
    /// or more.
    pub(super) fn lookup_prefixed(&self, folded: &[char]) -> Option<Found> {
        let mut best = None;
        for reading in readings(folded).into_iter().take(4) {
            best = self.better(best, self.strip_prefixes(&reading, 2));
        }
        best
    }

    pub(super) fn strip_prefixes(&self, letters: &[char], depth: usize) -> Option<Found> {
        let mut best = None;
        for prefix in forms::TL_PREFIXES {
            let n = prefix.chars().count();
            if letters.len() < n + 3 || !letters.iter().zip(prefix.chars()).all(|(a, b)| *a == b) {
                continue;
            }
            let rest = &letters[n..];
            let found = self
                .form_for_runs(&Runs::encode(rest))
                .filter(|f| f.language == Language::Tl)
                .map(|f| Found {
                    word: f.word,
                    kind: Kind::Derived,
                });
            let found = match found {
                Some(f) => Some(f),
                None if depth > 1 => self.strip_prefixes(rest, depth - 1),
                None => None,
            };
            best = self.better(best, found);
        }
        best
    }

    /// Letters with some vowels dropped: `tngina`, `pksht`, `fckng`, `btch`.
    pub(super) fn lookup_dropped(&self, folded: &[char]) -> Option<Found> {
        if folded.len() < 4 || folded.contains(&ANY) {
            return None;
        }
        let mut best = None;
        for reading in readings(folded).into_iter().take(4) {
            let skeleton: String = reading.iter().filter(|&&c| !is_vowel(c)).collect();
            let Some(list) = self.by_skeleton.get(&skeleton) else {
                continue;
            };
            let has_vowel = reading.iter().any(|&c| is_vowel(c));
            for &fi in list {
                let f = &self.forms[fi];
                let long = f.letters.len() >= DROP_MIN_LETTERS;
                if (!long && has_vowel)
                    || reading.len() >= f.letters.len()
                    || reading.first() != f.letters.first()
                    || reading.last() != f.letters.last()
                    || !is_subsequence(&reading, &f.letters)
                {
                    continue;
                }
                best = self.better(
                    best,
                    Some(Found {
                        word: f.word,
                        kind: Kind::Dropped,
                    }),
                );
            }
        }
        best
    }

    /// A token with symbols standing for one letter each: `f*ck`, `f#ck`, `s**t`, `b!tch`.
    pub(super) fn lookup_masked(&self, raw: &str) -> Option<Found> {
        // Digits before or after a word are a name's number (`maya07`, `2cool`), never hidden
        // letters; leet digits inside a word are read by the other passes.
        let raw = raw.trim_matches(|c: char| c.is_ascii_digit());
        let (syms, symbols, digits) = fold_masked(raw);
        let wild = symbols + digits;
        let real = syms.len() - wild;
        // Real letters must be at least half the word and two or more (three when digits are
        // read as hidden letters: `k9s` is not `kys`).
        if wild == 0 || syms.len() < 3 || real < 2 || wild > real || (digits > 0 && real < 3) {
            return None;
        }
        if syms.first() == Some(&ANY) && syms.last() == Some(&ANY) {
            // `*hug*`, `**bold**`: decoration around a word, not a hidden letter.
            return None;
        }
        let items = masked_items(&syms);
        let last = items[items.len() - 1];
        let min: usize = items
            .iter()
            .map(|&(c, n)| if c == ANY || n < 3 { n } else { 1 })
            .sum();
        let max: usize = items.iter().map(|&(_, n)| n).sum();
        let mut best = None;
        for len in min..=max {
            let Some(list) = self.by_len.get(&len) else {
                continue;
            };
            for &fi in list {
                let f = &self.forms[fi];
                // Cheap checks first: a real first or last letter must be the form's.
                if (items[0].0 != ANY && f.letters.first() != Some(&items[0].0))
                    || (last.0 != ANY && f.letters.last() != Some(&last.0))
                {
                    continue;
                }
                if masked_match(&items, &f.letters) {
                    best = self.better(
                        best,
                        Some(Found {
                            word: f.word,
                            kind: if symbols > 0 {
                                f.kind
                            } else {
                                f.kind.max(Kind::Masked)
                            },
                        }),
                    );
                }
            }
        }
        best
    }

    /// Listed forms glued to each other or to short common words: `youarestupid`, `fuckyou`,
    /// `gagoka`. A segmentation is groups of (pre-fillers, a listed form, at most one
    /// post-filler), the fillers in the listed word's language.
    pub(super) fn lookup_glued(&self, folded: &[char]) -> Option<Found> {
        let n = folded.len();
        if n < 4 || folded.contains(&WILD) || folded.contains(&ANY) {
            return None;
        }
        // States per position: at a group boundary, inside a group after pre-fillers of some
        // languages, or just after a listed form of a language (where a post-filler may
        // follow). `carry` is the longest listed piece on a path to the position.
        let mut boundary = vec![false; n + 1];
        boundary[0] = true;
        let mut pre = vec![0u8; n + 1];
        let mut after = vec![0u8; n + 1];
        let mut carry: Vec<Option<(usize, usize)>> = vec![None; n + 1];
        let mut pieces = vec![0usize; n + 1];
        let max_piece = self.longest_form.max(8);
        let keep = |a: Option<(usize, usize)>, b: Option<(usize, usize)>| match (a, b) {
            (Some(x), Some(y)) => Some(if y.0 > x.0 { y } else { x }),
            (x, y) => x.or(y),
        };
        for i in 0..n {
            let at_boundary = boundary[i];
            let pre_langs = pre[i];
            let post_langs = after[i];
            if !at_boundary && pre_langs == 0 && post_langs == 0 {
                continue;
            }
            let mut piece = String::new();
            let mut runs = Runs::default();
            for j in (i + 1)..=n.min(i + max_piece) {
                let c = folded[j - 1];
                piece.push(c);
                if runs.letters.ends_with(c) {
                    if let Some(k) = runs.counts.last_mut() {
                        *k = k.saturating_add(1);
                    }
                } else {
                    runs.letters.push(c);
                    runs.counts.push(1);
                }
                if let Some(&(fpre, fpost)) = self.fillers.get(&piece) {
                    let from = if at_boundary { 3 } else { pre_langs };
                    if fpre & from != 0 {
                        pre[j] |= fpre & from;
                        carry[j] = keep(carry[j], carry[i]);
                        pieces[j] = pieces[j].max(pieces[i] + 1);
                    }
                    if fpost & post_langs != 0 {
                        boundary[j] = true;
                        carry[j] = keep(carry[j], carry[i]);
                        pieces[j] = pieces[j].max(pieces[i] + 1);
                    }
                }
                if (at_boundary || pre_langs != 0)
                    && let Some(f) = self.form_for_runs(&runs)
                {
                    let bit = lang_bit(f.language);
                    if at_boundary || pre_langs & bit != 0 {
                        after[j] |= bit;
                        boundary[j] = true;
                        carry[j] = keep(carry[j], keep(carry[i], Some((j - i, f.word))));
                        pieces[j] = pieces[j].max(pieces[i] + 1);
                    }
                }
            }
        }
        let (_, word) = carry[n].filter(|_| boundary[n] && pieces[n] >= 2)?;
        Some(Found {
            word,
            kind: Kind::Glued,
        })
    }
}

/// A sound-alike respelling: `ph` as `f`, `v` or `x` between consonants as `u` (`fvck`,
/// `pvta`, `fxck`), a final `q`, `k` or `kk` after a vowel as `ck` (`fuq`, `fuk`). `None` when
/// nothing changes.
pub(super) fn phonetic(letters: &[char]) -> Option<Vec<char>> {
    let consonant = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_lowercase() && !is_vowel(*c));
    let mut out: Vec<char> = Vec::with_capacity(letters.len() + 1);
    let mut i = 0;
    while i < letters.len() {
        let c = letters[i];
        if c == 'p' && letters.get(i + 1) == Some(&'h') {
            out.push('f');
            i += 2;
            continue;
        }
        if (c == 'v' || c == 'x')
            && i > 0
            && consonant(letters.get(i - 1))
            && consonant(letters.get(i + 1))
        {
            out.push('u');
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    while out.len() >= 3 && out.last() == Some(&'k') && out[out.len() - 2] == 'k' {
        out.pop();
    }
    if out.len() >= 3 && matches!(out.last(), Some('q' | 'k')) && is_vowel(out[out.len() - 2]) {
        out.pop();
        out.extend(['c', 'k']);
    }
    (out != letters && out.len() >= 3).then_some(out)
}

/// Is `short` what is left of `long` after deleting some of its vowels?
pub(super) fn is_subsequence(short: &[char], long: &[char]) -> bool {
    let mut j = 0;
    for &c in long {
        if j < short.len() && short[j] == c {
            j += 1;
        } else if !is_vowel(c) {
            return false;
        }
    }
    j == short.len()
}

/// A masked reading as (letter or [`ANY`], run length).
pub(super) fn masked_items(syms: &[char]) -> Vec<(char, usize)> {
    let mut items: Vec<(char, usize)> = Vec::new();
    for &c in syms {
        match items.last_mut() {
            Some((l, n)) if *l == c => *n += 1,
            _ => items.push((c, 1)),
        }
    }
    items
}

/// Does a masked reading spell `letters`? Each [`ANY`] is one letter; a letter run matches a
/// run as long, or up to as long when stretched to three or more.
pub(super) fn masked_match(items: &[(char, usize)], letters: &[char]) -> bool {
    // Positions reachable in `letters` after each item.
    let mut reach = vec![false; letters.len() + 1];
    reach[0] = true;
    for &(c, n) in items {
        let mut next = vec![false; letters.len() + 1];
        for (p, _) in reach.iter().enumerate().filter(|&(_, &r)| r) {
            if c == ANY {
                if p + n <= letters.len() && letters[p..p + n].iter().all(|&l| l != WILD) {
                    next[p + n] = true;
                }
                continue;
            }
            let lo = if n >= 3 { 1 } else { n };
            for m in lo..=n {
                if p + m <= letters.len() && letters[p..p + m].iter().all(|&l| l == c) {
                    next[p + m] = true;
                }
            }
        }
        reach = next;
    }
    reach[letters.len()]
}

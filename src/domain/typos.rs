//! One-letter typos in a library search ("dragn" for "dragon"): the closest word the library
//! knows, found by edit distance over the search index's own vocabulary. Children spell by ear,
//! so a letter left out, added, changed, or two letters swapped all count as one slip.

use unicode_normalization::UnicodeNormalization;

/// Shortest word worth correcting: below this almost every word is one slip from another.
pub const MIN_LEN: usize = 4;
/// Longest word looked at (longer ones are not typed by children, and cost more to compare).
pub const MAX_LEN: usize = 24;

/// A word as the search index stores it: lower case, accents removed ("Niño" is "nino").
pub fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of a search, as the index would split them.
pub fn words(q: &str) -> Vec<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(fold)
        .collect()
}

/// Where to look first for a word's neighbours in the sorted vocabulary: terms starting with
/// its first two letters, with its first and third (a letter too many second), and with the
/// first two swapped. That finds most slips in a few hundred terms; the rest (a second letter
/// left out or changed) need [`wide_prefix`].
pub fn near_prefixes(word: &str) -> Vec<String> {
    let c: Vec<char> = word.chars().collect();
    let mut out: Vec<String> = Vec::new();
    if c.len() >= 3 {
        for p in [[c[0], c[1]], [c[0], c[2]], [c[1], c[0]]] {
            let p: String = p.iter().collect();
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

/// Where to look when the near places found nothing: every term with the word's first letter
/// (children seldom get the first sound wrong, and the whole vocabulary is not worth reading).
pub fn wide_prefix(word: &str) -> String {
    word.chars().take(1).collect()
}

/// The best prefix to search for instead of `word`, among `terms` (vocabulary terms, with how
/// many stories hold each): a prefix of a known term that is one slip away from `word`. A
/// missing letter is the likeliest slip, then a changed or swapped one, then an extra one; among
/// equals, the prefix of the term most stories hold.
pub fn closest<'a>(word: &str, terms: impl IntoIterator<Item = (&'a str, i64)>) -> Option<String> {
    let w: Vec<char> = word.chars().collect();
    let n = w.len();
    if !(MIN_LEN..=MAX_LEN).contains(&n) {
        return None;
    }
    let mut best: Option<(usize, i64, String)> = None;
    for (term, docs) in terms {
        let t: Vec<char> = term.chars().collect();
        // Prefix lengths in order of likelihood: one longer (a letter was left out), the same,
        // one shorter (a letter too many).
        for (rank, len) in [n + 1, n, n - 1].into_iter().enumerate() {
            if len > t.len() || len < MIN_LEN - 1 {
                continue;
            }
            if one_slip(&w, &t[..len]) {
                let better = match &best {
                    None => true,
                    Some((r, d, _)) => rank < *r || (rank == *r && docs > *d),
                };
                if better {
                    best = Some((rank, docs, t[..len].iter().collect()));
                }
                break;
            }
        }
    }
    best.map(|(_, _, p)| p)
}

/// True when `a` and `b` differ by exactly one slip: a letter added, removed or changed, or
/// two neighbouring letters swapped.
fn one_slip(a: &[char], b: &[char]) -> bool {
    if a == b {
        return false;
    }
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > 1 {
        return false;
    }
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[start..], &b[start..]);
    match n.cmp(&m) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_slip_is_one_and_two_are_not() {
        let s = |a: &str, b: &str| {
            one_slip(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert!(s("dragn", "drago"));
        assert!(s("dragn", "dragon"));
        assert!(s("draggon", "dragon"));
        assert!(s("dargon", "dragon"));
        assert!(s("drakon", "dragon"));
        assert!(!s("dragon", "dragon"));
        assert!(!s("drgn", "dragon"));
        assert!(!s("dorgan", "dragon"));
    }

    #[test]
    fn the_closest_known_word_wins_and_short_words_are_left_alone() {
        let vocab = [("dragon", 5), ("dragonfly", 1), ("drag", 2), ("drama", 3)];
        assert_eq!(closest("dragn", vocab).as_deref(), Some("dragon"));
        assert_eq!(closest("dargon", vocab).as_deref(), Some("dragon"));
        assert_eq!(closest("draggon", vocab).as_deref(), Some("dragon"));
        // Prefixes count: the child may still be typing.
        assert_eq!(
            closest("drgonfl", [("dragonfly", 1)]).as_deref(),
            Some("dragonfl")
        );
        assert_eq!(closest("drm", vocab), None);
        assert_eq!(closest("zzzzzz", vocab), None);
    }

    #[test]
    fn words_are_folded_like_the_index() {
        assert_eq!(words("Niño, ANG  bata!"), vec!["nino", "ang", "bata"]);
    }
}

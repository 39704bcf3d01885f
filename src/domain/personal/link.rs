use super::*;

/// Top-level domains counted after a dot with no spaces ("site.com").
pub(super) const TLDS: &[&str] = &[
    "com", "net", "org", "ph", "io", "co", "ly", "xyz", "info", "biz", "edu", "gov", "app", "dev",
    "uk", "au", "ca", "jp", "kr", "sg", "ru", "de", "fr", "es", "nl", "tk", "ml", "ga", "cf", "gq",
    "cn", "hk", "tw", "nz", "id", "th", "vn", "br", "mx", "ar", "pl", "se", "ch", "eu", "site",
    "online", "club", "pro", "tech", "blog", "link", "xxx", "mil", "int", "asia", "website",
    "space", "click", "icu", "vip", "cc", "ws", "tt", "gl", "sh", "lol", "uwu",
];

/// Top-level domains that are also words: a link only with a path, `www`, a scheme or a known
/// site name ("t.me/name", "youtu.be/x", "instagram.me").
pub(super) const WORD_TLDS: &[&str] = &[
    "me", "tv", "us", "in", "to", "at", "is", "it", "be", "do", "go", "so", "no", "am", "my", "fm",
    "ai", "la", "sa", "na", "live", "fun", "top", "shop", "store", "page", "news", "art", "cat",
    "one", "gg", "today", "world", "games", "game", "media", "video", "chat", "email", "social",
];

/// Country domains that are not English or Tagalog words ("mysite.ee", "mysite dot ee").
pub(super) const CC_TLDS: &[&str] = &[
    "ee", "fi", "gr", "hu", "lt", "lv", "pt", "ro", "sk", "ua", "ie", "il", "ir", "pk", "bd", "za",
    "ke", "cz", "dk", "ae", "qa", "kz", "md", "rs", "hr", "bg", "cl", "pe", "ve", "uy", "py", "ec",
    "cr", "gt", "hn", "pr", "tr", "eg", "tn", "dz", "gh", "lk", "np", "mm", "kh", "mn", "kg", "uz",
    "az", "ge", "lu", "li", "mt", "cy", "vn", "ph",
];

/// Top-level domains counted after a spaced or spelled-out dot ("google . com", "dot com").
pub(super) const SPACED_TLDS: &[&str] = &[
    "com", "net", "org", "ph", "io", "xyz", "edu", "gov", "biz", "ly", "info",
];

/// Site names that make a word-like top-level domain a link.
pub(super) const KNOWN_SITES: &[&str] = &[
    "youtube",
    "youtu",
    "facebook",
    "fb",
    "instagram",
    "instagr",
    "ig",
    "tiktok",
    "vm",
    "vt",
    "twitter",
    "discord",
    "discordapp",
    "roblox",
    "twitch",
    "reddit",
    "snapchat",
    "t",
    "wa",
    "bit",
    "tinyurl",
    "google",
    "goo",
    "linktr",
    "linktree",
    "telegram",
    "tg",
    "m",
    "wattpad",
    "gmail",
    "yahoo",
    "messenger",
    "viber",
    "whatsapp",
    "kik",
    "ask",
    "tumblr",
    "pinterest",
    "spotify",
    "soundcloud",
    "github",
    "blogspot",
    "wordpress",
    "wix",
    "weebly",
    "carrd",
];

/// Mail providers: "name at gmail" is an address even without ".com".
pub(super) const PROVIDERS: &[&str] = &[
    "gmail",
    "googlemail",
    "yahoo",
    "ymail",
    "hotmail",
    "outlook",
    "icloud",
    "proton",
    "protonmail",
    "aol",
    "live",
    "msn",
    "mail",
    "rocketmail",
    "yandex",
    "gmx",
    "zoho",
];

/// Words said for the dot in a domain.
pub(super) const DOT_WORDS: &[&str] = &["dot", "dat", "tuldok", "punto", "period", "point"];

/// A dot between domain labels: `.`, `dot`, `(dot)`, `[dot]`, `tuldok`. Returns the index after
/// it and whether it was spaced or spelled out.
pub(super) fn dot_at(toks: &[Tok], i: usize) -> Option<(usize, bool)> {
    let t = toks.get(i)?;
    if t.is('.') {
        let next = toks.get(i + 1)?;
        if next.gap && next.cap {
            return None; // "at home. Net ball is fun."
        }
        return Some((i + 1, t.gap || next.gap));
    }
    if t.word_in(DOT_WORDS) {
        return Some((i + 1, true));
    }
    let close = closer(t.sym?)?;
    let mid = toks.get(i + 1)?;
    if (mid.word_in(DOT_WORDS) || mid.is('.')) && toks.get(i + 2)?.is(close) {
        return Some((i + 3, true));
    }
    None
}

pub(super) fn closer(open: char) -> Option<char> {
    match open {
        '(' => Some(')'),
        '[' => Some(']'),
        '{' => Some('}'),
        '<' => Some('>'),
        _ => None,
    }
}

/// An "at" between user and domain: `@`, `at`, `(at)`, `[@]`. Returns the index after it and
/// whether it was the `@` sign.
pub(super) fn at_at(toks: &[Tok], i: usize) -> Option<(usize, bool)> {
    let t = toks.get(i)?;
    if t.is('@') {
        return Some((i + 1, true));
    }
    if t.word_in(&["at", "arroba"]) {
        return Some((i + 1, false));
    }
    let close = closer(t.sym?)?;
    let mid = toks.get(i + 1)?;
    if (mid.word_in(&["at", "arroba", "a"]) || mid.is('@')) && toks.get(i + 2)?.is(close) {
        return Some((i + 3, true));
    }
    None
}

/// A domain label: a word, with words joined by `-` or `_` without spaces.
pub(super) fn label_at(toks: &[Tok], i: usize) -> Option<usize> {
    if !toks.get(i)?.is_word() {
        return None;
    }
    let mut end = i + 1;
    while end < i + 24
        && toks
            .get(end)
            .is_some_and(|t| (t.is('-') || t.is('_')) && !t.gap)
        && toks.get(end + 1).is_some_and(|t| t.is_word() && !t.gap)
    {
        end += 2;
    }
    Some(end)
}

pub(super) struct Domain {
    /// Token index after the domain.
    pub(super) end: usize,
    /// Index of the first label.
    pub(super) start: usize,
    pub(super) labels: Vec<String>,
}

/// The longest domain starting at `i` whose last label is a top-level domain (or that starts
/// with `www`). `mail` also accepts a bare mail provider ("name at gmail").
pub(super) fn domain_at(toks: &[Tok], i: usize, mail: bool) -> Option<Domain> {
    let mut end = label_at(toks, i)?;
    let mut labels = vec![toks[i].text.clone()];
    // ends[k] = end of label k; spaced[k] = the dot before label k was spaced or spelled.
    let mut ends = vec![end];
    let mut spaced = vec![false];
    while labels.len() < 8 {
        let Some((after, sp)) = dot_at(toks, end) else {
            break;
        };
        let Some(label_end) = label_at(toks, after) else {
            break;
        };
        labels.push(toks[after].text.clone());
        spaced.push(sp);
        ends.push(label_end);
        end = label_end;
    }
    let www = labels[0] == "www";
    for k in (2..=labels.len()).rev() {
        let tld = labels[k - 1].as_str();
        let any_spaced = spaced[1..k].iter().any(|&s| s);
        let path = toks.get(ends[k - 1]).is_some_and(|t| t.is('/') && !t.gap);
        let known = labels[..k - 1]
            .iter()
            .any(|l| KNOWN_SITES.contains(&l.as_str()) || PROVIDERS.contains(&l.as_str()));
        let slash = path || toks.get(ends[k - 1]).is_some_and(|t| t.word("slash"));
        let country = CC_TLDS.contains(&tld);
        let plain_first = toks[i].word_in(STOP) || toks[i].word_in(AT_VERBS);
        let ok = if any_spaced {
            SPACED_TLDS.contains(&tld)
                || www
                || (known && (TLDS.contains(&tld) || country))
                || (slash && WORD_TLDS.contains(&tld))
                || (slash && TLDS.contains(&tld))
                || (country && !plain_first)
        } else {
            TLDS.contains(&tld)
                || country
                || (WORD_TLDS.contains(&tld) && (path || known || www || mail))
                || (www && tld.chars().all(char::is_alphabetic))
        };
        if ok {
            return Some(Domain {
                end: ends[k - 1],
                start: i,
                labels: labels[..k].to_vec(),
            });
        }
    }
    if mail && PROVIDERS.contains(&labels[0].as_str()) {
        return Some(Domain {
            end: ends[0],
            start: i,
            labels: vec![labels[0].clone()],
        });
    }
    None
}

/// Extends a link over a path glued to it ("/watch?v=x"), leaving off closing punctuation.
pub(super) fn path_end(toks: &[Tok], mut end: usize) -> usize {
    // "youtube dot com slash luna"
    if toks.get(end).is_some_and(|t| t.word("slash")) && toks.get(end + 1).is_some_and(Tok::is_word)
    {
        return end + 2;
    }
    if !toks
        .get(end)
        .is_some_and(|t| !t.gap && matches!(t.sym, Some('/' | ':' | '?' | '#')))
    {
        return end;
    }
    let mut last_good = end;
    while toks.get(end).is_some_and(|t| !t.gap) {
        if !matches!(
            toks[end].sym,
            Some('.' | ',' | '!' | '?' | ')' | '"' | '\'')
        ) {
            last_good = end + 1;
        }
        end += 1;
    }
    last_good
}

pub(super) fn find_links(toks: &[Tok], hits: &mut Vec<Hit>) {
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // A scheme: http:// https:// hxxp://
        if t.word_in(&["http", "https", "hxxp", "hxxps", "ftp", "www"])
            && toks.get(i + 1).is_some_and(|t| t.is(':'))
            && toks.get(i + 2).is_some_and(|t| t.is('/'))
        {
            let mut end = i + 3;
            while toks.get(end).is_some_and(|t| t.is('/')) {
                end += 1;
            }
            if let Some(d) = domain_at(toks, end, false) {
                end = d.end;
            } else {
                while toks.get(end).is_some_and(|t| !t.gap) {
                    end += 1;
                }
            }
            let end = path_end(toks, end);
            hits.push(Hit {
                kind: Kind::Link,
                ts: i,
                te: end.max(i + 3),
            });
            i = end.max(i + 1);
            continue;
        }
        // "www roblox com", "youtube com", "lunastories dotcom"
        if t.is_word() && (t.word("www") || t.word_in(KNOWN_SITES)) {
            let mut j = i + 1;
            if t.word("www") && toks.get(j).is_some_and(|t| t.is_word() && !t.word_in(TLDS)) {
                j += 1;
            }
            // "discord gg abc123": a site, its domain ending and a name or a path.
            let named_after = toks.get(j + 1).is_some_and(|n| {
                (n.is_word() && (n.has_digit() || n.word("slash"))) || (n.is('/') && !n.gap)
            });
            let ending = toks.get(j).is_some_and(|t| {
                t.gap
                    && (t.word_in(SPACED_TLDS)
                        || (named_after
                            && (t.word_in(TLDS) || t.word_in(WORD_TLDS) || t.word_in(CC_TLDS))))
            });
            if (j > i + 1 || t.word_in(KNOWN_SITES)) && ending {
                let j = if named_after { j + 1 } else { j };
                hits.push(Hit {
                    kind: Kind::Link,
                    ts: i,
                    te: j + 1,
                });
                i = j + 1;
                continue;
            }
        }
        if t.is_word() && glued_tld(&t.text).is_some() && i > 0 && toks[i - 1].is_word() {
            hits.push(Hit {
                kind: Kind::Link,
                ts: i - 1,
                te: i + 1,
            });
            i += 1;
            continue;
        }
        // A domain, not starting inside a longer one.
        let inside = i > 0 && !t.gap && matches!(toks[i - 1].sym, Some('.' | '-' | '_' | '@'));
        if t.is_word()
            && !inside
            && let Some(d) = domain_at(toks, i, false)
        {
            let end = path_end(toks, d.end);
            hits.push(Hit {
                kind: Kind::Link,
                ts: i,
                te: end,
            });
            i = end;
            continue;
        }
        i += 1;
    }
}

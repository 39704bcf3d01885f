use super::*;

/// Apps where people can be found by name.
pub(super) const SOCIAL: &[&str] = &[
    "ig",
    "insta",
    "instagram",
    "fb",
    "facebook",
    "tiktok",
    "snap",
    "snapchat",
    "discord",
    "messenger",
    "viber",
    "whatsapp",
    "telegram",
    "twitter",
    "youtube",
    "yt",
    "twitch",
    "kik",
    "wechat",
    "skype",
    "threads",
    "tumblr",
    "pinterest",
    "wattpad",
    "reddit",
    "ttk",
    "tg",
    "line",
    "signal",
];

/// Platform names that are also everyday words: a handle only with an unmistakable name
/// ("snap: luna_22") or an asking verb ("add me on line").
const WEAK_PLATFORMS: &[&str] = &[
    "threads", "snap", "line", "signal", "x", "among", "steam", "brawl", "ml", "ff", "kik",
];

/// Verbs asking to be contacted.
const CONTACT_VERBS: &[&str] = &[
    "add",
    "text",
    "message",
    "msg",
    "call",
    "chat",
    "find",
    "follow",
    "dm",
    "pm",
    "contact",
    "reach",
    "search",
    "hmu",
    "ping",
    "friend",
    "sub",
    "subscribe",
    "hanapin",
    "i-add",
    "iadd",
];

/// An unmistakable user name: letters with digits or an underscore ("luna_sky22", "CoolKid22"),
/// or CamelCase, and not a time ("3pm").
fn strong_name(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if !t.is_word() || t.text.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let time_like = t
        .text
        .trim_end_matches(['a', 'p', 'm'])
        .bytes()
        .all(|b| b.is_ascii_digit());
    let letters = t.text.chars().any(char::is_alphabetic);
    let underscored = toks.get(i + 1).is_some_and(|n| n.is('_') && !n.gap)
        || (i > 0 && toks[i - 1].is('_') && !t.gap);
    letters && !time_like && (t.has_digit() || underscored || t.camel)
}

/// Games with player names: a handle only with "name", "username", "id" or a name-like word.
pub(super) const GAMES: &[&str] = &[
    "roblox",
    "minecraft",
    "fortnite",
    "steam",
    "psn",
    "xbox",
    "genshin",
    "ml",
    "mlbb",
    "codm",
    "valorant",
    "brawl",
    "freefire",
    "ff",
    "pubg",
    "among",
];

/// Words naming an account.
pub(super) const ID_WORDS: &[&str] = &[
    "username",
    "user",
    "ign",
    "uid",
    "gamertag",
    "handle",
    "acc",
    "account",
    "usern",
    "screenname",
    "id",
    "name",
    "pangalan",
];

pub(super) const ID_HEADS: &[&str] =
    &["username", "ign", "uid", "gamertag", "handle", "screenname"];

/// A name-like word: has a digit or underscore, or is followed by one.
pub(super) fn namey(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.is_word()
            && (t.has_digit()
                || t.camel
                || (toks
                    .get(i + 1)
                    .is_some_and(|n| !n.gap && matches!(n.sym, Some('_' | '.' | '#')))
                    && toks.get(i + 2).is_some_and(|n| !n.gap && n.is_word())))
    })
}

/// End of a user name starting at `i` (words joined by `_`, `.`, `-`, `#`), if there is one.
pub(super) fn name_end(toks: &[Tok], i: usize) -> Option<usize> {
    let mut i = i;
    if toks.get(i).is_some_and(|t| t.is('@')) {
        i += 1;
    }
    if !toks.get(i)?.is_word() {
        return None;
    }
    let mut end = i + 1;
    while end < i + 40 {
        let joined = toks
            .get(end)
            .is_some_and(|t| !t.gap && matches!(t.sym, Some('_' | '.' | '-' | '#')));
        if joined && toks.get(end + 1).is_some_and(|t| t.is_word() && !t.gap) {
            end += 2;
        } else if toks.get(end).is_some_and(|t| t.is('_') && !t.gap) {
            end += 1;
        } else {
            break;
        }
    }
    Some(end)
}

pub(super) fn find_handles(toks: &[Tok], hits: &mut Vec<Hit>) {
    let n = toks.len();
    let push = |hits: &mut Vec<Hit>, ts: usize, te: usize| {
        hits.push(Hit {
            kind: Kind::Handle,
            ts,
            te,
        })
    };
    for i in 0..n {
        let t = &toks[i];
        // @name
        let underscored = toks.get(i + 1).is_some_and(|n| n.is('_') && !n.gap)
            && toks.get(i + 2).is_some_and(|n| n.is_word() && !n.gap);
        if t.is('@') && underscored {
            let end = name_end(toks, i + 2).unwrap_or(i + 3);
            push(hits, i, end);
        }
        if t.is('@') && toks.get(i + 1).is_some_and(|n| n.is_word() && !n.gap) {
            let word = &toks[i + 1].text;
            let time_like = word
                .trim_end_matches(['a', 'p', 'm'])
                .bytes()
                .all(|b| b.is_ascii_digit());
            let letters = word.chars().any(char::is_alphabetic);
            if (word.chars().count() >= 2 && letters && !time_like) || word.len() >= 4 {
                let end = name_end(toks, i + 1).unwrap_or(i + 2);
                push(hits, i, end);
            }
        }
        // name#1234 (Discord tag)
        if t.is('#')
            && !t.gap
            && i > 0
            && toks[i - 1].is_word()
            && toks[i - 1].text.chars().any(char::is_alphabetic)
            && toks
                .get(i + 1)
                .is_some_and(|n| !n.gap && n.is_numeral() && n.text.len() == 4)
        {
            push(hits, i - 1, i + 2);
        }
        // "@ luna_sky22"
        if t.is('@') && toks.get(i + 1).is_some_and(|n| n.gap) && strong_name(toks, i + 1) {
            let end = name_end(toks, i + 1).unwrap_or(i + 2);
            push(hits, i, end);
        }
        if !t.is_word() {
            continue;
        }
        let weak = t.word_in(WEAK_PLATFORMS);
        let asked = toks[i.saturating_sub(4)..i]
            .iter()
            .any(|t| t.word_in(CONTACT_VERBS) || t.word_in(&["my", "our", "aking"]));
        // "luna_sky22 on tiktok", "search luna_sky22 sa fb"
        if (t.word_in(SOCIAL) || t.word_in(GAMES))
            && (!weak || asked)
            && i >= 2
            && toks[i - 1].word_in(&["on", "in", "at", "sa", "via", "@"])
            && strong_name(toks, i - 2)
        {
            let mut s = i - 2;
            while s >= 2 && toks[s - 1].is('_') && !toks[s].gap && toks[s - 2].is_word() {
                s -= 2;
            }
            if s > 0 && toks[s - 1].is('@') {
                s -= 1;
            }
            push(hits, s, i + 1);
            continue;
        }
        // "snapchat luna_sky22", "my snap luna_sky22"
        if (t.word_in(SOCIAL) || t.word_in(GAMES))
            && (!weak || asked)
            && toks.get(i + 1).is_some_and(|n| n.gap)
            && strong_name(toks, i + 1)
        {
            let end = name_end(toks, i + 1).unwrap_or(i + 2);
            let start = if i > 0 && toks[i - 1].word_in(&["my", "our"]) {
                i - 1
            } else {
                i
            };
            push(hits, start, end);
            continue;
        }
        let social = t.word_in(SOCIAL);
        let game = t.word_in(GAMES);
        let x = t.word("x");
        let id_head = t.word_in(ID_HEADS);
        // (me|ako) [up] (on|in|at|sa|via) PLATFORM — "follow me on ig", "i-add mo ako sa fb"
        if (social || game || x)
            && i >= 2
            && toks[i - 1].word_in(&["on", "in", "at", "sa", "via", "thru", "through", "@"])
        {
            let me = (i.saturating_sub(4)..i - 1)
                .rev()
                .find(|&k| toks[k].word_in(&["me", "ako", "kami", "us", "mi"]));
            let verb_ok = !weak
                || me.is_some_and(|k| {
                    toks[k.saturating_sub(2)..k]
                        .iter()
                        .any(|t| t.word_in(CONTACT_VERBS))
                });
            if let Some(k) = me
                && verb_ok
                && toks[k + 1..i - 1]
                    .iter()
                    .all(|t| t.word_in(&["up", "lang", "na", "po", "nalang", "nlng", "rin", "din"]))
            {
                let end = after_platform(toks, i);
                push(hits, k, end);
                continue;
            }
        }
        // follow my PLATFORM / subscribe to my youtube
        if (social || game)
            && i >= 2
            && toks[i - 1].word_in(&["my", "our"])
            && toks[i.saturating_sub(4)..i - 1].iter().any(|t| {
                t.word_in(&[
                    "follow",
                    "subscribe",
                    "sub",
                    "add",
                    "visit",
                    "like",
                    "check",
                    "watch",
                    "message",
                    "msg",
                    "dm",
                    "pm",
                ])
            })
        {
            let end = name_end(toks, i + 1).filter(|_| {
                toks.get(i + 1)
                    .is_some_and(|t| t.word_in(&["channel", "page", "account", "acc"]))
            });
            push(hits, i - 1, end.unwrap_or(i + 1));
            continue;
        }
        // add me: name
        if t.word_in(&["add", "follow", "dm", "message", "msg", "pm", "text"])
            && toks
                .get(i + 1)
                .is_some_and(|n| n.word_in(&["me", "ako", "us"]))
            && toks.get(i + 2).is_some_and(|n| n.is(':'))
            && let Some(end) = name_end(toks, i + 3)
        {
            push(hits, i, end);
            continue;
        }
        // PLATFORM ko — "sa fb ko", "ig ko: luna"
        if (social || game)
            && toks
                .get(i + 1)
                .is_some_and(|n| n.word_in(&["ko", "namin", "ni"]))
            && ((i > 0 && toks[i - 1].word("sa"))
                || toks
                    .get(i + 2)
                    .is_some_and(|n| n.is(':') || n.is('@') || n.word_in(&["ay", "is", "si"]))
                || namey(toks, i + 2))
        {
            let start = if i > 0 && toks[i - 1].word("sa") {
                i - 1
            } else {
                i
            };
            let end = after_platform(toks, i + 1);
            push(hits, start, end.max(i + 2));
            continue;
        }
        // PLATFORM user: name / PLATFORM username is name
        if (social || game)
            && toks.get(i + 1).is_some_and(|n| n.word_in(ID_WORDS))
            && toks
                .get(i + 2)
                .is_some_and(|n| n.is(':') || n.is('=') || n.word_in(&["is", "ay"]))
            && let Some(end) = name_end(toks, i + 3)
        {
            push(hits, i, end);
            continue;
        }
        // PLATFORM: name / username: name
        if (social || game || x || id_head)
            && toks
                .get(i + 1)
                .is_some_and(|n| matches!(n.sym, Some(':' | '=' | '-' | '>')))
            && toks.get(i + 2).is_some_and(|n| n.is_word() || n.is('@'))
            && (social || id_head || namey(toks, i + 2) || toks[i + 2].is('@'))
            && !(weak
                && !(toks[i + 1].is(':') && (strong_name(toks, i + 2) || toks[i + 2].is('@'))))
        {
            let end = name_end(toks, i + 2).unwrap_or(i + 3);
            push(hits, i, end);
            continue;
        }
        // my PLATFORM [name|username|id] is NAME / my username is NAME
        if (social || game || id_head || t.word_in(ID_WORDS))
            && i > 0
            && toks[i - 1].word_in(&["my", "our", "mine", "aking"])
        {
            let mut j = i + 1;
            let mut named = id_head;
            while toks.get(j).is_some_and(|t| t.word_in(ID_WORDS)) && j < i + 3 {
                named = true;
                j += 1;
            }
            let generic_name = !social && !game && !id_head;
            if generic_name {
                // "my name is Luna" is fine; "my account is ..." too vague alone.
                continue;
            }
            if toks
                .get(j)
                .is_some_and(|t| t.word_in(&["is", "ay", ":", "="]) || t.is(':') || t.is('='))
                && toks.get(j + 1).is_some()
                && (social || named || namey(toks, j + 1) || toks[j + 1].is('@'))
                && (!weak || strong_name(toks, j + 1) || toks[j + 1].is('@'))
            {
                let end = name_end(toks, j + 1).unwrap_or(j + 2);
                push(hits, i - 1, end);
                continue;
            }
        }
        // username is NAME (no "my")
        if id_head
            && toks
                .get(i + 1)
                .is_some_and(|n| n.word_in(&["is", "ay", "ko"]))
            && let Some(end) = name_end(toks, i + 2)
        {
            push(hits, i, end);
        }
    }
}

/// End of a platform mention, including a name after `:` or "is" / "ay".
pub(super) fn after_platform(toks: &[Tok], i: usize) -> usize {
    let mut j = i + 1;
    if toks
        .get(j)
        .is_some_and(|t| t.is(':') || t.word_in(&["is", "ay", "="]))
    {
        j += 1;
        if let Some(e) = name_end(toks, j) {
            return e;
        }
        return j;
    }
    j
}

use super::*;

/// Start of the user part of an e-mail address ending just before `at`: a word, with words
/// joined by `.`, `_`, `-`, `+` without spaces.
pub(super) fn local_start(toks: &[Tok], at: usize) -> Option<usize> {
    let mut s = at.checked_sub(1)?;
    if !toks[s].is_word() {
        return None;
    }
    let mut steps = 0;
    while s >= 2 && steps < 6 {
        let glued_join = !toks[s].gap
            && toks[s - 1]
                .sym
                .is_some_and(|c| matches!(c, '.' | '_' | '-' | '+'))
            && !toks[s - 1].gap;
        let spelled_dot = toks[s - 1].word_in(&["dot", "underscore"]);
        if (glued_join || spelled_dot) && toks[s - 2].is_word() {
            s -= 2;
            steps += 1;
        } else {
            break;
        }
    }
    Some(s)
}

/// Words that come before "at" in ordinary sentences.
pub(super) const AT_VERBS: &[&str] = &[
    "look", "looked", "looking", "looks", "me", "us", "them", "him", "stay", "stayed", "play",
    "played", "meet", "see", "check", "am", "here", "there", "out", "arrive", "arrived", "stop",
    "stopped", "stared", "smiled", "laughed", "pointed", "waved", "school", "home", "work", "sat",
    "sit", "good", "bad", "best", "great", "even", "not", "only", "just",
];

/// The top-level domain of a word like "dotcom" / "dotph".
pub(super) fn glued_tld(w: &str) -> Option<&str> {
    w.strip_prefix("dot").filter(|t| SPACED_TLDS.contains(t))
}

pub(super) fn find_emails(toks: &[Tok], hits: &mut Vec<Hit>) {
    for i in 0..toks.len() {
        // user (at) domain
        if let Some((after, sign)) = at_at(toks, i) {
            let local = local_start(toks, i);
            if let Some(d) = domain_at(toks, after, true) {
                let provider = d.labels.iter().any(|l| PROVIDERS.contains(&l.as_str()));
                // "look at mygame.xyz" is a link; "juan at school.edu" an address.
                let plain_word = local.is_some_and(|l| {
                    l + 1 == i && (toks[l].word_in(STOP) || toks[l].word_in(AT_VERBS))
                });
                // "juan at gmail" ends there; "worked at Yahoo for years" goes on.
                let ends_here = toks.get(d.end).is_none_or(|t| !t.is_word());
                let spelled_ok = sign
                    || (d.labels.len() >= 2 && (provider || !plain_word))
                    || (provider && !plain_word && ends_here);
                if spelled_ok && (local.is_some() || (sign && (provider || d.labels.len() >= 2))) {
                    hits.push(Hit {
                        kind: Kind::Email,
                        ts: local.unwrap_or(i),
                        te: d.end.max(d.start + 1),
                    });
                }
            }
        }
        // user atgmail dotcom
        if let Some(rest) = toks[i].text.strip_prefix("at")
            && toks[i].is_word()
            && PROVIDERS.contains(&rest)
            && rest != "live"
            && rest != "mail"
            && i > 0
            && toks[i - 1].is_word()
        {
            let mut te = i + 1;
            if toks.get(te).is_some_and(|t| glued_tld(&t.text).is_some()) {
                te += 1;
            }
            hits.push(Hit {
                kind: Kind::Email,
                ts: i - 1,
                te,
            });
        }
        // user gmail com / user * gmail * com / user 🌀 gmail 🌀 com / luna23 gmail
        if toks[i].word_in(PROVIDERS) && !toks[i].word("live") && !toks[i].word("mail") {
            let mut p = i;
            while p > 0 && p + 3 > i && toks[p - 1].sym.is_some_and(|c| c != '.' && c != ',') {
                p -= 1;
            }
            let local = p.checked_sub(1).filter(|&l| {
                toks[l].is_word()
                    && !toks[l].word_in(&[
                        "my", "the", "a", "sa", "ang", "use", "uses", "in", "on", "your", "his",
                        "her", "our", "their", "and", "or", "with", "new", "old",
                    ])
            });
            let mut j = i + 1;
            while j < i + 4 && toks.get(j).is_some_and(|t| t.sym.is_some_and(|c| c != '.')) {
                j += 1;
            }
            if let Some((after, _)) = dot_at(toks, j) {
                j = after;
            }
            if let Some(l) = local {
                let ts = if p == i {
                    local_start(toks, i).unwrap_or(l)
                } else {
                    l
                };
                if toks.get(j).is_some_and(|t| t.word_in(SPACED_TLDS)) {
                    hits.push(Hit {
                        kind: Kind::Email,
                        ts,
                        te: j + 1,
                    });
                } else if namey(toks, l) && toks.get(i + 1).is_none_or(|t| !t.is_word()) {
                    hits.push(Hit {
                        kind: Kind::Email,
                        ts,
                        te: i + 1,
                    });
                }
            }
        }
        // my gmail is luna23 / email ko: luna23
        if toks[i].word_in(PROVIDERS)
            || toks[i].word_in(&["email", "gmail", "mail", "emailadd", "emailaddress"])
        {
            let mut j = i + 1;
            while j < i + 3
                && toks.get(j).is_some_and(|t| {
                    t.word_in(&["is", "ay", "ko", "add", "address", "po"])
                        || t.is(':')
                        || t.is('=')
                        || t.is('-')
                })
            {
                j += 1;
            }
            if j > i + 1
                && namey(toks, j)
                && let Some(end) = name_end(toks, j)
            {
                hits.push(Hit {
                    kind: Kind::Email,
                    ts: i,
                    te: end,
                });
            }
        }
        // juandc2012atgmaildotcom
        if toks[i].is_word() && glued_email(&toks[i].text) {
            hits.push(Hit {
                kind: Kind::Email,
                ts: i,
                te: i + 1,
            });
        }
    }
}

/// A whole address written as one word: "juan23atgmaildotcom", "juan23gmailcom",
/// "juan23atgmail".
fn glued_email(w: &str) -> bool {
    if w.len() < 8 || !w.is_ascii() {
        return false;
    }
    PROVIDERS
        .iter()
        .filter(|p| !matches!(**p, "live" | "mail" | "msn" | "aol" | "gmx"))
        .any(|p| {
            w.match_indices(p).any(|(at, _)| {
                let (before, after) = (&w[..at], &w[at + p.len()..]);
                let tld = after.strip_prefix("dot").unwrap_or(after);
                let with_at = before.len() >= 4 && before.ends_with("at");
                (after.is_empty() && with_at)
                    || (!after.is_empty() && SPACED_TLDS.contains(&tld) && before.len() >= 2)
            })
        })
}

//! `pixeltales profanity seed|add|remove|list`. A running server notices changes within a few
//! seconds (the list version is polled).

use std::process::ExitCode;

use super::{ProfanityAction, open_db};
use crate::config::Config;
use crate::db::pool::write_tx;
use crate::domain::profanity::{Language, Severity};
use crate::error::Error;
use crate::store::profanity::{Added, add_word, list_words, parse_word_file, remove_word};

fn language(s: &str) -> Result<Language, String> {
    Language::parse(s).ok_or_else(|| format!("--lang must be en or tl (got {s:?})"))
}

fn severity(s: &str) -> Result<Severity, String> {
    Severity::parse(s)
        .ok_or_else(|| format!("--severity must be mild, moderate or severe (got {s:?})"))
}

pub(super) fn run(config: &Config, action: ProfanityAction) -> Result<ExitCode, String> {
    let mut conn = open_db(config)?;
    match action {
        ProfanityAction::Seed {
            file,
            lang,
            severity: sev,
        } => {
            let (lang, sev) = (language(&lang)?, severity(&sev)?);
            let text = std::fs::read_to_string(&file)
                .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let words = parse_word_file(&text);
            let mut counts = [0usize; 4];
            let mut rejected = Vec::new();
            write_tx(&mut conn, |tx| {
                for w in &words {
                    match add_word(tx, w, lang, sev) {
                        Ok(Added::New) => counts[0] += 1,
                        Ok(Added::Updated) => counts[1] += 1,
                        Ok(Added::Unchanged) => counts[2] += 1,
                        Err(e) => {
                            counts[3] += 1;
                            rejected.push(e);
                        }
                    }
                }
                Ok(())
            })
            .map_err(|e: Error| e.to_string())?;
            for r in &rejected {
                eprintln!("skipped: {r}");
            }
            say!(
                "{} added, {} updated, {} already there, {} skipped ({} lines read)",
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                words.len()
            );
        }
        ProfanityAction::Add {
            word,
            lang,
            severity: sev,
        } => {
            let (lang, sev) = (language(&lang)?, severity(&sev)?);
            let added = write_tx(&mut conn, |tx| {
                add_word(tx, &word, lang, sev).map_err(|e| Error::bad_request("bad_word", e))
            })
            .map_err(|e| e.message())?;
            let what = match added {
                Added::New => "added",
                Added::Updated => "updated",
                Added::Unchanged => "already listed",
            };
            say!(
                "{what}: {} ({}, {})",
                word.trim().to_lowercase(),
                lang.as_str(),
                sev.as_str()
            );
        }
        ProfanityAction::Remove { word, lang } => {
            let lang = lang.as_deref().map(language).transpose()?;
            let n = write_tx(&mut conn, |tx| {
                remove_word(tx, &word, lang).map_err(Error::from)
            })
            .map_err(|e| e.to_string())?;
            if n == 0 {
                return Err(format!("{word:?} is not in the list"));
            }
            say!("removed {n} entr{}", if n == 1 { "y" } else { "ies" });
        }
        ProfanityAction::List { lang } => {
            let lang = lang.as_deref().map(language).transpose()?;
            let words = list_words(&conn, lang).map_err(|e| e.to_string())?;
            for w in &words {
                say!(
                    "{}\t{}\t{}{}",
                    w.text,
                    w.language.as_str(),
                    w.severity.as_str(),
                    if w.active { "" } else { "\tinactive" }
                );
            }
            eprintln!("{} word(s)", words.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}

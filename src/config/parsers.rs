//! Value parsers for the flags: each range and shape is checked where the flag is declared, and
//! a bad value stops the start with one line naming the flag (Render shows crash loops, not
//! stack traces).

use std::ffi::OsStr;
use std::fmt::Display;
use std::path::PathBuf;
use std::str::FromStr;

use clap::builder::TypedValueParser;
use clap::error::ErrorKind;
use clap::{Arg, Command};

fn refuse(cmd: &Command, message: String) -> clap::Error {
    clap::Error::raw(ErrorKind::ValueValidation, format!("{message}\n")).with_cmd(cmd)
}

fn flag(arg: Option<&Arg>) -> String {
    arg.and_then(Arg::get_long)
        .map_or_else(|| "value".to_string(), |l| format!("--{l}"))
}

fn text<'v>(cmd: &Command, arg: Option<&Arg>, value: &'v OsStr) -> Result<&'v str, clap::Error> {
    value
        .to_str()
        .ok_or_else(|| refuse(cmd, format!("{} must be plain text", flag(arg))))
}

/// A number between `lo` and `hi`, inclusive.
#[derive(Clone)]
pub struct Within<T> {
    lo: T,
    hi: T,
}

/// A number between `lo` and `hi`, inclusive.
pub fn within<T>(lo: T, hi: T) -> Within<T> {
    Within { lo, hi }
}

impl<T> TypedValueParser for Within<T>
where
    T: FromStr + PartialOrd + Display + Clone + Send + Sync + 'static,
{
    type Value = T;

    fn parse_ref(&self, cmd: &Command, arg: Option<&Arg>, value: &OsStr) -> Result<T, clap::Error> {
        let (lo, hi) = (&self.lo, &self.hi);
        let raw = text(cmd, arg, value)?;
        let v: T = raw.trim().parse().map_err(|_| {
            refuse(
                cmd,
                format!(
                    "{} must be a number between {lo} and {hi} (got {raw:?})",
                    flag(arg)
                ),
            )
        })?;
        if v < self.lo || v > self.hi {
            return Err(refuse(
                cmd,
                format!("{} must be between {lo} and {hi} (got {v})", flag(arg)),
            ));
        }
        Ok(v)
    }
}

/// A public origin such as `https://tales.example.org` (no path).
pub fn origin(url: &str) -> Result<String, String> {
    let ok = (url.starts_with("http://") || url.starts_with("https://"))
        && url.split("://").nth(1).is_some_and(|rest| {
            let host = rest.trim_end_matches('/');
            !host.is_empty() && !host.contains('/') && !host.contains(' ')
        });
    if ok {
        Ok(url.to_string())
    } else {
        Err(format!(
            "--public-url must be an origin like https://tales.example.org (got {url:?})"
        ))
    }
}

/// A model server's chat-completions URL that the built-in HTTP client can reach.
pub fn llm_url(url: &str) -> Result<String, String> {
    if crate::assist::llm::Endpoint::parse(url).is_some() {
        Ok(url.to_string())
    } else {
        Err(format!(
            "--llm-url must look like http://host:port/v1/chat/completions (got {url}); \
             https is not built in: put the model server on this machine or behind a local proxy"
        ))
    }
}

/// A data directory path that is not empty.
pub fn data_dir(path: &str) -> Result<PathBuf, String> {
    if path.is_empty() {
        Err("--data-dir must not be empty".to_string())
    } else {
        Ok(PathBuf::from(path))
    }
}

/// A value checked by `check`, whose message is the whole error line.
#[derive(Clone)]
pub struct Checked<T>(fn(&str) -> Result<T, String>);

/// A value checked by `check`, whose message is the whole error line.
pub fn checked<T>(check: fn(&str) -> Result<T, String>) -> Checked<T> {
    Checked(check)
}

impl<T: Clone + Send + Sync + 'static> TypedValueParser for Checked<T> {
    type Value = T;

    fn parse_ref(&self, cmd: &Command, arg: Option<&Arg>, value: &OsStr) -> Result<T, clap::Error> {
        (self.0)(text(cmd, arg, value)?).map_err(|m| refuse(cmd, m))
    }
}

/// A network in CIDR form (`10.0.0.0/8`) or a single address.
pub fn network(text: &str) -> Result<ipnet::IpNet, String> {
    let text = text.trim();
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map(|n| n.trunc())
        .map_err(|_| {
            format!(
                "--trusted-networks takes networks like 10.0.0.0/8,192.168.1.0/24 (got {text:?})"
            )
        })
}

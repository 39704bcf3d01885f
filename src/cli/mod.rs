//! The command line: `serve` (the default), `admin`, `profanity`, `backup`, `restore`, `check`.
//!
//! Every subcommand reads the same flags and environment as `serve`, so they all act on the same
//! data directory. Errors print as one line and exit non-zero.

/// `println!` for command output: when the reader has gone (`pixeltales profanity list | head`)
/// the command stops quietly with success instead of panicking on the closed pipe.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let mut out = std::io::stdout().lock();
        if let Err(e) = writeln!(out, $($t)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }};
}

mod admin;
mod data;
mod profanity;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rusqlite::Connection;

use crate::config::{Config, first_line};

/// PixelTales: a storytelling studio for children, in one binary.
#[derive(Parser, Debug)]
#[command(name = "pixeltales", version = crate::VERSION, about, long_about = None)]
pub struct Cli {
    /// Settings shared by every command.
    #[command(flatten)]
    pub config: Config,
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the server (the default).
    Serve,
    /// Create admins and reset passwords.
    Admin {
        #[command(subcommand)]
        action: AdminAction,
    },
    /// Approve teachers who signed themselves up.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Manage the profanity word list.
    Profanity {
        #[command(subcommand)]
        action: ProfanityAction,
    },
    /// Copy the database to FILE (default: DATA_DIR/backups/pixeltales-<time>.db); safe while
    /// the server runs.
    Backup {
        /// Where to write the copy.
        file: Option<PathBuf>,
    },
    /// Replace the database with a backup (stop the server first).
    Restore {
        /// The backup to restore.
        file: PathBuf,
    },
    /// Check the database's integrity and schema version.
    Check,
    /// Ask the server running on this machine (at --addr/--port) whether it is healthy; exits 0
    /// when it is, 1 when not. For container health checks, where there is no curl.
    Healthcheck,
    /// Seed a sample classroom (a teacher, four children, 14 illustrated stories in English and
    /// Tagalog) so a fresh install has something to read. Safe to run again.
    Demo {
        /// Instead of the classroom, add this many generated readers (for benchmarks).
        #[arg(long)]
        bulk_users: Option<usize>,
        /// With --bulk-users: this many generated published stories.
        #[arg(long, default_value_t = 0)]
        bulk_stories: usize,
        /// With --bulk-users: pages per generated story.
        #[arg(long, default_value_t = 5)]
        bulk_pages: usize,
    },
}

/// `pixeltales admin ...`
#[derive(Subcommand, Debug)]
pub enum AdminAction {
    /// Create an admin account; the password is read from the terminal or stdin, never argv.
    Create {
        /// Username for the new admin.
        username: String,
        /// Display name (default: the username).
        #[arg(long)]
        display_name: Option<String>,
    },
    /// Set a new password for any account and sign it out everywhere.
    ResetPassword {
        /// The account's username.
        username: String,
    },
}

/// `pixeltales user ...`
#[derive(Subcommand, Debug)]
pub enum UserAction {
    /// Approve a teacher who signed up, so they can make classes and add students.
    Approve {
        /// The teacher's username.
        username: String,
    },
}

/// `pixeltales profanity ...`
#[derive(Subcommand, Debug)]
pub enum ProfanityAction {
    /// Add every word in FILE (one per line, `#` comments).
    Seed {
        /// Word file.
        file: PathBuf,
        /// Language of the words.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Severity of the words.
        #[arg(long, default_value = "moderate")]
        severity: String,
    },
    /// Add one word or phrase.
    Add {
        /// The word.
        word: String,
        /// Its language.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Its severity.
        #[arg(long, default_value = "moderate")]
        severity: String,
    },
    /// Remove a word (from one language, or all).
    Remove {
        /// The word.
        word: String,
        /// Only this language.
        #[arg(long)]
        lang: Option<String>,
    },
    /// List the words.
    List {
        /// Only this language.
        #[arg(long)]
        lang: Option<String>,
    },
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            eprintln!("pixeltales: {}", first_line(&naming_env(&e)));
            return ExitCode::from(2);
        }
    };
    if let Err(e) = cli.config.validate() {
        eprintln!("pixeltales: invalid configuration: {e}");
        return ExitCode::from(2);
    }
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(cli.config),
        Command::Admin { action } => admin::run(&cli.config, action),
        Command::User { action } => admin::user(&cli.config, action),
        Command::Profanity { action } => profanity::run(&cli.config, action),
        Command::Backup { file } => data::backup(&cli.config, file),
        Command::Restore { file } => data::restore(&cli.config, &file),
        Command::Check => data::check(&cli.config),
        Command::Healthcheck => data::healthcheck(&cli.config),
        Command::Demo {
            bulk_users,
            bulk_stories,
            bulk_pages,
        } => demo(&cli.config, bulk_users, bulk_stories, bulk_pages),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("pixeltales: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Clap's error, except that a bad value read from the environment names the variable it came
/// from (`PORT=abc` was reported as a bad `--port`, which nobody typed).
fn naming_env(e: &clap::Error) -> String {
    use clap::CommandFactory;
    use clap::error::{ContextKind, ContextValue};
    let text = e.to_string();
    let typed: Vec<String> = std::env::args().collect();
    let cmd = Cli::command();
    let from_env = cmd.get_arguments().find_map(|a| {
        let long = a.get_long()?;
        let var = a.get_env()?.to_str()?;
        let flag = format!("--{long}");
        let on_line = typed
            .iter()
            .any(|t| *t == flag || t.starts_with(&format!("{flag}=")));
        let named = text.match_indices(&flag).any(|(i, _)| {
            !text[i + flag.len()..].starts_with(|c: char| c == '-' || c.is_alphanumeric())
        });
        (named && !on_line && std::env::var_os(var).is_some()).then(|| (flag, var.to_string()))
    });
    let Some((flag, var)) = from_env else {
        return text;
    };
    let env = format!("the environment variable {var}");
    match e.get(ContextKind::InvalidArg) {
        // Clap's own words quote the flag with its value name: `'--port <PORT>'`.
        Some(ContextValue::String(shown)) if shown.starts_with(&flag) => {
            text.replacen(&format!("'{shown}'"), &env, 1)
        }
        _ => text.replacen(&flag, &env, 1),
    }
}

fn serve(config: Config) -> Result<ExitCode, String> {
    crate::log::set_level(config.log);
    crate::log::set_format(config.log_format);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(config.workers)
        .max_blocking_threads(config.blocking_threads)
        .thread_name("pixeltales")
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async move {
        let addr = config.listen_addr();
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        // The first signal starts a graceful shutdown; a second one means "now".
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            shutdown_signal().await;
            let _ = stop_tx.send(());
            shutdown_signal().await;
            crate::log_warn!("second signal: exiting without waiting for open requests");
            std::process::exit(130);
        });
        let stopped = async move {
            let _ = stop_rx.await;
        };
        crate::run(listener, config, stopped)
            .await
            .map_err(|e| e.to_string())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Resolves on SIGTERM (Render, systemd) or SIGINT (Ctrl-C).
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) {
            (Ok(mut term), Ok(mut int)) => {
                tokio::select! {
                    _ = term.recv() => crate::log_info!("SIGTERM received"),
                    _ = int.recv() => crate::log_info!("SIGINT received"),
                }
            }
            _ => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn demo(
    config: &Config,
    bulk_users: Option<usize>,
    stories: usize,
    pages: usize,
) -> Result<ExitCode, String> {
    let passwords = crate::auth::passwords::Passwords::new(
        config.argon2_memory_kib,
        config.argon2_iterations,
        1,
    )?;
    let mut conn = open_db(config)?;
    let hash = |pw: &str| passwords.hash_blocking(pw).map_err(|e| e.to_string());
    if let Some(users) = bulk_users {
        if !(1..=crate::domain::story::MAX_PAGES).contains(&pages) {
            return Err(format!(
                "--bulk-pages must be 1 to {}",
                crate::domain::story::MAX_PAGES
            ));
        }
        // Generated readers share one unguessable password: they exist to be read, not to log in.
        let shared = hash(&crate::domain::encoding::random_token::<16>())?;
        let report = crate::demo::bulk(&mut conn, users, stories, pages, &shared)?;
        say!(
            "added {} readers and {} stories ({} pages)",
            report.users,
            report.stories,
            report.pages
        );
        return Ok(ExitCode::SUCCESS);
    }
    let report = crate::demo::seed(&mut conn, &hash)?;
    if !report.created {
        say!(
            "the demo classroom is already here ({} stories)",
            report.stories
        );
        return Ok(ExitCode::SUCCESS);
    }
    say!(
        "demo classroom ready: {} stories in the library",
        report.stories
    );
    say!("demo accounts (write the passwords down; they are shown only once):");
    for (user, pw) in &report.accounts {
        say!("  {user:<16} {pw}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens the data dir's database for a CLI command: creates and migrates it if needed and
/// loads the starter word list, exactly as the server would on first start.
fn open_db(config: &Config) -> Result<Connection, String> {
    crate::db::create_private_dir(&config.data_dir)
        .map_err(|e| format!("cannot create {}: {e}", config.data_dir.display()))?;
    crate::db::create_private_file(&config.db_path())
        .map_err(|e| format!("cannot create {}: {e}", config.db_path().display()))?;
    let tuning = crate::db::Tuning {
        sync_full: config.sync_full,
        litestream: config.litestream,
    };
    let mut conn = crate::db::pool::open_writer(&config.db_path(), tuning)
        .map_err(|e| format!("cannot open {}: {e}", config.db_path().display()))?;
    crate::db::backup::keep_copy_before_upgrade(&config.db_path())?;
    crate::db::migrations::migrate(&mut conn).map_err(|e| e.to_string())?;
    crate::store::profanity::seed_starter_if_needed(&conn).map_err(|e| e.to_string())?;
    Ok(conn)
}

/// Reads a new password: twice from a terminal (hidden), or one line from piped stdin.
fn read_new_password() -> Result<String, String> {
    use std::io::{BufRead, IsTerminal};
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("New password: ").map_err(|e| e.to_string())?;
        let second = rpassword::prompt_password("Type it again: ").map_err(|e| e.to_string())?;
        if first != second {
            return Err("the two passwords do not match".to_string());
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        let pw = line.trim_end_matches(['\n', '\r']).to_string();
        if pw.is_empty() {
            return Err("no password on standard input".to_string());
        }
        Ok(pw)
    }
}

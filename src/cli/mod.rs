//! The command line: `serve` (the default), `admin`, `profanity`, `backup`, `restore`, `check`.
//!
//! Every subcommand reads the same flags and environment as `serve`, so they all act on the same
//! data directory. Errors print as one line and exit non-zero.

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
            eprintln!("pixeltales: {}", first_line(&e.to_string()));
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

fn serve(config: Config) -> Result<ExitCode, String> {
    crate::log::set_level(config.log);
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
        println!(
            "added {} readers and {} stories ({} pages)",
            report.users, report.stories, report.pages
        );
        return Ok(ExitCode::SUCCESS);
    }
    let report = crate::demo::seed(&mut conn, &hash)?;
    if !report.created {
        println!(
            "the demo classroom is already here ({} stories)",
            report.stories
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "demo classroom ready: {} stories in the library",
        report.stories
    );
    println!("demo accounts (write the passwords down; they are shown only once):");
    for (user, pw) in &report.accounts {
        println!("  {user:<16} {pw}");
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
    };
    let mut conn = crate::db::pool::open_writer(&config.db_path(), tuning)
        .map_err(|e| format!("cannot open {}: {e}", config.db_path().display()))?;
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

//! Runtime settings: every one is a flag with an environment twin and a default.
//!
//! `PORT` is Render's name; everything else is `PIXELTALES_*`. Flags are grouped by concern in
//! `--help`; each range or shape is checked at the flag (`parsers`), and [`Config::validate`]
//! keeps only the rules that span flags. Every refusal is one line naming the flag, because
//! Render shows crash loops, not stack traces.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::log::{Format, Level};

pub mod parsers;

use parsers::{checked, data_dir, llm_url, network, origin, within};

/// Everything the server and the CLI read from flags and environment.
#[derive(Args, Debug, Clone)]
pub struct Config {
    // ---- Server and storage ----
    /// Directory holding the database, the signing key and backups.
    #[arg(
        long,
        env = "PIXELTALES_DATA_DIR",
        default_value = "./data",
        global = true,
        help_heading = "Server and storage",
        value_parser = checked(data_dir)
    )]
    pub data_dir: PathBuf,
    /// Address to listen on.
    #[arg(long, env = "PIXELTALES_ADDR", default_value_t = IpAddr::V4(Ipv4Addr::UNSPECIFIED), global = true, help_heading = "Server and storage")]
    pub addr: IpAddr,
    /// Port to listen on (Render sets PORT).
    #[arg(
        long,
        env = "PORT",
        default_value_t = 8080,
        global = true,
        help_heading = "Server and storage"
    )]
    pub port: u16,
    /// Public origin, e.g. https://tales.example.org (WebSocket origin check, HSTS).
    #[arg(long, env = "PIXELTALES_PUBLIC_URL", global = true, help_heading = "Server and storage", value_parser = checked(origin))]
    pub public_url: Option<String>,
    /// Async worker threads.
    #[arg(long, env = "PIXELTALES_WORKERS", default_value_t = 2, global = true, help_heading = "Server and storage", value_parser = within::<usize>(1, 64))]
    pub workers: usize,
    /// Upper bound on blocking threads (SQLite calls and password hashing run there).
    #[arg(
        long,
        env = "PIXELTALES_BLOCKING_THREADS",
        default_value_t = 8,
        global = true,
        help_heading = "Server and storage",
        value_parser = within::<usize>(2, 512)
    )]
    pub blocking_threads: usize,
    /// Read-only SQLite connections in the pool (writes use one dedicated connection).
    #[arg(long, env = "PIXELTALES_READ_POOL", default_value_t = 3, global = true, help_heading = "Server and storage", value_parser = within::<u32>(1, 32))]
    pub read_pool: u32,
    /// Use synchronous=FULL instead of NORMAL (survives power loss, slower writes).
    #[arg(
        long,
        env = "PIXELTALES_SYNC_FULL",
        global = true,
        action = clap::ArgAction::SetTrue,
        value_parser = clap::builder::BoolishValueParser::new(),
        help_heading = "Server and storage"
    )]
    pub sync_full: bool,
    /// Litestream replicates the database (see README): leave WAL checkpoints to it, with no
    /// automatic or shutdown checkpoints here.
    #[arg(
        long,
        env = "PIXELTALES_LITESTREAM",
        global = true,
        action = clap::ArgAction::SetTrue,
        value_parser = clap::builder::BoolishValueParser::new(),
        help_heading = "Server and storage"
    )]
    pub litestream: bool,
    /// Backups kept in DATA_DIR/backups (automatic, SIGUSR1 and admin-console ones; older
    /// ones are deleted).
    #[arg(
        long = "backups-keep",
        env = "PIXELTALES_BACKUPS_KEEP",
        default_value_t = 7,
        global = true,
        help_heading = "Server and storage",
        value_parser = within::<u32>(1, 1000)
    )]
    pub backups_keep: u32,
    /// Most bytes all kept backups may take together (0: no limit); the oldest go first, and
    /// the newest is always kept.
    #[arg(
        long = "backups-max-bytes",
        env = "PIXELTALES_BACKUPS_MAX_BYTES",
        default_value_t = 0,
        global = true,
        help_heading = "Server and storage",
        value_parser = within::<u64>(0, u64::MAX)
    )]
    pub backups_max_bytes: u64,
    /// Megabytes of the data disk held back so sign-in still works when the disk fills up
    /// (0: none).
    #[arg(
        long = "disk-reserve-mb",
        env = "PIXELTALES_DISK_RESERVE_MB",
        default_value_t = 8,
        global = true,
        help_heading = "Server and storage",
        value_parser = within::<u64>(0, 1024)
    )]
    pub disk_reserve_mb: u64,
    /// Hours between automatic backups (0 turns them off); `kill -USR1` makes one at any time.
    #[arg(
        long = "backup-every-hours",
        env = "PIXELTALES_BACKUP_EVERY_HOURS",
        default_value_t = 24,
        global = true,
        help_heading = "Server and storage",
        value_parser = within::<u32>(0, 24 * 365)
    )]
    pub backup_every_hours: u32,
    /// Log level.
    #[arg(long, env = "PIXELTALES_LOG", value_enum, default_value_t = Level::Info, global = true, help_heading = "Server and storage")]
    pub log: Level,
    /// Log lines as plain text, or as one JSON object per line (for Render and journald).
    #[arg(long, env = "PIXELTALES_LOG_FORMAT", value_enum, default_value_t = Format::Text, global = true, help_heading = "Server and storage")]
    pub log_format: Format,

    // ---- HTTP limits ----
    /// Largest JSON request body in bytes.
    #[arg(long, env = "PIXELTALES_MAX_JSON_BYTES", default_value_t = 1 << 20, global = true, help_heading = "HTTP limits", value_parser = within::<usize>(1024, 64 << 20))]
    pub max_json_bytes: usize,
    /// Largest upload (images) in bytes.
    #[arg(long, env = "PIXELTALES_MAX_UPLOAD_BYTES", default_value_t = 5 << 20, global = true, help_heading = "HTTP limits", value_parser = within::<usize>(1024, 256 << 20))]
    pub max_upload_bytes: usize,
    /// Bytes of request bodies buffered at once across all requests (503 beyond).
    #[arg(long, env = "PIXELTALES_MAX_BODY_MEMORY", default_value_t = 32 << 20, global = true, help_heading = "HTTP limits", value_parser = within::<usize>(64 * 1024, 4 << 30))]
    pub max_body_memory: usize,
    /// Largest request head (request line and headers) in bytes.
    #[arg(long, env = "PIXELTALES_MAX_HEADER_BYTES", default_value_t = 16 * 1024, global = true, help_heading = "HTTP limits", value_parser = within::<usize>(1024, 1 << 20))]
    pub max_header_bytes: usize,
    /// Seconds a client has to send request headers (also the keep-alive idle limit).
    #[arg(
        long = "header-timeout",
        env = "PIXELTALES_HEADER_TIMEOUT",
        default_value_t = 10,
        global = true,
        help_heading = "HTTP limits",
        value_parser = within::<u64>(1, 3600)
    )]
    pub header_timeout_secs: u64,
    /// Seconds a request (body and handling) may take before it is answered with an error.
    #[arg(
        long = "request-timeout",
        env = "PIXELTALES_REQUEST_TIMEOUT",
        default_value_t = 30,
        global = true,
        help_heading = "HTTP limits",
        value_parser = within::<u64>(1, 3600)
    )]
    pub request_timeout_secs: u64,
    /// Open connections (HTTP and WebSocket) accepted at once.
    #[arg(
        long,
        env = "PIXELTALES_MAX_CONNECTIONS",
        default_value_t = 12_000,
        global = true,
        help_heading = "HTTP limits",
        value_parser = within::<usize>(8, 1_000_000)
    )]
    pub max_connections: usize,
    /// Seconds to let requests finish after SIGTERM before closing them.
    #[arg(
        long = "shutdown-grace",
        env = "PIXELTALES_SHUTDOWN_GRACE",
        default_value_t = 10,
        global = true,
        help_heading = "HTTP limits",
        value_parser = within::<u64>(0, 3600)
    )]
    pub shutdown_grace_secs: u64,
    /// Proxies in front of the server that append to X-Forwarded-For: 0 = none (use the peer
    /// address), 1 = one reverse proxy (nginx, Caddy), 2 = Render (Cloudflare, then Render's
    /// proxy). The client is the Nth address from the right; entries further left are whatever
    /// the client sent and are never trusted.
    #[arg(
        long,
        env = "PIXELTALES_PROXY_HOPS",
        default_value_t = 0,
        global = true,
        help_heading = "HTTP limits",
        value_parser = within::<usize>(0, 8)
    )]
    pub proxy_hops: usize,

    // ---- Sign-in and accounts ----
    /// File holding the token signing secret (default: generated into the data dir).
    #[arg(
        long,
        env = "PIXELTALES_JWT_SECRET_FILE",
        global = true,
        help_heading = "Sign-in and accounts"
    )]
    pub jwt_secret_file: Option<PathBuf>,
    /// Access token lifetime in seconds.
    #[arg(
        long = "access-ttl",
        env = "PIXELTALES_ACCESS_TTL",
        default_value_t = 900,
        global = true,
        help_heading = "Sign-in and accounts",
        value_parser = within::<u64>(30, 86_400)
    )]
    pub access_ttl_secs: u64,
    /// Refresh token (device session) lifetime in days.
    #[arg(
        long,
        env = "PIXELTALES_REFRESH_TTL_DAYS",
        default_value_t = 30,
        global = true,
        help_heading = "Sign-in and accounts",
        value_parser = within::<u64>(1, 365)
    )]
    pub refresh_ttl_days: u64,
    /// argon2id memory per hash in KiB.
    #[arg(
        long,
        env = "PIXELTALES_ARGON2_MEMORY_KIB",
        default_value_t = 7168,
        global = true,
        help_heading = "Sign-in and accounts",
        value_parser = within::<u32>(64, 1 << 20)
    )]
    pub argon2_memory_kib: u32,
    /// argon2id passes.
    #[arg(
        long,
        env = "PIXELTALES_ARGON2_ITERATIONS",
        default_value_t = 5,
        global = true,
        help_heading = "Sign-in and accounts",
        value_parser = within::<u32>(1, 100)
    )]
    pub argon2_iterations: u32,
    /// Password hashes computed at once (each holds argon2 memory while it runs).
    #[arg(
        long,
        env = "PIXELTALES_HASH_CONCURRENCY",
        default_value_t = 2,
        global = true,
        help_heading = "Sign-in and accounts",
        value_parser = within::<usize>(1, 64)
    )]
    pub hash_concurrency: usize,
    /// Networks whose addresses skip the per-address sign-in and sign-up limits, e.g. a school
    /// LAN: 10.0.0.0/8,192.168.0.0/16 (the per-account limits still apply).
    #[arg(
        long,
        env = "PIXELTALES_TRUSTED_NETWORKS",
        value_delimiter = ',',
        global = true,
        help_heading = "Sign-in and accounts",
        value_parser = checked(network)
    )]
    pub trusted_networks: Vec<ipnet::IpNet>,
    /// Sign-ins one address may have under way or failed at once. Sized for a school: three
    /// classes tapping in at the same second behind one address (each sign-in holds a token
    /// while its password is checked; a successful one gives it back, so only failures stay).
    #[arg(
        long,
        env = "PIXELTALES_LOGIN_IP_BURST",
        default_value_t = 120,
        global = true,
        help_heading = "Sign-in and accounts",
        value_parser = within::<u32>(1, 1_000_000)
    )]
    pub login_ip_burst: u32,
    /// Failed sign-ins per minute one address regains.
    #[arg(
        long,
        env = "PIXELTALES_LOGIN_IP_PER_MINUTE",
        default_value_t = 30,
        global = true,
        help_heading = "Sign-in and accounts",
        value_parser = within::<u32>(1, 1_000_000)
    )]
    pub login_ip_per_minute: u32,
    /// Failed logins one account may burst.
    #[arg(
        long,
        env = "PIXELTALES_LOGIN_ACCOUNT_BURST",
        default_value_t = 5,
        global = true,
        help_heading = "Sign-in and accounts",
        value_parser = within::<u32>(1, 1_000_000)
    )]
    pub login_account_burst: u32,
    /// Failed logins per minute one account regains.
    #[arg(
        long,
        env = "PIXELTALES_LOGIN_ACCOUNT_PER_MINUTE",
        default_value_t = 1,
        global = true,
        help_heading = "Sign-in and accounts",
        value_parser = within::<u32>(1, 1_000_000)
    )]
    pub login_account_per_minute: u32,
    /// Sign-ups one IP may burst.
    #[arg(
        long,
        env = "PIXELTALES_REGISTER_IP_BURST",
        default_value_t = 40,
        global = true,
        help_heading = "Sign-in and accounts",
        value_parser = within::<u32>(1, 1_000_000)
    )]
    pub register_ip_burst: u32,
    /// Sign-ups per hour one IP regains.
    #[arg(
        long,
        env = "PIXELTALES_REGISTER_IP_PER_HOUR",
        default_value_t = 60,
        global = true,
        help_heading = "Sign-in and accounts",
        value_parser = within::<u32>(1, 1_000_000)
    )]
    pub register_ip_per_hour: u32,
    /// Profanity verdicts kept in the LRU cache.
    #[arg(
        long = "profanity-cache",
        env = "PIXELTALES_PROFANITY_CACHE",
        default_value_t = 4096,
        global = true,
        help_heading = "Sign-in and accounts",
        value_parser = within::<usize>(1, 10_000_000)
    )]
    pub profanity_cache_entries: usize,

    // ---- Realtime and drawing rooms ----
    /// Seconds a WebSocket ticket stays valid.
    #[arg(
        long = "ws-ticket-secs",
        env = "PIXELTALES_WS_TICKET_SECS",
        default_value_t = 30,
        global = true,
        help_heading = "Realtime and drawing rooms",
        value_parser = within::<u64>(1, 600)
    )]
    pub ws_ticket_secs: u64,
    /// Open WebSockets per user (browser tabs).
    #[arg(
        long = "ws-per-user",
        env = "PIXELTALES_WS_PER_USER",
        default_value_t = 5,
        global = true,
        help_heading = "Realtime and drawing rooms",
        value_parser = within::<usize>(1, 10_000)
    )]
    pub ws_per_user: usize,
    /// Open WebSockets on the whole server (503 beyond).
    #[arg(
        long = "max-sockets",
        env = "PIXELTALES_MAX_SOCKETS",
        default_value_t = 12_000,
        global = true,
        help_heading = "Realtime and drawing rooms",
        value_parser = within::<usize>(1, 1_000_000)
    )]
    pub max_sockets: usize,
    /// Seconds between keep-alive pings; two silent intervals drop the socket.
    #[arg(
        long = "ws-ping-secs",
        env = "PIXELTALES_WS_PING_SECS",
        default_value_t = 20,
        global = true,
        help_heading = "Realtime and drawing rooms",
        value_parser = within::<u64>(1, 3600)
    )]
    pub ws_ping_secs: u64,
    /// Milliseconds after a user's last socket closes before friends see them offline.
    #[arg(
        long = "presence-grace-ms",
        env = "PIXELTALES_PRESENCE_GRACE_MS",
        default_value_t = 5000,
        global = true,
        help_heading = "Realtime and drawing rooms",
        value_parser = within::<u64>(0, 600_000)
    )]
    pub presence_grace_ms: u64,
    /// Seconds a save vote in a drawing session stays open.
    #[arg(
        long = "vote-timeout-secs",
        env = "PIXELTALES_VOTE_TIMEOUT_SECS",
        default_value_t = 60,
        global = true,
        help_heading = "Realtime and drawing rooms",
        value_parser = within::<u64>(1, 3600)
    )]
    pub vote_timeout_secs: u64,
    /// Join-code tries per user per minute (a classroom IP gets six times as many).
    #[arg(
        long = "collab-joins-per-minute",
        env = "PIXELTALES_COLLAB_JOINS_PER_MINUTE",
        default_value_t = 10,
        global = true,
        help_heading = "Realtime and drawing rooms",
        value_parser = within::<u32>(1, 1_000_000)
    )]
    pub collab_joins_per_minute: u32,
    /// Realtime tickets one user may take per minute (a page load takes one; a script that
    /// mints them is held back).
    #[arg(
        long = "ws-tickets-per-minute",
        env = "PIXELTALES_WS_TICKETS_PER_MINUTE",
        default_value_t = 60,
        global = true,
        help_heading = "Realtime and drawing rooms",
        value_parser = within::<u32>(1, 1_000_000)
    )]
    pub ws_tickets_per_minute: u32,
    /// Durable drawing ops per second per socket (bursts of twice that).
    #[arg(
        long = "ws-ops-per-sec",
        env = "PIXELTALES_WS_OPS_PER_SEC",
        default_value_t = 60,
        global = true,
        help_heading = "Realtime and drawing rooms",
        value_parser = within::<u32>(1, 1_000_000)
    )]
    pub ws_ops_per_sec: u32,
    /// Milliseconds between write-behind flushes of drawing operations.
    #[arg(
        long = "collab-batch-ms",
        env = "PIXELTALES_COLLAB_BATCH_MS",
        default_value_t = 200,
        global = true,
        help_heading = "Realtime and drawing rooms",
        value_parser = within::<u64>(1, 10_000)
    )]
    pub collab_batch_ms: u64,

    // ---- Assistants ----
    /// An OpenAI-compatible chat-completions URL for the story starter (http:// only: a model
    /// server on this machine or the school network); without it the built-in engine writes.
    #[arg(long = "llm-url", env = "PIXELTALES_LLM_URL", global = true, help_heading = "Assistants", value_parser = checked(llm_url))]
    pub llm_url: Option<String>,
    /// File holding the model server's API key (sent as a bearer token).
    #[arg(
        long = "llm-key-file",
        env = "PIXELTALES_LLM_KEY_FILE",
        global = true,
        help_heading = "Assistants"
    )]
    pub llm_key_file: Option<PathBuf>,
    /// Model name sent to the model server.
    #[arg(
        long = "llm-model",
        env = "PIXELTALES_LLM_MODEL",
        default_value = "default",
        global = true,
        help_heading = "Assistants"
    )]
    pub llm_model: String,
    /// Seconds to wait for the model server before the built-in engine writes instead.
    #[arg(
        long = "llm-timeout-secs",
        env = "PIXELTALES_LLM_TIMEOUT_SECS",
        default_value_t = 20,
        global = true,
        help_heading = "Assistants",
        value_parser = within::<u64>(1, 300)
    )]
    pub llm_timeout_secs: u64,
    /// The tesseract command for photo stories (OCR is off when it cannot be run).
    #[arg(
        long = "tesseract",
        env = "PIXELTALES_TESSERACT",
        default_value = "tesseract",
        global = true,
        help_heading = "Assistants"
    )]
    pub tesseract: String,
    /// Seconds one OCR run may take.
    #[arg(
        long = "ocr-timeout-secs",
        env = "PIXELTALES_OCR_TIMEOUT_SECS",
        default_value_t = 20,
        global = true,
        help_heading = "Assistants",
        value_parser = within::<u64>(1, 300)
    )]
    pub ocr_timeout_secs: u64,
}

impl Config {
    /// Parses a config from these flags (plus the environment, as the real CLI does).
    pub fn from_args<I, T>(args: I) -> Result<Self, String>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        #[derive(clap::Parser)]
        struct Wrapper {
            #[command(flatten)]
            config: Config,
        }
        let argv = std::iter::once(std::ffi::OsString::from("pixeltales"))
            .chain(args.into_iter().map(Into::into));
        <Wrapper as clap::Parser>::try_parse_from(argv)
            .map(|w| w.config)
            .map_err(|e| first_line(&e.to_string()))
    }

    /// The socket address to bind.
    pub fn listen_addr(&self) -> SocketAddr {
        SocketAddr::new(self.addr, self.port)
    }

    /// Path of the SQLite database file.
    pub fn db_path(&self) -> PathBuf {
        self.data_dir.join("pixeltales.db")
    }

    /// Directory for backups.
    pub fn backup_dir(&self) -> PathBuf {
        self.data_dir.join("backups")
    }

    /// Where the token signing secret lives.
    pub fn jwt_secret_path(&self) -> PathBuf {
        self.jwt_secret_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("jwt.key"))
    }

    /// Header read timeout.
    pub fn header_timeout(&self) -> Duration {
        Duration::from_secs(self.header_timeout_secs)
    }

    /// Whole-request timeout.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout_secs)
    }

    /// Public origin without a trailing slash, if configured.
    pub fn public_origin(&self) -> Option<&str> {
        self.public_url.as_deref().map(|u| u.trim_end_matches('/'))
    }

    /// Checks the rules that span flags; the error is one line naming them.
    pub fn validate(&self) -> Result<(), String> {
        let largest_body = self.max_upload_bytes.max(self.max_json_bytes);
        if self.max_body_memory < largest_body {
            return Err(format!(
                "--max-body-memory ({}) must hold at least one whole request body ({largest_body})",
                self.max_body_memory
            ));
        }
        if self.blocking_threads <= self.read_pool as usize {
            return Err(format!(
                "--blocking-threads ({}) must be larger than --read-pool ({}) so the writer and \
                 password hashing always find a thread",
                self.blocking_threads, self.read_pool
            ));
        }
        Ok(())
    }
}

/// The first line of a multi-line clap error, without its `error: ` prefix.
pub fn first_line(text: &str) -> String {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or(text);
    line.trim().trim_start_matches("error: ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        let c = Config::from_args(Vec::<String>::new()).expect("defaults parse");
        c.validate().expect("defaults validate");
        assert_eq!(c.workers, 2);
        assert_eq!(c.max_json_bytes, 1 << 20);
        assert_eq!(c.db_path(), PathBuf::from("./data/pixeltales.db"));
    }

    #[test]
    fn out_of_range_values_name_the_flag() {
        let err = Config::from_args(["--workers", "0"]).expect_err("rejected");
        assert_eq!(err, "--workers must be between 1 and 64 (got 0)");
        let err = Config::from_args(["--header-timeout", "soon"]).expect_err("rejected");
        assert!(
            err.starts_with("--header-timeout must be a number"),
            "{err}"
        );
        let err = Config::from_args(["--public-url", "tales.example.org"]).expect_err("rejected");
        assert!(err.starts_with("--public-url"), "{err}");
        let c = Config::from_args(["--read-pool", "8", "--blocking-threads", "8"]).expect("parses");
        assert!(c.validate().is_err());
    }

    #[test]
    fn parse_errors_are_one_line() {
        let err = Config::from_args(["--port", "eighty"]).expect_err("bad port");
        assert!(!err.contains('\n'));
        assert!(err.contains("eighty"), "{err}");
    }
}

//! The shared application state, the startup sequence that builds it (`App::open`), its
//! background tasks and shutdown order (`tasks`), and backups (`backups`).

pub mod backups;
pub mod tasks;

use std::sync::Arc;
use std::time::Instant;

use crate::auth::passwords::Passwords;
use crate::auth::ratelimit::Limits;
use crate::auth::secret;
use crate::auth::tokens::TokenKeys;
use crate::config::Config;
use crate::db::lock::DataDirLock;
use crate::db::{self, Db, Tuning};
use crate::http::metrics::Metrics;
use crate::http::request::BodyLimits;
use crate::http::static_files::Spa;
use crate::store::profanity::Profanity;

/// Why the server could not start; each prints as one line.
#[derive(Debug)]
pub enum StartError {
    /// A setting is out of range.
    Config(String),
    /// The data directory could not be created or locked.
    DataDir(String),
    /// The database could not be opened or migrated.
    Database(String),
    /// The signing secret could not be read or created.
    Secret(String),
    /// The listener failed.
    Io(String),
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Config(m) => write!(f, "invalid configuration: {m}"),
            StartError::DataDir(m) => write!(f, "data directory: {m}"),
            StartError::Database(m) => write!(f, "database: {m}"),
            StartError::Secret(m) => write!(f, "signing secret: {m}"),
            StartError::Io(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for StartError {}

/// Everything request handlers share.
pub struct App {
    /// Settings.
    pub config: Config,
    /// The database.
    pub db: Arc<Db>,
    /// Password hashing.
    pub passwords: Passwords,
    /// Token signing.
    pub tokens: TokenKeys,
    /// The profanity filter.
    pub profanity: Arc<Profanity>,
    /// Rate limiters.
    pub limits: Limits,
    /// Counters.
    pub metrics: Metrics,
    /// The embedded SPA.
    pub spa: Spa,
    /// Request body limits and the shared body memory budget.
    pub body_limits: BodyLimits,
    /// When the process started serving.
    pub started: Instant,
    /// Sockets and presence.
    pub hub: crate::realtime::hub::Hub,
    /// Live drawing rooms.
    pub rooms: crate::realtime::rooms::Rooms,
    /// Write-behind persistence of drawing ops.
    pub batcher: Arc<crate::realtime::batcher::Batcher>,
    /// The optional model server and the OCR command.
    pub assist: crate::assist::Assist,
    /// The data disk's room and the reserve that keeps sign-in working when it fills.
    pub disk: crate::disk::Disk,
    _lock: DataDirLock,
}

impl App {
    /// Validates config, locks the data dir, opens and migrates the database, loads the signing
    /// secret and the word list. Blocking: run it on a blocking thread.
    pub fn open(config: Config) -> Result<App, StartError> {
        config.validate().map_err(StartError::Config)?;
        db::create_private_dir(&config.data_dir).map_err(|e| {
            StartError::DataDir(format!("cannot create {}: {e}", config.data_dir.display()))
        })?;
        let lock = DataDirLock::acquire(&config.data_dir)
            .map_err(|e| StartError::DataDir(e.to_string()))?;
        let tuning = Tuning {
            sync_full: config.sync_full,
            litestream: config.litestream,
        };
        db::backup::keep_copy_before_upgrade(&config.db_path()).map_err(StartError::Database)?;
        let (db, outcome) =
            db::open(&config.db_path(), config.read_pool, tuning).map_err(StartError::Database)?;
        match outcome {
            db::migrations::Outcome::Created => {
                crate::log_info!("created a new database at {}", config.db_path().display())
            }
            db::migrations::Outcome::Upgraded { from } => crate::log_info!(
                "upgraded the database from schema {from} to {}",
                db::migrations::SCHEMA_VERSION
            ),
            db::migrations::Outcome::Current => {}
        }
        let key =
            secret::load_or_create(&config.jwt_secret_path(), config.jwt_secret_file.is_none())
                .map_err(StartError::Secret)?;
        let passwords = Passwords::new(
            config.argon2_memory_kib,
            config.argon2_iterations,
            config.hash_concurrency,
        )
        .map_err(StartError::Config)?;
        let profanity =
            Profanity::open(&db, config.profanity_cache_entries).map_err(StartError::Database)?;
        let body_limits = BodyLimits::from_config(&config);
        let assist = crate::assist::Assist::new(&crate::assist::Settings {
            llm_url: config.llm_url.clone(),
            llm_key_file: config.llm_key_file.clone(),
            llm_model: config.llm_model.clone(),
            llm_timeout_secs: config.llm_timeout_secs,
            tesseract: config.tesseract.clone(),
            ocr_timeout_secs: config.ocr_timeout_secs,
        })
        .map_err(StartError::Config)?;
        let config_ws = (
            config.ws_per_user,
            config.ws_ticket_secs,
            std::time::Duration::from_millis(config.collab_batch_ms),
        );
        let tokens = TokenKeys::new(key).map_err(StartError::Secret)?;
        let (db, profanity) = (Arc::new(db), Arc::new(profanity));
        let batcher = Arc::new(crate::realtime::batcher::Batcher::new(config_ws.2));
        let rooms = crate::realtime::rooms::Rooms::new(crate::realtime::room::Deps {
            db: Arc::clone(&db),
            batcher: Arc::clone(&batcher),
            profanity: Arc::clone(&profanity),
            ops_per_sec: config.ws_ops_per_sec,
            vote_timeout_secs: config.vote_timeout_secs,
        });
        let (config_dir, config_reserve) = (config.data_dir.clone(), config.disk_reserve_mb << 20);
        Ok(App {
            body_limits,
            limits: Limits::from_config(&config),
            config,
            db,
            passwords,
            tokens,
            profanity,
            metrics: Metrics::default(),
            spa: Spa::new(),
            started: Instant::now(),
            hub: crate::realtime::hub::Hub::new(config_ws.0, config_ws.1),
            rooms,
            batcher,
            assist,
            disk: crate::disk::Disk::new(&config_dir, config_reserve),
            _lock: lock,
        })
    }

    /// Seconds since the server started.
    pub fn uptime_secs(&self) -> u64 {
        self.started.elapsed().as_secs()
    }
}

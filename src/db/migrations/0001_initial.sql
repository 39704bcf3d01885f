-- Step 1: the first schema (users, sessions, audit log, profanity words, media, settings).
-- Frozen: later changes are new steps, never edits to this file.

-- Accounts ---------------------------------------------------------------------------------------

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    username            TEXT    NOT NULL UNIQUE,     -- lower-case, [a-z0-9_.]
    password_hash       TEXT    NOT NULL,            -- argon2id PHC string
    role                TEXT    NOT NULL CHECK (role IN ('child', 'parent', 'teacher', 'admin')),
    status              TEXT    NOT NULL DEFAULT 'active'
                                CHECK (status IN ('active', 'suspended', 'archived')),
    suspended_until     INTEGER,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    password_changed_at INTEGER NOT NULL,
    last_login_at       INTEGER,
    last_seen_at        INTEGER
) STRICT;

CREATE TABLE profiles (
    user_id         INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    display_name    TEXT    NOT NULL,
    bio             TEXT    NOT NULL DEFAULT '',
    avatar_emoji    TEXT    NOT NULL DEFAULT '📚',
    theme           TEXT    NOT NULL DEFAULT 'sunny',
    language        TEXT    NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'tl')),
    prefs           TEXT    NOT NULL DEFAULT '{}',   -- JSON object of UI preferences
    privacy         TEXT    NOT NULL DEFAULT 'friends'
                            CHECK (privacy IN ('public', 'friends', 'private')),
    xp              INTEGER NOT NULL DEFAULT 0,
    violation_count INTEGER NOT NULL DEFAULT 0,
    flagged         INTEGER NOT NULL DEFAULT 0
) STRICT;

-- One row per signed-in device. Its id is also the refresh-token family: reusing a rotated
-- refresh token revokes the whole session.
CREATE TABLE sessions (
    id            TEXT    PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    revoked_at    INTEGER,
    revoke_reason TEXT,
    user_agent    TEXT    NOT NULL DEFAULT '',
    ip            TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE refresh_tokens (
    token_hash BLOB    PRIMARY KEY,                  -- sha256 of the token; never the token
    session_id TEXT    NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    rotated_at INTEGER                               -- set once exchanged; seeing it again = reuse
) STRICT, WITHOUT ROWID;
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

-- Security and admin events. Rows outlive the users they mention.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action      TEXT    NOT NULL,
    target_type TEXT,
    target_id   TEXT,
    ip          TEXT,
    detail      TEXT    NOT NULL DEFAULT '{}'        -- JSON object
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_action ON audit_log (action, at);

-- Safety -------------------------------------------------------------------------------------------

CREATE TABLE profanity_words (
    id         INTEGER PRIMARY KEY,
    word       TEXT    NOT NULL,                     -- lower-case; may be a phrase
    language   TEXT    NOT NULL CHECK (language IN ('en', 'tl')),
    severity   TEXT    NOT NULL DEFAULT 'moderate'
                       CHECK (severity IN ('mild', 'moderate', 'severe')),
    active     INTEGER NOT NULL DEFAULT 1,
    hits       INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (word, language)
) STRICT;

-- Any change to the word list (from the server, the CLI or an admin) bumps a version, so every
-- running matcher notices and rebuilds, and `/api/profanity/words` gets a new ETag.
CREATE TRIGGER profanity_words_ins AFTER INSERT ON profanity_words BEGIN
    INSERT INTO settings (key, value) VALUES ('profanity_version', '1')
    ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT);
END;
CREATE TRIGGER profanity_words_upd AFTER UPDATE OF word, language, severity, active
ON profanity_words BEGIN
    INSERT INTO settings (key, value) VALUES ('profanity_version', '1')
    ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT);
END;
CREATE TRIGGER profanity_words_del AFTER DELETE ON profanity_words BEGIN
    INSERT INTO settings (key, value) VALUES ('profanity_version', '1')
    ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT);
END;

-- Media and settings ------------------------------------------------------------------------------

-- Uploaded images live in the database so that one file holds everything and a backup is one
-- command.
CREATE TABLE media (
    id         TEXT    PRIMARY KEY,                  -- sha256 hex of the bytes
    mime       TEXT    NOT NULL,
    size       INTEGER NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    owner_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    bytes      BLOB    NOT NULL
) STRICT;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

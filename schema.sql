-- PixelTales: the whole current schema.
--
-- A fresh database is created from this file in one transaction. An existing database is brought
-- up to date by the numbered steps in src/db/migrations/, and `PRAGMA user_version` records the
-- step reached. Every change goes here AND in a new numbered step; a unit test checks that both
-- paths give the same schema.
--
-- Times are Unix seconds (INTEGER). Tables are STRICT so a wrong type is an error, not a surprise.

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
    last_seen_at        INTEGER,
    -- A self-registered teacher waits for an admin before any class or child is in reach.
    pending_approval    INTEGER NOT NULL DEFAULT 0 CHECK (pending_approval IN (0, 1))
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
    flagged         INTEGER NOT NULL DEFAULT 0,
    avatar_border   TEXT    NOT NULL DEFAULT 'basic',
    notify          TEXT    NOT NULL DEFAULT '{}',  -- JSON: notification type -> false to mute
    age_band        TEXT    CHECK (age_band IN ('5-7', '8-9', '10-12'))  -- optional; sizes games
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
    ip            TEXT    NOT NULL DEFAULT '',
    scope         TEXT    NOT NULL DEFAULT 'full'  -- 'view': a parent's read-only look, no refresh
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

-- Stories ------------------------------------------------------------------------------------------

CREATE TABLE stories (
    id             INTEGER PRIMARY KEY,
    author_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title          TEXT    NOT NULL,
    title_key      TEXT    NOT NULL,                 -- lower-case title, for sorting
    summary        TEXT    NOT NULL DEFAULT '',
    genres         TEXT    NOT NULL DEFAULT '[]',    -- JSON array of genre ids
    genre_mask     INTEGER NOT NULL DEFAULT 0,       -- one bit per genre, for filtering
    language       TEXT    NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'tl')),
    cover_media_id TEXT    REFERENCES media (id) ON DELETE SET NULL,
    status         TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    hidden         INTEGER NOT NULL DEFAULT 0,       -- hidden by a moderator
    collaborative  INTEGER NOT NULL DEFAULT 0,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    published_at   INTEGER,
    -- Counters kept in step by the code that changes what they count.
    page_count     INTEGER NOT NULL DEFAULT 0,
    like_count     INTEGER NOT NULL DEFAULT 0,
    likes_recent   INTEGER NOT NULL DEFAULT 0,       -- likes in the last 30 days
    save_count     INTEGER NOT NULL DEFAULT 0,
    comment_count  INTEGER NOT NULL DEFAULT 0,
    view_count     INTEGER NOT NULL DEFAULT 0,
    rating_count   INTEGER NOT NULL DEFAULT 0,
    rating_sum     INTEGER NOT NULL DEFAULT 0,
    rating_score   INTEGER NOT NULL DEFAULT 0,       -- damped average x 1000, for sorting
    games_hash     BLOB                              -- sha256 of the text its games were made from
) STRICT;
CREATE INDEX stories_author ON stories (author_id, updated_at DESC);
CREATE INDEX stories_cover ON stories (cover_media_id) WHERE cover_media_id IS NOT NULL;
-- One index per library sort, over published, visible stories only.
CREATE INDEX lib_new ON stories (published_at DESC, id DESC) WHERE status = 'published' AND hidden = 0;
CREATE INDEX lib_popular ON stories (likes_recent DESC, id DESC) WHERE status = 'published' AND hidden = 0;
CREATE INDEX lib_top ON stories (rating_score DESC, id DESC) WHERE status = 'published' AND hidden = 0;
CREATE INDEX lib_views ON stories (view_count DESC, id DESC) WHERE status = 'published' AND hidden = 0;
CREATE INDEX lib_title ON stories (title_key, id) WHERE status = 'published' AND hidden = 0;
CREATE INDEX lib_author ON stories (author_id, published_at DESC, id DESC) WHERE status = 'published' AND hidden = 0;

-- Co-authors besides stories.author_id.
CREATE TABLE story_authors (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (story_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX story_authors_user ON story_authors (user_id);

CREATE TABLE pages (
    id                  INTEGER PRIMARY KEY,
    story_id            INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    text                TEXT    NOT NULL DEFAULT '',
    drawing             TEXT,                        -- validated vector document (JSON)
    thumb_media_id      TEXT    REFERENCES media (id) ON DELETE SET NULL,
    background_media_id TEXT    REFERENCES media (id) ON DELETE SET NULL,
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
) STRICT;
CREATE INDEX pages_story ON pages (story_id, position);
CREATE INDEX pages_thumb ON pages (thumb_media_id) WHERE thumb_media_id IS NOT NULL;
CREATE INDEX pages_background ON pages (background_media_id) WHERE background_media_id IS NOT NULL;

-- Full-text search over published stories (rowid = story id). unicode61 folds case and accents
-- for English and Tagalog alike; no stemming, which would mangle Tagalog. Contentless (only
-- rowids are ever read back) and column-level detail (matches by column, no word positions):
-- a search walks a smaller index in id order instead of ranking every match.
CREATE VIRTUAL TABLE story_fts USING fts5 (
    title, summary, body, author,
    tokenize = 'unicode61 remove_diacritics 2',
    detail = column, content = '', contentless_delete = 1
);
-- The index's words and how many stories hold each: a search with a one-letter typo looks
-- here for the word meant.
CREATE VIRTUAL TABLE story_vocab USING fts5vocab (story_fts, 'row');

-- Who uploaded which image (the same bytes from two people are stored once).
CREATE TABLE media_uploads (
    media_id   TEXT    NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (media_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX media_uploads_user ON media_uploads (user_id, created_at);

-- Reactions and reading -----------------------------------------------------------------------------

CREATE TABLE likes (
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (story_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX likes_user ON likes (user_id, created_at);
CREATE INDEX likes_recent ON likes (story_id, created_at);

CREATE TABLE saves (
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (story_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX saves_user ON saves (user_id, created_at DESC, story_id DESC);

CREATE TABLE ratings (
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    value      INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (story_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE comments (
    id         INTEGER PRIMARY KEY,
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    text       TEXT    NOT NULL,                     -- as shown: bad words already masked
    masked     INTEGER NOT NULL DEFAULT 0,
    hidden     INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    edited     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX comments_story ON comments (story_id, id DESC);
CREATE INDEX comments_author ON comments (author_id);

-- One view per reader (user, or a hashed address for guests) per story per day.
CREATE TABLE story_views (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    viewer   TEXT    NOT NULL,
    day      INTEGER NOT NULL,
    PRIMARY KEY (story_id, viewer, day)
) STRICT, WITHOUT ROWID;
CREATE INDEX story_views_day ON story_views (day);

CREATE TABLE reading_progress (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    page_id    INTEGER,
    finished   INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, story_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX reading_progress_recent ON reading_progress (user_id, updated_at DESC);

CREATE TABLE reading_days (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day     INTEGER NOT NULL,
    PRIMARY KEY (user_id, day)
) STRICT, WITHOUT ROWID;

-- Notifications --------------------------------------------------------------------------------------

CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type        TEXT    NOT NULL,
    actor_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    target_type TEXT,
    target_id   INTEGER,
    data        TEXT    NOT NULL DEFAULT '{}',
    read_at     INTEGER,
    created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX notifications_user ON notifications (user_id, id DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- Friends and classes --------------------------------------------------------------------------------

CREATE TABLE friend_requests (
    id           INTEGER PRIMARY KEY,
    from_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    to_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status       TEXT    NOT NULL DEFAULT 'pending'
                         CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled')),
    created_at   INTEGER NOT NULL,
    responded_at INTEGER,
    -- A child's linked parent approves new friends from outside the child's classes first.
    awaiting_guardian INTEGER NOT NULL DEFAULT 0 CHECK (awaiting_guardian IN (0, 1)),
    CHECK (from_id != to_id)
) STRICT;
-- At most one pending request between two people, whichever way round.
CREATE UNIQUE INDEX friend_requests_pending
    ON friend_requests (min(from_id, to_id), max(from_id, to_id)) WHERE status = 'pending';
CREATE INDEX friend_requests_to ON friend_requests (to_id, status);
CREATE INDEX friend_requests_from ON friend_requests (from_id, status);

-- Both directions are stored, so "my friends" is one index range.
CREATE TABLE friends (
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    friend_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    since     INTEGER NOT NULL,
    PRIMARY KEY (user_id, friend_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE classes (
    id         INTEGER PRIMARY KEY,
    teacher_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    join_code  TEXT,
    -- Archived at the end of the year: read-only, no sign-in, no cards.
    archived_at    INTEGER,
    -- Children's stories wait for the teacher before others can read them.
    needs_approval INTEGER NOT NULL DEFAULT 0 CHECK (needs_approval IN (0, 1)),
    -- The class sign-in page and cards: open, closed, or open in the teacher's hours (minutes
    -- after local midnight, with the teacher's UTC offset in minutes).
    signin         TEXT    NOT NULL DEFAULT 'hours' CHECK (signin IN ('hours', 'open', 'closed')),
    hours_from     INTEGER NOT NULL DEFAULT 450 CHECK (hours_from BETWEEN 0 AND 1439),
    hours_to       INTEGER NOT NULL DEFAULT 960 CHECK (hours_to BETWEEN 1 AND 1440),
    utc_offset     INTEGER NOT NULL DEFAULT 0 CHECK (utc_offset BETWEEN -840 AND 840)
) STRICT;
CREATE INDEX classes_teacher ON classes (teacher_id);
CREATE UNIQUE INDEX classes_join_code ON classes (join_code) WHERE join_code IS NOT NULL;

CREATE TABLE class_members (
    class_id  INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at INTEGER NOT NULL,
    -- Made by the teacher's roster: the class looks after the account.
    managed   INTEGER NOT NULL DEFAULT 0 CHECK (managed IN (0, 1)),
    PRIMARY KEY (class_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX class_members_user ON class_members (user_id);

-- A class-managed child's picture password, kept so the teacher can print it on a card; gone
-- as soon as anyone else sets the password.
CREATE TABLE card_pictures (
    user_id  INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    pictures TEXT    NOT NULL
) STRICT;

-- One printed sign-in card per child (SHA-256 of its secret); printing new cards replaces it.
CREATE TABLE signin_cards (
    user_id     INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    class_id    INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    secret_hash BLOB    NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX signin_cards_class ON signin_cards (class_id);

-- A story waiting for its class's teacher (or returned with a note); approval publishes it
-- and removes the row.
CREATE TABLE story_reviews (
    story_id     INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    class_id     INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    status       TEXT    NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'returned')),
    note         TEXT    NOT NULL DEFAULT '',
    submitted_at INTEGER NOT NULL,
    decided_at   INTEGER
) STRICT;
CREATE INDEX story_reviews_class ON story_reviews (class_id, status);

-- Children asking to join a class; the teacher's approval moves them into class_members.
CREATE TABLE class_requests (
    class_id     INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    requested_at INTEGER NOT NULL,
    PRIMARY KEY (class_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX class_requests_user ON class_requests (user_id);

CREATE TABLE activities (
    id         INTEGER PRIMARY KEY,
    actor_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    story_id   INTEGER REFERENCES stories (id) ON DELETE CASCADE,
    data       TEXT    NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX activities_actor ON activities (actor_id, id DESC);

-- XP and achievements --------------------------------------------------------------------------------

-- One row per reward: the key (user, reason, object) makes paying twice impossible.
CREATE TABLE xp_ledger (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason     TEXT    NOT NULL,
    object     TEXT    NOT NULL,
    amount     INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, reason, object)
) STRICT, WITHOUT ROWID;
CREATE INDEX xp_ledger_time ON xp_ledger (user_id, created_at);

CREATE TABLE user_stats (
    user_id           INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    stories_published INTEGER NOT NULL DEFAULT 0,
    likes_received    INTEGER NOT NULL DEFAULT 0,
    comments_written  INTEGER NOT NULL DEFAULT 0,
    stories_finished  INTEGER NOT NULL DEFAULT 0,
    ratings_given     INTEGER NOT NULL DEFAULT 0,
    friends_made      INTEGER NOT NULL DEFAULT 0,
    longest_story     INTEGER NOT NULL DEFAULT 0,
    languages_mask    INTEGER NOT NULL DEFAULT 0,
    read_streak       INTEGER NOT NULL DEFAULT 0,
    best_streak       INTEGER NOT NULL DEFAULT 0,
    last_read_day     INTEGER,
    games_played      INTEGER NOT NULL DEFAULT 0,  -- distinct games tried
    perfect_games     INTEGER NOT NULL DEFAULT 0   -- distinct games with a perfect score
) STRICT;

CREATE TABLE user_achievements (
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    achievement_id TEXT    NOT NULL,
    earned_at      INTEGER NOT NULL,
    PRIMARY KEY (user_id, achievement_id)
) STRICT, WITHOUT ROWID;

-- Characters -------------------------------------------------------------------------------------------

CREATE TABLE characters (
    id          INTEGER PRIMARY KEY,
    owner_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    drawing     TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX characters_owner ON characters (owner_id, id);

-- Safety -----------------------------------------------------------------------------------------------

-- Masked words in posted text (comments now; messages and chat later).
CREATE TABLE profanity_violations (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    field      TEXT    NOT NULL,
    words      TEXT    NOT NULL,                     -- JSON array
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX profanity_violations_user ON profanity_violations (user_id, created_at);

-- Accounts waiting for a moderator (the admin console lists the open ones).
CREATE TABLE moderation_flags (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    detail      TEXT    NOT NULL DEFAULT '{}',
    created_at  INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by INTEGER REFERENCES users (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX moderation_flags_open ON moderation_flags (created_at) WHERE resolved_at IS NULL;
CREATE UNIQUE INDEX moderation_flags_one_open ON moderation_flags (user_id, kind) WHERE resolved_at IS NULL;

-- Messages and live drawing -------------------------------------------------------------------------

CREATE TABLE messages (
    id          INTEGER PRIMARY KEY,
    sender_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    receiver_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    text        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    edited_at   INTEGER,
    read_at     INTEGER
) STRICT;
-- One index serves a conversation read from either side: (low id, high id, message id).
CREATE INDEX messages_pair ON messages (min(sender_id, receiver_id), max(sender_id, receiver_id), id);
CREATE INDEX messages_unread ON messages (receiver_id, sender_id) WHERE read_at IS NULL;

CREATE TABLE collab_sessions (
    id               INTEGER PRIMARY KEY,
    join_code        TEXT    NOT NULL,
    host_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title            TEXT    NOT NULL,
    state            TEXT    NOT NULL DEFAULT 'lobby'
                             CHECK (state IN ('lobby', 'drawing', 'voting', 'published', 'ended')),
    lobby_open       INTEGER NOT NULL DEFAULT 1,
    max_participants INTEGER NOT NULL,
    story_id         INTEGER REFERENCES stories (id) ON DELETE SET NULL,
    ended_reason     TEXT,
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL,
    ended_at         INTEGER
) STRICT;
-- A code is unique among live sessions only, so codes of finished sessions can come back.
CREATE UNIQUE INDEX collab_sessions_live_code ON collab_sessions (join_code)
    WHERE state IN ('lobby', 'drawing', 'voting');
CREATE INDEX collab_sessions_host ON collab_sessions (host_id, id);
CREATE INDEX collab_sessions_live_expiry ON collab_sessions (expires_at)
    WHERE state IN ('lobby', 'drawing', 'voting');

CREATE TABLE collab_members (
    session_id INTEGER NOT NULL REFERENCES collab_sessions (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    color      TEXT    NOT NULL,
    joined_at  INTEGER NOT NULL,
    took_part  INTEGER NOT NULL DEFAULT 0,               -- opened the shared canvas at least once
    kicked_at  INTEGER,
    PRIMARY KEY (session_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX collab_members_user ON collab_members (user_id, session_id);

CREATE TABLE collab_invites (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES collab_sessions (id) ON DELETE CASCADE,
    inviter_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    invitee_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status     TEXT    NOT NULL DEFAULT 'pending'
                       CHECK (status IN ('pending', 'accepted', 'declined')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX collab_invites_one ON collab_invites (session_id, invitee_id);
CREATE INDEX collab_invites_invitee ON collab_invites (invitee_id, status);

-- The durable operation log of a session; `seq` is dense per session.
CREATE TABLE collab_ops (
    session_id    INTEGER NOT NULL REFERENCES collab_sessions (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    user_id       INTEGER NOT NULL,
    client_op_id  TEXT,
    op            TEXT    NOT NULL,                      -- JSON, as broadcast
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (session_id, seq)
) STRICT, WITHOUT ROWID;

-- Families, codes and reports ------------------------------------------------------------------------

CREATE TABLE family_links (
    parent_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    child_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (parent_id, child_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX family_links_child ON family_links (child_id);

-- A linked parent's rules for a child; a child without a row has the defaults.
CREATE TABLE child_rules (
    child_id        INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    friends_need_ok INTEGER NOT NULL DEFAULT 1 CHECK (friends_need_ok IN (0, 1)),
    who_may_message TEXT    NOT NULL DEFAULT 'friends'
                            CHECK (who_may_message IN ('friends', 'friends_and_classmates', 'nobody')),
    updated_at      INTEGER NOT NULL,
    -- A parent turned the child's sounds and music off (the child cannot turn them back on).
    quiet           INTEGER NOT NULL DEFAULT 0 CHECK (quiet IN (0, 1))
) STRICT;

-- Being made co-author is a request the invitee accepts.
CREATE TABLE coauthor_invites (
    id         INTEGER PRIMARY KEY,
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    inviter_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    invitee_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status     TEXT    NOT NULL DEFAULT 'pending'
                       CHECK (status IN ('pending', 'accepted', 'declined')),
    created_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX coauthor_invites_one ON coauthor_invites (story_id, invitee_id) WHERE status = 'pending';
CREATE INDEX coauthor_invites_invitee ON coauthor_invites (invitee_id, status);

-- Family link codes and password reset codes: only a hash is stored, each works once.
CREATE TABLE one_time_codes (
    code_hash  BLOB    PRIMARY KEY,
    purpose    TEXT    NOT NULL CHECK (purpose IN ('family_link', 'password_reset')),
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
) STRICT, WITHOUT ROWID;
CREATE INDEX one_time_codes_user ON one_time_codes (user_id, purpose);

-- Stories and comments users reported; the admin's moderation queue lists the open ones.
CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    reporter_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    target_type TEXT    NOT NULL CHECK (target_type IN ('story', 'comment')),
    target_id   INTEGER NOT NULL,
    reason      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action      TEXT
) STRICT;
CREATE UNIQUE INDEX reports_one_open ON reports (target_type, target_id, reporter_id) WHERE resolved_at IS NULL;
CREATE INDEX reports_open ON reports (created_at) WHERE resolved_at IS NULL;

-- Games -----------------------------------------------------------------------------------------------

CREATE TABLE games (
    id          INTEGER PRIMARY KEY,
    story_id    INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('quiz', 'fill_blank', 'word_search')),
    content     TEXT    NOT NULL,                    -- JSON with the answers: never sent before an attempt
    created_at  INTEGER NOT NULL,
    UNIQUE (story_id, kind)
) STRICT;

CREATE TABLE game_attempts (
    id         INTEGER PRIMARY KEY,
    game_id    INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    score      INTEGER NOT NULL,
    total      INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX game_attempts_user ON game_attempts (user_id, id DESC);
CREATE INDEX game_attempts_game ON game_attempts (game_id, user_id);

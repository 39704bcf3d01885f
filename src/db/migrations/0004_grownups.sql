-- Step 4: families, class join codes, one-time codes, read-only parent views and reports.

CREATE TABLE family_links (
    parent_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    child_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (parent_id, child_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX family_links_child ON family_links (child_id);

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

ALTER TABLE classes ADD COLUMN join_code TEXT;
CREATE UNIQUE INDEX classes_join_code ON classes (join_code) WHERE join_code IS NOT NULL;
-- Children asking to join a class; the teacher's approval moves them into class_members.
CREATE TABLE class_requests (
    class_id     INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    requested_at INTEGER NOT NULL,
    PRIMARY KEY (class_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX class_requests_user ON class_requests (user_id);

-- 'view': a parent looking through a child's eyes; read-only, short, no refresh token.
ALTER TABLE sessions ADD COLUMN scope TEXT NOT NULL DEFAULT 'full';

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

-- Step 3: direct messages and live drawing sessions.

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

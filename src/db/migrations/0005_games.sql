-- Step 5: games made from published stories, and attempts at them.

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

-- sha256 of the title and page texts the story's games were last made from (NULL: never).
ALTER TABLE stories ADD COLUMN games_hash BLOB;
ALTER TABLE user_stats ADD COLUMN games_played INTEGER NOT NULL DEFAULT 0;
ALTER TABLE user_stats ADD COLUMN perfect_games INTEGER NOT NULL DEFAULT 0;

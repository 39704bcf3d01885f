-- Step 8: the classroom. Teachers make accounts for their class (a roster); such children are
-- managed by the class. A class has its own sign-in page (open, closed, or open in the
-- teacher's hours), printable sign-in cards holding a revocable secret, and may ask that its
-- children's stories wait for the teacher before anyone else can read them. Existing classes
-- keep publishing as before (new classes start with approval on).

ALTER TABLE classes ADD COLUMN archived_at INTEGER;
ALTER TABLE classes ADD COLUMN needs_approval INTEGER NOT NULL DEFAULT 0 CHECK (needs_approval IN (0, 1));
ALTER TABLE classes ADD COLUMN signin TEXT NOT NULL DEFAULT 'hours' CHECK (signin IN ('hours', 'open', 'closed'));
ALTER TABLE classes ADD COLUMN hours_from INTEGER NOT NULL DEFAULT 450 CHECK (hours_from BETWEEN 0 AND 1439);
ALTER TABLE classes ADD COLUMN hours_to INTEGER NOT NULL DEFAULT 960 CHECK (hours_to BETWEEN 1 AND 1440);
ALTER TABLE classes ADD COLUMN utc_offset INTEGER NOT NULL DEFAULT 0 CHECK (utc_offset BETWEEN -840 AND 840);

ALTER TABLE class_members ADD COLUMN managed INTEGER NOT NULL DEFAULT 0 CHECK (managed IN (0, 1));

CREATE TABLE card_pictures (
    user_id  INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    pictures TEXT    NOT NULL
) STRICT;

CREATE TABLE signin_cards (
    user_id     INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    class_id    INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    secret_hash BLOB    NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX signin_cards_class ON signin_cards (class_id);

CREATE TABLE story_reviews (
    story_id     INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    class_id     INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    status       TEXT    NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'returned')),
    note         TEXT    NOT NULL DEFAULT '',
    submitted_at INTEGER NOT NULL,
    decided_at   INTEGER
) STRICT;
CREATE INDEX story_reviews_class ON story_reviews (class_id, status);

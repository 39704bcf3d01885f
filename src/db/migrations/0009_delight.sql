-- Step 9: a library search with a one-letter typo still finds the story (the search index's
-- own vocabulary is read to find the word meant), and a parent can turn a child's sounds off.

CREATE VIRTUAL TABLE story_vocab USING fts5vocab (story_fts, 'row');

ALTER TABLE child_rules ADD COLUMN quiet INTEGER NOT NULL DEFAULT 0 CHECK (quiet IN (0, 1));

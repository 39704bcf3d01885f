-- Step 7: children's safety. Teachers who signed themselves up wait for an admin; a linked
-- parent's rules for a child; friend requests that wait for the child's grown-up; co-authorship
-- as a request the invitee accepts. Friendships and pending requests between a child and an
-- adult who is not the child's linked parent are ended: no path may keep one.

ALTER TABLE users ADD COLUMN pending_approval INTEGER NOT NULL DEFAULT 0 CHECK (pending_approval IN (0, 1));

ALTER TABLE friend_requests ADD COLUMN awaiting_guardian INTEGER NOT NULL DEFAULT 0
    CHECK (awaiting_guardian IN (0, 1));

CREATE TABLE child_rules (
    child_id        INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    friends_need_ok INTEGER NOT NULL DEFAULT 1 CHECK (friends_need_ok IN (0, 1)),
    who_may_message TEXT    NOT NULL DEFAULT 'friends'
                            CHECK (who_may_message IN ('friends', 'friends_and_classmates', 'nobody')),
    updated_at      INTEGER NOT NULL
) STRICT;

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

DELETE FROM friends WHERE EXISTS (
    SELECT 1 FROM users a, users b
    WHERE a.id = friends.user_id AND b.id = friends.friend_id
      AND ((a.role = 'child') != (b.role = 'child'))
      AND NOT EXISTS (SELECT 1 FROM family_links l
                      WHERE (l.parent_id = a.id AND l.child_id = b.id)
                         OR (l.parent_id = b.id AND l.child_id = a.id)));

UPDATE friend_requests SET status = 'cancelled', responded_at = CAST(strftime('%s', 'now') AS INTEGER)
WHERE status = 'pending' AND EXISTS (
    SELECT 1 FROM users a, users b
    WHERE a.id = friend_requests.from_id AND b.id = friend_requests.to_id
      AND ((a.role = 'child') != (b.role = 'child')));

-- The library's search no longer finds an author by username (a child's username is how a
-- stranger would ask for them): the index is rebuilt with display names only.
DELETE FROM story_fts;
INSERT INTO story_fts (rowid, title, summary, body, author)
SELECT s.id, s.title, s.summary,
       (SELECT group_concat(text, char(10)) FROM (SELECT text FROM pages WHERE story_id = s.id ORDER BY position)),
       p.display_name
FROM stories s JOIN profiles p ON p.user_id = s.author_id
WHERE s.status = 'published' AND s.hidden = 0;

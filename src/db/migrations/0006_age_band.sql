-- Step 6: an optional age band per account (set by the child or a linked parent), so games fit
-- the player: the word-search grid is 8, 10 or 12 letters wide. No birth dates are kept.

ALTER TABLE profiles ADD COLUMN age_band TEXT CHECK (age_band IN ('5-7', '8-9', '10-12'));

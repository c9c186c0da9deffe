-- Whom each passage is by, as the last byline before it in its document says (null when none
-- does): a question that names the author finds every passage of theirs.
ALTER TABLE passages ADD COLUMN attribution text;

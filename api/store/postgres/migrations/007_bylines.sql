-- The bylines that take effect inside each passage (title and offset, as headings are kept), so
-- a quote from it can name whom it is by. The index format changes with it: every build writes it.
ALTER TABLE passages ADD COLUMN bylines jsonb NOT NULL DEFAULT '[]';

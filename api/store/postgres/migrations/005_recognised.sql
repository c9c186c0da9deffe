-- Scans: the pages of a document recognised by OCR (page, where its text lies, confidence), and
-- per passage the recognised pages it overlaps, so a citation from a scan can say so.
ALTER TABLE documents ADD COLUMN recognised jsonb NOT NULL DEFAULT '[]';
ALTER TABLE passages ADD COLUMN recognised jsonb NOT NULL DEFAULT '[]';

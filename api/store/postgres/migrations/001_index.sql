-- The index: documents and their passages, shared by every build that holds them unchanged; the
-- terms each passage is found by (its Dutch analysis, done by the build); builds as sets of
-- documents; and the one live build every API instance answers from.

CREATE TABLE documents (
  key           text PRIMARY KEY,      -- content key: the same document processed the same way
  id            text NOT NULL,         -- the document's id in URLs and citations
  file_name     text NOT NULL,
  title         text NOT NULL,
  source        text,
  date          text,
  kind          text NOT NULL,
  text          text NOT NULL,         -- the cleaned text every offset refers to (UTF-16 offsets)
  sections      jsonb NOT NULL,
  passage_count integer NOT NULL
);

CREATE TABLE passages (
  document_key text NOT NULL REFERENCES documents (key) ON DELETE CASCADE,
  chunk_no     integer NOT NULL,
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL,
  text         text NOT NULL,          -- a copy of the slice: PostgreSQL counts characters, not UTF-16 units
  section      text,
  headings     jsonb NOT NULL,
  term_count   integer NOT NULL,       -- BM25's passage length
  tokens       integer NOT NULL,
  PRIMARY KEY (document_key, chunk_no)
);

CREATE TABLE postings (
  term         text NOT NULL,
  document_key text NOT NULL,
  chunk_no     integer NOT NULL,
  frequency    integer NOT NULL,
  PRIMARY KEY (term, document_key, chunk_no),
  FOREIGN KEY (document_key, chunk_no) REFERENCES passages (document_key, chunk_no) ON DELETE CASCADE
);
CREATE INDEX postings_by_passage ON postings (document_key, chunk_no);

CREATE TABLE builds (
  id            bigserial PRIMARY KEY,
  created_at    timestamptz NOT NULL DEFAULT now(),
  manifest      jsonb NOT NULL,
  passage_count integer NOT NULL,
  total_length  bigint NOT NULL        -- sum of term_count: BM25's average length
);

CREATE TABLE build_documents (
  build_id       bigint NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
  document_key   text NOT NULL REFERENCES documents (key),
  document_id    text NOT NULL,
  ordinal        integer NOT NULL,     -- the document's place in the build
  first_position integer NOT NULL,     -- its first passage's position in the build (BM25 ties)
  PRIMARY KEY (build_id, document_key),
  UNIQUE (build_id, document_id)
);
CREATE INDEX build_documents_by_document ON build_documents (document_key);

-- How many passages of a build hold each term (BM25's document frequency), written with the build.
CREATE TABLE build_terms (
  build_id bigint NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
  term     text NOT NULL,
  df       integer NOT NULL,
  PRIMARY KEY (build_id, term)
);

CREATE TABLE live_build (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  build_id  bigint NOT NULL REFERENCES builds (id)
);

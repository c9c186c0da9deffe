-- Collections: the collection of each document in a build (a top-level folder of the corpus), and
-- each collection's BM25 statistics, so a question restricted to some collections is weighed by
-- theirs alone.
ALTER TABLE build_documents ADD COLUMN collection text NOT NULL DEFAULT 'alle';
CREATE INDEX build_documents_by_collection ON build_documents (build_id, collection);

CREATE TABLE build_collections (
  build_id      bigint NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
  collection    text NOT NULL,
  passage_count integer NOT NULL,
  total_length  bigint NOT NULL,
  PRIMARY KEY (build_id, collection)
);

CREATE TABLE build_collection_terms (
  build_id   bigint NOT NULL REFERENCES builds (id) ON DELETE CASCADE,
  collection text NOT NULL,
  term       text NOT NULL,
  df         integer NOT NULL,
  PRIMARY KEY (build_id, collection, term)
);

-- Passage vectors for dense retrieval (pgvector). Applied when a build with vectors is first
-- written, so a database without pgvector serves lexical search. Each dimension gets its own
-- HNSW index when a build of that dimension is written (postgres-writer.ts).
CREATE EXTENSION IF NOT EXISTS vector;
ALTER TABLE passages ADD COLUMN embedding vector;

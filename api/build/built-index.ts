// What a build produces, before any store keeps it: the documents, their passages with the
// terms they are indexed by, and the passage vectors when the model was there.
import type { Chunk } from '../chunk/chunk-document.js';
import type { IndexManifest } from '../contract.js';
import type { CorpusDocument } from '../ingest/load-corpus.js';

export interface BuiltIndex {
  manifest: IndexManifest;
  documents: CorpusDocument[];
  chunks: Chunk[];
  /** The analysed terms of each chunk, in chunk order. */
  terms: string[][];
  /** One vector per chunk, in chunk order; null in a lexical-only build. */
  vectors: Float32Array[] | null;
}

/** Keeps a finished build: it becomes the live index at once and entirely, or not at all. */
export interface IndexWriter {
  write(index: BuiltIndex): Promise<void>;
}

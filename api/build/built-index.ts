// What a build produces, before any store keeps it: the documents, their passages with the
// terms they are indexed by, the passage vectors when the model was there, and the files it
// had to skip.
import type { IndexManifest } from '../contract.js';
import type { Chunk, CorpusDocument } from '../records.js';
import type { StageTimer } from '../stage-timer.js';

/** Bump when cleaning, chunking, analysis or a store's files change what an index holds: every store refuses another. */
export const INDEX_FORMAT_VERSION = 5;

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
  /** `timer` takes the seconds spent building the index structures and writing them. */
  write(index: BuiltIndex, timer?: StageTimer): Promise<void>;
}

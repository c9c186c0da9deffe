// What a build produces, before any store keeps it: per document, what the build made of it
// (its passages, the terms they are indexed by, their vectors when the model was there) under
// the key that names it; the manifest says what the build was and which files it had to skip.
import type { IndexManifest } from '../contract.js';
import { AppError } from '../errors.js';
import { messages } from '../messages.js';
import type { Chunk, CorpusDocument } from '../records.js';
import type { StageTimer } from '../stage-timer.js';

/** Bump when cleaning, chunking, analysis or a store's files change what an index holds: every store refuses another. */
export const INDEX_FORMAT_VERSION = 16;

/**
 * Refuses a manifest of another index format as incompatible (say what to run), before its
 * fields are checked: an older build lacks fields this one needs, and is not damaged for it.
 */
export function assertIndexFormat(manifest: unknown): void {
  const version = (manifest as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version !== INDEX_FORMAT_VERSION) {
    throw new AppError('index_incompatible', messages.indexFormat(version, INDEX_FORMAT_VERSION));
  }
}

/** What the build made of one document. */
export interface ProcessedDocument {
  document: CorpusDocument;
  chunks: Chunk[];
  /** Index terms of each chunk, in chunk order. */
  terms: string[][];
  /** One vector per chunk, or null when the build had no embedding model. */
  vectors: Float32Array[] | null;
}

/** A processed document under the key of its content and the build settings (the document cache's). */
export interface BuiltDocument extends ProcessedDocument {
  key: string;
}

export interface BuiltIndex {
  manifest: IndexManifest;
  /** In corpus order; their passages in that order are the index's passages. */
  documents: BuiltDocument[];
}

/** Keeps a finished build: it becomes the live index at once and entirely, or not at all. */
export interface IndexWriter {
  /** `timer` takes the seconds spent building the index structures and writing them. */
  write(index: BuiltIndex, timer?: StageTimer): Promise<void>;
}

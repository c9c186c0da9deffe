// Writes a finished build as the embedded index files: BM25 postings and the HNSW graph are
// built here, then everything is swapped in atomically.
import type { IndexWriter } from '../../build/built-index.js';
import { buildLexicalIndex } from '../../index/lexical-index.js';
import { DEFAULT_VECTOR_SETTINGS, VectorIndex } from '../../index/vector-index.js';
import { spanOf } from '../../records.js';
import { createStageTimer } from '../../stage-timer.js';
import { writeIndexFiles } from './index-files.js';

export function embeddedIndexWriter(indexDir: string): IndexWriter {
  return {
    async write({ manifest, documents, chunks, terms, vectors }, timer = createStageTimer()) {
      const dimensions = manifest.model.dimensions;
      const lexical = timer.time('index', () => buildLexicalIndex(terms));
      const vectorIndex = timer.time('index', () => (vectors && dimensions ? VectorIndex.build(vectors, dimensions) : null));
      await timer.time('write', () =>
        writeIndexFiles(indexDir, {
          manifest: { ...manifest, vector: vectorIndex ? DEFAULT_VECTOR_SETTINGS : null },
          documents,
          passages: chunks.map((chunk) => ({ documentId: chunk.documentId, ...spanOf(chunk) })),
          lexical,
          vectors: vectorIndex,
        }),
      );
    },
  };
}

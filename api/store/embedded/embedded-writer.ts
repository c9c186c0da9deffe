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
    async write({ manifest, documents }, timer = createStageTimer()) {
      const dimensions = manifest.model.dimensions;
      const lexical = timer.time('index', () => buildLexicalIndex(documents.flatMap((entry) => entry.terms)));
      const vectors = dimensions && documents.every((entry) => entry.vectors) ? documents.flatMap((entry) => entry.vectors!) : null;
      const vectorIndex = timer.time('index', () => (vectors && dimensions ? VectorIndex.build(vectors, dimensions) : null));
      await timer.time('write', () =>
        writeIndexFiles(indexDir, {
          manifest: { ...manifest, vector: vectorIndex ? DEFAULT_VECTOR_SETTINGS : null },
          documents: documents.map((entry) => entry.document),
          passages: documents.flatMap((entry) => entry.chunks.map((chunk) => ({ documentId: chunk.documentId, ...spanOf(chunk) }))),
          lexical,
          vectors: vectorIndex,
        }),
      );
    },
  };
}

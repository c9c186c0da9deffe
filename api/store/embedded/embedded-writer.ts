// Writes a finished build as the embedded index files: BM25 postings and the HNSW graph are
// built here, then everything is swapped in atomically.
import type { IndexWriter } from '../../build/built-index.js';
import { buildLexicalIndex } from '../../index/lexical-index.js';
import { DEFAULT_VECTOR_SETTINGS, VectorIndex } from '../../index/vector-index.js';
import { writeIndexFiles } from './index-files.js';

export function embeddedIndexWriter(indexDir: string): IndexWriter {
  return {
    async write({ manifest, documents, chunks, terms, vectors }) {
      const dimensions = manifest.model.dimensions;
      await writeIndexFiles(indexDir, {
        manifest: { ...manifest, vector: vectors ? DEFAULT_VECTOR_SETTINGS : null },
        documents,
        chunks,
        lexical: buildLexicalIndex(terms),
        vectors: vectors && dimensions ? VectorIndex.build(vectors, dimensions) : null,
      });
    },
  };
}

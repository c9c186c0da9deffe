// The default store: a built index loaded from disk into this process. Passages are numbered by
// their position in the build (BM25 rows, HNSW labels); outside this file they are known by id.
import type { DocumentSummary } from '../../contract.js';
import { LexicalIndex } from '../../index/lexical-index.js';
import { VectorIndex } from '../../index/vector-index.js';
import type { IndexStore, PassageRecord } from '../store.js';
import type { IndexFiles, StoredDocument } from './index-files.js';

export function openEmbeddedStore(files: IndexFiles): IndexStore {
  const { manifest } = files;
  const lexical = new LexicalIndex(files.lexical);
  const vectors = files.vectorPath && manifest.model.dimensions ? VectorIndex.load(files.vectorPath, manifest.model.dimensions) : null;
  const documents = new Map<string, StoredDocument>(files.documents.map((document) => [document.id, document]));
  const positions = new Map(files.chunks.map((chunk, position) => [chunk.id, position]));
  const chunkCounts = new Map<string, number>();
  for (const chunk of files.chunks) chunkCounts.set(chunk.documentId, (chunkCounts.get(chunk.documentId) ?? 0) + 1);

  const record = (position: number): PassageRecord => {
    const { id, documentId, start, end, text, section, headings } = files.chunks[position]!;
    return { id, documentId, documentTitle: documents.get(documentId)?.title ?? documentId, start, end, text, section, headings };
  };
  const idAt = (position: number) => files.chunks[position]!.id;
  const summary = ({ id, title, source, date, kind }: StoredDocument): DocumentSummary => ({ id, title, source, date, kind, chunks: chunkCounts.get(id) ?? 0 });

  return {
    manifest,
    modes: vectors ? ['lexical', 'dense'] : ['lexical'],
    vocabulary: async () => lexical.vocabulary,
    searchLexical: async (concepts, limit) => lexical.search(concepts, limit).map(({ position, score }) => ({ id: idAt(position), score })),
    searchDense: async (vector, limit) =>
      vectors ? vectors.search(vector, limit).map(({ position, similarity }) => ({ id: idAt(position), similarity })) : [],
    async passages(ids) {
      return ids.flatMap((id) => {
        const position = positions.get(id);
        return position === undefined ? [] : [record(position)];
      });
    },
    listDocuments: async () => [...documents.values()].map(summary),
    async getDocument(id) {
      const document = documents.get(id);
      return document ? { ...summary(document), text: document.text } : null;
    },
  };
}

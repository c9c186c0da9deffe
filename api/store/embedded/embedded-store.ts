// The default store: a built index loaded from disk into this process. Passages are numbered by
// their position in the build (BM25 rows, HNSW labels); outside this file they are known by id.
import type { DocumentSummary } from '../../contract.js';
import { LexicalIndex } from '../../index/lexical-index.js';
import { VectorIndex } from '../../index/vector-index.js';
import { type PassageRecord, passageId } from '../../records.js';
import type { IndexStore } from '../store.js';
import type { IndexFiles, StoredDocument } from './index-files.js';

export function openEmbeddedStore(files: IndexFiles): IndexStore {
  const { manifest } = files;
  const lexical = new LexicalIndex(files.lexical);
  const vectors = files.vectorPath && manifest.model.dimensions ? VectorIndex.load(files.vectorPath, manifest.model.dimensions) : null;
  const documents = new Map<string, StoredDocument>(files.documents.map((document) => [document.id, document]));
  // A passage's id is its document's id and its number within the document.
  const ids: string[] = [];
  const positions = new Map<string, number>();
  const chunkCounts = new Map<string, number>();
  files.passages.forEach((passage, position) => {
    const number = chunkCounts.get(passage.documentId) ?? 0;
    chunkCounts.set(passage.documentId, number + 1);
    const id = passageId(passage.documentId, number);
    ids.push(id);
    positions.set(id, position);
  });

  const record = (position: number): PassageRecord => {
    const { documentId, start, end, section, headings } = files.passages[position]!;
    const document = documents.get(documentId)!;
    return { id: ids[position]!, documentId, documentTitle: document.title, start, end, text: document.text.slice(start, end), section, headings };
  };
  const summary = ({ id, title, source, date, kind }: StoredDocument): DocumentSummary => ({ id, title, source, date, kind, chunks: chunkCounts.get(id) ?? 0 });

  return {
    manifest,
    modes: vectors ? ['lexical', 'dense'] : ['lexical'],
    vocabulary: async () => lexical,
    searchLexical: async (concepts, limit) => lexical.search(concepts, limit).map(({ position, score }) => ({ id: ids[position]!, score })),
    searchDense: async (vector, limit) =>
      vectors ? vectors.search(vector, limit).map(({ position, similarity }) => ({ id: ids[position]!, similarity })) : [],
    async passages(wanted) {
      return wanted.flatMap((id) => {
        const position = positions.get(id);
        return position === undefined ? [] : [record(position)];
      });
    },
    listDocuments: async () => [...documents.values()].map(summary),
    async getDocument(id) {
      const document = documents.get(id);
      return document ? { ...summary(document), text: document.text, sections: document.sections.map(({ title, start }) => ({ title, start })) } : null;
    },
  };
}

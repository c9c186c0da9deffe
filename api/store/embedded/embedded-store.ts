// The default store: a built index loaded from disk into this process. Passages are numbered by
// their position in the build (BM25 rows, HNSW labels); outside this file they are known by id.
// A build keeps each collection's passages together, so a scope is a few stretches of positions:
// BM25 counts and ranks inside them, the vector search filters by them.
import { type Scope, scopeKey } from '../../access/scope.js';
import type { DocumentSummary } from '../../contract.js';
import { AppError } from '../../errors.js';
import { LexicalIndex, type LexicalView } from '../../index/lexical-index.js';
import type { Intervals } from '../../index/positions.js';
import { VectorIndex } from '../../index/vector-index.js';
import { messages } from '../../messages.js';
import { type PassageRecord, passageId } from '../../records.js';
import type { IndexStore } from '../store.js';
import type { IndexFiles, StoredDocument } from './index-files.js';

/** Scopes whose statistics are kept: the combinations of collections callers have, in practice few. */
const KEPT_SCOPES = 32;

interface ScopeView {
  lexical: LexicalView;
  count: number;
  has(position: number): boolean;
  collections: ReadonlySet<string>;
}

export function openEmbeddedStore(files: IndexFiles): IndexStore {
  const { manifest } = files;
  const lexical = new LexicalIndex(files.lexical);
  const vectors = files.vectorPath && manifest.model.dimensions ? VectorIndex.load(files.vectorPath, manifest.model.dimensions) : null;
  const documents = new Map<string, StoredDocument>(files.documents.map((document) => [document.id, document]));
  // A passage's id is its document's id and its number within the document.
  const ids: string[] = [];
  const positions = new Map<string, number>();
  const chunkCounts = new Map<string, number>();
  // A build writes a document's passages one after another: its stretch of positions.
  const stretchOf = new Map<string, [number, number]>();
  files.passages.forEach((passage, position) => {
    const number = chunkCounts.get(passage.documentId) ?? 0;
    chunkCounts.set(passage.documentId, number + 1);
    const stretch = stretchOf.get(passage.documentId);
    if (stretch) stretch[1] = position + 1;
    else stretchOf.set(passage.documentId, [position, position + 1]);
    const id = passageId(passage.documentId, number);
    ids.push(id);
    positions.set(id, position);
  });
  const stretches = collectionStretches(files);
  const views = new Map<string, ScopeView>();

  function viewOf(scope: Scope): ScopeView {
    const key = scopeKey(scope);
    let view = views.get(key);
    if (view) {
      views.delete(key); // re-inserted: the map's order is the recency order
    } else {
      const intervals = mergedIntervals(scope.flatMap((collection) => (stretches.has(collection) ? [stretches.get(collection)!] : [])));
      const count = intervals.reduce((sum, [from, until]) => sum + until - from, 0);
      const whole = count === ids.length;
      view = {
        lexical: whole ? lexical : lexical.view(intervals),
        count,
        has: (position) => intervals.some(([from, until]) => position >= from && position < until),
        collections: new Set(scope),
      };
      if (views.size >= KEPT_SCOPES) views.delete(views.keys().next().value!);
    }
    views.set(key, view);
    return view;
  }

  const inScope = (documentId: string, scope: Scope) => {
    const document = documents.get(documentId);
    return document !== undefined && scope.includes(document.collection);
  };
  const record = (position: number): PassageRecord => {
    const { documentId, start, end, section, headings, attribution, bylines, recognised } = files.passages[position]!;
    const document = documents.get(documentId)!;
    return {
      id: ids[position]!,
      documentId,
      documentTitle: document.title,
      start,
      end,
      text: document.text.slice(start, end),
      section,
      headings,
      attribution,
      bylines,
      recognised,
    };
  };
  const summary = ({ id, title, collection, source, date, kind, recognised }: StoredDocument): DocumentSummary => ({
    id,
    title,
    collection,
    source,
    date,
    kind,
    chunks: chunkCounts.get(id) ?? 0,
    scannedPages: recognised.length,
  });

  return {
    manifest,
    modes: vectors ? ['lexical', 'dense'] : ['lexical'],
    vocabulary: async (scope) => viewOf(scope).lexical,
    searchLexical: async (concepts, limit, scope) =>
      viewOf(scope)
        .lexical.search(concepts, limit)
        .map(({ position, score }) => ({ id: ids[position]!, score })),
    async searchDense(vector, limit, scope) {
      if (!vectors) return [];
      const view = viewOf(scope);
      return vectors
        .search(vector, limit, view.count === ids.length ? undefined : view)
        .map(({ position, similarity }) => ({ id: ids[position]!, similarity }));
    },
    async passages(wanted, scope) {
      return wanted.flatMap((id) => {
        const position = positions.get(id);
        return position === undefined || !inScope(files.passages[position]!.documentId, scope) ? [] : [record(position)];
      });
    },
    async termsInDocuments(documentIds, terms, scope) {
      const held = new Map<string, Set<string>>();
      for (const id of new Set(documentIds)) {
        const stretch = stretchOf.get(id);
        if (!stretch || !inScope(id, scope)) continue;
        const found = terms.filter((term) => lexical.holdsWithin(term, stretch[0], stretch[1]));
        if (found.length > 0) held.set(id, new Set(found));
      }
      return held;
    },
    listDocuments: async (scope) => [...documents.values()].filter((document) => scope.includes(document.collection)).map(summary),
    async getDocument(id, scope) {
      const document = documents.get(id);
      if (!document || !inScope(id, scope)) return null;
      return {
        ...summary(document),
        text: document.text,
        sections: document.sections.map(({ title, start }) => ({ title, start })),
        recognised: document.recognised,
      };
    },
  };
}

/** Each collection's passages as one stretch of positions; an index that scatters one is refused. */
function collectionStretches(files: IndexFiles): Map<string, readonly [number, number]> {
  const collectionOf = new Map(files.documents.map((document) => [document.id, document.collection]));
  const stretches = new Map<string, [number, number]>();
  let previous: string | null = null;
  files.passages.forEach((passage, position) => {
    const collection = collectionOf.get(passage.documentId)!;
    const stretch = stretches.get(collection);
    if (!stretch) stretches.set(collection, [position, position + 1]);
    else if (previous === collection) stretch[1] = position + 1;
    else throw new AppError('index_damaged', messages.indexDamaged(`passages of collection "${collection}" are not together`));
    previous = collection;
  });
  return stretches;
}

/** Stretches sorted, with those that touch joined: the whole index is one. */
function mergedIntervals(stretches: readonly (readonly [number, number])[]): Intervals {
  const merged: [number, number][] = [];
  for (const [from, until] of [...stretches].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && last[1] === from) last[1] = until;
    else merged.push([from, until]);
  }
  return merged;
}

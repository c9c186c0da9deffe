// Opens a built index for answering: the retriever over its passages, the documents it was
// built from, and ask(), which turns a question into the API's answer.
import { toCitations, composeExtractive, type AnswerThresholds, DEFAULT_THRESHOLDS } from './answer/extractive.js';
import type { AskResponse, DocumentSummary, DocumentWithText } from './contract.js';
import type { Embedder } from './embed/embedder.js';
import type { IndexManifest, RetrievalMode, StoredDocument, StoredIndex } from './index/index-store.js';
import { LexicalIndex } from './index/lexical-index.js';
import { VectorIndex } from './index/vector-index.js';
import { loadDutchAnalyzer } from './language/load-analyzer.js';
import { messages } from './messages.js';
import type { DutchAnalyzer } from './language/dutch-analyzer.js';
import { createRetriever, type Retrieval } from './retrieve/retriever.js';

export interface Engine {
  manifest: IndexManifest;
  modes: RetrievalMode[];
  analyzer: DutchAnalyzer;
  /** Retrieval alone: the passages and the concepts they were scored on. */
  search(question: string, k: number): Promise<Retrieval>;
  /** The extractive answer to retrieved passages (answered: false when they do not cover the question). */
  extractive(retrieval: Retrieval): AskResponse;
  ask(question: string, k: number): Promise<AskResponse>;
  titleOf(documentId: string): string;
  listDocuments(): DocumentSummary[];
  getDocument(id: string): DocumentWithText | undefined;
}

export function openEngine(stored: StoredIndex, options: { embedder?: Embedder | null; thresholds?: AnswerThresholds } = {}): Engine {
  const analyzer = loadDutchAnalyzer();
  const lexical = new LexicalIndex(stored.lexical);
  const dense =
    stored.vectorPath && options.embedder && stored.manifest.model.dimensions
      ? { vectors: VectorIndex.load(stored.vectorPath, stored.manifest.model.dimensions), embedder: options.embedder }
      : null;
  const retriever = createRetriever({ chunks: stored.chunks, lexical, analyzer, dense });
  const documents = new Map<string, StoredDocument>(stored.documents.map((document) => [document.id, document]));
  const chunkCounts = new Map<string, number>();
  for (const chunk of stored.chunks) chunkCounts.set(chunk.documentId, (chunkCounts.get(chunk.documentId) ?? 0) + 1);
  const titleOf = (id: string) => documents.get(id)?.title ?? id;
  const summary = (document: StoredDocument): DocumentSummary => ({
    id: document.id,
    title: document.title,
    source: document.source,
    date: document.date,
    kind: document.kind,
    chunks: chunkCounts.get(document.id) ?? 0,
  });

  return {
    manifest: stored.manifest,
    modes: retriever.modes,
    analyzer,
    titleOf,
    search: (question, k) => retriever.retrieve(question, k),
    async ask(question, k) {
      return this.extractive(await retriever.retrieve(question, k));
    },
    extractive(retrieval) {
      const answer = composeExtractive(retrieval.passages, retrieval.concepts, analyzer, (concept) => lexical.conceptIdf(concept), options.thresholds ?? DEFAULT_THRESHOLDS);
      const { text, citations } = toCitations(answer, titleOf);
      return {
        answered: answer.answered,
        answer: answer.answered ? text : messages.notFound,
        mode: 'extractive',
        citations,
        passages: retrieval.passages.map(({ chunk, score }) => ({
          id: chunk.id,
          documentId: chunk.documentId,
          title: titleOf(chunk.documentId),
          section: chunk.section,
          text: chunk.text,
          score: Math.round(score * 10_000) / 10_000,
          start: chunk.start,
          end: chunk.end,
        })),
      };
    },
    listDocuments: () => [...documents.values()].map(summary),
    getDocument(id) {
      const document = documents.get(id);
      return document ? { ...summary(document), text: document.text } : undefined;
    },
  };
}

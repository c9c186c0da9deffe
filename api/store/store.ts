// The seam between answering and storage. Retrieval and the document catalogue see passages and
// documents by id, asynchronously, whatever keeps them: the embedded index files (default) or a
// database shared by several API processes.
import type { DocumentSummary, DocumentWithText, IndexManifest, RetrievalMode } from '../contract.js';
import type { Vocabulary } from '../index/vocabulary.js';
import type { Concept } from '../language/dutch-analyzer.js';
import type { PassageRecord } from '../records.js';

export interface ScoredPassageId {
  id: string;
  /** BM25 score. */
  score: number;
}

export interface SimilarPassageId {
  id: string;
  /** Cosine similarity of the passage and question embeddings. */
  similarity: number;
}

export interface PassageStore {
  /** "dense" when the store holds passage vectors. */
  readonly modes: readonly RetrievalMode[];
  /** The terms of the live index with their passage counts. */
  vocabulary(): Promise<Vocabulary>;
  /** Passages ranked by BM25 over the concepts' terms, best first. */
  searchLexical(concepts: readonly Concept[], limit: number): Promise<ScoredPassageId[]>;
  /** Passages nearest to a question vector, best first; empty without vectors. */
  searchDense(vector: Float32Array, limit: number): Promise<SimilarPassageId[]>;
  /** The passages with these ids, in the order asked; unknown ids are left out. */
  passages(ids: readonly string[]): Promise<PassageRecord[]>;
}

export interface DocumentCatalog {
  listDocuments(): Promise<DocumentSummary[]>;
  /** The document with the cleaned text every offset refers to, or null. */
  getDocument(id: string): Promise<DocumentWithText | null>;
}

/** A live index: what the API answers from. */
export interface IndexStore extends PassageStore, DocumentCatalog {
  readonly manifest: IndexManifest;
}

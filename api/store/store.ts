// The seam between answering and storage. Retrieval and the document catalogue see passages and
// documents by id, asynchronously, whatever keeps them: the embedded index files (default) or a
// database shared by several API processes. Every call takes the request's scope (the
// collections it may read): statistics, rankings and lookups see nothing outside it.
import type { Scope } from '../access/scope.js';
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
  /** The terms of the scope's passages with their passage counts there. */
  vocabulary(scope: Scope): Promise<Vocabulary>;
  /** The scope's passages ranked by BM25 (its statistics) over the concepts' terms, best first. */
  searchLexical(concepts: readonly Concept[], limit: number, scope: Scope): Promise<ScoredPassageId[]>;
  /** The scope's passages nearest to a question vector, best first; empty without vectors. */
  searchDense(vector: Float32Array, limit: number, scope: Scope): Promise<SimilarPassageId[]>;
  /** The passages with these ids, in the order asked; unknown ids and ids outside the scope are left out. */
  passages(ids: readonly string[], scope: Scope): Promise<PassageRecord[]>;
  /**
   * Of these index terms, the ones each of these documents holds in any of its passages (their
   * text and headings, as the index holds them); a document outside the scope holds none.
   */
  termsInDocuments(documentIds: readonly string[], terms: readonly string[], scope: Scope): Promise<Map<string, Set<string>>>;
}

export interface DocumentCatalog {
  listDocuments(scope: Scope): Promise<DocumentSummary[]>;
  /** The document with the cleaned text every offset refers to, or null (also outside the scope: the same answer). */
  getDocument(id: string, scope: Scope): Promise<DocumentWithText | null>;
}

/** A live index: what the API answers from. */
export interface IndexStore extends PassageStore, DocumentCatalog {
  readonly manifest: IndexManifest;
}

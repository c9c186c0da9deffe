// The retrieval pipeline: question → concepts (Dutch analysis, or English via glossary and
// cognates) → BM25 over the lexical index, plus the dense HNSW index when the model is there
// → rankings fused with reciprocal rank fusion.
import type { Chunk } from '../chunk/chunk-document.js';
import type { Embedder } from '../embed/embedder.js';
import type { RetrievalMode } from '../index/index-store.js';
import type { LexicalIndex } from '../index/lexical-index.js';
import type { VectorIndex } from '../index/vector-index.js';
import type { Concept, DutchAnalyzer } from '../language/dutch-analyzer.js';
import { englishConcepts, isEnglish } from '../language/english-question.js';
import { createConceptExpander } from './expand-concepts.js';
import { reciprocalRankFusion } from './fuse.js';

export interface RetrievedPassage {
  chunk: Chunk;
  /** Fused score in hybrid mode, BM25 score in lexical mode. */
  score: number;
  /** IDF-weighted share of the question's concepts the passage contains, 0..1. */
  coverage: number;
  similarity: number | null;
}

export interface Retrieval {
  concepts: Concept[];
  language: 'nl' | 'en';
  passages: RetrievedPassage[];
}

export interface Retriever {
  modes: RetrievalMode[];
  retrieve(question: string, limit: number): Promise<Retrieval>;
}

export interface RetrieverParts {
  chunks: readonly Chunk[];
  lexical: LexicalIndex;
  analyzer: DutchAnalyzer;
  dense?: { vectors: VectorIndex; embedder: Embedder } | null;
}

const CANDIDATES = 50;

export function createRetriever({ chunks, lexical, analyzer, dense }: RetrieverParts): Retriever {
  const expander = createConceptExpander(lexical.vocabulary);

  return {
    modes: dense ? ['lexical', 'dense'] : ['lexical'],
    async retrieve(question, limit) {
      const language = isEnglish(question, analyzer) ? 'en' : 'nl';
      const raw = language === 'en' ? englishConcepts(question, analyzer, expander.cognates) : analyzer.concepts(question);
      const concepts = expander.expand(raw);
      const lexicalHits = lexical.search(concepts, CANDIDATES);
      const coverage = new Map(lexicalHits.map((hit) => [hit.index, hit.coverage]));

      if (!dense) {
        const passages = lexicalHits.slice(0, limit).map((hit) => ({ chunk: chunks[hit.index]!, score: hit.score, coverage: hit.coverage, similarity: null }));
        return { concepts, language, passages };
      }

      const denseHits = dense.vectors.search(await dense.embedder.embedQuery(question), CANDIDATES);
      const similarity = new Map(denseHits.map((hit) => [hit.index, hit.similarity]));
      const fused = reciprocalRankFusion([lexicalHits.map((hit) => hit.index), denseHits.map((hit) => hit.index)]);
      const passages = fused.slice(0, limit).map(({ index, score }) => ({
        chunk: chunks[index]!,
        score,
        coverage: coverage.get(index) ?? 0,
        similarity: similarity.get(index) ?? null,
      }));
      return { concepts, language, passages };
    },
  };
}

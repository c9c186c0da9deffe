// The retrieval pipeline: question → concepts (Dutch analysis, or English via glossary and
// cognates) → weighed and widened against the index vocabulary → BM25 in the store, plus the
// nearest passage vectors when the model is there → rankings fused by reciprocal rank.
import type { RetrievalMode } from '../contract.js';
import type { Embedder } from '../embed/embedder.js';
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { englishConcepts, isEnglish } from '../language/english-question.js';
import type { PassageRecord, PassageStore } from '../store/store.js';
import { weighConcepts, type WeightedConcept } from './concept-weights.js';
import { cognates, expandConcepts } from './expand-concepts.js';
import { reciprocalRankFusion } from './fuse.js';

/** Passages each ranking contributes to fusion: deep enough that a passage ranked well by only one of them survives. */
const CANDIDATES = 50;

export interface AnalyzedQuestion {
  text: string;
  language: 'nl' | 'en';
  concepts: WeightedConcept[];
}

export interface RetrievedPassage {
  passage: PassageRecord;
  /** Fused score in hybrid mode, BM25 score in lexical mode. */
  score: number;
  /** Cosine similarity to the question, when dense retrieval ran and ranked this passage. */
  similarity: number | null;
}

export interface Retrieval {
  question: AnalyzedQuestion;
  passages: RetrievedPassage[];
}

export interface Retriever {
  modes: RetrievalMode[];
  retrieve(question: string, limit: number): Promise<Retrieval>;
}

export interface RetrieverParts {
  store: PassageStore;
  analyzer: DutchAnalyzer;
  /** The question embedder; without it, or without vectors in the store, retrieval is lexical. */
  embedder?: Embedder | null;
}

export function createRetriever({ store, analyzer, embedder = null }: RetrieverParts): Retriever {
  const dense = embedder && store.modes.includes('dense') ? embedder : null;

  async function analyze(text: string): Promise<AnalyzedQuestion> {
    const vocabulary = await store.vocabulary();
    const language = isEnglish(text, analyzer) ? 'en' : 'nl';
    const raw = language === 'en' ? englishConcepts(text, analyzer, (word) => cognates(word, vocabulary)) : analyzer.concepts(text);
    return { text, language, concepts: weighConcepts(expandConcepts(raw, vocabulary), vocabulary) };
  }

  return {
    modes: dense ? ['lexical', 'dense'] : ['lexical'],
    async retrieve(text, limit) {
      const question = await analyze(text);
      const lexicalHits = await store.searchLexical(question.concepts, CANDIDATES);
      if (!dense) return { question, passages: await withRecords(lexicalHits.slice(0, limit), () => null) };
      const denseHits = await store.searchDense(await dense.embedQuery(text), CANDIDATES);
      const similarity = new Map(denseHits.map((hit) => [hit.id, hit.similarity]));
      const fused = reciprocalRankFusion([lexicalHits.map((hit) => hit.id), denseHits.map((hit) => hit.id)]).slice(0, limit);
      return { question, passages: await withRecords(fused, (id) => similarity.get(id) ?? null) };
    },
  };

  async function withRecords(ranked: readonly { id: string; score: number }[], similarityOf: (id: string) => number | null): Promise<RetrievedPassage[]> {
    const records = new Map((await store.passages(ranked.map((entry) => entry.id))).map((record) => [record.id, record]));
    return ranked.flatMap(({ id, score }) => {
      const passage = records.get(id);
      return passage ? [{ passage, score, similarity: similarityOf(id) }] : [];
    });
  }
}

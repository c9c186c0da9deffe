// The retrieval pipeline: question → concepts (Dutch analysis, or English via glossary,
// dictionary and cognates) → weighed and widened against the index vocabulary → BM25 in the
// store, plus the nearest passage vectors when the model is there → rankings fused by reciprocal
// rank → the leading passages re-ranked by local evidence: how much of the question one sentence
// or two adjacent ones hold.
import type { RetrievalMode } from '../contract.js';
import type { Embedder } from '../embed/embedder.js';
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { englishConcepts, isEnglish } from '../language/english-question.js';
import type { WordRarity } from '../language/word-rarity.js';
import type { PassageRecord, PassageStore } from '../store/store.js';
import { type WeightedConcept, weighConcepts } from './concept-weights.js';
import { type AnalysedPassage, analysePassage, type PassageEvidence, passageEvidence } from './evidence.js';
import { cognates, expandConcepts } from './expand-concepts.js';
import { reciprocalRankFusion } from './fuse.js';

/** Passages each ranking contributes to fusion: deep enough that a passage ranked well by only one of them survives. */
const CANDIDATES = 50;
/**
 * Passages re-ranked by local evidence. BM25 counts words anywhere in a passage; a passage that
 * holds the question in one sentence answers it more likely. Fusing the two rankings (RRF, k = 60)
 * over the top 20 raised hit@1 on the dev questions from 0.80 to 0.86 (tune half 0.78 → 0.87,
 * report half 0.81 → 0.86); deeper gave nothing more and costs a millisecond per ten passages.
 */
export const RERANK_DEPTH = 20;
/**
 * Passages whose sentences and terms are kept analysed between questions. Splitting and analysing
 * the re-ranked passages was most of a question's time (about half of 4–5 ms on the bundled
 * corpus); colleagues' questions keep returning to the same passages.
 */
const ANALYSED_PASSAGES = 4096;

export interface AnalyzedQuestion {
  text: string;
  language: 'nl' | 'en';
  concepts: WeightedConcept[];
}

export interface RetrievedPassage {
  passage: PassageRecord;
  /** 0-based position in the final ranking. */
  rank: number;
  /** The fused score of the final ranking (words, meaning when available, local evidence). */
  score: number;
  /** Cosine similarity to the question, when dense retrieval ran and ranked this passage. */
  similarity: number | null;
  /** How much of the question the passage and its sentences hold. */
  evidence: PassageEvidence;
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
  /** General-language rarity of words the index lacks; without it they weigh as its rarest word. */
  rarity?: WordRarity | null;
}

export function createRetriever({ store, analyzer, embedder = null, rarity = null }: RetrieverParts): Retriever {
  const dense = embedder && store.modes.includes('dense') ? embedder : null;
  const analysed = new Map<string, AnalysedPassage>();
  const analysis = (passage: PassageRecord): AnalysedPassage => {
    let found = analysed.get(passage.id);
    if (found) {
      analysed.delete(passage.id); // re-inserted: the map's order is the recency order
    } else {
      found = analysePassage(passage, analyzer);
      if (analysed.size >= ANALYSED_PASSAGES) analysed.delete(analysed.keys().next().value!);
    }
    analysed.set(passage.id, found);
    return found;
  };

  async function analyze(text: string): Promise<AnalyzedQuestion> {
    const vocabulary = await store.vocabulary();
    const language = isEnglish(text, analyzer) ? 'en' : 'nl';
    const raw = language === 'en' ? englishConcepts(text, analyzer, (word) => cognates(word, vocabulary)) : analyzer.concepts(text);
    return { text, language, concepts: weighConcepts(expandConcepts(raw, vocabulary), vocabulary, rarity) };
  }

  return {
    modes: dense ? ['lexical', 'dense'] : ['lexical'],
    async retrieve(text, limit) {
      const question = await analyze(text);
      const lexicalHits = await store.searchLexical(question.concepts, CANDIDATES);
      const rankings = [lexicalHits.map((hit) => hit.id)];
      const similarity = new Map<string, number>();
      if (dense) {
        const denseHits = await store.searchDense(await dense.embedQuery(text), CANDIDATES);
        for (const hit of denseHits) similarity.set(hit.id, hit.similarity);
        rankings.push(denseHits.map((hit) => hit.id));
      }
      const firstStage = reciprocalRankFusion(rankings).slice(0, Math.max(limit, RERANK_DEPTH));
      const records = await store.passages(firstStage.map((entry) => entry.id));
      const weighed = records.map((passage) => ({ passage, evidence: passageEvidence(analysis(passage), question.concepts) }));
      const byFocus = [...weighed].sort((a, b) => b.evidence.focus - a.evidence.focus).map((entry) => entry.passage.id);
      const reranked = reciprocalRankFusion([weighed.map((entry) => entry.passage.id), byFocus]);
      const byId = new Map(weighed.map((entry) => [entry.passage.id, entry]));
      const passages = reranked.slice(0, limit).map(({ id, score }, rank) => ({ ...byId.get(id)!, rank, score, similarity: similarity.get(id) ?? null }));
      return { question, passages };
    },
  };
}

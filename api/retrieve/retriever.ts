// The retrieval pipeline: question → concepts (Dutch analysis, or English via glossary,
// dictionary and cognates) → weighed and widened against the index vocabulary → BM25 in the
// store, plus the nearest passage vectors when the model is there → rankings fused by reciprocal
// rank → the first stage's passages weighed by local evidence (how much of the question one
// sentence or two adjacent ones hold) and ordered by the fitted passage ranker.
import type { Scope } from '../access/scope.js';
import type { RetrievalMode } from '../contract.js';
import type { Embedder } from '../embed/embedder.js';
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { englishConcepts, isEnglish } from '../language/english-question.js';
import type { WordRarity } from '../language/word-rarity.js';
import { assertFeatures, type LinearModel, logOdds, vectorOf } from '../learn/linear-model.js';
import { type PassageRecord, parsePassageId } from '../records.js';
import type { PassageStore } from '../store/store.js';
import { questionTerms } from './concept-matches.js';
import { type WeightedConcept, weighConcepts } from './concept-weights.js';
import { type AnalysedPassage, analysePassage, type PassageEvidence, passageEvidence } from './evidence.js';
import { cognates, expandConcepts } from './expand-concepts.js';
import { reciprocalRankFusion } from './fuse.js';
import { PASSAGE_FEATURES, passageFeatures } from './passage-features.js';

/** Passages each ranking contributes to fusion: deep enough that a passage ranked well by only one of them survives. */
const CANDIDATES = 50;
const NOTHING: ReadonlySet<string> = new Set();
/**
 * First-stage passages the fitted ranker orders. BM25 counts words anywhere in a passage; the
 * ranker weighs where and how much of the question a passage holds. On the dev questions 126 of
 * 128 answerable ones have a gold passage among the first 20 by BM25 (2 beyond 20).
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

/** A first-stage passage with everything the ranker and the answer stages weigh. */
export interface Candidate {
  passage: PassageRecord;
  /** Cosine similarity to the question, when dense retrieval ran and found this passage. */
  similarity: number | null;
  /** 0-based rank among the dense hits, or null. */
  denseRank: number | null;
  /** How much of the question the passage and its sentences hold. */
  evidence: PassageEvidence;
  /** The ranker's features, in the order of PASSAGE_FEATURES. */
  features: number[];
}

/** The analysed question and its first-stage candidates: what the fitted ranker orders. */
export interface Candidates {
  question: AnalyzedQuestion;
  passages: Candidate[];
}

export interface RetrievedPassage extends Candidate {
  /** 0-based position in the final ranking. */
  rank: number;
  /** The ranker's probability that this is the candidate holding the answer (a softmax over the candidates). */
  score: number;
}

export interface Retrieval {
  question: AnalyzedQuestion;
  passages: RetrievedPassage[];
}

export interface Retriever {
  modes: RetrievalMode[];
  /** The first stage alone: the question analysed once, its candidates with their evidence and features. */
  candidates(question: string, scope: Scope): Promise<Candidates>;
  /** Only the scope's passages, weighed by the scope's statistics: nothing outside it counts. */
  retrieve(question: string, limit: number, scope: Scope): Promise<Retrieval>;
}

export interface RetrieverParts {
  store: PassageStore;
  analyzer: DutchAnalyzer;
  /** The fitted passage ranker (learn/fitted-model.ts). */
  ranker: LinearModel;
  /** The question embedder; without it, or without vectors in the store, retrieval is lexical. */
  embedder?: Embedder | null;
  /** General-language rarity of words the index lacks; without it they weigh as its rarest word. */
  rarity?: WordRarity | null;
}

export function createRetriever({ store, analyzer, ranker, embedder = null, rarity = null }: RetrieverParts): Retriever {
  assertFeatures(ranker, PASSAGE_FEATURES, 'passage ranker');
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

  async function analyze(text: string, scope: Scope): Promise<AnalyzedQuestion> {
    const vocabulary = await store.vocabulary(scope);
    const language = isEnglish(text, analyzer) ? 'en' : 'nl';
    const raw = language === 'en' ? englishConcepts(text, analyzer, (word) => cognates(word, vocabulary)) : analyzer.concepts(text);
    return { text, language, concepts: weighConcepts(expandConcepts(raw, vocabulary, analyzer.stem), vocabulary, rarity) };
  }

  async function candidates(text: string, scope: Scope): Promise<Candidates> {
    // The question's vector is computed in a worker while the lexical side runs here.
    const embedding = dense?.embedQuery(text);
    embedding?.catch(() => {}); // awaited below; a failure of the lexical side must not leave it unhandled
    const question = await analyze(text, scope);
    const lexicalHits = await store.searchLexical(question.concepts, CANDIDATES, scope);
    const rankings = [lexicalHits.map((hit) => hit.id)];
    const similarity = new Map<string, { similarity: number; rank: number }>();
    if (embedding) {
      const denseHits = await store.searchDense(await embedding, CANDIDATES, scope);
      denseHits.forEach((hit, rank) => {
        similarity.set(hit.id, { similarity: hit.similarity, rank });
      });
      rankings.push(denseHits.map((hit) => hit.id));
    }
    const firstStage = reciprocalRankFusion(rankings).slice(0, RERANK_DEPTH);
    const lexicalRank = new Map(lexicalHits.map((hit, rank) => [hit.id, rank]));
    const ids = firstStage.map((entry) => entry.id);
    // The passages, and what each one's document holds of the question (whether it speaks of its topic), at once.
    const [records, inDocuments] = await Promise.all([
      store.passages(ids, scope),
      store.termsInDocuments(
        ids.flatMap((id) => parsePassageId(id)?.documentId ?? []),
        [...questionTerms(question.concepts)],
        scope,
      ),
    ]);
    const signals = records.map((passage) => ({
      passage,
      lexicalRank: lexicalRank.get(passage.id) ?? null,
      evidence: passageEvidence(analysis(passage), question.concepts, inDocuments.get(passage.documentId) ?? NOTHING),
    }));
    const features = passageFeatures(signals);
    return {
      question,
      passages: signals.map(({ passage, evidence }, i) => ({
        passage,
        evidence,
        similarity: similarity.get(passage.id)?.similarity ?? null,
        denseRank: similarity.get(passage.id)?.rank ?? null,
        features: vectorOf(features[i]!, PASSAGE_FEATURES),
      })),
    };
  }

  return {
    modes: dense ? ['lexical', 'dense'] : ['lexical'],
    candidates,
    async retrieve(text, limit, scope) {
      const found = await candidates(text, scope);
      return { question: found.question, passages: rankCandidates(found.passages, ranker, dense !== null).slice(0, limit) };
    },
  };
}

/**
 * Candidates ordered by the ranker, each with its share of the softmax over the candidates: the
 * ranker's probability that it is the passage holding the answer (ties keep the first stage's
 * order). With dense retrieval, that order is fused with the order by meaning: the similarity
 * cannot be fitted on these machines (no weights), so it joins by rank (RRF, k = 60) instead of by
 * a weight, and the lexical ranker stays valid on its own.
 */
export function rankCandidates(candidates: readonly Candidate[], ranker: LinearModel, dense = false): RetrievedPassage[] {
  const scores = candidates.map((candidate) => logOdds(ranker, candidate.features));
  const top = Math.max(...scores);
  const total = scores.reduce((sum, score) => sum + Math.exp(score - top), 0);
  const scored = candidates.map((candidate, order) => ({ candidate, order, score: Math.exp(scores[order]! - top) / total }));
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  let ranked = scored;
  if (dense) {
    const byMeaning = scored.filter((entry) => entry.candidate.denseRank !== null).sort((a, b) => a.candidate.denseRank! - b.candidate.denseRank!);
    const fused = reciprocalRankFusion([scored.map((entry) => entry.candidate.passage.id), byMeaning.map((entry) => entry.candidate.passage.id)]);
    const byId = new Map(scored.map((entry) => [entry.candidate.passage.id, entry]));
    ranked = fused.map(({ id }) => byId.get(id)!);
  }
  return ranked.map(({ candidate: { passage, similarity, denseRank, evidence, features }, score }, rank) => ({
    passage,
    similarity,
    denseRank,
    evidence,
    features,
    rank,
    score,
  }));
}

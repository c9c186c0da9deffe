// Composes the default, extractive answer from an assessment the documents can answer: the
// sentences that best cover the question, verbatim, with the list items, examples and
// explanations that belong to them.
import type { Assessment } from './answerability.js';
import type { SentenceEvidence } from './evidence.js';

const MAX_SENTENCES = 3;
const MAX_LIST_ITEMS = 4;
const SHORT_SENTENCE_WORDS = 12;
const FRAGMENT_WORDS = 6;
/** A sentence of under four words ("Zinvol bezig zijn.") says too little on its own. */
const TERSE_WORDS = 4;
const TERSE_FACTOR = 0.5;
/** Weight of passage coverage against the sentence's own: 0.5 + 0.5·(passage / best passage). */
const PASSAGE_FACTOR_FLOOR = 0.5;
/** Each rank down the retrieval costs a sentence 5% of its score. */
const RANK_DISCOUNT = 0.05;
/** Further sentences join when they score at least this share of the best one… */
const MIN_RELATIVE_SCORE = 0.6;
/** …and, when they add no concept of their own, at least this share. */
const MIN_RELATIVE_SCORE_WITHOUT_NEW_CONCEPT = 0.85;
const ELABORATION = /^(Bijvoorbeeld|Zoals|Denk (hierbij |daarbij )?aan|Zo |Of |Onder andere|Dit kan|Hierbij|Daarbij)/;

interface Candidate extends SentenceEvidence {
  score: number;
}

/** The answer's sentences in reading order; empty when the assessment says not to answer. */
export function composeExtractive(assessment: Assessment): SentenceEvidence[] {
  if (!assessment.answerable) return [];
  const best = Math.max(...assessment.passageCoverage);
  const candidates: Candidate[] = assessment.sentences.map((evidence) => {
    const terse = evidence.sentence.text.split(' ').length < TERSE_WORDS ? TERSE_FACTOR : 1;
    // A sentence from a passage that covers the question well is likelier to be on topic.
    const passageFactor = PASSAGE_FACTOR_FLOOR + ((1 - PASSAGE_FACTOR_FLOOR) * (assessment.passageCoverage[evidence.rank] ?? 0)) / best;
    return { ...evidence, score: evidence.coverage * terse * passageFactor * (1 - RANK_DISCOUNT * evidence.rank) };
  });

  // Headings, bylines and other fragments only enter an answer as items of a list it introduces.
  const ranked = candidates.filter((candidate) => !isFragment(candidate)).sort((a, b) => b.score - a.score || a.rank - b.rank || a.sentence.start - b.sentence.start);
  const top = ranked[0];
  if (!top) return [];

  const chosen: Candidate[] = [top];
  const covered = new Set(top.covered);
  for (const candidate of ranked.slice(1)) {
    if (chosen.length >= MAX_SENTENCES || candidate.score < top.score * MIN_RELATIVE_SCORE) break;
    if (chosen.some((other) => overlaps(other, candidate))) continue;
    const addsConcept = [...candidate.covered].some((c) => !covered.has(c));
    if (!addsConcept && candidate.score < top.score * MIN_RELATIVE_SCORE_WITHOUT_NEW_CONCEPT) continue;
    chosen.push(candidate);
    candidate.covered.forEach((c) => covered.add(c));
  }

  const withContext: SentenceEvidence[] = [];
  for (const candidate of chosen) {
    for (const sentence of [...exampleContext(candidate, candidates), candidate, ...listItemsAfter(candidate, candidates), ...elaborationAfter(candidate, candidates, candidate === top)]) {
      if (!withContext.some((other) => overlaps(other, sentence))) withContext.push(sentence);
    }
  }
  return withContext.sort((a, b) => a.rank - b.rank || a.sentence.start - b.sentence.start);
}

/** Sentences that follow `candidate` in its passage, in document order. */
function following(candidate: SentenceEvidence, candidates: readonly SentenceEvidence[]): SentenceEvidence[] {
  return candidates.filter((other) => other.passage === candidate.passage && other.sentence.start > candidate.sentence.start).sort((a, b) => a.sentence.start - b.sentence.start);
}

function gapBetween(evidence: SentenceEvidence, from: number, to: number): string {
  const { text, start } = evidence.passage.passage;
  return text.slice(from - start, to - start);
}

/** An example ("Bijvoorbeeld met een Doe-Mee-Pas …") needs the sentence it is an example of. */
function exampleContext(candidate: SentenceEvidence, candidates: readonly SentenceEvidence[]): SentenceEvidence[] {
  if (!ELABORATION.test(candidate.sentence.text)) return [];
  const before = candidates
    .filter((other) => other.passage === candidate.passage && other.sentence.end <= candidate.sentence.start)
    .sort((a, b) => b.sentence.start - a.sentence.start)[0];
  if (!before || gapBetween(candidate, before.sentence.end, candidate.sentence.start).includes('\n')) return [];
  return [before];
}

function isFragment({ sentence }: SentenceEvidence): boolean {
  return !/[.!?:;]["'”’)]*$/.test(sentence.text) && sentence.text.split(/\s+/).length < FRAGMENT_WORDS;
}

/**
 * The sentence after a chosen one often carries the substance: its examples ("Bijvoorbeeld met
 * een Doe-Mee-Pas …") or, after a one-line definition, its explanation. It joins the answer when
 * it is in the same paragraph and elaborates, or follows the best sentence when that is short.
 */
function elaborationAfter(candidate: SentenceEvidence, candidates: readonly SentenceEvidence[], isBest: boolean): SentenceEvidence[] {
  const next = following(candidate, candidates)[0];
  if (!next || gapBetween(candidate, candidate.sentence.end, next.sentence.start).includes('\n')) return [];
  const elaborates = ELABORATION.test(next.sentence.text);
  const shortDefinition = isBest && candidate.sentence.text.split(' ').length <= SHORT_SENTENCE_WORDS;
  return elaborates || shortDefinition ? [next] : [];
}

/**
 * A sentence that introduces a list ("zoals:") brings the items that follow it in its passage,
 * up to the end of the list: the first paragraph break after at least one item.
 */
function listItemsAfter(intro: SentenceEvidence, candidates: readonly SentenceEvidence[]): SentenceEvidence[] {
  if (!intro.sentence.text.endsWith(':')) return [];
  const items: SentenceEvidence[] = [];
  let previousEnd = intro.sentence.end;
  for (const candidate of following(intro, candidates)) {
    const gap = gapBetween(intro, previousEnd, candidate.sentence.start);
    if ((gap.includes('\n\n') && items.length > 0) || items.length >= MAX_LIST_ITEMS) break;
    items.push(candidate);
    previousEnd = candidate.sentence.end;
  }
  return items;
}

function overlaps(a: SentenceEvidence, b: SentenceEvidence): boolean {
  return a.passage.passage.documentId === b.passage.passage.documentId && a.sentence.start < b.sentence.end && b.sentence.start < a.sentence.end;
}

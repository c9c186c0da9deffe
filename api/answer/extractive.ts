// Composes the default, extractive answer from an assessment that the documents answer: the
// sentences that best hold the question, verbatim, the one of the asked kind first (the
// definition of "Wat is X?", the reason of "Waarom …?"), with the list items, examples and
// explanations that belong to them. Questions, headings and bylines are never answer sentences.
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import type { SentenceEvidence } from '../retrieve/evidence.js';
import type { Assessment } from './answerability.js';
import { answersForm } from './question-form.js';

const MAX_SENTENCES = 3;
const MAX_LIST_ITEMS = 4;
const SHORT_SENTENCE_WORDS = 12;
/** A sentence of under four words ("Zinvol bezig zijn.") says too little on its own. */
const TERSE_WORDS = 4;
const TERSE_FACTOR = 0.5;
/** Weight of passage coverage against the sentence's own: 0.5 + 0.5·(passage / best passage). */
const PASSAGE_FACTOR_FLOOR = 0.5;
/** Each rank down the retrieval costs a sentence 5% of its score. */
const RANK_DISCOUNT = 0.05;
/** A sentence of the asked kind (a definition, a reason, a figure) outranks one that only shares words. */
const FORM_BOOST = 1.5;
/** Further sentences join when they score at least this share of the best one… */
const MIN_RELATIVE_SCORE = 0.6;
/** …and, when they add no concept of their own, at least this share. */
const MIN_RELATIVE_SCORE_WITHOUT_NEW_CONCEPT = 0.85;
const ELABORATION = /^(Bijvoorbeeld|Zoals|Denk (hierbij |daarbij )?aan|Zo |Of |Onder andere|Dit kan|Hierbij|Daarbij)/;

/** A sentence of the weighed passages, with the rank of its passage and its score as answer material. */
export interface AnswerSentence extends SentenceEvidence {
  rank: number;
}

interface Candidate extends AnswerSentence {
  score: number;
}

/** The answer's sentences, best first with their context; empty when the documents do not answer. */
export function composeExtractive(assessment: Assessment, analyzer: DutchAnalyzer): AnswerSentence[] {
  if (!assessment.answerable || assessment.evidence.length === 0) return [];
  const { form } = assessment;
  const best = Math.max(...assessment.evidence.map((passage) => passage.evidence.coverage)) || 1;
  const candidates: Candidate[] = assessment.evidence.flatMap(({ rank, evidence: passage }) =>
    passage.sentences
      .filter((sentence) => sentence.kind !== 'question')
      .map((sentence) => {
        const terse = sentence.sentence.text.split(' ').length < TERSE_WORDS ? TERSE_FACTOR : 1;
        // A sentence from a passage that covers the question well is likelier to be on topic.
        const passageFactor = PASSAGE_FACTOR_FLOOR + ((1 - PASSAGE_FACTOR_FLOOR) * passage.coverage) / best;
        const asked = sentence.coverage > 0 && answersForm(sentence.sentence.text, form, analyzer) ? FORM_BOOST : 1;
        return { ...sentence, rank, score: sentence.coverage * terse * passageFactor * asked * (1 - RANK_DISCOUNT * rank) };
      }),
  );

  // Headings, bylines and other fragments only enter an answer as items of a list it introduces.
  const ranked = candidates
    .filter((candidate) => candidate.kind === 'statement')
    .sort((a, b) => b.score - a.score || a.rank - b.rank || a.sentence.start - b.sentence.start);
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
    for (const c of candidate.covered) covered.add(c);
  }

  // The best sentence leads; the others follow in reading order. Each brings its own context.
  const [lead, ...rest] = chosen;
  rest.sort((a, b) => a.rank - b.rank || a.sentence.start - b.sentence.start);
  const answer: AnswerSentence[] = [];
  for (const candidate of [lead!, ...rest]) {
    const group = [
      ...exampleContext(candidate, candidates),
      candidate,
      ...listItemsAfter(candidate, candidates),
      ...elaborationAfter(candidate, candidates, candidate === top),
    ];
    for (const sentence of group) if (!answer.some((other) => overlaps(other, sentence))) answer.push(sentence);
  }
  return answer;
}

/** Sentences that follow `candidate` in its passage, in document order. */
function following(candidate: AnswerSentence, candidates: readonly AnswerSentence[]): AnswerSentence[] {
  return candidates
    .filter((other) => other.passage === candidate.passage && other.sentence.start > candidate.sentence.start)
    .sort((a, b) => a.sentence.start - b.sentence.start);
}

function gapBetween(evidence: SentenceEvidence, from: number, to: number): string {
  const { text, start } = evidence.passage;
  return text.slice(from - start, to - start);
}

/** An example ("Bijvoorbeeld met een Doe-Mee-Pas …") needs the sentence it is an example of. */
function exampleContext(candidate: AnswerSentence, candidates: readonly AnswerSentence[]): AnswerSentence[] {
  if (!ELABORATION.test(candidate.sentence.text)) return [];
  const before = candidates
    .filter((other) => other.passage === candidate.passage && other.sentence.end <= candidate.sentence.start)
    .sort((a, b) => b.sentence.start - a.sentence.start)[0];
  if (!before || gapBetween(candidate, before.sentence.end, candidate.sentence.start).includes('\n')) return [];
  return [before];
}

/**
 * The sentence after a chosen one often carries the substance: its examples ("Bijvoorbeeld met
 * een Doe-Mee-Pas …") or, after a one-line definition, its explanation. It joins the answer when
 * it is in the same paragraph and elaborates, or follows the best sentence when that is short.
 */
function elaborationAfter(candidate: AnswerSentence, candidates: readonly AnswerSentence[], isBest: boolean): AnswerSentence[] {
  const next = following(candidate, candidates)[0];
  if (next?.kind !== 'statement' || gapBetween(candidate, candidate.sentence.end, next.sentence.start).includes('\n')) return [];
  const elaborates = ELABORATION.test(next.sentence.text);
  const shortDefinition = isBest && candidate.sentence.text.split(' ').length <= SHORT_SENTENCE_WORDS;
  return elaborates || shortDefinition ? [next] : [];
}

/**
 * A sentence that introduces a list ("zoals:") brings the items that follow it in its passage,
 * up to the end of the list: the first paragraph break after at least one item.
 */
function listItemsAfter(intro: AnswerSentence, candidates: readonly AnswerSentence[]): AnswerSentence[] {
  if (!intro.sentence.text.endsWith(':')) return [];
  const items: AnswerSentence[] = [];
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
  return a.passage.documentId === b.passage.documentId && a.sentence.start < b.sentence.end && b.sentence.start < a.sentence.end;
}

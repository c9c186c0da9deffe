// What the fitted verdict sees of a question and its best answer: how sure the unit ranker is,
// how much of the question the index has never seen, whether the question's most specific
// concept, its names and the asked type are in the answer. Shares and log-odds, no raw scores.
// Few features: the verdict learns from one example per question.
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { wordCount } from '../language/words.js';
import type { FeatureValues } from '../learn/linear-model.js';
import { coverage } from '../retrieve/concept-matches.js';
import { topConcept } from '../retrieve/concept-weights.js';
import type { Retrieval } from '../retrieve/retriever.js';
import { hasAskedForm, termsOfSentences, unitSentences } from './answer-units.js';
import { ANSWER_DEPTH, type ScoredUnit } from './compose.js';
import type { QuestionForm } from './question-form.js';

export const VERDICT_FEATURES = [
  /** The unit ranker's log-odds for the best unit. */
  'bestUnit',
  /** Best focus (one sentence or two adjacent ones) among the leading passages. */
  'focus',
  /**
   * Weighted share of the question from words the index has never seen, or holds only as the
   * parts of a compound ("energiearmoede" where only "energie" and "armoede" occur): a topic the
   * documents lack. Counting the parts-only words too, mean of 5 splits by document: declined
   * when unanswerable 0.882 → 0.914, answered 0.750 → 0.786; with the help pages in the index
   * (by question) declined 0.768 → 0.786, answered 0.745 → 0.787.
   */
  'unseen',
  /**
   * The same for the document the answer comes from: the share it does not hold as a word or a
   * variant, nor its answer's passage in any form (a compound's parts with its head: "De groepen
   * met meer risicofactoren …" holds "risicogroepen"). A large collection holds nearly every word
   * somewhere, so `unseen` says less the more it holds: with the help pages in the index, "Hoe meld
   * ik me ziek?" found "meld" on a GIMP page and "ziek" in a dossier. Mean of 5 splits with the
   * help pages: declined when unanswerable 0.786 → 0.850 by question and 0.782 → 0.841 by
   * document (gold in the answer by document 0.639 → 0.673); on the bundled documents alone
   * within a question or two. Counting a parts-only word as held wherever a leading passage holds
   * it, in `unseen` too, gave less by document (gold 0.644, answered 0.759).
   */
  'unseenInDocument',
  /** The question's most specific concept is in the answer's own words. */
  'topConceptInAnswer',
  /** The question's most specific concept is in a leading passage. */
  'topConceptInPassages',
  /** The answer's passage lacks a name, acronym, number or quoted title of the question. */
  'anchorMissing',
  /** The question asks for a type of answer that no unit of the answer has. */
  'formMissing',
  /** log(1 + words) of the answer. */
  'answerLength',
  /** The question is in English (its concepts are translations). */
  'english',
] as const;

export type VerdictFeatureName = (typeof VERDICT_FEATURES)[number];

/** The best unit's log-odds when there is no unit at all: far below any unit's. */
const NO_UNIT = -10;

export function verdictFeatures(
  retrieval: Retrieval,
  ranked: readonly ScoredUnit[],
  answer: readonly ScoredUnit[],
  form: QuestionForm,
  analyzer: DutchAnalyzer,
): FeatureValues<VerdictFeatureName> {
  const { concepts, language } = retrieval.question;
  const leading = retrieval.passages.slice(0, ANSWER_DEPTH);
  const total = concepts.reduce((sum, concept) => sum + concept.weight, 0) || 1;
  const top = topConcept(concepts);
  // The document the answer comes from (the first passage's without an answer).
  const home = answer[0]?.unit.sources[0]?.passage ?? leading[0];
  const answerTerms = termsOfSentences(answer.flatMap((scored) => unitSentences(scored.unit)));
  return {
    bestUnit: ranked[0]?.logOdds ?? NO_UNIT,
    focus: Math.max(0, ...leading.map((passage) => passage.evidence.focus)),
    unseen: concepts.reduce((sum, concept) => sum + (concept.seen && !concept.seenAsParts ? 0 : concept.weight), 0) / total,
    unseenInDocument:
      concepts.reduce((sum, concept, c) => sum + (home?.evidence.documentHeld.has(c) || home?.evidence.held.has(c) ? 0 : concept.weight), 0) / total,
    topConceptInAnswer: top >= 0 && coverage(concepts, answerTerms).covered.has(top) ? 1 : 0,
    topConceptInPassages: top >= 0 && leading.some((passage) => passage.evidence.held.has(top)) ? 1 : 0,
    anchorMissing: answer[0] && answer[0].unit.sources[0]!.passage.evidence.anchorsMissing.length > 0 ? 1 : 0,
    formMissing: form.form !== 'other' && !answer.some((scored) => hasAskedForm(scored.unit, form, analyzer)) ? 1 : 0,
    answerLength: Math.log1p(answer.reduce((sum, scored) => sum + wordCount(scored.unit.text), 0)),
    english: language === 'en' ? 1 : 0,
  };
}

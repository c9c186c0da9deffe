// What the fitted answer-unit ranker sees of a unit: how much of the question it holds, whether
// it holds the question's most specific concept and the asked type, how its passage ranked, and
// its shape. Shares and ranks, so the weights carry over to other collections.
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { wordCount } from '../language/words.js';
import type { FeatureValues } from '../learn/linear-model.js';
import { coverage, heldBy, questionTerms, shareOf, specificWeightOf, unionOf } from '../retrieve/concept-matches.js';
import { topConcept, type WeightedConcept } from '../retrieve/concept-weights.js';
import { type AnswerUnit, hasAskedForm, termsOfSentences, unitSentences } from './answer-units.js';
import type { QuestionForm } from './question-form.js';

export const UNIT_FEATURES = [
  /** Weighted share of the question the unit holds (its heading and title at half credit). */
  'coverage',
  /** Coverage over the best coverage among the question's units. */
  'coverageShare',
  /** Weighted share of the question in the unit's own words. */
  'textCoverage',
  /** Coverage with words also weighed by their specificity in language at large. */
  'specificCoverage',
  /** Share of the question's concepts (unweighted) in the unit's own words. */
  'conceptShare',
  /** The question's most specific concept is in the unit's own words. */
  'holdsTopConcept',
  /** The unit's passage lacks a name, acronym, number or quoted title of the question. */
  'anchorMissing',
  /** The passage ranker's probability for the unit's passage. */
  'passageScore',
  /** 1 / (1 + rank) of the unit's passage. */
  'passageRank',
  /** 1 / (1 + position) of the unit's first sentence in its passage. */
  'position',
  /** The unit opens a line or paragraph. */
  'opensLine',
  /** log(1 + words) of the unit. */
  'length',
  /** Share of the unit's terms that are not the question's: what it says beyond repeating the question. */
  'novelty',
  /** The unit continues its first sentence (an anaphor, an example). */
  'continued',
  /** The unit is two units of one paragraph, one after the other. */
  'pair',
  /** The unit is a list with its introduction. */
  'list',
  /** The unit is a byline with its title. */
  'byline',
  /** Weighted share of the question the sentence before the unit holds: the topic it was introduced with. */
  'previousCoverage',
  /** The unit holds its passage's focus, the sentence (or pair) holding most of the question. */
  'holdsFocus',
  /** The unit's first sentence ends with a full stop, question or exclamation mark, colon or semicolon. */
  'punctuated',
  /** The question asks for a type of answer (a definition, reason, figure, date, names, several things, a role). */
  'formAsked',
  /** The unit has the asked type. */
  'formMatch',
] as const;

export type UnitFeatureName = (typeof UNIT_FEATURES)[number];

export interface UnitContext {
  concepts: readonly WeightedConcept[];
  form: QuestionForm;
  analyzer: DutchAnalyzer;
}

export function unitFeatures(units: readonly AnswerUnit[], { concepts, form, analyzer }: UnitContext): FeatureValues<UnitFeatureName>[] {
  const asked = questionTerms(concepts);
  const top = topConcept(concepts);
  const measured = units.map((unit) => {
    const sentences = unitSentences(unit);
    const terms = sentences.length === 1 ? sentences[0]!.terms : termsOfSentences(sentences);
    const matches = unionOf(
      sentences.map((sentence) => sentence.matches),
      concepts.length,
    );
    // One sentence's own words were weighed with its evidence; several together hold more than each.
    const own = sentences.length === 1 ? heldBy(concepts, sentences[0]!.ownMatches) : coverage(concepts, terms);
    return { unit, sentences, terms, matches, held: { share: shareOf(concepts, matches) }, own };
  });
  const best = Math.max(0, ...measured.map((entry) => entry.held.share)) || 1;
  return measured.map(({ unit, sentences, terms, matches, held, own }) => {
    const head = sentences[0]!;
    const { passage } = unit.sources[0]!;
    const position = passage.evidence.sentences.indexOf(head);
    let novel = 0;
    for (const term of terms) if (!asked.has(term)) novel++;
    return {
      coverage: held.share,
      coverageShare: held.share / best,
      textCoverage: own.share,
      specificCoverage: shareOf(concepts, matches, specificWeightOf),
      conceptShare: concepts.length === 0 ? 0 : own.covered.size / concepts.length,
      holdsTopConcept: top >= 0 && own.covered.has(top) ? 1 : 0,
      anchorMissing: passage.evidence.anchorsMissing.length > 0 ? 1 : 0,
      passageScore: passage.score,
      passageRank: 1 / (1 + passage.rank),
      position: 1 / (1 + Math.max(0, position)),
      opensLine: opensLine(passage.passage.text, head.sentence.start - passage.passage.start) ? 1 : 0,
      length: Math.log1p(wordCount(unit.text)),
      novelty: terms.size === 0 ? 0 : novel / terms.size,
      continued: unit.kind === 'sentences' && sentences.length > 1 ? 1 : 0,
      pair: unit.kind === 'pair' ? 1 : 0,
      list: unit.kind === 'list' ? 1 : 0,
      byline: unit.kind === 'byline' ? 1 : 0,
      previousCoverage: position > 0 ? passage.evidence.sentences[position - 1]!.coverage : 0,
      holdsFocus: passage.evidence.focusAt !== null && sentences.includes(passage.evidence.focusAt) ? 1 : 0,
      punctuated: /[.!?:;]["'”’)]*$/.test(head.sentence.text) ? 1 : 0,
      formAsked: form.form === 'other' ? 0 : 1,
      formMatch: hasAskedForm(unit, form, analyzer) ? 1 : 0,
    };
  });
}

/** Whether the text before `at` is empty or ends in a line break with at most blanks, bullets or dashes after it (read from `at` back). */
function opensLine(text: string, at: number): boolean {
  if (at <= 0) return true;
  for (let i = at - 1; i >= 0; i--) {
    const char = text[i]!;
    if (char === '\n') return true;
    if (char !== '•' && char !== '-' && !/\s/.test(char)) return false;
  }
  return false;
}

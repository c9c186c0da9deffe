// How fully a set of terms holds each concept of a question: the one measure under every
// share the evidence, the rankers and the verdict weigh. A concept counts fully in a text's own
// words and at reduced credit in the heading and title it falls under.
import type { Alternative } from '../language/dutch-analyzer.js';
import type { WeightedConcept } from './concept-weights.js';

/**
 * How much a concept found only in the section heading or the document title counts: a sentence
 * under "Handvest Overheid en burger" is about the Handvest, but does not say so itself.
 */
const CONTEXT_CREDIT = 0.5;

/** The weighted share of the question that per-concept matches hold, and which concepts they hold. */
export function heldBy(concepts: readonly WeightedConcept[], matches: ArrayLike<number>): { share: number; covered: Set<number> } {
  return { share: shareOf(concepts, matches), covered: coveredBy(matches) };
}

/** The weighted share of concepts present in `terms` (and, at reduced credit, in `contextTerms`). */
export function coverage(
  concepts: readonly WeightedConcept[],
  terms: ReadonlySet<string>,
  contextTerms?: ReadonlySet<string>,
): { share: number; covered: Set<number> } {
  return heldBy(concepts, matchesOf(concepts, terms, contextTerms));
}

/** A concept's weight: its information in the question. */
export const weightOf = (concept: WeightedConcept) => concept.weight;
/**
 * Its weight, with an indexed word also weighed by how specific it is in language at large: in a
 * small collection "volgens" is rare, but it names no topic. A second view, beside the first: the
 * fitted rankers weigh both.
 */
export const specificWeightOf = (concept: WeightedConcept) => (concept.seen ? concept.weight * concept.specificity : concept.weight);

/** Per concept, how fully `terms` (or, at reduced credit, `contextTerms`) hold it. */
export function matchesOf(concepts: readonly WeightedConcept[], terms: ReadonlySet<string>, contextTerms?: ReadonlySet<string>): Float64Array {
  const own = textMatches(concepts, terms);
  return contextTerms ? withContext(own, contextMatches(concepts, contextTerms)) : own;
}

/** Every term any alternative of the question's concepts is made of, per concept list (a question's is made once). */
const termsOfQuestions = new WeakMap<readonly WeightedConcept[], ReadonlySet<string>>();
export function questionTerms(concepts: readonly WeightedConcept[]): ReadonlySet<string> {
  let terms = termsOfQuestions.get(concepts);
  if (!terms) {
    terms = new Set(concepts.flatMap((concept) => concept.alternatives.flatMap((alternative) => alternative.terms)));
    termsOfQuestions.set(concepts, terms);
  }
  return terms;
}

/**
 * Per concept, how fully a text's own words hold it: its best alternative's weight times the share
 * of that alternative's terms present. With `asked` (questionTerms), a text holding none of them
 * is not weighed concept by concept: most sentences hold no word of the question at all.
 */
export function textMatches(concepts: readonly WeightedConcept[], terms: ReadonlySet<string>, asked?: ReadonlySet<string>): Float64Array {
  if (asked && !holdsAny(terms, asked)) return new Float64Array(concepts.length);
  return creditedMatches(concepts, terms, 1);
}

/** The same for the heading and title a text falls under, at reduced credit: they say what it is about, the text does not say it. */
export function contextMatches(concepts: readonly WeightedConcept[], contextTerms: ReadonlySet<string>): Float64Array {
  return creditedMatches(concepts, contextTerms, CONTEXT_CREDIT);
}

/** A text's own matches with those of its heading and title: each concept as fully as either holds it. */
export function withContext(own: ArrayLike<number>, inContext: ArrayLike<number>): Float64Array {
  const matches = new Float64Array(own.length);
  for (let c = 0; c < matches.length; c++) matches[c] = Math.max(own[c]!, inContext[c]!);
  return matches;
}

function creditedMatches(concepts: readonly WeightedConcept[], terms: ReadonlySet<string>, credit: number): Float64Array {
  const matches = new Float64Array(concepts.length);
  concepts.forEach((concept, c) => {
    let best = 0;
    for (const alternative of concept.alternatives) {
      // A surname holds a first name as an anchor (evidence.ts), not as words: "Wienen benadrukt"
      // names the person, but the question's "Bert" is not in it.
      if (alternative.kind === 'surname') continue;
      best = Math.max(best, alternative.weight * (credit * partsFraction(alternative, terms)));
    }
    matches[c] = best;
  });
  return matches;
}

/** Whether the two sets share a term (the smaller one is walked). */
export function holdsAny(terms: ReadonlySet<string>, asked: ReadonlySet<string>): boolean {
  const [walked, looked] = terms.size <= asked.size ? [terms, asked] : [asked, terms];
  for (const term of walked) if (looked.has(term)) return true;
  return false;
}

/** The weighted share of the question that per-concept matches hold. */
export function shareOf(concepts: readonly WeightedConcept[], matches: ArrayLike<number>, weigh: (concept: WeightedConcept) => number = weightOf): number {
  let total = 0;
  let held = 0;
  concepts.forEach((concept, c) => {
    const weight = weigh(concept);
    total += weight;
    held += weight * matches[c]!;
  });
  return total > 0 ? held / total : 0;
}

export function coveredBy(matches: ArrayLike<number>): Set<number> {
  const covered = new Set<number>();
  for (let c = 0; c < matches.length; c++) if (matches[c]! > 0) covered.add(c);
  return covered;
}

/** Matches of several sentences together: each concept as fully as the best of them holds it. */
export function unionOf(matches: readonly ArrayLike<number>[], size: number): Float64Array {
  const union = new Float64Array(size);
  for (const each of matches) for (let c = 0; c < size; c++) union[c] = Math.max(union[c]!, each[c]!);
  return union;
}

/**
 * A compound's parts count only with its head, the last part, which says what the thing is:
 * "draaitabel" is a kind of table; a passage on something "draaiende" holds none of it.
 */
function partsFraction(alternative: Alternative, present: ReadonlySet<string>): number {
  if (alternative.kind === 'parts' && !present.has(alternative.terms.at(-1)!)) return 0;
  return fraction(alternative.terms, present);
}

function fraction(terms: readonly string[], present: ReadonlySet<string>): number {
  let held = 0;
  for (const term of terms) if (present.has(term)) held++;
  return held / terms.length;
}

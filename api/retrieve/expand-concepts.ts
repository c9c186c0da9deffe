// Widens question concepts with index terms that differ only by an inflection or derivation the
// stemmer leaves alone ("mantelzorg" ~ "mantelzorger", "interventie" ~ "interventies", a verb's
// "overneemt" ~ "overnemen") or by one slip of the keyboard ("depresie" ~ "depressie"), and finds
// cognates of English words among the Dutch terms by character trigrams.
import { termsWithPrefix, type Vocabulary } from '../index/vocabulary.js';
import type { Alternative, Concept } from '../language/dutch-analyzer.js';

/** A variant is weaker evidence than the word itself: "mantelzorger" for "mantelzorg" is close, not equal. */
const VARIANT_WEIGHT = 0.7;
const MAX_VARIANTS = 6;
/** Longest ending a variant may add ("-ingen") or drop ("-en") relative to the question's term. */
const MAX_ADDED_CHARS = 4;
const MAX_DROPPED_CHARS = 3;
const MIN_VARIANT_LENGTH = 5;
/** Dice similarity of character trigrams above which an English word is taken to be a cognate. */
const MIN_COGNATE_SIMILARITY = 0.5;
/** Shorter words are too often another word at one slip ("huis", "muis"). */
const MIN_TYPO_LENGTH = 6;
const MAX_TYPO_MATCHES = 2;
const MAX_COGNATES = 3;

export function expandConcepts(concepts: readonly Concept[], vocabulary: Vocabulary, stem: (word: string) => string): Concept[] {
  return concepts.map((concept) => {
    const extra: Alternative[] = [];
    const forms = [...verbForms(concept.label), ...ijSpellings(concept.label), ...(concept.separated ? separableForms(concept.separated, concept.label) : [])];
    for (const form of forms) {
      const term = stem(form);
      if (vocabulary.has(term) && !concept.alternatives.some((alternative) => alternative.terms.length === 1 && alternative.terms[0] === term))
        extra.push({ terms: [term], weight: 1, kind: 'variant' });
    }
    for (const alternative of concept.alternatives) {
      if (alternative.terms.length !== 1) continue;
      // A surname's variants stand for the person as the surname does (dutch-analyzer.ts).
      const kind = alternative.kind === 'surname' ? 'surname' : 'variant';
      for (const variant of variants(alternative.terms[0]!, vocabulary)) extra.push({ terms: [variant], weight: alternative.weight * VARIANT_WEIGHT, kind });
      if (kind === 'surname') for (const term of mistyped(alternative.terms[0]!, vocabulary)) extra.push({ terms: [term], weight: VARIANT_WEIGHT, kind });
    }
    const alternatives = [...concept.alternatives, ...extra];
    // A word the index knows in no form may be mistyped: "volwasenen", "Stelaard". A name is no
    // compound: that the index holds "stel" and "aard" says nothing of "Stelaard".
    const own = concept.alternatives[0]?.terms[0];
    const known = alternatives.some(
      (alternative) =>
        alternative.kind !== 'surname' && !(concept.anchor && alternative.kind === 'parts') && alternative.terms.every((term) => vocabulary.has(term)),
    );
    if (own && !known) for (const term of mistyped(own, vocabulary)) alternatives.push({ terms: [term], weight: VARIANT_WEIGHT, kind: 'variant' });
    return { ...concept, alternatives };
  });
}

/** The index's terms one slip of the keyboard from a term it lacks, if the term is long enough to tell. */
function mistyped(term: string, vocabulary: Vocabulary): string[] {
  return term.length >= MIN_TYPO_LENGTH && !vocabulary.has(term) ? oneSlipAway(term, vocabulary) : [];
}

/**
 * The same word with "ij" written "y" or the other way round, as names keep both spellings
 * ("Verwey" and "Verweij", "Huygens" and "Huijgens"). The index decides which exists.
 */
function ijSpellings(word: string): string[] {
  return [word.replaceAll('ij', 'y'), word.replaceAll('y', 'ij')].filter((form) => form !== word);
}

/**
 * The infinitive of a present-tense verb, which the Snowball stemmer does not reach from the
 * inflected form: "werkt" → werken, "neemt" → nemen (a long vowel is written single in an open
 * syllable), "wordt" → worden, "helpt" → helpen. The index decides whether such a word exists.
 */
function verbForms(word: string): string[] {
  if (word.length < 4 || !word.endsWith('t')) return [];
  const base = word.endsWith('dt') ? `${word.slice(0, -2)}d` : word.slice(0, -1);
  const forms = [`${base}en`];
  const long = /^(.*[^aeiou])(aa|ee|oo|uu)([^aeiou])$/.exec(base);
  if (long) forms.push(`${long[1]}${long[2]![0]}${long[3]}en`);
  return forms;
}

/**
 * A verb with the particle it left at the end of the question: "pakken … aan" → aanpakken and its
 * participle aangepakt; "zet … in" → inzetten, ingezet. Tried for each word of the question: the
 * index decides which of them is a word.
 */
function separableForms(particle: string, word: string): string[] {
  const infinitives = word.endsWith('en') ? [word] : word.endsWith('t') ? verbForms(word) : [`${word}en`, `${word}${word.at(-1)}en`];
  return infinitives.flatMap((infinitive) => {
    const base = infinitive.slice(0, -2).replace(/([^aeiou])\1$/, '$1');
    return [`${particle}${infinitive}`, `${particle}ge${base}${/[td]$/.test(base) ? '' : 't'}`];
  });
}

function variants(term: string, vocabulary: Vocabulary): string[] {
  if (term.length < MIN_VARIANT_LENGTH) return [];
  const shorter: string[] = [];
  for (let cut = MAX_DROPPED_CHARS; cut >= 1; cut--) {
    const prefix = term.slice(0, term.length - cut);
    if (prefix.length >= MIN_VARIANT_LENGTH && vocabulary.has(prefix)) shorter.push(prefix);
  }
  const longer = termsWithPrefix(vocabulary, term).filter((candidate) => candidate !== term && candidate.length - term.length <= MAX_ADDED_CHARS);
  return [...shorter, ...longer].slice(0, MAX_VARIANTS);
}

/** Index terms one insertion, deletion, substitution or swap of neighbours away, most frequent first; the first letter is taken as typed. */
function oneSlipAway(term: string, vocabulary: Vocabulary): string[] {
  return termsWithPrefix(vocabulary, term[0]!)
    .filter((candidate) => Math.abs(candidate.length - term.length) <= 1 && withinOneSlip(term, candidate))
    .sort((a, b) => vocabulary.documentFrequency(b) - vocabulary.documentFrequency(a) || (a < b ? -1 : 1))
    .slice(0, MAX_TYPO_MATCHES);
}

function withinOneSlip(a: string, b: string): boolean {
  if (a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  if (restA.length === restB.length)
    return restA.slice(1) === restB.slice(1) || (restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2));
  return restA.length > restB.length ? restA.slice(1) === restB : restB.slice(1) === restA;
}

/** Index terms by the character trigrams they hold, with each term's number of distinct trigrams. */
interface TrigramIndex {
  terms: Map<string, string[]>;
  sizes: Map<string, number>;
}

const trigramIndexes = new WeakMap<Vocabulary, TrigramIndex>();

/** Dutch index terms that look like an English word ("individual" → "individueel"), best first. */
export function cognates(word: string, vocabulary: Vocabulary): string[] {
  if (word.length < MIN_VARIANT_LENGTH) return [];
  const index = trigramIndex(vocabulary);
  const grams = trigrams(word);
  const shared = new Map<string, number>();
  for (const gram of grams) for (const term of index.terms.get(gram) ?? []) shared.set(term, (shared.get(term) ?? 0) + 1);
  const scored: { term: string; similarity: number }[] = [];
  for (const [term, count] of shared) {
    const similarity = (2 * count) / (grams.size + index.sizes.get(term)!);
    if (similarity >= MIN_COGNATE_SIMILARITY) scored.push({ term, similarity });
  }
  return scored
    .sort((a, b) => b.similarity - a.similarity || (a.term < b.term ? -1 : 1))
    .slice(0, MAX_COGNATES)
    .map((entry) => entry.term);
}

/** Built on the first English question, once per index. */
function trigramIndex(vocabulary: Vocabulary): TrigramIndex {
  let index = trigramIndexes.get(vocabulary);
  if (!index) {
    index = { terms: new Map(), sizes: new Map() };
    for (const term of vocabulary.terms) {
      if (term.length < MIN_VARIANT_LENGTH || /\d/.test(term)) continue;
      const grams = trigrams(term);
      index.sizes.set(term, grams.size);
      for (const gram of grams) {
        const terms = index.terms.get(gram);
        if (terms) terms.push(term);
        else index.terms.set(gram, [term]);
      }
    }
    trigramIndexes.set(vocabulary, index);
  }
  return index;
}

function trigrams(word: string): Set<string> {
  const padded = `^${word}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

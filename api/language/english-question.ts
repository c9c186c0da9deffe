// Recognises questions asked in English and turns their words into Dutch concepts: the domain
// glossary first, then the general dictionary, then cognates from the index vocabulary
// ("individual" → "individueel"), found by character trigram similarity. A name or a Dutch term
// inside an English question ("the Handvest Overheid en burger") also stands for itself.
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import type { Alternative, Concept, DutchAnalyzer } from './dutch-analyzer.js';
import { englishDictionary, englishLemmas } from './english-dictionary.js';
import { englishGlossary } from './english-glossary.js';
import { foldWord } from './fold.js';
import { questionWords } from './question-words.js';
import { words } from './words.js';

const ENGLISH_STOPWORDS = new Set([
  ...englishStopwords,
  'say',
  'says',
  'said',
  'tell',
  'told',
  'mean',
  'means',
  'being',
  'according',
  'document',
  'documents',
  'among',
  'within',
  'whether',
  'give',
  'given',
  'recommend',
  'recommended',
  'write',
  'writes',
  'wrote',
  'written',
]);
const ENGLISH_MARKERS = new Set([
  'the',
  'what',
  'which',
  'how',
  'does',
  'do',
  'is',
  'are',
  'about',
  'and',
  'of',
  'for',
  'who',
  'why',
  'should',
  'can',
  'with',
  'when',
  'where',
  'there',
]);
/** A curated domain translation is nearly as good as the word; a dictionary's is one of several senses; a look-alike is a guess. */
const GLOSSARY_WEIGHT = 0.9;
const DICTIONARY_WEIGHT = 0.8;
const COGNATE_WEIGHT = 0.6;

/** Whether a question reads as English rather than Dutch. */
export function isEnglish(question: string, dutch: DutchAnalyzer): boolean {
  const tokens = words(question).map(foldWord);
  const english = tokens.filter((token) => ENGLISH_MARKERS.has(token)).length;
  const dutchCount = tokens.filter((token) => dutch.isStopword(token) && !ENGLISH_MARKERS.has(token)).length;
  return english >= 2 && english > dutchCount;
}

export function englishConcepts(question: string, dutch: DutchAnalyzer, cognates: (word: string) => string[]): Concept[] {
  const all = questionWords(question);
  const glossary = englishGlossary();
  const dictionary = englishDictionary();
  const concepts: Concept[] = [];
  for (let i = 0; i < all.length; i++) {
    const { folded, surface, anchor } = all[i]!;
    const next = all[i + 1];
    const pair = next ? `${folded} ${next.folded}` : '';
    const pairTranslation = glossary[pair] ?? (next && dictionary.get(pair)?.join(' '));
    // A pair the dictionary renders in Dutch function words alone ("of the" → "van de") is no concept.
    const pairAlternatives = next && pairTranslation ? translate(pairTranslation, dutch, glossary[pair] ? GLOSSARY_WEIGHT : DICTIONARY_WEIGHT) : [];
    if (next && pairAlternatives.length > 0) {
      concepts.push({ label: pair, surface: `${surface} ${next.surface}`, anchor: anchor || next.anchor, alternatives: pairAlternatives });
      i++;
      continue;
    }
    if ((ENGLISH_STOPWORDS.has(folded) && !anchor) || folded.length < 3) continue;
    const lemmas = englishLemmas(folded);
    const curated = lemmas.map((lemma) => glossary[lemma]).find(Boolean);
    const general = lemmas.map((lemma) => dictionary.get(lemma)).find(Boolean);
    const alternatives: Alternative[] = [
      { terms: [dutch.stem(folded)], weight: 1, kind: 'word' },
      ...(curated ? translate(curated, dutch, GLOSSARY_WEIGHT) : []),
      ...(general ? translate(general.join(' '), dutch, DICTIONARY_WEIGHT) : []),
      ...cognates(folded).map((term) => ({ terms: [term], weight: COGNATE_WEIGHT, kind: 'cognate' as const })),
    ];
    concepts.push({ label: folded, surface, anchor, alternatives });
  }
  return concepts;
}

function translate(dutchWords: string, dutch: DutchAnalyzer, weight: number): Alternative[] {
  return dutch
    .concepts(dutchWords)
    .flatMap((concept) => concept.alternatives.map((alternative) => ({ ...alternative, weight: alternative.weight * weight, kind: 'translation' as const })));
}

// Recognises questions asked in English and turns their words into Dutch concepts: glossary
// translations first, and for the rest cognates from the index vocabulary ("individual" →
// "individueel"), found by character trigram similarity.
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import type { Alternative, Concept, DutchAnalyzer } from './dutch-analyzer.js';
import { englishGlossary } from './english-glossary.js';
import { foldWord } from './fold.js';
import { words } from './words.js';

const ENGLISH_STOPWORDS = new Set([...englishStopwords, 'say', 'says', 'said', 'tell', 'mean', 'means', 'being', 'according', 'document', 'documents', 'among', 'within', 'whether', 'give', 'given', 'recommend', 'recommended', 'write', 'writes']);
const ENGLISH_MARKERS = new Set(['the', 'what', 'which', 'how', 'does', 'do', 'is', 'are', 'about', 'and', 'of', 'for', 'who', 'why', 'should', 'can', 'with']);
const COGNATE_WEIGHT = 0.6;
const TRANSLATION_WEIGHT = 0.9;

/** Whether a question reads as English rather than Dutch. */
export function isEnglish(question: string, dutch: DutchAnalyzer): boolean {
  const tokens = words(question).map(foldWord);
  const english = tokens.filter((token) => ENGLISH_MARKERS.has(token)).length;
  const dutchCount = tokens.filter((token) => dutch.isStopword(token) && !ENGLISH_MARKERS.has(token)).length;
  return english >= 2 && english > dutchCount;
}

export function englishConcepts(question: string, dutch: DutchAnalyzer, cognates: (word: string) => string[]): Concept[] {
  const tokens = words(question).map(foldWord);
  const glossary = englishGlossary();
  const concepts: Concept[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const pair = `${token} ${tokens[i + 1] ?? ''}`;
    if (glossary[pair]) {
      concepts.push({ label: pair, alternatives: translate(glossary[pair]!, dutch) });
      i++;
      continue;
    }
    if (ENGLISH_STOPWORDS.has(token) || token.length < 3) continue;
    const alternatives = glossary[token] ? translate(glossary[token]!, dutch) : [];
    // Names and Dutch terms inside an English question ("the Handvest Overheid en burger") as themselves.
    alternatives.push({ terms: [dutch.stem(token)], weight: 1 });
    for (const term of cognates(token)) alternatives.push({ terms: [term], weight: COGNATE_WEIGHT });
    concepts.push({ label: token, alternatives });
  }
  return concepts;
}

function translate(dutchWords: string, dutch: DutchAnalyzer): Alternative[] {
  return dutch.concepts(dutchWords).flatMap((concept) =>
    concept.alternatives.map((alternative) => ({ ...alternative, weight: alternative.weight * TRANSLATION_WEIGHT })),
  );
}

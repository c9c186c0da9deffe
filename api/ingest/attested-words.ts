// Collects the words a corpus spells unbroken somewhere: the evidence that "eenzaam\nheid"
// is one word is that "eenzaamheid" occurs elsewhere.
import { foldWord } from '../language/fold.js';
import { words } from '../language/words.js';

export function attestedWords(rawTexts: Iterable<string>): Set<string> {
  const attested = new Set<string>();
  for (const text of rawTexts) for (const word of words(text)) attested.add(foldWord(word));
  return attested;
}

// Repairs OCR slips, but only where it is safe: a word the Dutch dictionary does not know is
// replaced by a variant it does know, made with the character confusions OCR typically makes.
import type { SpellChecker } from '../language/dutch-lexicon.js';

type Variant = (word: string) => string[];

// Each confusion proposes variants of a word; at most two are combined ("beinvioedt" → "beïnvloedt").
const CONFUSIONS: readonly Variant[] = [
  (word) => replaceEach(word, 'é', ['ë', 'è']), // ideeén → ideeën, barriéres → barrières
  (word) => replaceEach(word, 'vi', ['vl']), // invioed → invloed
  (word) => replaceEach(word, 'Vi', ['Vl']),
  (word) => diaeresisAfterVowel(word), // geintegreerde → geïntegreerde
  (word) => (/^l[a-z]/.test(word) ? [`I${word.slice(1)}`] : []), // lemand → Iemand
  (word) => (/^([a-z])([A-Z])/.exec(word)?.[1]?.toUpperCase() === word[1] ? [word.slice(1).toLowerCase()] : []), // zZijn → zijn
];

const WORD = /[\p{L}]{3,}/gu;

export function repairOcr(text: string, spell: SpellChecker): string {
  return text.replace(WORD, (word) => repairWord(word, spell));
}

export function repairWord(word: string, spell: SpellChecker): string {
  if (spell.isWord(word) || isAcronymLike(word)) return word;
  for (const candidate of variants(word)) {
    if (spell.isWord(candidate)) return candidate;
  }
  return word;
}

function variants(word: string): string[] {
  const once = CONFUSIONS.flatMap((confusion) => confusion(word));
  const twice = once.flatMap((variant) => CONFUSIONS.flatMap((confusion) => confusion(variant)));
  return [...new Set([...once, ...twice])].filter((variant) => variant !== word);
}

function isAcronymLike(word: string): boolean {
  // "GGD", "LHBTIQ", "NT2": inner capitals that are not the zZijn doubling.
  return /[A-Z]/.test(word.slice(2)) || /^[A-Z]{2}/.test(word);
}

function replaceEach(word: string, from: string, to: readonly string[]): string[] {
  const results: string[] = [];
  for (let at = word.indexOf(from); at !== -1; at = word.indexOf(from, at + 1)) {
    for (const replacement of to) results.push(word.slice(0, at) + replacement + word.slice(at + from.length));
  }
  return results;
}

function diaeresisAfterVowel(word: string): string[] {
  const results: string[] = [];
  for (let at = 1; at < word.length; at++) {
    const char = word[at];
    const before = word[at - 1] ?? '';
    if ((char === 'i' || char === 'e') && /[aeou]/.test(before)) {
      results.push(word.slice(0, at) + (char === 'i' ? 'ï' : 'ë') + word.slice(at + 1));
    }
  }
  return results;
}

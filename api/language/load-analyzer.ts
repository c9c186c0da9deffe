// The Dutch analyzer as index builds and queries both use it: one word list, one decompounder,
// so a passage and a question are always analysed the same way.
import { createDecompounder } from './decompounder.js';
import { createDutchAnalyzer, type DutchAnalyzer } from './dutch-analyzer.js';
import { dutchProperNames, dutchWordList } from './dutch-lexicon.js';

let analyzer: DutchAnalyzer | undefined;

export function loadDutchAnalyzer(): DutchAnalyzer {
  if (!analyzer) {
    const wordList = dutchWordList();
    const isWord = (word: string) => wordList.has(word);
    const properNames = dutchProperNames();
    analyzer = createDutchAnalyzer(createDecompounder(isWord), isWord, (word) => properNames.has(word));
  }
  return analyzer;
}

// How rare a word is in language at large, from the unigram language model the embedding
// model's tokenizer is (piece-model.ts): a word's surprisal is −log p of its likeliest
// segmentation into pieces. An everyday word ("lukt", "kosten") is one likely piece; a technical
// term or a name ("draaitabel") is several unlikely ones.
import type { PieceModel } from './piece-model.js';

export interface WordRarity {
  /** −log p(word) in nats under the tokenizer's unigram model; higher is rarer. */
  surprisal(word: string): number;
}

export function wordRarity(model: PieceModel): WordRarity {
  const memo = new Map<string, number>();
  return {
    surprisal(word) {
      let value = memo.get(word);
      if (value === undefined) {
        // The likeliest spelling counts: "Excel" and "excel" are the same word to a reader.
        value = -Math.max(model.segment(word).score, model.segment(word.toLowerCase()).score);
        memo.set(word, value);
      }
      return value;
    },
  };
}

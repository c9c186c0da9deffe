// Counts tokens with the embedding model's own tokenizer, so chunk sizes are in the unit the
// model's 512-token limit is expressed in. The tokenizer (SentencePiece behind a Metaspace
// pre-tokenizer) splits text at whitespace and tokenizes each word on its own, so a text's count
// is the sum of its words' counts: each distinct word is tokenized once, not once per candidate
// split the chunker tries. On the bundled corpus the sum differs from a whole-text count by at
// most one token per paragraph.
import { join, resolve } from 'node:path';
import { AutoTokenizer } from '@huggingface/transformers';
import { configureTransformers, type ModelSettings } from '../embed/model-files.js';

export interface TokenCounter {
  /** Tokens of `text`, summed over its words. */
  count(text: string): number;
  /** Tokens of `text` tokenized whole: for checks at the model's limit. */
  exactCount(text: string): number;
  /** The model's input limit, special tokens included. */
  maxTokens: number;
}

/** Distinct words remembered; a corpus's vocabulary fits, a pathological one is forgotten and recounted. */
const MAX_CACHED_WORDS = 500_000;

export async function loadTokenCounter(settings: ModelSettings): Promise<TokenCounter> {
  configureTransformers(settings);
  let tokenizer: Awaited<ReturnType<typeof AutoTokenizer.from_pretrained>>;
  try {
    tokenizer = await AutoTokenizer.from_pretrained(settings.modelId);
  } catch (error) {
    const where = join(resolve(settings.modelsDir), settings.modelId);
    const download = settings.allowDownload ? 'en downloaden lukte niet' : 'en downloaden staat uit (ALLOW_MODEL_DOWNLOAD=false)';
    throw new Error(`De tokenizer van ${settings.modelId} ontbreekt in ${where} ${download}; zonder tokenizer kunnen passages niet op maat worden gesneden.`, {
      cause: error,
    });
  }
  const limit = Number(tokenizer.model_max_length);
  const exactCount = (text: string) => tokenizer.encode(text, { add_special_tokens: false }).length;
  const words = new Map<string, number>();
  const wordCount = (word: string) => {
    let count = words.get(word);
    if (count === undefined) {
      count = exactCount(word);
      if (words.size >= MAX_CACHED_WORDS) words.clear();
      words.set(word, count);
    }
    return count;
  };
  return {
    count(text) {
      let total = 0;
      for (const word of text.split(/\s+/)) if (word !== '') total += wordCount(word);
      return total;
    },
    exactCount,
    maxTokens: Number.isFinite(limit) && limit > 0 && limit < 100_000 ? limit : 512,
  };
}

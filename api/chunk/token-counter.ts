// Counts tokens as the embedding model sees them, so chunk sizes are in the unit the model's
// 512-token limit is expressed in. The tokenizer (SentencePiece behind a Metaspace
// pre-tokenizer) splits text at spaces and segments each word on its own, so a text's count is
// the sum of its words' counts: each distinct word is segmented once (piece-model.ts), not once
// per candidate split the chunker tries. On 8,724 distinct words of the bundled corpus and the
// LibreOffice help, this matched transformers.js's tokenizer for all but one (a word with a
// U+FFFD character). Near the model's limit a chunk is counted by the real tokenizer.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadTransformers, type ModelSettings } from '../embed/model-files.js';
import { loadPieceModel, type PieceModel } from '../language/piece-model.js';

export interface TokenCounter {
  /** Tokens of `text`, summed over its words. */
  count(text: string): number;
  /** Tokens of `text` tokenized whole by the model's own tokenizer: for checks at the limit. */
  exactCount(text: string): Promise<number>;
  /** The model's input limit, special tokens included. */
  maxTokens: number;
}

/** Distinct words remembered; a corpus's vocabulary fits, a pathological one is forgotten and recounted. */
const MAX_CACHED_WORDS = 500_000;
const DEFAULT_MAX_TOKENS = 512;

export async function loadTokenCounter(settings: ModelSettings): Promise<TokenCounter> {
  const modelDir = join(settings.modelsDir, settings.modelId);
  const pieces = loadPieceModel(modelDir);
  const tokenizer = pieces ? null : await loadTokenizer(settings); // a tokenizer that is no unigram model
  let exact: Awaited<ReturnType<typeof loadTokenizer>> | null = tokenizer;
  const exactCount = async (text: string) => {
    exact ??= await loadTokenizer(settings);
    return exact.encode(text, { add_special_tokens: false }).length;
  };
  const wordCount = pieces
    ? (word: string) => (pieces as PieceModel).segment(word).pieces
    : (word: string) => tokenizer!.encode(word, { add_special_tokens: false }).length;
  const words = new Map<string, number>();
  return {
    count(text) {
      let total = 0;
      for (const word of text.split(/\s+/)) {
        if (word === '') continue;
        let count = words.get(word);
        if (count === undefined) {
          count = wordCount(word);
          if (words.size >= MAX_CACHED_WORDS) words.clear();
          words.set(word, count);
        }
        total += count;
      }
      return total;
    },
    exactCount,
    maxTokens: maxTokens(modelDir),
  };
}

async function loadTokenizer(settings: ModelSettings) {
  const { AutoTokenizer } = await loadTransformers(settings);
  try {
    return await AutoTokenizer.from_pretrained(settings.modelId);
  } catch (error) {
    const where = join(resolve(settings.modelsDir), settings.modelId);
    const download = settings.allowDownload ? 'en downloaden lukte niet' : 'en downloaden staat uit (ALLOW_MODEL_DOWNLOAD=false)';
    throw new Error(`De tokenizer van ${settings.modelId} ontbreekt in ${where} ${download}; zonder tokenizer kunnen passages niet op maat worden gesneden.`, {
      cause: error,
    });
  }
}

/** The model's input limit as its tokenizer configuration states it. */
function maxTokens(modelDir: string): number {
  try {
    const limit = Number((JSON.parse(readFileSync(join(modelDir, 'tokenizer_config.json'), 'utf8')) as { model_max_length?: unknown }).model_max_length);
    return Number.isFinite(limit) && limit > 0 && limit < 100_000 ? limit : DEFAULT_MAX_TOKENS;
  } catch {
    return DEFAULT_MAX_TOKENS;
  }
}

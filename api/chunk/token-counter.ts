// Counts tokens with the embedding model's own tokenizer, so chunk sizes are exact in the
// unit the model's 512-token limit is expressed in.
import { join, resolve } from 'node:path';
import { AutoTokenizer } from '@huggingface/transformers';
import { configureTransformers, type ModelSettings } from '../embed/model-files.js';

export interface TokenCounter {
  count(text: string): number;
  /** The model's input limit, special tokens included. */
  maxTokens: number;
}

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
  return {
    count: (text) => tokenizer.encode(text, { add_special_tokens: false }).length,
    maxTokens: Number.isFinite(limit) && limit > 0 && limit < 100_000 ? limit : 512,
  };
}

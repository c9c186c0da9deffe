// A models folder with the real tokenizer and never any weights: an index built with it is
// lexical, whatever weights lie in models/. Training fits the lexical model on such an index (it
// must stay valid without the embedding model), and the tests run the lexical fallback on it.
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ModelSettings } from '../../api/embed/model-files.js';

const TOKENIZER_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

export function tokenizerOnlyModels(modelsDir: string, modelId: string): ModelSettings {
  const dir = mkdtempSync(join(tmpdir(), 'bronwijzer-tokenizer-'));
  mkdirSync(join(dir, modelId), { recursive: true });
  for (const file of TOKENIZER_FILES) symlinkSync(resolve(modelsDir, modelId, file), join(dir, modelId, file));
  return { modelsDir: dir, modelId, dtype: 'q8', allowDownload: false };
}

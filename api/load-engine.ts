// Loads the current index for serving: refuses an index built with another model than the
// configured one, loads the embedder when the index has vectors, and reports what it had to
// give up (warnings) instead of failing.
import { loadEmbedder } from './embed/embedder.js';
import type { ModelSettings } from './embed/model-files.js';
import { openEngine, type Engine } from './engine.js';
import { AppError } from './errors.js';
import { readIndex } from './index/index-store.js';

export interface LoadedEngine {
  engine: Engine;
  warnings: string[];
}

export async function loadEngine(indexDir: string, model: ModelSettings): Promise<LoadedEngine> {
  const stored = await readIndex(indexDir);
  const built = stored.manifest.model;
  if (built.id !== model.modelId || built.dtype !== model.dtype) {
    throw new AppError(
      'index_incompatible',
      `De index is gebouwd met model ${built.id} (${built.dtype}), maar geconfigureerd is ${model.modelId} (${model.dtype}). ` +
        'Voer "npm run build:index" uit om de index opnieuw te bouwen.',
    );
  }
  const warnings: string[] = [];
  if (!stored.vectorPath) {
    warnings.push(`Alleen lexicaal zoeken: ${built.denseUnavailableReason ?? 'de index heeft geen vectoren'}.`);
    return { engine: openEngine(stored), warnings };
  }
  // The question embedder never downloads at serving time: the index build fetched the weights.
  const load = await loadEmbedder({ ...model, allowDownload: false });
  if (load.status === 'unavailable') {
    warnings.push(`Alleen lexicaal zoeken: ${load.reason}.`);
    return { engine: openEngine(stored), warnings };
  }
  return { engine: openEngine(stored, { embedder: load.embedder }), warnings };
}

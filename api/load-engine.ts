// Opens an index store for serving: refuses an index built with another model than the
// configured one, loads the question embedder when the index has vectors, and reports what it
// had to give up (warnings) instead of failing.
import { join } from 'node:path';
import { type EmbedderLoad, loadEmbedder, SERVING_EMBEDDER } from './embed/embedder.js';
import type { ModelSettings } from './embed/model-files.js';
import { createEngine, type Engine } from './engine.js';
import { AppError } from './errors.js';
import { loadDutchAnalyzer } from './language/load-analyzer.js';
import { loadPieceModel } from './language/piece-model.js';
import { wordRarity } from './language/word-rarity.js';
import type { FittedModel } from './learn/fitted-model.js';
import { messages } from './messages.js';
import { openEmbeddedStore } from './store/embedded/embedded-store.js';
import { readIndexFiles } from './store/embedded/index-files.js';
import type { IndexStore } from './store/store.js';

export interface LoadedEngine {
  engine: Engine;
  warnings: string[];
}

/**
 * Where the question embedder comes from. A server that reloads its index passes one shared
 * loader, so every index it loads uses the same model workers instead of starting new ones.
 */
export type EmbedderSource = () => Promise<EmbedderLoad>;

/** The embedded index in `indexDir`, opened for answering. */
export async function loadEngine(indexDir: string, model: ModelSettings, embedderSource?: EmbedderSource, fitted?: FittedModel): Promise<LoadedEngine> {
  return engineForStore(openEmbeddedStore(await readIndexFiles(indexDir)), model, embedderSource, fitted);
}

/** Any store (embedded files, PostgreSQL) opened for answering; with the committed fitted model unless another is given. */
export async function engineForStore(store: IndexStore, model: ModelSettings, embedderSource?: EmbedderSource, fitted?: FittedModel): Promise<LoadedEngine> {
  const built = store.manifest.model;
  if (built.id !== model.modelId || built.dtype !== model.dtype) {
    throw new AppError('index_incompatible', messages.indexModelMismatch(`${built.id} (${built.dtype})`, `${model.modelId} (${model.dtype})`));
  }
  // Pages to check stay said for as long as the index serves them (the server's log and /health).
  const scans = store.manifest.scans.flatMap(({ file, doubtful }) => (doubtful.length > 0 ? [messages.doubtfulScan(file, doubtful)] : []));
  const pieces = loadPieceModel(join(model.modelsDir, model.modelId));
  const parts = { analyzer: loadDutchAnalyzer(), rarity: pieces ? wordRarity(pieces) : null, ...(fitted ? { model: fitted } : {}) };
  if (!store.modes.includes('dense')) {
    return { engine: createEngine(store, parts), warnings: [messages.lexicalOnly(built.denseUnavailableReason ?? messages.noVectors), ...scans] };
  }
  // The question embedder never downloads at serving time: the index build fetched the weights.
  const load = await (embedderSource ?? (() => loadEmbedder({ ...model, allowDownload: false }, SERVING_EMBEDDER)))();
  if (load.status === 'unavailable') return { engine: createEngine(store, parts), warnings: [messages.lexicalOnly(load.reason), ...scans] };
  return { engine: createEngine(store, { ...parts, embedder: load.embedder }), warnings: scans };
}

// The search side of the assistant, opened on a live index: the retriever over its passages,
// the catalogue of its documents, and the Dutch analyzer both the index and questions use.
// Answering (extractive or by a language model) builds on it; nothing here composes answers.
import type { IndexManifest, RetrievalMode } from './contract.js';
import type { Embedder } from './embed/embedder.js';
import type { DutchAnalyzer } from './language/dutch-analyzer.js';
import type { WordRarity } from './language/word-rarity.js';
import { type FittedModel, loadFittedModel } from './learn/fitted-model.js';
import { createRetriever, type Retriever } from './retrieve/retriever.js';
import type { DocumentCatalog, IndexStore } from './store/store.js';

export interface Engine {
  manifest: IndexManifest;
  modes: RetrievalMode[];
  retriever: Retriever;
  catalog: DocumentCatalog;
  analyzer: DutchAnalyzer;
  /** The fitted passage ranker, answer-unit ranker and verdict this engine answers with. */
  model: FittedModel;
  /** The same index and analysis answering with other fitted weights (evaluation, one per fold). */
  withModel(model: FittedModel): Engine;
}

/** Returns the engine, or throws an AppError (503) saying what to run when there is none. */
export type EngineSource = () => Engine;

export interface EngineParts {
  analyzer: DutchAnalyzer;
  embedder?: Embedder | null;
  rarity?: WordRarity | null;
  /** The committed model by default; evaluation passes the model of each fold. */
  model?: FittedModel;
}

export function createEngine(store: IndexStore, { analyzer, embedder = null, rarity = null, model = loadFittedModel() }: EngineParts): Engine {
  const retriever = createRetriever({ store, analyzer, embedder, rarity, ranker: model.passage });
  return {
    manifest: store.manifest,
    modes: retriever.modes,
    retriever,
    catalog: store,
    analyzer,
    model,
    withModel: (other) => createEngine(store, { analyzer, embedder, rarity, model: other }),
  };
}

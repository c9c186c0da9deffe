// The index build as the environment configures it (corpus, index and cache folders, size limit,
// model, passage sizes), with the writer and callbacks of whoever runs it: npm start and
// build:index, the benchmark, training and the tests all build through here.
import type { IndexManifest } from '../contract.js';
import { buildSettings, chunkSettings, type Env, modelSettings } from '../env.js';
import { loadDutchAnalyzer } from '../language/load-analyzer.js';
import { type BuildOptions, buildIndex } from './build-index.js';

export function buildFromEnv(env: Env, parts: Pick<BuildOptions, 'writer'> & Partial<BuildOptions>): Promise<IndexManifest> {
  return buildIndex({ ...buildSettings(env), model: modelSettings(env), chunking: chunkSettings(env), analyzer: loadDutchAnalyzer(), ...parts });
}

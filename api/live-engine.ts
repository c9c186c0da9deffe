// Keeps the server on the newest good index without a restart. It watches which build the
// index's "current" link points to; when a build finishes, the new index is loaded beside the
// old one and swapped in with one assignment. Requests in flight keep the engine they started
// with. A new index that cannot be loaded (damaged, half written, another model) is refused
// with a log line, and the previous one keeps serving.
import { watch } from 'node:fs';
import { type EmbedderLoad, loadEmbedder, SERVING_EMBEDDER } from './embed/embedder.js';
import type { ModelSettings } from './embed/model-files.js';
import type { Engine } from './engine.js';
import { AppError } from './errors.js';
import { type LoadedEngine, loadEngine } from './load-engine.js';
import { messages } from './messages.js';
import { currentBuild } from './store/embedded/index-files.js';

/** How often the index link is looked at, besides the file-system notifications that usually come first. */
export const RELOAD_CHECK_MS = 2000;

export interface LiveEngine {
  /** The engine now serving, or null before any index could be loaded. */
  current(): Engine | null;
  /** Why there is no engine, when there is none. */
  problem(): AppError | null;
  warnings(): string[];
  /** Looks for a new build now; resolves when it is loaded or refused. */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

export interface LiveEngineOptions {
  indexDir: string;
  model: ModelSettings;
  log?: (line: string) => void;
  checkEveryMs?: number;
}

export async function openLiveEngine({
  indexDir,
  model,
  log = (line) => console.log(line),
  checkEveryMs = RELOAD_CHECK_MS,
}: LiveEngineOptions): Promise<LiveEngine> {
  let live: (LoadedEngine & { build: string | null }) | null = null;
  let problem: AppError | null = null;
  let loading: Promise<void> | null = null;
  // One question embedder for every index this server loads (they are built with one model).
  let embedder: Promise<EmbedderLoad> | null = null;
  const sharedEmbedder = () => {
    embedder ??= loadEmbedder({ ...model, allowDownload: false }, SERVING_EMBEDDER);
    return embedder;
  };

  const load = async () => {
    const build = await currentBuild(indexDir);
    if (live && build === live.build) return;
    try {
      const loaded = await loadEngine(indexDir, model, sharedEmbedder);
      const first = live === null;
      live = { ...loaded, build };
      problem = null;
      if (!first) log(messages.indexSwapped(loaded.engine.manifest.builtAt, loaded.engine.manifest.counts.documents));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (live) {
        log(messages.indexRefused(error.message));
        live = { ...live, build }; // not retried until the link changes again
      } else {
        problem = error;
      }
    }
  };
  const refresh = () => {
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  };

  await refresh();
  const timer = setInterval(() => void refresh().catch((error) => log(String(error))), checkEveryMs);
  timer.unref();
  let watcher: ReturnType<typeof watch> | null = null;
  try {
    watcher = watch(indexDir, (_, name) => {
      if (name?.startsWith('current')) void refresh().catch((error) => log(String(error)));
    });
  } catch {
    // No index folder yet: the interval finds the first build.
  }

  return {
    current: () => live?.engine ?? null,
    problem: () => problem,
    warnings: () => live?.warnings ?? [],
    refresh,
    async close() {
      clearInterval(timer);
      watcher?.close();
      const load = await embedder;
      if (load?.status === 'ready') await load.embedder.close();
    },
  };
}

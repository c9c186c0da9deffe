// Keeps the server on the newest good index without a restart. It asks its index source which
// build is live (the embedded files' "current" link, or PostgreSQL's live_build row); when a new
// build is live, it is opened beside the old one and swapped in with one assignment. Requests in
// flight keep the engine they started with. A build that cannot be opened (damaged, half
// written, another model) is refused with a log line, and the previous one keeps serving. A
// store that cannot be reached is reported, and checked again until it answers.
import { type EmbedderLoad, loadEmbedder, SERVING_EMBEDDER } from './embed/embedder.js';
import type { ModelSettings } from './embed/model-files.js';
import type { Engine } from './engine.js';
import { AppError } from './errors.js';
import { engineForStore, type LoadedEngine } from './load-engine.js';
import { messages } from './messages.js';
import type { IndexSource } from './store/index-source.js';

/** How often the live build is looked up, besides any notification that comes first. */
export const RELOAD_CHECK_MS = 2000;

export interface LiveEngine {
  /** The engine now serving, or null before any index could be loaded. */
  current(): Engine | null;
  /** Why there is no engine, when there is none. */
  problem(): AppError | null;
  warnings(): string[];
  /** The store, the live build, whether the store answered the last check, and the last build refused. */
  store(): { kind: IndexSource['kind']; build: string | null; connected: boolean; refused: RefusedBuild | null };
  /** Looks for a new build now; resolves when it is loaded or refused. */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

/** A build that was made live in the store but could not be opened: named apart from the one serving. */
export interface RefusedBuild {
  build: string | null;
  reason: string;
  at: string;
}

export interface LiveEngineOptions {
  source: IndexSource;
  model: ModelSettings;
  log?: (line: string) => void;
  checkEveryMs?: number;
}

export async function openLiveEngine({
  source,
  model,
  log = (line) => console.log(line),
  checkEveryMs = RELOAD_CHECK_MS,
}: LiveEngineOptions): Promise<LiveEngine> {
  let live: (LoadedEngine & { build: string | null }) | null = null;
  let refused: RefusedBuild | null = null;
  let problem: AppError | null = null;
  let connected = true;
  let loading: Promise<void> | null = null;
  // One question embedder for every index this server loads (they are built with one model).
  let embedder: Promise<EmbedderLoad> | null = null;
  const sharedEmbedder = () => {
    embedder ??= loadEmbedder({ ...model, allowDownload: false }, SERVING_EMBEDDER);
    return embedder;
  };

  const load = async () => {
    let build: string | null;
    try {
      build = await source.current();
      if (!connected) log(messages.storeBack);
      connected = true;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (connected) log(messages.storeLost(error.message));
      connected = false;
      if (!live) problem = error;
      return;
    }
    if (live && build === live.build) return;
    if (refused && build === refused.build) return; // not retried until the live build changes again
    if (build === null && source.kind === 'postgres') {
      problem = new AppError('index_missing', messages.indexMissing);
      return;
    }
    try {
      const loaded = await engineForStore(await source.open(build), model, sharedEmbedder);
      const first = live === null;
      live = { ...loaded, build };
      refused = null;
      problem = null;
      if (!first) log(messages.indexSwapped(loaded.engine.manifest.builtAt, loaded.engine.manifest.counts.documents));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused = { build, reason: error.message, at: new Date().toISOString() };
      if (live) log(messages.indexRefused(error.message));
      else problem = error;
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
  const unwatch = source.watch(() => void refresh().catch((error) => log(String(error))));

  return {
    current: () => live?.engine ?? null,
    problem: () => problem,
    warnings: () => live?.warnings ?? [],
    store: () => ({ kind: source.kind, build: live?.build ?? null, connected, refused }),
    refresh,
    async close() {
      clearInterval(timer);
      unwatch();
      const load = await embedder;
      if (load?.status === 'ready') await load.embedder.close();
      await source.close();
    },
  };
}

// Where the live index comes from, for a server that follows it: the embedded files (a new build
// is a new folder the "current" link points to) or PostgreSQL (a new build is a new row the
// live_build row points to). The live engine asks which build is live and opens it when it changes.
import { watch } from 'node:fs';
import type pg from 'pg';
import { type IndexManifest, indexManifestSchema, type StoreKind } from '../contract.js';
import { openEmbeddedStore } from './embedded/embedded-store.js';
import { currentBuild, readIndexFiles, readManifest } from './embedded/index-files.js';
import { readOnly } from './postgres/pool.js';
import { liveBuild, openPostgresStore } from './postgres/postgres-store.js';
import type { IndexStore } from './store.js';

export interface IndexSource {
  readonly kind: StoreKind;
  /** Which build is live now; null before the first build. */
  current(): Promise<string | null>;
  open(build: string | null): Promise<IndexStore>;
  /** The live build's manifest without opening it (to decide whether the corpus needs a build); null when there is none. */
  liveManifest(): Promise<IndexManifest | null>;
  /** Calls `onChange` when a new build may be live sooner than the next check would notice. */
  watch(onChange: () => void): () => void;
  close(): Promise<void>;
}

export function embeddedSource(indexDir: string): IndexSource {
  return {
    kind: 'embedded',
    current: () => currentBuild(indexDir),
    open: async () => openEmbeddedStore(await readIndexFiles(indexDir)),
    liveManifest: () => readManifest(indexDir),
    watch(onChange) {
      try {
        const watcher = watch(indexDir, (_, name) => {
          if (name?.startsWith('current')) onChange();
        });
        return () => watcher.close();
      } catch {
        return () => {}; // no index folder yet: the periodic check finds the first build
      }
    },
    close: async () => {},
  };
}

export function postgresSource(pool: pg.Pool): IndexSource {
  return {
    kind: 'postgres',
    current: () => liveBuild(pool),
    open: (build) => openPostgresStore(pool, build ?? ''),
    async liveManifest() {
      const build = await liveBuild(pool);
      if (!build) return null;
      const { rows } = await readOnly(pool, (client) => client.query<{ manifest: unknown }>('SELECT manifest FROM builds WHERE id = $1', [build]));
      const parsed = indexManifestSchema.safeParse(rows[0]?.manifest);
      return parsed.success ? parsed.data : null;
    },
    watch: () => () => {}, // the periodic check is the notice: cheap, and it survives reconnects
    close: () => pool.end(),
  };
}

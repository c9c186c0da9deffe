// The store the configuration asks for, for the server, the build and the command-line tools:
// the embedded files (default) or PostgreSQL (STORE=postgres, DATABASE_URL).
import type pg from 'pg';
import type { IndexWriter } from '../build/built-index.js';
import type { Env } from '../env.js';
import { type FeedbackStore, fileFeedbackStore } from '../feedback/feedback-store.js';
import { postgresFeedbackStore } from '../feedback/postgres-feedback-store.js';
import { embeddedIndexWriter } from './embedded/embedded-writer.js';
import { embeddedSource, type IndexSource, postgresSource } from './index-source.js';
import { createPool } from './postgres/pool.js';
import { postgresIndexWriter } from './postgres/postgres-writer.js';

export interface ConfiguredStore {
  source: IndexSource;
  writer: IndexWriter;
  feedback: FeedbackStore;
  /** The pool, with STORE=postgres. */
  pool: pg.Pool | null;
}

export function configuredStore(env: Env): ConfiguredStore {
  if (env.STORE === 'postgres') {
    const pool = createPool({ url: env.DATABASE_URL!, max: env.DATABASE_POOL_MAX });
    return { source: postgresSource(pool), writer: postgresIndexWriter(pool), feedback: postgresFeedbackStore(pool), pool };
  }
  return {
    source: embeddedSource(env.INDEX_DIR),
    writer: embeddedIndexWriter(env.INDEX_DIR),
    feedback: fileFeedbackStore(env.FEEDBACK_FILE, env.FEEDBACK_MAX_MB * 1_000_000),
    pool: null,
  };
}

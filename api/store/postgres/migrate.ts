// Versioned migrations: the SQL files in migrations/, applied in order, once, each in the same
// transaction as its entry in schema_migrations, under an advisory lock so two instances starting
// together do not race. The vector migration is applied only when dense retrieval needs it.
import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import { inTransaction } from './pool.js';

interface Migration {
  version: number;
  file: string;
  /** Applied only when asked for (it needs the pgvector extension). */
  onlyFor?: 'vectors';
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, file: '001_index.sql' },
  { version: 2, file: '002_feedback.sql' },
  { version: 3, file: '003_vectors.sql', onlyFor: 'vectors' },
  { version: 4, file: '004_collections.sql' },
  { version: 5, file: '005_recognised.sql' },
  { version: 6, file: '006_attribution.sql' },
  { version: 7, file: '007_bylines.sql' },
];

/** Any number that is the same for every instance: the lock migrations run under. */
const MIGRATION_LOCK = 7_305_002_001;

/** Applies what is missing; returns the versions applied now. */
export function migrate(pool: pg.Pool, { vectors = false }: { vectors?: boolean } = {}): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, file text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
    const now: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version) || (migration.onlyFor === 'vectors' && !vectors)) continue;
      await client.query(await readFile(new URL(`./migrations/${migration.file}`, import.meta.url), 'utf8'));
      await client.query('INSERT INTO schema_migrations (version, file) VALUES ($1, $2)', [migration.version, migration.file]);
      now.push(migration.version);
    }
    return now;
  });
}

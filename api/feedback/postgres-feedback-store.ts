// Colleagues' verdicts in PostgreSQL, when the index lives there: every instance writes to one
// table, append-only.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { type FeedbackEntry, feedbackEntrySchema } from '../contract.js';
import { migrate } from '../store/postgres/migrate.js';
import { inTransaction, readOnly, withDatabase } from '../store/postgres/pool.js';
import type { FeedbackStore } from './feedback-store.js';

export function postgresFeedbackStore(pool: pg.Pool): FeedbackStore {
  let migrated: Promise<unknown> | null = null;
  const ready = () => {
    migrated ??= withDatabase(() => migrate(pool)).catch((error) => {
      migrated = null;
      throw error;
    });
    return migrated;
  };
  return {
    async add(request, build, asker) {
      await ready();
      const entry: FeedbackEntry = { ...request, id: randomUUID(), at: new Date().toISOString(), build, ...asker };
      await inTransaction(pool, (client) => client.query('INSERT INTO feedback (id, given_at, entry) VALUES ($1, $2, $3)', [entry.id, entry.at, entry]));
      return entry;
    },
    async list(since) {
      await ready();
      const { rows } = await readOnly(pool, (client) =>
        client.query<{ entry: unknown }>('SELECT entry FROM feedback WHERE given_at >= $1 ORDER BY given_at, id', [since ?? new Date(0)]),
      );
      const entries: FeedbackEntry[] = [];
      let skipped = 0;
      for (const { entry } of rows) {
        const parsed = feedbackEntrySchema.safeParse(entry);
        if (parsed.success) entries.push(parsed.data);
        else skipped++;
      }
      return { entries, skipped };
    },
  };
}

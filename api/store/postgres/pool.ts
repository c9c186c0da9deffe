// The connection pool to PostgreSQL, with limits a shared database expects, and the one place
// that tells "the database is not there" (a 503 that says so; the pool reconnects by itself
// once it is back) from a query's own error.
import pg from 'pg';
import { AppError } from '../../errors.js';
import { messages } from '../../messages.js';

export interface PoolSettings {
  url: string;
  /** Connections per API instance: a few questions at once each need one for a few milliseconds. */
  max?: number;
}

/** Waiting longer for a connection than a colleague waits for an answer helps nobody. */
const CONNECT_TIMEOUT_MS = 5_000;
/** A question's queries take milliseconds; one that runs this long is stuck. */
const STATEMENT_TIMEOUT_MS = 15_000;
const IDLE_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_CONNECTIONS = 10;

export function createPool({ url, max = DEFAULT_MAX_CONNECTIONS }: PoolSettings): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + CONNECT_TIMEOUT_MS,
    application_name: 'bronwijzer',
  });
  // An idle connection the server drops must not take the process with it; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/** Whether `error` means the database cannot be reached (rather than a query being wrong). */
export function isConnectionError(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  if (typeof code === 'string' && /^(08|57P0[1-3]|53300)/.test(code)) return true;
  if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH)$/.test(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i.test(message ?? '');
}

/** Whether `error` means the database is there but its tables are not (a new, empty database). */
export function isMissingSchema(error: unknown): boolean {
  return (error as { code?: string }).code === '42P01'; // undefined_table
}

/** Runs `work`; a lost database, or one without its tables, becomes a 503 with a message for the user. */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isConnectionError(error)) throw new AppError('store_unavailable', messages.storeUnavailable, { cause: error });
    if (isMissingSchema(error)) throw new AppError('store_unavailable', messages.storeSchemaMissing, { cause: error });
    throw error;
  }
}

/**
 * A connection for a while. A checked-out client whose server goes away emits "error" (its
 * query fails as well): without a listener that event would end the process, so it has one
 * until it is back in the pool.
 */
export async function checkout(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  const ignore = () => {};
  client.on('error', ignore);
  const release = client.release.bind(client);
  client.release = (error?: Error | boolean) => {
    client.off('error', ignore);
    return release(error);
  };
  return client;
}

/**
 * Runs `work` in one transaction on one connection, committed when it returns and rolled back
 * when it throws; a lost database becomes a 503. Reads use read-only transactions: the
 * statements of one read see one snapshot, and a server that multiplexes sessions (PGlite's
 * socket server, used by the tests and `npm run db:local`) keeps a statement's protocol messages
 * together instead of interleaving them with another connection's.
 */
export function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, { readOnly = false } = {}): Promise<T> {
  return withDatabase(async () => {
    const client = await checkout(pool);
    try {
      await client.query(readOnly ? 'BEGIN READ ONLY' : 'BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  });
}

export function readOnly<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(pool, work, { readOnly: true });
}

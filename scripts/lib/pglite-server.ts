// A real PostgreSQL engine (PGlite: PostgreSQL compiled to WebAssembly) with pgvector, served over
// the wire protocol, so the `pg` driver talks to it as to any PostgreSQL. For tests, benchmarks
// and trying STORE=postgres on a machine without a database server. Not for production.
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface LocalPostgres {
  url: string;
  port: number;
  /** Stops serving; the data stays (in memory, or in `dataDir`). */
  stop(): Promise<void>;
  /** Serves again on the same port: what a database coming back looks like. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Connections served at once: two API instances and a build, each with a few. */
const MAX_CONNECTIONS = 32;

export async function startLocalPostgres({ port, dataDir }: { port: number; dataDir?: string }): Promise<LocalPostgres> {
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { vector } });
  let server: PGLiteSocketServer | null = null;
  const start = async () => {
    server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: MAX_CONNECTIONS });
    await server.start();
  };
  await start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await server?.stop();
      server = null;
    },
    start,
    close: async () => {
      await server?.stop();
      await db.close();
    },
  };
}

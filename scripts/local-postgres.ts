// npm run db:local [-- --port 5433]: a PostgreSQL with pgvector on this machine, without
// installing one (PGlite over the wire protocol; data in data/pglite). Then:
//   STORE=postgres DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5433/postgres npm start
import { resolve } from 'node:path';
import { startLocalPostgres } from './lib/pglite-server.js';

const args = process.argv.slice(2);
const port = Number(args.includes('--port') ? args[args.indexOf('--port') + 1] : 5433);
const database = await startLocalPostgres({ port, dataDir: resolve('data', 'pglite') });
console.log(`PostgreSQL (PGlite, met pgvector) luistert op ${database.url}`);
console.log(`  STORE=postgres DATABASE_URL=${database.url} npm start`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void database.close().then(() => process.exit(0)));

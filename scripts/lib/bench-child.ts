// The benchmark's child processes, so each has its own memory to measure:
//   build   runs an index build quietly, prints { manifest, maxRssMb } as JSON
//   serve   starts the server, prints { url } as JSON once it listens, serves until killed
//   plain   serves the plain BM25 baseline over the live embedded index (plain-bm25.ts), likewise
import { buildFromEnv } from '../../api/build/build-from-env.js';
import { readEnv } from '../../api/env.js';
import { startServer } from '../../api/server.js';
import { configuredStore } from '../../api/store/configured.js';
import { servePlainBm25 } from './plain-bm25.js';

const [role] = process.argv.slice(2);
const env = readEnv();
const quiet = () => {
  console.log = () => {};
  console.warn = () => {};
};
const report = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

if (role === 'build') {
  const store = configuredStore(env);
  const manifest = await buildFromEnv(env, { writer: store.writer });
  await store.source.close();
  report({ manifest, maxRssMb: process.resourceUsage().maxRSS / 1024 });
} else if (role === 'serve') {
  quiet();
  const server = await startServer(env, { reloadCheckMs: 250 });
  report({ url: server.url });
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
} else if (role === 'plain') {
  report(await servePlainBm25(env.INDEX_DIR));
  process.on('SIGTERM', () => process.exit(0));
} else {
  console.error('Usage: bench-child.ts build|serve|plain');
  process.exit(2);
}

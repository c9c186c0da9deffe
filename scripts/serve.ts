// npm run serve — serves the assistant from the configured store without building the index:
// for API instances that share a PostgreSQL index someone else builds (npm run build:index), or
// an embedded index built beforehand. Builds the web UI when it is missing or stale.
import { readEnv } from '../api/env.js';
import { exitOnSignals, startServer } from '../api/server.js';
import { buildWeb, webBuildIsStale } from './lib/build-web.js';

const env = readEnv();
if (webBuildIsStale(env.WEB_ROOT)) {
  console.log('Gebruikersomgeving bouwen …');
  await buildWeb(env.WEB_ROOT);
}
const server = await startServer(env);
console.log(`Bronwijzer draait op ${server.url} (index: ${env.STORE === 'postgres' ? 'PostgreSQL' : env.INDEX_DIR})`);
exitOnSignals(server);

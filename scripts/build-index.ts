// npm run build:index — (re)builds the index from the corpus folder with a progress bar. Only
// documents that changed since the last build are processed again.
import { readEnv } from '../api/env.js';
import { runBuild } from './lib/run-build.js';

const env = readEnv();
try {
  await runBuild(env);
} catch (error) {
  console.error(`\nIndex bouwen mislukt: ${error instanceof Error ? error.message : String(error)}`);
  console.error('De vorige index (als die er was) is ongewijzigd gebleven.');
  process.exit(1);
}

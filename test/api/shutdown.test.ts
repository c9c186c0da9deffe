// SIGTERM with a request in flight that will not finish (a hanging language model): the
// process stops taking requests and exits within SHUTDOWN_TIMEOUT_MS, not whenever the model
// gives up.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/free-port.js';
import { startServerProcess } from '../fixtures/server-process.js';
import { buildTestIndex, postJson, writeCorpus } from '../fixtures/test-index.js';
import { until } from '../fixtures/until.js';

let calls = 0;
const hangingModel = createServer(() => {
  calls++; // and never answers
});
let modelUrl: string;

beforeAll(async () => {
  const port = await freePort();
  await new Promise<void>((resolve) => hangingModel.listen(port, '127.0.0.1', resolve));
  modelUrl = `http://127.0.0.1:${port}/v1`;
});
afterAll(() => {
  hangingModel.closeAllConnections();
  hangingModel.close();
});

describe('SIGTERM', () => {
  it('drains and exits within its deadline while a request hangs', async () => {
    const indexDir = await buildTestIndex(await writeCorpus());
    const { child, url, exited } = await startServerProcess({
      INDEX_DIR: indexDir,
      WEB_ROOT: join(indexDir, 'no-web'),
      LLM_BASE_URL: modelUrl,
      LLM_MODEL: 'hangt',
      ANSWER_MODE: 'llm',
      LLM_TIMEOUT_MS: '60000',
      REQUEST_TIMEOUT_MS: '60000',
      SHUTDOWN_TIMEOUT_MS: '500',
    });

    const inFlight = fetch(`${url}/api/ask`, postJson({ question: 'Wat is respijtzorg?' })).then(
      (response) => response.status,
      () => 'connection closed',
    );
    await until(() => calls > 0, 'the request to reach the language model');

    const signalled = performance.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(3000);
    // The request that hung was not answered: its connection was closed at the deadline.
    expect(await inFlight).toBe('connection closed');
  });
});

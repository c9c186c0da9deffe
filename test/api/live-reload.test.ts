// A running server switches to a newly built index without a restart and without failing a
// request, and refuses a damaged build while the previous index keeps serving.
import { mkdir, mkdtemp, rename, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthReport, IndexManifest } from '../../api/contract.js';
import { readEnv } from '../../api/env.js';
import { type RunningServer, startServer } from '../../api/server.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { memoryLogger } from '../fixtures/memory-logger.js';
import { OFFLINE_MODEL } from '../fixtures/paths.js';
import { buildTestIndexInto, SMALL_CORPUS, writeCorpus } from '../fixtures/test-index.js';
import { until } from '../fixtures/until.js';

let server: RunningServer;
let indexDir: string;
const { logger, lines } = memoryLogger();
const logged = () => lines.map((line) => String(line.msg)).join('\n');

beforeAll(async () => {
  indexDir = await mkdtemp(join(tmpdir(), 'bronwijzer-live-'));
  await buildTestIndexInto(await writeCorpus(), indexDir);
  const env = readEnv({
    PORT: String(await freePort()),
    INDEX_DIR: indexDir,
    MODELS_DIR: OFFLINE_MODEL.modelsDir,
    ALLOW_MODEL_DOWNLOAD: 'false',
    WEB_ROOT: join(indexDir, 'no-web'),
  });
  server = await startServer(env, { reloadCheckMs: 100, logger });
});
afterAll(async () => {
  await server.close();
});

const health = async () =>
  (await (await fetch(`${server.url}/health`)).json()) as HealthReport & { manifest: IndexManifest; store: NonNullable<HealthReport['store']> };
const ask = async (question: string) => {
  const response = await fetch(`${server.url}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  return { status: response.status, body: (await response.json()) as { answered: boolean; citations: { documentId: string }[] } };
};

describe('live reload', () => {
  it('switches to a new build while answering, failing no request', async () => {
    const before = await health();
    expect(before.manifest.counts.documents).toBe(2);
    let asking = true;
    const statuses: number[] = [];
    const askers = Array.from({ length: 4 }, async () => {
      while (asking) statuses.push((await ask('Wat is respijtzorg?')).status);
    });

    const corpus = await writeCorpus({ ...SMALL_CORPUS, 'buurthuis.txt': 'Buurthuizen\n\nEen buurthuis is een laagdrempelige ontmoetingsplek voor bewoners.' });
    await buildTestIndexInto(corpus, indexDir);
    await until(async () => (await health()).manifest.counts.documents === 3, 'the server to serve the build with three documents');
    asking = false;
    await Promise.all(askers);

    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect((await health()).manifest.builtAt).not.toBe(before.manifest.builtAt);
    const answer = await ask('Wat is een buurthuis?');
    expect(answer.body.citations[0]?.documentId).toBe('buurthuis');
    expect(logged()).toMatch(/Nieuwe index in gebruik/);
  });

  it('refuses a damaged build and keeps serving the previous index', async () => {
    const before = await health();
    const damaged = join(indexDir, 'builds', 'zzz-damaged');
    await mkdir(damaged, { recursive: true });
    for (const name of ['manifest.json', 'documents.json', 'passages.json']) await writeFile(join(damaged, name), '{ "half": ');
    await symlink(join('builds', 'zzz-damaged'), join(indexDir, 'current.tmp'));
    await rename(join(indexDir, 'current.tmp'), join(indexDir, 'current'));

    await until(async () => logged().includes('Nieuwe index geweigerd'), 'the damaged build to be refused');
    const after = await health();
    expect(after.manifest.builtAt).toBe(before.manifest.builtAt);
    // The build serving and the one refused are named apart.
    expect(after.store.build).toBe(before.store.build);
    expect(after.store.refused).toMatchObject({ build: join('builds', 'zzz-damaged'), reason: expect.stringMatching(/beschadigd/) });
    const answer = await ask('Wat is een buurthuis?');
    expect(answer.status).toBe(200);
    expect(answer.body.answered).toBe(true);
  });
});

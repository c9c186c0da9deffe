// Two API processes on one PostgreSQL, as behind a load balancer: a build made while both serve
// becomes visible to both, whole (never half-written), without a failed request; a removed
// document is gone from both.

import type { ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromEnv } from '../../api/build/build-from-env.js';
import { readEnv } from '../../api/env.js';
import { createPool } from '../../api/store/postgres/pool.js';
import { postgresIndexWriter } from '../../api/store/postgres/postgres-writer.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { type LocalPostgres, startLocalPostgres } from '../../scripts/lib/pglite-server.js';
import { OFFLINE_MODEL } from '../fixtures/paths.js';
import { startServerProcess } from '../fixtures/server-process.js';
import { postJson, SMALL_CORPUS, writeCorpus } from '../fixtures/test-index.js';
import { until } from '../fixtures/until.js';

let database: LocalPostgres;
let pool: pg.Pool;
const children: ChildProcess[] = [];
let urls: string[] = [];
let cacheDir: string;

async function build(files: Record<string, string>) {
  await buildFromEnv(readEnv({ CORPUS_DIR: await writeCorpus(files) }), { cacheDir, model: OFFLINE_MODEL, writer: postgresIndexWriter(pool) });
}

async function startInstance(): Promise<string> {
  const instance = await startServerProcess({
    STORE: 'postgres',
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: '4',
    WEB_ROOT: join(cacheDir, 'no-web'),
    TEST_RELOAD_CHECK_MS: '200',
  });
  children.push(instance.child);
  return instance.url;
}

const documentIds = async (url: string) => {
  const response = await fetch(`${url}/api/documents`);
  const body = (await response.json()) as { id: string }[];
  if (!Array.isArray(body)) throw new Error(`GET /api/documents: ${response.status} ${JSON.stringify(body)}`);
  return body.map((document) => document.id).sort();
};
const liveBuildOf = async (url: string) => ((await (await fetch(`${url}/health`)).json()) as { store: { build: string } }).store.build;

beforeAll(async () => {
  database = await startLocalPostgres({ port: await freePort() });
  pool = createPool({ url: database.url, max: 4 });
  cacheDir = join(await mkdtemp(join(tmpdir(), 'bronwijzer-two-')), 'cache');
  await build(SMALL_CORPUS);
  urls = await Promise.all([startInstance(), startInstance()]);
}, 120_000);
afterAll(async () => {
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))));
  await pool.end();
  await database.close();
});

describe('two API instances on one PostgreSQL', () => {
  it('both switch to a build made while they serve, each seeing it whole, failing no request', async () => {
    const before = await Promise.all(urls.map(liveBuildOf));
    expect(before[0]).toBe(before[1]);
    const oldSet = ['eenzaamheid', 'mantelzorg'];
    const newSet = ['buurthuis', 'eenzaamheid', 'mantelzorg'];
    let asking = true;
    const statuses: number[] = [];
    const failures: string[] = [];
    const seenSets: string[][] = [];
    const askers = urls.flatMap((url) => [
      (async () => {
        while (asking) {
          const response = await fetch(`${url}/api/ask`, postJson({ question: 'Wat is respijtzorg?' }));
          statuses.push(response.status);
          if (response.status !== 200) failures.push(await response.text());
        }
      })(),
      (async () => {
        while (asking) seenSets.push(await documentIds(url));
      })(),
    ]);

    await build({ ...SMALL_CORPUS, 'buurthuis.txt': 'Buurthuizen\n\nEen buurthuis is een laagdrempelige ontmoetingsplek voor bewoners.' });
    let after = await Promise.all(urls.map(liveBuildOf));
    await until(
      async () => {
        after = await Promise.all(urls.map(liveBuildOf));
        return after[0] !== before[0] && after[1] !== before[1];
      },
      'both instances to switch to the new build',
      { everyMs: 50 },
    );
    asking = false;
    await Promise.all(askers);

    expect(after[0]).not.toBe(before[0]);
    expect(after[0]).toBe(after[1]);
    expect(statuses.length).toBeGreaterThan(4);
    expect(failures).toEqual([]);
    expect(seenSets.every((set) => JSON.stringify(set) === JSON.stringify(oldSet) || JSON.stringify(set) === JSON.stringify(newSet))).toBe(true);
    for (const url of urls) expect(await documentIds(url)).toEqual(newSet);
  });

  it('removes a document from both', async () => {
    const { 'eenzaamheid.md': _removed, ...rest } = SMALL_CORPUS;
    await build({ ...rest, 'buurthuis.txt': 'Buurthuizen\n\nEen buurthuis is een laagdrempelige ontmoetingsplek voor bewoners.' });
    for (const url of urls) {
      await until(async () => (await fetch(`${url}/api/documents/eenzaamheid`)).status === 404, `${url} to drop the removed document`, { everyMs: 50 });
      expect((await fetch(`${url}/api/documents/eenzaamheid`)).status).toBe(404);
      expect(await documentIds(url)).toEqual(['buurthuis', 'mantelzorg']);
    }
  });

  it('say so when the database comes back without its tables, and recover once a build is written', async () => {
    const [url] = urls as [string];
    await pool.query(
      'DROP TABLE IF EXISTS live_build, build_terms, build_collection_terms, build_collections, build_documents, builds, postings, passages, documents, feedback, schema_migrations CASCADE',
    );
    const health = async () => {
      const response = await fetch(`${url}/health`);
      return { status: response.status, body: (await response.json()) as { warnings: string[] } };
    };
    await until(async () => (await health()).status === 503, 'the instance to report that it cannot answer');
    expect((await health()).body.warnings.join(' ')).toMatch(/tabellen ontbreken/);
    const ask = await fetch(`${url}/api/ask`, postJson({ question: 'Wat is respijtzorg?' }));
    expect(ask.status).toBe(503);
    expect(await ask.json()).toMatchObject({ error: { code: 'store_unavailable', message: expect.stringMatching(/tabellen ontbreken/) } });

    await build(SMALL_CORPUS);
    await until(async () => (await health()).status === 200, 'the instance to answer from the new build');
    expect((await fetch(`${url}/api/ask`, postJson({ question: 'Wat is respijtzorg?' }))).status).toBe(200);
  });
});

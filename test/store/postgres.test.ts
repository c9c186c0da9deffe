// PostgreSQL as the store, against a real engine over the wire protocol (PGlite with pgvector,
// served by pglite-socket) with the `pg` driver: migrations, the same answers as the embedded
// index, builds that replace and remove documents in one transaction, a database that goes away
// and comes back, vectors, and feedback.

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WHOLE_CORPUS } from '../../api/access/collections.js';
import { createApp } from '../../api/app.js';
import { buildFromEnv } from '../../api/build/build-from-env.js';
import { askResponseSchema, documentSchema } from '../../api/contract.js';
import { readEnv } from '../../api/env.js';
import { postgresFeedbackStore } from '../../api/feedback/postgres-feedback-store.js';
import { engineForStore, loadEngine } from '../../api/load-engine.js';
import { migrate } from '../../api/store/postgres/migrate.js';
import { createPool } from '../../api/store/postgres/pool.js';
import { liveBuild, openPostgresStore } from '../../api/store/postgres/postgres-store.js';
import { postgresIndexWriter } from '../../api/store/postgres/postgres-writer.js';
import { evaluate, parseEvalQuestions } from '../../scripts/lib/eval/evaluate.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { type LocalPostgres, startLocalPostgres } from '../../scripts/lib/pglite-server.js';
import { CORPUS_DIR, DEV_QUESTIONS, OFFLINE_MODEL } from '../fixtures/paths.js';
import { councilDecisionPdf } from '../fixtures/scanned-council-decision.js';
import { buildTestIndex, postJson, SMALL_CORPUS, testApp, writeCorpus } from '../fixtures/test-index.js';
import { TINY_MODEL_ID, writeTinyEmbeddingModel } from '../fixtures/tiny-embedding-model.js';

let database: LocalPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  database = await startLocalPostgres({ port: await freePort() });
  pool = createPool({ url: database.url, max: 4 });
});
afterAll(async () => {
  await pool.end();
  await database.close();
});

async function buildInto(corpusDir: string, model = OFFLINE_MODEL, cacheDir?: string) {
  return buildFromEnv(readEnv({ CORPUS_DIR: corpusDir }), {
    cacheDir: cacheDir ?? join(await mkdtemp(join(tmpdir(), 'bronwijzer-pg-cache-')), 'cache'),
    model,
    writer: postgresIndexWriter(pool),
  });
}

async function liveApp() {
  const build = await liveBuild(pool);
  const { engine } = await engineForStore(await openPostgresStore(pool, build!), OFFLINE_MODEL);
  return { engine, app: createApp({ engine: () => engine, health: () => ({ status: 'ok', modes: engine.modes, manifest: engine.manifest, warnings: [] }) }) };
}

const QUESTIONS = ['Wat is respijtzorg?', 'Hoe pakken we eenzaamheid aan?', 'ontmoetingsplekken in de buurt', 'Wat is de hoofdstad van Australië?'];

/** The one collection of a corpus without collections.json. */
const ALL = [WHOLE_CORPUS.id];

describe('PostgreSQL store', () => {
  it('creates its schema by versioned migrations, once', async () => {
    expect(await migrate(pool)).toEqual([1, 2, 4, 5, 6, 7]);
    expect(await migrate(pool)).toEqual([]);
    const { rows } = await pool.query('SELECT version, file FROM schema_migrations ORDER BY version');
    expect(rows).toEqual([
      { version: 1, file: '001_index.sql' },
      { version: 2, file: '002_feedback.sql' },
      { version: 4, file: '004_collections.sql' },
      { version: 5, file: '005_recognised.sql' },
      { version: 6, file: '006_attribution.sql' },
      { version: 7, file: '007_bylines.sql' },
    ]);
  });

  it('keeps what was recognised from a scan, for the document and its passages, as the embedded store does', async () => {
    const corpus = await writeCorpus();
    await writeFile(join(corpus, 'raadsbesluit-wijkbudget.pdf'), await councilDecisionPdf());
    await buildInto(corpus);
    const { engine: postgres } = await liveApp();
    const { engine: embedded } = await loadEngine(await buildTestIndex(corpus), OFFLINE_MODEL);
    const scanned = await postgres.catalog.getDocument('raadsbesluit-wijkbudget', ALL);
    expect(scanned?.recognised.map((page) => page.page)).toEqual([1, 2]);
    expect(scanned).toEqual(await embedded.catalog.getDocument('raadsbesluit-wijkbudget', ALL));
    const [a, b] = await Promise.all([postgres, embedded].map((engine) => engine.retriever.retrieve('wijkbudget Oosterpark', 3, ALL)));
    expect(a!.passages[0]!.passage.recognised.length).toBeGreaterThan(0);
    expect(a!.passages.map(({ passage }) => passage)).toEqual(b!.passages.map(({ passage }) => passage));
  });

  it('keeps whom a passage is by, as the embedded store does', async () => {
    const INCLUSION = Array.from({ length: 12 }, (_, i) => `Inclusie ${i + 1}: een omgeving waarin iedereen zich welkom voelt en meedoet in de wijk.`);
    const corpus = await writeCorpus({
      ...SMALL_CORPUS,
      // Long enough for a second passage, which starts under the byline.
      'bronnen.txt': ['Jam Cultures', 'Jitske Kramer, September 2020', '', ...INCLUSION, ''].join('\n'),
    });
    await buildInto(corpus);
    const { engine: postgres } = await liveApp();
    const { engine: embedded } = await loadEngine(await buildTestIndex(corpus), OFFLINE_MODEL);
    const [a, b] = await Promise.all([postgres, embedded].map((engine) => engine.retriever.retrieve('inclusie welkom Kramer', 3, ALL)));
    expect(a!.passages.map(({ passage }) => passage.attribution)).toContain('Jitske Kramer, September 2020');
    expect(a!.passages.map(({ passage }) => passage)).toEqual(b!.passages.map(({ passage }) => passage));
  });

  it("tells which of a question's terms each document holds, as the embedded store does, and nothing outside the scope", async () => {
    const corpus = await writeCorpus();
    await buildInto(corpus);
    const { engine: postgres } = await liveApp();
    const { engine: embedded } = await loadEngine(await buildTestIndex(corpus), OFFLINE_MODEL);
    const held = await Promise.all(
      [postgres, embedded].map(async (engine) => {
        const { question, passages } = await engine.retriever.candidates('respijtzorg, dagbesteding of een buurthuis?', ALL);
        const labels = question.concepts.map((concept) => concept.label);
        return Object.fromEntries(
          passages.map((candidate) => [candidate.passage.documentId, [...candidate.evidence.documentHeld].map((c) => labels[c]).sort()]),
        );
      }),
    );
    expect(held[0]).toEqual(held[1]);
    expect(held[1]).toEqual({ mantelzorg: ['dagbesteding', 'respijtzorg'], eenzaamheid: ['buurthuis'] });
    const store = await openPostgresStore(pool, (await liveBuild(pool))!);
    const terms = ['respijtzorg', 'buurthuis'].map((word) => embedded.analyzer.stem(word));
    expect(await store.termsInDocuments(['mantelzorg', 'eenzaamheid'], terms, ALL)).toEqual(
      new Map([
        ['mantelzorg', new Set([terms[0]])],
        ['eenzaamheid', new Set([terms[1]])],
      ]),
    );
    expect(await store.termsInDocuments(['mantelzorg', 'eenzaamheid'], terms, [])).toEqual(new Map());
  });

  it('ranks and answers exactly as the embedded index does', async () => {
    const corpus = await writeCorpus();
    await buildInto(corpus);
    const { engine: postgres } = await liveApp();
    const { engine: embedded } = await loadEngine(await buildTestIndex(corpus), OFFLINE_MODEL);
    for (const question of QUESTIONS) {
      const [a, b] = await Promise.all([postgres.retriever.retrieve(question, 10, ALL), embedded.retriever.retrieve(question, 10, ALL)]);
      expect(a.passages.map(({ passage, score }) => [passage.id, passage.text, score])).toEqual(
        b.passages.map(({ passage, score }) => [passage.id, passage.text, score]),
      );
    }
    expect(await postgres.catalog.listDocuments(ALL)).toEqual(await embedded.catalog.listDocuments(ALL));
    expect(await postgres.catalog.getDocument('mantelzorg', ALL)).toEqual(await embedded.catalog.getDocument('mantelzorg', ALL));
  });

  it('applies a changed and a removed document as one new build; the previous build stays readable', async () => {
    const cacheDir = join(await mkdtemp(join(tmpdir(), 'bronwijzer-pg-')), 'cache');
    await buildInto(await writeCorpus(), OFFLINE_MODEL, cacheDir);
    const before = await liveBuild(pool);
    const previous = await openPostgresStore(pool, before!);
    const keysBefore = (await pool.query<{ key: string; id: string }>('SELECT key, id FROM documents')).rows;

    const { 'eenzaamheid.md': _removed, ...rest } = SMALL_CORPUS;
    await buildInto(
      await writeCorpus({ ...rest, 'mantelzorg.txt': `${SMALL_CORPUS['mantelzorg.txt']}\n\nRespijtzorg kan ook een logeeropvang zijn.` }),
      OFFLINE_MODEL,
      cacheDir,
    );
    const after = await liveBuild(pool);
    expect(after).not.toBe(before);
    const { app } = await liveApp();
    expect(((await (await app.request('/api/documents')).json()) as { id: string }[]).map((document) => document.id)).toEqual(['mantelzorg']);
    expect((await app.request('/api/documents/eenzaamheid')).status).toBe(404);
    const answer = askResponseSchema.parse(await (await app.request('/api/ask', postJson({ question: 'Wat is logeeropvang?' }))).json());
    expect(answer.passages[0]?.text).toContain('logeeropvang');
    // An instance still on the previous build finds what it had.
    expect((await previous.listDocuments(ALL)).map((document) => document.id).sort()).toEqual(['eenzaamheid', 'mantelzorg']);
    // Only the changed document was written anew; the unchanged one was not rewritten.
    const keysAfter = (await pool.query<{ key: string; id: string }>('SELECT key, id FROM documents')).rows;
    expect(keysAfter.filter((row) => !keysBefore.some((old) => old.key === row.key)).map((row) => row.id)).toEqual(['mantelzorg']);
  });

  it('answers 503 while the database is away, and again without a restart once it is back', async () => {
    const { app } = await liveApp();
    expect((await app.request('/api/ask', postJson({ question: 'Wat is respijtzorg?' }))).status).toBe(200);
    await database.stop();
    try {
      const response = await app.request('/api/ask', postJson({ question: 'Wat is respijtzorg?' }));
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: { code: 'store_unavailable', message: expect.stringContaining('database') } });
    } finally {
      await database.start();
    }
    expect((await app.request('/api/ask', postJson({ question: 'Wat is respijtzorg?' }))).status).toBe(200);
  });

  it('keeps vectors in a pgvector column and searches them', async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'bronwijzer-models-'));
    await writeTinyEmbeddingModel(modelsDir);
    const model = { modelsDir, modelId: TINY_MODEL_ID, dtype: 'q8' as const, allowDownload: false };
    await buildInto(await writeCorpus(), model);
    const build = await liveBuild(pool);
    const store = await openPostgresStore(pool, build!);
    expect(store.modes).toEqual(['lexical', 'dense']);
    const { engine } = await engineForStore(store, model);
    const retrieval = await engine.retriever.retrieve('Wat is respijtzorg?', 5, ALL);
    expect(retrieval.passages.some((passage) => typeof passage.similarity === 'number')).toBe(true);
    const { rows } = await pool.query("SELECT indexdef FROM pg_indexes WHERE indexname LIKE 'passages_embedding_hnsw_%'");
    expect(rows[0]?.indexdef).toMatch(/USING hnsw/);
  });

  it('gives the dev questions the same figures as the embedded index, on the bundled corpus', async () => {
    await buildInto(CORPUS_DIR);
    const { app: postgres } = await liveApp();
    const { app: embedded } = await testApp(await buildTestIndex(CORPUS_DIR));
    const questions = parseEvalQuestions(await readFile(DEV_QUESTIONS, 'utf8'));
    const client = (app: typeof postgres) => ({
      ask: async (question: string, k: number) => askResponseSchema.parse(await (await app.request('/api/ask', postJson({ question, k }))).json()),
      document: async (id: string) => documentSchema.parse(await (await app.request(`/api/documents/${id}`)).json()),
    });
    const [a, b] = await Promise.all([evaluate(questions, client(postgres)), evaluate(questions, client(embedded))]);
    const figures = ({ hitAt1, hitAt5, mrrAt10, answerHasGold, answeredWhenAnswerable, refusedWhenUnanswerable, citationsVerbatim }: typeof a) => ({
      hitAt1,
      hitAt5,
      mrrAt10,
      answerHasGold,
      answeredWhenAnswerable,
      refusedWhenUnanswerable,
      citationsVerbatim,
    });
    expect(figures(a)).toEqual(figures(b));
    expect(a.citationsVerbatim).toBe(1);
  });

  it('keeps feedback in the database', async () => {
    const store = postgresFeedbackStore(pool);
    const entry = await store.add(
      { rating: 'up', question: 'Wat is respijtzorg?', answer: '…', answered: true, citations: [] },
      { builtAt: null, corpusHash: null },
    );
    expect((await postgresFeedbackStore(pool).list()).entries).toEqual([entry]);
  });
});

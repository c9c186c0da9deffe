// Colleagues' verdicts on answers: stored with what was asked and answered and the index build,
// kept across a restart, listed and exported; and example questions the index really answers.
import { appendFile, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { IndexManifest } from '../../api/contract.js';
import { fileFeedbackStore } from '../../api/feedback/feedback-store.js';
import { parseEvalQuestions } from '../../scripts/lib/eval/evaluate.js';
import { feedbackAsCsv, feedbackAsEvalQuestions } from '../../scripts/lib/feedback-formats.js';
import { testManifest } from '../fixtures/manifest.js';
import { memoryEngine } from '../fixtures/memory-engine.js';
import { postJson } from '../fixtures/test-index.js';

const manifest: IndexManifest = { ...testManifest('abc123'), builtAt: '2026-11-30T10:00:00.000Z', corpusHash: 'abc123' };
// The verdict is kept with the build of the index that answered it.
const engine = {
  ...memoryEngine('Ondersteuning van mantelzorgers\nAls het nodig is, kan een vrijwilliger de zorg tijdelijk overnemen (respijtzorg).', [
    'Ondersteuning van mantelzorgers',
  ]),
  manifest,
};
const verdict = {
  rating: 'down',
  comment: 'Het citaat gaat over iets anders, "zie" paragraaf 3',
  question: 'Wat is respijtzorg?',
  answer: 'Als het nodig is, kan een vrijwilliger de zorg tijdelijk overnemen (respijtzorg). [1]',
  answered: true,
  mode: 'extractive',
  citations: [{ documentId: 'doc', quote: 'Als het nodig is, …', start: 32, end: 110 }],
};

async function appWithStore({ feedbackPerMinute = 1000, maxBytes }: { feedbackPerMinute?: number; maxBytes?: number } = {}) {
  const file = join(await mkdtemp(join(tmpdir(), 'bronwijzer-feedback-')), 'feedback.jsonl');
  const app = createApp({
    engine: () => engine,
    health: () => ({ status: 'ok', modes: ['lexical'], manifest, warnings: [] }),
    feedback: fileFeedbackStore(file, maxBytes),
    feedbackPerMinute,
    exampleQuestions: async () => ['Wat is respijtzorg?', 'Wat is de hoofdstad van Australië?'],
  });
  return { app, file };
}

describe('feedback', () => {
  it('is stored with the index build and a timestamp, and survives a restart', async () => {
    const { app, file } = await appWithStore();
    const response = await app.request('/api/feedback', postJson(verdict));
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    // A new store on the same file: what a restarted server reads.
    const { entries } = await fileFeedbackStore(file).list();
    expect(entries).toEqual([expect.objectContaining({ ...verdict, id, build: { builtAt: manifest.builtAt, corpusHash: 'abc123' }, at: expect.any(String) })]);
  });

  it('keeps every verdict of many at once, one line each', async () => {
    const { app, file } = await appWithStore();
    await Promise.all(Array.from({ length: 25 }, (_, i) => app.request('/api/feedback', postJson({ ...verdict, comment: `nummer ${i}` }))));
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(25);
    expect((await fileFeedbackStore(file).list()).entries).toHaveLength(25);
  });

  it('takes a client’s verdicts at its own rate, whatever the general limit', async () => {
    const { app } = await appWithStore({ feedbackPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await app.request('/api/feedback', postJson(verdict))).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });

  it('keeps the file within its cap: past half of it, the file becomes .1 and a new one starts', async () => {
    const { app, file } = await appWithStore({ maxBytes: 4_000 });
    for (let i = 0; i < 40; i++) expect((await app.request('/api/feedback', postJson({ ...verdict, comment: `nummer ${i}` }))).status).toBe(201);
    const sizes = await Promise.all([stat(file).catch(() => ({ size: 0 })), stat(`${file}.1`)]);
    expect(sizes[0].size + sizes[1].size).toBeLessThanOrEqual(4_000 + 1_000); // the cap, and the line that passed it
    const { entries } = await fileFeedbackStore(file, 4_000).list();
    expect(entries.at(-1)?.comment).toBe('nummer 39'); // the newest are kept, oldest first
    expect(entries.length).toBeLessThan(40);
  });

  it('refuses a malformed verdict in Dutch', async () => {
    const { app } = await appWithStore();
    const response = await app.request('/api/feedback', postJson({ ...verdict, rating: 'meh' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_request', message: expect.stringContaining('rating moet') } });
  });

  it('lists from a date, skipping a damaged line', async () => {
    const { app, file } = await appWithStore();
    await app.request('/api/feedback', postJson(verdict));
    await appendFile(file, '{"rating": "up", "half\n');
    const store = fileFeedbackStore(file);
    expect(await store.list(new Date('2000-01-01'))).toMatchObject({ entries: [expect.anything()], skipped: 1 });
    expect((await store.list(new Date(Date.now() + 60_000))).entries).toEqual([]);
  });

  it('exports as CSV a spreadsheet reads safely, and a 👎 as an evaluation question to complete', async () => {
    const { app, file } = await appWithStore();
    await app.request('/api/feedback', postJson(verdict));
    await app.request('/api/feedback', postJson({ ...verdict, rating: 'up', comment: '=HYPERLINK("x")' }));
    const { entries } = await fileFeedbackStore(file).list();
    const csv = feedbackAsCsv(entries).split('\r\n');
    expect(csv[0]).toBe('at,rating,question,comment,answered,mode,answer,citations,index_built_at,corpus_hash');
    expect(csv[1]).toContain('"Het citaat gaat over iets anders, ""zie"" paragraaf 3"');
    expect(csv[1]).toContain('doc#32-110');
    expect(csv[2]).toContain(`"'=HYPERLINK(""x"")"`);
    const evalLines = feedbackAsEvalQuestions(entries);
    expect(evalLines.trim().split('\n')).toHaveLength(1); // only the 👎
    expect(JSON.parse(evalLines)).toMatchObject({ question: 'Wat is respijtzorg?', answerable: true, gold: [] });
    expect(() => parseEvalQuestions(evalLines)).toThrow(/no gold quote/);
  });
});

describe('suggestions', () => {
  it('offers only the example questions the index answers', async () => {
    const { app } = await appWithStore();
    expect(await (await app.request('/api/suggestions')).json()).toEqual({ examples: ['Wat is respijtzorg?'] });
  });
});

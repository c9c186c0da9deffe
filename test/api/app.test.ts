import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { askResponseSchema, documentSchema, documentSummarySchema } from '../../api/contract.js';
import type { Engine } from '../../api/engine.js';
import { AppError } from '../../api/errors.js';
import { testManifest } from '../fixtures/manifest.js';
import { memoryLogger } from '../fixtures/memory-logger.js';
import { buildTestIndex, postJson, testApp, writeCorpus } from '../fixtures/test-index.js';

let app: Awaited<ReturnType<typeof testApp>>['app'];

beforeAll(async () => {
  ({ app } = await testApp(await buildTestIndex(await writeCorpus())));
});

const ask = (body: unknown, init?: RequestInit) => app.request('/api/ask', postJson(body, init));

describe('POST /api/ask', () => {
  it('answers with cited, verbatim quotes and the ranked passages', async () => {
    const response = await ask({ question: 'Wat is respijtzorg?' });
    expect(response.status).toBe(200);
    const body = askResponseSchema.parse(await response.json());
    expect(body).toMatchObject({ answered: true, mode: 'extractive' });
    expect(body.citations.length).toBeGreaterThan(0);
    for (const citation of body.citations) {
      const document = documentSchema.parse(await (await app.request(citation.url.split('#')[0]!.replace('/documents/', '/api/documents/'))).json());
      expect(document.text.slice(citation.start, citation.end)).toBe(citation.quote);
      expect(body.answer).toContain(`${citation.quote} [${citation.n}]`);
      expect(citation.title).toBe('Mantelzorgbeleid');
    }
    expect(body.passages[0]!.documentId).toBe('mantelzorg');
    expect(body.passages[0]!.score).toBeGreaterThanOrEqual(body.passages.at(-1)!.score);
  });

  it('respects k', async () => {
    const body = askResponseSchema.parse(await (await ask({ question: 'mantelzorgers eenzaamheid buurt', k: 1 })).json());
    expect(body.passages).toHaveLength(1);
  });

  it('says honestly when the documents hold no answer, and shows what is closest', async () => {
    const body = askResponseSchema.parse(await (await ask({ question: 'Welke wethouder gaat over mantelzorg in Amsterdam?' })).json());
    expect(body.answered).toBe(false);
    expect(body.answer).toMatch(/geen antwoord/);
    expect(body.citations).toEqual([]);
    expect(body.passages.length).toBeGreaterThan(0);
  });

  it.each([
    ['invalid JSON', '{"question": ', 400, 'invalid_json'],
    ['a missing question', {}, 400, 'invalid_request'],
    ['an empty question', { question: '   ' }, 400, 'invalid_request'],
    ['a question of the wrong type', { question: 42 }, 400, 'invalid_request'],
    ['a question over 2000 characters', { question: 'a'.repeat(2001) }, 400, 'invalid_request'],
    ['k out of range', { question: 'respijtzorg', k: 21 }, 400, 'invalid_request'],
    ['k that is not whole', { question: 'respijtzorg', k: 2.5 }, 400, 'invalid_request'],
    ['an oversized body', { question: 'respijtzorg', padding: 'x'.repeat(20_000) }, 413, 'payload_too_large'],
  ])('rejects %s with a JSON error', async (_, body, status, code) => {
    const response = await ask(body);
    expect(response.status).toBe(status);
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe(code);
    expect(json.error.message.length).toBeGreaterThan(5);
  });
});

describe('documents', () => {
  it('lists documents with their metadata and chunk counts', async () => {
    const list = documentSummarySchema.array().parse(await (await app.request('/api/documents')).json());
    expect(list.map((document) => document.id)).toEqual(['eenzaamheid', 'mantelzorg']);
    expect(list[1]).toMatchObject({ title: 'Mantelzorgbeleid', source: 'Gemeente Voorbeeld', date: '2024-01-15', kind: 'text' });
    expect(list[1]!.chunks).toBeGreaterThan(0);
  });

  it('serves the cleaned text every offset refers to', async () => {
    const document = documentSchema.parse(await (await app.request('/api/documents/eenzaamheid')).json());
    expect(document.text).toContain('Eenzaamheid moet worden aangepakt');
    expect(document.kind).toBe('markdown');
  });

  it('answers 404 for an unknown document', async () => {
    const response = await app.request('/api/documents/bestaat-niet');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'document_not_found' } });
  });
});

describe('health and failures', () => {
  it('reports the active retrieval modes and the manifest', async () => {
    const health = (await (await app.request('/health')).json()) as { status: string; modes: string[]; manifest: { counts: { documents: number } } };
    expect(health).toMatchObject({ status: 'ok', modes: ['lexical'] });
    expect(health.manifest.counts.documents).toBe(2);
  });

  it('answers 503 with what to run when there is no index', async () => {
    const noIndex = createApp({
      engine: () => {
        throw new AppError('index_missing', 'Voer "npm run build:index" uit.');
      },
      health: () => ({ status: 'unavailable', modes: [], manifest: null, warnings: [] }),
    });
    const response = await noIndex.request('/api/ask', postJson({ question: 'respijtzorg' }));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'index_missing', message: expect.stringContaining('npm run build:index') } });
    expect((await noIndex.request('/health')).status).toBe(503);
  });

  it('hides unexpected errors behind a generic 500, logged with the request id', async () => {
    const { logger, lines } = memoryLogger();
    const broken = {
      manifest: testManifest('broken'),
      retriever: { retrieve: () => Promise.reject(new Error('secret internals at /srv/app.ts:12')) },
    } as unknown as Engine;
    const failing = createApp({ engine: () => broken, health: () => ({ status: 'ok', modes: [], manifest: null, warnings: [] }), logger });
    const response = await failing.request('/api/ask', postJson({ question: 'respijtzorg' }));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'internal_error' } });
    const logged = lines.find((line) => line.msg === 'unexpected error') as { requestId: string; err: { message: string } };
    expect(logged.err.message).toContain('secret internals');
    expect(logged.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await app.request('/api/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

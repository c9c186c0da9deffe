// The API on a bad day: a hanging language model, a client that walks away, a flood of
// requests, wrong methods and bodies; and the headers every response carries.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChatClient } from '../../api/answer/llm/chat-completions.js';
import { guardChatClient } from '../../api/answer/llm/upstream-guard.js';
import { createApp } from '../../api/app.js';
import { askResponseSchema } from '../../api/contract.js';
import type { Engine } from '../../api/engine.js';
import { memoryEngine } from '../fixtures/memory-engine.js';
import { memoryLogger } from '../fixtures/memory-logger.js';
import { postJson } from '../fixtures/test-index.js';
import { until } from '../fixtures/until.js';
import { hanging, LLM_BASE, llmHandlers } from '../mocks/llm-handlers.js';

const server = setupServer(llmHandlers.normal);
const engine: Engine = memoryEngine(
  'Ondersteuning van mantelzorgers\nAls het nodig is, kan een vrijwilliger de zorg tijdelijk overnemen (respijtzorg). Dit voorkomt overbelasting.',
  ['Ondersteuning van mantelzorgers'],
  { section: 'Ondersteuning van mantelzorgers' },
);
const health = () => ({ status: 'ok' as const, modes: engine.modes, manifest: null, warnings: [] });

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => {
  server.resetHandlers();
  hanging.calls = 0;
  hanging.aborted = 0;
});
afterAll(() => server.close());

function llmApp(options: { timeoutMs?: number; failureThreshold?: number; deadlineMs?: number } = {}) {
  const chat = guardChatClient(createChatClient({ baseUrl: LLM_BASE, model: 'stand-in', apiKey: null, timeoutMs: options.timeoutMs ?? 300 }), {
    maxConcurrent: 4,
    failureThreshold: options.failureThreshold ?? 2,
    cooldownMs: 60_000,
  });
  return { chat, app: createApp({ engine: () => engine, health, chat, defaultMode: 'llm', llmDeadlineMs: options.deadlineMs ?? 300 }) };
}

describe('a hanging language model', () => {
  it('opens the breaker: later answers are extractive at once, with the reason', async () => {
    server.use(llmHandlers.hangs);
    const { app, chat } = llmApp();
    for (let i = 0; i < 2; i++) {
      const body = askResponseSchema.parse(await (await app.request('/api/ask', postJson({ question: 'Wat is respijtzorg?' }))).json());
      expect(body.fallback?.reason).toBe('timeout');
    }
    expect(chat.state()).toBe('open');
    const started = performance.now();
    const body = askResponseSchema.parse(await (await app.request('/api/ask', postJson({ question: 'Wat is respijtzorg?' }))).json());
    expect(performance.now() - started).toBeLessThan(1000);
    expect(body).toMatchObject({ answered: true, mode: 'extractive', fallback: { reason: 'circuit_open' } });
    expect(body.citations.length).toBeGreaterThan(0);
    expect(hanging.calls).toBe(2); // the open breaker did not call the model again
    expect(((await (await app.request('/health')).json()) as { llm: { breaker: string } }).llm.breaker).toBe('open');
  });

  it('gives rewrite and answer one deadline together', async () => {
    server.use(llmHandlers.hangs);
    const { app } = llmApp({ timeoutMs: 5_000, failureThreshold: 10, deadlineMs: 400 });
    const started = performance.now();
    const response = await app.request(
      '/api/ask',
      postJson({ question: 'En wat voorkomt dat?', history: [{ question: 'Wat is respijtzorg?', answer: 'Een vrijwilliger neemt de zorg over.' }] }),
    );
    const body = askResponseSchema.parse(await response.json());
    expect(performance.now() - started).toBeLessThan(1500); // not 400 ms for the rewrite and 400 more for the answer
    expect(body.fallback?.reason).toBe('timeout');
    expect(hanging.calls).toBe(1); // the answer was not asked for once the rewrite had used up the time
  });

  it('stops the upstream call when the client goes away', async () => {
    server.use(llmHandlers.hangs);
    const { app } = llmApp({ timeoutMs: 10_000, deadlineMs: 10_000 });
    const client = new AbortController();
    const pending = Promise.resolve(app.request('/api/ask', postJson({ question: 'Wat is respijtzorg?' }, { signal: client.signal }))).catch(() => null);
    await until(() => hanging.calls > 0, 'the request to reach the language model');
    client.abort();
    await pending;
    await until(() => hanging.aborted === 1, 'the upstream call to be aborted', { timeoutMs: 2_000 });
  });
});

describe('requests', () => {
  const app = createApp({ engine: () => engine, health });

  it('answers a wrong method with 405 and the methods that work', async () => {
    const response = await app.request('/api/ask');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toContain('POST');
    expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed', message: expect.stringContaining('POST') } });
  });

  it('asks for JSON when the body is not declared as JSON', async () => {
    const response = await app.request('/api/ask', { method: 'POST', body: JSON.stringify({ question: 'Wat is respijtzorg?' }) });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({
      error: { code: 'unsupported_media_type', message: expect.stringContaining('Content-Type: application/json') },
    });
  });

  it.each([null, [], 'vraag', { question: 5 }, { question: 'x', history: [null] }])('explains a wrong body %j in Dutch', async (body) => {
    const response = await app.request('/api/ask', postJson(JSON.stringify(body)));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/\b(vraag|JSON-object|tekst|eerdere)\b/); // Dutch, and says what to send
    expect(error.message).not.toMatch(/expected|received|invalid input/i);
  });

  it('limits each client to its rate, with Retry-After', async () => {
    const limited = createApp({ engine: () => engine, health, rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.request('/api/ask', postJson({ question: 'Wat is respijtzorg?' }))).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await limited.request('/api/ask', postJson({ question: 'Wat is respijtzorg?' }));
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/seconden/) } });
  });

  it('answers a request that takes too long with a 503 in Dutch', async () => {
    const slow = { ...engine, retriever: { ...engine.retriever, retrieve: () => new Promise<never>(() => {}) } } as Engine;
    const app = createApp({ engine: () => slow, health, requestTimeoutMs: 100 });
    const response = await app.request('/api/ask', postJson({ question: 'Wat is respijtzorg?' }));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'request_timeout' } });
  });
});

describe('logs', () => {
  it('have one line per request with id, route, status and duration, and no question by default', async () => {
    const { logger, lines } = memoryLogger();
    const app = createApp({ engine: () => engine, health, logger });
    const response = await app.request('/api/ask', postJson({ question: 'Wat is respijtzorg voor mijn moeder?' }));
    const line = lines.find((entry) => entry.msg === 'request')!;
    expect(line).toMatchObject({ requestId: response.headers.get('x-request-id'), method: 'POST', route: '/api/ask', status: 200 });
    expect(line.ms).toEqual(expect.any(Number));
    expect(JSON.stringify(lines)).not.toContain('moeder');
  });

  it('have the question only when LOG_QUESTIONS asks for it', async () => {
    const { logger, lines } = memoryLogger();
    const app = createApp({ engine: () => engine, health, logger, logQuestions: true });
    await app.request('/api/ask', postJson({ question: 'Wat is respijtzorg voor mijn moeder?' }));
    expect(lines.find((entry) => entry.msg === 'request')).toMatchObject({ question: 'Wat is respijtzorg voor mijn moeder?' });
  });
});

describe('the web UI as served', () => {
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const webRoot = await mkdtemp(join(tmpdir(), 'bronwijzer-web-'));
    const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Bronwijzer</title><script type="module" src="/assets/index-abc123.js"></script>');
    await writeFile(join(webRoot, 'widget-demo.html'), '<!doctype html><title>Demo</title>');
    await writeFile(join(webRoot, 'widget.js'), script);
    await import('node:fs/promises').then((fs) => fs.mkdir(join(webRoot, 'assets')));
    await writeFile(join(webRoot, 'assets', 'index-abc123.js'), script);
    await writeFile(join(webRoot, 'assets', 'index-abc123.js.gz'), gzipSync(script));
    await writeFile(join(webRoot, 'assets', 'index-abc123.js.map'), '{"sources":["../src/main.tsx"]}');
    app = createApp({ engine: () => engine, health, webRoot, allowedOrigins: ['https://intranet.gemeente.nl'] });
  });

  it.each(['/', '/documents/mantelzorg', '/widget-demo.html', '/api/documents', '/health'])('sends security headers with %s', async (path) => {
    const response = await app.request(path);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'self' https://intranet.gemeente.nl");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('lets other origins load the widget script, and nothing else', async () => {
    const widget = await app.request('/widget.js');
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await app.request('/')).headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('does not publish source maps', async () => {
    expect((await app.request('/assets/index-abc123.js.map')).status).toBe(404);
  });

  it('sends hashed assets compressed, cached for a year; pages are revalidated', async () => {
    const asset = await app.request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await app.request('/')).headers.get('cache-control')).toBe('no-cache');
  });
});

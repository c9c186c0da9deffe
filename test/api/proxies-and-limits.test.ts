// What a client cannot fake or flood: its address behind proxies, its request id in the log;
// and what the server says at once instead of queueing (load shedding), never caches, never
// serves (its own dotfiles), and answers for a wrong method on /health.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { readEnv } from '../../api/env.js';
import { memoryEngine } from '../fixtures/memory-engine.js';
import { memoryLogger } from '../fixtures/memory-logger.js';

const engine = memoryEngine('Respijtzorg\nEen vrijwilliger kan de zorg tijdelijk overnemen (respijtzorg).', ['Respijtzorg']);
const health = () => ({ status: 'ok' as const, modes: engine.modes, manifest: null, warnings: [] });
const documents = (app: ReturnType<typeof createApp>, headers: Record<string, string> = {}) => app.request('/api/documents', { headers });

describe('the client behind proxies', () => {
  it('is read from the right of X-Forwarded-For: rotating what a client writes on the left gets it nothing', async () => {
    const app = createApp({ engine: () => engine, health, rateLimitPerMinute: 3, trustProxy: { hops: 1 } });
    const statuses: number[] = [];
    // One proxy in front appends the real client (203.0.113.7) to whatever the client sent.
    for (let i = 0; i < 6; i++) statuses.push((await documents(app, { 'x-forwarded-for': `10.0.0.${i}, 203.0.113.7` })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
  });

  it('is the rightmost address that is not a trusted proxy', async () => {
    const app = createApp({ engine: () => engine, health, rateLimitPerMinute: 2, trustProxy: { proxies: new Set(['192.0.2.10', 'unknown']) } });
    const from = async (client: string) => (await documents(app, { 'x-forwarded-for': `6.6.6.6, ${client}, 192.0.2.10` })).status;
    expect([await from('203.0.113.7'), await from('203.0.113.7'), await from('203.0.113.7'), await from('203.0.113.8')]).toEqual([200, 200, 429, 200]);
  });

  it('is configured as false, a number of proxies, or their addresses', () => {
    expect(readEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBeNull();
    expect(readEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toEqual({ hops: 1 });
    expect(readEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toEqual({ hops: 2 });
    expect(readEnv({ TRUST_PROXY: '10.0.0.1, 10.0.0.2' }).TRUST_PROXY).toEqual({ proxies: new Set(['10.0.0.1', '10.0.0.2']) });
    expect(() => readEnv({ TRUST_PROXY: 'de proxy' })).toThrow(/TRUST_PROXY must be false, a number of proxies/);
  });
});

describe('request ids', () => {
  it('are the server’s own unless a trusted proxy gives a plain one', async () => {
    const { logger, lines } = memoryLogger();
    const direct = createApp({ engine: () => engine, health, logger });
    const response = await documents(direct, { 'x-request-id': 'mijn-eigen-id' });
    expect(response.headers.get('x-request-id')).not.toBe('mijn-eigen-id');
    expect(JSON.stringify(lines)).not.toContain('mijn-eigen-id');

    const proxied = createApp({ engine: () => engine, health, trustProxy: { hops: 1 } });
    expect((await documents(proxied, { 'x-request-id': 'proxy-42' })).headers.get('x-request-id')).toBe('proxy-42');
    expect((await documents(proxied, { 'x-request-id': 'a'.repeat(65) })).headers.get('x-request-id')).not.toBe('a'.repeat(65));
  });
});

describe('under load', () => {
  it('answers 503 with Retry-After at once past the requests it may answer together', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The example questions are read when suggestions are first asked: here they wait.
    const app = createApp({ engine: () => engine, health, maxInFlight: 2, exampleQuestions: () => held.then(() => []) });
    const waiting = [app.request('/api/suggestions'), app.request('/api/suggestions')];
    const started = performance.now();
    const refused = await app.request('/api/documents');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ error: { code: 'overloaded', message: expect.stringMatching(/druk/) } });
    release();
    expect((await Promise.all(waiting)).map((response) => response.status)).toEqual([200, 200]);
    expect((await app.request('/api/documents')).status).toBe(200);
  });
});

describe('responses', () => {
  it('are never cached, on the API and /health', async () => {
    const app = createApp({ engine: () => engine, health });
    expect((await documents(app)).headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/health')).headers.get('cache-control')).toBe('no-store');
  });

  it('tell a wrong method on /health that it is GET', async () => {
    const response = await createApp({ engine: () => engine, health }).request('/health', { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toContain('GET');
    expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it('never include the build’s own dotfiles', async () => {
    const webRoot = await mkdtemp(join(tmpdir(), 'bronwijzer-web-'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Bronwijzer</title>');
    await writeFile(join(webRoot, '.build-stamp'), 'secret build details');
    const app = createApp({ engine: () => engine, health, webRoot });
    const response = await app.request('/.build-stamp');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });
});

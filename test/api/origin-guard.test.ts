import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { memoryEngine } from '../fixtures/memory-engine.js';

const engine = memoryEngine('Respijtzorg: een vrijwilliger neemt de zorg tijdelijk over.', ['Respijtzorg']);
const app = createApp({
  engine: () => engine,
  health: () => ({ status: 'ok', modes: ['lexical'], manifest: null, warnings: [] }),
  allowedOrigins: ['https://intranet.gemeente.nl'],
});
const ask = (origin?: string) =>
  app.request('http://bronwijzer.local/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: JSON.stringify({ question: 'Wat is respijtzorg?' }),
  });

describe('cross-origin access', () => {
  it('answers an allowed origin, with CORS headers', async () => {
    const response = await ask('https://intranet.gemeente.nl');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://intranet.gemeente.nl');
  });

  it('answers the same origin and requests without an origin', async () => {
    expect((await ask('http://bronwijzer.local')).status).toBe(200);
    expect((await ask()).status).toBe(200);
  });

  it('refuses any other origin with a JSON 403 that says what to do', async () => {
    const response = await ask('https://elders.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.json()).toMatchObject({ error: { code: 'origin_not_allowed', message: expect.stringContaining('ALLOWED_ORIGINS') } });
  });

  it('answers the preflight of an allowed origin', async () => {
    const response = await app.request('http://bronwijzer.local/api/ask', {
      method: 'OPTIONS',
      headers: { origin: 'https://intranet.gemeente.nl', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });
});

// Who may call the API: the server's own origins, the intranet origins that embed the widget,
// and nobody else; the Host header never decides, and a refusal is readable by the widget.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { loopbackOrigins } from '../../api/http/origins.js';
import { memoryEngine } from '../fixtures/memory-engine.js';

const engine = memoryEngine('Respijtzorg: een vrijwilliger neemt de zorg tijdelijk over.', ['Respijtzorg']);
const OWN = 'https://bronwijzer.gemeente.nl';
const app = createApp({
  engine: () => engine,
  health: () => ({ status: 'ok', modes: ['lexical'], manifest: null, warnings: [] }),
  ownOrigins: [OWN, ...loopbackOrigins(8787)],
  allowedOrigins: ['https://intranet.gemeente.nl'],
});
const ask = (headers: Record<string, string>) =>
  app.request(`${OWN}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', host: 'bronwijzer.gemeente.nl', ...headers },
    body: JSON.stringify({ question: 'Wat is respijtzorg?' }),
  });

describe('cross-origin access', () => {
  it('answers an allowed origin, with CORS headers that let it send the session cookie', async () => {
    const response = await ask({ origin: 'https://intranet.gemeente.nl' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://intranet.gemeente.nl');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    const refused = await ask({ origin: 'https://elders.example' });
    expect(refused.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('takes "Origin: null" from its own page (no referrer) only when the browser says the request is same-origin', async () => {
    expect((await ask({ origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await ask({ origin: 'null', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await ask({ origin: 'null' })).status).toBe(403);
  });

  it('answers its own origins and requests without an origin', async () => {
    expect((await ask({ origin: OWN })).status).toBe(200);
    expect((await ask({})).status).toBe(200);
    expect((await ask({ host: 'localhost:8787', origin: 'http://localhost:8787' })).status).toBe(200);
  });

  it('refuses any other origin with a JSON 403 the refused page can read', async () => {
    const response = await ask({ origin: 'https://elders.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://elders.example');
    expect(await response.json()).toMatchObject({ error: { code: 'origin_not_allowed', message: expect.stringContaining('ALLOWED_ORIGINS') } });
  });

  it('does not let the Host header make an origin its own (DNS rebinding)', async () => {
    const rebound = await ask({ host: 'attacker.example', origin: 'http://attacker.example' });
    expect(rebound.status).toBe(421);
    expect(rebound.headers.get('access-control-allow-origin')).toBe('http://attacker.example');
    expect(await rebound.json()).toMatchObject({ error: { code: 'host_not_allowed' } });
    // A rebinding page reading the API same-origin sends no Origin at all: the Host alone refuses it.
    const documents = await app.request(`${OWN}/api/documents`, { headers: { host: 'attacker.example:8787' } });
    expect(documents.status).toBe(421);
  });

  it('answers the preflight of an allowed origin', async () => {
    const response = await app.request(`${OWN}/api/ask`, {
      method: 'OPTIONS',
      headers: {
        host: 'bronwijzer.gemeente.nl',
        origin: 'https://intranet.gemeente.nl',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('gives /health CORS headers for allowed origins, so the widget can check the server', async () => {
    const response = await app.request(`${OWN}/health`, { headers: { host: 'bronwijzer.gemeente.nl', origin: 'https://intranet.gemeente.nl' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://intranet.gemeente.nl');
  });
});

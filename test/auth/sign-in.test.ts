// Signing in through a real OpenID provider (oidc-provider on loopback), and the session cookie
// as an attacker would try it: changed, sealed with another secret, expired, made for the
// sign-in step, replayed after logout, sent along from another origin; and returnTo pointed
// elsewhere. Feedback from a signed-in colleague keeps a pseudonym, never their name.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealer } from '../../api/auth/session-cookie.js';
import { SESSION_COOKIE } from '../../api/auth/sign-in.js';
import { COLLECTIONS_CORPUS } from '../fixtures/collections-corpus.js';
import { type CookieJar, type IdentityProvider, signInAs } from '../fixtures/identity-provider.js';
import { SESSION_SECRET, type SignInServer, startSignInServer } from '../fixtures/signed-in-server.js';
import { buildTestIndexInto, writeCorpus } from '../fixtures/test-index.js';

let running: SignInServer;
let provider: IdentityProvider;
let appUrl: string;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'bronwijzer-sign-in-'));
  const corpus = await writeCorpus(COLLECTIONS_CORPUS);
  await buildTestIndexInto(corpus, join(work, 'index'));
  running = await startSignInServer({ corpus, indexDir: join(work, 'index'), work });
  ({ provider, appUrl } = running);
});
afterAll(async () => {
  await running?.close();
});

const me = (cookie: string) => fetch(`${appUrl}/api/me`, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
const sessionOf = (jar: CookieJar) => jar.get(new URL(appUrl).host, SESSION_COOKIE)!;

describe('signing in', () => {
  it('goes through the provider and back, with the groups the provider gives', async () => {
    const jar = await signInAs(appUrl, 'wmo-medewerker');
    const response = await me(sessionOf(jar));
    expect(await response.json()).toMatchObject({ signedIn: true, name: 'Willem Mol', collections: [{ id: 'openbaar' }, { id: 'team-wmo' }] });
  });

  it('sets the session cookie HttpOnly and SameSite, for the whole site', async () => {
    const start = await fetch(`${appUrl}/auth/login?returnTo=/documents`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    expect(start.headers.get('location')!.startsWith(provider.issuer)).toBe(true);
    expect(start.headers.getSetCookie().join(';')).toMatch(/HttpOnly/i);
    expect(start.headers.getSetCookie().join(';')).toMatch(/SameSite=Lax/i);
  });

  it.each(['https://elders.example/', '//elders.example/pad', '/\\elders.example', 'javascript:alert(1)'])('refuses returnTo "%s"', async (returnTo) => {
    const response = await fetch(`${appUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_request', message: expect.stringContaining('pad op deze site') } });
  });
});

describe('a session cookie', () => {
  it('that was changed is refused with 401, and removed', async () => {
    const cookie = sessionOf(await signInAs(appUrl, 'jeugd-medewerker'));
    const changed = `${cookie.slice(0, 40)}${cookie[40] === 'A' ? 'B' : 'A'}${cookie.slice(41)}`;
    const response = await me(changed);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'session_invalid', message: expect.stringContaining('Log opnieuw in') } });
    expect(response.headers.getSetCookie().join(';')).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Max-Age=0`, 'i'));
  });

  it('sealed with another secret is refused, whatever groups it claims', async () => {
    const forged = await createSealer('een-ander-geheim-van-een-aanvaller-0123456789').seal(
      { sid: 'x', sub: 'aanvaller', groups: ['jeugd', 'wmo'] },
      'session',
      3600,
    );
    expect((await me(forged)).status).toBe(401);
  });

  it('made for the sign-in step is no session', async () => {
    const other = await createSealer(SESSION_SECRET).seal({ sid: 'x', sub: 'aanvaller', groups: ['wmo'] }, 'sign-in', 3600);
    expect((await me(other)).status).toBe(401);
  });

  it('that expired is refused', async () => {
    const expiring = await createSealer(SESSION_SECRET).seal({ sid: 'y', sub: 'jeugd-medewerker', groups: ['jeugd'] }, 'session', 1);
    expect((await me(expiring)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await me(expiring)).status).toBe(401);
  });

  it('is dead after logout, also as a copy, and logout ends the provider session too', async () => {
    const cookie = sessionOf(await signInAs(appUrl, 'jeugd-medewerker'));
    const logout = await fetch(`${appUrl}/auth/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: `${SESSION_COOKIE}=${cookie}`, origin: appUrl },
    });
    expect(logout.status).toBe(303);
    expect(logout.headers.get('location')).toMatch(new RegExp(`^${provider.issuer}/session/end`));
    expect(logout.headers.getSetCookie().join(';')).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    expect((await me(cookie)).status).toBe(401);
  });

  it('sent along from another origin does not make a POST count', async () => {
    const cookie = sessionOf(await signInAs(appUrl, 'wmo-medewerker'));
    const response = await fetch(`${appUrl}/api/ask`, {
      method: 'POST',
      headers: { cookie: `${SESSION_COOKIE}=${cookie}`, origin: 'https://elders.example', 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'Hoe hoog wordt de eigen bijdrage voor de Wmo in 2027?' }),
    });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toMatch(/eenentwintig/);
    const logout = await fetch(`${appUrl}/auth/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: `${SESSION_COOKIE}=${cookie}`, origin: 'https://elders.example' },
    });
    expect(logout.status).toBe(403);
    expect((await me(cookie)).status).toBe(200);
  });
});

describe('feedback of a signed-in colleague', () => {
  it('keeps the collections searched and a pseudonym, never the name', async () => {
    const cookie = sessionOf(await signInAs(appUrl, 'wmo-medewerker'));
    const response = await fetch(`${appUrl}/api/feedback`, {
      method: 'POST',
      headers: { cookie: `${SESSION_COOKIE}=${cookie}`, origin: appUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ rating: 'up', question: 'Wat is respijtzorg?', answer: 'Zie de bron.', answered: true, citations: [] }),
    });
    expect(response.status).toBe(201);
    const stored = (await readFile(join(work, 'feedback.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const entry = stored.at(-1);
    expect(entry).toMatchObject({ collections: ['openbaar', 'team-wmo'], user: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(JSON.stringify(stored)).not.toMatch(/Willem|wmo-medewerker/);
  });
});

// Nobody reads what they may not, on every route, for every caller: a real server, signed in
// through a real OpenID provider (oidc-provider on loopback) as colleagues in different groups,
// and anonymously; in both stores. What a caller may not read never shows in any response: no
// passage, quote, title, suggestion, document id or collection name. What they may read does.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromEnv } from '../../api/build/build-from-env.js';
import { readEnv } from '../../api/env.js';
import type { RunningServer } from '../../api/server.js';
import { createPool } from '../../api/store/postgres/pool.js';
import { postgresIndexWriter } from '../../api/store/postgres/postgres-writer.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { type LocalPostgres, startLocalPostgres } from '../../scripts/lib/pglite-server.js';
import { ACCOUNTS, COLLECTIONS_CORPUS, PROBE_QUESTIONS, SECRETS } from '../fixtures/collections-corpus.js';
import { type CookieJar, signInAs } from '../fixtures/identity-provider.js';
import { OFFLINE_MODEL } from '../fixtures/paths.js';
import { type SignInServer, startSignInServer } from '../fixtures/signed-in-server.js';
import { buildTestIndexInto, writeCorpus } from '../fixtures/test-index.js';

/** Who may read which restricted collection. */
const READS: Record<string, (keyof typeof SECRETS)[]> = {
  anonymous: [],
  'jeugd-medewerker': ['team-jeugd'],
  'wmo-medewerker': ['team-wmo'],
  beleidsmedewerker: [],
};

describe.each(['embedded', 'postgres'] as const)('every route, for every caller (%s store)', (store) => {
  let running: SignInServer;
  let server: RunningServer;
  let database: LocalPostgres | null = null;
  const jars = new Map<string, CookieJar | null>();

  beforeAll(async () => {
    const corpus = await writeCorpus({ ...COLLECTIONS_CORPUS, 'voorbeeldvragen.json': JSON.stringify(PROBE_QUESTIONS) });
    const work = await mkdtemp(join(tmpdir(), 'bronwijzer-access-'));
    const storeEnv: Record<string, string> = {};
    if (store === 'postgres') {
      database = await startLocalPostgres({ port: await freePort() });
      const pool = createPool({ url: database.url, max: 2 });
      await buildFromEnv(readEnv({ CORPUS_DIR: corpus }), { cacheDir: join(work, 'cache'), model: OFFLINE_MODEL, writer: postgresIndexWriter(pool) });
      await pool.end();
      Object.assign(storeEnv, { STORE: 'postgres', DATABASE_URL: database.url });
    } else {
      await buildTestIndexInto(corpus, join(work, 'index'));
    }
    running = await startSignInServer({ corpus, indexDir: join(work, 'index'), work, env: storeEnv });
    server = running.server;
    jars.set('anonymous', null);
    for (const login of Object.keys(ACCOUNTS)) jars.set(login, await signInAs(running.appUrl, login));
  });
  afterAll(async () => {
    await running?.close();
    await database?.close();
  });

  /** Every response a caller can get, as text. */
  async function everythingSeenBy(jar: CookieJar | null): Promise<string[]> {
    const seen: string[] = [];
    /** The response body, without what the caller wrote themselves (an id asked for is echoed in "not found"). */
    const call = async (path: string, init: RequestInit = {}, asked = '') => {
      const url = new URL(path, server.url);
      const response = await fetch(url, { ...init, headers: { ...(init.headers ?? {}), ...(jar ? { cookie: jar.header(url) } : {}) } });
      const text = await response.text();
      seen.push(asked ? text.replaceAll(asked, '…') : text);
      return { status: response.status, text };
    };
    const post = (path: string, body: unknown) =>
      call(path, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(body) });
    for (const question of PROBE_QUESTIONS) {
      await post('/api/ask', { question });
      await post('/api/ask/stream', { question });
      // A follow-up, and asking for collections by name: still only what the caller may read.
      await post('/api/ask', { question: 'En hoe lang duurt dat?', history: [{ question, answer: 'Dat staat in de bronnen.' }] });
      await post('/api/ask', { question, collections: ['team-jeugd', 'team-wmo', 'openbaar'] });
    }
    await call('/api/suggestions');
    await call('/api/documents');
    await call('/api/me');
    await call('/health');
    for (const id of ['team-jeugd-jeugdhulp-concept', 'team-wmo-wmo-embargo', 'openbaar-mantelzorg', 'bestaat-niet'])
      await call(`/api/documents/${id}`, {}, id);
    return seen;
  }

  it.each(Object.keys(READS))('shows %s nothing of a collection they may not read, and what they may', async (caller) => {
    const seen = (await everythingSeenBy(jars.get(caller)!)).join('\n');
    for (const [collection, secrets] of Object.entries(SECRETS) as [keyof typeof SECRETS, string[]][]) {
      for (const secret of secrets) {
        if (READS[caller]!.includes(collection)) continue;
        expect(seen.includes(secret), `${caller} saw "${secret}" of ${collection}`).toBe(false);
      }
    }
    // The test can fail: a reader of a collection is shown its phrases.
    for (const collection of READS[caller]!)
      expect(
        SECRETS[collection].some((secret) => seen.includes(secret)),
        `${caller} reads ${collection}`,
      ).toBe(true);
    expect(seen).toContain('vrijwilliger de zorg tijdelijk overnemen');
  });

  it('answers a document one may not read exactly as one that does not exist', async () => {
    const restricted = await fetch(new URL('/api/documents/team-wmo-wmo-embargo', server.url));
    const missing = await fetch(new URL('/api/documents/team-wmo-bestaat-niet', server.url));
    expect(restricted.status).toBe(404);
    expect((await restricted.text()).replace('team-wmo-wmo-embargo', 'ID')).toBe((await missing.text()).replace('team-wmo-bestaat-niet', 'ID'));
  });

  it('tells each caller who they are and which collections they may search', async () => {
    const me = async (login: string | null) => {
      const url = new URL('/api/me', server.url);
      const jar = login ? jars.get(login)! : null;
      return (await fetch(url, { headers: jar ? { cookie: jar.header(url) } : {} })).json();
    };
    expect(await me(null)).toEqual({ signedIn: false, signInConfigured: true, collections: [{ id: 'openbaar', title: 'Openbare documenten' }] });
    expect(await me('jeugd-medewerker')).toEqual({
      signedIn: true,
      name: 'Jet de Jong',
      signInConfigured: true,
      collections: [
        { id: 'openbaar', title: 'Openbare documenten' },
        { id: 'team-jeugd', title: 'Team Jeugd' },
      ],
    });
  });
});

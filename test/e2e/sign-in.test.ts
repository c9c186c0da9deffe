// Signing in in a real browser: Chromium follows "Inloggen" to a real OpenID provider on
// loopback (oidc-provider), fills in its own login and consent pages, comes back signed in,
// searches the team's collection and sees where each source is from; logging out ends it.
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningServer } from '../../api/server.js';
import { COLLECTIONS_CORPUS } from '../fixtures/collections-corpus.js';
import type { IdentityProvider } from '../fixtures/identity-provider.js';
import { type SignInServer, startSignInServer } from '../fixtures/signed-in-server.js';
import { buildTestIndexInto, writeCorpus } from '../fixtures/test-index.js';
import { cspViolations, launchBrowser, screenshot } from './browser.js';

const folders = inject('e2eFolders');
let browser: Browser;
let running: SignInServer;
let provider: IdentityProvider;
let server: RunningServer;

beforeAll(async () => {
  const work = await mkdtemp(join(folders.work, 'sign-in-'));
  const corpus = await writeCorpus(COLLECTIONS_CORPUS);
  await buildTestIndexInto(corpus, join(work, 'index'));
  running = await startSignInServer({ corpus, indexDir: join(work, 'index'), work, webRoot: folders.webRoot, modelsDir: folders.modelsDir });
  ({ server, provider } = running);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

async function ask(page: Page, question: string) {
  await page.getByLabel('Stel je vraag').fill(question);
  await page.getByLabel('Stel je vraag').press('Enter');
}

describe('signing in', () => {
  it("through the provider's own pages, then searching the team's collection, then out again", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const violations = cspViolations(page);
    await page.goto(server.url);
    await ask(page, 'Hoe lang is de wachttijd voor jeugdhulp?');
    await page.getByText('Geen antwoord gevonden').waitFor();

    await page.getByRole('link', { name: 'Inloggen' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await screenshot(page, '20-provider-login');
    await page.locator('input[name="login"]').fill('jeugd-medewerker');
    await page.locator('input[name="password"]').fill('wachtwoord');
    await page.locator('button[type="submit"]').click();
    // The provider asks once whether Bronwijzer may have the profile.
    await page.locator('button[type="submit"]').click();
    await page.getByText('Ingelogd als Jet de Jong.').waitFor();
    await screenshot(page, '21-signed-in');

    await page.getByLabel('Zoek in:').selectOption({ label: 'Team Jeugd' });
    await ask(page, 'Hoe lang is de wachttijd voor jeugdhulp?');
    const answer = page.locator('.turn').last();
    await answer
      .locator('.answer-text')
      .getByText(/vier weken/)
      .waitFor();
    expect(await answer.locator('.source-card .source-meta').first().textContent()).toMatch(/^Collectie: Team Jeugd/);
    await screenshot(page, '22-team-answer');

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    // The provider asks to confirm signing out there too.
    await page.locator('button[type="submit"], input[type="submit"]').first().click();
    await page.waitForURL((url) => url.origin === new URL(server.url).origin);
    await page.getByRole('link', { name: 'Inloggen' }).waitFor();
    expect(await page.getByLabel('Zoek in:').count()).toBe(0);
    expect(violations).toEqual([]);
    await page.close();
  });
});

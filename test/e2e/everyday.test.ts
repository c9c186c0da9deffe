// The chat, the document library, the document view and the widget as colleagues use them all
// day, in Chromium against the real server: what stays visible, where focus goes, what a
// decline offers, and feedback that outlives a restart.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { readEnv } from '../../api/env.js';
import { fileFeedbackStore } from '../../api/feedback/feedback-store.js';
import { startServer } from '../../api/server.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { PROJECT_ROOT } from '../fixtures/paths.js';
import { cspViolations, launchBrowser, screenshot } from './browser.js';

const baseUrl = inject('baseUrl');
const folders = inject('e2eFolders');
let browser: Browser;
let context: BrowserContext;
let violations: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async () => {
  await context?.close();
  expect(violations).toEqual([]);
});

async function open(url: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  context = await browser.newContext({ viewport });
  const page = await context.newPage();
  violations = cspViolations(page);
  await page.goto(url);
  return page;
}

async function ask(page: Page, question: string) {
  await page.getByLabel('Stel je vraag').fill(question);
  await page.getByLabel('Stel je vraag').press('Enter');
}

/** The question and the start of its answer are on screen, above the question form. */
async function expectLatestAnswerVisible(page: Page, answerSelector: string) {
  const viewport = page.viewportSize()!;
  const form = await page.locator('.chat-form').boundingBox();
  const turn = page.locator('.turn').last();
  const question = await turn.locator('.turn-question').boundingBox();
  const answer = await turn.locator(answerSelector).first().boundingBox();
  expect(question!.y).toBeGreaterThanOrEqual(0);
  expect(answer!.y + answer!.height).toBeLessThanOrEqual(form!.y + 1);
  expect(form!.y + form!.height).toBeLessThanOrEqual(viewport.height + 1);
}

describe('the conversation', () => {
  for (const viewport of [
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
  ]) {
    it(`keeps the latest answer above the question form at ${viewport.width}×${viewport.height}`, async () => {
      const page = await open(baseUrl, viewport);
      for (const question of ['Welke werkzame elementen hebben eenzaamheidsinterventies?', 'Wat is de sociale basis?', 'Wat is respijtzorg?']) {
        await ask(page, question);
        await page.locator('.turn').last().locator('.answer-text').waitFor();
      }
      await expectLatestAnswerVisible(page, '.answer-text');
      await screenshot(page, `20-conversation-${viewport.width}`);
      await ask(page, 'Wat is de hoofdstad van Australië?');
      await page.locator('.turn').last().getByText('Geen antwoord gevonden').waitFor();
      await expectLatestAnswerVisible(page, '.not-found-heading');
      await screenshot(page, `21-decline-${viewport.width}`);
    });
  }

  it('never hides a focused element under the question form', async () => {
    const page = await open(baseUrl, { width: 390, height: 844 });
    for (const question of ['Wat is respijtzorg?', 'Wat is de sociale basis?']) {
      await ask(page, question);
      await page.locator('.turn').last().locator('.answer-text').waitFor();
    }
    await page.locator('.skip-link').focus();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const hidden = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        const form = document.querySelector('.chat-form');
        if (!active || active === document.body || !form || form.contains(active)) return null;
        const box = active.getBoundingClientRect();
        return box.bottom > form.getBoundingClientRect().top + 1 && box.top < window.innerHeight ? active.outerHTML.slice(0, 120) : null;
      });
      expect(hidden).toBeNull();
    }
  });

  it('declines with nothing close without "hieronder", and offers example questions and the documents', async () => {
    const page = await open(baseUrl);
    await ask(page, 'Wat is een xylofoon?');
    const turn = page.locator('.turn').last();
    await turn.getByText('Geen antwoord gevonden').waitFor();
    expect((await turn.textContent())!.toLowerCase()).not.toContain('hieronder');
    expect(await turn.getByRole('heading', { name: 'Passages die er het dichtst bij komen' }).count()).toBe(0);
    const example = turn.getByRole('button', { name: 'Wat is respijtzorg?' });
    await example.waitFor();
    await screenshot(page, '22-decline-without-passages');
    await turn.getByRole('link', { name: 'Bekijk alle documenten' }).waitFor();
    await example.click();
    await page
      .locator('.turn')
      .last()
      .locator('.answer-text')
      .getByText(/tijdelijk overnemen \(respijtzorg\)/)
      .waitFor();
  });

  it('starts empty with example questions to try', async () => {
    const page = await open(baseUrl);
    await page.getByRole('heading', { name: 'Voorbeeldvragen' }).waitFor();
    expect(await page.getByRole('button', { name: 'Wat is respijtzorg?' }).count()).toBe(1);
  });

  it('puts the skip link first in the tab order', async () => {
    const page = await open(baseUrl);
    await page.locator('.skip-link').waitFor({ state: 'attached' }); // the app has rendered
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))).toMatch(/class="skip-link"/);
  });
});

describe('the documents', () => {
  it('are listed with their kind, source, date and passages, and filtered as you type', async () => {
    const page = await open(`${baseUrl}/documents`);
    const rows = page.locator('table.library tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(5);
    expect(await page.title()).toBe('Documenten – Bronwijzer');
    await screenshot(page, '23-library');
    await page.getByLabel('Zoek in de lijst').fill('cohesie');
    await page.getByText('1 van 5 documenten').waitFor();
    expect(await rows.count()).toBe(1);
    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /Sociale cohesie/ }).waitFor();
  });

  it('open with a table of contents, find-in-document and steps between the cited passages', async () => {
    const page = await open(baseUrl);
    await ask(page, 'Wat is de sociale basis?');
    const chips = page.locator('.turn').last().locator('.chip');
    await chips.first().waitFor();
    const cited = new Set(await chips.evaluateAll((links) => links.map((link) => link.getAttribute('href')!.split('#')[0])));
    expect(cited.size).toBe(1); // all from one document, so the view can step between them
    await chips.first().click();
    await page.getByLabel('Geciteerde passage').waitFor();
    expect(await page.title()).toMatch(/– Bronwijzer$/);

    const steps = page.getByRole('navigation', { name: 'Citaten uit dit antwoord' });
    const position = steps.getByText(/^Citaat \d+ van \d+ in dit document$/);
    await position.waitFor();
    const [at, of] = (await position.textContent())!.match(/\d+/g)!.map(Number) as [number, number];
    expect(of).toBeGreaterThanOrEqual(2); // several passages of one document cited: there is somewhere to step to
    if (at < of) await steps.getByRole('button', { name: /Volgende geciteerde passage/ }).click();
    else await steps.getByRole('button', { name: /Vorige geciteerde passage/ }).click();
    await steps.getByText(`Citaat ${at < of ? at + 1 : at - 1} van ${of} in dit document`).waitFor();
    expect(await page.getByLabel('Geciteerde passage').evaluate((element) => element === document.activeElement)).toBe(true);
    await screenshot(page, '24-document-cited-steps');

    const toc = page.getByRole('navigation', { name: 'Inhoud' });
    const entry = toc.getByRole('link').nth(2);
    const title = (await entry.textContent())!;
    await entry.click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(title);

    await page.getByLabel('Zoek in dit document').fill('sociale basis');
    const count = page.locator('.find-count');
    await count.getByText(/^1 van \d+$/).waitFor();
    const total = Number((await count.textContent())!.split(' van ')[1]);
    expect(total).toBeGreaterThan(1);
    await page.getByLabel('Zoek in dit document').press('Enter');
    await count.getByText(/^2 van \d+$/).waitFor();
    const current = await page.locator('.find-current').first().boundingBox();
    const header = await page.locator('.document-header').boundingBox();
    expect(current!.y).toBeGreaterThanOrEqual(header!.y + header!.height - 1); // not under the sticky header
    await screenshot(page, '25-document-find');

    // Back to the conversation: at the question the citation came from, with focus on it.
    await page.getByRole('link', { name: '← Terug naar het gesprek' }).click();
    await page.locator('.turn-question:focus').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Wat is de sociale basis?');
  });
});

describe('the widget', () => {
  it('keeps its size on a page with a huge root font, takes focus, keeps it, and closes on Escape', async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    violations = [];
    await page.goto(`${baseUrl}/widget-demo.html`);
    await page.addStyleTag({ content: 'html { font-size: 40px !important } * { font-size: 40px !important }' });
    const launcher = page.getByRole('button', { name: 'Vraag het beleid' });
    await launcher.waitFor();
    expect(await launcher.evaluate((element) => getComputedStyle(element).fontSize)).toBe('16px');

    await launcher.click();
    const dialog = page.getByRole('dialog', { name: 'Vraag het beleid' });
    const input = dialog.getByLabel('Stel je vraag');
    await expect.poll(() => input.evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await input.evaluate((element) => getComputedStyle(element).fontSize)).toBe('16px');
    expect((await dialog.locator('.conversation').boundingBox())!.width).toBeGreaterThan(300);
    await screenshot(page, '26-widget-huge-host-font');

    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => document.activeElement?.hasAttribute('data-bronwijzer-widget') ?? false);
      expect(inside).toBe(true); // focus stays in the widget (its shadow host)
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isHidden()).toBe(true);
    // Focus returns to the launcher once the panel has closed (a frame later in some browsers).
    await expect.poll(() => launcher.evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  });
});

describe('feedback', () => {
  it('is kept across a server restart and exported', async () => {
    const file = join(folders.work, 'feedback-restart.jsonl');
    const env = readEnv({
      PORT: String(await freePort()),
      INDEX_DIR: folders.indexDir,
      WEB_ROOT: folders.webRoot,
      MODELS_DIR: folders.modelsDir,
      ALLOW_MODEL_DOWNLOAD: 'false',
      LOG_LEVEL: 'silent',
      FEEDBACK_FILE: file,
    });
    let server = await startServer(env);
    const page = await open(server.url);
    await ask(page, 'Wat is respijtzorg?');
    await page.getByRole('button', { name: 'Nee, niet nuttig' }).click();
    await page.getByLabel('Toelichting (niet verplicht)').fill('Ik zocht de kosten');
    await screenshot(page, '27-feedback');
    await page.getByRole('button', { name: 'Verstuur beoordeling' }).click();
    await page.getByText('Bedankt voor je beoordeling.').waitFor();
    await server.close();

    server = await startServer(env);
    try {
      const { entries } = await fileFeedbackStore(file).list();
      expect(entries).toEqual([expect.objectContaining({ rating: 'down', comment: 'Ik zocht de kosten', question: 'Wat is respijtzorg?' })]);
      const exported = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'feedback.ts'), '--csv', '--since', '2000-01-01'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, FEEDBACK_FILE: file },
        encoding: 'utf8',
      });
      expect(exported.status).toBe(0);
      expect(exported.stdout.split('\r\n')[1]).toMatch(/,down,Wat is respijtzorg\?,Ik zocht de kosten,true,/);
    } finally {
      await server.close();
    }
  });
});

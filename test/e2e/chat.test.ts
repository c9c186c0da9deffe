// The chat in a real browser against the real server and corpus: ask, read, follow a citation
// to its highlighted passage, copy it, by mouse and by keyboard, on a wide and a narrow screen.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { cspViolations, launchBrowser, screenshot } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let violations: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  page = await context.newPage();
  violations = cspViolations(page);
  requests.length = 0;
  page.on('request', (request) => requests.push(request.url()));
});
afterEach(async () => {
  await context.close();
  expect(violations).toEqual([]); // everything the page needs satisfies the Content-Security-Policy
});

async function ask(question: string) {
  await page.getByLabel('Stel je vraag').fill(question);
  await page.getByLabel('Stel je vraag').press('Enter');
}

describe('the chat page', () => {
  it('answers with cited sources, follows a citation to the highlighted passage, and back', async () => {
    await page.goto(baseUrl);
    await screenshot(page, '01-chat-empty');
    await ask('Wat is respijtzorg?');
    const chip = page.getByRole('link', { name: /^Bron 1:/ });
    await chip.waitFor();
    expect(await page.locator('.answer-text').textContent()).toContain('tijdelijk overnemen (respijtzorg)');
    await screenshot(page, '02-chat-answer');

    const quote = (await page.locator('.source-quote').first().textContent())!.replace(/^„|”$/g, '');
    await chip.click();
    const mark = page.getByLabel('Geciteerde passage');
    await mark.waitFor();
    expect(await mark.textContent()).toBe(quote);
    expect(page.url()).toMatch(/\/documents\/[a-z-]+#\d+-\d+$/);
    expect(await mark.evaluate((element) => element === document.activeElement)).toBe(true);
    await screenshot(page, '03-document-highlight');

    await page.goBack();
    await page.getByRole('link', { name: /^Bron 1:/ }).waitFor(); // the conversation survived
  });

  it('opens a shared document link straight at the passage', async () => {
    await page.goto(baseUrl);
    await ask('Wat is gemeenschapskracht?');
    const href = await page.getByRole('link', { name: /^Bron 1:/ }).getAttribute('href');
    const quote = (await page.locator('.source-quote').first().textContent())!.replace(/^„|”$/g, '');
    const fresh = await context.newPage();
    await fresh.goto(new URL(href!, baseUrl).href);
    expect(await fresh.getByLabel('Geciteerde passage').textContent()).toBe(quote);
  });

  it('copies a memo-ready citation to the clipboard', async () => {
    await page.goto(baseUrl);
    await ask('Wat is respijtzorg?');
    await page.getByRole('button', { name: 'Kopieer citaat' }).first().click();
    await page.getByText('Gekopieerd').first().waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(
      /^„Als het nodig is, kan een professionele kracht of vrijwilliger de zorg tijdelijk overnemen \(respijtzorg\)\.” \(Kennisdossier Sociale omgeving, Gezond in…, paragraaf “Ondersteuning van mantelzorgers”\)\. http:\/\/.+\/documents\/kennisdossier-sociale-omgeving#\d+-\d+$/,
    );
    await screenshot(page, '04-citation-copied');
  });

  it('shows an honest "not found" with the closest passages', async () => {
    await page.goto(baseUrl);
    await ask('Wat is de hoofdstad van Australië?');
    await page.getByText('Geen antwoord gevonden').waitFor();
    expect(await page.getByRole('heading', { name: 'Passages die er het dichtst bij komen' }).count()).toBe(1);
    await screenshot(page, '05-not-found');
  });

  it('works with the keyboard alone', async () => {
    await page.goto(baseUrl);
    const input = page.getByLabel('Stel je vraag');
    const focused = () => input.evaluate((element) => element === document.activeElement);
    // The example questions load after the page: until they are in, fewer stops precede the input.
    await page.getByRole('button', { name: /\?$/ }).first().waitFor();
    for (let i = 0; i < 20 && !(await focused()); i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    await page.keyboard.type('Wat is respijtzorg?');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: /^Bron 1:/ }).waitFor();
    await page.getByRole('link', { name: /^Bron 1:/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Geciteerde passage').waitFor();
  });

  it('fits a narrow screen and loads nothing from outside the host', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(baseUrl);
    await ask('Welke werkzame elementen hebben eenzaamheidsinterventies?');
    await page.getByRole('link', { name: /^Bron 1:/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, '06-narrow-screen');
    expect(requests.filter((url) => !url.startsWith(baseUrl) && !url.startsWith('data:'))).toEqual([]);
  });
});

describe('the widget on the demo intranet page', () => {
  it('answers, links to the full document in a new tab, copies, and keeps styles apart', async () => {
    await page.goto(`${baseUrl}/widget-demo.html`);
    const launcher = page.getByRole('button', { name: 'Vraag het beleid' });
    await launcher.waitFor();
    await screenshot(page, '07-widget-closed');

    // The intranet's loud button styles stay out of the widget, and the widget's stay out of the page.
    expect(await launcher.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgb(255, 105, 180)');
    expect(await page.getByRole('button', { name: 'Een knop van het intranet' }).evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
      'rgb(255, 105, 180)',
    );

    await launcher.click();
    await page.getByRole('dialog', { name: 'Vraag het beleid' }).getByLabel('Stel je vraag').fill('Wat is respijtzorg?');
    await page.getByRole('dialog', { name: 'Vraag het beleid' }).getByRole('button', { name: 'Vraag' }).click();
    const chip = page.getByRole('link', { name: /^Bron 1:.*nieuw tabblad/ });
    await chip.waitFor();
    expect(await chip.getAttribute('target')).toBe('_blank');
    await screenshot(page, '08-widget-answer');

    await page.getByRole('button', { name: 'Kopieer citaat' }).first().click();
    await page.getByText('Gekopieerd').first().waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /^„Als het nodig is, kan een professionele kracht of vrijwilliger de zorg tijdelijk overnemen \(respijtzorg\)\.”/,
    );

    const [documentTab] = await Promise.all([context.waitForEvent('page'), chip.click()]);
    await documentTab.getByLabel('Geciteerde passage').waitFor();
    expect(await documentTab.getByLabel('Geciteerde passage').textContent()).toContain('respijtzorg');
    await screenshot(documentTab, '09-widget-document-tab');
  });
});

// Streaming language-model answers in a real browser, against a server whose model is an
// in-process stand-in that speaks the OpenAI protocol: the draft appears progressively and is
// replaced by the validated, cited answer, in the chat and in the widget.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot } from './browser.js';

const llmBaseUrl = inject('llmBaseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function expectStreamedAnswer(page: Page, scope: ReturnType<Page['locator']> | Page, name: string) {
  await scope.locator('.draft').waitFor(); // tokens arrive before the final answer
  await screenshot(page, `${name}-draft`);
  await scope.getByText(/Geformuleerd door een taalmodel/).waitFor();
  expect(await scope.locator('.draft').count()).toBe(0);
  const answer = (await scope.locator('.answer-text').first().textContent())!;
  expect(answer).toMatch(/^Volgens de documenten: /);
  await screenshot(page, `${name}-final`);
}

describe('streamed language-model answers', () => {
  it('stream into the chat and end as a validated, cited answer', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(llmBaseUrl);
    expect(await page.getByLabel('Laat een taalmodel het antwoord formuleren').isChecked()).toBe(true);
    await page.getByLabel('Stel je vraag').fill('Wat is respijtzorg?');
    await page.getByLabel('Stel je vraag').press('Enter');
    await expectStreamedAnswer(page, page, '10-llm-chat');

    const quote = (await page.locator('.source-quote').first().textContent())!.replace(/^„|”$/g, '');
    await page.getByRole('link', { name: /^Bron 1:/ }).click();
    expect(await page.getByLabel('Geciteerde passage').textContent()).toBe(quote);
    await page.close();
  });

  it('stream into the widget as well', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${llmBaseUrl}/widget-demo.html`);
    await page.getByRole('button', { name: 'Vraag het beleid' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vraag het beleid' });
    await dialog.getByLabel('Stel je vraag').fill('Wat is sociale cohesie?');
    await dialog.getByRole('button', { name: 'Vraag' }).click();
    await expectStreamedAnswer(page, dialog, '11-llm-widget');
    await page.close();
  });
});

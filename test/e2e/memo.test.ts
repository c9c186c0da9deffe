// The Word memo in a real browser: Chromium asks, clicks "Exporteer als Word-memo" (by mouse,
// and for the whole conversation by keyboard) and receives a .docx with one footnote per citation.
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cspViolations, launchBrowser } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function ask(page: Page, question: string) {
  await page.getByLabel('Stel je vraag').fill(question);
  await page.getByLabel('Stel je vraag').press('Enter');
  await page.locator('.turn').last().locator('.answer-text').waitFor();
}

async function footnotesOf(path: string): Promise<number> {
  const files = unzipSync(new Uint8Array(await readFile(path)));
  return [...strFromU8(files['word/footnotes.xml']!).matchAll(/<w:footnote w:id="[1-9]\d*">/g)].length;
}

describe('exporting a memo', () => {
  it('downloads a Word file with a footnote per citation, for one answer and for the conversation', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const violations = cspViolations(page);
    await page.goto(baseUrl);
    await ask(page, 'Wat is respijtzorg?');
    const citations = await page.locator('.turn').last().locator('.source-card').count();
    const [single] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteer als Word-memo' }).click()]);
    expect(single.suggestedFilename()).toBe('Memo Wat is respijtzorg.docx');
    expect(await footnotesOf((await single.path())!)).toBe(citations);
    await page.getByText('Memo gedownload.').waitFor();

    await ask(page, 'Welke risicogroepen voor eenzaamheid zijn er?');
    const all = await page.locator('.source-card').count();
    await page.getByRole('button', { name: 'Exporteer gesprek' }).focus();
    const [conversation] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(await footnotesOf((await conversation.path())!)).toBe(all);
    expect(violations).toEqual([]);
    await context.close();
  });
});

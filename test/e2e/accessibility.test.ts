// axe-core (from npm) on every state colleagues see, in light and dark mode: no serious or
// critical violations. Screenshots of each state are saved beside the other browser tests'.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot } from './browser.js';

const baseUrl = inject('baseUrl');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Serious and critical violations on the page as it is now (within `scope`, a CSS selector, when given). */
async function seriousViolations(page: Page, scope?: string): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE }); // the test context bypasses the CSP for this
  const violations = (await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: unknown[] }> } }).axe;
    return (
      await axe.run(selector ? { include: [[selector]] } : document, {
        resultTypes: ['violations'],
        // Experimental in axe, and exactly what breaks voice control: a link named otherwise than it reads.
        rules: { 'label-content-name-mismatch': { enabled: true } },
      })
    ).violations;
  }, scope)) as Violation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}

async function ask(page: Page, question: string, answerSelector: string) {
  await page.getByLabel('Stel je vraag').fill(question);
  await page.getByLabel('Stel je vraag').press('Enter');
  await page.locator('.turn').last().locator(answerSelector).first().waitFor();
}

/** What a state is; `scope` limits the check to our part of a page (the demo intranet page is deliberately loud). */
const STATES: { name: string; scope?: string; prepare(page: Page): Promise<void> }[] = [
  {
    name: 'chat-empty',
    prepare: async (page) => {
      await page.goto(baseUrl);
      await page.getByRole('heading', { name: 'Voorbeeldvragen' }).waitFor();
    },
  },
  {
    name: 'chat-answered',
    prepare: async (page) => {
      await page.goto(baseUrl);
      await ask(page, 'Wat is respijtzorg?', '.answer-text');
      await page.getByRole('button', { name: 'Nee, niet nuttig' }).click(); // the feedback form open as well
    },
  },
  {
    name: 'chat-declined',
    prepare: async (page) => {
      await page.goto(baseUrl);
      await ask(page, 'Wat is de hoofdstad van Australië?', '.not-found');
    },
  },
  {
    name: 'document-list',
    prepare: async (page) => {
      await page.goto(`${baseUrl}/documents`);
      await page.locator('table.library').waitFor();
    },
  },
  {
    name: 'document-view',
    prepare: async (page) => {
      await page.goto(baseUrl);
      await ask(page, 'Wat is de sociale basis?', '.answer-text');
      await page.locator('.turn').last().locator('.chip').first().click();
      await page.getByLabel('Geciteerde passage').waitFor();
      await page.getByLabel('Zoek in dit document').fill('sociale basis');
      await page.locator('.find-current').first().waitFor();
    },
  },
  {
    name: 'widget',
    scope: '[data-bronwijzer-widget]',
    prepare: async (page) => {
      await page.goto(`${baseUrl}/widget-demo.html`);
      await page.getByRole('button', { name: 'Vraag het beleid' }).click();
      await ask(page, 'Wat is respijtzorg?', '.answer-text');
    },
  },
];

describe('accessibility (axe-core: no serious or critical violations)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const state of STATES) {
      it(`${state.name}, ${colorScheme}`, async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme, bypassCSP: true });
        const page = await context.newPage();
        try {
          await state.prepare(page);
          await screenshot(page, `30-${state.name}-${colorScheme}`);
          expect(await seriousViolations(page, state.scope)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});

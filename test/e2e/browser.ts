// A real Chromium, driven by playwright-core; never one downloaded at test time. CHROMIUM_PATH
// when set, else the system's (Debian's /usr/bin/chromium), else the one that `npm ci` brings
// (@sparticuz/chromium, a registry package carrying its own binary), so `npm test` runs on a
// machine with only Node. The flags keep it from reaching for the network on its own and let it
// run as root.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../fixtures/paths.js';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(PROJECT_ROOT, 'test-results');

export interface ChromiumChoice {
  path: string;
  /** Which one runs, for the one line the tests print. */
  source: string;
}

export async function chromiumExecutable(): Promise<ChromiumChoice> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist: point it at a Chromium binary, or unset it.`);
    return { path: configured, source: `CHROMIUM_PATH (${configured})` };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: `the system's Chromium (${SYSTEM_CHROMIUM})` };
  const { default: bundled } = await import('@sparticuz/chromium');
  return { path: await bundled.executablePath(), source: 'the Chromium of @sparticuz/chromium (npm)' };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: (await chromiumExecutable()).path,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Collects what the browser reports as Content-Security-Policy violations on `page`. */
export function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

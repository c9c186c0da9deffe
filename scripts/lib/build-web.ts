// Builds the web UI (chat page and widget) with Vite when the build is missing or older than
// its sources, so `npm start` on a fresh clone serves a current UI without a separate step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const WEB_DIR = resolve(import.meta.dirname, '..', '..', 'web');
const STAMP = '.build-stamp';

export async function buildWeb(outDir: string): Promise<void> {
  const target = resolve(outDir);
  await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn', build: { outDir: target, emptyOutDir: true } });
  await build({ configFile: join(WEB_DIR, 'vite.widget.config.ts'), logLevel: 'warn', build: { outDir: target, emptyOutDir: false } });
  await writeFile(join(target, STAMP), new Date().toISOString());
}

export function webBuildIsStale(outDir: string): boolean {
  const stamp = join(outDir, STAMP);
  if (!existsSync(stamp) || !existsSync(join(outDir, 'widget.js'))) return true;
  const built = statSync(stamp).mtimeMs;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'vite.widget.config.ts'].map((name) => join(WEB_DIR, name));
  return sources.some((source) => newestChange(source) > built);
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

// Builds the web UI (chat page and widget) with Vite when the build is missing or older than
// its sources, so `npm start` on a fresh clone serves a current UI without a separate step.
// Text files are also written brotli- and gzip-compressed beside themselves: the server sends
// those to browsers that accept them, without compressing on every request.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { build } from 'vite';

const WEB_DIR = resolve(import.meta.dirname, '..', '..', 'web');
const STAMP = '.build-stamp';

export async function buildWeb(outDir: string): Promise<void> {
  const target = resolve(outDir);
  await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn', build: { outDir: target, emptyOutDir: true } });
  await build({ configFile: join(WEB_DIR, 'vite.widget.config.ts'), logLevel: 'warn', build: { outDir: target, emptyOutDir: false } });
  await precompress(target);
  await writeFile(join(target, STAMP), new Date().toISOString());
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);
/** Smaller files gain less than the extra request headers cost. */
const MIN_COMPRESS_BYTES = 1024;

async function precompress(dir: string): Promise<void> {
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name))) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    if (bytes.length < MIN_COMPRESS_BYTES) continue;
    await writeFile(`${path}.br`, await brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    await writeFile(`${path}.gz`, await gzipped(bytes, { level: 9 }));
  }
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

// What the build's own code makes of a document, as a fingerprint: the source and data of the
// modules that read, clean, chunk and analyse it, and the lockfile that pins the packages they
// use (the word list, the stemmer, the splitter). The document cache keys on it, so a change to
// the analyzer's stop words or to a cleaning rule processes every document again instead of
// serving the terms the old code made. Vectors depend on the model, which the key names apart.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Relative to the repository: what shapes a processed document (its text, passages and terms). */
export const BUILD_CODE_PATHS = ['api/ingest', 'api/chunk', 'api/language', 'api/records.ts', 'api/build/build-index.ts', 'package-lock.json'] as const;

const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A hash over every file under `paths` (files or folders, relative to `root`), by relative path and content. */
export function sourceFingerprint(root: string, paths: readonly string[]): string {
  const files = paths.flatMap((path) => filesUnder(join(root, path))).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

let fingerprint: string | undefined;

/** The fingerprint of this checkout's build code, computed once per process. */
export function buildCodeFingerprint(): string {
  fingerprint ??= sourceFingerprint(REPOSITORY, BUILD_CODE_PATHS);
  return fingerprint;
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

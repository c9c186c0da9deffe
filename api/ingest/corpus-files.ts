// Lists the documents in a corpus folder and fingerprints them, so a build can tell when the
// index no longer matches the corpus.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SUPPORTED_EXTENSIONS } from './read-document.js';

export interface CorpusFile {
  id: string;
  path: string;
  metaPath: string;
}

const SKIPPED = new Set(['readme.md', 'license.md']);

export async function listCorpusFiles(corpusDir: string): Promise<CorpusFile[]> {
  const names = await readdir(corpusDir);
  return names
    .filter((name) => (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase()))
    .filter((name) => !SKIPPED.has(name.toLowerCase()) && !name.startsWith('.'))
    .map((name) => {
      const stem = basename(name, extname(name));
      return { id: documentId(stem), path: join(corpusDir, name), metaPath: join(corpusDir, `${stem}.meta.json`) };
    })
    .sort((a, b) => a.id.localeCompare(b.id) || a.path.localeCompare(b.path));
}

/** A URL-safe id from a file name: "Visie Sociaal Domein.pdf" → "visie-sociaal-domein". */
export function documentId(stem: string): string {
  return (
    stem
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'document'
  );
}

export async function hashCorpus(files: readonly CorpusFile[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.path.split(/[\\/]/).pop() ?? '');
    hash.update(await readFile(file.path));
    hash.update(await readFile(file.metaPath).catch(() => Buffer.alloc(0)));
  }
  return hash.digest('hex');
}

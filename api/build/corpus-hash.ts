// A fingerprint of a corpus folder's documents (paths and contents, metadata included) and of
// its collections.json, so a start can tell whether the live index still matches the corpus
// without rebuilding it.
import { createHash } from 'node:crypto';
import { collectionsFileBytes } from '../access/collections.js';
import type { CorpusFile } from '../ingest/corpus-files.js';
import { listCorpusFiles } from '../ingest/corpus-files.js';
import { type DocumentCache, openDocumentCache } from './document-cache.js';

export async function corpusHash(corpusDir: string, files: readonly CorpusFile[], cache: Pick<DocumentCache, 'contentOf'>): Promise<string> {
  const hash = createHash('sha256');
  const collections = await collectionsFileBytes(corpusDir);
  if (collections) hash.update(collections).update('\u0000collections\n');
  for (const file of files) hash.update(`${file.relativePath}\u0000${await cache.contentOf(file)}\n`);
  return hash.digest('hex');
}

/** The fingerprint of the corpus folder as a build would record it (unchanged files are not read). */
export async function currentCorpusHash(corpusDir: string, cacheDir: string): Promise<string> {
  return corpusHash(corpusDir, await listCorpusFiles(corpusDir), await openDocumentCache(cacheDir, null));
}

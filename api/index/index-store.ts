// Writes and reads a built index. A build goes into a fresh folder and only then becomes
// current through an atomic symlink swap, so a failed or interrupted build leaves the
// previous index intact and serving.
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Chunk, ChunkSettings } from '../chunk/chunk-document.js';
import { AppError } from '../errors.js';
import type { CorpusDocument } from '../ingest/load-corpus.js';
import type { LexicalIndexData } from './lexical-index.js';
import type { VectorIndex, VectorIndexSettings } from './vector-index.js';

/** Bump when cleaning, chunking or analysis change what an index contains. */
export const INDEX_FORMAT_VERSION = 2;

export type RetrievalMode = 'lexical' | 'dense';

export interface IndexManifest {
  formatVersion: number;
  builtAt: string;
  buildSeconds: number;
  corpusHash: string;
  model: { id: string; dtype: string; dimensions: number | null; denseUnavailableReason: string | null };
  chunking: ChunkSettings;
  vector: VectorIndexSettings | null;
  modes: RetrievalMode[];
  counts: { documents: number; chunks: number; tokens: number };
}

export type StoredDocument = Omit<CorpusDocument, 'sections'>;

export interface StoredIndex {
  manifest: IndexManifest;
  documents: StoredDocument[];
  chunks: Chunk[];
  lexical: LexicalIndexData;
  vectorPath: string | null;
}

const CURRENT = 'current';
const VECTORS = 'vectors.hnsw';

export async function writeIndex(
  indexDir: string,
  index: Omit<StoredIndex, 'vectorPath'> & { vectors: VectorIndex | null },
): Promise<string> {
  const buildsDir = join(indexDir, 'builds');
  const buildDir = join(buildsDir, `${Date.now()}-${process.pid}`);
  await mkdir(buildDir, { recursive: true });
  try {
    await writeFile(join(buildDir, 'documents.json'), JSON.stringify(index.documents));
    await writeFile(join(buildDir, 'chunks.json'), JSON.stringify(index.chunks));
    await writeFile(join(buildDir, 'lexical.json'), JSON.stringify(index.lexical));
    index.vectors?.save(join(buildDir, VECTORS));
    // The manifest goes last: a build folder without one is incomplete by definition.
    await writeFile(join(buildDir, 'manifest.json'), JSON.stringify(index.manifest, null, 2));

    const link = join(indexDir, `${CURRENT}.${process.pid}.tmp`);
    await rm(link, { force: true });
    await symlink(join('builds', buildDir.split(/[\\/]/).pop()!), link);
    await rename(link, join(indexDir, CURRENT));
  } catch (error) {
    await rm(buildDir, { recursive: true, force: true });
    throw error;
  }
  await pruneBuilds(indexDir);
  return buildDir;
}

export async function readManifest(indexDir: string): Promise<IndexManifest | null> {
  try {
    return JSON.parse(await readFile(join(indexDir, CURRENT, 'manifest.json'), 'utf8')) as IndexManifest;
  } catch {
    return null;
  }
}

export async function readIndex(indexDir: string): Promise<StoredIndex> {
  const dir = join(indexDir, CURRENT);
  const manifest = await readManifest(indexDir);
  if (!manifest) {
    throw new AppError('index_missing', `Er is nog geen index in ${resolve(indexDir)}. Voer "npm run build:index" uit (of start met "npm start").`);
  }
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new AppError('index_incompatible', `De index heeft formaat ${manifest.formatVersion}, deze versie verwacht ${INDEX_FORMAT_VERSION}. Voer "npm run build:index" uit.`);
  }
  const read = async <T>(name: string) => JSON.parse(await readFile(join(dir, name), 'utf8')) as T;
  const vectorPath = join(dir, VECTORS);
  return {
    manifest,
    documents: await read<StoredDocument[]>('documents.json'),
    chunks: await read<Chunk[]>('chunks.json'),
    lexical: await read<LexicalIndexData>('lexical.json'),
    vectorPath: manifest.modes.includes('dense') && existsSync(vectorPath) ? vectorPath : null,
  };
}

/** Keeps the current build and the one before it; removes older and abandoned ones. */
async function pruneBuilds(indexDir: string): Promise<void> {
  const buildsDir = join(indexDir, 'builds');
  const current = (await readlink(join(indexDir, CURRENT))).split(/[\\/]/).pop();
  const builds = (await readdir(buildsDir)).sort();
  const keep = new Set([current, builds.filter((name) => name !== current).at(-1)]);
  await Promise.all(builds.filter((name) => !keep.has(name)).map((name) => rm(join(buildsDir, name), { recursive: true, force: true })));
}

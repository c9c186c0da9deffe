// The embedded index on disk. A build goes into a fresh folder and only then becomes current
// through an atomic symlink swap, so a failed or interrupted build leaves the previous index
// intact and serving. Every file is validated when read: a damaged index is refused, not served.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DOCUMENT_KINDS, type IndexManifest, indexManifestSchema } from '../../contract.js';
import { AppError } from '../../errors.js';
import type { LexicalIndexData } from '../../index/lexical-index.js';
import type { VectorIndex } from '../../index/vector-index.js';
import { messages } from '../../messages.js';

/** Bump when cleaning, chunking, analysis or these files change what an index holds. */
export const INDEX_FORMAT_VERSION = 4;

const sectionSchema = z.object({ title: z.string(), start: z.number().int().nonnegative() });

const storedDocumentSchema = z.object({
  id: z.string().min(1),
  fileName: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  date: z.string().nullable(),
  kind: z.enum(DOCUMENT_KINDS),
  text: z.string(),
  sections: z.array(sectionSchema),
});

const storedChunkSchema = z.object({
  id: z.string().min(1),
  documentId: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  section: z.string().nullable(),
  headings: z.array(sectionSchema),
  tokens: z.number().int().nonnegative(),
});

const lexicalSchema = z.object({
  docLengths: z.array(z.number().int().nonnegative()),
  postings: z.record(z.string(), z.array(z.number().int().nonnegative())),
});

export type StoredDocument = z.infer<typeof storedDocumentSchema>;
export type StoredChunk = z.infer<typeof storedChunkSchema>;

export interface IndexFiles {
  manifest: IndexManifest;
  documents: StoredDocument[];
  chunks: StoredChunk[];
  lexical: LexicalIndexData;
  /** The HNSW file, when the build has vectors. */
  vectorPath: string | null;
}

export type IndexBuild = Omit<IndexFiles, 'vectorPath'> & { vectors: VectorIndex | null };

const CURRENT = 'current';
const VECTORS = 'vectors.hnsw';

export async function writeIndexFiles(indexDir: string, index: IndexBuild): Promise<string> {
  const buildsDir = join(indexDir, 'builds');
  await mkdir(buildsDir, { recursive: true });
  // Unique even for two builds in one millisecond; the time first, so names sort by age.
  const buildDir = await mkdtemp(join(buildsDir, `${String(Date.now()).padStart(15, '0')}-`));
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

/** The current manifest, or null when there is no (readable) index. */
export async function readManifest(indexDir: string): Promise<IndexManifest | null> {
  try {
    return indexManifestSchema.parse(JSON.parse(await readFile(join(indexDir, CURRENT, 'manifest.json'), 'utf8')));
  } catch {
    return null;
  }
}

export async function readIndexFiles(indexDir: string): Promise<IndexFiles> {
  const dir = join(indexDir, CURRENT);
  if (!existsSync(join(dir, 'manifest.json'))) throw new AppError('index_missing', messages.indexMissing);
  const manifest = await readValidated(dir, 'manifest.json', indexManifestSchema);
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new AppError('index_incompatible', messages.indexFormat(manifest.formatVersion, INDEX_FORMAT_VERSION));
  }
  const documents = await readValidated(dir, 'documents.json', z.array(storedDocumentSchema));
  const chunks = await readValidated(dir, 'chunks.json', z.array(storedChunkSchema));
  const lexical = await readValidated(dir, 'lexical.json', lexicalSchema);
  checkConsistency(documents, chunks, lexical);
  const vectorPath = join(dir, VECTORS);
  const dense = manifest.modes.includes('dense');
  if (dense && !existsSync(vectorPath)) throw new AppError('index_damaged', messages.indexDamaged(`${VECTORS} ontbreekt`));
  return { manifest, documents, chunks, lexical, vectorPath: dense ? vectorPath : null };
}

async function readValidated<T>(dir: string, name: string, schema: z.ZodType<T>): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(join(dir, name), 'utf8'));
  } catch (error) {
    throw new AppError('index_damaged', messages.indexDamaged(`${name} is onleesbaar`), { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new AppError('index_damaged', messages.indexDamaged(`${name}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`));
  return parsed.data;
}

/** Offsets must point into their document, and every passage must have its postings row. */
function checkConsistency(documents: readonly StoredDocument[], chunks: readonly StoredChunk[], lexical: LexicalIndexData): void {
  const texts = new Map(documents.map((document) => [document.id, document.text]));
  for (const chunk of chunks) {
    if (texts.get(chunk.documentId)?.slice(chunk.start, chunk.end) !== chunk.text) {
      throw new AppError('index_damaged', messages.indexDamaged(`passage ${chunk.id} klopt niet met zijn document`));
    }
  }
  if (lexical.docLengths.length !== chunks.length) throw new AppError('index_damaged', messages.indexDamaged('de lexicale index hoort bij een andere build'));
}

/** Keeps the current build and the one before it; removes older and abandoned ones. */
async function pruneBuilds(indexDir: string): Promise<void> {
  const buildsDir = join(indexDir, 'builds');
  const current = (await readlink(join(indexDir, CURRENT))).split(/[\\/]/).pop();
  const builds = (await readdir(buildsDir)).sort();
  const keep = new Set([current, builds.filter((name) => name !== current).at(-1)]);
  await Promise.all(builds.filter((name) => !keep.has(name)).map((name) => rm(join(buildsDir, name), { recursive: true, force: true })));
}

// The embedded index on disk. A build goes into a fresh folder and only then becomes current
// through an atomic symlink swap, so a failed or interrupted build leaves the previous index
// intact and serving. Every file is validated when read: a damaged index is refused, not served.
//
//   manifest.json   when and from what it was built (written last: without it a folder is incomplete)
//   documents.json  the documents with their cleaned text and sections
//   passages.json   each passage's document and [start, end): its text is a slice of the document's
//   lexical.bin     BM25 postings (index/lexical-file.ts)
//   vectors.hnsw    the HNSW graph of the passage vectors, in hybrid builds
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { assertIndexFormat } from '../../build/built-index.js';
import { type IndexManifest, indexManifestSchema } from '../../contract.js';
import { AppError } from '../../errors.js';
import { DamagedIndexFile, decodeLexicalIndex, encodeLexicalIndex } from '../../index/lexical-file.js';
import type { LexicalIndexData } from '../../index/lexical-index.js';
import type { VectorIndex } from '../../index/vector-index.js';
import { messages } from '../../messages.js';
import { type CorpusDocument, documentSchema, type StoredPassage, storedPassageSchema } from '../../records.js';

/** A document as the files keep it. */
export type StoredDocument = CorpusDocument;

export interface IndexFiles {
  manifest: IndexManifest;
  documents: StoredDocument[];
  passages: StoredPassage[];
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
    const checksums: Record<string, string> = {};
    const write = async (name: string, data: string | Uint8Array) => {
      checksums[name] = sha256(data);
      await writeFile(join(buildDir, name), data);
    };
    await write('documents.json', JSON.stringify(index.documents));
    await write('passages.json', JSON.stringify(index.passages));
    await write('lexical.bin', encodeLexicalIndex(index.lexical));
    if (index.vectors) {
      index.vectors.save(join(buildDir, VECTORS));
      checksums[VECTORS] = sha256(await readFile(join(buildDir, VECTORS)));
    }
    // The manifest goes last: a build folder without one is incomplete by definition.
    await writeFile(join(buildDir, 'manifest.json'), JSON.stringify({ ...index.manifest, checksums }, null, 2));

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

/** The folder the current link points to: it names a build, so a change means a new build. */
export async function currentBuild(indexDir: string): Promise<string | null> {
  return readlink(join(indexDir, CURRENT)).catch(() => null);
}

export async function readIndexFiles(indexDir: string): Promise<IndexFiles> {
  // Resolved once: a build swapped in while this one is read does not mix the two.
  const build = await currentBuild(indexDir);
  const dir = build ? join(indexDir, build) : join(indexDir, CURRENT);
  if (!existsSync(join(dir, 'manifest.json'))) throw new AppError('index_missing', messages.indexMissing);
  assertIndexFormat(await readValidated(dir, 'manifest.json', z.unknown()));
  const manifest = await readValidated(dir, 'manifest.json', indexManifestSchema);
  // Each file is what the build wrote, byte for byte, before anything is made of it.
  const checked = async (name: string): Promise<Buffer> => {
    const bytes = await readFile(join(dir, name)).catch((error) => {
      throw new AppError('index_damaged', messages.indexDamaged(`${name} ontbreekt of is onleesbaar`), { cause: error });
    });
    const expected = manifest.checksums?.[name];
    if (!expected) throw new AppError('index_damaged', messages.indexDamaged(`de manifest noemt geen controlegetal voor ${name}`));
    if (sha256(bytes) !== expected) throw new AppError('index_damaged', messages.indexDamaged(`${name} is na de bouw veranderd (controlegetal klopt niet)`));
    return bytes;
  };
  const documents = parseValidated('documents.json', await checked('documents.json'), z.array(documentSchema));
  const passages = parseValidated('passages.json', await checked('passages.json'), z.array(storedPassageSchema));
  const lexicalBytes = await checked('lexical.bin');
  let lexical: LexicalIndexData;
  try {
    lexical = decodeLexicalIndex(new Uint8Array(lexicalBytes));
  } catch (error) {
    const detail = error instanceof DamagedIndexFile ? error.message : 'onleesbaar';
    throw new AppError('index_damaged', messages.indexDamaged(`lexical.bin: ${detail}`), { cause: error });
  }
  checkConsistency(documents, passages, lexical);
  const vectorPath = join(dir, VECTORS);
  const dense = manifest.modes.includes('dense');
  if (dense && !existsSync(vectorPath)) throw new AppError('index_damaged', messages.indexDamaged(`${VECTORS} ontbreekt`));
  if (dense) await checked(VECTORS);
  return { manifest, documents, passages, lexical, vectorPath: dense ? vectorPath : null };
}

async function readValidated<T>(dir: string, name: string, schema: z.ZodType<T>): Promise<T> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, name));
  } catch (error) {
    throw new AppError('index_damaged', messages.indexDamaged(`${name} is onleesbaar`), { cause: error });
  }
  return parseValidated(name, bytes, schema);
}

function parseValidated<T>(name: string, bytes: Buffer, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new AppError('index_damaged', messages.indexDamaged(`${name} is onleesbaar`), { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new AppError('index_damaged', messages.indexDamaged(`${name}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`));
  return parsed.data;
}

/** Passages must point into their documents, and every passage must have its postings row. */
function checkConsistency(documents: readonly StoredDocument[], passages: readonly StoredPassage[], lexical: LexicalIndexData): void {
  const lengths = new Map(documents.map((document) => [document.id, document.text.length]));
  for (const passage of passages) {
    const length = lengths.get(passage.documentId);
    if (length === undefined || passage.start >= passage.end || passage.end > length) {
      throw new AppError('index_damaged', messages.indexDamaged(`een passage van ${passage.documentId} klopt niet met het document`));
    }
  }
  if (lexical.docLengths.length !== passages.length) throw new AppError('index_damaged', messages.indexDamaged('de lexicale index hoort bij een andere build'));
}

/** Keeps the current build and the one before it; removes older and abandoned ones. */
async function pruneBuilds(indexDir: string): Promise<void> {
  const buildsDir = join(indexDir, 'builds');
  const current = (await readlink(join(indexDir, CURRENT))).split(/[\\/]/).pop();
  const builds = (await readdir(buildsDir)).sort();
  const keep = new Set([current, builds.filter((name) => name !== current).at(-1)]);
  await Promise.all(builds.filter((name) => !keep.has(name)).map((name) => rm(join(buildsDir, name), { recursive: true, force: true })));
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

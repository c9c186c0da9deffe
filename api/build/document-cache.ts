// Remembers what the build made of each document (cleaned text, sections, passages, their terms
// and vectors), keyed by the document's bytes, its metadata, its path and the build settings.
// An unchanged document is not read, cleaned, chunked, analysed or embedded again; a changed
// one gets a new key. A file's size and modification time stand in for its bytes, so unchanged
// files are not even read to be hashed. Entries of documents no longer in the corpus are removed
// after each build. A damaged entry is treated as missing. When the build's code or settings
// change (a new key for every document), a document whose passages read as before keeps the
// vectors its previous entry has for the same model: a new stop word does not re-embed a corpus.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CorpusFile } from '../ingest/corpus-files.js';
import { type Chunk, documentSchema, passageId, passageSpanSchema, spanOf } from '../records.js';
import type { ProcessedDocument } from './built-index.js';

export interface DocumentCache {
  /** A hash of a file's bytes and its metadata's, known from its size and time when unchanged. */
  contentOf(file: CorpusFile): Promise<string>;
  /** The key of a file's current content under the cache's settings. */
  keyOf(file: CorpusFile): Promise<string>;
  get(key: string): Promise<ProcessedDocument | null>;
  put(key: string, processed: ProcessedDocument): Promise<void>;
  /**
   * The vectors the file's previous entry (under earlier code or settings) holds, when it was
   * embedded by this cache's model and its passages have exactly these texts; otherwise null.
   */
  previousVectors(file: CorpusFile, chunks: readonly Pick<Chunk, 'text'>[]): Promise<Float32Array[] | null>;
  /** Removes every entry but these, and remembers the files' sizes and times for the next build. */
  retain(keys: ReadonlySet<string>): Promise<void>;
}

const entrySchema = z.object({
  document: documentSchema,
  chunks: z.array(passageSpanSchema),
  terms: z.array(z.array(z.string())),
  dimensions: z.number().int().positive().nullable(),
  /** The model the vectors come from (absent in entries from before it was recorded: never reused). */
  vectorModel: z.string().nullable().optional(),
});

const FILE_TIMES = 'files.json';
const fileTimesSchema = z.record(
  z.string(),
  // `key`: the file's entry in the build that wrote this, so a later build can find its vectors.
  z.object({ size: z.number(), mtimeMs: z.number(), metaMtimeMs: z.number().nullable(), content: z.string(), key: z.string().optional() }),
);

/**
 * `settings`: everything besides a document's own bytes that shapes what the build makes of it;
 * `vectorModel`: the embedding model that makes its vectors (its id and type).
 */
export async function openDocumentCache(dir: string, settings: unknown, vectorModel: string | null = null): Promise<DocumentCache> {
  await mkdir(dir, { recursive: true });
  const fingerprint = createHash('sha256').update(JSON.stringify(settings)).digest('hex');
  const previousTimes = await readFile(join(dir, FILE_TIMES), 'utf8')
    .then((json) => fileTimesSchema.parse(JSON.parse(json)))
    .catch(() => ({}) as z.infer<typeof fileTimesSchema>);
  const times: z.infer<typeof fileTimesSchema> = {};

  async function contentHash(file: CorpusFile): Promise<string> {
    const [stats, metaStats] = await Promise.all([stat(file.path), stat(file.metaPath).catch(() => null)]);
    const known = previousTimes[file.relativePath];
    const metaMtimeMs = metaStats?.mtimeMs ?? null;
    if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs && known.metaMtimeMs === metaMtimeMs) {
      times[file.relativePath] = known;
      return known.content;
    }
    const hash = createHash('sha256').update(await readFile(file.path));
    hash.update('\u0000');
    hash.update(await readFile(file.metaPath).catch(() => Buffer.alloc(0)));
    const content = hash.digest('hex');
    times[file.relativePath] = { size: stats.size, mtimeMs: stats.mtimeMs, metaMtimeMs, content };
    return content;
  }

  async function readEntry(key: string) {
    return entrySchema.parse(JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8')));
  }

  return {
    contentOf: contentHash,
    async keyOf(file) {
      const key = createHash('sha256')
        .update(fingerprint)
        .update(file.relativePath)
        .update(await contentHash(file))
        .digest('hex')
        .slice(0, 40);
      times[file.relativePath] = { ...times[file.relativePath]!, key };
      return key;
    },

    async get(key) {
      try {
        const { document, chunks, terms, dimensions } = await readEntry(key);
        if (terms.length !== chunks.length) return null;
        const full: Chunk[] = chunks.map((chunk, i) => ({
          ...chunk,
          id: passageId(document.id, i),
          documentId: document.id,
          text: document.text.slice(chunk.start, chunk.end),
        }));
        const vectors = dimensions ? splitVectors(await readFile(join(dir, `${key}.vec`)), dimensions, chunks.length) : null;
        return { document, chunks: full, terms, vectors };
      } catch {
        return null;
      }
    },

    async previousVectors(file, chunks) {
      const previous = previousTimes[file.relativePath]?.key;
      if (!previous || vectorModel === null) return null;
      try {
        const entry = await readEntry(previous);
        if (!entry.dimensions || entry.vectorModel !== vectorModel || entry.chunks.length !== chunks.length) return null;
        if (entry.chunks.some((span, i) => entry.document.text.slice(span.start, span.end) !== chunks[i]!.text)) return null;
        return splitVectors(await readFile(join(dir, `${previous}.vec`)), entry.dimensions, chunks.length);
      } catch {
        return null; // gone or damaged: the passages are embedded again
      }
    },

    async put(key, { document, chunks, terms, vectors }) {
      const dimensions = vectors?.[0]?.length ?? null;
      if (vectors && dimensions) await writeAtomically(join(dir, `${key}.vec`), joinVectors(vectors, dimensions));
      const stored = {
        document,
        chunks: chunks.map(spanOf),
        terms,
        dimensions,
        vectorModel: dimensions ? vectorModel : null,
      };
      await writeAtomically(join(dir, `${key}.json`), JSON.stringify(stored));
    },

    async retain(keys) {
      for (const name of await readdir(dir)) {
        const key = name.replace(/\.(json|vec|tmp)$/, '');
        if (name !== FILE_TIMES && !keys.has(key)) await rm(join(dir, name), { force: true });
      }
      await writeAtomically(join(dir, FILE_TIMES), JSON.stringify(times));
    },
  };
}

function joinVectors(vectors: readonly Float32Array[], dimensions: number): Uint8Array {
  const all = new Float32Array(vectors.length * dimensions);
  vectors.forEach((vector, i) => {
    all.set(vector, i * dimensions);
  });
  return new Uint8Array(all.buffer);
}

function splitVectors(bytes: Buffer, dimensions: number, count: number): Float32Array[] | null {
  if (bytes.byteLength !== count * dimensions * 4) return null;
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return Array.from({ length: count }, (_, i) => all.subarray(i * dimensions, (i + 1) * dimensions));
}

async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

// What an index says about itself (its manifest: when and from what it was built, its
// collections, the files it skipped and the scans it read) and what GET /health reports: shared
// by the build, both stores, the server and the UI through contract.ts.
import { z } from 'zod';
import { type AnswerMode, RETRIEVAL_MODES, type RetrievalMode } from './contract-values.js';

/** A collection of documents (a top-level folder of the corpus) and who may read it. */
export const collectionSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** Everyone may read it, signed in or not. */
  public: z.boolean(),
  /** Otherwise: members of any of these groups (the identity provider's groups claim). */
  groups: z.array(z.string()),
});
export type Collection = z.infer<typeof collectionSchema>;

/** When and from what the live index was built; served by GET /health and checked on load. */
export const indexManifestSchema = z.object({
  formatVersion: z.number().int(),
  builtAt: z.string(),
  buildSeconds: z.number(),
  corpusHash: z.string(),
  model: z.object({ id: z.string(), dtype: z.string(), dimensions: z.number().int().positive().nullable(), denseUnavailableReason: z.string().nullable() }),
  chunking: z.object({ chunkTokens: z.number().int().positive(), overlapTokens: z.number().int().nonnegative() }),
  /** Whether scanned PDF pages were recognised (OCR on). */
  ocr: z.boolean(),
  /** What the build's code makes of a document (build/build-code.ts); absent in an index from before it was recorded. */
  buildCode: z.string().optional(),
  vector: z.object({ m: z.number().int(), efConstruction: z.number().int(), efSearch: z.number().int() }).nullable(),
  modes: z.array(z.enum(RETRIEVAL_MODES)),
  counts: z.object({ documents: z.number().int(), chunks: z.number().int(), tokens: z.number().int() }),
  /** The collections the index holds, in the order of their passages. */
  collections: z.array(collectionSchema).min(1),
  /** Files the build could not read, each with the reason: the rest was indexed. */
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
  /** Documents with pages recognised from scans: how many, how sure, and the pages to check (below the confidence floor). */
  scans: z.array(
    z.object({
      file: z.string(),
      pages: z.number().int().positive(),
      confidence: z.number(),
      doubtful: z.array(z.object({ page: z.number().int().positive(), confidence: z.number() })),
    }),
  ),
  /** Documents taken unchanged from the previous build, and documents (re)processed. */
  reused: z.number().int().nonnegative(),
  processed: z.number().int().nonnegative(),
  /** Seconds per build stage: read, clean, chunk, analyse, embed, index, write. */
  stageSeconds: z.record(z.string(), z.number()),
  /** SHA-256 of each index file (embedded store): a file that changed after the build is refused. */
  checksums: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)).optional(),
});
export type IndexManifest = z.infer<typeof indexManifestSchema>;

export type StoreKind = 'embedded' | 'postgres';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  modes: RetrievalMode[];
  manifest: IndexManifest | null;
  warnings: string[];
  /**
   * Where the index lives, which build is live, whether the store answered the last check, and
   * the last build that was made live in the store but could not be opened (the live one serves on).
   */
  store?: { kind: StoreKind; build: string | null; connected: boolean; refused: { build: string | null; reason: string; at: string } | null };
  /** The last real question through the engine (cached for a few seconds): whether answers can be given now. */
  probe?: { ok: boolean; at: string; problem: string | null };
  /** Whether answers can be written by a language model; never its key or address. */
  llm?: {
    configured: boolean;
    model: string | null;
    defaultMode: AnswerMode;
    /** "open": the model failed repeatedly and is left alone for a while; answers are extractive meanwhile. */
    breaker?: 'closed' | 'open' | 'half_open';
  };
}

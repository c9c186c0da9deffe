// The index build as a pipeline: for each document, ingest (read, clean) → chunk → analyse, or
// take all of that from the document cache when the document has not changed; then embed the
// passages that have no vector yet (when the model is there); then the configured store's
// writer makes the finished build live. A file that cannot be read is skipped and named; the
// rest goes on.

import { readCollections } from '../access/collections.js';
import type { ChunkSettings } from '../chunk/chunk-document.js';
import { chunkDocument } from '../chunk/chunk-document.js';
import { loadTokenCounter, type TokenCounter } from '../chunk/token-counter.js';
import type { IndexManifest, RetrievalMode } from '../contract.js';
import { BUILD_EMBEDDER, type Embedder, loadEmbedder } from '../embed/embedder.js';
import type { ModelSettings } from '../embed/model-files.js';
import { AppError } from '../errors.js';
import { type CorpusFile, listCorpus } from '../ingest/corpus-files.js';
import { createDocumentReader, type DocumentReader } from '../ingest/document-reader.js';
import { scanReport } from '../ingest/ocr/scan-report.js';
import { type ProcessOptions, processDocument } from '../ingest/process-document.js';
import { UnreadableDocument } from '../ingest/unreadable.js';
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { dutchSpellChecker } from '../language/dutch-lexicon.js';
import { messages } from '../messages.js';
import { createStageTimer, type StageTimer } from '../stage-timer.js';
import { buildCodeFingerprint } from './build-code.js';
import { INDEX_FORMAT_VERSION, type IndexWriter, type ProcessedDocument } from './built-index.js';
import { corpusHash } from './corpus-hash.js';
import { type DocumentCache, openDocumentCache } from './document-cache.js';

export interface BuildOptions {
  corpusDir: string;
  /** Where processed documents are kept between builds. */
  cacheDir: string;
  model: ModelSettings;
  chunking: ChunkSettings;
  analyzer: DutchAnalyzer;
  writer: IndexWriter;
  /** Larger files are skipped with a warning. */
  maxDocumentBytes: number;
  /**
   * What reading one file may take (PDF, Word and OpenDocument are read in a worker that is
   * stopped beyond it), and the time to recognise a PDF's scanned pages (ocr null: OCR is off).
   */
  reading: { timeoutMs: number; memoryMb: number; ocr: { timeoutMs: number } | null };
  onStage?: (stage: BuildStage, total: number) => void;
  /** `detail`: what is happening inside the current document, e.g. the pages of a scan recognised so far. */
  onProgress?: (done: number, detail?: string) => void;
  onWarning?: (message: string) => void;
  /** What the build's code makes of a document (build-code.ts); this checkout's by default. */
  codeFingerprint?: string;
}

/** A document of the build: what was made of it, whether this build made it, and whether it was embedded now. */
interface Entry {
  key: string;
  processed: ProcessedDocument;
  fresh: boolean;
  embedded: boolean;
}

export type BuildStage = 'documenten verwerken' | 'model downloaden' | 'embeddings' | 'index wegschrijven';

export async function buildIndex(options: BuildOptions): Promise<IndexManifest> {
  const started = performance.now();
  const { onStage = () => {}, onProgress = () => {}, onWarning = () => {} } = options;
  const timer = createStageTimer();

  const corpus = await readCollections(options.corpusDir);
  const listing = await listCorpus(options.corpusDir);
  if (listing.files.length === 0) throw new AppError('corpus_empty', messages.corpusEmpty);
  // Every file's collection is known before any is read (a folder without one stops the build),
  // and the passages of a collection lie together: stores keep a collection as one stretch.
  const order = new Map(corpus.collections.map((collection, i) => [collection.id, i]));
  const files = listing.files
    .map((file) => ({ ...file, collection: corpus.collectionOf(file.relativePath) }))
    .sort((a, b) => order.get(a.collection)! - order.get(b.collection)!);
  const { refused } = listing;
  const ocr = options.reading.ocr !== null;
  const buildCode = options.codeFingerprint ?? buildCodeFingerprint();
  const model = `${options.model.modelId} (${options.model.dtype})`;
  const cache = await openDocumentCache(
    options.cacheDir,
    {
      formatVersion: INDEX_FORMAT_VERSION,
      model,
      chunking: options.chunking,
      ocr, // a scan read with OCR off is read again when it is turned on
      buildCode,
    },
    model,
  );
  const tokens = await loadTokenCounter(options.model);
  const reader = createDocumentReader({ maxBytes: options.maxDocumentBytes, ...options.reading });

  onStage('documenten verwerken', files.length);
  const skipped: { file: string; reason: string }[] = [];
  const skipNamed = (file: string, reason: string) => {
    skipped.push({ file, reason });
    onWarning(messages.documentSkipped(file, reason));
  };
  const skip = (file: CorpusFile, reason: string) => skipNamed(file.relativePath, reason);
  for (const { file, reason } of refused) skipNamed(file, reason);
  const documents: Entry[] = [];
  const ids = new Map<string, string>();
  for (const [i, file] of files.entries()) {
    const other = ids.get(file.id);
    if (other) skip(file, messages.duplicateDocumentId(other, file.id));
    else {
      ids.set(file.id, file.relativePath);
      try {
        const key = await cache.keyOf(file);
        const cached = await cache.get(key);
        // A cached document may have been read under another collections.json.
        const processed = cached
          ? { ...cached, document: { ...cached.document, collection: file.collection } }
          : await processFile(file, {
              ...options,
              tokens,
              timer,
              reader,
              onPage: (done, total) => onProgress(i, messages.pagesRecognised(file.relativePath, done, total)),
              onNotice: onWarning,
            });
        if (!cached) {
          processed.vectors = await cache.previousVectors(file, processed.chunks);
          // Kept at once: a build that is stopped halfway does not do this document again.
          await cache.put(key, processed);
        }
        documents.push({ key, processed, fresh: !cached, embedded: false });
      } catch (error) {
        // Whatever goes wrong with one file is that file's problem: it is named and skipped.
        skip(
          file,
          error instanceof UnreadableDocument || error instanceof RangeError
            ? error.message
            : `onverwachte fout (${String(error instanceof Error ? error.message : error)})`,
        );
      }
    }
    onProgress(i + 1);
  }
  await reader.close();
  if (documents.length === 0) throw new AppError('corpus_empty', messages.nothingReadable(skipped.length));

  const modes: RetrievalMode[] = ['lexical'];
  let downloading = false;
  const load = await loadEmbedder(options.model, {
    ...BUILD_EMBEDDER,
    onDownload: (percent) => {
      if (!downloading) onStage('model downloaden', 100);
      downloading = true;
      onProgress(percent);
    },
  });
  if (load.status === 'ready') {
    try {
      await embedMissing(documents, load.embedder, timer, onStage, onProgress);
    } finally {
      await load.embedder.close(); // the model's memory goes back before the index is written
    }
    modes.push('dense');
  } else {
    onWarning(messages.lexicalOnly(load.reason));
  }
  await saveToCache(cache, documents);

  onStage('index wegschrijven', 1);
  const built = documents.map(({ key, processed }) => ({ key, ...processed, vectors: load.status === 'ready' ? processed.vectors : null }));
  const chunks = built.flatMap((entry) => entry.chunks);
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    buildSeconds: 0,
    corpusHash: await corpusHash(options.corpusDir, files, cache),
    model: {
      id: options.model.modelId,
      dtype: options.model.dtype,
      dimensions: load.status === 'ready' ? load.embedder.dimensions : null,
      denseUnavailableReason: load.status === 'ready' ? null : load.reason,
    },
    chunking: options.chunking,
    ocr,
    buildCode,
    vector: null,
    modes,
    counts: { documents: built.length, chunks: chunks.length, tokens: chunks.reduce((sum, chunk) => sum + chunk.tokens, 0) },
    collections: corpus.collections,
    skipped,
    scans: built.flatMap(({ document }) => scanReport(document.fileName, document.recognised) ?? []),
    reused: documents.filter((entry) => !entry.fresh).length,
    processed: documents.filter((entry) => entry.fresh).length,
    stageSeconds: {},
  };
  for (const { file, doubtful } of manifest.scans) if (doubtful.length > 0) onWarning(messages.doubtfulScan(file, doubtful));
  const finish = () => ({ ...manifest, buildSeconds: Math.round((performance.now() - started) / 100) / 10, stageSeconds: timer.seconds() });
  await options.writer.write({ manifest: finish(), documents: built }, timer);
  onProgress(1);
  return finish();
}

async function processFile(
  file: CorpusFile & { collection: string },
  options: BuildOptions & { tokens: TokenCounter; timer: StageTimer; reader: DocumentReader } & Pick<ProcessOptions, 'onPage' | 'onNotice'>,
): Promise<ProcessedDocument> {
  const { timer, analyzer, onPage, onNotice } = options;
  const document = await processDocument(file, {
    collection: file.collection,
    spell: dutchSpellChecker(),
    maxBytes: options.maxDocumentBytes,
    timer,
    read: options.reader.read,
    onPage,
    onNotice,
  });
  const chunks = await timer.time('chunk', () => chunkDocument(document, options.tokens, options.chunking));
  // A passage is found by its own words and by the heading of its section ("Ondersteuning van mantelzorgers").
  const terms = timer.time('analyse', () =>
    chunks.map((chunk) => {
      const heading = chunk.section && !chunk.text.startsWith(chunk.section) ? chunk.section : '';
      return [...analyzer.indexTerms(chunk.text), ...analyzer.indexTerms(heading)];
    }),
  );
  return { document, chunks, terms, vectors: null };
}

/** Embeds the passages of documents without vectors, in batches across documents. */
async function embedMissing(
  documents: Entry[],
  embedder: Embedder,
  timer: StageTimer,
  onStage: NonNullable<BuildOptions['onStage']>,
  onProgress: NonNullable<BuildOptions['onProgress']>,
): Promise<void> {
  const missing = documents.filter((entry) => !entry.processed.vectors || entry.processed.vectors.length !== entry.processed.chunks.length);
  const texts = missing.flatMap((entry) => entry.processed.chunks.map((chunk) => chunk.text));
  if (texts.length === 0) return;
  onStage('embeddings', texts.length);
  const vectors = await timer.time('embed', () => embedder.embedPassages(texts, onProgress));
  let at = 0;
  for (const entry of missing) {
    entry.processed.vectors = vectors.slice(at, at + entry.processed.chunks.length);
    entry.fresh = true;
    entry.embedded = true;
    at += entry.processed.chunks.length;
  }
}

async function saveToCache(cache: DocumentCache, documents: Entry[]): Promise<void> {
  for (const entry of documents) if (entry.embedded) await cache.put(entry.key, entry.processed);
  await cache.retain(new Set(documents.map((entry) => entry.key)));
}

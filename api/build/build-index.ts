// The index build as a pipeline: ingest (read, clean) → chunk → analyse (index terms) → embed
// (when the model is there) → write (the configured store's writer). Each stage reports its
// progress; the writer decides how the finished build becomes live.
import { type Chunk, type ChunkSettings, chunkDocument } from '../chunk/chunk-document.js';
import { loadTokenCounter } from '../chunk/token-counter.js';
import type { IndexManifest, RetrievalMode } from '../contract.js';
import { loadEmbedder } from '../embed/embedder.js';
import type { ModelSettings } from '../embed/model-files.js';
import { hashCorpus, listCorpusFiles } from '../ingest/corpus-files.js';
import { loadCorpus } from '../ingest/load-corpus.js';
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import { messages } from '../messages.js';
import { INDEX_FORMAT_VERSION } from '../store/embedded/index-files.js';
import type { IndexWriter } from './built-index.js';

export interface BuildOptions {
  corpusDir: string;
  model: ModelSettings;
  chunking: ChunkSettings;
  analyzer: DutchAnalyzer;
  writer: IndexWriter;
  onStage?: (stage: BuildStage, total: number) => void;
  onProgress?: (done: number) => void;
  onWarning?: (message: string) => void;
}

export type BuildStage = 'documenten lezen' | 'opdelen in passages' | 'analyseren' | 'model downloaden' | 'embeddings' | 'wegschrijven';

export async function buildIndex(options: BuildOptions): Promise<IndexManifest> {
  const started = performance.now();
  const { analyzer, onStage = () => {}, onProgress = () => {}, onWarning = () => {} } = options;

  const files = await listCorpusFiles(options.corpusDir);
  onStage('documenten lezen', files.length);
  const corpusHash = await hashCorpus(files);
  const documents = await loadCorpus(options.corpusDir);
  onProgress(documents.length);

  onStage('opdelen in passages', documents.length);
  const tokens = await loadTokenCounter(options.model);
  const chunks: Chunk[] = [];
  for (const [i, document] of documents.entries()) {
    chunks.push(...(await chunkDocument(document, tokens, options.chunking)));
    onProgress(i + 1);
  }

  onStage('analyseren', chunks.length);
  const terms = indexTerms(chunks, analyzer, onProgress);

  const modes: RetrievalMode[] = ['lexical'];
  let downloading = false;
  const load = await loadEmbedder(options.model, (percent) => {
    if (!downloading) onStage('model downloaden', 100);
    downloading = true;
    onProgress(percent);
  });
  let vectors: Float32Array[] | null = null;
  if (load.status === 'ready') {
    onStage('embeddings', chunks.length);
    vectors = await load.embedder.embedPassages(
      chunks.map((chunk) => chunk.text),
      onProgress,
    );
    modes.push('dense');
  } else {
    onWarning(messages.lexicalOnly(load.reason));
  }

  onStage('wegschrijven', 1);
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    buildSeconds: Math.round((performance.now() - started) / 100) / 10,
    corpusHash,
    model: {
      id: options.model.modelId,
      dtype: options.model.dtype,
      dimensions: load.status === 'ready' ? load.embedder.dimensions : null,
      denseUnavailableReason: load.status === 'ready' ? null : load.reason,
    },
    chunking: options.chunking,
    vector: null,
    modes,
    counts: { documents: documents.length, chunks: chunks.length, tokens: chunks.reduce((sum, chunk) => sum + chunk.tokens, 0) },
  };
  await options.writer.write({ manifest, documents, chunks, terms, vectors });
  onProgress(1);
  return manifest;
}

/** A passage is found by its own words and by the heading of its section ("Ondersteuning van mantelzorgers"). */
function indexTerms(chunks: readonly Chunk[], analyzer: DutchAnalyzer, onProgress: (done: number) => void): string[][] {
  const headingTerms = new Map<string, string[]>();
  const terms = chunks.map((chunk, i) => {
    if (i % 20 === 0) onProgress(i);
    const heading = chunk.section && !chunk.text.startsWith(chunk.section) ? chunk.section : '';
    if (!headingTerms.has(heading)) headingTerms.set(heading, analyzer.indexTerms(heading));
    return [...analyzer.indexTerms(chunk.text), ...headingTerms.get(heading)!];
  });
  onProgress(chunks.length);
  return terms;
}

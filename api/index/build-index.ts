// Builds the index from a corpus folder: read and clean, chunk, index lexically, embed when the
// model is available, and write everything atomically. Progress is reported through callbacks;
// printing is the caller's business.
import { chunkDocument, type Chunk, type ChunkSettings } from '../chunk/chunk-document.js';
import { loadTokenCounter } from '../chunk/token-counter.js';
import { loadEmbedder } from '../embed/embedder.js';
import type { ModelSettings } from '../embed/model-files.js';
import { hashCorpus, listCorpusFiles } from '../ingest/corpus-files.js';
import { loadCorpus } from '../ingest/load-corpus.js';
import { loadDutchAnalyzer } from '../language/load-analyzer.js';
import { INDEX_FORMAT_VERSION, writeIndex, type IndexManifest, type RetrievalMode } from './index-store.js';
import { buildLexicalIndex } from './lexical-index.js';
import { DEFAULT_VECTOR_SETTINGS, VectorIndex } from './vector-index.js';

export interface BuildOptions {
  corpusDir: string;
  indexDir: string;
  model: ModelSettings;
  chunking: ChunkSettings;
  onStage?: (stage: BuildStage, total: number) => void;
  onProgress?: (done: number) => void;
  onWarning?: (message: string) => void;
}

export type BuildStage = 'documenten lezen' | 'opdelen in passages' | 'lexicale index' | 'model downloaden' | 'embeddings' | 'wegschrijven';

export async function buildIndex(options: BuildOptions): Promise<IndexManifest> {
  const started = performance.now();
  const { onStage = () => {}, onProgress = () => {}, onWarning = () => {} } = options;

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

  onStage('lexicale index', chunks.length);
  const analyzer = loadDutchAnalyzer();
  const sectionTerms = new Map<string, string[]>();
  const lexical = buildLexicalIndex(
    chunks.map((chunk, i) => {
      if (i % 20 === 0) onProgress(i);
      // A passage is also found by the heading of its section ("Ondersteuning van mantelzorgers").
      const heading = chunk.section && !chunk.text.startsWith(chunk.section) ? chunk.section : '';
      if (heading && !sectionTerms.has(heading)) sectionTerms.set(heading, analyzer.indexTerms(heading));
      return [...analyzer.indexTerms(chunk.text), ...(sectionTerms.get(heading) ?? [])];
    }),
  );
  onProgress(chunks.length);

  const modes: RetrievalMode[] = ['lexical'];
  let downloading = false;
  const load = await loadEmbedder(options.model, (percent) => {
    if (!downloading) onStage('model downloaden', 100);
    downloading = true;
    onProgress(percent);
  });
  let vectors: VectorIndex | null = null;
  if (load.status === 'ready') {
    onStage('embeddings', chunks.length);
    const embeddings = await load.embedder.embedPassages(chunks.map((chunk) => chunk.text), onProgress);
    vectors = VectorIndex.build(embeddings, load.embedder.dimensions);
    modes.push('dense');
  } else {
    onWarning(`Alleen lexicaal zoeken: ${load.reason}.`);
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
    vector: vectors ? DEFAULT_VECTOR_SETTINGS : null,
    modes,
    counts: { documents: documents.length, chunks: chunks.length, tokens: chunks.reduce((sum, chunk) => sum + chunk.tokens, 0) },
  };
  await writeIndex(options.indexDir, {
    manifest,
    documents: documents.map(({ sections: _sections, ...document }) => document),
    chunks,
    lexical,
    vectors,
  });
  onProgress(1);
  return manifest;
}

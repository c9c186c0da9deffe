// Embeds passages and questions with a transformers.js feature-extraction model (mean pooling,
// normalised), using the "query: " / "passage: " prefixes the E5 models were trained with.
// When the weights cannot be had, loading says why instead of failing the build or the server.
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import { hasLocalWeights, loadTransformers, type ModelSettings, weightsPath } from './model-files.js';

export interface Embedder {
  modelId: string;
  dimensions: number;
  embedPassages(texts: readonly string[], onBatch?: (done: number) => void): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
}

export type EmbedderLoad = { status: 'ready'; embedder: Embedder } | { status: 'unavailable'; reason: string };

const BATCH_SIZE = 16;

/** Download progress of the model weights, 0..100, when they are fetched on first use. */
export type DownloadProgress = (percent: number) => void;

export async function loadEmbedder(settings: ModelSettings, onDownload?: DownloadProgress): Promise<EmbedderLoad> {
  const local = hasLocalWeights(settings);
  if (!local && !settings.allowDownload) {
    return { status: 'unavailable', reason: `modelgewichten ontbreken (${weightsPath(settings)}) en downloaden staat uit` };
  }
  const { pipeline } = await loadTransformers(settings);
  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', settings.modelId, {
      dtype: settings.dtype,
      device: 'cpu',
      progress_callback: (event: { status: string; file?: string; progress?: number }) => {
        if (event.status === 'progress' && event.file?.endsWith('.onnx') && event.progress !== undefined) onDownload?.(Math.round(event.progress));
      },
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const offline = /fetch failed|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT/.test(detail + String((error as { cause?: unknown })?.cause ?? ''));
    const reason = offline
      ? `modelgewichten ontbreken (${weightsPath(settings)}) en downloaden lukt niet (geen verbinding met de Hugging Face Hub)`
      : `model ${settings.modelId} kon niet worden geladen: ${detail}`;
    return { status: 'unavailable', reason };
  }

  const embed = async (texts: string[]): Promise<Float32Array[]> => {
    const output = await extractor(texts, { pooling: 'mean', normalize: true });
    const [rows, dimensions] = output.dims as [number, number];
    const data = output.data as Float32Array;
    return Array.from({ length: rows }, (_, row) => data.slice(row * dimensions, (row + 1) * dimensions));
  };
  const [probe] = await embed(['query: test']);

  return {
    status: 'ready',
    embedder: {
      modelId: settings.modelId,
      dimensions: probe!.length,
      async embedPassages(texts, onBatch) {
        const vectors: Float32Array[] = [];
        for (let i = 0; i < texts.length; i += BATCH_SIZE) {
          vectors.push(...(await embed(texts.slice(i, i + BATCH_SIZE).map((text) => `passage: ${text}`))));
          onBatch?.(vectors.length);
        }
        return vectors;
      },
      async embedQuery(text) {
        const [vector] = await embed([`query: ${text}`]);
        return vector!;
      },
    },
  };
}

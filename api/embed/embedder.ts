// Embeds passages and questions with a transformers.js feature-extraction model (mean pooling,
// normalised), using the "query: " / "passage: " prefixes the E5 models were trained with.
// When the weights cannot be had, loading says why instead of failing the build or the server.
import { pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { configureTransformers, hasLocalWeights, weightsPath, type ModelSettings } from './model-files.js';

export interface Embedder {
  modelId: string;
  dimensions: number;
  embedPassages(texts: readonly string[], onBatch?: (done: number) => void): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
}

export type EmbedderLoad = { status: 'ready'; embedder: Embedder } | { status: 'unavailable'; reason: string };

const BATCH_SIZE = 16;

export async function loadEmbedder(settings: ModelSettings): Promise<EmbedderLoad> {
  if (!hasLocalWeights(settings) && !settings.allowDownload) {
    return { status: 'unavailable', reason: `modelgewichten ontbreken (${weightsPath(settings)}) en downloaden staat uit` };
  }
  configureTransformers(settings);
  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', settings.modelId, { dtype: settings.dtype, device: 'cpu' });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { status: 'unavailable', reason: `model ${settings.modelId} kon niet worden geladen: ${detail}` };
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

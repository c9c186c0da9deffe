// The messages between the embedder (embedder.ts) and its worker threads (embedding-worker.ts).
import type { ModelSettings } from './model-files.js';

export interface EmbedderWorkerData {
  /** Absolute, with a trailing slash: transformers.js joins model ids onto it. */
  modelsDir: string;
  modelId: string;
  dtype: ModelSettings['dtype'];
  threads: number;
  /** Fetch the weights first (they are missing and downloading is allowed). */
  download: boolean;
  /** "own": the exact SentencePiece tokenizer and ONNX session where the model allows; "transformers": its pipeline. */
  pipeline: 'own' | 'transformers';
}

export type ToWorker = { id: number; texts: string[] };

export type FromWorker =
  | { type: 'progress'; percent: number }
  | { type: 'ready'; dimensions: number; pipeline: 'own' | 'transformers' }
  | { type: 'failed'; detail: string; offline: boolean }
  | { id: number; rows: number; dimensions: number; data: Float32Array }
  | { id: number; error: string };

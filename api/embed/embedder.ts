// Embeds passages and questions with the embedding model (mean pooling, normalised), using the
// "query: " / "passage: " prefixes the E5 models were trained with. The model runs in worker
// threads (embedding-worker.ts): onnxruntime-node computes on the calling thread, and a server
// must keep answering while it embeds. When the weights cannot be had, loading says why instead
// of failing the build or the server.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EmbedderWorkerData, FromWorker } from './embedder-protocol.js';
import { hasLocalWeights, type ModelSettings, weightsName, withoutPaths } from './model-files.js';

export interface Embedder {
  modelId: string;
  dimensions: number;
  embedPassages(texts: readonly string[], onProgress?: (done: number) => void): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
  /** Which code tokenizes and runs the model: the exact SentencePiece path, or transformers.js's pipeline. */
  pipeline: 'own' | 'transformers';
  /** Stops the worker threads; the embedder cannot be used afterwards. */
  close(): Promise<void>;
}

export type EmbedderLoad = { status: 'ready'; embedder: Embedder } | { status: 'unavailable'; reason: string };

/** Download progress of the model weights, 0..100, when they are fetched on first use. */
export type DownloadProgress = (percent: number) => void;

export interface EmbedderOptions {
  /**
   * Worker threads, each with its own copy of the model. A build uses one per core: with the
   * multilingual-e5-small stand-in on 2 cores, two single-threaded workers embedded the bundled
   * corpus at 3,548 tokens/s, one worker with two threads at 3,052 (the threads wait on each
   * other inside every layer). A server uses one for its short questions (SERVING_EMBEDDER).
   */
  workers?: number;
  threadsPerWorker?: number;
  onDownload?: DownloadProgress;
  /** transformers.js's pipeline even where the model's tokenizer is reproduced exactly (for comparisons). */
  forceTransformersPipeline?: boolean;
}

/**
 * Passages per model run. One passage a run pads nothing and keeps a layer's activations in
 * cache: measured with the stand-in (2 workers), 1 / 4 / 16 passages a run gave 3,548 / 2,796 /
 * 2,268 tokens/s on the bundled corpus.
 */
const PASSAGES_PER_RUN = 1;
/** Questions remembered with their vectors: a repeated question is not embedded again. */
const QUERY_CACHE_SIZE = 512;
const WORKER_URL = new URL('./embedding-worker.mjs', import.meta.url);
/**
 * A worker's short-lived JavaScript objects are a question's or a passage's tokens; the tensors
 * live outside the heap. V8's default young generation let a serving worker grow to 355 MB;
 * with 4 MB it held 308 MB after the same 100 questions, at no measurable cost in speed.
 */
const WORKER_YOUNG_GENERATION_MB = 4;

type WorkerMessage = FromWorker;

/** Build settings: one single-threaded model per core. */
export const BUILD_EMBEDDER: EmbedderOptions = { workers: Math.max(1, Math.min(2, availableParallelism())), threadsPerWorker: 1 };
/**
 * Serving settings: one model, with every core but one for each question. The question's vector
 * is computed while the main thread retrieves lexically and answers HTTP, so that thread keeps a
 * core: with the stand-in on 2 cores (npm run bench -- --standin), one ONNX thread gave new
 * questions p50 8.8–10.0 ms, p95 13.7–15.6, p99 16.6–19.1 over six runs; two threads p50
 * 7.6–8.9, p95 15.3–17.4, p99 18.3–21.6 over five. A steadier tail for a millisecond of median.
 */
export const SERVING_EMBEDDER: EmbedderOptions = { workers: 1, threadsPerWorker: Math.max(1, availableParallelism() - 1) };

export async function loadEmbedder(settings: ModelSettings, options: EmbedderOptions = {}): Promise<EmbedderLoad> {
  const { workers = 1, threadsPerWorker = availableParallelism(), onDownload, forceTransformersPipeline = false } = options;
  const local = hasLocalWeights(settings);
  if (!local && !settings.allowDownload) {
    return { status: 'unavailable', reason: `modelgewichten ontbreken (${weightsName(settings)}) en downloaden staat uit` };
  }
  const data: EmbedderWorkerData = {
    modelsDir: `${resolve(settings.modelsDir)}/`,
    modelId: settings.modelId,
    dtype: settings.dtype,
    threads: threadsPerWorker,
    download: !local,
    pipeline: forceTransformersPipeline ? 'transformers' : 'own',
  };
  // The first worker fetches the weights when they are missing; the others then find them.
  const first = await startWorker(data, onDownload);
  if (first.status === 'failed') {
    const reason = first.offline
      ? `modelgewichten ontbreken (${weightsName(settings)}) en downloaden lukt niet (geen verbinding met de Hugging Face Hub)`
      : `model ${settings.modelId} kon niet worden geladen: ${withoutPaths(first.detail)}`;
    return { status: 'unavailable', reason };
  }
  const others = await Promise.all(Array.from({ length: workers - 1 }, () => startWorker({ ...data, download: false })));
  const workersReady = [first.worker, ...others.flatMap((started) => (started.status === 'ready' ? [started.worker] : []))];
  for (const worker of workersReady) worker.unref();
  const pool = createPool(workersReady);
  const cache = new Map<string, Float32Array>();

  return {
    status: 'ready',
    embedder: {
      modelId: settings.modelId,
      dimensions: first.dimensions,
      pipeline: first.pipeline,
      async embedPassages(texts, onProgress) {
        let done = 0;
        const runs: Promise<Float32Array[]>[] = [];
        for (let i = 0; i < texts.length; i += PASSAGES_PER_RUN) {
          const batch = texts.slice(i, i + PASSAGES_PER_RUN).map((text) => `passage: ${text}`);
          runs.push(
            pool.run(batch).then((vectors) => {
              done += vectors.length;
              onProgress?.(done);
              return vectors;
            }),
          );
        }
        return (await Promise.all(runs)).flat();
      },
      async embedQuery(text) {
        const cached = cache.get(text);
        if (cached) {
          cache.delete(text); // re-inserted below: the map's order is the recency order
          cache.set(text, cached);
          return cached;
        }
        const [vector] = await pool.run([`query: ${text}`]);
        cache.set(text, vector!);
        if (cache.size > QUERY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        return vector!;
      },
      close: () => pool.close(),
    },
  };
}

type Started =
  | { status: 'ready'; worker: Worker; dimensions: number; pipeline: 'own' | 'transformers' }
  | { status: 'failed'; detail: string; offline: boolean };

function startWorker(workerData: EmbedderWorkerData, onDownload?: DownloadProgress): Promise<Started> {
  const worker = new Worker(WORKER_URL, { workerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  return new Promise((done) => {
    const onMessage = (message: WorkerMessage) => {
      if (!('type' in message)) return;
      if (message.type === 'progress') onDownload?.(message.percent);
      else {
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (message.type === 'ready') done({ status: 'ready', worker, dimensions: message.dimensions, pipeline: message.pipeline });
        else done({ status: 'failed', detail: message.detail, offline: message.offline });
      }
    };
    const onError = (error: Error) => done({ status: 'failed', detail: error.message, offline: false });
    worker.on('message', onMessage);
    worker.once('error', onError);
  });
}

interface Task {
  id: number;
  texts: string[];
  resolve(vectors: Float32Array[]): void;
  reject(error: Error): void;
}

/** Hands each run to the next idle worker, in the order asked. */
function createPool(workers: Worker[]) {
  const queue: Task[] = [];
  const busy = new Map<Worker, Task>();
  let nextId = 0;
  let broken: Error | null = null;

  const dispatch = () => {
    for (const worker of workers) {
      if (busy.has(worker) || queue.length === 0) continue;
      const task = queue.shift()!;
      busy.set(worker, task);
      worker.ref(); // a run in progress keeps the process alive; an idle model does not
      worker.postMessage({ id: task.id, texts: task.texts });
    }
  };
  for (const worker of workers) {
    worker.on('message', (message: WorkerMessage) => {
      const task = busy.get(worker);
      if ('type' in message || !task || message.id !== task.id) return;
      busy.delete(worker);
      worker.unref();
      if ('error' in message) task.reject(new Error(`embedding failed: ${message.error}`));
      else task.resolve(Array.from({ length: message.rows }, (_, row) => message.data.subarray(row * message.dimensions, (row + 1) * message.dimensions)));
      dispatch();
    });
    // A worker that dies takes its run with it, and the embedder with it: say so to every caller.
    const fail = (reason: string) => {
      broken ??= new Error(`embedding worker stopped: ${reason}`);
      for (const task of [...busy.values(), ...queue.splice(0)]) task.reject(broken);
      busy.clear();
    };
    worker.on('error', (error: Error) => fail(error.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
  }

  return {
    run(texts: string[]): Promise<Float32Array[]> {
      if (broken) return Promise.reject(broken);
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, texts, resolve, reject });
        dispatch();
      });
    },
    async close() {
      broken = new Error('embedder closed');
      for (const task of [...busy.values(), ...queue.splice(0)]) task.reject(broken);
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

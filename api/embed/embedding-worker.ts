// A worker thread that holds one embedding model and embeds what it is sent (started through
// embedding-worker.mjs). onnxruntime-node computes on the thread that calls it, so the model
// lives here, off the thread that serves requests.
//
// For a SentencePiece model such as multilingual-e5 it tokenizes with sentencepiece-tokenizer.ts
// and runs the ONNX session itself (mean pooling, L2 norm, as transformers.js's
// feature-extraction pipeline does): the same vectors for a fifth of the memory. Any other
// model goes through transformers.js's pipeline. transformers.js also fetches missing weights.
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { EmbedderWorkerData, FromWorker, ToWorker } from './embedder-protocol.js';
import { loadTransformers, weightsPath } from './model-files.js';
import { loadModelTokenizer, type ModelTokenizer } from './sentencepiece-tokenizer.js';

type Embed = (texts: string[]) => Promise<{ rows: number; dimensions: number; data: Float32Array }>;

const port = parentPort!;
const settings = workerData as EmbedderWorkerData;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** transformers.js, pointed at the models folder (downloads allowed only to fetch missing weights). */
const transformers = (allowDownload: boolean) => loadTransformers({ ...settings, allowDownload });

async function fetchWeights(): Promise<void> {
  const { pipeline } = await transformers(true);
  const extractor = await pipeline('feature-extraction', settings.modelId, {
    dtype: settings.dtype,
    device: 'cpu',
    progress_callback: (event: { status: string; file?: string; progress?: number }) => {
      if (event.status === 'progress' && event.file?.endsWith('.onnx') && event.progress !== undefined)
        post({ type: 'progress', percent: Math.round(event.progress) });
    },
  });
  await extractor.dispose();
}

async function ownPipeline(tokenizer: ModelTokenizer): Promise<Embed> {
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(weightsPath({ ...settings, allowDownload: false }), {
    intraOpNumThreads: settings.threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  return async (texts) => {
    const encoded = texts.map((text) => tokenizer.encode(text));
    const rows = encoded.length;
    const length = Math.max(...encoded.map((ids) => ids.length));
    const ids = new BigInt64Array(rows * length); // padded with id 0 where the mask is 0
    const mask = new BigInt64Array(rows * length);
    encoded.forEach((row, r) => {
      row.forEach((id, t) => {
        ids[r * length + t] = BigInt(id);
        mask[r * length + t] = 1n;
      });
    });
    const shape = [rows, length];
    const inputs: Record<string, InstanceType<typeof ort.Tensor>> = {
      input_ids: new ort.Tensor('int64', ids, shape),
      attention_mask: new ort.Tensor('int64', mask, shape),
      token_type_ids: new ort.Tensor('int64', new BigInt64Array(rows * length), shape),
    };
    const feeds = Object.fromEntries(session.inputNames.map((name) => [name, inputs[name]!]));
    const output = (await session.run(feeds))[session.outputNames[0]!]!;
    const hidden = output.data as Float32Array;
    const dimensions = output.dims[2]!;
    const data = new Float32Array(rows * dimensions);
    encoded.forEach((row, r) => {
      const vector = data.subarray(r * dimensions, (r + 1) * dimensions);
      for (let t = 0; t < row.length; t++) {
        const offset = (r * length + t) * dimensions;
        for (let d = 0; d < dimensions; d++) vector[d]! += hidden[offset + d]!;
      }
      let norm = 0;
      for (let d = 0; d < dimensions; d++) {
        vector[d]! /= row.length;
        norm += vector[d]! * vector[d]!;
      }
      norm = Math.max(Math.sqrt(norm), 1e-12);
      for (let d = 0; d < dimensions; d++) vector[d]! /= norm;
    });
    return { rows, dimensions, data };
  };
}

async function transformersPipeline(): Promise<Embed> {
  const { pipeline } = await transformers(false);
  const extractor = await pipeline('feature-extraction', settings.modelId, {
    dtype: settings.dtype,
    device: 'cpu',
    session_options: { intraOpNumThreads: settings.threads, interOpNumThreads: 1 },
  });
  return async (texts) => {
    const output = await extractor(texts, { pooling: 'mean', normalize: true });
    const [rows, dimensions] = output.dims as [number, number];
    return { rows, dimensions, data: (output.data as Float32Array).slice() };
  };
}

let embed: Embed;
try {
  if (settings.download) await fetchWeights();
  const tokenizer = settings.pipeline === 'own' ? loadModelTokenizer(join(settings.modelsDir, settings.modelId)) : null;
  embed = tokenizer ? await ownPipeline(tokenizer) : await transformersPipeline();
  const probe = await embed(['query: test']);
  post({ type: 'ready', dimensions: probe.dimensions, pipeline: tokenizer ? 'own' : 'transformers' });
} catch (error) {
  const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const cause = String((error as { cause?: unknown })?.cause ?? '');
  post({ type: 'failed', detail, offline: /fetch failed|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT/.test(detail + cause) });
  process.exit(0);
}

port.on('message', async ({ id, texts }: ToWorker) => {
  try {
    const { rows, dimensions, data } = await embed(texts);
    post({ id, rows, dimensions, data }, [data.buffer as ArrayBuffer]);
  } catch (error) {
    post({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

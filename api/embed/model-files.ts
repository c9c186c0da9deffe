// Where the embedding model's files live, and how transformers.js is pointed at them: models
// load from MODELS_DIR, and a download (when allowed) is cached into that same folder layout,
// so weights placed there by hand or fetched once are found the same way afterwards.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ModelSettings {
  modelsDir: string;
  modelId: string;
  /** transformers.js dtype; "q8" is the file onnx/model_quantized.onnx. */
  dtype: 'q8' | 'fp32' | 'fp16' | 'int8' | 'uint8' | 'q4';
  allowDownload: boolean;
}

const DTYPE_SUFFIX: Record<ModelSettings['dtype'], string> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
};

/**
 * Loads transformers.js and points it at the models folder. Imported only when a model is
 * needed: the library and its ONNX runtime take some 170 MB, which a lexical-only server spares.
 */
export async function loadTransformers(settings: ModelSettings): Promise<typeof import('@huggingface/transformers')> {
  const transformers = await import('@huggingface/transformers');
  const { env } = transformers;
  const modelsDir = `${resolve(settings.modelsDir)}/`;
  env.localModelPath = modelsDir;
  env.cacheDir = modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = settings.allowDownload;
  // The library's own warnings ("Unable to fetch model file metadata …" when offline) reach a
  // colleague's terminal between our messages; every failure that matters is reported by us.
  env.logLevel = transformers.LogLevel.ERROR;
  return transformers;
}

export function weightsPath(settings: ModelSettings): string {
  return join(resolve(settings.modelsDir), settings.modelId, 'onnx', `model${DTYPE_SUFFIX[settings.dtype]}.onnx`);
}

/** The weights file as a user may be told of it: below MODELS_DIR, never the server's full path. */
export function weightsName(settings: Pick<ModelSettings, 'modelId' | 'dtype'>): string {
  return `MODELS_DIR/${settings.modelId}/onnx/model${DTYPE_SUFFIX[settings.dtype]}.onnx`;
}

/** A message with every absolute path shortened to its file name. */
export function withoutPaths(text: string): string {
  return text.replace(/(?:[A-Za-z]:)?(?:[\\/][^\s\\/'"()]+)+[\\/]([^\s\\/'"()]+)/g, '$1');
}

export function hasLocalWeights(settings: ModelSettings): boolean {
  return existsSync(weightsPath(settings));
}

// The embedder's own SentencePiece path must give what transformers.js gives: the same input
// ids for every text (the real multilingual-e5 tokenizer), and so the same vectors.
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Embedder, loadEmbedder } from '../../api/embed/embedder.js';
import { loadModelTokenizer, type ModelTokenizer } from '../../api/embed/sentencepiece-tokenizer.js';
import { listCorpusFiles } from '../../api/ingest/corpus-files.js';
import { CORPUS_DIR, OFFLINE_MODEL } from '../fixtures/paths.js';
import { TINY_MODEL_ID, writeTinyEmbeddingModel } from '../fixtures/tiny-embedding-model.js';

const EDGE_CASES = [
  '',
  ' ',
  'Wat is respijtzorg?',
  '  twee  spaties en een tab\there\nen regels\r\n',
  'mantelzorgondersteuning, e-health en 65-plussers (zie § 3.2).',
  'Ideeën, coöperatie, café, naïef, ĳs en ﬁets',
  '<mask> tussen <s>tekens</s> en <unk><pad>',
  'emoji 👍🏽 en 🧑‍🤝‍🧑 in tekst',
  'bel\u0007 en \u200b onzichtbaar \uFEFF en \uFFFD vervangen',
  'volle breedte ～ tilde ＡＢＣ',
  'العربية 中文 日本語 한국어 ελληνικά русский',
  '▁al een streepje',
  'x'.repeat(3000),
  'woord '.repeat(700),
];

let ours: ModelTokenizer;
let reference: Awaited<ReturnType<typeof AutoTokenizer.from_pretrained>>;

beforeAll(async () => {
  const modelDir = join(OFFLINE_MODEL.modelsDir, OFFLINE_MODEL.modelId);
  ours = loadModelTokenizer(modelDir)!;
  env.localModelPath = `${OFFLINE_MODEL.modelsDir}/`;
  env.allowRemoteModels = false;
  reference = await AutoTokenizer.from_pretrained(OFFLINE_MODEL.modelId);
});

/** The ids transformers.js's feature-extraction pipeline feeds the model (truncated to its limit). */
function referenceIds(text: string): number[] {
  const encoded = reference(text, { truncation: true, return_tensor: false }) as unknown as { input_ids: number[] };
  return encoded.input_ids.map(Number);
}

describe('the SentencePiece tokenizer', () => {
  it('is available for multilingual-e5', () => {
    expect(ours).not.toBeNull();
  });

  it.each(EDGE_CASES.map((text) => [text.length > 60 ? `${text.slice(0, 40)}… (${text.length} chars)` : JSON.stringify(text), text]))(
    'encodes %s as transformers.js does',
    (_, text) => {
      expect(ours.encode(text)).toEqual(referenceIds(text));
    },
  );

  it('encodes every paragraph of the bundled corpus as transformers.js does', async () => {
    let paragraphs = 0;
    for (const file of await listCorpusFiles(CORPUS_DIR)) {
      if (!file.relativePath.endsWith('.txt')) continue;
      for (const paragraph of readFileSync(file.path, 'utf8').split(/\n\s*\n/)) {
        paragraphs++;
        const text = `passage: ${paragraph}`;
        const expected = referenceIds(text);
        const actual = ours.encode(text);
        if (actual.join() !== expected.join()) expect({ text, actual }).toEqual({ text, actual: expected });
      }
    }
    expect(paragraphs).toBeGreaterThan(100);
  });
});

describe('the embedder', () => {
  let own: Embedder;
  let pipeline: Embedder;

  beforeAll(async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'bronwijzer-models-'));
    await writeTinyEmbeddingModel(modelsDir);
    const settings = { modelsDir, modelId: TINY_MODEL_ID, dtype: 'q8' as const, allowDownload: false };
    const [a, b] = await Promise.all([loadEmbedder(settings), loadEmbedder(settings, { forceTransformersPipeline: true })]);
    if (a.status !== 'ready' || b.status !== 'ready') throw new Error('the tiny model did not load');
    own = a.embedder;
    pipeline = b.embedder;
  });
  afterAll(async () => {
    await own.close();
    await pipeline.close();
  });

  it('takes its own path for a SentencePiece model, and gives the vectors transformers.js gives', async () => {
    expect(own.pipeline).toBe('own');
    expect(pipeline.pipeline).toBe('transformers');
    const texts = EDGE_CASES.filter(Boolean);
    const [a, b] = await Promise.all([own.embedPassages(texts), pipeline.embedPassages(texts)]);
    a.forEach((vector, i) => {
      const other = b[i]!;
      for (let d = 0; d < vector.length; d++) expect(vector[d]).toBeCloseTo(other[d]!, 5);
    });
    expect(await own.embedQuery('Wat is respijtzorg?')).toEqual(expect.any(Float32Array));
  });
});

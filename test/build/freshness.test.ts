import { describe, expect, it } from 'vitest';
import { staleReasons } from '../../api/build/freshness.js';
import { DEFAULT_CHUNKING } from '../../api/env.js';
import { testManifest as manifest } from '../fixtures/manifest.js';

describe('staleReasons', () => {
  const expected = {
    corpusHash: 'h',
    modelId: 'Xenova/multilingual-e5-small',
    dtype: 'q8',
    weightsAvailable: false,
    chunking: DEFAULT_CHUNKING,
    ocr: true,
    buildCode: 'code',
  };

  it('finds nothing wrong with a matching index', () => {
    expect(staleReasons(manifest('h'), expected)).toEqual([]);
  });

  it('notices a missing index, a changed corpus, another model, new weights, new chunk settings, OCR switched and changed build code', () => {
    expect(staleReasons(null, expected)).toHaveLength(1);
    expect(staleReasons(manifest('other'), expected)).toEqual(['de documenten in de corpusmap zijn gewijzigd']);
    expect(staleReasons(manifest('h'), { ...expected, modelId: 'intfloat/other' })[0]).toMatch(/embeddingmodel/);
    expect(staleReasons(manifest('h'), { ...expected, weightsAvailable: true })[0]).toMatch(/modelgewichten/);
    expect(staleReasons(manifest('h'), { ...expected, chunking: { chunkTokens: 300, overlapTokens: 40 } })[0]).toMatch(/chunk/);
    expect(staleReasons(manifest('h'), { ...expected, ocr: false })).toEqual(['tekstherkenning (OCR) staat nu uit']);
    expect(staleReasons(manifest('h', 'older code'), expected)).toEqual([
      'de verwerking van documenten is gewijzigd (lezen, opschonen, opdelen of analyseren)',
    ]);
    expect(staleReasons({ ...manifest('h'), buildCode: undefined }, expected)).toHaveLength(1);
  });
});

import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../api/errors.js';
import { staleReasons } from '../../api/index/freshness.js';
import { INDEX_FORMAT_VERSION, readIndex, readManifest, writeIndex, type IndexManifest } from '../../api/index/index-store.js';
import type { VectorIndex } from '../../api/index/vector-index.js';

const manifest = (corpusHash: string): IndexManifest => ({
  formatVersion: INDEX_FORMAT_VERSION,
  builtAt: new Date().toISOString(),
  buildSeconds: 1,
  corpusHash,
  model: { id: 'Xenova/multilingual-e5-small', dtype: 'q8', dimensions: null, denseUnavailableReason: 'test' },
  chunking: { chunkTokens: 200, overlapTokens: 40 },
  vector: null,
  modes: ['lexical'],
  counts: { documents: 1, chunks: 1, tokens: 3 },
});

const index = (corpusHash: string, vectors: VectorIndex | null = null) => ({
  manifest: manifest(corpusHash),
  documents: [{ id: 'd', fileName: 'd.txt', title: 'D', source: null, date: null, kind: 'text' as const, text: 'Tekst.' }],
  chunks: [{ id: 'd:0', documentId: 'd', start: 0, end: 6, text: 'Tekst.', section: null, headings: [], tokens: 3 }],
  lexical: { k1: 1.2, b: 0.75, docLengths: [1], postings: { tekst: [0, 1] } },
  vectors,
});

describe('index store', () => {
  it('says what to run when there is no index yet', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bronwijzer-index-'));
    await expect(readIndex(dir)).rejects.toMatchObject({ code: 'index_missing' });
    await expect(readIndex(dir)).rejects.toThrow(/npm run build:index/);
  });

  it('writes a build and reads it back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bronwijzer-index-'));
    await writeIndex(dir, index('first'));
    const stored = await readIndex(dir);
    expect(stored.manifest.corpusHash).toBe('first');
    expect(stored.chunks[0]!.text).toBe('Tekst.');
  });

  it('leaves the previous index serving when a build fails half-way', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bronwijzer-index-'));
    await writeIndex(dir, index('first'));
    const failingVectors = { save: () => { throw new Error('disk full'); } } as unknown as VectorIndex;
    await expect(writeIndex(dir, index('second', failingVectors))).rejects.toThrow('disk full');
    expect((await readManifest(dir))?.corpusHash).toBe('first');
    expect(await readdir(join(dir, 'builds'))).toHaveLength(1); // the broken build is cleaned up
  });

  it('keeps only the current and the previous build', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bronwijzer-index-'));
    for (const hash of ['a', 'b', 'c']) await writeIndex(dir, index(hash));
    expect((await readManifest(dir))?.corpusHash).toBe('c');
    expect(await readdir(join(dir, 'builds'))).toHaveLength(2);
  });

  it('refuses an index of another format version', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bronwijzer-index-'));
    await writeIndex(dir, { ...index('x'), manifest: { ...manifest('x'), formatVersion: INDEX_FORMAT_VERSION + 1 } });
    await expect(readIndex(dir)).rejects.toBeInstanceOf(AppError);
  });
});

describe('staleReasons', () => {
  const expected = { corpusHash: 'h', modelId: 'Xenova/multilingual-e5-small', dtype: 'q8', weightsAvailable: false, chunking: { chunkTokens: 200, overlapTokens: 40 } };

  it('finds nothing wrong with a matching index', () => {
    expect(staleReasons(manifest('h'), expected)).toEqual([]);
  });

  it('notices a missing index, a changed corpus, another model, new weights and new chunk settings', () => {
    expect(staleReasons(null, expected)).toHaveLength(1);
    expect(staleReasons(manifest('other'), expected)).toEqual(['de documenten in de corpusmap zijn gewijzigd']);
    expect(staleReasons(manifest('h'), { ...expected, modelId: 'intfloat/other' })[0]).toMatch(/embeddingmodel/);
    expect(staleReasons(manifest('h'), { ...expected, weightsAvailable: true })[0]).toMatch(/modelgewichten/);
    expect(staleReasons(manifest('h'), { ...expected, chunking: { chunkTokens: 300, overlapTokens: 40 } })[0]).toMatch(/chunk/);
  });
});

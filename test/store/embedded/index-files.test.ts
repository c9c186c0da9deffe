import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEX_FORMAT_VERSION } from '../../../api/build/built-index.js';
import { AppError } from '../../../api/errors.js';
import { encodeLexicalIndex } from '../../../api/index/lexical-file.js';
import { buildLexicalIndex } from '../../../api/index/lexical-index.js';
import type { VectorIndex } from '../../../api/index/vector-index.js';
import { type IndexBuild, readIndexFiles, readManifest, writeIndexFiles } from '../../../api/store/embedded/index-files.js';
import { testManifest } from '../../fixtures/manifest.js';

const manifest = testManifest;

const index = (corpusHash: string, vectors: VectorIndex | null = null): IndexBuild => ({
  manifest: manifest(corpusHash),
  documents: [
    { id: 'd', fileName: 'd.txt', collection: 'alle', title: 'D', source: null, date: null, kind: 'text', text: 'Tekst.', sections: [], recognised: [] },
  ],
  passages: [{ documentId: 'd', start: 0, end: 6, section: null, headings: [], attribution: null, bylines: [], tokens: 3, recognised: [] }],
  lexical: buildLexicalIndex([['tekst']]),
  vectors,
});

const newIndexDir = () => mkdtemp(join(tmpdir(), 'bronwijzer-index-'));

describe('embedded index files', () => {
  it('says what to run when there is no index yet', async () => {
    const dir = await newIndexDir();
    await expect(readIndexFiles(dir)).rejects.toMatchObject({ code: 'index_missing' });
    await expect(readIndexFiles(dir)).rejects.toThrow(/npm run build:index/);
  });

  it('writes a build and reads it back', async () => {
    const dir = await newIndexDir();
    await writeIndexFiles(dir, index('first'));
    const files = await readIndexFiles(dir);
    expect(files.manifest.corpusHash).toBe('first');
    expect(files.passages[0]).toMatchObject({ documentId: 'd', start: 0, end: 6 });
  });

  it('leaves the previous index serving when a build fails half-way', async () => {
    const dir = await newIndexDir();
    await writeIndexFiles(dir, index('first'));
    const failingVectors = {
      save: () => {
        throw new Error('disk full');
      },
    } as unknown as VectorIndex;
    await expect(writeIndexFiles(dir, index('second', failingVectors))).rejects.toThrow('disk full');
    expect((await readManifest(dir))?.corpusHash).toBe('first');
    expect(await readdir(join(dir, 'builds'))).toHaveLength(1); // the broken build is cleaned up
  });

  it('keeps only the current and the previous build', async () => {
    const dir = await newIndexDir();
    for (const hash of ['a', 'b', 'c']) await writeIndexFiles(dir, index(hash));
    expect((await readManifest(dir))?.corpusHash).toBe('c');
    expect(await readdir(join(dir, 'builds'))).toHaveLength(2);
  });

  it('refuses an index of another format version as incompatible, saying what to run', async () => {
    const dir = await newIndexDir();
    await writeIndexFiles(dir, { ...index('x'), manifest: { ...manifest('x'), formatVersion: INDEX_FORMAT_VERSION + 1 } });
    await expect(readIndexFiles(dir)).rejects.toMatchObject({ code: 'index_incompatible', message: expect.stringContaining('npm run build:index') });
  });

  it('calls an older index incompatible, not damaged, though it lacks fields this version needs', async () => {
    const dir = await newIndexDir();
    const { collections: _, ...older } = { ...manifest('x'), formatVersion: INDEX_FORMAT_VERSION - 1 };
    await writeIndexFiles(dir, { ...index('x'), manifest: older as ReturnType<typeof manifest> });
    await expect(readIndexFiles(dir)).rejects.toMatchObject({ code: 'index_incompatible' });
  });

  it.each(['documents.json', 'passages.json', 'lexical.bin'])('refuses %s with one byte flipped, naming it', async (file) => {
    const dir = await newIndexDir();
    await writeIndexFiles(dir, index('x'));
    const bytes = await readFile(join(dir, 'current', file));
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    await writeFile(join(dir, 'current', file), bytes);
    await expect(readIndexFiles(dir)).rejects.toMatchObject({ code: 'index_damaged', message: expect.stringContaining(`${file} is na de bouw veranderd`) });
  });

  it('refuses a lexical index with every length zeroed, which would decode to an index that finds nothing', async () => {
    const dir = await newIndexDir();
    await writeIndexFiles(dir, index('x'));
    const lexical = buildLexicalIndex([['tekst']]);
    await writeFile(join(dir, 'current', 'lexical.bin'), encodeLexicalIndex({ ...lexical, docLengths: lexical.docLengths.map(() => 0) }));
    await expect(readIndexFiles(dir)).rejects.toMatchObject({ code: 'index_damaged', message: expect.stringContaining('lexical.bin') });
  });

  it.each([
    ['truncated JSON', 'passages.json', '[{"documentId": "d", "start"'],
    ['a file of the wrong shape', 'documents.json', '{"not": "a list"}'],
    [
      'offsets outside their document',
      'passages.json',
      JSON.stringify([{ documentId: 'd', start: 0, end: 60, section: null, headings: [], tokens: 3, recognised: [] }]),
    ],
    ['postings of another build', 'lexical.bin', encodeLexicalIndex(buildLexicalIndex([['a'], ['b']]))],
    ['a truncated lexical index', 'lexical.bin', encodeLexicalIndex(buildLexicalIndex([['tekst']])).subarray(0, 30)],
    ['a garbage manifest', 'manifest.json', '\u0000\u0001garbage'],
  ])('refuses %s with a clear 503, never a crash', async (_, file, content) => {
    const dir = await newIndexDir();
    await writeIndexFiles(dir, index('x'));
    await writeFile(join(dir, 'current', file), content);
    const error = await readIndexFiles(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(503);
    expect((error as AppError).message).toMatch(/npm run build:index/);
  });
});

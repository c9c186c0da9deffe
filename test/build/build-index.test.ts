// The build over real files: unreadable files are skipped and named, unchanged documents are
// taken from the cache, and an incremental build ends where a full build would.

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromEnv } from '../../api/build/build-from-env.js';
import { readEnv } from '../../api/env.js';
import { embeddedIndexWriter } from '../../api/store/embedded/embedded-writer.js';
import { readIndexFiles } from '../../api/store/embedded/index-files.js';
import { minimalPdf } from '../fixtures/minimal-pdf.js';
import { OFFLINE_MODEL } from '../fixtures/paths.js';
import { SMALL_CORPUS, testApp, writeCorpus } from '../fixtures/test-index.js';

async function build(corpusDir: string, indexDir: string, warnings: string[] = [], codeFingerprint?: string) {
  return buildFromEnv(readEnv({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, MAX_DOCUMENT_MB: '0.1' }), {
    model: OFFLINE_MODEL,
    writer: embeddedIndexWriter(indexDir),
    onWarning: (warning) => warnings.push(warning),
    ...(codeFingerprint ? { codeFingerprint } : {}),
  });
}

const newDir = (prefix: string) => mkdtemp(join(tmpdir(), `bronwijzer-${prefix}-`));

/** The index's content, without when and how long it took to build. */
async function contentOf(indexDir: string) {
  const files = await readIndexFiles(indexDir);
  const { builtAt, buildSeconds, reused, processed, stageSeconds, ...manifest } = files.manifest;
  return { manifest, documents: files.documents, passages: files.passages, lexical: await readFile(join(indexDir, 'current', 'lexical.bin')) };
}

describe('a build over a folder with unreadable files', () => {
  it('skips a broken PDF, bad metadata, a binary and an empty file, names them, and indexes the rest', async () => {
    const corpus = await writeCorpus({
      ...SMALL_CORPUS,
      'kapot.pdf': '%PDF-1.4\nhalf afgebroken',
      'rapport.txt': 'Een rapport over buurthuizen.',
      'rapport.meta.json': '{ "title": ',
      'foto.txt': '\u0000\u0001\u0002PNG',
      'leeg.md': '',
      'echt.pdf': '',
    });
    await writeFile(join(corpus, 'echt.pdf'), minimalPdf(['Buurthuizen zijn ontmoetingsplekken.'], 'Buurthuizen'));
    const indexDir = await newDir('index');
    const warnings: string[] = [];
    const manifest = await build(corpus, indexDir, warnings);

    expect(manifest.skipped.map((skip) => skip.file).sort()).toEqual(['foto.txt', 'kapot.pdf', 'leeg.md', 'rapport.txt']);
    expect(manifest.skipped.find((skip) => skip.file === 'rapport.txt')!.reason).toMatch(/rapport\.meta\.json/);
    expect(warnings.filter((warning) => warning.startsWith('Overgeslagen'))).toHaveLength(4);
    expect(manifest.counts.documents).toBe(3);

    const { app } = await testApp(indexDir);
    const health = (await (await app.request('/health')).json()) as { manifest: { skipped: { file: string }[] } };
    expect(health.manifest.skipped).toHaveLength(4);
    const ids = ((await (await app.request('/api/documents')).json()) as { id: string }[]).map((document) => document.id);
    expect(ids).toEqual(['echt', 'eenzaamheid', 'mantelzorg']);
  });
});

describe('incremental builds', () => {
  it('take unchanged documents from the cache', async () => {
    const corpus = await writeCorpus();
    const indexDir = await newDir('index');
    expect(await build(corpus, indexDir)).toMatchObject({ processed: 2, reused: 0 });
    expect(await build(corpus, indexDir)).toMatchObject({ processed: 0, reused: 2 });
    await writeFile(join(corpus, 'eenzaamheid.md'), '# Samen tegen eenzaamheid\n\nBel de Luisterlijn.');
    expect(await build(corpus, indexDir)).toMatchObject({ processed: 1, reused: 1 });
  });

  it('process every document again when the build code changed, and record which code built the index', async () => {
    const corpus = await writeCorpus();
    const indexDir = await newDir('index');
    expect(await build(corpus, indexDir, [], 'analyzer v1')).toMatchObject({ processed: 2, reused: 0, buildCode: 'analyzer v1' });
    expect(await build(corpus, indexDir, [], 'analyzer v1')).toMatchObject({ processed: 0, reused: 2 });
    expect(await build(corpus, indexDir, [], 'analyzer v2')).toMatchObject({ processed: 2, reused: 0, buildCode: 'analyzer v2' });
  });

  it('end where a full build of the same folder ends, after adding, changing and removing', async () => {
    const corpus = await writeCorpus({ ...SMALL_CORPUS, 'oud.txt': 'Een document dat weg zal gaan.' });
    const incremental = await newDir('index');
    await build(corpus, incremental);
    await writeFile(join(corpus, 'nieuw.md'), '# Buurthuizen\n\nBuurthuizen zijn laagdrempelige ontmoetingsplekken.');
    await writeFile(join(corpus, 'mantelzorg.txt'), `${SMALL_CORPUS['mantelzorg.txt']}\n\nEen nieuwe alinea over dagbesteding.`);
    await rm(join(corpus, 'oud.txt'));
    const manifest = await build(corpus, incremental);
    expect(manifest).toMatchObject({ processed: 2, reused: 1 });

    const full = await newDir('index');
    const copy = await newDir('corpus');
    await cp(corpus, copy, { recursive: true });
    await build(copy, full);
    expect(await contentOf(incremental)).toEqual(await contentOf(full));
  });

  it('keep what a stopped build finished, so the next one resumes', async () => {
    const corpus = await writeCorpus({ ...SMALL_CORPUS, 'buurthuis.txt': 'Buurthuizen\n\nEen buurthuis is een ontmoetingsplek voor bewoners.' });
    const indexDir = await newDir('stopped');
    const env = readEnv({ CORPUS_DIR: corpus, INDEX_DIR: indexDir });
    const stopAfterTwo = (done: number) => {
      if (done === 2) throw new Error('stopped');
    };
    await expect(buildFromEnv(env, { model: OFFLINE_MODEL, writer: embeddedIndexWriter(indexDir), onProgress: stopAfterTwo })).rejects.toThrow('stopped');
    const manifest = await buildFromEnv(env, { model: OFFLINE_MODEL, writer: embeddedIndexWriter(indexDir) });
    expect(manifest).toMatchObject({ reused: 2, processed: 1 });
  });

  it("keep a document's text and offsets when another document is added", async () => {
    const corpus = await writeCorpus();
    const indexDir = await newDir('index');
    await build(corpus, indexDir);
    const before = await contentOf(indexDir);
    await writeFile(join(corpus, 'extra.txt'), 'Mantelzorgers\nondersteuning en respijt\nzorg: een extra document met afgebroken woorden.');
    await build(corpus, indexDir);
    const after = await contentOf(indexDir);
    for (const id of ['eenzaamheid', 'mantelzorg']) {
      expect(after.documents.find((document) => document.id === id)).toEqual(before.documents.find((document) => document.id === id));
      expect(after.passages.filter((passage) => passage.documentId === id)).toEqual(before.passages.filter((passage) => passage.documentId === id));
    }
  });
});

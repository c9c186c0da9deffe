// Scanned documents through the whole build and the API: a council decision that exists only as
// images is recognised and answers a question with a verbatim quote marked as recognised (in the
// chat's response, the document view and the memo's footnote); a PDF mixing print and scans keeps
// its printed page and names the page recognised too uncertainly, in the build and in /health;
// an unchanged scan is taken from the cache, never recognised twice.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFromEnv } from '../../api/build/build-from-env.js';
import { type AskResponse, askResponseSchema, documentSchema, type IndexManifest } from '../../api/contract.js';
import { readEnv } from '../../api/env.js';
import { SCAN_NOTE } from '../../api/reference.js';
import { embeddedIndexWriter } from '../../api/store/embedded/embedded-writer.js';
import { readIndexFiles } from '../../api/store/embedded/index-files.js';
import { OFFLINE_MODEL } from '../fixtures/paths.js';
import { councilDecisionPdf, mixedPdf } from '../fixtures/scanned-council-decision.js';
import { buildTestIndex, buildTestIndexInto, postJson, SMALL_CORPUS, testApp, writeCorpus } from '../fixtures/test-index.js';

let corpus: string;
let indexDir: string;
let manifest: IndexManifest;
const buildWarnings: string[] = [];
let app: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  corpus = await writeCorpus(SMALL_CORPUS);
  await writeFile(join(corpus, 'raadsbesluit-wijkbudget.pdf'), await councilDecisionPdf());
  await writeFile(join(corpus, 'jaarverslag-de-linde.pdf'), await mixedPdf());
  indexDir = await buildTestIndex(corpus, undefined, buildWarnings);
  manifest = (await readIndexFiles(indexDir)).manifest;
  app = await testApp(indexDir);
}, 120_000);

async function ask(question: string): Promise<AskResponse> {
  return askResponseSchema.parse(await (await app.app.request('/api/ask', postJson({ question }))).json());
}

describe('a corpus with scanned documents', () => {
  it('answers from a scan with a verbatim quote, marked as recognised text', async () => {
    const response = await ask('Hoe hoog is het wijkbudget voor Oosterpark?');

    expect(response.answered).toBe(true);
    const citation = response.citations.find((cited) => cited.quote.includes('48.000 euro'));
    expect(citation?.documentId).toBe('raadsbesluit-wijkbudget');
    expect(citation!.recognised).toEqual({ pages: [1], confidence: expect.any(Number) });
    expect(citation!.recognised!.confidence).toBeGreaterThan(80);
    const document = documentSchema.parse(await (await app.app.request('/api/documents/raadsbesluit-wijkbudget')).json());
    expect(document.text.slice(citation!.start, citation!.end)).toBe(citation!.quote);
    expect(document.recognised.map((page) => page.page)).toEqual([1, 2]);
    expect(document.scannedPages).toBe(2);
    // Cleaned like any text: the scan's hyphenated line break is one word again.
    expect(document.text).toContain('initiatieven die de sociale samenhang in de buurt versterken, zoals een gezamenlijke buurtmaaltijd of een moestuin.');
    // The passage runs on into page 2; the quote is on page 1 alone.
    expect(response.passages.find((passage) => passage.id === citation!.passageId)?.recognised?.pages).toContain(1);
  });

  it('says so in the memo’s footnote', async () => {
    const question = 'Hoe hoog is het wijkbudget voor Oosterpark?';
    const response = await ask(question);
    const turn = {
      question,
      answer: response.answer,
      answered: response.answered,
      mode: response.mode,
      confidence: response.confidence,
      citations: response.citations.map(({ n, documentId, start, end, quote }) => ({ n, documentId, start, end, quote })),
    };
    const memo = await app.app.request('/api/export/memo', postJson({ turns: [turn] }));
    expect(memo.status).toBe(200);
    const footnotes = strFromU8(unzipSync(new Uint8Array(await memo.arrayBuffer()))['word/footnotes.xml']!);
    expect(footnotes).toContain(`${SCAN_NOTE} (pagina 1)`);
  });

  it('keeps a mixed PDF’s printed page as printed and names the uncertain scan in the build and in /health', async () => {
    const document = documentSchema.parse(await (await app.app.request('/api/documents/jaarverslag-de-linde')).json());
    expect(document.text.startsWith('Jaarverslag buurthuis De Linde')).toBe(true);
    expect(document.recognised.map((page) => page.page)).toEqual([2, 3]);
    const answer = await ask('Wie is de beheerder van buurthuis De Linde?');
    expect(answer.citations.some((cited) => cited.quote.includes('mevrouw Jansen') && cited.recognised?.pages[0] === 2)).toBe(true);

    const scan = manifest.scans.find((entry) => entry.file === 'jaarverslag-de-linde.pdf');
    expect(scan).toMatchObject({ pages: 2, doubtful: [{ page: 3, confidence: expect.any(Number) }] });
    expect(manifest.scans.find((entry) => entry.file === 'raadsbesluit-wijkbudget.pdf')).toMatchObject({ pages: 2, doubtful: [] });
    const named = /jaarverslag-de-linde\.pdf: tekst herkend met lage zekerheid op pagina 3/;
    expect(buildWarnings.some((warning) => named.test(warning))).toBe(true);
    expect(buildWarnings).toContainEqual(expect.stringMatching(/jaarverslag-de-linde\.pdf: op pagina 4 is geen leesbare tekst herkend/));
    const health = (await (await app.app.request('/health')).json()) as { warnings: string[] };
    expect(health.warnings.some((warning) => named.test(warning))).toBe(true);
  });

  it('does not recognise an unchanged scan again', async () => {
    await buildTestIndexInto(corpus, indexDir);
    const again = (await readIndexFiles(indexDir)).manifest;
    expect(again).toMatchObject({ processed: 0, reused: 4 });
    expect(again.stageSeconds.read ?? 0).toBeLessThan(manifest.stageSeconds.read!);
  });

  it('with OCR off, skips a document that is only scans and names the pages a mixed one leaves unread', async () => {
    const warnings: string[] = [];
    const { manifest: off } = await readIndexFiles(await buildWith({ OCR: 'off' }, warnings));
    expect(off.skipped).toContainEqual({ file: 'raadsbesluit-wijkbudget.pdf', reason: expect.stringMatching(/alleen gescande pagina's \(2\).*OCR=off/) });
    expect(warnings).toContainEqual(expect.stringMatching(/jaarverslag-de-linde\.pdf: pagina's 2, 3 en 4 zijn scans en niet gelezen/));
  });
});

async function buildWith(settings: Record<string, string>, warnings: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bronwijzer-index-'));
  await buildFromEnv(readEnv({ CORPUS_DIR: corpus, INDEX_DIR: dir, ...settings }), {
    model: OFFLINE_MODEL,
    writer: embeddedIndexWriter(dir),
    onWarning: (warning) => warnings.push(warning),
  });
  return dir;
}

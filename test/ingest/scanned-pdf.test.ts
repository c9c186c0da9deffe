// Reading scanned PDFs: a page that is only an image is rendered and recognised with the Dutch
// model, word for word; a PDF's text pages keep their own text and only its scans are
// recognised, and a photo is not taken for text; a page of absurd size is rendered within a pixel
// budget; with OCR off the scanned pages are named; a scan over its time is unreadable.
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../api/ingest/formats/pdf.js';
import { createPageRecogniser } from '../../api/ingest/ocr/page-recogniser.js';
import { scanImage, scannedPdf, wordAccuracy } from '../../scripts/lib/scanned-pdf.js';
import { councilDecisionPdf, DECISION_PAGES, MIXED_PAGES, mixedPdf } from '../fixtures/scanned-council-decision.js';

const recogniser = createPageRecogniser();
const ocr = { recogniser: () => recogniser, timeoutMs: 120_000 };

afterAll(async () => {
  await (await recogniser).close();
});

describe('reading a scanned PDF', () => {
  it('recognises pages that are only images, at least 95 % of their words right, and says how sure it is', async () => {
    const progress: string[] = [];
    const read = await readPdf(await councilDecisionPdf(), { ...ocr, onPage: (done, total) => progress.push(`${done}/${total}`) });

    expect(read.pages).toHaveLength(2);
    for (const [i, page] of read.pages!.entries()) {
      expect(page.recognised?.confidence).toBeGreaterThan(80);
      expect(wordAccuracy(DECISION_PAGES[i]!.join('\n'), page.text)).toBeGreaterThanOrEqual(0.95);
    }
    expect(read.text).toContain('48.000 euro per jaar.');
    expect(progress).toEqual(['1/2', '2/2']);
  });

  it('keeps the text pages’ own text and recognises only the scanned pages', async () => {
    const textOnly = await readPdf(await scannedPdf([MIXED_PAGES[0]!]), ocr);
    expect(textOnly.pages).toBeUndefined(); // nothing to recognise: read as before

    const read = await readPdf(await mixedPdf(), ocr);

    expect(read.pages!.map((page) => page.recognised !== null)).toEqual([false, true, true, false]);
    expect(read.pages![0]!.text).toBe(textOnly.text);
    expect(read.pages![1]!.text).toContain('De beheerder van buurthuis De Linde is mevrouw Jansen.');
    expect(read.pages![2]!.recognised!.confidence).toBeLessThan(70); // the smudged scan
    // The photo: what Tesseract makes of a picture is not text.
    expect(read.pictures).toEqual([4]);
    expect(read.pages![3]!.text).toBe('');
    expect(read.titleHint).toBe('Jaarverslag buurthuis De Linde');
  });

  it('reads a scan with a printed stamp as a scan, keeping the stamp; a cover with a logo and a short title is no scan', async () => {
    const stamped = await readPdf(await scannedPdf([{ scan: ['Het college verlengt de subsidie.'], stamp: 'Ingekomen 12-03-2026' }]), ocr);
    expect(stamped.pages![0]!.recognised).not.toBeNull();
    expect(stamped.text).toContain('Ingekomen 12-03-2026');
    expect(stamped.text).toContain('Het college verlengt de subsidie.');

    const cover = await readPdf(await scannedPdf([{ text: ['Beleidsnota 2025'], logo: true }]), ocr);
    expect(cover.pages).toBeUndefined();
    expect(cover.text).toBe('Beleidsnota 2025');
  });

  it('names the scanned pages it leaves unread when OCR is off', async () => {
    const read = await readPdf(await mixedPdf(), null);
    expect(read.pages).toBeUndefined();
    expect(read.unrecognised).toEqual([2, 3, 4]);
    expect(read.text).toContain('elfduizend bezoekers');
  });

  it('renders a page that declares itself five metres wide at a resolution it can afford, and reads it', async () => {
    const pdf = await PDFDocument.create();
    const image = await pdf.embedPng(scanImage(['Een pagina van vijf meter breed.']));
    pdf.addPage([14_400, 14_400]).drawImage(image, { x: 0, y: 0, width: 14_400, height: 14_400 }); // at 300 dpi: 3.6 billion pixels
    const read = await readPdf(await pdf.save(), ocr);
    expect(read.pages![0]!.text).toContain('Een pagina van vijf meter breed.');
  });

  it('gives up on a scan that takes longer than its time, naming OCR_TIMEOUT_S', async () => {
    await expect(readPdf(await councilDecisionPdf(), { ...ocr, timeoutMs: 50 })).rejects.toThrow(/langer dan 0 s; verhoog OCR_TIMEOUT_S/);
  });
});

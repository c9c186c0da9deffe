// Measures recognising scanned pages as a build does: a generated scan of N pages read through
// the document reader (its worker thread, the OCR workers beside it, one per core). The first
// read includes starting the workers; the second is the steady cost per page.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentReader } from '../../api/ingest/document-reader.js';
import { ocrWorkerCount } from '../../api/ingest/ocr/page-recogniser.js';
import { scannedPdf } from './scanned-pdf.js';

export interface OcrFigures {
  pages: number;
  workers: number;
  cores: number;
  firstSeconds: number;
  secondsPerPage: number;
}

const PAGE = [
  'Besluit van het college van burgemeester en wethouders',
  '',
  'Het college besluit de subsidie voor het buurthuis in de wijk te verlengen',
  'tot en met 31 december 2027, onder de voorwaarden in de bijlage.',
  'Het buurthuis rapporteert elk half jaar over het aantal bezoekers',
  'en over de activiteiten voor ouderen, jongeren en mantelzorgers.',
  '',
  'Bezwaar tegen dit besluit kan binnen zes weken na de dag van verzending',
  'worden ingediend bij het college van burgemeester en wethouders.',
];

export async function benchOcr(pages: number): Promise<OcrFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'bronwijzer-bench-ocr-'));
  const reader = createDocumentReader({ maxBytes: 1e9, timeoutMs: 60_000, memoryMb: 512, ocr: { timeoutMs: 3_600_000 } });
  try {
    const path = join(dir, 'scan.pdf');
    await writeFile(path, await scannedPdf(Array.from({ length: pages }, (_, i) => ({ scan: [`Pagina ${i + 1}`, '', ...PAGE] }))));
    let started = performance.now();
    await reader.read(path);
    const firstSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const read = await reader.read(path);
    const seconds = (performance.now() - started) / 1000;
    if (!read.pages?.every((page) => page.recognised)) throw new Error('Niet elke pagina van de scan is herkend.');
    return { pages, workers: ocrWorkerCount(), cores: availableParallelism(), firstSeconds, secondsPerPage: seconds / pages };
  } finally {
    await reader.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatOcrFigures({ pages, workers, cores, firstSeconds, secondsPerPage }: OcrFigures): string {
  const round = (value: number) => value.toLocaleString('nl-NL', { maximumFractionDigits: 2 });
  return `Tekstherkenning (OCR), een scan van ${pages} pagina's, ${workers} herkenners op ${cores} kernen: ${round(secondsPerPage)} s per pagina (eerste keer, met het starten: ${round(firstSeconds)} s in totaal).`;
}

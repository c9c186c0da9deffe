// Reads a PDF page by page. A page whose text layer holds (almost) no letters but which is mostly
// one image is a scan: it is rendered at 300 dpi and its text recognised (ocr/page-recogniser.ts),
// within the time OCR_TIMEOUT_S allows the document. Pages with text keep their own text; a
// cover with a logo and a short title is no scan.
import { extractText, getDocumentProxy, getMeta, getResolvedPDFJS, renderPageAsImage } from 'unpdf';
import type { PageRecogniser } from '../ocr/page-recogniser.js';
import { UnreadableDocument } from '../unreadable.js';

/** One page's text, and how sure the recognition was when it came from a scan. */
export interface ExtractedPage {
  text: string;
  recognised: { confidence: number } | null;
}

export interface PdfReading {
  text: string;
  titleHint: string | null;
  /** Present when a page was recognised from a scan: every page, in order. */
  pages?: ExtractedPage[];
  /** Pages that are scans but were not recognised, because OCR is off. */
  unrecognised?: number[];
  /** Scanned pages where recognition found no text it was sure of (a photo, or print too poor to read): left out. */
  pictures?: number[];
}

/** Pages of a scan recognised so far, of how many. */
export type PageProgress = (done: number, total: number) => void;

export interface OcrContext {
  /** Started on the first scanned page, kept by the caller for the next document. */
  recogniser: () => Promise<PageRecogniser>;
  timeoutMs: number;
  onPage?: PageProgress;
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

// Node 20 lacks ArrayBuffer.prototype.transferToFixedLength (ES2024), which pdf.js calls when it
// compiles a page's fonts for the operator list; without it the list is cut short at the first
// text, and a scan with a printed stamp ("Ingekomen 12-03-2026") would not be seen as one. A copy
// stands in for the transfer.
if (!('transferToFixedLength' in ArrayBuffer.prototype)) {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length = this.byteLength): ArrayBuffer {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    },
  });
}

/** A page with fewer letters than this in its text layer is read as a scan when it holds an image (a page number or a stamp is not its text). */
const SCANNED_PAGE_MAX_LETTERS = 40;
/** A scanner puts the page into one image: the image covers at least this share of the page (a logo or a photo beside a title does not). */
const SCAN_IMAGE_SHARE = 0.5;
/**
 * Tesseract's mean confidence below which a page's "text" is what it made of a picture. On
 * generated pages: a photo-like page reads at about 25, six-point print under speckle at 49 (six
 * words in ten right), clean print at 95. Such a page is left out and named, never indexed.
 */
const PICTURE_CONFIDENCE = 35;
/** Tesseract reads print best at about 300 dpi; PDF units are 1/72 inch. */
const RENDER_SCALE = 300 / 72;
/**
 * The most pixels one page is rendered to: an A3 page at 300 dpi (17.4 million). A page may
 * declare itself 5 metres wide; its canvas lives outside the reading worker's heap limit, so a
 * larger page is rendered at a lower resolution instead.
 */
const MAX_RENDER_PIXELS = 17_500_000;

export async function readPdf(data: Uint8Array, ocr: OcrContext | null): Promise<PdfReading> {
  let pdf: PdfDocument;
  let pageTexts: string[];
  let titleHint: string | null;
  try {
    pdf = await getDocumentProxy(data);
    const { info } = await getMeta(pdf);
    pageTexts = (await extractText(pdf, { mergePages: false })).text;
    titleHint = typeof info?.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : null;
  } catch (error) {
    const name = (error as { name?: string } | null)?.name ?? '';
    if (name === 'PasswordException') throw new UnreadableDocument('PDF beveiligd met een wachtwoord', { cause: error });
    throw new UnreadableDocument(`beschadigde of onleesbare PDF (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, { cause: error });
  }
  const scanned = await scannedPages(pdf, pageTexts);
  if (scanned.length === 0) return { text: pageTexts.join('\n\n'), titleHint };
  if (!ocr) return { text: pageTexts.join('\n\n'), titleHint, unrecognised: scanned.map((index) => index + 1) };

  const recognised = withTextLayer(await recogniseWithin(pdf, scanned, ocr), pageTexts);
  const pictures = scanned.filter((index) => recognised.get(index)!.recognised!.confidence < PICTURE_CONFIDENCE);
  const pages = pageTexts.map((text, index) => (pictures.includes(index) ? { text, recognised: null } : (recognised.get(index) ?? { text, recognised: null })));
  return {
    text: pages.map((page) => page.text).join('\n\n'),
    titleHint,
    pages,
    ...(pictures.length > 0 ? { pictures: pictures.map((index) => index + 1) } : {}),
  };
}

async function scannedPages(pdf: PdfDocument, pageTexts: string[]): Promise<number[]> {
  const { OPS } = await getResolvedPDFJS();
  const scanned: number[] = [];
  for (const [index, text] of pageTexts.entries()) {
    if ((text.match(/\p{L}/gu)?.length ?? 0) >= SCANNED_PAGE_MAX_LETTERS) continue;
    const page = await pdf.getPage(index + 1);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const pageArea = Math.abs((x1 - x0) * (y1 - y0));
    if (pageArea > 0 && largestImageArea(await page.getOperatorList(), OPS) >= SCAN_IMAGE_SHARE * pageArea) scanned.push(index);
  }
  return scanned;
}

/**
 * The area, in page units, of the largest image a page paints. An image fills the unit square
 * of the current transformation, so its area is the determinant of that matrix: followed
 * through save, restore, transform and form XObjects.
 */
function largestImageArea({ fnArray, argsArray }: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>): number {
  const paintsImage = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
  const determinant = (matrix: unknown) => {
    const m = matrix as ArrayLike<number> | null | undefined;
    return m && typeof m.length === 'number' && m.length >= 4 ? Math.abs(m[0]! * m[3]! - m[1]! * m[2]!) : 1;
  };
  let scale = 1;
  const saved: number[] = [];
  let largest = 0;
  fnArray.forEach((operation, i) => {
    const args = argsArray[i] as unknown[] | null;
    if (operation === OPS.save) saved.push(scale);
    else if (operation === OPS.restore) scale = saved.pop() ?? scale;
    else if (operation === OPS.transform) scale *= determinant(args);
    else if (operation === OPS.paintFormXObjectBegin) {
      saved.push(scale);
      scale *= determinant(args?.[0]);
    } else if (operation === OPS.paintFormXObjectEnd) scale = saved.pop() ?? scale;
    else if (paintsImage.has(operation)) largest = Math.max(largest, scale);
  });
  return largest;
}

async function renderPage(pdf: PdfDocument, pageNumber: number): Promise<ArrayBuffer> {
  const { width, height } = (await pdf.getPage(pageNumber)).getViewport({ scale: 1 });
  const scale = Math.min(RENDER_SCALE, Math.sqrt(MAX_RENDER_PIXELS / Math.max(1, width * height)));
  return renderPageAsImage(pdf, pageNumber, { canvasImport: () => import('@napi-rs/canvas'), scale });
}

/**
 * Tesseract ends a paragraph at a line shorter than the next. A "paragraph" that starts in lower
 * case after a line without closing punctuation, or with a figure after a line ending in a word
 * ("verhogen naar⏎⏎48.000 euro"), is the same sentence going on.
 */
function joinBrokenParagraphs(text: string): string {
  return text.replace(/([^\s.!?:;])\n\n(?=\p{Ll})/gu, '$1\n').replace(/(\p{Ll})\n\n(?=\p{N})/gu, '$1\n');
}

/**
 * A scan's few letters of its own (a stamp: "Ingekomen 12-03-2026") stay with the page when the
 * recognition did not read them from the image.
 */
function withTextLayer(recognised: Map<number, ExtractedPage>, pageTexts: readonly string[]): Map<number, ExtractedPage> {
  const comparable = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [index, page] of recognised) {
    const layer = pageTexts[index]!.trim();
    if (layer !== '' && !comparable(page.text).includes(comparable(layer))) recognised.set(index, { ...page, text: `${layer}\n\n${page.text}` });
  }
  return recognised;
}

/** Renders the scanned pages one after another here while the recogniser reads earlier ones in its workers. */
async function recogniseWithin(pdf: PdfDocument, scanned: number[], { recogniser, timeoutMs, onPage }: OcrContext): Promise<Map<number, ExtractedPage>> {
  const deadline = performance.now() + timeoutMs;
  const overTime = () =>
    new UnreadableDocument(
      `het herkennen van ${scanned.length} gescande pagina('s) duurde langer dan ${Math.round(timeoutMs / 1000)} s; verhoog OCR_TIMEOUT_S om het toch op te nemen`,
    );
  const engine = await recogniser();
  const results = new Map<number, ExtractedPage>();
  const running = new Set<Promise<void>>();
  let done = 0;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(overTime()), Math.max(0, deadline - performance.now()));
  });
  expired.catch(() => {});
  try {
    for (const index of scanned) {
      // At most two pages per worker wait as images: a long scan does not pile up in memory.
      while (running.size >= engine.parallel * 2) await Promise.race([...running, expired]);
      const image = await Promise.race([renderPage(pdf, index + 1), expired]);
      const job = engine.recognise(new Uint8Array(image)).then(({ text, confidence }) => {
        results.set(index, { text: joinBrokenParagraphs(text), recognised: { confidence } });
        onPage?.(++done, scanned.length);
      });
      const tracked = job.finally(() => running.delete(tracked));
      tracked.catch(() => {}); // its failure reaches the caller through the race below
      running.add(tracked);
    }
    await Promise.race([Promise.all(running), expired]);
    return results;
  } finally {
    clearTimeout(timer);
  }
}

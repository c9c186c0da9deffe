// Writes PDFs as a scanner makes them, for the tests and the OCR benchmark: each scanned page is
// text drawn into an image (DejaVu Serif at 150 dpi) and embedded as the page's only content,
// with no text layer. Pages with `text` get a real text layer (Helvetica), for PDFs that mix
// both. A `smudged` scan is small print under seeded noise, read with low confidence; a `photo`
// is a page-sized picture of coloured blobs (a brochure's photo page), JPEG as cameras write it.
// A `stamp` is a line of real text on a scan (a received-on stamp); a `logo` a small image
// beside a printed page's text (a cover).
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export type FixturePage = { scan: readonly string[]; smudged?: boolean; stamp?: string } | { text: readonly string[]; logo?: boolean } | { photo: true };

const FONT = 'Scanletter';
const A4_POINTS = [595, 842] as const;
const DPI = 150;

let fontRegistered = false;
function registerFont(): void {
  if (fontRegistered) return;
  const path = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf');
  GlobalFonts.registerFromPath(path, FONT);
  fontRegistered = true;
}

export async function scannedPdf(pages: readonly FixturePage[], title?: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (title) pdf.setTitle(title);
  const helvetica = await pdf.embedFont(StandardFonts.Helvetica);
  for (const page of pages) {
    const target = pdf.addPage([...A4_POINTS]);
    if ('text' in page) {
      page.text.forEach((line, i) => {
        target.drawText(line, { x: 60, y: 760 - i * 16, size: 11, font: helvetica });
      });
      if (page.logo) target.drawImage(await pdf.embedPng(scanImage(['LOGO'])), { x: 400, y: 700, width: 120, height: 120 });
    } else if ('photo' in page) {
      const image = await pdf.embedJpg(photoImage());
      target.drawImage(image, { x: 0, y: 0, width: A4_POINTS[0], height: A4_POINTS[1] });
    } else {
      const image = await pdf.embedPng(scanImage(page.scan, page.smudged ?? false));
      target.drawImage(image, { x: 0, y: 0, width: A4_POINTS[0], height: A4_POINTS[1] });
      if (page.stamp) target.drawText(page.stamp, { x: 400, y: 810, size: 9, font: helvetica });
    }
  }
  return pdf.save();
}

/** A page image: black serif text on white, as a 150-dpi scan of print. */
export function scanImage(lines: readonly string[], smudged = false): Uint8Array {
  registerFont();
  const width = Math.round((A4_POINTS[0] / 72) * DPI);
  const height = Math.round((A4_POINTS[1] / 72) * DPI);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, width, height);
  context.fillStyle = 'black';
  const size = smudged ? 12 : 26; // 26 px at 150 dpi: 12.5 pt print; 12 px: 6 pt
  context.font = `${size}px ${FONT}`;
  lines.forEach((line, i) => {
    context.fillText(line, 110, 180 + i * Math.round(size * 1.45));
  });
  if (smudged) {
    // Over the print only: speckle on blank paper would be read as marks of its own.
    const textWidth = Math.max(...lines.map((line) => context.measureText(line).width));
    smudge(context, 105, 180 - size, Math.ceil(textWidth) + 10, lines.length * Math.round(size * 1.45) + 10);
  }
  return canvas.toBuffer('image/png');
}

/** Coloured blobs from a fixed seed: a picture without text. */
function photoImage(): Uint8Array {
  const width = Math.round((A4_POINTS[0] / 72) * DPI);
  const height = Math.round((A4_POINTS[1] / 72) * DPI);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const random = seeded(7);
  for (let i = 0; i < 400; i++) {
    context.fillStyle = `rgb(${Math.floor(random() * 256)}, ${Math.floor(random() * 256)}, ${Math.floor(random() * 256)})`;
    context.beginPath();
    context.arc(random() * width, random() * height, 20 + random() * 120, 0, 2 * Math.PI);
    context.fill();
  }
  return canvas.toBuffer('image/jpeg', 80);
}

/** A linear congruential generator: the same numbers every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Grey speckle from a fixed seed, so the same page reads the same every run. */
function smudge(context: ReturnType<ReturnType<typeof createCanvas>['getContext']>, x: number, y: number, width: number, height: number): void {
  const random = seeded(20_261_201);
  const pixels = context.getImageData(x, y, width, height);
  for (let i = 0; i < pixels.data.length; i += 4) {
    if (random() < 0.03) {
      const value = random() < 0.5 ? 0 : 255;
      pixels.data[i] = value;
      pixels.data[i + 1] = value;
      pixels.data[i + 2] = value;
    }
  }
  context.putImageData(pixels, x, y);
}

/** The share of the reference's words that the recognised text has, in order (1 − word edit distance / words). */
export function wordAccuracy(reference: string, recognised: string): number {
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  const expected = words(reference);
  const actual = words(recognised);
  let previous = Array.from({ length: actual.length + 1 }, (_, j) => j);
  for (let i = 1; i <= expected.length; i++) {
    const current = [i];
    for (let j = 1; j <= actual.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (expected[i - 1] === actual[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return 1 - previous[actual.length]! / expected.length;
}

// What a build says about the pages it read from scans: per document, how many pages, their mean
// confidence, and the pages recognised so uncertainly that a colleague should check the original.
import type { RecognisedPage } from '../../records.js';

/**
 * Tesseract's mean word confidence below which a page is named. Clean print at 300 dpi is read
 * at 90–96 (the generated scans in the tests: 95); speckled small print read at 65–67 had only
 * five to eight words in ten right, which a citation in a memo cannot carry unchecked.
 */
export const DOUBTFUL_CONFIDENCE = 70;

export interface ScanReport {
  file: string;
  pages: number;
  confidence: number;
  doubtful: { page: number; confidence: number }[];
}

export function scanReport(file: string, recognised: readonly RecognisedPage[]): ScanReport | null {
  if (recognised.length === 0) return null;
  const confidence = Math.round(recognised.reduce((sum, page) => sum + page.confidence, 0) / recognised.length);
  const doubtful = recognised.filter((page) => page.confidence < DOUBTFUL_CONFIDENCE).map(({ page, confidence }) => ({ page, confidence }));
  return { file, pages: recognised.length, confidence, doubtful };
}

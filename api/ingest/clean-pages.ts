// Cleans a document that is partly or wholly recognised from scans so that the recognised pages'
// places in the cleaned text are known exactly: each recognised page is cleaned on its own, the
// pages between them as one run (as a PDF without scans is), and the parts are joined by a
// paragraph break. The cleaning is the same as for any text (clean-text.ts).
import type { RecognisedPage } from '../records.js';
import { type CleaningContext, cleanText } from './clean-text.js';
import type { ExtractedPage } from './formats/pdf.js';

export interface CleanedPages {
  text: string;
  recognised: RecognisedPage[];
}

export function cleanPages(pages: readonly ExtractedPage[], context: CleaningContext): CleanedPages {
  const parts: string[] = [];
  const recognised: RecognisedPage[] = [];
  let at = 0;
  const append = (text: string) => {
    if (text === '') return null;
    if (parts.length > 0) at += 2;
    const start = at;
    parts.push(text);
    at += text.length;
    return start;
  };
  let run: string[] = [];
  const flushRun = () => {
    append(cleanText(run.join('\n\n'), context));
    run = [];
  };
  for (const [index, page] of pages.entries()) {
    if (!page.recognised) {
      run.push(page.text);
      continue;
    }
    flushRun();
    const text = cleanText(page.text, context);
    const start = append(text);
    if (start !== null) recognised.push({ page: index + 1, start, end: start + text.length, confidence: Math.round(page.recognised.confidence) });
  }
  flushRun();
  return { text: parts.join('\n\n'), recognised };
}

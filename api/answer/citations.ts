// The one way a citation is made: a verbatim sentence of a retrieved passage, with its offsets
// in the document text the API serves and the link that shows it highlighted.
import { type Citation, citationUrl } from '../contract.js';
import type { Sentence } from '../language/sentences.js';
import { attributionOf, type PassageRecord, recognitionAt, sectionOf } from '../records.js';

export function citation(n: number, passage: PassageRecord, quote: Sentence): Citation {
  return {
    n,
    passageId: passage.id,
    documentId: passage.documentId,
    title: passage.documentTitle,
    section: sectionOf(passage, quote.start),
    quote: quote.text,
    start: quote.start,
    end: quote.end,
    url: citationUrl(passage.documentId, quote.start, quote.end),
    recognised: recognitionAt(passage.recognised, quote.start, quote.end),
    attribution: attributionOf(passage, quote.start),
  };
}

// The records the pipeline hands along, defined once: a document as ingestion makes it and every
// store keeps it, a passage as chunking cuts it (a span of its document's cleaned text) and the
// one id a passage is known by. The schemas validate what comes back from disk or a database;
// the types are derived from them.
import { z } from 'zod';
import { DOCUMENT_KINDS } from './contract-values.js';

/** A section heading and where it starts in its document's cleaned text. */
export const sectionSchema = z.object({ title: z.string(), start: z.number().int().nonnegative() });
export type Section = z.infer<typeof sectionSchema>;

/** A page read from a scan: where its recognised text lies in the cleaned text, and Tesseract's mean confidence (0–100). */
export const recognisedPageSchema = z.object({
  page: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(100),
});
export type RecognisedPage = z.infer<typeof recognisedPageSchema>;

/** Said of a passage or quote from recognised text: the scanned pages it comes from and their mean confidence. */
export const recognitionSchema = z.object({ pages: z.array(z.number().int().positive()).min(1), confidence: z.number().min(0).max(100) });
export type Recognition = z.infer<typeof recognitionSchema>;

export const documentSchema = z.object({
  id: z.string().min(1),
  /** The file's path below the corpus folder. */
  fileName: z.string(),
  /** The collection it belongs to (access/collections.ts). */
  collection: z.string().min(1),
  title: z.string(),
  source: z.string().nullable(),
  date: z.string().nullable(),
  kind: z.enum(DOCUMENT_KINDS),
  /** The cleaned text: every offset in the index and the API refers to it. */
  text: z.string(),
  sections: z.array(sectionSchema),
  /** Pages recognised from scans (OCR), in order; empty for a document with a text layer throughout. */
  recognised: z.array(recognisedPageSchema),
});
/** A document as the build makes it and the stores keep it. */
export type CorpusDocument = z.infer<typeof documentSchema>;

/** A passage as its document keeps it: where it lies in the text, and its place among the sections. */
export const passageSpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The section the passage starts in. */
  section: z.string().nullable(),
  /** Headings that start inside the passage, so a quote from it can name its own section. */
  headings: z.array(sectionSchema),
  /**
   * Whom the text is by where the passage starts, as the last byline before it says ("Jitske
   * Kramer, September 2020"), or null. A byline inside the passage stands in its own text.
   */
  attribution: z.string().nullable(),
  /** Bylines that take effect inside the passage, so a quote from it can name whom it is by. */
  bylines: z.array(sectionSchema),
  /** Its length in the embedding model's tokens. */
  tokens: z.number().int().nonnegative(),
  /** The document's pages recognised from scans that the passage overlaps (usually none). */
  recognised: z.array(recognisedPageSchema),
});
export type PassageSpan = z.infer<typeof passageSpanSchema>;

/** A passage with the document it belongs to: a row of an index. */
export const storedPassageSchema = passageSpanSchema.extend({ documentId: z.string().min(1) });
export type StoredPassage = z.infer<typeof storedPassageSchema>;

/** A passage as chunking cuts it: with its id and its text. */
export type Chunk = StoredPassage & { id: string; text: string };

/** A passage as retrieval sees it: its text, and the title of its document. */
export type PassageRecord = Omit<Chunk, 'tokens'> & { documentTitle: string };

/** The one id a passage is known by: its document's id and its number within the document. */
export function passageId(documentId: string, number: number): string {
  return `${documentId}:${number}`;
}

/** "doc-id:3" → the document and the passage's number in it (ids may hold colons themselves). */
export function parsePassageId(id: string): { documentId: string; chunkNo: number } | null {
  const at = id.lastIndexOf(':');
  const chunkNo = Number(id.slice(at + 1));
  return at > 0 && Number.isInteger(chunkNo) ? { documentId: id.slice(0, at), chunkNo } : null;
}

/** The span of a passage, without what is known from elsewhere (its document, id and text). */
export function spanOf({ start, end, section, headings, attribution, bylines, tokens, recognised }: PassageSpan): PassageSpan {
  return { start, end, section, headings, attribution, bylines, tokens, recognised };
}

/** The recognised pages a stretch of text overlaps. */
export function pagesWithin(pages: readonly RecognisedPage[], start: number, end: number): RecognisedPage[] {
  return pages.filter((page) => page.start < end && start < page.end);
}

/** What of the stretch start–end was recognised from a scan: its pages and their mean confidence, or null. */
export function recognitionAt(pages: readonly RecognisedPage[], start: number, end: number): Recognition | null {
  const overlapping = pagesWithin(pages, start, end);
  if (overlapping.length === 0) return null;
  const confidence = overlapping.reduce((sum, page) => sum + page.confidence, 0) / overlapping.length;
  return { pages: overlapping.map((page) => page.page), confidence: Math.round(confidence) };
}

/**
 * The index of the last section starting at or before `offset`, or -1 (sections in document
 * order, found by bisection): where every "which section is this in" is answered.
 */
export function sectionIndexAt(sections: readonly Section[], offset: number): number {
  let low = 0;
  let high = sections.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sections[middle]!.start <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** The section a position inside a passage falls under: the last heading before it. */
export function sectionOf(passage: Pick<PassageSpan, 'section' | 'headings'>, offset: number): string | null {
  return sectionAt(passage.headings, offset) ?? passage.section;
}

/** Whom the text at `offset` inside a passage is by: the last byline before it, or null. */
export function attributionOf(passage: Pick<PassageSpan, 'attribution' | 'bylines'>, offset: number): string | null {
  return sectionAt(passage.bylines, offset) ?? passage.attribution;
}

/** The title of the section `offset` falls in, or null before the first heading. */
export function sectionAt(sections: readonly Section[], offset: number): string | null {
  const index = sectionIndexAt(sections, offset);
  return index === -1 ? null : sections[index]!.title;
}

// Cuts a cleaned document into passages sized in model tokens, preferring paragraph, line and
// sentence boundaries, each with its [start, end) offsets in the cleaned text, its section and
// whom it is by.
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { findBylines } from '../ingest/find-sections.js';
import { type Chunk, pagesWithin, passageId, type RecognisedPage, type Section, sectionAt, sectionIndexAt } from '../records.js';
import type { TokenCounter } from './token-counter.js';

export interface ChunkSettings {
  chunkTokens: number;
  overlapTokens: number;
}

interface ChunkableDocument {
  id: string;
  text: string;
  sections: readonly Section[];
  /** Pages recognised from scans: a passage over them is marked. */
  recognised?: readonly RecognisedPage[];
}

const SEPARATORS = ['\n\n', '\n', '. ', '? ', '! ', '; ', ': ', ', ', ' ', ''];
/** Tokens the embedder adds around a passage: "passage: " and the two special tokens. */
export const PASSAGE_OVERHEAD_TOKENS = 8;
const MIN_CHUNK_TOKENS = 24;
/** Within this many tokens of the model's limit, a chunk is counted by tokenizing it whole. */
const EXACT_COUNT_MARGIN = 16;

export async function chunkDocument(document: ChunkableDocument, tokens: TokenCounter, settings: ChunkSettings): Promise<Chunk[]> {
  const limit = tokens.maxTokens - PASSAGE_OVERHEAD_TOKENS;
  if (settings.chunkTokens > limit) {
    throw new RangeError(`Chunks of ${settings.chunkTokens} tokens exceed the model's limit of ${limit}.`);
  }
  const splitter = new RecursiveCharacterTextSplitter({
    chunkSize: settings.chunkTokens,
    chunkOverlap: settings.overlapTokens,
    separators: SEPARATORS,
    lengthFunction: (text: string) => tokens.count(text),
  });
  const pieces = await splitter.splitText(document.text);
  const spans = mergeTinySpans(locate(document.text, pieces), document.text, tokens, settings.chunkTokens);

  const bylines = findBylines(document.text, document.sections);
  const chunks: Chunk[] = [];
  for (const [index, span] of spans.entries()) {
    const text = document.text.slice(span.start, span.end);
    let count = tokens.count(text);
    // The word-by-word count can be off by a token; at the model's limit, count exactly.
    if (count > limit - EXACT_COUNT_MARGIN) count = await tokens.exactCount(text);
    if (count > limit) throw new RangeError(`Chunk ${index} of ${document.id} has ${count} tokens (limit ${limit}).`);
    const first = sectionIndexAt(document.sections, span.start) + 1; // the first section starting after it
    const headings: Section[] = [];
    for (let i = first; i < document.sections.length && document.sections[i]!.start < span.end; i++) headings.push(document.sections[i]!);
    chunks.push({
      id: passageId(document.id, index),
      documentId: document.id,
      start: span.start,
      end: span.end,
      text,
      section: first > 0 ? document.sections[first - 1]!.title : null,
      headings,
      attribution: sectionAt(bylines, span.start),
      bylines: bylines.filter((byline) => byline.start > span.start && byline.start < span.end),
      tokens: count,
      recognised: pagesWithin(document.recognised ?? [], span.start, span.end),
    });
  }
  return chunks;
}

interface Span {
  start: number;
  end: number;
}

/**
 * Finds each piece in the text and tidies its edges: the splitter keeps a separator at the start
 * of the next piece (". Volgende zin"), so leading punctuation moves back to where it belongs.
 */
function locate(text: string, pieces: readonly string[]): Span[] {
  const spans: Span[] = [];
  let searchFrom = 0;
  for (const piece of pieces) {
    const found = text.indexOf(piece, searchFrom);
    if (found === -1) throw new Error(`Chunk text not found in document: "${piece.slice(0, 40)}…"`);
    let start = found;
    let end = found + piece.length;
    while (start < end && /[\s.?!;:,]/.test(text[start]!)) start++;
    while (end < text.length && /[.?!;:,"'”’)]/.test(text[end]!)) end++;
    if (start < end) spans.push({ start, end });
    searchFrom = found + 1;
  }
  return spans;
}

/** A heading or list intro left on its own joins the passage it introduces. */
function mergeTinySpans(spans: Span[], text: string, tokens: TokenCounter, chunkTokens: number): Span[] {
  const merged: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const next = spans[i + 1];
    const tiny = tokens.count(text.slice(span.start, span.end)) < MIN_CHUNK_TOKENS;
    if (tiny && next && next.start >= span.start && tokens.count(text.slice(span.start, next.end)) <= chunkTokens) {
      spans[i + 1] = { start: span.start, end: Math.max(next.end, span.end) };
      continue;
    }
    merged.push(span);
  }
  return merged;
}

// Splits a passage into sentences with document offsets. Lines come first (every bullet and
// paragraph is a line in the cleaned text), then Dutch sentence boundaries within a line.
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const segmenter = new Intl.Segmenter('nl', { granularity: 'sentence' });
/**
 * A line of printable ASCII without a full stop, question or exclamation mark holds no sentence
 * boundary (Unicode's sentence rules break after those, and at separators ASCII does not have):
 * one segment, found without the segmenter. Headings, list items and table cells are mostly such lines.
 */
const UNBROKEN_LINE = /^[ -~\t]*$/;
const TERMINATOR = /[.!?]/;
// Dots that do not end a sentence: abbreviations, and the numbers of an inline list
// ("vier dynamieken: 1. Politieke druk; 2. Complexiteit …").
const ABBREVIATION_END = /\b(o\.a|d\.m\.v|i\.s\.m|m\.b\.t|bijv|bv|enz|etc|e\.d|z\.s\.m|dhr|mevr|nr|pag|ca|incl|excl|evt)\.$|(^|[\s:;])\d{1,2}\.$/i;

/** Sentences of `text`, whose first character sits at `offset` in the document. */
export function splitSentences(text: string, offset = 0): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let pending: { start: number; end: number } | null = null;
    const segments = UNBROKEN_LINE.test(line) && !TERMINATOR.test(line) ? [{ segment: line, index: 0 }] : segmenter.segment(line);
    for (const { segment, index } of segments) {
      const start = lineStart + index;
      const end = start + segment.trimEnd().length;
      pending = pending && continuesAt(pending, start) ? { start: pending.start, end } : flush(pending, { start, end });
    }
    flush(pending, null);
    lineStart += line.length + 1;
  }
  return sentences;

  /** A sentence ends before a space: a boundary inside a word ("de extensie is .BAK.") is none, nor one after an abbreviation. */
  function continuesAt(pending: { start: number; end: number }, next: number): boolean {
    return next === pending.end || ABBREVIATION_END.test(text.slice(pending.start, pending.end));
  }

  function flush(pending: { start: number; end: number } | null, next: { start: number; end: number } | null) {
    if (pending) {
      let start = pending.start;
      while (start < pending.end && /[•\s-]/.test(text[start]!)) start++; // bullets are not part of the quote
      if (start < pending.end) sentences.push({ start: offset + start, end: offset + pending.end, text: text.slice(start, pending.end) });
    }
    return next;
  }
}

// Reads "#start-end" from a document URL; a range that does not fit the text is ignored.
export interface Range {
  start: number;
  end: number;
}

export function parseRange(hash: string, textLength: number): Range | null {
  const match = /^#?(\d+)-(\d+)$/.exec(hash);
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return start < end && end <= textLength ? { start, end } : null;
}

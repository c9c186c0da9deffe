// A stretch of a document's text with two kinds of marks laid over it: the cited passage (one
// range) and the matches of find-in-document (many). Pieces are cut at every boundary, so the
// two can overlap and the text itself is never changed.
import type { ReactNode, Ref } from 'react';
import type { Range } from './parse-range';

export interface Marks {
  highlight: Range | null;
  matches: readonly Range[];
  currentMatch: number;
  /** The first piece of the cited passage: scrolled to and focused when the page opens. */
  highlightRef: Ref<HTMLElement>;
  highlightLabel: string;
}

export function markedText(text: string, from: number, to: number, marks: Marks): ReactNode[] {
  const cuts = new Set([from, to]);
  const inside = (range: Range) => range.end > from && range.start < to;
  const ranges = [...(marks.highlight && inside(marks.highlight) ? [marks.highlight] : []), ...marks.matches.filter(inside)];
  for (const range of ranges) {
    if (range.start > from && range.start < to) cuts.add(range.start);
    if (range.end > from && range.end < to) cuts.add(range.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes: ReactNode[] = [];
  let focusTargetPlaced = false;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const piece = text.slice(start, end);
    const highlighted = marks.highlight !== null && start >= marks.highlight.start && end <= marks.highlight.end;
    const match = marks.matches.findIndex((range) => start >= range.start && end <= range.end);
    if (!highlighted && match === -1) {
      nodes.push(piece);
      continue;
    }
    const className = [highlighted && 'highlight', match !== -1 && 'find-match', match !== -1 && match === marks.currentMatch && 'find-current']
      .filter(Boolean)
      .join(' ');
    const isFocusTarget = highlighted && !focusTargetPlaced && start === marks.highlight!.start;
    if (isFocusTarget) focusTargetPlaced = true;
    nodes.push(
      <mark
        key={start}
        className={className}
        data-match={match === -1 ? undefined : match}
        {...(isFocusTarget ? { ref: marks.highlightRef as Ref<HTMLElement>, tabIndex: -1, role: 'note', 'aria-label': marks.highlightLabel } : {})}
      >
        {piece}
      </mark>,
    );
  }
  return nodes;
}

/** Where `query` occurs in `text`, ignoring case; at most `limit` places. */
export function findMatches(text: string, query: string, limit = 500): Range[] {
  const needle = query.trim().toLowerCase();
  if (needle.length < 2) return [];
  const haystack = text.toLowerCase();
  if (haystack.length !== text.length) return []; // a case mapping changed lengths: offsets would be wrong
  const found: Range[] = [];
  for (let at = haystack.indexOf(needle); at !== -1 && found.length < limit; at = haystack.indexOf(needle, at + needle.length)) {
    found.push({ start: at, end: at + needle.length });
  }
  return found;
}

// Finds the section headings of a cleaned text, so each chunk can say which section it is in.
import { wordCount } from '../language/words.js';
import type { Section } from '../records.js';

const BYLINE = /(,\s*)?(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)?\s*\d{4}$/i;
const DATE_LINE = /(^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$|\b\d{1,2} \p{L}+ \d{4}$)/u;

/** `marked`: headings the source format marks as such (HTML h1–h6, Word heading styles). */
export function findSections(text: string, marked: ReadonlySet<string> = new Set()): Section[] {
  const lines = lineSpans(text);
  const sections: Section[] = [];
  let previousWasHeading = false;
  let hasNext = false; // whether a non-blank line follows, known by walking from the end once
  const followed = new Array<boolean>(lines.length);
  for (let i = lines.length - 1; i >= 0; i--) {
    followed[i] = hasNext;
    if (lines[i]!.text !== '') hasNext = true;
  }
  let lastMarked = false;
  lines.forEach((line, index) => {
    const isMarked = marked.has(line.text);
    const heading = line.text !== '' && followed[index]! && (isMarked || isHeading(line.text));
    // A title directly followed by a subtitle or byline is one heading: keep the title. Unless
    // only the second is marked a heading by the format: a short line above it ("Index") is not
    // its title.
    if (heading && (!previousWasHeading || (isMarked && !lastMarked))) {
      if (previousWasHeading) sections.pop();
      sections.push({ title: line.text, start: line.start });
      lastMarked = isMarked;
    }
    if (line.text !== '') previousWasHeading = heading;
  });
  return sections;
}

function isHeading(line: string): boolean {
  const count = wordCount(line);
  if (line.length < 3 || line.length > 100 || count > 12) return false;
  if (line.startsWith('•') || !/^[\p{Lu}\p{N}]/u.test(line)) return false;
  if (/[.,;:!]$/.test(line) || (line.endsWith('?') && count > 7)) return false;
  if (DATE_LINE.test(line)) return false;
  return !(BYLINE.test(line) && line.includes(','));
}

function lineSpans(text: string): { text: string; start: number }[] {
  const spans: { text: string; start: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    spans.push({ text: line.trim(), start });
    start += line.length + 1;
  }
  return spans;
}

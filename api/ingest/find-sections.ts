// Finds the section headings of a cleaned text, so each chunk can say which section it is in,
// and the bylines that say whose text follows, so each chunk can say whom it is by.
import { wordCount } from '../language/words.js';
import type { Section } from '../records.js';

const MONTH = '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)';
const BYLINE = new RegExp(`(,\\s*)?${MONTH}?\\s*\\d{4}$`, 'i');
const DATE_LINE = /(^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$|\b\d{1,2} \p{L}+ \d{4}$)/u;
/** A name or source and a date, either way round: "Jitske Kramer, September 2020", "Juni 2024, Staatscommissie rechtsstaat". */
const BYLINE_LINE = new RegExp(`^(?:[^•].*,\\s*(?:${MONTH}\\s+)?(?:19|20)\\d{2}|(?:${MONTH}\\s+)?(?:19|20)\\d{2},\\s*\\p{Lu}.*)$`, 'iu');
/** A heading or a byline is short. */
const MAX_LINE_WORDS = 12;

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

/**
 * Who each part of the text is by, as a byline says: a short line with a name and a date under a
 * title ("Jam Cultures" / "Jitske Kramer, September 2020"). A report that sums up other people's
 * work names its sources so, and what follows, up to the next byline, is theirs: a question "volgens
 * Jitske Kramer" is about every passage there, not only the one the byline stands in. The names on
 * a line of their own right above the byline belong to it ("Pieter Hilhorst & Mary van den
 * Wijngaart" / "In opdracht van het Ministerie …, Maart 2024"); the title above does not: it is
 * the section's, and the byline holds from it on, so a passage that opens with the title is by
 * the byline's author, not by the previous section's. Each byline is returned as a section: its
 * text and where it takes effect.
 */
export function findBylines(text: string, sections: readonly Section[]): Section[] {
  const titles = new Set(sections.map((section) => section.start));
  const bylines: Section[] = [];
  // The last two lines with text before the current one.
  let previous: { text: string; start: number } | null = null;
  let before: { text: string; start: number } | null = null;
  for (const line of lineSpans(text)) {
    if (line.text === '') continue;
    if (wordCount(line.text) <= MAX_LINE_WORDS && BYLINE_LINE.test(line.text)) {
      const names = previous && !titles.has(previous.start) && isShortLine(previous.text) && !BYLINE_LINE.test(previous.text) ? previous : null;
      const above = names ? before : previous;
      const start = above && titles.has(above.start) ? above.start : (names ?? line).start;
      bylines.push({ title: names ? `${names.text}, ${line.text}` : line.text, start });
    }
    before = previous;
    previous = line;
  }
  return bylines;
}

/** A line that can be a title, a name or a byline: short, and not a sentence, a list item or an address. */
function isShortLine(line: string): boolean {
  return line.length >= 3 && line.length <= 100 && wordCount(line) <= MAX_LINE_WORDS && !line.startsWith('•') && !/[.;:!?]$|:\/\/|^www\./.test(line);
}

function isHeading(line: string): boolean {
  const count = wordCount(line);
  if (line.length < 3 || line.length > 100 || count > MAX_LINE_WORDS) return false;
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

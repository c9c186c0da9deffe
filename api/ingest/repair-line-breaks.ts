// Rejoins what PDF and web-page extraction broke over line ends: words split in two
// ("eenzaam\nheid"), hyphenated breaks ("buurtactivi-\nteiten") and hard-wrapped paragraphs.
import type { SpellChecker } from '../language/dutch-lexicon.js';
import { foldWord } from '../language/fold.js';

export interface LineBreakContext {
  spell: SpellChecker;
  /** Folded words seen unbroken anywhere in the corpus: evidence that a joined form is real. */
  attested: ReadonlySet<string>;
}

/** Lines ending in a space it takes to call that a convention rather than chance. */
const MIN_SOFT_WRAP_LINES = 20;
const SENTENCE_END = /[.!?:;]["'”’)]*$/;
const BULLET = /^•/;
const STARTS_LOWER = /^[\p{Ll}]/u;
const LAST_WORD = /([\p{L}]+)$/u;
const FIRST_WORD = /^([\p{L}]+)/u;

/**
 * Some PDF extractions mark soft wraps with a trailing space and leave none where a word was
 * split. When a document follows that convention, a line ending in a letter without the space
 * is a split word.
 */
export function marksSoftWraps(lines: readonly string[]): boolean {
  let withSpace = 0;
  let withoutSpace = 0;
  for (const line of lines) {
    if (/[\p{L},] +$/u.test(line)) withSpace++;
    else if (/[\p{L},]$/u.test(line)) withoutSpace++;
  }
  return withSpace >= MIN_SOFT_WRAP_LINES && withSpace >= withoutSpace;
}

export function repairLineBreaks(text: string, context: LineBreakContext): string {
  const rawLines = dropRunningHeaders(text.split('\n'));
  const softWrapsMarked = marksSoftWraps(rawLines);
  const wrapWidth = typicalWrapWidth(rawLines);
  // Pieces joined once at the end: appending to one growing string and trimming it per line
  // made cleaning quadratic in a document's length.
  const pieces: string[] = [];
  let previous = ''; // previous non-blank raw line, trailing spaces kept
  let blankGap = false;

  for (const raw of rawLines) {
    const line = raw.trim();
    if (line === '') {
      if (previous !== '') blankGap = true;
      continue;
    }
    if (previous !== '') {
      const joint = blankGap ? jointAcrossBlankLine(previous, line, context) : jointAcrossLineBreak(previous, line, { softWrapsMarked, wrapWidth }, context);
      if (joint.dropTrailingHyphen) pieces[pieces.length - 1] = pieces.at(-1)!.replace(/-\s*$/, '');
      pieces.push(joint.separator);
    }
    pieces.push(line);
    previous = raw;
    blankGap = false;
  }
  return pieces.join('');
}

interface Joint {
  separator: string;
  dropTrailingHyphen?: boolean;
}

function jointAcrossBlankLine(previous: string, line: string, context: LineBreakContext): Joint {
  // A blank line inside a sentence is page or column debris: the text runs on.
  const prev = previous.trim();
  if (/^[\p{Ll}(]/u.test(line) && !SENTENCE_END.test(prev) && !BULLET.test(line)) {
    if (/[\p{L}]$/u.test(prev) && !previous.endsWith(' ') && isSplitWord(prev, line, context, true)) {
      return { separator: '' };
    }
    return { separator: ' ' };
  }
  return { separator: '\n\n' };
}

function jointAcrossLineBreak(previous: string, line: string, layout: { softWrapsMarked: boolean; wrapWidth: number }, context: LineBreakContext): Joint {
  const prev = previous.trim();
  if (BULLET.test(line)) return { separator: '\n' };
  if (prev.endsWith('-') && /^[\p{L}]/u.test(line)) return hyphenJoint(prev, line, context);

  const endsInLetter = /[\p{L}]$/u.test(prev);
  if (layout.softWrapsMarked) {
    if (/\s$/.test(previous)) return { separator: ' ' };
    if (endsInLetter && STARTS_LOWER.test(line)) {
      return { separator: isSplitWord(prev, line, context, true) ? '' : ' ' };
    }
    return { separator: STARTS_LOWER.test(line) ? ' ' : '\n' };
  }

  if (STARTS_LOWER.test(line)) {
    if (endsInLetter && isSplitWord(prev, line, context, false)) return { separator: '' };
    return { separator: ' ' };
  }
  // A long unfinished line wraps on, unless what follows is a short title-like line (a heading).
  const looksWrapped = prev.length >= layout.wrapWidth * 0.75 && !SENTENCE_END.test(prev);
  const titleLike = line.length < layout.wrapWidth * 0.5 && !SENTENCE_END.test(line) && !/[,]$/.test(line);
  const nameRunsOn = /\p{Lu}\p{L}*$/u.test(prev); // "minister Van\nGennip (SZW)"
  return { separator: looksWrapped && (!titleLike || nameRunsOn) ? ' ' : '\n' };
}

function hyphenJoint(prev: string, line: string, context: LineBreakContext): Joint {
  // "Doe-Mee-\nPas" and "huis-aan-\nhuisbladen" keep their hyphen; "buurtactivi-\nteiten" loses it.
  if (!STARTS_LOWER.test(line)) return { separator: '' };
  const head = prev.slice(0, -1).match(LAST_WORD)?.[1] ?? '';
  const tail = line.match(FIRST_WORD)?.[1] ?? '';
  const joined = foldWord(head + tail);
  const keepsHyphen = head.length > 0 && context.spell.isWord(head) && !context.attested.has(joined);
  return keepsHyphen ? { separator: '' } : { separator: '', dropTrailingHyphen: true };
}

/**
 * Whether the last word of one line and the first of the next are one word. With the soft-wrap
 * convention the layout already says so, and the check only guards against a heading running
 * into a paragraph; without it, the joined form must be attested and the tail no word of its own.
 */
function isSplitWord(prev: string, line: string, context: LineBreakContext, layoutSaysSplit: boolean): boolean {
  const head = prev.match(LAST_WORD)?.[1];
  const tail = line.match(FIRST_WORD)?.[1];
  if (!head || !tail) return false;
  const joined = head + tail;
  const joinedKnown = context.attested.has(foldWord(joined)) || context.spell.isWord(joined);
  if (layoutSaysSplit) return joinedKnown || !context.spell.isWord(tail);
  return context.attested.has(foldWord(joined)) || (joinedKnown && !context.spell.isWord(tail));
}

/**
 * A PDF's running header or sidebar title can land inside a paragraph: "de mogelijkheden",
 * blank line, "Enkele voorbeelden", then "verkend tot ...". A short title-like line after a
 * blank line, between an unfinished sentence and its lower-case continuation, is dropped.
 */
function dropRunningHeaders(lines: readonly string[]): string[] {
  const kept: string[] = [];
  const nextNonBlank = nextNonBlankLines(lines);
  let lastKeptNonBlank: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const before = kept.at(-1)?.trim() === '' ? lastKeptNonBlank : undefined;
    const after = nextNonBlank[i];
    const titleLike = line.length <= 40 && line.split(' ').length <= 4 && /^\p{Lu}/u.test(line) && !/[.!?:;,]$/.test(line);
    const interrupts = before !== undefined && /[\p{L},]$/u.test(before) && after !== undefined && STARTS_LOWER.test(after);
    if (titleLike && interrupts && lines[i + 1]?.trim() !== '') continue;
    kept.push(lines[i]!);
    if (line !== '') lastKeptNonBlank = line;
  }
  return kept;
}

/** For each line, the next non-blank line after it (trimmed), found in one pass from the end. */
export function nextNonBlankLines(lines: readonly string[]): (string | undefined)[] {
  const next: (string | undefined)[] = new Array(lines.length);
  let following: string | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    next[i] = following;
    const line = lines[i]!.trim();
    if (line !== '') following = line;
  }
  return next;
}

/** The width a hard-wrapped document wraps at: a high percentile of its line lengths. */
function typicalWrapWidth(lines: readonly string[]): number {
  const lengths = lines
    .map((line) => line.trim().length)
    .filter((length) => length > 0)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 0;
}

// Finds the words of a text with their character offsets; every text stage (cleaning, indexing,
// sentence scoring) sees the same word boundaries.
export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

// Letters and digits, with apostrophe-joined tails ("opa's", "onderwijsprogramma’s") kept in one word.
// Hyphens split: "Wmo-voorzieningen" is the words "Wmo" and "voorzieningen". Capitals joined by
// dots are one name: spreadsheet functions ("VERT.ZOEKEN", "AANTAL.ALS") are not the words
// "vert" and "zoeken"; "WMO.Het", a missing space after a full stop, stays two words.
const DOTTED = String.raw`\p{Lu}[\p{Lu}\p{N}]*(?:\.\p{Lu}[\p{Lu}\p{N}]*)+(?![\p{L}\p{N}])`;
const WORD = new RegExp(String.raw`${DOTTED}|[\p{L}\p{N}]+(?:['’]\p{L}+)*`, 'gu');
const DOTTED_NAME = new RegExp(`^${DOTTED}$`, 'u');

/** A name of capitals joined by dots ("VERT.ZOEKEN"), one word whose segments are its parts. */
export function isDottedName(word: string): boolean {
  return DOTTED_NAME.test(word);
}

export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    spans.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

const SPACE = /\s/;

/**
 * The pieces between runs of white space: `text.split(/\s+/).length`, counted without building
 * the pieces (answer units are measured by it for every question).
 */
export function wordCount(text: string): number {
  let runs = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || (code > 127 && SPACE.test(text[i]!));
    if (space && !inSpace) runs++;
    inSpace = space;
  }
  return runs + 1;
}

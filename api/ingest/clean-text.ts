// Turns extracted text into the canonical cleaned text of a document: every offset the API
// serves (chunks, citations) points into what this returns.
import type { SpellChecker } from '../language/dutch-lexicon.js';
import { repairLineBreaks } from './repair-line-breaks.js';
import { repairOcr } from './repair-ocr.js';

export interface CleaningContext {
  spell: SpellChecker;
  attested: ReadonlySet<string>;
}

// Navigation chrome that web-page extraction leaves as lines of its own.
const WEB_CHROME = /^(open|meer over|thema|type|content wrapper\b.*)$/i;
const URL_LINE = /^\s*(https?:\/\/|www\.\S+\/\S)/i;
const NUMBERING_DEBRIS = /^\s*\d{1,3}\.\s*$/;
const BULLET_MARK = /^(\s*)(?:[•▪●◦*»·]|\uF0B7)\s*/;

export function cleanText(raw: string, context: CleaningContext): string {
  const normalized = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\uFFFD\u00AD\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\t\u00A0\u2007\u202F]/g, ' ');

  const lines = normalized
    .split('\n')
    .filter((line) => !URL_LINE.test(line) && !NUMBERING_DEBRIS.test(line) && !WEB_CHROME.test(line.trim()))
    .map((line) => line.replace(BULLET_MARK, (_, indent: string) => `${indent}• `))
    .map((line) => line.replace(/^\s*\.\s+(?=\p{Lu})/u, '')); // ". Beleid maken": a stray list number's dot

  const joined = repairLineBreaks(lines.join('\n'), context);
  const repaired = repairOcr(joined, context.spell)
    .replace(/(['’])['’]/g, '$1') // doubled apostrophes: "programma'’s"
    .replace(/(\p{Ll}{3,})\.(\p{Lu}\p{Ll}{2,})/gu, '$1.\n$2'); // two paragraphs run together: "partners.Sociale"

  return repaired
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^• *$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

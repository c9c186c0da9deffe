// Reads one source file (.txt, .md, .html, .pdf, .docx, .odt) into plain text, with what the
// file itself says about its title and headings. Cleaning happens afterwards, the same for
// every format. A file that cannot be read throws UnreadableDocument with the reason.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { HTMLElement, parse as parseHtml } from 'node-html-parser';
import type { DocumentKind } from '../contract.js';
import { readDocx, readOdt } from './formats/office.js';
import { type ExtractedPage, type OcrContext, readPdf } from './formats/pdf.js';
import { decodeText } from './formats/plain-text.js';
import { UnreadableDocument } from './unreadable.js';

export interface ExtractedDocument {
  text: string;
  kind: DocumentKind;
  titleHint: string | null;
  /** Headings the format marks as such (HTML h1–h6, Word and OpenDocument heading styles). */
  headings: string[];
  /** A PDF with recognised scans: its pages, each with its text and whether it was recognised. */
  pages?: ExtractedPage[];
  /** Scanned PDF pages left unread because OCR is off. */
  unrecognised?: number[];
  /** Scanned PDF pages in which recognition found no text it was sure of. */
  pictures?: number[];
}

export interface ReadOptions {
  maxBytes: number;
  /** How scanned PDF pages are recognised; null when OCR is off. */
  ocr?: OcrContext | null;
}

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf', '.docx', '.odt'] as const;

export async function readDocument(path: string, { maxBytes, ocr = null }: ReadOptions): Promise<ExtractedDocument> {
  const { size } = await stat(path);
  if (size > maxBytes)
    throw new UnreadableDocument(`groter dan ${formatMegabytes(maxBytes)} (${formatMegabytes(size)}); verhoog MAX_DOCUMENT_MB om het toch op te nemen`);
  if (size === 0) throw new UnreadableDocument('leeg bestand');
  const bytes = new Uint8Array(await readFile(path));
  const extension = extname(path).toLowerCase();
  switch (extension) {
    case '.txt':
      return { text: decodeText(bytes), kind: 'text', titleHint: null, headings: [] };
    case '.md':
      return readMarkdown(decodeText(bytes));
    case '.html':
    case '.htm':
      return readHtml(decodeText(bytes));
    case '.pdf':
      return { ...(await readPdf(bytes, ocr)), kind: 'pdf', headings: [] };
    case '.docx': {
      const { html, title } = await readDocx(bytes);
      return { ...readHtml(html ?? ''), kind: 'word', titleHint: title };
    }
    case '.odt': {
      const { text, headings, title } = await readOdt(bytes);
      return { text: text ?? '', kind: 'opendocument', titleHint: title, headings };
    }
    default:
      throw new UnreadableDocument(`bestandstype ${extension} wordt niet ondersteund`);
  }
}

export function readMarkdown(markdown: string): ExtractedDocument {
  const titleHint = markdown.match(/^#\s+(.+)$/m)?.[1]?.trim() ?? null;
  const headings = [...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => match[1]!.trim());
  const text = markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '') // front matter
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/^\s*[-*+]\s+/gm, '• ')
    .replace(/`([^`]+)`/g, '$1');
  return { text, kind: 'markdown', titleHint, headings };
}

/**
 * What a web page shows around its text, never its text: code, navigation (HTML's own elements,
 * ARIA's landmarks, and the header and footer DocBook manuals put on every page, which name the
 * previous and next pages), and form controls such as a search box.
 */
const PAGE_CHROME = [
  'script, style, noscript, template',
  'nav, header, footer',
  '[role="navigation"], [role="banner"], [role="contentinfo"], [role="search"]',
  '.navheader, .navfooter',
  'form, input, button, select, textarea, label',
].join(', ');

/** Blocks of text that may consist of a link alone. */
const LINK_BLOCKS = 'p, li, dt, dd';

export function readHtml(html: string): ExtractedDocument {
  const root = parseHtml(html);
  const titleHint = (root.querySelector('title')?.text || root.querySelector('h1')?.text || '').trim() || null;
  // A side panel with a search box or a menu toggle is a tool of the site ("Index 🔎︎", "Inhoud"), not text of the page.
  for (const aside of root.querySelectorAll('aside')) if (aside.querySelector('input, select, button, textarea')) aside.remove();
  for (const element of root.querySelectorAll(PAGE_CHROME)) element.remove();
  leaveOutHidden(root);
  // A paragraph or item that is a link and nothing else names another page ("Verwante onderwerpen",
  // "Zie ook"): a cross-reference, not a sentence of this one, and never an answer from it.
  for (const block of root.querySelectorAll(LINK_BLOCKS)) if (isLinkOnly(block)) block.remove();
  const headings = root
    .querySelectorAll('h1, h2, h3, h4, h5, h6')
    .map((heading) => heading.text.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  for (const item of root.querySelectorAll('li')) item.insertAdjacentHTML('afterbegin', '• ');
  const body = root.querySelector('body') ?? root;
  return { text: body.structuredText, kind: 'web-page', titleHint, headings };
}

/**
 * What a page hides is not what it shows: a hidden element is left out. Where every part of an
 * element is hidden, they are alternatives a script chooses from (the help pages' "LibreOffice -
 * Voorkeuren" for a Mac, "Extra - Opties" elsewhere): the last, the fallback, is read, as a
 * switch's default, and the others are left out rather than run together ("VoorkeurenExtra").
 */
function leaveOutHidden(root: HTMLElement): void {
  const parents = new Set(root.querySelectorAll('[hidden]').map((element) => element.parentNode));
  for (const parent of parents) {
    if (!parent) continue;
    const hidden = parent.childNodes.filter((node): node is HTMLElement => node instanceof HTMLElement && node.hasAttribute('hidden'));
    const shown = parent.childNodes.some((node) => !hidden.includes(node as HTMLElement) && node.text.trim() !== '');
    const alternatives = !shown && hidden.length > 1;
    for (const element of alternatives ? hidden.slice(0, -1) : hidden) element.remove();
  }
}

function isLinkOnly(block: HTMLElement): boolean {
  const own = lettersOf(block.text);
  const linked = lettersOf(
    block
      .querySelectorAll('a[href]')
      .map((link) => link.text)
      .join(''),
  );
  return own !== '' && own === linked;
}

/** Letters and digits only: links separated by commas or bullets are still links alone. */
const lettersOf = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '');

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

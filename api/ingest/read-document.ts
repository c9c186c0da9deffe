// Reads one source file (.txt, .md, .html, .pdf) into plain text plus what the file itself says
// about its title. Cleaning happens afterwards, the same for every format.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import type { DocumentKind } from '../contract.js';
import { AppError } from '../errors.js';

export interface ExtractedDocument {
  text: string;
  kind: DocumentKind;
  titleHint: string | null;
}

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf'] as const;

export async function readDocument(path: string): Promise<ExtractedDocument> {
  const extension = extname(path).toLowerCase();
  switch (extension) {
    case '.txt':
      return { text: await readFile(path, 'utf8'), kind: 'text', titleHint: null };
    case '.md':
      return readMarkdown(await readFile(path, 'utf8'));
    case '.html':
    case '.htm':
      return readHtml(await readFile(path, 'utf8'));
    case '.pdf':
      return readPdf(new Uint8Array(await readFile(path)));
    default:
      throw new AppError('unsupported_document', `Bestandstype ${extension} wordt niet ondersteund (${path}).`);
  }
}

export function readMarkdown(markdown: string): ExtractedDocument {
  const titleHint = markdown.match(/^#\s+(.+)$/m)?.[1]?.trim() ?? null;
  const text = markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '') // front matter
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/^\s*[-*+]\s+/gm, '• ')
    .replace(/`([^`]+)`/g, '$1');
  return { text, kind: 'markdown', titleHint };
}

export function readHtml(html: string): ExtractedDocument {
  const root = parseHtml(html);
  const titleHint = (root.querySelector('title')?.text || root.querySelector('h1')?.text || '').trim() || null;
  for (const element of root.querySelectorAll('script, style, noscript, nav, header, footer, template')) {
    element.remove();
  }
  for (const item of root.querySelectorAll('li')) item.insertAdjacentHTML('afterbegin', '• ');
  const body = root.querySelector('body') ?? root;
  return { text: body.structuredText, kind: 'web-page', titleHint };
}

async function readPdf(data: Uint8Array): Promise<ExtractedDocument> {
  const pdf = await getDocumentProxy(data);
  const { info } = await getMeta(pdf);
  const { text } = await extractText(pdf, { mergePages: false });
  const title = typeof info?.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : null;
  return { text: text.join('\n\n'), kind: 'pdf', titleHint: title };
}

// Word (.docx, through mammoth) and OpenDocument text (.odt, its content.xml read directly):
// paragraphs and list items become lines, headings become lines the section finder knows as
// headings, and the title comes from the document's own metadata. Only the parts that hold text
// are taken out of the archive, within limits (zip-archive.ts); images are left in it.
import { DOMParser } from '@xmldom/xmldom';
import { zipSync } from 'fflate';
import mammoth from 'mammoth';
import { UnreadableDocument } from '../unreadable.js';
import { readZipParts } from './zip-archive.js';

export interface OfficeText {
  html?: string;
  text?: string;
  headings: string[];
  title: string | null;
}

/** Parts of an Office archive that hold text or say how it is put together; not images or fonts. */
const TEXT_PART = /\.(?:xml|rels)$/i;
const WORD_MAIN_PART = 'word/document.xml';

export async function readDocx(bytes: Uint8Array): Promise<OfficeText> {
  const parts = readZipParts(bytes, (name) => TEXT_PART.test(name), 'Word');
  if (!parts.has(WORD_MAIN_PART)) throw new UnreadableDocument(`geen Word-document: ${WORD_MAIN_PART} ontbreekt in het archief`);
  // mammoth reads an archive of the text parts only, stored without compression: nothing left to inflate.
  const textOnly = zipSync(Object.fromEntries(parts), { level: 0 });
  let result: { value: string };
  try {
    result = await mammoth.convertToHtml({ buffer: Buffer.from(textOnly) }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
  } catch (error) {
    throw new UnreadableDocument(`beschadigd Word-bestand (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, { cause: error });
  }
  return { html: result.value, headings: [], title: coreTitle(parts.get('docProps/core.xml')) };
}

export async function readOdt(bytes: Uint8Array): Promise<OfficeText> {
  const parts = readZipParts(bytes, (name) => name === 'content.xml' || name === 'meta.xml', 'OpenDocument');
  const content = decode(parts.get('content.xml'));
  if (!content) throw new UnreadableDocument('beschadigd OpenDocument-bestand (content.xml ontbreekt)');
  const document = parseXml(content);
  const lines: string[] = [];
  const headings: string[] = [];
  const walk = (element: Element) => {
    const name = element.localName;
    if (name === 'h' || name === 'p') {
      const line = textOf(element).trim();
      if (line !== '') {
        const inList = element.parentNode && (element.parentNode as Element).localName === 'list-item';
        lines.push(inList ? `• ${line}` : line);
        if (name === 'h') headings.push(line);
      }
      if (name === 'h') lines.push('');
      return;
    }
    for (let child = element.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) walk(child as Element);
  };
  if (document.documentElement) walk(document.documentElement);
  return { text: lines.join('\n'), headings, title: coreTitle(parts.get('meta.xml')) };
}

/** XML errors make the document unreadable; warnings about harmless oddities are ignored. */
function parseXml(xml: string): Document {
  const fail = (message: unknown) => {
    throw new UnreadableDocument(`beschadigde XML in het document (${String(message).split('\n')[0]})`);
  };
  return new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml');
}

function decode(part: Uint8Array | undefined): string | null {
  return part ? new TextDecoder().decode(part) : null;
}

/** dc:title of docProps/core.xml (Word) or meta.xml (OpenDocument). */
function coreTitle(part: Uint8Array | undefined): string | null {
  const xml = decode(part);
  if (!xml) return null;
  const titles = parseXml(xml).getElementsByTagName('dc:title');
  const title = titles.length > 0 ? textOf(titles.item(0) as Element).trim() : '';
  return title === '' ? null : title;
}

/** The text of an OpenDocument element: spaces (text:s), tabs and line breaks included. */
function textOf(element: Element): string {
  let text = '';
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
    else if (child.nodeType === 1) {
      const name = (child as Element).localName;
      if (name === 's') text += ' '.repeat(Number((child as Element).getAttribute('text:c') || 1));
      else if (name === 'tab' || name === 'line-break') text += ' ';
      else if (name !== 'note') text += textOf(child as Element);
    }
  }
  return text;
}

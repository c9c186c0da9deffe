// Word (.docx, through mammoth) and OpenDocument text (.odt, its content.xml read directly):
// paragraphs and list items become lines, headings become lines the section finder knows as
// headings, and the title comes from the document's own metadata.
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { UnreadableDocument } from '../unreadable.js';

export interface OfficeText {
  html?: string;
  text?: string;
  headings: string[];
  title: string | null;
}

export async function readDocx(bytes: Uint8Array): Promise<OfficeText> {
  const zip = await openZip(bytes, 'Word');
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return { html: result.value, headings: [], title: await coreTitle(zip, 'docProps/core.xml') };
}

export async function readOdt(bytes: Uint8Array): Promise<OfficeText> {
  const zip = await openZip(bytes, 'OpenDocument');
  const content = await zip.file('content.xml')?.async('string');
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
  return { text: lines.join('\n'), headings, title: await coreTitle(zip, 'meta.xml') };
}

/** XML errors make the document unreadable; warnings about harmless oddities are ignored. */
function parseXml(xml: string): Document {
  const fail = (message: unknown) => {
    throw new UnreadableDocument(`beschadigde XML in het document (${String(message).split('\n')[0]})`);
  };
  return new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml');
}

async function openZip(bytes: Uint8Array, format: string): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new UnreadableDocument(`beschadigd ${format}-bestand (geen geldig zip-archief)`, { cause: error });
  }
}

/** dc:title of docProps/core.xml (Word) or meta.xml (OpenDocument). */
async function coreTitle(zip: JSZip, path: string): Promise<string | null> {
  const xml = await zip.file(path)?.async('string');
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

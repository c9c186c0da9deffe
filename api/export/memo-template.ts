// A municipality's own Word template for memos (MEMO_TEMPLATE): its styles (word/styles.xml)
// are what the memo is written with. Read once at start; a file that is not a Word document
// stops the start with its name, rather than every export failing later.
import { readFile } from 'node:fs/promises';
import { readZipParts } from '../ingest/formats/zip-archive.js';

const STYLES = 'word/styles.xml';

export async function readTemplateStyles(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new Error(`MEMO_TEMPLATE: ${path} kan niet gelezen worden (${(error as NodeJS.ErrnoException).code ?? error}).`);
  }
  let styles: Uint8Array | undefined;
  try {
    styles = readZipParts(bytes, (name) => name === STYLES, 'Word').get(STYLES);
  } catch (error) {
    throw new Error(`MEMO_TEMPLATE: ${path} is geen Word-document (${error instanceof Error ? error.message : error}).`);
  }
  if (!styles) throw new Error(`MEMO_TEMPLATE: ${path} heeft geen opmaakprofielen (${STYLES}).`);
  return new TextDecoder().decode(styles);
}

// Reads the parts of a Word or OpenDocument file (a zip archive) that hold its text, with limits
// a hostile file cannot pass: the number of entries and their declared sizes are checked from
// the zip's central directory before anything is inflated, and the inflated bytes are counted
// while inflating, so a part that lies about its size is stopped at the cap, not after it.
import { Inflate } from 'fflate';
import { UnreadableDocument } from '../unreadable.js';

export interface ZipLimits {
  /** Entries the archive may list: a Word document has tens. */
  maxEntries: number;
  /** Bytes the wanted parts may inflate to, together. */
  maxInflatedBytes: number;
}

/**
 * A Word or OpenDocument file lists tens of parts; 5,000 leaves room for one full of images.
 * 32 MB of XML is a document of thousands of pages (the bundled documents' largest is 0.2 MB);
 * a "zip bomb" of 611 KB that inflates to 200 MB stops here.
 */
export const OFFICE_ZIP_LIMITS: ZipLimits = { maxEntries: 5_000, maxInflatedBytes: 32 * 1024 * 1024 };

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Inflated output is counted in steps of this many compressed bytes. */
const STEP = 64 * 1024;

/**
 * The wanted parts that exist (by name), inflated within the limits. `format` names the kind of
 * file in what a colleague reads when it is refused ("Word", "OpenDocument").
 */
export function readZipParts(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  format: string,
  limits: ZipLimits = OFFICE_ZIP_LIMITS,
): Map<string, Uint8Array> {
  try {
    return readParts(bytes, wanted, limits);
  } catch (error) {
    if (error instanceof UnreadableDocument) throw new UnreadableDocument(`${format}-bestand: ${error.message}`, { cause: error });
    throw error;
  }
}

function readParts(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ZipLimits): Map<string, Uint8Array> {
  const entries = directory(bytes, limits).filter((entry) => wanted(entry.name));
  const declared = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declared > limits.maxInflatedBytes) throw tooLarge(declared, limits);
  const parts = new Map<string, Uint8Array>();
  let inflated = 0;
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    const part = entry.method === STORED ? data : inflateCapped(data, limits.maxInflatedBytes - inflated, limits);
    inflated += part.length;
    parts.set(entry.name, part);
  }
  return parts;
}

function directory(bytes: Uint8Array, limits: ZipLimits): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end === -1) throw new UnreadableDocument('beschadigd, geen geldig zip-archief (de inhoudsopgave ontbreekt)');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff)
    throw new UnreadableDocument('zip-archief in ZIP64-formaat; sla het op als gewoon Word- of OpenDocument-bestand');
  if (count > limits.maxEntries) throw new UnreadableDocument(`het archief telt ${count} onderdelen, meer dan de ${limits.maxEntries} die een document heeft`);
  if (offset + size > end) throw new UnreadableDocument('beschadigd zip-archief (de inhoudsopgave wijst buiten het bestand)');
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY)
      throw new UnreadableDocument('beschadigd zip-archief (inhoudsopgave onleesbaar)');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The end-of-central-directory record: the last 22 bytes, or further back when the archive has a comment. */
function findEndOfDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

function entryData(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER)
    throw new UnreadableDocument(`beschadigd zip-archief (onderdeel ${entry.name} onleesbaar)`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new UnreadableDocument(`beschadigd zip-archief (onderdeel ${entry.name} is afgekapt)`);
  if (entry.method !== STORED && entry.method !== DEFLATED)
    throw new UnreadableDocument(`onderdeel ${entry.name} is gecomprimeerd op een manier die niet wordt ondersteund`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Inflates `data`, stopping as soon as the output passes `cap` bytes. */
function inflateCapped(data: Uint8Array, cap: number, limits: ZipLimits): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) throw tooLarge(limits.maxInflatedBytes - cap + total, limits);
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += STEP) inflater.push(data.subarray(at, Math.min(data.length, at + STEP)), at + STEP >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof UnreadableDocument) throw error;
    throw new UnreadableDocument('beschadigd zip-archief (een onderdeel is niet uit te pakken)', { cause: error });
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function tooLarge(bytes: number, limits: ZipLimits): UnreadableDocument {
  const megabytes = (value: number) => Math.round(value / 1024 / 1024);
  return new UnreadableDocument(
    `de tekst van het document pakt uit tot meer dan ${megabytes(limits.maxInflatedBytes)} MB (${megabytes(bytes)} MB of meer): een beschadigd of kwaadwillig bestand`,
  );
}

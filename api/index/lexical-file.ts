// The lexical index on disk: a versioned binary layout read in one go, checked field by field,
// so a truncated or foreign file is refused instead of served.
//
//   magic "BWLX" · version · passages · terms · postings · vocabulary bytes   (six uint32, LE)
//   docLengths u32[passages] · offsets u32[terms + 1] · positions u32[postings]
//   frequencies u16[postings] (padded to 4 bytes) · vocabulary: UTF-8 terms joined by "\n"
import type { LexicalIndexData } from './lexical-index.js';

const MAGIC = 0x584c5742; // "BWLX"
const VERSION = 1;
const HEADER_BYTES = 24;

export class DamagedIndexFile extends Error {}

export function encodeLexicalIndex({ terms, offsets, positions, frequencies, docLengths }: LexicalIndexData): Uint8Array {
  const vocabulary = new TextEncoder().encode(terms.join('\n'));
  const frequencyBytes = align4(frequencies.byteLength);
  const size = HEADER_BYTES + docLengths.byteLength + offsets.byteLength + positions.byteLength + frequencyBytes + vocabulary.byteLength;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  for (const [i, value] of [MAGIC, VERSION, docLengths.length, terms.length, positions.length, vocabulary.byteLength].entries())
    view.setUint32(i * 4, value, true);
  let at = HEADER_BYTES;
  for (const array of [docLengths, offsets, positions, frequencies]) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array === frequencies ? frequencyBytes : array.byteLength;
  }
  bytes.set(vocabulary, at);
  return bytes;
}

export function decodeLexicalIndex(bytes: Uint8Array): LexicalIndexData {
  if (bytes.byteLength < HEADER_BYTES) throw new DamagedIndexFile('te kort');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [magic, version, passages, termCount, postings, vocabularyBytes] = [0, 1, 2, 3, 4, 5].map((i) => view.getUint32(i * 4, true)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (magic !== MAGIC) throw new DamagedIndexFile('geen lexicale index');
  if (version !== VERSION) throw new DamagedIndexFile(`lexicale index versie ${version}, verwacht ${VERSION}`);
  const expected = HEADER_BYTES + 4 * passages + 4 * (termCount + 1) + 4 * postings + align4(2 * postings) + vocabularyBytes;
  if (bytes.byteLength !== expected) throw new DamagedIndexFile(`${bytes.byteLength} bytes, verwacht ${expected}`);
  // Copied into fresh, aligned buffers: a file read may sit at any byte offset.
  let at = bytes.byteOffset + HEADER_BYTES;
  const take = <T>(make: (buffer: ArrayBuffer) => T, length: number): T => {
    const buffer = bytes.buffer.slice(at, at + length);
    at += align4(length);
    return make(buffer as ArrayBuffer);
  };
  const docLengths = take((buffer) => new Uint32Array(buffer), 4 * passages);
  const offsets = take((buffer) => new Uint32Array(buffer), 4 * (termCount + 1));
  const positions = take((buffer) => new Uint32Array(buffer), 4 * postings);
  const frequencies = take((buffer) => new Uint16Array(buffer), 2 * postings);
  const vocabulary = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at - bytes.byteOffset, at - bytes.byteOffset + vocabularyBytes));
  const terms = termCount === 0 ? [] : vocabulary.split('\n');
  if (terms.length !== termCount) throw new DamagedIndexFile('woordenlijst klopt niet');
  if (offsets[0] !== 0 || offsets[termCount] !== postings) throw new DamagedIndexFile('verwijzingen kloppen niet');
  for (let i = 0; i < termCount; i++) if (offsets[i]! > offsets[i + 1]!) throw new DamagedIndexFile('verwijzingen kloppen niet');
  for (let p = 0; p < postings; p++) if (positions[p]! >= passages) throw new DamagedIndexFile('passage buiten de index');
  return { terms, offsets, positions, frequencies, docLengths };
}

function align4(length: number): number {
  return Math.ceil(length / 4) * 4;
}

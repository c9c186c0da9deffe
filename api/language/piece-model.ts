// The unigram language model of the embedding model's tokenizer (SentencePiece, as in
// tokenizer.json): every piece with its log-probability. A word's likeliest segmentation into
// pieces gives both how many tokens the model sees for it and how rare it is in language at
// large. The table is derived once from tokenizer.json and cached beside it, compact: sorted
// pieces searched by bisection, so neither a build nor the server holds the 17 MB JSON or a
// full tokenizer for this.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Segmentation {
  /** Log-probability of the likeliest segmentation (natural log, ≤ 0). */
  score: number;
  /** Pieces in it: the tokens the model sees for this word. */
  pieces: number;
}

export interface PieceModel {
  /** Segments one word (no spaces) as the tokenizer does: a word-start marker, then Viterbi. */
  segment(word: string): Segmentation;
}

const CACHE_FILE = 'piece-scores.bin';
const MAGIC = 0x32535042; // "BPS2"
const WORD_START = '\u2581'; // SentencePiece's "▁": the piece begins a word
const MAX_PIECE_LENGTH = 24;
/** An unknown character costs as much as the model's rarest piece and a margin, as in SentencePiece. */
const UNKNOWN_PENALTY = 10;

interface PieceTable {
  pieces: string[];
  scores: Float32Array;
}

/** The model of the tokenizer in `modelDir`, or null when it has no unigram tokenizer there. */
export function loadPieceModel(modelDir: string): PieceModel | null {
  const table = readCachedTable(modelDir) ?? deriveTable(modelDir);
  return table ? pieceModel(table) : null;
}

function pieceModel({ pieces, scores }: PieceTable): PieceModel {
  const unknown = scores.reduce((low, score) => Math.min(low, score), 0) - UNKNOWN_PENALTY;
  const scoreOf = (piece: string): number | undefined => {
    let low = 0;
    let high = pieces.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const candidate = pieces[middle]!;
      if (candidate === piece) return scores[middle];
      if (candidate < piece) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  };
  return {
    segment(word) {
      const text = WORD_START + word.normalize('NFKC');
      const best = new Float64Array(text.length + 1).fill(Number.NEGATIVE_INFINITY);
      const count = new Uint32Array(text.length + 1);
      const unknownRun = new Uint8Array(text.length + 1); // consecutive unknown characters form one token
      best[0] = 0;
      for (let i = 0; i < text.length; i++) {
        if (best[i] === Number.NEGATIVE_INFINITY) continue;
        const viaUnknown = best[i]! + unknown;
        if (viaUnknown > best[i + 1]!) {
          best[i + 1] = viaUnknown;
          count[i + 1] = count[i]! + (unknownRun[i] ? 0 : 1);
          unknownRun[i + 1] = 1;
        }
        for (let j = i + 1; j <= Math.min(text.length, i + MAX_PIECE_LENGTH); j++) {
          const score = scoreOf(text.slice(i, j));
          if (score !== undefined && best[i]! + score > best[j]!) {
            best[j] = best[i]! + score;
            count[j] = count[i]! + 1;
            unknownRun[j] = 0;
          }
        }
      }
      return { score: best[text.length]!, pieces: count[text.length]! };
    },
  };
}

function readCachedTable(modelDir: string): PieceTable | null {
  const cache = join(modelDir, CACHE_FILE);
  const source = join(modelDir, 'tokenizer.json');
  if (!existsSync(cache) || (existsSync(source) && statSync(source).mtimeMs > statSync(cache).mtimeMs)) return null;
  try {
    const bytes = readFileSync(cache);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== MAGIC) return null;
    const count = view.getUint32(4, true);
    const scores = new Float32Array(bytes.buffer.slice(bytes.byteOffset + 8, bytes.byteOffset + 8 + count * 4));
    const pieces = new TextDecoder().decode(bytes.subarray(8 + count * 4)).split('\n');
    return pieces.length === count ? { pieces, scores } : null;
  } catch {
    return null; // a damaged cache is derived again
  }
}

function deriveTable(modelDir: string): PieceTable | null {
  const source = join(modelDir, 'tokenizer.json');
  if (!existsSync(source)) return null;
  const model = (JSON.parse(readFileSync(source, 'utf8')) as { model?: { type?: string; vocab?: unknown } }).model;
  if (model?.type !== 'Unigram' || !Array.isArray(model.vocab)) return null;
  // Special tokens (<s>, <pad>, </s>, <unk>) score 0 but never occur inside text.
  const entries = (model.vocab as [string, number][]).filter(
    ([piece, score]) => typeof piece === 'string' && !piece.includes('\n') && !/^<.+>$/.test(piece) && Number.isFinite(score),
  );
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const table = { pieces: entries.map(([piece]) => piece), scores: Float32Array.from(entries, ([, score]) => score) };
  writeCache(join(modelDir, CACHE_FILE), table);
  return table;
}

function writeCache(path: string, { pieces, scores }: PieceTable): void {
  const blob = new TextEncoder().encode(pieces.join('\n'));
  const bytes = new Uint8Array(8 + scores.byteLength + blob.byteLength);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, pieces.length, true);
  bytes.set(new Uint8Array(scores.buffer, scores.byteOffset, scores.byteLength), 8);
  bytes.set(blob, 8 + scores.byteLength);
  try {
    writeFileSync(path, bytes);
  } catch {
    // A read-only models folder: the table is derived again next time, nothing is lost.
  }
}

// How rare a word is in language at large, from the unigram language model the embedding
// model's tokenizer is (SentencePiece, trained on CC-100 text in 100 languages): a word's
// surprisal is −log p of its likeliest segmentation into pieces. An everyday word ("lukt",
// "kosten") is one likely piece; a technical term or a name ("draaitabel") is several unlikely
// ones. The piece table is derived once from tokenizer.json and cached beside it, compact: a
// sorted blob with offsets, searched by bisection, so serving never holds the 17 MB JSON.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WordRarity {
  /** −log p(word) in nats under the tokenizer's unigram model; higher is rarer. */
  surprisal(word: string): number;
}

const CACHE_FILE = 'piece-scores.bin';
const MAGIC = 0x31535042; // "BPS1"
const WORD_START = '\u2581'; // SentencePiece's "▁": the piece begins a word
const MAX_PIECE_LENGTH = 24;
/** The score of a character the model has no piece for: as unlikely as its rarest piece. */
const UNKNOWN_PENALTY = 5;

interface PieceTable {
  pieces: string[];
  scores: Float32Array;
}

export function loadWordRarity(modelDir: string): WordRarity | null {
  const table = readCachedTable(modelDir) ?? deriveTable(modelDir);
  return table ? rarityFrom(table) : null;
}

function rarityFrom({ pieces, scores }: PieceTable): WordRarity {
  const worst = scores.reduce((low, score) => Math.min(low, score), 0) - UNKNOWN_PENALTY;
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
  const segmentScore = (word: string): number => {
    const text = WORD_START + word;
    const best = new Float64Array(text.length + 1).fill(-Infinity);
    best[0] = 0;
    for (let i = 0; i < text.length; i++) {
      if (best[i] === -Infinity) continue;
      // A character without a piece still costs something: as much as the rarest piece.
      best[i + 1] = Math.max(best[i + 1]!, best[i]! + worst);
      for (let j = i + 1; j <= Math.min(text.length, i + MAX_PIECE_LENGTH); j++) {
        const score = scoreOf(text.slice(i, j));
        if (score !== undefined && best[i]! + score > best[j]!) best[j] = best[i]! + score;
      }
    }
    return best[text.length]!;
  };
  const memo = new Map<string, number>();
  return {
    surprisal(word) {
      let value = memo.get(word);
      if (value === undefined) {
        // The likeliest spelling counts: "Excel" and "excel" are the same word to a reader.
        value = -Math.max(segmentScore(word), segmentScore(word.toLowerCase()));
        memo.set(word, value);
      }
      return value;
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
  const entries = (model.vocab as [string, number][]).filter(([piece, score]) => typeof piece === 'string' && !piece.includes('\n') && Number.isFinite(score));
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
    // A read-only models folder: the table is derived again next start, nothing is lost.
  }
}

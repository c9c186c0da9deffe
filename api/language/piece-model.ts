// The unigram language model of the embedding model's tokenizer (SentencePiece, as in
// tokenizer.json): every piece with its log-probability. A word's likeliest segmentation into
// pieces gives both how many tokens the model sees for it and how rare it is in language at
// large. The table is derived once from tokenizer.json and cached beside it, compact: sorted
// pieces searched by bisection, so neither a build nor the server holds the 17 MB JSON or a
// full tokenizer for this.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexInSorted } from './sorted.js';

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
const MAGIC = 0x34535042; // "BPS4": pieces, scores, vocabulary ids and the tokenizer's other settings
const WORD_START = '\u2581'; // SentencePiece's "▁": the piece begins a word
const MAX_PIECE_LENGTH = 24;
/** An unknown character costs as much as the model's rarest piece and a margin, as in SentencePiece. */
const UNKNOWN_PENALTY = 10;

/** The tokenizer's pieces (special tokens left out), sorted for bisection, with their scores and vocabulary ids. */
export interface PieceTable {
  pieces: string[];
  scores: Float32Array;
  ids: Int32Array;
  /** What an unknown character costs: the rarest piece's score less a margin, as in SentencePiece. */
  unknownScore: number;
  /** tokenizer.json without the vocabulary: normaliser, pre-tokeniser, post-processor, special tokens. */
  settings: TokenizerSettingsJson;
}

/** The parts of tokenizer.json besides the vocabulary (kept so no one parses its 17 MB again). */
export interface TokenizerSettingsJson {
  normalizer?: unknown;
  pre_tokenizer?: unknown;
  post_processor?: unknown;
  model?: { type?: string; unk_id?: number };
  added_tokens?: { id: number; content: string; lstrip?: boolean; rstrip?: boolean }[];
}

/** The table of the unigram tokenizer in `modelDir`, or null when it has none there. */
export function loadPieceTable(modelDir: string): PieceTable | null {
  return readCachedTable(modelDir) ?? deriveTable(modelDir);
}

/** The model of the tokenizer in `modelDir`, or null when it has no unigram tokenizer there. */
export function loadPieceModel(modelDir: string): PieceModel | null {
  const table = loadPieceTable(modelDir);
  return table ? pieceModel(table) : null;
}

function pieceModel({ pieces, scores, unknownScore: unknown }: PieceTable): PieceModel {
  const scoreOf = (piece: string): number | undefined => {
    const at = indexInSorted(pieces, piece);
    return at < 0 ? undefined : scores[at];
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
    const settingsLength = view.getUint32(8, true);
    const at = 12;
    const scores = new Float32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + count * 4));
    const ids = new Int32Array(bytes.buffer.slice(bytes.byteOffset + at + count * 4, bytes.byteOffset + at + count * 8));
    const decoder = new TextDecoder();
    const settings = JSON.parse(decoder.decode(bytes.subarray(at + count * 8, at + count * 8 + settingsLength))) as TokenizerSettingsJson;
    const pieces = decoder.decode(bytes.subarray(at + count * 8 + settingsLength)).split('\n');
    return pieces.length === count ? withUnknownScore(pieces, scores, ids, settings) : null;
  } catch {
    return null; // a damaged cache is derived again
  }
}

function deriveTable(modelDir: string): PieceTable | null {
  const source = join(modelDir, 'tokenizer.json');
  if (!existsSync(source)) return null;
  const json = JSON.parse(readFileSync(source, 'utf8')) as TokenizerSettingsJson & { model?: { vocab?: unknown } };
  const model = json.model;
  if (model?.type !== 'Unigram' || !Array.isArray(model.vocab)) return null;
  // Special tokens (<s>, <pad>, </s>, <unk>, <mask>) are split off before segmentation: never pieces of text.
  const special = new Set((json.added_tokens ?? []).map((token) => token.id));
  const entries = (model.vocab as [string, number][])
    .map(([piece, score], id) => ({ piece, score, id }))
    .filter(({ piece, score, id }) => typeof piece === 'string' && !piece.includes('\n') && !special.has(id) && Number.isFinite(score));
  entries.sort((a, b) => (a.piece < b.piece ? -1 : a.piece > b.piece ? 1 : 0));
  const table = withUnknownScore(
    entries.map((entry) => entry.piece),
    Float32Array.from(entries, (entry) => entry.score),
    Int32Array.from(entries, (entry) => entry.id),
    {
      normalizer: json.normalizer,
      pre_tokenizer: json.pre_tokenizer,
      post_processor: json.post_processor,
      model: { type: model.type, ...(typeof model.unk_id === 'number' ? { unk_id: model.unk_id } : {}) },
      added_tokens: json.added_tokens ?? [],
    },
  );
  writeCache(join(modelDir, CACHE_FILE), table);
  return table;
}

function withUnknownScore(pieces: string[], scores: Float32Array, ids: Int32Array, settings: TokenizerSettingsJson): PieceTable {
  // The special tokens score 0, so the minimum over the whole vocabulary is that of the pieces, or 0.
  return { pieces, scores, ids, settings, unknownScore: scores.reduce((low, score) => Math.min(low, score), 0) - UNKNOWN_PENALTY };
}

function writeCache(path: string, { pieces, scores, ids, settings }: PieceTable): void {
  const encoder = new TextEncoder();
  const settingsBytes = encoder.encode(JSON.stringify(settings));
  const blob = encoder.encode(pieces.join('\n'));
  const at = 12;
  const bytes = new Uint8Array(at + scores.byteLength + ids.byteLength + settingsBytes.byteLength + blob.byteLength);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, pieces.length, true);
  view.setUint32(8, settingsBytes.byteLength, true);
  bytes.set(new Uint8Array(scores.buffer, scores.byteOffset, scores.byteLength), at);
  bytes.set(new Uint8Array(ids.buffer, ids.byteOffset, ids.byteLength), at + scores.byteLength);
  bytes.set(settingsBytes, at + scores.byteLength + ids.byteLength);
  bytes.set(blob, at + scores.byteLength + ids.byteLength + settingsBytes.byteLength);
  try {
    writeFileSync(path, bytes);
  } catch {
    // A read-only models folder: the table is derived again next time, nothing is lost.
  }
}

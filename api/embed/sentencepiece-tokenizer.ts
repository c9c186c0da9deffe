// Turns text into the model's input ids exactly as transformers.js's tokenizer does for
// SentencePiece unigram models such as multilingual-e5 (XLM-RoBERTa's tokenizer): special tokens
// split off, the "Precompiled" normalisation as transformers.js performs it, "▁" for spaces,
// Viterbi over the pieces, <s> … </s>, truncation to the model's limit. It holds the vocabulary
// as the compact piece table (piece-model.ts) instead of transformers.js's character trie,
// which takes some 260 MB per copy. test/embed/model-tokenizer.test.ts holds it to
// transformers.js's output; a tokenizer of another shape gets null, and transformers.js itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPieceTable, type PieceTable } from '../language/piece-model.js';
import { indexInSorted } from '../language/sorted.js';

export interface ModelTokenizer {
  /** Input ids with the special tokens, at most the model's limit. */
  encode(text: string): number[];
}

const WORD_START = '\u2581';
const DEFAULT_MAX_LENGTH = 512;
/** Segmented words remembered; a corpus's vocabulary fits, a pathological one is forgotten and recomputed. */
const MAX_CACHED_WORDS = 200_000;
/** Characters transformers.js's Precompiled normaliser drops, and those it turns into a space. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this normalisation removes
const DROPPED = /[\u0001-\u0008\u000B\u000E-\u001F\u007F\u008F\u009F]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: tabs and line breaks become spaces, as in transformers.js
const AS_SPACE = /[\u0009\u000A\u000C\u000D\u00A0\u1680\u2000-\u200F\u2028\u2029\u202F\u205F\u2581\u3000\uFEFF\uFFFD]/g;

interface NormalizerJson {
  type?: string;
  pattern?: { Regex?: string; String?: string };
  content?: string;
}

interface TokenizerJson {
  normalizer?: (NormalizerJson & { normalizers?: NormalizerJson[] }) | null;
  pre_tokenizer?: { type?: string; replacement?: string; prepend_scheme?: string } | null;
  post_processor?: { type?: string; single?: unknown[] } | null;
  model?: { type?: string; unk_id?: number };
  added_tokens?: { id: number; content: string; lstrip?: boolean; rstrip?: boolean }[];
}

/** The tokenizer of the model in `modelDir` when it is one this module reproduces exactly, else null. */
export function loadModelTokenizer(modelDir: string): ModelTokenizer | null {
  const table = loadPieceTable(modelDir);
  if (!table) return null;
  const json = table.settings as TokenizerJson;
  const added = json.added_tokens ?? [];
  const idOf = (content: string) => added.find((token) => token.content === content)?.id;
  const bos = idOf('<s>');
  const eos = idOf('</s>');
  const normalizers = json.normalizer?.type === 'Sequence' ? (json.normalizer.normalizers ?? []) : json.normalizer ? [json.normalizer] : [];
  const replacements = normalizers.slice(1).map(replacementOf);
  const reproducible =
    json.model?.type === 'Unigram' &&
    typeof json.model.unk_id === 'number' &&
    normalizers[0]?.type === 'Precompiled' &&
    replacements.every((replacement) => replacement !== null) &&
    json.pre_tokenizer?.type === 'Metaspace' &&
    (json.pre_tokenizer.replacement ?? WORD_START) === WORD_START &&
    (json.pre_tokenizer.prepend_scheme ?? 'always') === 'always' &&
    json.post_processor?.type === 'TemplateProcessing' &&
    bos !== undefined &&
    eos !== undefined &&
    added.every((token) => !token.lstrip && !token.rstrip);
  if (!reproducible) return null;
  const limit = Number(modelMaxLength(modelDir));
  const maxLength = Number.isFinite(limit) && limit > 0 && limit < 100_000 ? limit : DEFAULT_MAX_LENGTH;
  return sentencePieceTokenizer(table, {
    special: added,
    bos,
    eos,
    unknown: json.model!.unk_id!,
    maxLength,
    replacements: replacements as Replacement[],
  });
}

function modelMaxLength(modelDir: string): unknown {
  try {
    return (JSON.parse(readFileSync(join(modelDir, 'tokenizer_config.json'), 'utf8')) as { model_max_length?: unknown }).model_max_length;
  } catch {
    return undefined;
  }
}

export interface Replacement {
  pattern: RegExp;
  content: string;
}

/**
 * A "Replace" normaliser (XLM-R's tokenizer collapses runs of spaces with one): a literal string,
 * or a regular expression that means the same in JavaScript as in Oniguruma (no escapes, no
 * classes); anything else is not reproduced.
 */
function replacementOf(normalizer: NormalizerJson): Replacement | null {
  if (normalizer.type !== 'Replace') return null;
  const { Regex: regex, String: literal } = normalizer.pattern ?? {};
  const content = normalizer.content ?? '';
  if (literal !== undefined) return { pattern: new RegExp(literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gu'), content };
  if (regex !== undefined && /^[^\\[\]()|^$.]*$/.test(regex)) return { pattern: new RegExp(regex, 'gu'), content };
  return null;
}

interface TokenizerSettings {
  special: readonly { id: number; content: string }[];
  /** Applied after the Precompiled normalisation, in order. */
  replacements?: readonly Replacement[];
  bos: number;
  eos: number;
  unknown: number;
  maxLength: number;
}

export function sentencePieceTokenizer(table: PieceTable, { special, bos, eos, unknown, maxLength, replacements = [] }: TokenizerSettings): ModelTokenizer {
  const specialIds = new Map(special.map((token) => [token.content, token.id]));
  const specialPattern = special.length
    ? new RegExp(
        `(${[...specialIds.keys()]
          .sort((a, b) => b.length - a.length)
          .map((content) => content.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('|')})`,
      )
    : null;
  const maxPieceLength = table.pieces.reduce((longest, piece) => Math.max(longest, [...piece].length), 1);
  const words = new Map<string, number[]>();

  /** Viterbi over one "▁word" (no piece spans a "▁" after its first character, so words are independent). */
  const segmentWord = (word: string): number[] => {
    const cached = words.get(word);
    if (cached) return cached;
    const chars = Array.from(word);
    const n = chars.length;
    const best = new Float64Array(n + 1).fill(Number.NEGATIVE_INFINITY);
    const from = new Int32Array(n + 1);
    const id = new Int32Array(n + 1);
    best[0] = 0;
    for (let i = 0; i < n; i++) {
      if (best[i] === Number.NEGATIVE_INFINITY) continue;
      let single = false;
      let piece = '';
      for (let j = i; j < Math.min(n, i + maxPieceLength); j++) {
        piece += chars[j];
        const at = indexInSorted(table.pieces, piece);
        if (at < 0) continue;
        if (j === i) single = true;
        const score = best[i]! + table.scores[at]!;
        // Strictly better only: of equal paths the one found first (the longer last piece) stays, as in transformers.js.
        if (score > best[j + 1]!) {
          best[j + 1] = score;
          from[j + 1] = i;
          id[j + 1] = table.ids[at]!;
        }
      }
      // A character no piece starts with is one unknown token.
      if (!single && best[i]! + table.unknownScore > best[i + 1]!) {
        best[i + 1] = best[i]! + table.unknownScore;
        from[i + 1] = i;
        id[i + 1] = unknown;
      }
    }
    const ids: number[] = [];
    for (let at = n; at > 0; at = from[at]!) ids.push(id[at]!);
    ids.reverse();
    if (words.size >= MAX_CACHED_WORDS) words.clear();
    words.set(word, ids);
    return ids;
  };

  const encodeSection = (section: string, ids: number[]) => {
    let text = section.replace(DROPPED, '').replace(AS_SPACE, ' ');
    text = text.includes('\uFF5E')
      ? text
          .split('\uFF5E')
          .map((part) => part.normalize('NFKC'))
          .join('\uFF5E')
      : text.normalize('NFKC');
    for (const { pattern, content } of replacements) text = text.replaceAll(pattern, content);
    if (text.length === 0) return;
    text = text.replaceAll(' ', WORD_START);
    if (!text.startsWith(WORD_START)) text = WORD_START + text;
    // Words: each "▁" starts one; "▁▁x" is "▁" then "▁x".
    let start = 0;
    for (let i = 1; i <= text.length; i++) {
      if (i === text.length || text[i] === WORD_START) {
        ids.push(...segmentWord(text.slice(start, i)));
        start = i;
      }
    }
  };

  return {
    encode(text) {
      const ids: number[] = [bos];
      for (const section of specialPattern ? text.split(specialPattern) : [text]) {
        if (section.length === 0) continue;
        const specialId = specialIds.get(section);
        if (specialId !== undefined) ids.push(specialId);
        else encodeSection(section, ids);
      }
      ids.push(eos);
      // transformers.js truncates by cutting the sequence at the limit, closing token and all.
      if (ids.length > maxLength) ids.length = maxLength;
      return ids;
    },
  };
}

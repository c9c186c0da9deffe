import { beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument, PASSAGE_OVERHEAD_TOKENS } from '../../api/chunk/chunk-document.js';
import { loadTokenCounter, type TokenCounter } from '../../api/chunk/token-counter.js';
import { DEFAULT_CHUNKING } from '../../api/env.js';
import { listCorpusFiles } from '../../api/ingest/corpus-files.js';
import { processDocument } from '../../api/ingest/process-document.js';
import { dutchSpellChecker } from '../../api/language/dutch-lexicon.js';
import { attributionOf, type Chunk, type CorpusDocument, sectionOf } from '../../api/records.js';
import { CORPUS_DIR, OFFLINE_MODEL } from '../fixtures/paths.js';

let tokens: TokenCounter;
let documents: CorpusDocument[];
let chunks: Chunk[];

beforeAll(async () => {
  tokens = await loadTokenCounter(OFFLINE_MODEL);
  documents = await Promise.all(
    (await listCorpusFiles(CORPUS_DIR)).map((file) => processDocument(file, { collection: 'alle', spell: dutchSpellChecker(), maxBytes: 100_000_000 })),
  );
  chunks = (await Promise.all(documents.map((document) => chunkDocument(document, tokens, DEFAULT_CHUNKING)))).flat();
});

describe('token counting', () => {
  it('uses the real E5 tokenizer', () => {
    expect(tokens.maxTokens).toBe(512);
    // SentencePiece pieces of the XLM-R vocabulary, counted without special tokens.
    expect(tokens.count('Mantelzorgondersteuning')).toBeGreaterThan(1);
    expect(tokens.count('')).toBe(0);
  });
});

describe('chunkDocument on the bundled corpus', () => {
  it('keeps every chunk within the size and the model limit', () => {
    expect(chunks.length).toBeGreaterThan(50);
    for (const chunk of chunks) {
      expect(chunk.tokens).toBeLessThanOrEqual(200);
      expect(tokens.count(`passage: ${chunk.text}`) + 2).toBeLessThanOrEqual(tokens.maxTokens);
    }
  });

  it('records exact [start, end) offsets into the cleaned text', () => {
    for (const chunk of chunks) {
      const document = documents.find((candidate) => candidate.id === chunk.documentId)!;
      expect(document.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
      expect(chunk.text).toBe(chunk.text.trim());
    }
  });

  it('covers every word of every document', () => {
    for (const document of documents) {
      const covered = new Uint8Array(document.text.length);
      for (const chunk of chunks.filter((candidate) => candidate.documentId === document.id)) covered.fill(1, chunk.start, chunk.end);
      const missed = [...document.text].filter((char, i) => /[\p{L}\p{N}]/u.test(char) && !covered[i]).length;
      expect(missed).toBe(0);
    }
  });

  it('starts chunks at boundaries, not mid-word', () => {
    for (const chunk of chunks) {
      const document = documents.find((candidate) => candidate.id === chunk.documentId)!;
      expect(document.text[chunk.start - 1] ?? '\n').toMatch(/[\s(‘“"']/);
    }
  });

  it('attaches the section heading a chunk falls under', () => {
    const respite = chunks.find((chunk) => chunk.text.includes('tijdelijk overnemen (respijtzorg)'));
    expect(respite?.section).toBe('Ondersteuning van mantelzorgers');
  });

  it('says whom a chunk is by: the last byline before it, across the numbered sections under it', () => {
    const steps = chunks.find((chunk) => chunk.text.startsWith('Toegang tot Middelen'));
    expect(steps?.section).toMatch(/^\d\. /);
    expect(steps?.attribution).toBe('Jitske Kramer, September 2020');
    expect(chunks.find((chunk) => chunk.text.includes('tijdelijk overnemen (respijtzorg)'))?.attribution).toBeNull();
  });

  it('says whom a quote is by where a byline takes effect inside its chunk, and a chunk opening with a title is by the byline under it', () => {
    const withBylines = chunks.filter((chunk) => chunk.bylines.length > 0);
    expect(withBylines.length).toBeGreaterThan(5);
    for (const chunk of withBylines) {
      const [first] = chunk.bylines;
      expect(first!.start).toBeGreaterThan(chunk.start);
      expect(attributionOf(chunk, first!.start)).toBe(first!.title);
      expect(attributionOf(chunk, first!.start - 1)).toBe(chunk.attribution);
    }
    const opening = chunks.find((chunk) => chunk.text.startsWith('De gebroken belofte'));
    expect(opening?.attribution).toBe('Juni 2024, Staatscommissie rechtsstaat');
  });

  it('names the section of a quote that follows a heading inside its chunk', () => {
    const withHeadings = chunks.filter((chunk) => chunk.headings.length > 0);
    expect(withHeadings.length).toBeGreaterThan(5);
    for (const chunk of withHeadings) {
      const [first] = chunk.headings;
      expect(chunk.text.slice(first!.start - chunk.start).startsWith(first!.title)).toBe(true);
      expect(sectionOf(chunk, first!.start + first!.title.length + 1)).toBe(first!.title);
      expect(sectionOf(chunk, chunk.start)).toBe(chunk.section);
    }
  });

  it('refuses chunk sizes the model cannot embed', async () => {
    await expect(chunkDocument(documents[0]!, tokens, { chunkTokens: 512 - PASSAGE_OVERHEAD_TOKENS + 1, overlapTokens: 0 })).rejects.toThrow(RangeError);
  });
});

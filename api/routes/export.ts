// POST /api/export/memo: answers from the chat as a Word memo with footnotes. Every citation is
// checked against the live index first, within the caller's collections: its quote must be the
// document's text at its offsets, and an extractive answer's sentences must be its quotes. One
// that no longer holds (the document changed, or was never so) refuses the whole export with a
// 409 naming it: a memo never carries a quote the documents do not contain.
import { type Context, Hono } from 'hono';
import type { Scope } from '../access/scope.js';
import { citationUrl, type DocumentWithText, type MemoRequest, memoRequestSchema } from '../contract.js';
import { AppError } from '../errors.js';
import { type MemoTurn, type VerifiedCitation, writeMemo } from '../export/memo.js';
import { findBylines } from '../ingest/find-sections.js';
import { messages } from '../messages.js';
import { recognitionAt, type Section, sectionAt } from '../records.js';
import type { DocumentCatalog } from '../store/store.js';
import { requireJson, validJson } from './valid-json.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ExportDeps {
  catalog: () => DocumentCatalog;
  scopeOf: (c: Context) => Scope;
  /** The origin links in the memo point to: PUBLIC_URL, else the server's own. */
  origin: (c: Context) => string;
  /** The styles of MEMO_TEMPLATE, when set. */
  styles: () => Promise<string | null>;
}

export function exportRoutes({ catalog, scopeOf, origin, styles }: ExportDeps) {
  return new Hono().post('/export/memo', requireJson, validJson(memoRequestSchema), async (c) => {
    const request = c.req.valid('json');
    const turns = await verifiedTurns(request, catalog(), scopeOf(c), origin(c));
    const memo = await writeMemo(turns, { date: new Date(), styles: await styles() });
    const name = `${messages.memo.fileName(request.turns[0]!.question.replace(/[?!.]+$/, ''))}.docx`;
    return c.body(new Uint8Array(memo), 200, { 'Content-Type': DOCX, 'Content-Disposition': attachment(name) });
  });
}

async function verifiedTurns(request: MemoRequest, catalog: DocumentCatalog, scope: Scope, origin: string): Promise<MemoTurn[]> {
  const documents = new Map<string, Promise<DocumentWithText | null>>();
  const documentOf = (id: string) => {
    if (!documents.has(id)) documents.set(id, catalog.getDocument(id, scope));
    return documents.get(id)!;
  };
  const bylines = new Map<string, Section[]>();
  const bylinesOf = (document: DocumentWithText) => {
    if (!bylines.has(document.id)) bylines.set(document.id, findBylines(document.text, document.sections));
    return bylines.get(document.id)!;
  };
  const stale: string[] = [];
  const turns: MemoTurn[] = [];
  for (const turn of request.turns) {
    const citations: VerifiedCitation[] = [];
    const staleBefore = stale.length;
    for (const cited of turn.citations) {
      const document = await documentOf(cited.documentId);
      if (!document || document.text.slice(cited.start, cited.end) !== cited.quote) {
        stale.push(cited.quote);
        continue;
      }
      citations.push({
        n: cited.n,
        quote: cited.quote,
        section: sectionAt(document.sections, cited.start),
        recognised: recognitionAt(document.recognised, cited.start, cited.end),
        // As the build found them (chunk-document.ts): the client's word is not taken for it.
        attribution: sectionAt(bylinesOf(document), cited.start),
        link: `${origin}${citationUrl(document.id, cited.start, cited.end)}`,
        document: {
          id: document.id,
          title: document.title,
          source: document.source,
          date: document.date,
          link: `${origin}/documents/${encodeURIComponent(document.id)}`,
        },
      });
    }
    const checked = stale.length === staleBefore;
    if (checked && turn.answered && turn.mode === 'extractive' && !quotesItsCitations(turn, citations))
      throw new AppError('export_stale', messages.exportNotLiteral);
    turns.push({ question: turn.question, answer: turn.answer, answered: turn.answered, mode: turn.mode, citations });
  }
  if (stale.length > 0) throw new AppError('export_stale', messages.exportStale(stale));
  return turns;
}

/**
 * An extractive answer is its citations' quotes, each followed by its markers ("Zin. [1] [2]"),
 * after the framing sentence of a partial answer: nothing else may stand in it.
 */
function quotesItsCitations(turn: MemoRequest['turns'][number], citations: readonly VerifiedCitation[]): boolean {
  const quoteOf = new Map(citations.map((citation) => [citation.n, citation.quote]));
  const body = turn.confidence === 'partial' && turn.answer.startsWith(messages.partialAnswer) ? turn.answer.slice(messages.partialAnswer.length) : turn.answer;
  const parts = body.split(/((?:\s*\[\d+\])+)/);
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const sentence = parts[i]!.trim();
    const numbers = [...parts[i + 1]!.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    if (!numbers.every((n) => quoteOf.get(n) === sentence)) return false;
  }
  return parts.at(-1)!.trim() === '';
}

/** A download under a Dutch file name: ASCII for old clients, UTF-8 for the rest (RFC 6266). */
function attachment(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

// Builds the index over the bundled corpus, as npm start does, and asks real questions
// through the HTTP app in the lexical fallback these machines run in.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { askResponseSchema, documentSchema, type AskResponse } from '../../api/contract.js';
import { evaluate, parseEvalQuestions, type EvalReport } from '../../scripts/lib/eval/evaluate.js';
import { CORPUS_DIR, DEV_QUESTIONS } from '../fixtures/paths.js';
import { buildTestIndex, postJson, testApp } from '../fixtures/test-index.js';

let app: Awaited<ReturnType<typeof testApp>>['app'];

beforeAll(async () => {
  ({ app } = await testApp(await buildTestIndex(CORPUS_DIR)));
});

async function ask(question: string): Promise<AskResponse> {
  const response = await app.request('/api/ask', postJson({ question }));
  expect(response.status).toBe(200);
  return askResponseSchema.parse(await response.json());
}

async function documentText(id: string): Promise<string> {
  return documentSchema.parse(await (await app.request(`/api/documents/${id}`)).json()).text;
}

describe('the bundled corpus', () => {
  it('lists the five documents with the metadata they state', async () => {
    const list = (await (await app.request('/api/documents')).json()) as { id: string; date: string | null; kind: string }[];
    expect(list).toHaveLength(5);
    expect(list.find((document) => document.id === 'gezondheid-in-de-buurt')).toMatchObject({ date: '2020-03-16', kind: 'web-page' });
  });

  it('answers a question about respite care from the mantelzorg section, verbatim', async () => {
    const body = await ask('Wat is respijtzorg?');
    expect(body.answered).toBe(true);
    expect(body.answer).toContain('kan een professionele kracht of vrijwilliger de zorg tijdelijk overnemen (respijtzorg)');
    const text = await documentText(body.citations[0]!.documentId);
    for (const citation of body.citations) expect(text.slice(citation.start, citation.end)).toBe(citation.quote);
  });

  it('finds compounds through their parts', async () => {
    const body = await ask('Welke databank gaat over mantelzorgondersteuning?');
    expect(body.passages[0]!.text.toLowerCase()).toContain('mantelzorgondersteuning');
  });

  it('reaches Dutch passages from an English question', async () => {
    const body = await ask('What does the report say about poverty being an individual problem?');
    expect(body.answered).toBe(true);
    expect(body.answer).toMatch(/Armoede is (vaak )?niet alleen/);
  });

  it.each(['Wat is de hoofdstad van Australië?', 'Hoeveel mantelzorgers zijn er in Utrecht?', 'Wat kost een paspoort?'])('declines "%s" and offers what is closest', async (question) => {
    const body = await ask(question);
    expect(body.answered).toBe(false);
    expect(body.citations).toEqual([]);
  });
});

describe('dev questions (a regression guard; a held-out set judges too)', () => {
  let report: EvalReport;

  beforeAll(async () => {
    const questions = parseEvalQuestions(await readFile(DEV_QUESTIONS, 'utf8'));
    report = await evaluate(questions, {
      ask: async (question, k) => askResponseSchema.parse(await (await app.request('/api/ask', postJson({ question, k }))).json()),
      document: async (id) => documentSchema.parse(await (await app.request(`/api/documents/${id}`)).json()),
    });
  });

  it('retrieves the gold passage near the top', () => {
    expect(report.hitAt1).toBeGreaterThanOrEqual(0.85);
    expect(report.hitAt5).toBeGreaterThanOrEqual(0.97);
    expect(report.mrrAt10).toBeGreaterThanOrEqual(0.88);
  });

  it('answers what it can, declines what it cannot', () => {
    expect(report.answerHasGold).toBeGreaterThanOrEqual(0.8);
    expect(report.answeredWhenAnswerable).toBeGreaterThanOrEqual(0.92);
    expect(report.answeredEnglish).toBe(1);
    expect(report.refusedWhenUnanswerable).toBeGreaterThanOrEqual(0.9);
  });

  it('quotes every citation verbatim', () => {
    expect(report.citationsVerbatim).toBe(1);
  });
});

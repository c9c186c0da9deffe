// Builds the index over the bundled corpus, as npm start does, and asks real questions
// through the HTTP app in the lexical fallback these machines run in.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AskResponse, askResponseSchema, documentSchema } from '../../api/contract.js';
import { type EvalReport, evaluate, parseEvalQuestions } from '../../scripts/lib/eval/evaluate.js';
import { CORPUS_DIR, DEV_QUESTIONS } from '../fixtures/paths.js';
import { buildTestIndex, postJson, testApp } from '../fixtures/test-index.js';

let app: Awaited<ReturnType<typeof testApp>>['app'];

beforeAll(async () => {
  ({ app } = await testApp(await buildTestIndex(CORPUS_DIR)));
});

async function ask(question: string, history: { question: string; answer: string }[] = []): Promise<AskResponse> {
  const response = await app.request('/api/ask', postJson({ question, history }));
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

  it('answers "Wat is respijtzorg?" with the defining sentence first, verbatim', async () => {
    const body = await ask('Wat is respijtzorg?');
    expect(body).toMatchObject({ answered: true, confidence: 'high' });
    expect(body.answer).toMatch(/^Als het nodig is, kan een professionele kracht of vrijwilliger de zorg tijdelijk overnemen \(respijtzorg\)\. \[1\]/);
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

  it('answers a paraphrase whose first passage holds the answer (d42)', async () => {
    const body = await ask('Waarom lukt het jongvolwassenen vaak niet om door te stromen uit begeleid wonen?');
    expect(body.answered).toBe(true);
    expect(body.answer).toContain('Jongvolwassenen hebben moeite met het vinden van zelfstandige huisvesting');
  });

  it('frames an answer that covers only part of the question as partial', async () => {
    const body = await ask('Welke rol kunnen scholen en kinderdagverblijven spelen bij ouders die moeite hebben met lezen en schrijven?');
    expect(body).toMatchObject({ answered: true, confidence: 'partial' });
    expect(body.answer).toMatch(/^De documenten beantwoorden deze vraag niet volledig/);
  });

  it('answers "Wat is X?" in full only with a sentence that defines X', async () => {
    // The documents use "mantelzorg" everywhere but never define it; "(respijtzorg)" defines another care.
    expect(await ask('Wat is mantelzorg?')).toMatchObject({ answered: true, confidence: 'partial' });
    expect(await ask('Wat is gemeenschapskracht?')).toMatchObject({ answered: true, confidence: 'high' });
  });

  it('keeps a new question in a conversation from being read as a follow-up', async () => {
    const history = [{ question: 'Wat is respijtzorg?', answer: (await ask('Wat is respijtzorg?')).answer }];
    const body = await ask('Welke risicogroepen voor eenzaamheid zijn er?', history);
    expect(body.interpretedAs).toBeUndefined();
    expect(body.answer).toMatch(/eenzaamheid/);
    expect(body.answer).not.toMatch(/respijtzorg/);
  });

  it('reads a real follow-up with the earlier question, and says so', async () => {
    const body = await ask('En wie regelt dat?', [{ question: 'Wat is respijtzorg?', answer: '…' }]);
    expect(body.interpretedAs).toEqual({ question: 'En wie regelt dat? Wat is respijtzorg?', followUpOf: 'Wat is respijtzorg?' });
    expect(body.answer).toMatch(/respijtzorg/);
  });

  it.each([
    'Wat is de hoofdstad van Australië?',
    'Hoeveel mantelzorgers zijn er in Utrecht?',
    'Wat kost een paspoort?',
    'Wie is de burgemeester van Rotterdam?',
    'Wie is de minister van Financiën?',
    'Hoe reset ik mijn wachtwoord?',
    'Hoeveel vakantiedagen heb ik dit jaar nog over?',
    // Only a word of phrasing ("werkt"), or only a compound's modifier ("draai…"), in the evidence.
    'Hoe werkt een kwantumcomputer?',
    'Wat is een draaitabel?',
  ])('declines "%s" and offers what is closest', async (question) => {
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

// Builds the index over the bundled corpus, as npm start does, and asks real questions
// through the HTTP app in the lexical fallback these machines run in.

import { beforeAll, describe, expect, it } from 'vitest';
import { readQuestion } from '../../api/answer/answerability.js';
import { type AskResponse, askResponseSchema, documentSchema } from '../../api/contract.js';
import type { Engine } from '../../api/engine.js';
import { everything } from '../fixtures/memory-engine.js';
import { CORPUS_DIR } from '../fixtures/paths.js';
import { buildTestIndex, postJson, testApp } from '../fixtures/test-index.js';

let app: Awaited<ReturnType<typeof testApp>>['app'];
let engine: Engine;

beforeAll(async () => {
  ({ app, engine } = await testApp(await buildTestIndex(CORPUS_DIR)));
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

  it('answers "Wat is respijtzorg?" with the defining sentence first, verbatim and with confidence', async () => {
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

  it('is never sure about a subject no document names, and frames an answer to it as unsure', async () => {
    // No document names "huisartsen" (nor "arts"). Under words alone the question reads like d41
    // ("Welke rol kunnen scholen en kinderdagverblijven spelen …?"), whose key word is nowhere
    // either while its answer is there ("kinderopvang"): it sits at the verdict's cut, and the
    // weights have put it on either side (a decline with the weights of 2026-12-02). Never "high".
    const body = await ask('Welke rol spelen huisartsen bij eenzaamheid?');
    expect(body.confidence).not.toBe('high');
    if (body.answered) expect(body.answer).toMatch(/^De documenten beantwoorden deze vraag mogelijk niet of niet volledig/);
    else expect((await readQuestion(engine, 'Welke rol spelen huisartsen bij eenzaamheid?', 5, everything(engine))).assessment.reason).toBe('topic_missing');
  });

  it('answers "Wat is X?" with confidence only with a sentence that defines X', async () => {
    // The documents use "mantelzorg" everywhere but never define it; "(respijtzorg)" defines another
    // care. Whether they answer at all sits at the verdict's cut (a partial answer or a decline); never "high".
    expect((await ask('Wat is mantelzorg?')).confidence).not.toBe('high');
    expect(await ask('Wat is gemeenschapskracht?')).toMatchObject({ answered: true, confidence: 'high' });
  });

  it('dates a book with its byline when asked when it is from (f48)', async () => {
    const body = await ask('Van wanneer is het boek Jam Cultures?');
    expect(body.answered).toBe(true);
    expect(body.answer).toContain('Jitske Kramer, September 2020');
  });

  it('says whom each passage shown is by where it starts, as the byline above it says', async () => {
    const body = await ask('Wat vindt Jitske Kramer van inclusie bij de overheid?');
    const byKramer = body.passages.filter((passage) => passage.attribution === 'Jitske Kramer, September 2020');
    expect(byKramer.length).toBeGreaterThan(0);
    // The passage that introduces the book starts under the byline before it, Probiblio's.
    const introducing = body.passages.find((passage) => passage.text.includes('Jitske Kramer, September 2020'));
    expect(introducing?.attribution).toBe('Probiblio, April 2023');
    expect(body.passages.filter((passage) => passage.documentId.startsWith('sociale-cohesie')).every((passage) => passage.attribution === null)).toBe(true);
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
    expect(body.passages[0]!.text).toMatch(/respijtzorg/);
  });

  it.each([
    // A name the documents never mention.
    ['Wat is de hoofdstad van Australië?', 'anchor_missing'],
    ['Hoeveel mantelzorgers zijn er in Utrecht?', 'anchor_missing'],
    // A subject the documents do not treat, whatever words of phrasing they share.
    ['Hoeveel vakantiedagen heb ik dit jaar nog over?', 'topic_missing'],
    ['Hoe werkt een kwantumcomputer?', 'topic_missing'],
    ['Wat is een draaitabel?', 'topic_missing'],
    // Evidence too thin for an answer: the model's verdict, no single missing word to name.
    ['Wat kost een paspoort?', 'not_covered'],
    ['Wie is de burgemeester van Rotterdam?', 'not_covered'],
    ['Wie is de minister van Financiën?', 'not_covered'],
    ['Hoe reset ik mijn wachtwoord?', 'not_covered'],
    ['Wie is Rouvoet?', 'not_covered'],
  ])('declines "%s" (%s) and offers what is closest', async (question, reason) => {
    const body = await ask(question);
    expect(body.answered).toBe(false);
    expect(body.citations).toEqual([]);
    expect((await readQuestion(engine, question, 5, everything(engine))).assessment.reason).toBe(reason);
  });
});

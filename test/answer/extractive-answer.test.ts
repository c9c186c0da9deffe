// The extractive answer through the real store, retriever, fitted rankers and verdict, on one small
// document: verbatim quotes with markers, units with their lists and examples, honest declines.
import { describe, expect, it } from 'vitest';
import { extractiveAnswer, memoryEngine } from '../fixtures/memory-engine.js';

const document =
  'Ondersteuning van mantelzorgers\n' +
  '• Maak afspraken omtrent respijtzorg. Als het nodig is, kan een vrijwilliger de zorg tijdelijk overnemen (respijtzorg).\n' +
  'Stimuleer het gebruik van erkende interventies, zoals:\n' +
  '• GoldenSports voor 65+\n' +
  '• Beweegtuin voor ouderen\n\n' +
  'Vaak bestaan er financiële barrières. De gemeente kan lidmaatschap van een sportvereniging betalen. Bijvoorbeeld met een Doe-Mee-Pas.\n\n' +
  'Het weer was mooi in de zomer.';

const engine = memoryEngine(document, ['Ondersteuning', 'Stimuleer het gebruik', 'Vaak bestaan', 'Het weer'], { section: 'Ondersteuning van mantelzorgers' });
const answer = async (question: string) => (await extractiveAnswer(engine, question)).response;

describe('extractive answers', () => {
  it('answers with verbatim sentences, each followed by its citation marker', async () => {
    const { answered, answer: text, citations } = await answer('Wat is respijtzorg?');
    expect(answered).toBe(true);
    expect(citations.length).toBeGreaterThan(0);
    citations.forEach((citation, i) => {
      expect(citation.n).toBe(i + 1);
      expect(document.slice(citation.start, citation.end)).toBe(citation.quote);
      expect(text).toContain(`${citation.quote} [${citation.n}]`);
      expect(citation.url).toBe(`/documents/doc#${citation.start}-${citation.end}`);
    });
    expect(text.replace(/ \[\d+\]/g, '')).toBe(citations.map((citation) => citation.quote).join(' '));
  });

  it('brings the list items after a sentence that introduces them', async () => {
    const { answer: text } = await answer('Welke erkende interventies zijn er?');
    expect(text).toContain('GoldenSports voor 65+');
    expect(text).toContain('Beweegtuin voor ouderen');
    expect(text).not.toContain('weer');
  });

  it('brings the example that elaborates on the chosen sentence', async () => {
    expect((await answer('Kan de gemeente het lidmaatschap van een sportvereniging betalen?')).answer).toContain('Bijvoorbeeld met een Doe-Mee-Pas.');
  });

  it('gives an example the sentence it is an example of, and calls a use of a term no definition of it', async () => {
    const { assessment, response } = await extractiveAnswer(engine, 'Wat is een Doe-Mee-Pas?');
    // The example keeps the sentence it is an example of, whatever the verdict.
    expect(assessment.answer[0]!.unit.text).toMatch(/De gemeente kan lidmaatschap van een sportvereniging betalen\. Bijvoorbeeld met een Doe-Mee-Pas\./);
    // The document uses the term without defining it: the verdict sits at its cut (a partial answer or a decline), never "high".
    expect(assessment.signals.formMissing).toBe(1);
    expect(response.confidence).not.toBe('high');
  });

  it('refuses when no passage covers the question, rather than stitching fragments', async () => {
    const { answered, citations } = await answer('Wat is de hoofdstad van Australië?');
    expect(answered).toBe(false);
    expect(citations).toEqual([]);
  });

  it('refuses when only a minor word of the question matches', async () => {
    expect((await answer('Hoe lang duurt de behandeling van een bouwvergunning in Amsterdam?')).answered).toBe(false);
  });
});

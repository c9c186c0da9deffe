import { beforeAll, describe, expect, it } from 'vitest';
import { answerUnits, overlap, unionOf } from '../../api/answer/answer-units.js';
import { answerShown, composeAnswer } from '../../api/answer/compose.js';
import { quoteUnits } from '../../api/answer/responses.js';
import type { Engine } from '../../api/engine.js';
import { loadEngine } from '../../api/load-engine.js';
import { rankCandidates } from '../../api/retrieve/retriever.js';
import { everything, extractiveAnswer, memoryEngine } from '../fixtures/memory-engine.js';
import { OFFLINE_MODEL } from '../fixtures/paths.js';
import { buildTestIndex, writeCorpus } from '../fixtures/test-index.js';

const document =
  'Sociale omgeving\n' +
  'In een gezonde sociale omgeving wonen mensen veilig en krijgen mensen steun. Dit geeft hen de mogelijkheid om zich te ontplooien. ' +
  'De omgeving is onder te verdelen in netwerken en buurten.\n' +
  'Stimuleer het gebruik van erkende interventies, zoals:\n' +
  '• GoldenSports voor 65+\n' +
  '• Beweegtuin voor ouderen\n\n' +
  'Tips voor het bevorderen van inclusiviteit:\n\n' +
  'Waarom is dit belangrijk?\n\n' +
  'Jam Cultures\nJitske Kramer, September 2020\n\n' +
  'Het weer was mooi in de zomer.';

const engine = memoryEngine(document, ['Sociale omgeving', 'Stimuleer', 'Tips', 'Jam Cultures', 'Het weer']);

async function unitsOf(question: string, on: Engine = engine) {
  const { question: analysed, passages } = await on.retriever.candidates(question, everything(on));
  return answerUnits(rankCandidates(passages, on.model.passage)).map((unit) => ({
    kind: unit.kind,
    text: unit.text,
    sources: unit.sources.length,
    analysed,
  }));
}

describe('answer units', () => {
  it('keep a sentence with the one that leans on it ("Dit …"), which never stands alone', async () => {
    const units = await unitsOf('Waarom is een gezonde sociale omgeving goed voor mensen?');
    expect(units).toContainEqual(
      expect.objectContaining({
        kind: 'sentences',
        text: 'In een gezonde sociale omgeving wonen mensen veilig en krijgen mensen steun. Dit geeft hen de mogelijkheid om zich te ontplooien.',
      }),
    );
    expect(units.some((unit) => unit.text.startsWith('Dit geeft'))).toBe(false);
  });

  it('offer a unit with the next one of its paragraph too', async () => {
    const units = await unitsOf('Waarom is een gezonde sociale omgeving goed voor mensen?');
    expect(units).toContainEqual(expect.objectContaining({ kind: 'pair', text: expect.stringMatching(/ontplooien\. De omgeving is onder te verdelen/) }));
  });

  it('bring a list with its introduction, and drop an introduction without items', async () => {
    const units = await unitsOf('Welke erkende interventies zijn er, en wat is inclusiviteit?');
    expect(units).toContainEqual(
      expect.objectContaining({ kind: 'list', text: 'Stimuleer het gebruik van erkende interventies, zoals: GoldenSports voor 65+ Beweegtuin voor ouderen' }),
    );
    expect(units.some((unit) => unit.text.startsWith('Tips voor het bevorderen'))).toBe(false);
  });

  it('never stand on a question, a heading or a fragment', async () => {
    const texts = (await unitsOf('Waarom is dit belangrijk voor de sociale omgeving?')).map((unit) => unit.text);
    expect(texts.some((text) => text.startsWith('Waarom is dit belangrijk'))).toBe(false);
    expect(texts.some((text) => text.startsWith('Sociale omgeving'))).toBe(false);
  });

  it('never stand on punctuation without a word ("(...)." where a quote was cut)', async () => {
    const cut = memoryEngine(
      'Sociale basis\nDe sociale basis is het geheel van informele netwerken.\n(...).\nEr is geen universele definitie van de sociale basis.',
      ['Sociale basis'],
    );
    const texts = (await unitsOf('Hoe omschrijft men de sociale basis?', cut)).map((unit) => unit.text);
    expect(texts).toContain('De sociale basis is het geheel van informele netwerken.');
    expect(texts.some((text) => text.startsWith('(...)'))).toBe(false);
  });

  it('read an ellipsis as an introduction, as a colon is: the steps come with it, and it never stands alone', async () => {
    const help = memoryEngine(
      'Draaitabel\n\nOm toegang te krijgen tot deze draaitabel functie..\nKies Gegevens - Draaitabel - Invoegen.\n\nWist u dat...\nEen draaitabel vat gegevens samen?',
      ['Draaitabel'],
    );
    const texts = (await unitsOf('Hoe krijg ik toegang tot de draaitabel functie?', help)).map((unit) => unit.text);
    expect(texts).toContain('Om toegang te krijgen tot deze draaitabel functie.. Kies Gegevens - Draaitabel - Invoegen.');
    expect(texts).not.toContain('Om toegang te krijgen tot deze draaitabel functie..');
    expect(texts.some((text) => text.includes('Wist u dat'))).toBe(false);
  });

  it('are quoted a sentence at a time, lines without a full stop together with what follows them, as written', async () => {
    const text =
      'Kennisdossier\n\nLaatste update:\n24 februari 2024\n\nStimuleer erkende interventies, zoals:\n• GoldenSports voor 65+\n• Beweegtuin voor ouderen\n\nDe update is gedaan. Dit was nodig.';
    const dossier = memoryEngine(text, ['Kennisdossier']);
    const { passages } = await dossier.retriever.candidates('Wanneer was de laatste update van de erkende interventies?', everything(dossier));
    const units = answerUnits(rankCandidates(passages, dossier.model.passage));
    const quoted = (start: string) => quoteUnits([{ unit: units.find((unit) => unit.text.startsWith(start))!, features: [], logOdds: 0, probability: 1 }]);
    expect(quoted('Laatste update')).toMatchObject({
      text: 'Laatste update:\n24 februari 2024 [1]',
      citations: [{ quote: 'Laatste update:\n24 februari 2024' }],
    });
    const list = quoted('Stimuleer');
    expect(list.text).toBe('Stimuleer erkende interventies, zoals:\n• GoldenSports voor 65+\n• Beweegtuin voor ouderen [1]');
    expect(list.citations.map((citation) => citation.quote)).toEqual([
      'Stimuleer erkende interventies, zoals:\n• GoldenSports voor 65+\n• Beweegtuin voor ouderen',
    ]);
    expect(quoted('De update is gedaan').text).toBe('De update is gedaan. [1] Dit was nodig. [2]');
    for (const { citations } of [quoted('Laatste update'), list]) for (const { start, end, quote } of citations) expect(text.slice(start, end)).toBe(quote);
  });

  it('never stand on a label that the sentence after it opens with again, on its line', async () => {
    const elements = memoryEngine(
      'Werkzame elementen\n\nRealistische verwachtingen. Realistische verwachtingen over de snelheid van contact voorkomen teleurstellingen.\n' +
        'Zinvol bezig zijn.\nZinvol bezig zijn geeft mensen een doel.',
      ['Werkzame elementen'],
    );
    const texts = (await unitsOf('Wat doen realistische verwachtingen en zinvol bezig zijn?', elements)).map((unit) => unit.text);
    expect(texts).toContain('Realistische verwachtingen over de snelheid van contact voorkomen teleurstellingen.');
    expect(texts).not.toContain('Realistische verwachtingen.');
    expect(texts.some((text) => text.startsWith('Realistische verwachtingen. '))).toBe(false);
    // On a line of its own a short sentence is left as it is: the label rule asks for the same line.
    expect(texts.some((text) => text.startsWith('Zinvol bezig zijn.'))).toBe(true);
  });

  it('never hold a section number, full stop or not ("2.2.")', async () => {
    const manual = memoryEngine('Lagen\n\n2.2. Transparantie in een laag toont het dambordpatroon. Dit is de manier van GIMP om transparantie te tonen.', [
      'Lagen',
    ]);
    const { passages } = await manual.retriever.candidates('Hoe toont GIMP transparantie in een laag?', everything(manual));
    const units = answerUnits(rankCandidates(passages, manual.model.passage));
    expect(units.length).toBeGreaterThan(0);
    expect(units.some((unit) => unit.text.includes('2.2.'))).toBe(false);
  });

  it('date a title with its byline, and answer with it only a question that asks when', async () => {
    const when = await extractiveAnswer(engine, 'Van wanneer is het boek Jam Cultures?');
    expect(when.assessment.ranked.map((scored) => scored.unit.text)).toContain('Jam Cultures Jitske Kramer, September 2020');
    const who = await extractiveAnswer(engine, 'Wie is Jitske Kramer?');
    expect(who.assessment.ranked.some((scored) => scored.unit.kind === 'byline')).toBe(false);
  });
});

const sentence = 'Mantelzorgers hebben recht op respijtzorg als de zorg hun te zwaar wordt.';

/** An index of two versions of one dossier, the shared sentence followed by what each version adds to it. */
async function twoVersionsWith(after2020: string, after2024: string): Promise<Engine> {
  const corpus = await writeCorpus({
    'dossier-2020.txt': `Mantelzorg\n\n${sentence}${after2020}\n\nIets anders over de buurt.`,
    'dossier-2024.txt': `Mantelzorg\n\n${sentence}${after2024}\n\nNog iets anders over sport.`,
  });
  return (await loadEngine(await buildTestIndex(corpus), OFFLINE_MODEL)).engine;
}

describe('the same sentence in two documents', () => {
  let twoVersions: Engine;

  beforeAll(async () => {
    twoVersions = await twoVersionsWith(' De gemeente regelt dat met zorgaanbieders.', ' De gemeente regelt dat met zorgaanbieders.');
  });

  it('is one unit with both sources, quoted once with a marker for each ("Zin. [1] [2]")', async () => {
    const { assessment } = await extractiveAnswer(twoVersions, 'Wanneer hebben mantelzorgers recht op respijtzorg?');
    const scored = assessment.ranked.find((candidate) => candidate.unit.text.startsWith(sentence))!;
    expect(scored.unit.sources.map((source) => source.passage.passage.documentId).sort()).toEqual(['dossier-2020', 'dossier-2024']);
    const { text, citations } = quoteUnits([scored]);
    expect(text.split(sentence)).toHaveLength(2);
    expect(text.startsWith(`${sentence} [1] [2]`)).toBe(true);
    expect(
      citations
        .filter((citation) => citation.quote === sentence)
        .map((citation) => citation.documentId)
        .sort(),
    ).toEqual(['dossier-2020', 'dossier-2024']);
  });
});

describe('the same sentence cut into other units in another document', () => {
  let twoCuts: Engine;

  beforeAll(async () => {
    twoCuts = await twoVersionsWith(' Dit geldt ook voor jonge mantelzorgers.', '');
  });

  it('overlaps, so an answer never says it twice, however many units it joins', async () => {
    const { assessment } = await extractiveAnswer(twoCuts, 'Wanneer hebben mantelzorgers recht op respijtzorg?');
    const holding = assessment.ranked.filter((scored) => scored.unit.text.includes(sentence));
    expect(new Set(holding.map((scored) => scored.unit.text)).size).toBe(2); // cut differently: two units
    expect(overlap(holding[0]!.unit, holding[1]!.unit)).toBe(true);
    const joined = composeAnswer(assessment.ranked, 0);
    expect(joined.filter((scored) => scored.unit.text.includes(sentence))).toHaveLength(1);
  });
});

describe('two good units around one place in a passage', () => {
  const paragraph =
    'Respijtzorg\n' +
    'Respijtzorg neemt de zorg tijdelijk over. Dit ontlast de mantelzorger. ' +
    'Mantelzorgers vragen het vaak te laat aan. Een consulent kan hen daarbij helpen.';
  const respite = memoryEngine(paragraph, ['Respijtzorg']);

  async function rankedFor(question: string) {
    const { assessment } = await extractiveAnswer(respite, question);
    const unit = (text: string) => assessment.ranked.find((scored) => scored.unit.text === text)!;
    return { assessment, unit };
  }

  it('are one unit from the first sentence of the better one to the last of either, in the order of the text', async () => {
    const { unit } = await rankedFor('Wat doet respijtzorg voor mantelzorgers?');
    const first = unit('Respijtzorg neemt de zorg tijdelijk over. Dit ontlast de mantelzorger. Mantelzorgers vragen het vaak te laat aan.');
    const second = unit('Mantelzorgers vragen het vaak te laat aan. Een consulent kan hen daarbij helpen.');
    expect(overlap(first.unit, second.unit)).toBe(true);
    const union = unionOf(first.unit, second.unit)!;
    expect(union.text).toBe(paragraph.slice('Respijtzorg\n'.length));
    expect(union.sources.map((source) => source.sentences.length)).toEqual([4]);
    // An answer opens with its best sentence: what stands before the better unit is not put first.
    expect(unionOf(second.unit, first.unit)).toBeNull();
  });

  it('are not joined when they only border on each other, or when one holds the other', async () => {
    const { unit } = await rankedFor('Wat doet respijtzorg voor mantelzorgers?');
    const opening = unit('Respijtzorg neemt de zorg tijdelijk over. Dit ontlast de mantelzorger.');
    const next = unit('Mantelzorgers vragen het vaak te laat aan.');
    const pair = unit('Respijtzorg neemt de zorg tijdelijk over. Dit ontlast de mantelzorger. Mantelzorgers vragen het vaak te laat aan.');
    expect(unionOf(opening.unit, next.unit)).toBeNull();
    expect(unionOf(pair.unit, opening.unit)).toBeNull(); // adds nothing
    expect(unionOf(opening.unit, pair.unit)!.text).toBe(pair.unit.text);
  });

  it('widen the answer as shown, while the verdict is given on the best unit alone', async () => {
    const { unit } = await rankedFor('Wat doet respijtzorg voor mantelzorgers?');
    const best = { ...unit('Respijtzorg neemt de zorg tijdelijk over. Dit ontlast de mantelzorger.'), probability: 0.9 };
    const pair = {
      ...unit('Respijtzorg neemt de zorg tijdelijk over. Dit ontlast de mantelzorger. Mantelzorgers vragen het vaak te laat aan.'),
      probability: 0.8,
    };
    const apart = { ...unit('Mantelzorgers vragen het vaak te laat aan. Een consulent kan hen daarbij helpen.'), probability: 0.1 };
    expect(composeAnswer([best, pair, apart]).map((scored) => scored.unit.text)).toEqual([best.unit.text]);
    expect(answerShown([best, pair, apart], 'answer').map((scored) => scored.unit.text)).toEqual([pair.unit.text]);
    // Unsure, the answer also shows the next unit; this one overlaps the widened best, so it widens it further.
    expect(answerShown([best, pair, apart], 'partial').map((scored) => scored.unit.text)).toEqual([paragraph.slice('Respijtzorg\n'.length)]);
  });
});

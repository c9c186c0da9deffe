import { describe, expect, it } from 'vitest';
import { everything, memoryEngine } from '../fixtures/memory-engine.js';

const engine = memoryEngine(
  'Wijkteams werken samen met de huisarts. Het Sociaal en Cultureel Planbureau (SCP) onderzoekt eenzaamheid. Teams in Breda overleggen wekelijks.',
  ['Wijkteams', 'Het Sociaal', 'Teams in'],
);

/** Per candidate passage (by its first word), the question's anchors it lacks. */
async function missingIn(corpus: typeof engine, question: string): Promise<Record<string, string[]>> {
  const { passages } = await corpus.retriever.candidates(question, everything(corpus));
  return Object.fromEntries(passages.map((candidate) => [candidate.passage.text.split(' ')[0]!, candidate.evidence.anchorsMissing]));
}
const missing = (question: string) => missingIn(engine, question);

describe('anchors in the evidence', () => {
  it('must stand as words of their own: "Teams" is not in "wijkteams"', async () => {
    const found = await missing('Hoe deel ik een bestand via Teams?');
    expect(found.Wijkteams).toEqual(['Teams']);
    expect(found.Teams).toEqual([]);
  });

  it('may be an acronym the passage spells out', async () => {
    expect((await missing('Wat onderzoekt het SCP naar eenzaamheid?')).Het).toEqual([]);
  });
});

describe('a person named in full by the question', () => {
  // Introduced once by full name, a person is named by surname after that.
  const people = memoryEngine(
    'Sharon Stellaard onderzocht boemerangbeleid. Daarnaast raadt Stellaard aan eerst de effecten van eerder beleid te onderzoeken. Bert Jansen schreef over scholen.',
    ['Sharon', 'Daarnaast', 'Bert'],
  );
  const missingFrom = (question: string) => missingIn(people, question);

  it('is found by surname alone, even with the surname mistyped ("Stelaard")', async () => {
    expect((await missingFrom('Welk onderzoek raadt Sharon Stelaard aan?')).Daarnaast).toEqual([]);
  });

  it('is not found by first name alone, nor by another surname', async () => {
    expect((await missingFrom('Wat schreef Bert Wienen over scholen?')).Bert).toEqual(['Wienen']);
    expect((await missingFrom('Wat onderzocht Bert Wienen?')).Sharon).toEqual(['Bert', 'Wienen']);
  });

  it('gives a sentence with the surname no credit for the first name: the anchor is held, the words are not', async () => {
    const { question, passages } = await people.retriever.candidates('Wat raadt Sharon Stellaard aan?', everything(people));
    const sharon = question.concepts.findIndex((concept) => concept.label === 'sharon');
    const bySurname = passages.find((candidate) => candidate.passage.text.startsWith('Daarnaast'))!;
    expect(bySurname.evidence.anchorsMissing).toEqual([]);
    expect(bySurname.evidence.held.has(sharon)).toBe(false);
  });
});

describe('a source named by the question', () => {
  // A report that sums up others' work names each source in a byline under its title.
  const report = memoryEngine(
    [
      'Jam Cultures',
      'Jitske Kramer, September 2020',
      '',
      'Inclusie is een omgeving waarin iedereen zich welkom voelt.',
      '',
      '2. Bevorder gelijkwaardigheid',
      'Zorg voor gelijke kansen voor alle inwoners.',
      '',
      'Sociaal fitte wijken',
      'Movisie, Maart 2024',
      '',
      'Gelijke kansen vragen een ondersteunende overheid.',
    ].join('\n'),
    ['Jam', 'Inclusie', '2.', 'Sociaal', 'Gelijke'],
  );

  it('is held by every passage under its byline, up to the next one', async () => {
    const found = await missingIn(report, 'Wat zegt Jitske Kramer over gelijke kansen?');
    expect(found['2.']).toEqual([]);
    expect(found.Gelijke).toEqual(['Jitske', 'Kramer']);
    expect((await missingIn(report, 'Wat zegt Movisie over gelijke kansen?')).Gelijke).toEqual([]);
  });
});

describe('what the document holds of the question', () => {
  const dossier = memoryEngine('Mantelzorgers kunnen dagbesteding krijgen. Een vrijwilliger neemt de zorg over. Energie en armoede hangen samen.', [
    'Mantelzorgers',
    'Een vrijwilliger',
    'Energie',
  ]);

  it('counts a word that another passage of the document holds, but not a compound held only as its parts', async () => {
    const { question, passages } = await dossier.retriever.candidates('Neemt een vrijwilliger dagbesteding of energiearmoede over?', everything(dossier));
    const labels = question.concepts.map((concept) => concept.label);
    const volunteer = passages.find((candidate) => candidate.passage.text.startsWith('Een vrijwilliger'))!;
    const held = (set: ReadonlySet<number>) => [...set].map((c) => labels[c]);
    expect(held(volunteer.evidence.held)).not.toContain('dagbesteding');
    expect(held(volunteer.evidence.documentHeld)).toEqual(expect.arrayContaining(['vrijwilliger', 'dagbesteding']));
    expect(held(volunteer.evidence.documentHeld)).not.toContain('energiearmoede');
  });
});

describe('what a sentence holds of the question', () => {
  const underHeading = memoryEngine('Vrijwilligers zetten zich in voor ouderen. Zij komen wekelijks op bezoek.', ['Vrijwilligers'], {
    title: 'Respijtzorg in de wijk',
  });

  async function matchesPerSentence(question: string): Promise<{ labels: string[]; sentences: number[][] }> {
    const { question: analysed, passages } = await underHeading.retriever.candidates(question, everything(underHeading));
    return {
      labels: analysed.concepts.map((concept) => concept.label),
      sentences: passages[0]!.evidence.sentences.map((sentence) => Array.from(sentence.matches)),
    };
  }

  it('counts a word of its own fully, one only in the title at half credit, in every sentence under it', async () => {
    const { labels, sentences } = await matchesPerSentence('Hoe helpen vrijwilligers bij respijtzorg?');
    const at = (label: string) => labels.indexOf(label);
    expect(sentences[0]![at('vrijwilligers')]).toBe(1);
    expect(sentences[0]![at('respijtzorg')]).toBe(0.5);
    // The second sentence holds no word of the question, and still falls under the title.
    expect(sentences[1]![at('vrijwilligers')]).toBe(0);
    expect(sentences[1]![at('respijtzorg')]).toBe(0.5);
  });
});

import { describe, expect, it } from 'vitest';
import { createVocabulary } from '../../api/index/vocabulary.js';
import { loadDutchAnalyzer } from '../../api/language/load-analyzer.js';
import { cognates, expandConcepts } from '../../api/retrieve/expand-concepts.js';

const analyzer = loadDutchAnalyzer();
const documents = [
  'Een professionele kracht kan de zorg tijdelijk overnemen.',
  'Eenzaamheid moet worden aangepakt op drie niveaus; die aanpak werkt.',
  'Mensen met een depressie zoeken minder contact.',
  'Zet vrijwilligers in bij de buurtactiviteiten.',
  'Het Verweij Jonker Instituut onderzocht de sociale basis.',
  'Een vergunning moet u aanvragen bij het loket.',
  'Sharon Stellaard onderzocht boemerangbeleid.',
  'Een stel vragen over de aard van het beleid.',
];
const frequencies = new Map<string, number>();
for (const text of documents) for (const term of new Set(analyzer.indexTerms(text))) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
const vocabulary = createVocabulary(frequencies, documents.length);

/** The index terms each concept of the question can be matched by. */
function reach(question: string): Record<string, string[]> {
  return Object.fromEntries(
    expandConcepts(analyzer.concepts(question), vocabulary, analyzer.stem).map((concept) => [
      concept.label,
      concept.alternatives.flatMap((alternative) => alternative.terms).filter((term) => vocabulary.has(term)),
    ]),
  );
}

describe('concept expansion against the index', () => {
  it('reaches the infinitive of a present-tense verb ("overneemt" → overnemen)', () => {
    expect(reach('Wie neemt de zorg over als iemand het overneemt?').overneemt).toContain(analyzer.stem('overnemen'));
  });

  it('joins a separable verb with the particle it left at the end ("pakken … aan")', () => {
    const found = reach('Hoe pakken we eenzaamheid aan?').pakken!;
    expect(found).toEqual(expect.arrayContaining([analyzer.stem('aangepakt')]));
  });

  it('joins the particle that a phrase follows ("vraag … aan voor een straatfeest"), not a preposition before its noun', () => {
    expect(reach('Hoe vraag ik een vergunning aan voor een straatfeest?').vraag).toContain(analyzer.stem('aanvragen'));
    expect(analyzer.concepts('Hoe zet ik tekst op een foto?').map((concept) => concept.separated)).toEqual([undefined, undefined, undefined]);
    // "om door te stromen": the infinitive keeps its own particle; "om" is no particle of "lukt".
    expect(analyzer.concepts('Waarom lukt het niet om door te stromen?').some((concept) => concept.separated)).toBe(false);
  });

  it('reaches a name in its other spelling of "ij" ("Verwey" → Verweij)', () => {
    expect(reach('Wat onderzocht Verwey-Jonker?').verwey).toEqual([analyzer.stem('verweij')]);
  });

  it('forgives one slip of the keyboard in a word the index does not know', () => {
    expect(reach('Helpt het tegen depresie?').depresie).toEqual([analyzer.stem('depressie')]);
  });

  it('forgives a slip in a name whose parts the index holds: "Stelaard" is no "stel" + "aard"', () => {
    expect(reach('Wat raadt Stelaard aan?').stelaard).toContain(analyzer.stem('stellaard'));
    expect(reach('Wat is een stelaard?').stelaard).not.toContain(analyzer.stem('stellaard'));
  });

  it('corrects no short word and no word the index knows', () => {
    expect(reach('Wat zet je in?').zet).toEqual([analyzer.stem('zet')]);
    expect(reach('Wat is een buis?').buis).toEqual([]);
  });
});

describe('cognates of an English word', () => {
  const terms = ['professionele', 'professor', 'depressie', 'instituut', 'instituten', 'institutie', 'institutioneel', 'sociale'];
  const dutch = createVocabulary(new Map(terms.map((term) => [term, 1])), 1);

  it('are the index terms whose trigrams it shares most (Dice), best first, at most three', () => {
    // 9 of 12 and 13 trigrams shared (0.72), against 6 of 12 and 9 (0.57).
    expect(cognates('professional', dutch)).toEqual(['professionele', 'professor']);
    expect(cognates('depression', dutch)).toEqual(['depressie']);
    // instituten 0.84, institutie 0.74, instituut 0.67; institutioneel (0.61) is the fourth.
    expect(cognates('institute', dutch)).toEqual(['instituten', 'institutie', 'instituut']);
    expect(cognates('poverty', dutch)).toEqual([]);
  });
});

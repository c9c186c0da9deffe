import { describe, expect, it } from 'vitest';
import { createDecompounder } from '../../api/language/decompounder.js';
import { foldWord } from '../../api/language/fold.js';
import { loadDutchAnalyzer } from '../../api/language/load-analyzer.js';
import { wordSpans } from '../../api/language/words.js';

const analyzer = loadDutchAnalyzer();

describe('Dutch analysis', () => {
  it('lets a first name be held by the surname after it ("Bert Wienen"), as a text names a person after introducing them', () => {
    const surnames = (question: string) =>
      Object.fromEntries(
        analyzer
          .concepts(question)
          .map((concept) => [
            concept.label,
            concept.alternatives.filter((alternative) => alternative.kind === 'surname').flatMap((alternative) => alternative.terms),
          ]),
      );
    expect(surnames('Wat vindt Bert Wienen van scholen?')).toMatchObject({ bert: [analyzer.stem('wienen')], wienen: [] });
    // A common word before a name is no first name, and a name alone has no surname.
    expect(surnames('Hoe helpt Coalitie Erbij gemeenten?').coalitie).toEqual([]);
    expect(surnames('Wat vindt Wienen van Bert?').wienen).toEqual([]);
  });

  it('folds diacritics and the ij ligature', () => {
    expect(foldWord('Coöperatie')).toBe('cooperatie');
    expect(foldWord('ideeën')).toBe('ideeen');
    expect(foldWord('ĳs')).toBe('ijs');
    expect(foldWord('ﬁets')).toBe('fiets'); // a compatibility ligature, as PDFs write it
    expect(foldWord('Wijkteam-GGD')).toBe('wijkteam-ggd'); // plain ASCII: only lower case
  });

  it('finds words with offsets, splitting hyphens and keeping apostrophe tails', () => {
    expect(wordSpans("Wmo-voorzieningen voor opa's")).toEqual([
      { word: 'Wmo', start: 0, end: 3 },
      { word: 'voorzieningen', start: 4, end: 17 },
      { word: 'voor', start: 18, end: 22 },
      { word: "opa's", start: 23, end: 28 },
    ]);
  });

  it('reads capitals joined by dots as one name, and a missing space after a full stop as two words', () => {
    const found = (text: string) => wordSpans(text).map((span) => span.word);
    expect(found('Opzoekfuncties: HORIZ.ZOEKEN en VERT.ZOEKEN(A1;B1).')).toEqual(['Opzoekfuncties', 'HORIZ.ZOEKEN', 'en', 'VERT.ZOEKEN', 'A1', 'B1']);
    expect(found('Z.TOETS en VOORSPELLEN.ETS.ADD')).toEqual(['Z.TOETS', 'en', 'VOORSPELLEN.ETS.ADD']);
    expect(found('de WMO.Het is 3.5 keer')).toEqual(['de', 'WMO', 'Het', 'is', '3', '5', 'keer']);
  });

  it('indexes a dotted name whole and by its segments, and asks for it whole as an anchor', () => {
    expect(analyzer.indexTerms('AANTAL.ALS')).toEqual([analyzer.stem('aantal.als'), analyzer.stem('aantal'), 'als']);
    const concepts = analyzer.concepts('Wat doet de functie VERT.ZOEKEN?');
    expect(concepts.map((concept) => concept.label)).toEqual(['functie', 'vert.zoeken']);
    const [, name] = concepts;
    expect(name!.anchor).toBe(true);
    expect(name!.alternatives).toEqual([
      { terms: [analyzer.stem('vert.zoeken')], weight: 1, kind: 'word' },
      { terms: ['vert', analyzer.stem('zoeken')], weight: 0.8, kind: 'parts' },
    ]);
  });

  it('stems with Snowball Dutch, so inflections meet', () => {
    expect(analyzer.stem('gemeenten')).toBe(analyzer.stem('gemeente'));
    expect(analyzer.stem('activiteiten')).toBe(analyzer.stem('activiteit'));
    expect(analyzer.stem('eenzaamheid')).toBe(analyzer.stem('eenzaam'));
  });

  it('drops stopwords and question words', () => {
    expect(analyzer.indexTerms('Wat is de rol van de gemeente?')).toEqual([analyzer.stem('rol'), analyzer.stem('gemeente')]);
    expect(analyzer.concepts('Welke cursussen zijn er?').map((concept) => concept.label)).toEqual(['cursussen']);
  });

  it('reads "hoe lang", "hoe vaak" as the asked measure, like "hoeveel", not as topic words', () => {
    const labels = (question: string) => analyzer.concepts(question).map((concept) => concept.label);
    expect(labels('Hoe lang is de wachttijd voor jeugdhulp?')).toEqual(['wachttijd', 'jeugdhulp']);
    expect(labels('Hoe vaak komt de wijkcoach langs?')).not.toContain('vaak');
    expect(labels('Blijft de zorg lang genoeg?')).toContain('lang');
  });

  it('keeps names and acronyms in capitals, even when the word is a stopword', () => {
    expect(analyzer.indexTerms('Stichting ZIJ helpt')).toEqual([analyzer.stem('stichting'), 'zij', analyzer.stem('helpt')]);
    expect(analyzer.indexTerms('zij helpen')).toEqual([analyzer.stem('helpen')]);
  });

  it('indexes compounds by their parts as well', () => {
    const terms = analyzer.indexTerms('mantelzorgondersteuning');
    expect(terms).toEqual([analyzer.stem('mantelzorgondersteuning'), analyzer.stem('mantelzorg'), analyzer.stem('ondersteuning')]);
  });

  it('gives a compound question word its parts as an alternative', () => {
    const [concept] = analyzer.concepts('eenzaamheidsinterventies');
    expect(concept!.alternatives).toContainEqual({ terms: [analyzer.stem('eenzaamheid'), analyzer.stem('interventies')], weight: 0.8, kind: 'parts' });
  });
});

describe('decompounder', () => {
  const words = new Set([
    'mantel',
    'zorg',
    'mantelzorg',
    'respijtzorg',
    'ondersteuning',
    'buurt',
    'activiteit',
    'weerbaar',
    'training',
    'kwetsbaar',
    'kwets',
    'bare',
  ]);
  const decompounder = createDecompounder((word) => words.has(word));

  it('splits into the fewest known parts, through linking s and inflections', () => {
    expect(decompounder.split('mantelzorgondersteuning')).toEqual(['mantelzorg', 'ondersteuning']);
    expect(decompounder.split('buurtactiviteiten')).toEqual(['buurt', 'activiteiten']);
    expect(decompounder.split('weerbaarheidstrainingen')).toEqual(['weerbaarheid', 'trainingen']);
  });

  it('splits a listed compound into two words of its own, but never off a suffix', () => {
    expect(decompounder.split('mantelzorg')).toEqual(['mantel', 'zorg']);
    expect(decompounder.split('kwetsbare')).toEqual([]); // kwetsbaar + e, not kwets + bare
    expect(decompounder.split('respijtzorg')).toEqual([]); // "respijt" is not a word here
  });

  it('prefers the longer first part when splits are otherwise equal', () => {
    const listed = new Set(['buurt', 'buur', 'huis', 'thuis', 'buurthuis']);
    expect(createDecompounder((word) => listed.has(word)).split('buurthuis')).toEqual(['buurt', 'huis']);
  });

  it('analyses the plural apostrophe ending as inflection', () => {
    expect(analyzer.indexTerms("programma's")).toEqual(analyzer.indexTerms('programma'));
  });
});

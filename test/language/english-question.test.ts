import { describe, expect, it } from 'vitest';
import { englishConcepts, isEnglish } from '../../api/language/english-question.js';
import { loadDutchAnalyzer } from '../../api/language/load-analyzer.js';

const analyzer = loadDutchAnalyzer();

describe('English questions', () => {
  it('recognises English, and not Dutch', () => {
    expect(isEnglish('What does the report say about poverty?', analyzer)).toBe(true);
    expect(isEnglish('Wat zegt het rapport over armoede?', analyzer)).toBe(false);
    expect(isEnglish('Respijtzorg', analyzer)).toBe(false);
  });

  it('translates domain words and finds cognates among the Dutch terms', () => {
    const concepts = englishConcepts('What is respite care for informal carers?', analyzer, (word) => (word === 'informal' ? ['informel'] : []));
    const terms = concepts.flatMap((concept) => concept.alternatives.flatMap((alternative) => alternative.terms));
    expect(terms).toContain(analyzer.stem('respijtzorg'));
    expect(terms).toContain(analyzer.stem('mantelzorgers'));
    expect(concepts.map((concept) => concept.label)).not.toContain('what');
  });

  it('leaves out the verbs that frame a question about a text, in every tense: they name no topic', () => {
    const labels = (question: string) => englishConcepts(question, analyzer, () => []).map((concept) => concept.label);
    expect(labels('Who wrote the report on poverty, and what did they say?')).toEqual(['report', 'poverty']);
    expect(labels('What is written about poverty and what were residents told?')).toEqual(['poverty', 'residents']);
  });

  it('takes no pair of function words for a concept, though the dictionary translates it ("of the" → "van de")', () => {
    const concepts = englishConcepts('Can e-health take some of the load off informal carers?', analyzer, () => []);
    expect(concepts.map((concept) => concept.label)).not.toContain('of the');
    expect(concepts.every((concept) => concept.alternatives.length > 0)).toBe(true);
  });
});

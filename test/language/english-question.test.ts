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
});

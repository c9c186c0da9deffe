import { describe, expect, it } from 'vitest';
import { looksLikeFollowUp, withEarlierQuestion } from '../../api/answer/follow-up.js';
import { loadDutchAnalyzer } from '../../api/language/load-analyzer.js';

const analyzer = loadDutchAnalyzer();

describe('follow-up questions', () => {
  it.each([
    'Welke risicogroepen voor eenzaamheid zijn er?',
    'Wat is het doel van de werkconferentie?',
    'Hoe kunnen ouders die moeite hebben met lezen worden geholpen?',
  ])('do not include a question that stands on its own with "er", "het" or "die": "%s"', (question) => {
    expect(looksLikeFollowUp(question, analyzer)).toBe(false);
  });

  it.each(['En wie betaalt dat?', 'Wat kost dat?', 'Maar voor ouderen?', 'Wie regelt daarvoor de financiering?'])(
    'include one that leans on the conversation: "%s"',
    (question) => {
      expect(looksLikeFollowUp(question, analyzer)).toBe(true);
    },
  );

  it('do not include a long question that merely contains "dat"', () => {
    expect(looksLikeFollowUp('Welke gemeenten zorgen ervoor dat mantelzorgers respijtzorg en dagbesteding kunnen krijgen?', analyzer)).toBe(false);
  });

  it('borrow the earlier question without a language model', () => {
    expect(withEarlierQuestion('En wie betaalt dat?', [{ question: 'Wat is respijtzorg?', answer: '…' }])).toBe('En wie betaalt dat? Wat is respijtzorg?');
    expect(withEarlierQuestion('En wie betaalt dat?', [])).toBeNull();
  });
});

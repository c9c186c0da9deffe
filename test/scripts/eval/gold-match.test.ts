import { describe, expect, it } from 'vitest';
import { goldMatcher, normalizeForMatch } from '../../../scripts/lib/eval/gold-match.js';

describe('gold matching (as the evaluation README defines it)', () => {
  it('ignores case, diacritics, punctuation and layout', () => {
    expect(normalizeForMatch('Ideeën, “Coöperatie” 65+!')).toBe('ideeencooperatie65');
    expect(goldMatcher(['beïnvloedt gedrag'])('De sociale omgeving be-\ninvloedt gedrag')).toBe(true);
  });

  it('needs a short quote whole', () => {
    expect(goldMatcher(['Zin in vriendschap'])('Zin in vriendschap is een cursus')).toBe(true);
    expect(goldMatcher(['Zin in vriendschap'])('Zin in vrienden')).toBe(false);
  });

  it('accepts any 40-character window of a long quote', () => {
    const quote = 'een gedeeld beeld van de essentiële bouwstenen voor en de eerste contouren van een Maatschappelijke Business Case';
    expect(goldMatcher([quote])('... van de eerste contouren van een Maatschappelijke Business Case.')).toBe(true);
    expect(goldMatcher([quote])('een gedeeld beeld van iets anders')).toBe(false);
  });

  it('holds a text that holds any one of the quotes, and tells each text the same on every ask', () => {
    const holds = goldMatcher(['Zin in vriendschap', 'netwerkcoach']);
    expect(holds('Een netwerkcoach helpt verder.')).toBe(true);
    expect(holds('Zin in vriendschap helpt verder.')).toBe(true);
    expect(holds('Een buurtcoach helpt verder.')).toBe(false);
    expect(holds('Een netwerkcoach helpt verder.')).toBe(true);
    expect(goldMatcher([])('Zin in vriendschap')).toBe(false);
  });
});

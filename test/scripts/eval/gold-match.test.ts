import { describe, expect, it } from 'vitest';
import { holdsQuote, normalizeForMatch } from '../../../scripts/lib/eval/gold-match.js';

describe('gold matching (as the evaluation README defines it)', () => {
  it('ignores case, diacritics, punctuation and layout', () => {
    expect(normalizeForMatch('Ideeën, “Coöperatie” 65+!')).toBe('ideeencooperatie65');
    expect(holdsQuote('De sociale omgeving be-\ninvloedt gedrag', 'beïnvloedt gedrag')).toBe(true);
  });

  it('needs a short quote whole', () => {
    expect(holdsQuote('Zin in vriendschap is een cursus', 'Zin in vriendschap')).toBe(true);
    expect(holdsQuote('Zin in vrienden', 'Zin in vriendschap')).toBe(false);
  });

  it('accepts any 40-character window of a long quote', () => {
    const quote = 'een gedeeld beeld van de essentiële bouwstenen voor en de eerste contouren van een Maatschappelijke Business Case';
    expect(holdsQuote('... van de eerste contouren van een Maatschappelijke Business Case.', quote)).toBe(true);
    expect(holdsQuote('een gedeeld beeld van iets anders', quote)).toBe(false);
  });
});

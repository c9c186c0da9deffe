import { describe, expect, it } from 'vitest';
import { wordCount } from '../../api/language/words.js';

describe('wordCount', () => {
  it('counts the pieces between runs of white space, as splitting on them does', () => {
    const texts = [
      'Respijtzorg is tijdelijke overname van zorg.',
      '  twee  spaties\tof een tab\n en een regel ',
      'één',
      '',
      'vaste\u00a0spatie en\u2003em-spatie',
      'Armoede uitgelegd aan mensen met geld Tim ’s Jongers, Mei 2024',
    ];
    for (const text of texts) expect(wordCount(text)).toBe(text.split(/\s+/).length);
  });
});

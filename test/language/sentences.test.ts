import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../api/language/sentences.js';

describe('splitSentences', () => {
  const text = 'Sociale steun helpt. Zie o.a. de handreiking van Movisie.\n• Maak afspraken over respijtzorg\n• Betrek vrijwilligers.';

  it('splits on sentence ends and lines, without the bullets', () => {
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([
      'Sociale steun helpt.',
      'Zie o.a. de handreiking van Movisie.',
      'Maak afspraken over respijtzorg',
      'Betrek vrijwilligers.',
    ]);
  });

  it('keeps an inline numbered list in one sentence', () => {
    const list = 'Zij noemt vier dynamieken: 1. Politieke druk; 2. Complexiteit; 3. Fragmentatie. Daarna volgt advies.';
    expect(splitSentences(list).map((sentence) => sentence.text)).toEqual([
      'Zij noemt vier dynamieken: 1. Politieke druk; 2. Complexiteit; 3. Fragmentatie.',
      'Daarna volgt advies.',
    ]);
  });

  it('never ends a sentence inside a word, as at the dot of a file extension', () => {
    const extension = 'De reservekopie heeft de extensie .BAK. Een bestaande wordt overschreven.';
    expect(splitSentences(extension).map((sentence) => sentence.text)).toEqual([
      'De reservekopie heeft de extensie .BAK.',
      'Een bestaande wordt overschreven.',
    ]);
  });

  it('keeps a line without a sentence end whole, and still ends a sentence at a terminator outside ASCII', () => {
    expect(splitSentences('  Kopregels herhalen op elke pagina   \nZo gaat het‼ Daarna komt de rest')).toEqual([
      { start: 2, end: 35, text: 'Kopregels herhalen op elke pagina' },
      { start: 39, end: 51, text: 'Zo gaat het‼' },
      { start: 52, end: 71, text: 'Daarna komt de rest' },
    ]);
  });

  it('gives offsets in the document, shifted by where the passage starts', () => {
    for (const sentence of splitSentences(text, 100)) expect(text.slice(sentence.start - 100, sentence.end - 100)).toBe(sentence.text);
  });
});

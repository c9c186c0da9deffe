import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attestedWords } from '../../api/ingest/attested-words.js';
import { cleanText } from '../../api/ingest/clean-text.js';
import { repairWord } from '../../api/ingest/repair-ocr.js';
import { dutchSpellChecker } from '../../api/language/dutch-lexicon.js';

const spell = dutchSpellChecker();
const clean = (raw: string, corpus: string[] = [raw]) => cleanText(raw, { spell, attested: attestedWords(corpus) });

// A PDF extraction that marks soft wraps with a trailing space, as the Gezond in… PDF does.
const softWrapped = (lines: string[]) => [...Array.from({ length: 20 }, (_, i) => `Regel ${i} loopt door `), 'einde.', '', ...lines].join('\n');

describe('cleanText', () => {
  it('joins words split over a line break when the layout marks soft wraps', () => {
    const text = clean(softWrapped(['Sociale steun beschermt tegen eenzaam', 'heid en depressies.']));
    expect(text).toContain('tegen eenzaamheid en depressies.');
  });

  it('keeps a heading on its own line when a paragraph follows', () => {
    const text = clean(softWrapped(['Sociale netwerken', 'Het sociale netwerk kan gezondheid beïnvloeden.']));
    expect(text).toContain('Sociale netwerken\nHet sociale netwerk');
  });

  it('removes the hyphen of a hyphenated break, but keeps real hyphens', () => {
    expect(clean('Familie, buren en buurtactivi-\nteiten zijn belangrijk.')).toContain('buurtactiviteiten zijn');
    expect(clean('Bijvoorbeeld met een Doe-Mee-\nPas of vanuit het fonds.')).toContain('Doe-Mee-Pas of');
    expect(clean('artikelen in huis-aan-\nhuisbladen publiceren.')).toContain('huis-aan-huisbladen');
  });

  it('joins a wrapped line that continues in lower case, with a space', () => {
    expect(clean('Deze ideeën kunnen\nhelpend zijn voor de visie.')).toBe('Deze ideeën kunnen helpend zijn voor de visie.');
  });

  it('drops bullet debris, URL lists and stray list numbers', () => {
    const text = clean('Tips\n•\t Werk samen met bewoners.\n» Betrek jongeren.\nhttp://www.example.nl/pagina\n12.\n\n. Beleid maken vraagt geduld.');
    expect(text).toBe('Tips\n• Werk samen met bewoners.\n• Betrek jongeren.\n\nBeleid maken vraagt geduld.');
  });

  it('drops a running header that lands inside a sentence', () => {
    const text = clean(softWrapped(['worden samen de mogelijkheden ', '', 'Enkele voorbeelden', 'verkend tot deelname aan het traject.']));
    expect(text).toContain('de mogelijkheden verkend tot deelname');
  });

  it('collapses runs of whitespace and removes replacement characters', () => {
    expect(clean('Een  buurthuis   en horeca.\uFFFD')).toBe('Een buurthuis en horeca.');
  });
});

describe('OCR repair', () => {
  it.each([
    ['ideeén', 'ideeën'],
    ['financiéle', 'financiële'],
    ['barriéres', 'barrières'],
    ['invioed', 'invloed'],
    ['lemand', 'Iemand'],
    ['geintegreerde', 'geïntegreerde'],
    ['zZijn', 'zijn'],
  ])('repairs %s to %s', (slip, fixed) => {
    expect(repairWord(slip, spell)).toBe(fixed);
  });

  it.each(['één', 'café', 'waarborgfuntie', 'LHBTIQ', 'Skarsterlân'])('leaves %s alone', (word) => {
    expect(repairWord(word, spell)).toBe(word);
  });
});

describe('cleaning the bundled corpus', () => {
  const corpusDir = join(import.meta.dirname, '..', '..', 'corpus');
  const raws = readdirSync(corpusDir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(join(corpusDir, name), 'utf8'));
  const cleaned = raws.map((raw) => clean(raw, raws)).join('\n');

  it('repairs the known breaks and slips', () => {
    for (const word of ['eenzaamheid', 'gemeenschappelijk', 'migrantenmantelzorgers', 'buurtactiviteiten', 'Veiligheidsverlichting', 'ideeën', 'beïnvloedt']) {
      expect(cleaned).toContain(word);
    }
    for (const broken of ['eenzaam heid', 'gemeen schappelijk', 'ideeén', 'invioed', '\uFFFD', 'http://']) {
      expect(cleaned).not.toContain(broken);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { composeExtractive, toCitations } from '../../api/answer/extractive.js';
import type { Chunk } from '../../api/chunk/chunk-document.js';
import { buildLexicalIndex, LexicalIndex } from '../../api/index/lexical-index.js';
import { loadDutchAnalyzer } from '../../api/language/load-analyzer.js';
import type { RetrievedPassage } from '../../api/retrieve/retriever.js';

const analyzer = loadDutchAnalyzer();
const document =
  'Ondersteuning van mantelzorgers\n' +
  '• Maak afspraken omtrent respijtzorg. Als het nodig is, kan een vrijwilliger de zorg tijdelijk overnemen (respijtzorg).\n' +
  'Stimuleer het gebruik van erkende interventies, zoals:\n' +
  '• GoldenSports voor 65+\n' +
  '• Beweegtuin voor ouderen\n\n' +
  'Vaak bestaan er financiële barrières. De gemeente kan lidmaatschap van een sportvereniging betalen. Bijvoorbeeld met een Doe-Mee-Pas.\n\n' +
  'Het weer was mooi in de zomer.';

const paragraphs = ['Ondersteuning', 'Stimuleer het gebruik', 'Vaak bestaan', 'Het weer'].map((marker, i, all) => {
  const start = document.indexOf(marker);
  const end = i + 1 < all.length ? document.indexOf(all[i + 1]!) - 1 : document.length;
  return { start, end: document.slice(0, end).trimEnd().length };
});
const chunks: Chunk[] = paragraphs.map(({ start, end }, i) => ({
  id: `doc:${i}`, documentId: 'doc', start, end, text: document.slice(start, end), section: 'Ondersteuning van mantelzorgers', headings: [], tokens: 10,
}));
const lexical = new LexicalIndex(buildLexicalIndex(chunks.map((chunk) => analyzer.indexTerms(chunk.text))));

function answer(question: string) {
  const concepts = analyzer.concepts(question);
  const passages: RetrievedPassage[] = lexical.search(concepts, 5).map((hit) => ({ chunk: chunks[hit.index]!, score: hit.score, coverage: hit.coverage, similarity: null }));
  const composed = composeExtractive(passages, concepts, analyzer, (concept) => lexical.conceptIdf(concept));
  return { composed, ...toCitations(composed, () => 'Kennisdossier') };
}

describe('extractive answers', () => {
  it('answers with verbatim sentences, each followed by its citation marker', () => {
    const { composed, text, citations } = answer('Wat is respijtzorg?');
    expect(composed.answered).toBe(true);
    expect(citations.length).toBeGreaterThan(0);
    citations.forEach((citation, i) => {
      expect(citation.n).toBe(i + 1);
      expect(document.slice(citation.start, citation.end)).toBe(citation.quote);
      expect(text).toContain(`${citation.quote} [${citation.n}]`);
      expect(citation.url).toBe(`/documents/doc#${citation.start}-${citation.end}`);
    });
    expect(text.replace(/ \[\d+\]/g, '')).toBe(citations.map((citation) => citation.quote).join(' '));
  });

  it('brings the list items after a sentence that introduces them', () => {
    const { text } = answer('Welke erkende interventies zijn er?');
    expect(text).toContain('GoldenSports voor 65+');
    expect(text).toContain('Beweegtuin voor ouderen');
    expect(text).not.toContain('weer');
  });

  it('brings the example that elaborates on the chosen sentence', () => {
    const { text } = answer('Kan de gemeente het lidmaatschap van een sportvereniging betalen?');
    expect(text).toContain('Bijvoorbeeld met een Doe-Mee-Pas.');
  });

  it('gives an example the sentence it is an example of', () => {
    const { text } = answer('Wat is een Doe-Mee-Pas?');
    expect(text).toMatch(/^De gemeente kan lidmaatschap van een sportvereniging betalen\. \[1\] Bijvoorbeeld met een Doe-Mee-Pas\. \[2\]/);
  });

  it('refuses when no passage covers the question, rather than stitching fragments', () => {
    const { composed, citations } = answer('Wat is de hoofdstad van Australië?');
    expect(composed.answered).toBe(false);
    expect(citations).toEqual([]);
  });

  it('refuses when only a minor word of the question matches', () => {
    expect(answer('Hoe lang duurt de behandeling van een bouwvergunning in Amsterdam?').composed.answered).toBe(false);
  });
});

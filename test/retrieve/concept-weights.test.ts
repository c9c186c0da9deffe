import { describe, expect, it } from 'vitest';
import { createVocabulary } from '../../api/index/vocabulary.js';
import { loadDutchAnalyzer } from '../../api/language/load-analyzer.js';
import { weighConcepts } from '../../api/retrieve/concept-weights.js';
import { expandConcepts } from '../../api/retrieve/expand-concepts.js';

const analyzer = loadDutchAnalyzer();
const documents = ['Armoede en energie in de wijk.', 'Energiecoaches bezoeken bewoners thuis.', 'De wijk heeft een buurthuis.'];
const frequencies = new Map<string, number>();
for (const text of documents) for (const term of new Set(analyzer.indexTerms(text))) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
const vocabulary = createVocabulary(frequencies, documents.length);

/** Per concept of the question: whether the index holds it, and whether only as a compound's parts. */
function seenness(question: string): Record<string, { seen: boolean; seenAsParts: boolean }> {
  const concepts = weighConcepts(expandConcepts(analyzer.concepts(question), vocabulary, analyzer.stem), vocabulary, null);
  return Object.fromEntries(concepts.map(({ label, seen, seenAsParts }) => [label, { seen, seenAsParts }]));
}

describe('weighConcepts', () => {
  it('marks a compound the index holds only as its parts ("energie" and "armoede" for "energiearmoede")', () => {
    const found = seenness('Wat doen energiecoaches tegen energiearmoede in de wijk?');
    expect(found.energiearmoede).toEqual({ seen: true, seenAsParts: true });
    expect(found.energiecoaches).toEqual({ seen: true, seenAsParts: false });
    expect(found.wijk).toEqual({ seen: true, seenAsParts: false });
  });

  it('marks a word the index lacks as unseen, not as parts', () => {
    expect(seenness('Wat is een draaitabel?').draaitabel).toEqual({ seen: false, seenAsParts: false });
  });
});

import { describe, expect, it } from 'vitest';
import { buildLexicalIndex, LexicalIndex } from '../../api/index/lexical-index.js';
import type { Concept } from '../../api/language/dutch-analyzer.js';

const concept = (label: string, ...alternatives: [string[], number][]): Concept => ({
  label,
  alternatives: alternatives.map(([terms, weight]) => ({ terms, weight })),
});

const index = new LexicalIndex(
  buildLexicalIndex([
    ['respijtzorg', 'mantelzorger', 'gemeent'],
    ['gemeent', 'gemeent', 'beleid'],
    ['mantelzorg', 'ondersteun', 'gemeent'],
    ['sport', 'vereniging'],
  ]),
);

describe('LexicalIndex', () => {
  it('ranks passages by BM25, rare terms weighing more', () => {
    const hits = index.search([concept('respijtzorg', [['respijtzorg'], 1]), concept('gemeente', [['gemeent'], 1])], 10);
    expect(hits.map((hit) => hit.index)).toEqual([0, 1, 2]);
    expect(index.idf('respijtzorg')).toBeGreaterThan(index.idf('gemeent'));
  });

  it('counts a concept once, through its best alternative', () => {
    const compound = concept('mantelzorgondersteuning', [['mantelzorgondersteun'], 1], [['mantelzorg', 'ondersteun'], 0.8]);
    const [hit] = index.search([compound], 10);
    expect(hit!.index).toBe(2);
    expect(hit!.coverage).toBeCloseTo(0.8);
  });

  it('reports coverage: the IDF-weighted share of concepts found', () => {
    const hits = index.search([concept('sport', [['sport'], 1]), concept('amsterdam', [['amsterdam'], 1])], 10);
    expect(hits).toHaveLength(1);
    // "amsterdam" is unknown to the corpus and weighs 1.5 times the rarest possible term.
    const sport = index.idf('sport');
    const unseen = index.conceptIdf(concept('amsterdam', [['amsterdam'], 1]));
    expect(unseen).toBeCloseTo(1.5 * index.idf('nooit-gezien'));
    expect(hits[0]!.coverage).toBeCloseTo(sport / (sport + unseen));
    expect(hits[0]!.coverage).toBeLessThan(0.4);
  });

  it('finds nothing for words the corpus lacks', () => {
    expect(index.search([concept('hoofdstad', [['hoofdstad'], 1])], 10)).toEqual([]);
  });

  it('survives a JSON round trip', () => {
    const data = buildLexicalIndex([['a', 'b'], ['b']]);
    const restored = new LexicalIndex(JSON.parse(JSON.stringify(data)));
    expect(restored.search([concept('b', [['b'], 1])], 10)).toEqual(new LexicalIndex(data).search([concept('b', [['b'], 1])], 10));
  });
});

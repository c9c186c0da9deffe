import { describe, expect, it } from 'vitest';
import { DamagedIndexFile, decodeLexicalIndex, encodeLexicalIndex } from '../../api/index/lexical-file.js';
import { buildLexicalIndex, LexicalIndex } from '../../api/index/lexical-index.js';
import { termsWithPrefix } from '../../api/index/vocabulary.js';
import type { Concept } from '../../api/language/dutch-analyzer.js';

const concept = (label: string, ...alternatives: [string[], number][]): Concept => ({
  label,
  surface: label,
  anchor: false,
  alternatives: alternatives.map(([terms, weight]) => ({ terms, weight, kind: 'word' as const })),
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
    expect(hits.map((hit) => hit.position)).toEqual([0, 1, 2]);
    expect(index.idf('respijtzorg')).toBeGreaterThan(index.idf('gemeent'));
  });

  it('counts a concept once, through its best alternative', () => {
    const compound = concept('mantelzorgondersteuning', [['mantelzorgondersteun'], 1], [['mantelzorg', 'ondersteun'], 0.8]);
    const [hit] = index.search([compound], 10);
    expect(hit!.position).toBe(2);
    const both = index.search([concept('x', [['mantelzorg'], 1], [['mantelzorg', 'ondersteun'], 0.8])], 10);
    expect(both).toHaveLength(1);
  });

  it('finds nothing for words the corpus lacks', () => {
    expect(index.search([concept('hoofdstad', [['hoofdstad'], 1])], 10)).toEqual([]);
  });

  it('knows its vocabulary with passage counts, and finds terms by prefix', () => {
    expect(index.passageCount).toBe(4);
    expect(index.documentFrequency('gemeent')).toBe(3);
    expect(index.has('hoofdstad')).toBe(false);
    expect(termsWithPrefix(index, 'mantelzorg')).toEqual(['mantelzorg', 'mantelzorger']);
    expect(termsWithPrefix(index, 'zzz')).toEqual([]);
  });

  it('survives the round trip through its file, and refuses a damaged one', () => {
    const data = buildLexicalIndex([['a', 'b', 'ééé'], ['b'], []]);
    const bytes = encodeLexicalIndex(data);
    const restored = new LexicalIndex(decodeLexicalIndex(bytes));
    expect(restored.search([concept('b', [['b'], 1])], 10)).toEqual(new LexicalIndex(data).search([concept('b', [['b'], 1])], 10));
    expect(restored.has('ééé')).toBe(true);
    expect(() => decodeLexicalIndex(bytes.subarray(0, bytes.length - 3))).toThrow(DamagedIndexFile);
    const foreign = bytes.slice();
    foreign[0] = 0;
    expect(() => decodeLexicalIndex(foreign)).toThrow(DamagedIndexFile);
    const outOfRange = bytes.slice();
    new DataView(outOfRange.buffer).setUint32(24 + 4 * 3 + 4 * 4, 99, true); // a position past the last passage
    expect(() => decodeLexicalIndex(outOfRange)).toThrow(DamagedIndexFile);
  });
});

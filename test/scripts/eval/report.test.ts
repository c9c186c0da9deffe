import { describe, expect, it } from 'vitest';
import { type QuestionResult, summarize } from '../../../scripts/lib/eval/evaluate.js';
import { spreadTable } from '../../../scripts/lib/eval/report.js';

const result = (id: string, answerable: boolean, answered: boolean, answerHasGold = false): QuestionResult => ({
  id,
  question: id,
  lang: 'nl',
  kind: 'test',
  answerable,
  answered,
  goldRank: answerable ? 1 : null,
  answerHasGold,
  confidence: answered ? 'partial' : null,
  citationsVerbatim: true,
  ms: 1,
});

describe('the spread over repeated folds', () => {
  it('gives each figure its mean, lowest and highest over the splits', () => {
    const splits = [
      summarize([result('a', true, true, true), result('b', true, true, false), result('u', false, false)]),
      summarize([result('a', true, true, true), result('b', true, false, false), result('u', false, true)]),
    ];
    const rows = Object.fromEntries(spreadTable(splits).map((line) => [line.slice(0, 28).trim(), line.slice(28).trim().split(/\s+/).map(Number)]));
    expect(rows['answer-has-gold']).toEqual([0.5, 0.5, 0.5]);
    expect(rows['answered when answerable']).toEqual([0.75, 0.5, 1]);
    expect(rows['refused when unanswerable']).toEqual([0.5, 0, 1]);
  });
});

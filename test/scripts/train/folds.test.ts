import { describe, expect, it } from 'vitest';
import { foldsByDocument, foldsByQuestion } from '../../../scripts/lib/train/folds.js';

const questions = Array.from({ length: 23 }, (_, i) => ({
  id: `q${String(i).padStart(2, '0')}`,
  answerable: i % 4 !== 0,
  gold: i % 4 !== 0 ? [{ doc: ['a', 'b', 'c'][i % 3]!, quote: '…' }] : [],
}));

describe('folds by question', () => {
  it('puts each question in one fold, with the unanswerable ones spread over the folds', () => {
    const folds = foldsByQuestion(questions, 5);
    expect(folds).toHaveLength(questions.length);
    for (let fold = 0; fold < 5; fold++) {
      const members = questions.filter((_, i) => folds[i] === fold);
      expect(members.length).toBeGreaterThanOrEqual(4);
      expect(members.filter((question) => !question.answerable).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('is the same on every run and whatever order the questions come in', () => {
    const folds = foldsByQuestion(questions, 5);
    const reversed = [...questions].reverse();
    const again = foldsByQuestion(reversed, 5);
    questions.forEach((question, i) => {
      expect(again[reversed.indexOf(question)]).toBe(folds[i]);
    });
  });
});

describe('repeated folds by question', () => {
  it('split the questions otherwise on each repetition, each split stratified and the same on every run', () => {
    const splits = [0, 1, 2].map((repetition) => foldsByQuestion(questions, 5, repetition));
    expect(splits[1]).not.toEqual(splits[0]);
    expect(splits[2]).not.toEqual(splits[1]);
    expect(foldsByQuestion(questions, 5, 1)).toEqual(splits[1]);
    for (const folds of splits) {
      for (let fold = 0; fold < 5; fold++) {
        const members = questions.filter((_, i) => folds[i] === fold);
        expect(members.filter((question) => !question.answerable).length).toBeGreaterThanOrEqual(1);
        expect(members.filter((question) => question.answerable).length).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe('folds by document', () => {
  it('groups the answerable questions by the document of their gold quote and deals out the others', () => {
    const { folds, documents } = foldsByDocument(questions);
    expect(documents).toEqual(['a', 'b', 'c']);
    questions.forEach((question, i) => {
      if (question.answerable) expect(documents[folds[i]!]).toBe(question.gold[0]!.doc);
    });
    const unanswerable = questions.flatMap((question, i) => (question.answerable ? [] : [folds[i]!]));
    expect(new Set(unanswerable).size).toBe(3);
  });
});

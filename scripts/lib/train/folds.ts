// Deterministic folds for cross-validation. By question: stratified, so every fold holds its
// share of unanswerable questions; a repetition deals them in another order (repeated k-fold),
// since the split alone moves a figure by a few questions. By document: the answerable questions
// of one document form a fold (fit on the other documents' questions, report on this one's), the
// unanswerable ones are dealt over the folds.
import { createHash } from 'node:crypto';
import type { EvalQuestion } from '../eval/evaluate.js';

/**
 * The fold of each question (same order), 0..k−1. Repetition 0 deals the questions in the order of
 * their ids; repetition r in the order of a hash of r and the id: another split, the same on every run.
 */
export function foldsByQuestion(questions: readonly Pick<EvalQuestion, 'id' | 'answerable'>[], k: number, repetition = 0): number[] {
  const key = (id: string) => (repetition === 0 ? id : createHash('sha256').update(`${repetition}:${id}`).digest('hex'));
  const folds = new Array<number>(questions.length);
  for (const answerable of [true, false]) {
    questions
      .map((question, i) => ({ key: key(question.id), i }))
      .filter(({ i }) => questions[i]!.answerable === answerable)
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .forEach(({ i }, position) => {
        folds[i] = position % k;
      });
  }
  return folds;
}

/** The fold of each question by the document its first gold quote is from, and the documents in fold order. */
export function foldsByDocument(questions: readonly Pick<EvalQuestion, 'answerable' | 'gold'>[]): { folds: number[]; documents: string[] } {
  const documents = [...new Set(questions.flatMap((question) => (question.answerable ? [question.gold[0]!.doc] : [])))].sort();
  let dealt = 0;
  const folds = questions.map((question) => (question.answerable ? documents.indexOf(question.gold[0]!.doc) : dealt++ % documents.length));
  return { folds, documents };
}

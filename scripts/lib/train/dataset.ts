// The labelled questions as training sees them: each question's first-stage candidates, computed
// once (they do not depend on any fitted weight), and a test for whether a text holds its gold.
import { wholeIndex } from '../../../api/access/scope.js';
import type { Engine } from '../../../api/engine.js';
import type { Candidates } from '../../../api/retrieve/retriever.js';
import type { EvalQuestion } from '../eval/evaluate.js';
import { goldMatcher } from '../eval/gold-match.js';

export interface LabelledQuestion {
  question: EvalQuestion;
  candidates: Candidates;
  /** Whether `text` holds one of the question's gold quotes (never, for an unanswerable one). */
  holdsGold(text: string): boolean;
}

export async function labelledQuestions(engine: Engine, questions: readonly EvalQuestion[]): Promise<LabelledQuestion[]> {
  const labelled: LabelledQuestion[] = [];
  for (const question of questions) {
    const holdsGold = goldMatcher(question.answerable ? question.gold.map((gold) => gold.quote) : []);
    labelled.push({
      question,
      candidates: await engine.retriever.candidates(question.question, wholeIndex(engine.manifest.collections)),
      holdsGold,
    });
  }
  return labelled;
}

// Decides whether the documents answer a question: a stage of its own, on named signals, before
// any answer is composed. Both answer modes stand on its verdict.
//
// The signals, per retrieved passage:
// - anchors: the question's names, acronyms, numbers and quoted titles must all be in the passage
//   (or its heading or document title). "Hoe pakt Eindhoven eenzaamheid aan?" is not answered
//   by a passage on loneliness elsewhere.
// - focus: the share of the question's information (concepts weighted by specificity) held by
//   one sentence or two adjacent ones. Evidence must be local: words scattered over a passage
//   do not make an answer.
// - figure: a question asking for a quantity ("hoeveel", "welk percentage", "wat kost") needs
//   a number in evidence that holds most of the question: a figure about something else (another
//   percentage, another duration) is no answer.
// - role: "Wie is de burgemeester van Rotterdam?" needs evidence that names the role itself,
//   not a passage that mentions Rotterdam.
// - topic: a partial answer must hold one of the question's terms (a word specific in language at
//   large) or several of its words: "Hoe werkt een kwantumcomputer?" is not partly answered by a
//   passage where something "werkt".
// - definition: "Wat is X?" is answered in full only by a sentence that defines X ("X is …",
//   "… (X)"); passages that merely use the word answer it partially.
// - scope: a personal workplace question (ICT, personnel matters) is declined before any of this.
// - similarity: with dense retrieval, how close the passage is to the question in meaning.
import type { DutchAnalyzer } from '../language/dutch-analyzer.js';
import type { Retrieval, RetrievedPassage } from '../retrieve/retriever.js';
import { answersForm, FIGURE, namesRole, type QuestionForm, questionForm } from './question-form.js';
import { personalWorkplaceTopic } from './scope.js';

export const ANSWERABILITY = {
  /** Passages weighed as evidence, whatever `k` the request asks to see. */
  depth: 5,
  /** Evidence that holds at least half of the question's information answers it. */
  answerShare: 1 / 2,
  /** Specificity (concept-weights.ts) from which a word is a term rather than everyday language. */
  termSpecificity: 1 / 2,
  /** Evidence holding a quarter of it speaks to the question: answered, framed as partial (see README: a third and a quarter made no difference on the tuning half). */
  partialShare: 1 / 4,
  /**
   * Cosine similarity (multilingual-e5) above which a passage is taken to address the question
   * in other words: a declined question with all its anchors becomes a partial answer. Not
   * calibrated on these machines (no model weights): E5 scores paraphrases around 0.85–0.9.
   */
  denseSupport: 0.88,
} as const;

export type Verdict = 'answer' | 'partial' | 'decline';
export type VerdictReason =
  | 'covered'
  | 'partly_covered'
  | 'similar_in_meaning'
  | 'no_concepts'
  | 'anchor_missing'
  | 'not_covered'
  | 'no_figure'
  | 'no_role'
  | 'no_definition'
  | 'out_of_scope'
  | 'no_term_covered';

export interface AnswerabilitySignals {
  /** Best focus among passages holding every anchor. */
  focus: number;
  /** Best share of the question held by a whole passage holding every anchor. */
  passageCoverage: number;
  /** Anchors no weighed passage holds. */
  anchorsMissing: string[];
  asksForFigure: boolean;
  /** The workplace word of a personal workplace question ("wachtwoord"), else null. */
  workplaceTopic: string | null;
  /** Best cosine similarity among passages holding every anchor, when dense retrieval ran. */
  similarity: number | null;
}

export interface Assessment {
  verdict: Verdict;
  reason: VerdictReason;
  /** Whether the documents answer (fully or partly): both modes compose only then. */
  answerable: boolean;
  signals: AnswerabilitySignals;
  /** The weighed passages that hold every anchor, best evidence first: what answers are composed from. */
  evidence: RetrievedPassage[];
  /** What kind of answer the question asks for. */
  form: QuestionForm;
}

export function assessAnswerability(retrieval: Retrieval, analyzer: DutchAnalyzer): Assessment {
  const { concepts, text } = retrieval.question;
  const form = questionForm(text, concepts);
  const asksForFigure = form.form === 'figure';
  const weighed = retrieval.passages.slice(0, ANSWERABILITY.depth);
  const evidence = weighed
    .filter((passage) => passage.evidence.anchorsMissing.length === 0)
    .sort((a, b) => b.evidence.focus - a.evidence.focus || a.rank - b.rank);
  const anchorsMissing = evidence.length > 0 ? [] : [...new Set(weighed.flatMap((passage) => passage.evidence.anchorsMissing))];
  const similarities = evidence.map((passage) => passage.similarity).filter((value): value is number => value !== null);
  const signals: AnswerabilitySignals = {
    focus: evidence[0]?.evidence.focus ?? 0,
    passageCoverage: Math.max(0, ...evidence.map((passage) => passage.evidence.coverage)),
    anchorsMissing,
    asksForFigure,
    workplaceTopic: personalWorkplaceTopic(text),
    similarity: similarities.length > 0 ? Math.max(...similarities) : null,
  };
  const decide = (verdict: Verdict, reason: VerdictReason): Assessment => ({ verdict, reason, answerable: verdict !== 'decline', signals, evidence, form });

  if (signals.workplaceTopic) return decide('decline', 'out_of_scope');
  if (concepts.length === 0) return decide('decline', 'no_concepts');
  if (evidence.length === 0) return decide('decline', weighed.length > 0 ? 'anchor_missing' : 'not_covered');
  if (asksForFigure && !evidence.some(({ evidence: passage }) => passage.focus >= ANSWERABILITY.answerShare && FIGURE.test(windowText(passage)))) {
    return decide('decline', 'no_figure');
  }
  if (form.form === 'role' && !evidence.some(({ evidence: passage }) => passage.sentences.some((sentence) => namesRole(sentence.terms, form))))
    return decide('decline', 'no_role');
  if (signals.focus >= ANSWERABILITY.answerShare) {
    const defines = (passage: RetrievedPassage) => passage.evidence.sentences.some((sentence) => answersForm(sentence.sentence.text, form, analyzer));
    if (form.form === 'definition' && form.subjectTerms.size > 0 && !evidence.some(defines)) return decide('partial', 'no_definition');
    return decide('answer', 'covered');
  }
  if (signals.focus >= ANSWERABILITY.partialShare) {
    const best = evidence[0]!.evidence;
    const covered = best.focusAt ? windowConcepts(best) : new Set<number>();
    const holdsTerm = concepts.some((concept, c) => covered.has(c) && concept.specificity >= ANSWERABILITY.termSpecificity);
    if (holdsTerm || covered.size >= 2) return decide('partial', 'partly_covered');
    return decide('decline', 'no_term_covered');
  }
  if (signals.similarity !== null && signals.similarity >= ANSWERABILITY.denseSupport) return decide('partial', 'similar_in_meaning');
  return decide('decline', 'not_covered');
}

/** The concepts the focus window (the best sentence and the one after it) covers. */
function windowConcepts(passage: RetrievedPassage['evidence']): Set<number> {
  const at = passage.sentences.indexOf(passage.focusAt!);
  return new Set(passage.sentences.slice(at, at + 2).flatMap((evidence) => [...evidence.covered]));
}

/** The text of a passage's focus: its best sentence and the one after it. */
function windowText(passage: RetrievedPassage['evidence']): string {
  if (!passage.focusAt) return '';
  const at = passage.sentences.indexOf(passage.focusAt);
  return passage.sentences
    .slice(at, at + 2)
    .map((evidence) => evidence.sentence.text)
    .join(' ');
}

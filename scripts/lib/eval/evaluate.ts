// Scores the assistant on evaluation questions through the real HTTP app, with the figures
// the evaluation README names.
import { z } from 'zod';
import type { AskResponse, DocumentWithText } from '../../../api/contract.js';
import { goldMatcher } from './gold-match.js';

export const evalQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  answerable: z.boolean(),
  lang: z.string().optional(),
  /** What sort of question it is (natural, how, why, list, …, unanswerable-topic, …): figures are reported per kind. */
  kind: z.string().optional(),
  gold: z.array(z.object({ doc: z.string(), quote: z.string() })).default([]),
});

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

/**
 * The dev questions are split in two by id: odd-numbered ones are for tuning, even-numbered ones
 * are held back, so a figure on the report half says how a change generalises.
 */
export type Split = 'tune' | 'report';

export function splitOf(id: string): Split {
  const number = Number(/\d+/.exec(id)?.[0] ?? Number.NaN);
  return Number.isFinite(number) && number % 2 === 1 ? 'tune' : 'report';
}

export interface QuestionResult {
  id: string;
  question: string;
  lang: string;
  kind: string;
  answerable: boolean;
  answered: boolean;
  /** 1-based rank of the first passage holding a gold quote, or null. */
  goldRank: number | null;
  answerHasGold: boolean;
  confidence: AskResponse['confidence'] | null;
  citationsVerbatim: boolean;
  ms: number;
  /** What the verdict saw, when the evaluation can look inside (cross-validation does). */
  verdict?: VerdictTrace;
}

export interface VerdictTrace {
  /** Calibrated probability that the composed answer holds the asked fact. */
  probability: number;
  /** Calibrated probability that the documents answer the question. */
  answerability: number;
  reason: string;
  /** Whether the composed answer (given or not) holds a gold quote: what the probability predicts. */
  composedHoldsGold: boolean;
}

export interface EvalReport {
  questions: number;
  answerable: number;
  unanswerable: number;
  hitAt1: number;
  hitAt5: number;
  mrrAt10: number;
  answerHasGold: number;
  answeredWhenAnswerable: number;
  /** Share of answerable English questions answered. */
  answeredEnglish: number;
  refusedWhenUnanswerable: number;
  /** Share of the unanswerable questions answered with confidence "high". */
  unanswerableHigh: number;
  /** Share of the "high" answers to answerable questions that lack the gold quote. */
  highWithoutGold: number;
  citationsVerbatim: number;
  p50Ms: number;
  p95Ms: number;
  results: QuestionResult[];
}

export interface EvalClient {
  ask(question: string, k: number): Promise<AskResponse>;
  document(id: string): Promise<DocumentWithText>;
}

export function parseEvalQuestions(jsonl: string): EvalQuestion[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = evalQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`Line ${i + 1} is not an evaluation question: ${parsed.error.message}`);
      if (parsed.data.answerable && parsed.data.gold.length === 0)
        throw new Error(`Line ${i + 1} (${parsed.data.id}) is answerable but has no gold quote: add the quote that answers it, or set "answerable" to false.`);
      return parsed.data;
    });
}

/** Looks inside the verdict for one question: cross-validation passes the fold's engine here. */
export type VerdictInspector = (question: EvalQuestion) => Promise<VerdictTrace>;

export async function evaluate(questions: readonly EvalQuestion[], client: EvalClient, inspect?: VerdictInspector): Promise<EvalReport> {
  const texts = new Map<string, string>();
  const documentText = async (id: string) => {
    if (!texts.has(id)) texts.set(id, (await client.document(id)).text);
    return texts.get(id)!;
  };

  const results: QuestionResult[] = [];
  for (const question of questions) {
    const started = performance.now();
    const response = await client.ask(question.question, 10);
    const ms = performance.now() - started;
    const holdsGold = goldMatcher(question.gold.map((gold) => gold.quote));
    const rank = response.passages.findIndex((passage) => holdsGold(passage.text));
    let verbatim = true;
    for (const citation of response.citations) {
      const text = await documentText(citation.documentId);
      verbatim &&= text.slice(citation.start, citation.end) === citation.quote;
    }
    results.push({
      id: question.id,
      question: question.question,
      lang: question.lang ?? 'nl',
      kind: question.kind ?? (question.answerable ? 'no kind' : 'no kind, unanswerable'),
      answerable: question.answerable,
      answered: response.answered,
      goldRank: rank === -1 ? null : rank + 1,
      answerHasGold: response.answered && holdsGold(response.answer),
      confidence: response.confidence ?? null,
      citationsVerbatim: verbatim,
      ms,
      ...(inspect ? { verdict: await inspect(question) } : {}),
    });
  }
  return summarize(results);
}

export function summarize(results: QuestionResult[]): EvalReport {
  const answerable = results.filter((result) => result.answerable);
  const unanswerable = results.filter((result) => !result.answerable);
  const share = (items: QuestionResult[], test: (result: QuestionResult) => boolean) => (items.length ? items.filter(test).length / items.length : 1);
  const latencies = results.map((result) => result.ms).sort((a, b) => a - b);
  return {
    questions: results.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hitAt1: share(answerable, (result) => result.goldRank === 1),
    hitAt5: share(answerable, (result) => result.goldRank !== null && result.goldRank <= 5),
    mrrAt10: answerable.reduce((sum, result) => sum + (result.goldRank && result.goldRank <= 10 ? 1 / result.goldRank : 0), 0) / Math.max(1, answerable.length),
    answerHasGold: share(answerable, (result) => result.answerHasGold),
    answeredWhenAnswerable: share(answerable, (result) => result.answered),
    answeredEnglish: share(
      answerable.filter((result) => result.lang === 'en'),
      (result) => result.answered,
    ),
    refusedWhenUnanswerable: share(unanswerable, (result) => !result.answered),
    unanswerableHigh: unanswerable.length ? unanswerable.filter((result) => result.answered && result.confidence === 'high').length / unanswerable.length : 0,
    highWithoutGold: highWithoutGold(answerable),
    citationsVerbatim: share(results, (result) => result.citationsVerbatim),
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    results,
  };
}

function highWithoutGold(answerable: readonly QuestionResult[]): number {
  const high = answerable.filter((result) => result.answered && result.confidence === 'high');
  return high.length ? high.filter((result) => !result.answerHasGold).length / high.length : 0;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

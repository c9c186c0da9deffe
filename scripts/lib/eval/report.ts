// The evaluation's tables as text: the figures the evaluation README names (one column per
// report), figures per kind of question, the confusion of verdicts and a reliability table.
import type { EvalReport, QuestionResult } from './evaluate.js';

type Column = [label: string, report: EvalReport];

/** The figures of the evaluation README that are shares, in the order the tables print them. */
const SHARES = [
  ['hit@1', 'hitAt1'],
  ['hit@5', 'hitAt5'],
  ['MRR@10', 'mrrAt10'],
  ['answer-has-gold', 'answerHasGold'],
  ['answered when answerable', 'answeredWhenAnswerable'],
  ['answered (English)', 'answeredEnglish'],
  ['refused when unanswerable', 'refusedWhenUnanswerable'],
  ['unanswerable, "high"', 'unanswerableHigh'],
  ['"high" without gold', 'highWithoutGold'],
  ['citations verbatim', 'citationsVerbatim'],
] as const satisfies readonly (readonly [string, keyof EvalReport])[];

/** Per share, its mean over repetitions of the folds and the lowest and highest of them. */
export function spreadTable(reports: readonly EvalReport[]): string[] {
  const lines = [`${''.padEnd(28)}${'mean'.padStart(8)}${'min'.padStart(8)}${'max'.padStart(8)}`];
  for (const [label, key] of SHARES) {
    const values = reports.map((report) => report[key]);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    lines.push(`${label.padEnd(28)}${[mean, Math.min(...values), Math.max(...values)].map((value) => value.toFixed(3).padStart(8)).join('')}`);
  }
  return lines;
}

const FIGURES: [label: string, value: (report: EvalReport) => string][] = [
  ['questions', (report) => `${report.answerable}+${report.unanswerable}`],
  ...SHARES.map(([label, key]): [string, (report: EvalReport) => string] => [label, (report) => report[key].toFixed(3)]),
  ['latency p50 (ms)', (report) => report.p50Ms.toFixed(1)],
  ['latency p95 (ms)', (report) => report.p95Ms.toFixed(1)],
];

export function figuresTable(columns: readonly Column[]): string[] {
  const width = Math.max(10, ...columns.map(([label]) => label.length + 2));
  const row = (label: string, cells: string[]) => `${label.padEnd(28)}${cells.map((cell) => cell.padStart(width)).join('')}`;
  return [
    row(
      '',
      columns.map(([label]) => label),
    ),
    ...FIGURES.map(([label, value]) =>
      row(
        label,
        columns.map(([, report]) => value(report)),
      ),
    ),
  ];
}

function verdictOf(result: QuestionResult): 'high' | 'partial' | 'decline' {
  return !result.answered ? 'decline' : result.confidence === 'partial' ? 'partial' : 'high';
}

/** Per kind: questions, gold in the answer (answerable) or refused (unanswerable), and the verdicts. */
export function perKindTable(results: readonly QuestionResult[]): string[] {
  const kinds = [...new Set(results.map((result) => result.kind))].sort();
  const lines = [
    `${'kind'.padEnd(24)}${'n'.padStart(4)}${'gold'.padStart(8)}${'refused'.padStart(9)}${'high'.padStart(6)}${'partial'.padStart(9)}${'decline'.padStart(9)}`,
  ];
  for (const kind of kinds) {
    const group = results.filter((result) => result.kind === kind);
    const answerable = group.filter((result) => result.answerable);
    const count = (verdict: string) => String(group.filter((result) => verdictOf(result) === verdict).length);
    const gold = answerable.length ? (answerable.filter((result) => result.answerHasGold).length / answerable.length).toFixed(2) : '';
    const refused =
      answerable.length < group.length
        ? (group.filter((result) => !result.answerable && !result.answered).length / (group.length - answerable.length)).toFixed(2)
        : '';
    lines.push(
      `${kind.padEnd(24)}${String(group.length).padStart(4)}${gold.padStart(8)}${refused.padStart(9)}${count('high').padStart(6)}${count('partial').padStart(9)}${count('decline').padStart(9)}`,
    );
  }
  return lines;
}

/** Rows: what the composed answer is (holds the gold, misses it, no answer exists); columns: the verdict given. */
export function confusionTable(results: readonly QuestionResult[]): string[] {
  const outcome = (result: QuestionResult) =>
    !result.answerable ? 'unanswerable' : result.verdict?.composedHoldsGold ? 'answer holds gold' : 'answer misses gold';
  const lines = [`${'outcome \\ verdict'.padEnd(24)}${'high'.padStart(8)}${'partial'.padStart(9)}${'decline'.padStart(9)}`];
  for (const row of ['answer holds gold', 'answer misses gold', 'unanswerable']) {
    const group = results.filter((result) => outcome(result) === row);
    const count = (verdict: string) => String(group.filter((result) => verdictOf(result) === verdict).length);
    lines.push(`${row.padEnd(24)}${count('high').padStart(8)}${count('partial').padStart(9)}${count('decline').padStart(9)}`);
  }
  return lines;
}

/** Out-of-fold probability that the answer holds the asked fact, binned, against how often it did. */
export function reliabilityTable(results: readonly QuestionResult[]): string[] {
  const traced = results.filter((result) => result.verdict);
  const lines = [`${'probability'.padEnd(14)}${'n'.padStart(5)}${'mean p'.padStart(9)}${'held'.padStart(8)}`];
  for (let bin = 0; bin < 10; bin++) {
    const group = traced.filter((result) => Math.min(9, Math.floor(result.verdict!.probability * 10)) === bin);
    if (group.length === 0) continue;
    const mean = group.reduce((sum, result) => sum + result.verdict!.probability, 0) / group.length;
    const held = group.filter((result) => result.verdict!.composedHoldsGold).length / group.length;
    lines.push(
      `${`${(bin / 10).toFixed(1)}–${((bin + 1) / 10).toFixed(1)}`.padEnd(14)}${String(group.length).padStart(5)}${mean.toFixed(2).padStart(9)}${held.toFixed(2).padStart(8)}`,
    );
  }
  return lines;
}

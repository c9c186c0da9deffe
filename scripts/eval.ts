// npm run eval -- FILE.jsonl [--json] [--verbose] [--split tune|report]: scores the pipeline on
// evaluation questions. By default it reports all questions and both halves of the split
// (odd-numbered ids tune, even-numbered report).
import { readFile } from 'node:fs/promises';
import { type EvalReport, evaluate, parseEvalQuestions, type Split, splitOf, summarize } from './lib/eval/evaluate.js';
import { inProcessClient } from './lib/in-process-client.js';

const args = process.argv.slice(2);
const file = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--split');
const only = args.includes('--split') ? (args[args.indexOf('--split') + 1] as Split) : null;
if (!file || (only && only !== 'tune' && only !== 'report')) {
  console.error('Gebruik: npm run eval -- VRAGEN.jsonl [--json] [--verbose] [--split tune|report]');
  process.exit(2);
}
const client = await inProcessClient();
const questions = parseEvalQuestions(await readFile(file, 'utf8')).filter((question) => !only || splitOf(question.id) === only);
await client.ask('warm-up', 5); // the first call pays for lazy initialisation, not the figures
const report = await evaluate(questions, client);
const halves = (['tune', 'report'] as const).map((half): [Split, EvalReport] => [
  half,
  summarize(report.results.filter((result) => splitOf(result.id) === half)),
]);

if (args.includes('--json')) {
  console.log(JSON.stringify({ ...report, split: Object.fromEntries(halves.map(([half, figures]) => [half, { ...figures, results: undefined }])) }, null, 2));
} else {
  if (args.includes('--verbose')) {
    for (const r of report.results) {
      const mark = r.answerable ? `rank=${r.goldRank ?? '-'} gold-in-answer=${r.answerHasGold ? 'ja' : 'nee'}` : 'onbeantwoordbaar';
      console.log(`${r.id} [${splitOf(r.id)}] answered=${r.answered}${r.confidence === 'partial' ? ' (partial)' : ''} ${mark}  ${r.question}`);
    }
  }
  const columns: [string, EvalReport][] = only ? [[only, report]] : [['all', report], ...halves];
  const row = (label: string, value: (figures: EvalReport) => string) =>
    console.log(`${label.padEnd(26)}${columns.map(([, figures]) => value(figures).padStart(10)).join('')}`);
  const pct = (pick: (figures: EvalReport) => number) => (figures: EvalReport) => pick(figures).toFixed(3);
  console.log(`Modi: ${client.engine.modes.join(' + ')}  (${report.questions} vragen: ${report.answerable} beantwoordbaar, ${report.unanswerable} niet)`);
  console.log(`${''.padEnd(26)}${columns.map(([label]) => label.padStart(10)).join('')}`);
  row('questions', (figures) => `${figures.answerable}+${figures.unanswerable}`);
  row(
    'hit@1',
    pct((figures) => figures.hitAt1),
  );
  row(
    'hit@5',
    pct((figures) => figures.hitAt5),
  );
  row(
    'MRR@10',
    pct((figures) => figures.mrrAt10),
  );
  row(
    'answer-has-gold',
    pct((figures) => figures.answerHasGold),
  );
  row(
    'answered when answerable',
    pct((figures) => figures.answeredWhenAnswerable),
  );
  row(
    'answered (English)',
    pct((figures) => figures.answeredEnglish),
  );
  row(
    'refused when unanswerable',
    pct((figures) => figures.refusedWhenUnanswerable),
  );
  row(
    'citations verbatim',
    pct((figures) => figures.citationsVerbatim),
  );
  row('latency p50 (ms)', (figures) => figures.p50Ms.toFixed(1));
  row('latency p95 (ms)', (figures) => figures.p95Ms.toFixed(1));
}
await client.close();

// npm run eval -- FILE.jsonl [--json] [--verbose]: scores the pipeline on evaluation questions.
import { readFile } from 'node:fs/promises';
import { evaluate, parseEvalQuestions } from './lib/eval/evaluate.js';
import { inProcessClient } from './lib/in-process-client.js';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
if (!file) {
  console.error('Gebruik: npm run eval -- VRAGEN.jsonl [--json] [--verbose]');
  process.exit(2);
}
const client = await inProcessClient();
const questions = parseEvalQuestions(await readFile(file, 'utf8'));
await client.ask('warm-up', 5); // the first call pays for lazy initialisation, not the figures
const report = await evaluate(questions, client);

if (args.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const pct = (value: number) => value.toFixed(3);
  if (args.includes('--verbose')) {
    for (const r of report.results) {
      const mark = r.answerable ? `rank=${r.goldRank ?? '-'} gold-in-answer=${r.answerHasGold ? 'ja' : 'nee'}` : 'onbeantwoordbaar';
      console.log(`${r.id} answered=${r.answered} ${mark}  ${r.question}`);
    }
  }
  console.log(`Modi: ${client.engine.modes.join(' + ')}  (${report.questions} vragen: ${report.answerable} beantwoordbaar, ${report.unanswerable} niet)`);
  console.log(`hit@1                     ${pct(report.hitAt1)}`);
  console.log(`hit@5                     ${pct(report.hitAt5)}`);
  console.log(`MRR@10                    ${pct(report.mrrAt10)}`);
  console.log(`answer-has-gold           ${pct(report.answerHasGold)}`);
  console.log(`answered when answerable  ${pct(report.answeredWhenAnswerable)}`);
  console.log(`refused when unanswerable ${pct(report.refusedWhenUnanswerable)}`);
  console.log(`citations verbatim        ${pct(report.citationsVerbatim)}`);
  console.log(`latency p50 / p95         ${report.p50Ms.toFixed(1)} ms / ${report.p95Ms.toFixed(1)} ms`);
}

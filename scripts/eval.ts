// npm run eval -- [QUESTIONS.jsonl] [--cv] [--folds N] [--repeats N] [--json] [--verbose]: scores
// the pipeline on labelled questions (eval/dev.jsonl by default) over the configured index, through
// the real HTTP app. With --cv the figures are out of fold: folds by question (the model refitted
// per fold) and folds by document (fit on the other documents' questions); --repeats N also splits
// the questions into folds N − 1 more ways, and gives the verdict's training N − 1 other sets of
// inner splits (by document only the latter), and prints each figure's mean and range over them.
// Without --cv, the committed weights answer, and on the questions they were fitted to the figures
// say little.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { crossValidate } from './lib/eval/cross-validate.js';
import { evaluate, parseEvalQuestions, type QuestionResult, summarize } from './lib/eval/evaluate.js';
import { confusionTable, figuresTable, perKindTable, reliabilityTable, spreadTable } from './lib/eval/report.js';
import { inProcessClient } from './lib/in-process-client.js';
import { foldsByDocument, foldsByQuestion } from './lib/train/folds.js';
import { DEV_QUESTIONS_FILE, trainingRun, untrainedModel } from './lib/train/training-run.js';

const args = process.argv.slice(2);
const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const file = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--folds' && args[i - 1] !== '--repeats') ?? DEV_QUESTIONS_FILE;
const k = Number(value('--folds') ?? 10);
const repeats = Number(value('--repeats') ?? 1);
if (args.includes('--help') || !Number.isInteger(k) || k < 2 || !Number.isInteger(repeats) || repeats < 1) {
  console.log('Gebruik: npm run eval -- [VRAGEN.jsonl] [--cv] [--folds 10] [--repeats 1] [--json] [--verbose]');
  console.log('  --cv       kruisvalidatie: per vraag (--folds vouwen) en per document; elk cijfer van gewichten die de vraag nooit zagen');
  console.log('  --repeats  de vragen (en de training van het oordeel) op zoveel manieren verdeeld: gemiddelde, laagste en hoogste cijfer');
  process.exit(args.includes('--help') ? 0 : 2);
}

const cv = args.includes('--cv');
const client = await inProcessClient(cv ? untrainedModel() : undefined);
await client.ask('warm-up', 5); // the first call pays for lazy initialisation, not the figures
const mode = `Modi: ${client.engine.modes.join(' + ')}`;
const lines: string[] = [];
let json: unknown;

if (cv) {
  const run = await trainingRun(client.engine, file);
  const byQuestion = await crossValidate(run, foldsByQuestion(run.questions, k), client.env, client.warnings);
  const { folds, documents } = foldsByDocument(run.questions);
  const byDocument = await crossValidate(run, folds, client.env, client.warnings);
  // A repetition splits the questions into other outer folds and gives the verdict's training other
  // inner splits: both move a figure by a few questions. By document only the inner splits vary.
  const splits = [summarize(byQuestion)];
  const documentSplits = [summarize(byDocument)];
  for (let repetition = 1; repetition < repeats; repetition++) {
    splits.push(summarize(await crossValidate(run, foldsByQuestion(run.questions, k, repetition), client.env, client.warnings, repetition)));
    documentSplits.push(summarize(await crossValidate(run, folds, client.env, client.warnings, repetition)));
  }
  const figuresOf = (reports: typeof splits) => reports.map(({ results: _results, ...figures }) => figures);
  json = {
    byQuestion: splits[0],
    byDocument: { documents, ...documentSplits[0]! },
    ...(repeats > 1 ? { byQuestionRepeated: figuresOf(splits), byDocumentRepeated: figuresOf(documentSplits) } : {}),
  };
  if (args.includes('--verbose')) lines.push(...verbose(byQuestion), '');
  lines.push(`Per soort vraag (${k} vouwen per vraag):`, ...perKindTable(byQuestion), '');
  lines.push('Oordelen (vouwen per vraag):', ...confusionTable(byQuestion), '');
  lines.push('Betrouwbaarheid: kans dat het antwoord het gevraagde feit bevat, buiten de vouw:', ...reliabilityTable(byQuestion), '');
  if (repeats > 1) {
    lines.push(`Over ${repeats} verdelingen in ${k} vouwen per vraag (en van de training van het oordeel):`, ...spreadTable(splits), '');
    lines.push(`Over ${repeats} verdelingen van de training van het oordeel, per document:`, ...spreadTable(documentSplits), '');
  }
  lines.push(`${mode}  (${run.questions.length} vragen; buiten de vouw: ${k} vouwen per vraag, ${documents.length} per document)`);
  lines.push(
    ...figuresTable([
      [`per vraag`, summarize(byQuestion)],
      ['per document', summarize(byDocument)],
    ]),
  );
} else {
  const labels = await readFile(file, 'utf8');
  const report = await evaluate(parseEvalQuestions(labels), client);
  json = report;
  const fittedHere = createHash('sha256').update(labels).digest('hex') === client.engine.model.trainedOn.labels;
  if (args.includes('--verbose')) lines.push(...verbose(report.results), '');
  lines.push('Per soort vraag:', ...perKindTable(report.results), '');
  if (fittedHere) lines.push('Let op: de vastgelegde gewichten zijn op deze vragen gefit; eerlijke cijfers geeft --cv.');
  lines.push(`${mode}  (${report.questions} vragen: ${report.answerable} beantwoordbaar, ${report.unanswerable} niet)`);
  lines.push(...figuresTable([['all', report]]));
}
console.log(args.includes('--json') ? JSON.stringify(json, null, 2) : lines.join('\n'));
await client.close();

function verbose(results: readonly QuestionResult[]): string[] {
  return results.map((r) => {
    const verdict = !r.answered ? 'decline' : (r.confidence ?? 'high');
    const mark = r.answerable ? `rank=${r.goldRank ?? '-'} gold-in-answer=${r.answerHasGold ? 'ja' : 'nee'}` : 'onbeantwoordbaar';
    const trace = r.verdict ? ` p=${r.verdict.probability.toFixed(2)} a=${r.verdict.answerability.toFixed(2)} ${r.verdict.reason}` : '';
    return `${r.id} [${r.kind}] ${verdict}${trace} ${mark}  ${r.question}`;
  });
}

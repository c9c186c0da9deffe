// npm run feedback -- [--since YYYY-MM-DD] [--csv | --eval]: the 👍/👎 colleagues gave, from
// FEEDBACK_FILE (or PostgreSQL with STORE=postgres). Without a format, a readable list; --csv for a spreadsheet; --eval turns each 👎
// into a line for an evaluation file (npm run eval), to be completed with its gold quote.
import { readEnv } from '../api/env.js';
import { configuredStore } from '../api/store/configured.js';
import { feedbackAsCsv, feedbackAsEvalQuestions, feedbackAsText } from './lib/feedback-formats.js';

const args = process.argv.slice(2);
const sinceArg = args.includes('--since') ? args[args.indexOf('--since') + 1] : undefined;
const since = sinceArg ? new Date(sinceArg) : undefined;
if (since && Number.isNaN(since.getTime())) {
  console.error(`Gebruik: npm run feedback -- --since JJJJ-MM-DD [--csv | --eval] ("${sinceArg}" is geen datum)`);
  process.exit(2);
}
const env = readEnv();
const store = configuredStore(env);
const { entries, skipped } = await store.feedback.list(since);
await store.source.close();
if (skipped > 0) console.error(`${skipped} onleesbare beoordeling(en) overgeslagen.`);
if (args.includes('--csv')) process.stdout.write(feedbackAsCsv(entries));
else if (args.includes('--eval')) process.stdout.write(feedbackAsEvalQuestions(entries));
else process.stdout.write(feedbackAsText(entries));

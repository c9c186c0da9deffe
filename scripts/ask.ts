// npm run ask -- "vraag" [--json] [--k N] [--llm | --extractive]: prints an answer and its citations.
import { inProcessClient } from './lib/in-process-client.js';

const args = process.argv.slice(2);
const kIndex = args.indexOf('--k');
const k = kIndex === -1 ? 5 : Number(args[kIndex + 1]);
const question = args
  .filter((arg, i) => !arg.startsWith('--') && (kIndex === -1 || i !== kIndex + 1))
  .join(' ')
  .trim();
if (!question) {
  console.error('Gebruik: npm run ask -- "Wat is respijtzorg?" [--json] [--k 5] [--llm | --extractive]');
  process.exit(2);
}
const client = await inProcessClient();
for (const warning of client.warnings) console.warn(`⚠ ${warning}`);
const mode = args.includes('--llm') ? 'llm' : args.includes('--extractive') ? 'extractive' : undefined;
const response = await client.ask(question, k, mode);

if (args.includes('--json')) {
  console.log(JSON.stringify(response, null, 2));
} else {
  if (response.fallback) console.warn(`⚠ ${response.fallback.message}`);
  console.log(`\n${response.answer}\n`);
  for (const citation of response.citations) {
    console.log(
      `[${citation.n}] ${citation.title}${citation.section ? ` — ${citation.section}` : ''}${citation.attribution ? ` (${citation.attribution})` : ''}`,
    );
    console.log(`    “${citation.quote}”  (${citation.url})`);
  }
  if (!response.answered) {
    console.log('Dichtstbijzijnde passages:');
    for (const passage of response.passages)
      console.log(`  • ${passage.title}${passage.section ? ` — ${passage.section}` : ''}: ${passage.text.slice(0, 160).replace(/\s+/g, ' ')}…`);
  }
}
await client.close();

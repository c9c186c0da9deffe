// npm run bench [-- --requests N]: warm latency of POST /api/ask over loopback HTTP against the
// real server and the current index. Reports figures; asserts nothing (machines are noisy).
import { readEnv } from '../api/env.js';
import { startServer } from '../api/server.js';

const QUESTIONS = [
  'Wat is respijtzorg?',
  'Hoe kan de gemeente eenzaamheid onder ouderen aanpakken?',
  'Welke interventies zijn er voor mantelzorgondersteuning?',
  'Wat betekent sociale cohesie voor de gezondheid van bewoners?',
  'Waar vind ik cijfers over veiligheid in mijn gemeente?',
  'Wat is een grijs budget?',
  'What does the report say about poverty?',
  'Wat is de hoofdstad van Australië?',
  'Hoe betrek ik jongeren bij de inrichting van ontmoetingsplekken?',
  'Welke rol spelen buurtsportcoaches?',
];

const args = process.argv.slice(2);
const requests = Number(args[args.indexOf('--requests') + 1]) || 400;
const server = await startServer({ ...readEnv(), PORT: Number(process.env.BENCH_PORT ?? 18787), HOST: '127.0.0.1' });
const ask = async (question: string) => {
  const response = await fetch(`${server.url}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  await response.json();
};

for (const question of QUESTIONS) await ask(question); // warm-up: lazy loading, JIT
const latencies: number[] = [];
const started = performance.now();
for (let i = 0; i < requests; i++) {
  const t = performance.now();
  await ask(QUESTIONS[i % QUESTIONS.length]!);
  latencies.push(performance.now() - t);
}
const seconds = (performance.now() - started) / 1000;
await server.close();

latencies.sort((a, b) => a - b);
const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]!.toFixed(1);
console.log(`POST /api/ask, ${requests} sequential requests over loopback, ${QUESTIONS.length} distinct questions`);
console.log(`p50 ${at(0.5)} ms · p95 ${at(0.95)} ms · p99 ${at(0.99)} ms · max ${latencies.at(-1)!.toFixed(1)} ms · ${(requests / seconds).toFixed(0)} req/s`);

// npm run load [-- --connections 50] [--seconds 30] [--json]: a load and fault test on loopback.
// Builds the bundled corpus into a temporary index, starts the server in a child process, and
// keeps N connections asking for the given time, for /api/ask and /api/ask/stream: first as
// configured by default (extractive), then with a language model that never answers, so the
// timeouts, the concurrency limit and the circuit breaker are what is measured. Reports
// requests per second, p50/p95/p99 of the served requests, errors, and how fast the ones shed
// past MAX_IN_FLIGHT were turned away; asserts nothing.

import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildInChild, percentiles, serveInChild } from './lib/child-processes.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const connections = option('--connections', 50);
const seconds = option('--seconds', 30);
const QUESTIONS = [
  'Wat is respijtzorg?',
  'Hoe kan de gemeente eenzaamheid onder ouderen aanpakken?',
  'Welke rol spelen buurtsportcoaches?',
  'Wat is de hoofdstad van Australië?',
];

interface Figures {
  requests: number;
  requestsPerSecond: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  /** What the errors were (HTTP status or the failure), counted. */
  errorKinds?: Record<string, number>;
  /** Requests turned away past MAX_IN_FLIGHT (503 overloaded), and how long that took. */
  shed?: { requests: number; p50: number; p95: number; p99: number };
  /** Requests after the first fallback "circuit_open": the breaker had opened. */
  afterBreakerOpened?: { requests: number; p50: number; p95: number; p99: number };
  fallbacks?: Record<string, number>;
}

async function drive(url: string, path: '/api/ask' | '/api/ask/stream'): Promise<Figures> {
  const latencies: number[] = [];
  const afterOpen: number[] = [];
  const shed: number[] = [];
  const fallbacks: Record<string, number> = {};
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  const failed = (kind: string) => {
    errors++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  let asked = 0;
  let breakerOpenedAt: number | null = null;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const question = QUESTIONS[asked++ % QUESTIONS.length]!;
        const started = performance.now();
        try {
          const response = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
          const text = await response.text();
          const elapsed = performance.now() - started;
          if (!response.ok) {
            if (response.status === 503 && text.includes('"overloaded"')) shed.push(elapsed);
            failed(`HTTP ${response.status}`);
            continue;
          }
          latencies.push(elapsed);
          const reason = /"fallback":\{"reason":"([a-z_]+)"/.exec(text)?.[1];
          if (reason) fallbacks[reason] = (fallbacks[reason] ?? 0) + 1;
          if (reason === 'circuit_open') breakerOpenedAt ??= started;
          if (breakerOpenedAt !== null && started >= breakerOpenedAt) afterOpen.push(elapsed);
        } catch (error) {
          failed(String((error as { cause?: { code?: string } })?.cause?.code ?? (error instanceof Error ? error.message : error)));
        }
      }
    }),
  );
  return {
    requests: latencies.length + errors,
    requestsPerSecond: Math.round((latencies.length + errors) / seconds),
    errors,
    ...percentiles(latencies),
    ...(Object.keys(fallbacks).length ? { fallbacks } : {}),
    ...(errors ? { errorKinds } : {}),
    ...(shed.length ? { shed: { requests: shed.length, ...percentiles(shed) } } : {}),
    ...(afterOpen.length ? { afterBreakerOpened: { requests: afterOpen.length, ...percentiles(afterOpen) } } : {}),
  };
}

const work = await mkdtemp(join(tmpdir(), 'bronwijzer-load-'));
const hangingModel = createServer(() => {}); // accepts every request and never answers
const children: ChildProcess[] = [];
try {
  const env = {
    ...process.env,
    CORPUS_DIR: resolve('corpus'),
    INDEX_DIR: join(work, 'index'),
    WEB_ROOT: join(work, 'no-web'),
    HOST: '127.0.0.1', // loopback only
    ALLOW_MODEL_DOWNLOAD: 'false',
    RATE_LIMIT_PER_MINUTE: '0',
  };
  await buildInChild(env);
  await new Promise<void>((done) => hangingModel.listen(0, '127.0.0.1', done));
  const modelPort = (hangingModel.address() as { port: number }).port;
  const results: Record<string, Figures> = {};

  const plain = await serveInChild({ ...env, PORT: String(20000 + Math.floor(Math.random() * 20000)) });
  children.push(plain.child);
  for (const path of ['/api/ask', '/api/ask/stream'] as const) {
    console.error(`${path}, extractief: ${connections} verbindingen, ${seconds} s …`);
    results[`${path} (extractive)`] = await drive(plain.url, path);
  }

  const hanging = await serveInChild({
    ...env,
    PORT: String(20000 + Math.floor(Math.random() * 20000)),
    LLM_BASE_URL: `http://127.0.0.1:${modelPort}/v1`,
    LLM_MODEL: 'hangt',
    ANSWER_MODE: 'llm',
    LLM_TIMEOUT_MS: '5000',
  });
  children.push(hanging.child);
  for (const path of ['/api/ask', '/api/ask/stream'] as const) {
    console.error(`${path}, taalmodel dat niet antwoordt: ${connections} verbindingen, ${seconds} s …`);
    results[`${path} (hanging model)`] = await drive(hanging.url, path);
  }

  if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else
    for (const [name, f] of Object.entries(results)) {
      console.log(`\n${name}: ${f.requests} requests, ${f.requestsPerSecond} req/s, ${f.errors} errors; p50 ${f.p50} ms · p95 ${f.p95} ms · p99 ${f.p99} ms`);
      if (f.errorKinds)
        console.log(
          `  errors: ${Object.entries(f.errorKinds)
            .map(([kind, n]) => `${kind} ${n}`)
            .join(', ')}`,
        );
      if (f.fallbacks)
        console.log(
          `  fallbacks: ${Object.entries(f.fallbacks)
            .map(([reason, n]) => `${reason} ${n}`)
            .join(', ')}`,
        );
      if (f.shed) console.log(`  shed (503 overloaded): ${f.shed.requests} requests; p50 ${f.shed.p50} ms · p95 ${f.shed.p95} ms · p99 ${f.shed.p99} ms`);
      if (f.afterBreakerOpened) {
        const a = f.afterBreakerOpened;
        console.log(`  once the breaker was open: ${a.requests} requests; p50 ${a.p50} ms · p95 ${a.p95} ms · p99 ${a.p99} ms`);
      }
    }
} finally {
  for (const child of children) child.kill('SIGTERM');
  hangingModel.closeAllConnections();
  hangingModel.close();
  await rm(work, { recursive: true, force: true });
}

// One corpus through the benchmark: build, serve, ask, change a document, rebuild, reload.
import { cp, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IndexManifest } from '../../api/contract.js';
import { buildInChild, memoryOf, percentiles, serveInChild } from './child-processes.js';

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

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
}

export interface CorpusFigures {
  build: {
    seconds: number;
    documents: number;
    passages: number;
    tokens: number;
    tokensPerSecond: number;
    stageSeconds: Record<string, number>;
    peakRssMb: number;
    skipped: number;
  };
  indexMb: number;
  server: { startSeconds: number; rssMbAfterStart: number; peakRssMb: number; peakRssMbWithReload: number };
  /** Repeated questions (a colleague's usual questions: the question embedding is cached), new questions, and concurrent clients. */
  ask: {
    sequential: Latency;
    newQuestions: Latency;
    concurrent: Latency & { clients: number };
    oneCollection?: { all: Latency; one: Latency; collection: string };
    /** The assistant and a plain BM25 top 10 over the same passages (plain-bm25.ts), asked in turns. */
    plainBm25?: { ours: Latency; plain: Latency };
  };
  incremental: { changed: string; buildSeconds: number; processed: number; liveAfterSeconds: number };
  modes: string[];
}

export interface BenchOptions {
  corpus: string;
  indexDir: string;
  requests: number;
  concurrency: number;
  env: Record<string, string>;
  changeOneDocument(): Promise<string>;
  /** Bytes the index takes where it is kept; the embedded index's folder when absent. */
  indexBytes?: () => Promise<number>;
  /** Also ask limited to this collection, in turns with unrestricted questions. */
  oneCollection?: string;
  /** Time the plain BM25 baseline beside the assistant (embedded store only: it reads the index files). */
  plainBaseline?: boolean;
}

/** The environment of a benchmark's build and server children for one corpus and index. */
export function childEnv(env: Record<string, string>, corpus: string, indexDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...env,
    CORPUS_DIR: corpus,
    INDEX_DIR: indexDir,
    PORT: String(20000 + Math.floor(Math.random() * 20000)),
    HOST: '127.0.0.1',
    WEB_ROOT: join(indexDir, 'no-web'),
    LOG_LEVEL: 'silent', // the children report on stdout
  };
}

/** `source` copied to `target`, or `copies` times over into kopie-1 … kopie-N below it: a larger collection of the same kind. */
export async function copyCorpus(source: string, target: string, copies = 1): Promise<void> {
  for (let copy = 1; copy <= copies; copy++) await cp(source, copies === 1 ? target : join(target, `kopie-${copy}`), { recursive: true, dereference: true });
}

export async function benchCorpus(options: BenchOptions): Promise<CorpusFigures> {
  const env = childEnv(options.env, options.corpus, options.indexDir);
  const build = await runBuildChild(env);
  const indexMb = (await (options.indexBytes ?? (() => folderBytes(join(options.indexDir, 'current'))))()) / 1e6;

  const started = performance.now();
  const { child: server, url } = await serveInChild(env);
  try {
    const startSeconds = (performance.now() - started) / 1000;
    const rssMbAfterStart = memoryOf(server).rss;
    const ask = asker(url);
    await warmUp(ask); // lazy loading, JIT
    const sequential = await measure(options.requests, 1, ask);
    let asked = 0; // every question new: "… (vraag 17)" is embedded afresh
    const newQuestions = await measure(Math.min(options.requests, 200), 1, (question) => ask(`${question} (vraag ${++asked})`));
    const concurrent = await measure(options.requests, options.concurrency, ask);
    const one = options.oneCollection;
    const oneCollection = one
      ? { ...pair(['all', 'one'], await inTurns(options.requests, ask, (question) => ask(question, [one]))), collection: one }
      : undefined;
    const plainBm25 = options.plainBaseline ? pair(['ours', 'plain'], await againstPlainBm25(env, options.requests, ask)) : undefined;
    const peakRssMb = memoryOf(server).peak;

    const changed = await options.changeOneDocument();
    const before = ((await (await fetch(`${url}/health`)).json()) as { manifest: IndexManifest }).manifest.builtAt;
    const rebuildStarted = performance.now();
    const rebuild = await runBuildChild(env);
    while (((await (await fetch(`${url}/health`)).json()) as { manifest: IndexManifest }).manifest.builtAt === before)
      await new Promise((done) => setTimeout(done, 20));
    const liveAfterSeconds = (performance.now() - rebuildStarted) / 1000;
    await ask(QUESTIONS[0]!);
    return {
      build,
      indexMb: round(indexMb),
      server: {
        startSeconds: round(startSeconds),
        rssMbAfterStart: round(rssMbAfterStart),
        peakRssMb: round(peakRssMb),
        peakRssMbWithReload: round(memoryOf(server).peak),
      },
      ask: {
        sequential,
        newQuestions,
        concurrent: { ...concurrent, clients: options.concurrency },
        ...(oneCollection ? { oneCollection } : {}),
        ...(plainBm25 ? { plainBm25 } : {}),
      },
      incremental: { changed, buildSeconds: rebuild.seconds, processed: rebuild.processed, liveAfterSeconds: round(liveAfterSeconds) },
      modes: rebuild.modes,
    };
  } finally {
    server.kill('SIGTERM');
  }
}

/** Asks a server's POST /api/ask (optionally limited to collections) and reads the whole answer. */
export function asker(url: string): (question: string, collections?: string[]) => Promise<void> {
  return async (question, collections) => {
    const body = JSON.stringify({ question, ...(collections ? { collections } : {}) });
    const response = await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    await response.json();
  };
}

/** Every benchmark question once, so lazy loading and the JIT are paid for before timing. */
export async function warmUp(ask: Ask): Promise<void> {
  for (const question of QUESTIONS) await ask(question);
}

async function runBuildChild(env: NodeJS.ProcessEnv) {
  const { manifest, maxRssMb } = await buildInChild(env);
  return {
    seconds: manifest.buildSeconds,
    documents: manifest.counts.documents,
    passages: manifest.counts.chunks,
    tokens: manifest.counts.tokens,
    tokensPerSecond: Math.round(manifest.counts.tokens / Math.max(0.001, manifest.buildSeconds)),
    stageSeconds: manifest.stageSeconds,
    peakRssMb: round(maxRssMb),
    skipped: manifest.skipped.length,
    processed: manifest.processed,
    modes: manifest.modes,
  };
}

async function measure(total: number, clients: number, ask: (question: string) => Promise<void>): Promise<Latency> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const question = QUESTIONS[next++ % QUESTIONS.length]!;
        const t = performance.now();
        await ask(question);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { ...percentiles(latencies), requestsPerSecond: Math.round(total / seconds) };
}

export type Ask = (question: string) => Promise<void>;

/** The same questions asked both ways, one after the other (first one way, then the other first), so both see the same machine. */
export async function inTurns(total: number, first: Ask, second: Ask): Promise<[Latency, Latency]> {
  const times: [number[], number[]] = [[], []];
  const asks = [first, second] as const;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const question = QUESTIONS[i % QUESTIONS.length]!;
    for (const which of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const t = performance.now();
      await asks[which]!(question);
      times[which]!.push(performance.now() - t);
    }
  }
  const perSecond = Math.round(total / ((performance.now() - started) / 2000));
  return [
    { ...percentiles(times[0]), requestsPerSecond: perSecond },
    { ...percentiles(times[1]), requestsPerSecond: perSecond },
  ];
}

function pair<A extends string, B extends string>([a, b]: [A, B], [first, second]: [Latency, Latency]): Record<A | B, Latency> {
  return { [a]: first, [b]: second } as Record<A | B, Latency>;
}

/** The plain BM25 baseline over the same index, in a child of its own, asked in turns with the assistant. */
async function againstPlainBm25(env: NodeJS.ProcessEnv, total: number, ours: Ask): Promise<[Latency, Latency]> {
  const { child, url } = await serveInChild(env, 'plain');
  try {
    const plain = asker(url);
    await warmUp(plain);
    return await inTurns(total, ours, plain);
  } finally {
    child.kill('SIGTERM');
  }
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export function formatFigures(name: string, f: CorpusFigures): string {
  const stages = Object.entries(f.build.stageSeconds)
    .map(([stage, seconds]) => `${stage} ${seconds} s${seconds > 0 ? ` (${Math.round(f.build.tokens / seconds)} tokens/s)` : ''}`)
    .join(', ');
  const latency = (l: Latency) => `p50 ${l.p50} ms · p95 ${l.p95} ms · p99 ${l.p99} ms · ${l.requestsPerSecond} req/s`;
  return [
    `\n${name} (${f.modes.join(' + ')})`,
    `  build          ${f.build.seconds} s for ${f.build.documents} documents, ${f.build.passages} passages, ${f.build.tokens} tokens (${f.build.tokensPerSecond} tokens/s); peak RSS ${f.build.peakRssMb} MB; ${f.build.skipped} skipped`,
    `  stages         ${stages}`,
    `  index          ${f.indexMb} MB where it is kept`,
    `  server         started in ${f.server.startSeconds} s; RSS ${f.server.rssMbAfterStart} MB after start, peak ${f.server.peakRssMb} MB under load, ${f.server.peakRssMbWithReload} MB when a new index was loaded beside the old`,
    `  /api/ask       sequential: ${latency(f.ask.sequential)}`,
    `                 new questions: ${latency(f.ask.newQuestions)}`,
    `                 ${f.ask.concurrent.clients} clients: ${latency(f.ask.concurrent)}`,
    ...(f.ask.oneCollection
      ? [
          `                 in turns, all collections: ${latency(f.ask.oneCollection.all)}; only "${f.ask.oneCollection.collection}": ${latency(f.ask.oneCollection.one)}`,
        ]
      : []),
    ...(f.ask.plainBm25
      ? [
          `                 in turns with a plain BM25 top 10 (Orama) over the same passages: ours ${latency(f.ask.plainBm25.ours)}; plain ${latency(f.ask.plainBm25.plain)}`,
        ]
      : []),
    `  incremental    ${f.incremental.buildSeconds} s to rebuild after changing ${f.incremental.changed} (${f.incremental.processed} document processed); answering from it after ${f.incremental.liveAfterSeconds} s`,
  ].join('\n');
}

// A corpus and N copies of it, built and served side by side and asked the same questions in
// turns: what a question costs in a collection N times larger, on the same machine at the same
// moment (noise that separate runs would add is shared).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asker, inTurns, type Latency, warmUp } from './bench-run.js';
import { buildInChild, serveInChild } from './child-processes.js';

export interface SideBySideFigures {
  copies: number;
  passages: [number, number];
  one: Latency;
  many: Latency;
}

export async function benchSideBySide(source: string, copies: number, requests: number, env: Record<string, string>): Promise<SideBySideFigures> {
  const work = await mkdtemp(join(tmpdir(), 'bronwijzer-bench-copies-'));
  const children: { kill(signal: NodeJS.Signals): boolean }[] = [];
  try {
    const served = [];
    for (const [name, count] of [
      ['one', 1],
      ['many', copies],
    ] as const) {
      const corpus = join(work, name, 'corpus');
      for (let copy = 1; copy <= count; copy++) await cp(source, count === 1 ? corpus : join(corpus, `kopie-${copy}`), { recursive: true, dereference: true });
      const childEnv = {
        ...process.env,
        ...env,
        CORPUS_DIR: corpus,
        INDEX_DIR: join(work, name, 'index'),
        PORT: String(20000 + Math.floor(Math.random() * 20000)),
        HOST: '127.0.0.1',
        WEB_ROOT: join(work, 'no-web'),
        LOG_LEVEL: 'silent',
      };
      const { manifest } = await buildInChild(childEnv);
      const { child, url } = await serveInChild(childEnv);
      children.push(child);
      served.push({ passages: manifest.counts.chunks, ask: asker(url) });
    }
    const [one, many] = served as [(typeof served)[number], (typeof served)[number]];
    await warmUp(one.ask);
    await warmUp(many.ask);
    const [oneLatency, manyLatency] = await inTurns(requests, one.ask, many.ask);
    return { copies, passages: [one.passages, many.passages], one: oneLatency, many: manyLatency };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await rm(work, { recursive: true, force: true });
  }
}

export function formatSideBySide({ copies, passages, one, many }: SideBySideFigures): string {
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
  return [
    `\nZij aan zij, in beurten: 1 kopie (${passages[0]} passages) en ${copies} kopieën (${passages[1]} passages)`,
    `  1 kopie        p50 ${one.p50} ms · p95 ${one.p95} ms · p99 ${one.p99} ms`,
    `  ${copies} kopieën     p50 ${many.p50} ms · p95 ${many.p95} ms · p99 ${many.p99} ms`,
    `  verhouding     p50 ${ratio(many.p50, one.p50)}× · p95 ${ratio(many.p95, one.p95)}×`,
  ].join('\n');
}

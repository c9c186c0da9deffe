// A corpus and N copies of it, built and served side by side and asked the same questions in
// turns: what a question costs in a collection N times larger, on the same machine at the same
// moment (noise that separate runs would add is shared).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asker, childEnv, copyCorpus, inTurns, type Latency, warmUp } from './bench-run.js';
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
    const servers = [];
    for (const [name, count] of [
      ['one', 1],
      ['many', copies],
    ] as const) {
      const corpus = join(work, name, 'corpus');
      await copyCorpus(source, corpus, count);
      const served = childEnv(env, corpus, join(work, name, 'index'));
      const { manifest } = await buildInChild(served);
      const { child, url } = await serveInChild(served);
      children.push(child);
      servers.push({ passages: manifest.counts.chunks, ask: asker(url) });
    }
    const [one, many] = servers as [(typeof servers)[number], (typeof servers)[number]];
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

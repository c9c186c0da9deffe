// The build and the server as child processes of the benchmark and load tools, each with its
// own memory to measure (scripts/lib/bench-child.ts runs inside them).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { IndexManifest } from '../../api/contract.js';

const CHILD = join(import.meta.dirname, 'bench-child.ts');
const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
/** The child runs TypeScript through tsx, whether or not this process was started with it. */
const TSX = ['--import', 'tsx'];

export async function buildInChild(env: NodeJS.ProcessEnv): Promise<{ manifest: IndexManifest; maxRssMb: number }> {
  const child = spawn(process.execPath, [...TSX, CHILD, 'build'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return (await firstJsonLine(child)) as { manifest: IndexManifest; maxRssMb: number };
}

/** `role`: the assistant's server, or the plain BM25 baseline over its index (plain-bm25.ts). */
export async function serveInChild(env: NodeJS.ProcessEnv, role: 'serve' | 'plain' = 'serve'): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...TSX, CHILD, role], {
    cwd: PROJECT_ROOT,
    env: { ...env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { url } = (await firstJsonLine(child)) as { url: string };
  return { child, url };
}

function firstJsonLine(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line));
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code} before reporting`)));
  });
}

/** Resident and peak resident memory of a running child, from /proc (Linux). */
export function memoryOf(child: ChildProcess): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Latency percentiles of `latencies` (milliseconds), rounded to 0.1 ms. */
export function percentiles(latencies: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

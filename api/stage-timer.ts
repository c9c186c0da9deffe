// Adds up the seconds a build spends in each stage, across all documents, for the manifest and
// the benchmark.
export type TimedStage = 'read' | 'clean' | 'chunk' | 'analyse' | 'embed' | 'index' | 'write';

export interface StageTimer {
  time<T>(stage: TimedStage, work: () => T): T;
  seconds(): Record<TimedStage, number>;
}

export function createStageTimer(): StageTimer {
  const totals: Record<TimedStage, number> = { read: 0, clean: 0, chunk: 0, analyse: 0, embed: 0, index: 0, write: 0 };
  return {
    time(stage, work) {
      const started = performance.now();
      const add = () => {
        totals[stage] += (performance.now() - started) / 1000;
      };
      const result = work();
      if (result instanceof Promise) return result.finally(add) as typeof result;
      add();
      return result;
    },
    seconds: () => Object.fromEntries(Object.entries(totals).map(([stage, seconds]) => [stage, Math.round(seconds * 100) / 100])) as Record<TimedStage, number>,
  };
}

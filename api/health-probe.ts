// Whether the assistant can answer right now, found out the only reliable way: by asking. A real
// question goes through the live engine (its store, its retrieval, its catalogue) at most every
// few seconds, so /health says 503 when answers would fail, whatever the loaded index claims: a
// PostgreSQL that came back empty, a store that stopped answering.
import { wholeIndex } from './access/scope.js';
import type { Engine } from './engine.js';

/** How long a probe's answer stands: /health is polled often, a question costs milliseconds. */
export const PROBE_EVERY_MS = 5_000;
/** A question any index can be asked; what it finds does not matter, only that it is answered. */
const PROBE_QUESTION = 'Wat doet de gemeente?';

export interface ProbeResult {
  ok: boolean;
  at: string;
  problem: string | null;
}

export function healthProbe(engine: () => Engine | null, { everyMs = PROBE_EVERY_MS, now = Date.now } = {}) {
  let last: { result: ProbeResult; engine: Engine | null; checkedAt: number } | null = null;
  let running: Promise<ProbeResult> | null = null;

  async function probe(current: Engine): Promise<ProbeResult> {
    const at = new Date(now()).toISOString();
    try {
      const scope = wholeIndex(current.manifest.collections);
      await current.retriever.retrieve(PROBE_QUESTION, 1, scope);
      await current.catalog.listDocuments(scope);
      return { ok: true, at, problem: null };
    } catch (error) {
      return { ok: false, at, problem: error instanceof Error ? error.message : String(error) };
    }
  }

  return async function check(): Promise<ProbeResult | null> {
    const current = engine();
    if (!current) return null;
    if (last && last.engine === current && now() - last.checkedAt < everyMs) return last.result;
    running ??= probe(current).then((result) => {
      last = { result, engine: current, checkedAt: now() };
      running = null;
      return result;
    });
    return running;
  };
}

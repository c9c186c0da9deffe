// Keeps a slow or failing language model from stalling everyone. At most `maxConcurrent` calls
// run at once (one more is turned away at once, and answered extractively); after
// `failureThreshold` failures in a row the breaker opens and every call is turned away at once,
// until `cooldownMs` has passed and one trial call may go through: if it succeeds the breaker
// closes, if not it opens again. A call a client walked away from does not count as a failure.
import { type ChatClient, type ChatOptions, LlmError, type LlmFailure } from './chat-completions.js';

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface GuardSettings {
  maxConcurrent: number;
  failureThreshold: number;
  cooldownMs: number;
  /** For tests: the clock. */
  now?: () => number;
}

export interface GuardedChatClient extends ChatClient {
  state(): BreakerState;
}

/** Failures that say the model is not there or not coping; a malformed answer is the model's content, not its health. */
const COUNTS_AS_FAILURE: ReadonlySet<LlmFailure> = new Set(['timeout', 'unreachable', 'upstream_error', 'rate_limited']);

export function guardChatClient(client: ChatClient, { maxConcurrent, failureThreshold, cooldownMs, now = Date.now }: GuardSettings): GuardedChatClient {
  let active = 0;
  let failures = 0;
  let openedAt: number | null = null;
  let trialRunning = false;

  const state = (): BreakerState => {
    if (openedAt === null) return 'closed';
    return now() - openedAt >= cooldownMs ? 'half_open' : 'open';
  };

  /** Takes a slot, or says why not. The release records how the call went. */
  const admit = (signal?: AbortSignal): ((outcome: 'success' | 'failure' | 'neutral') => void) => {
    // A request whose deadline already passed (its rewrite used it up) does not call at all, nor count again.
    if (signal?.aborted) throw new LlmError('timeout', 'De tijd voor het taalmodel was al op.');
    const current = state();
    if (current === 'open' || (current === 'half_open' && trialRunning)) {
      throw new LlmError('circuit_open', 'Het taalmodel faalde herhaaldelijk; het wordt even niet gebruikt.');
    }
    if (active >= maxConcurrent) throw new LlmError('busy', `Er lopen al ${maxConcurrent} vragen aan het taalmodel.`);
    const trial = current === 'half_open';
    if (trial) trialRunning = true;
    active++;
    let released = false;
    return (outcome) => {
      if (released) return;
      released = true;
      active--;
      if (trial) trialRunning = false;
      if (outcome === 'success') {
        failures = 0;
        openedAt = null;
      } else if (outcome === 'failure') {
        failures++;
        if (trial || failures >= failureThreshold) openedAt = now();
      }
    };
  };

  const outcomeOf = (error: unknown) => (error instanceof LlmError && COUNTS_AS_FAILURE.has(error.reason) ? 'failure' : 'neutral');

  return {
    model: client.model,
    state,
    async complete(messages, options?: ChatOptions) {
      const release = admit(options?.signal);
      try {
        const content = await client.complete(messages, options);
        release('success');
        return content;
      } catch (error) {
        release(outcomeOf(error));
        throw error;
      }
    },
    async *stream(messages, options?: ChatOptions) {
      const release = admit(options?.signal);
      try {
        yield* client.stream(messages, options);
        release('success');
      } catch (error) {
        release(outcomeOf(error));
        throw error;
      } finally {
        release('neutral'); // a consumer that stopped reading early
      }
    },
  };
}

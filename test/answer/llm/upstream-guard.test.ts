import { describe, expect, it } from 'vitest';
import { type ChatClient, LlmError } from '../../../api/answer/llm/chat-completions.js';
import { guardChatClient } from '../../../api/answer/llm/upstream-guard.js';

/** A model whose next answers the test decides: a text, or a failure. */
function scriptedModel() {
  const outcomes: (string | LlmError | Promise<string>)[] = [];
  let calls = 0;
  const next = async () => {
    calls++;
    const outcome = outcomes.shift() ?? 'antwoord';
    if (outcome instanceof LlmError) throw outcome;
    return outcome;
  };
  const client: ChatClient = {
    model: 'script',
    complete: () => next(),
    async *stream() {
      yield await next();
    },
  };
  return { client, outcomes, calls: () => calls };
}

const timeout = () => new LlmError('timeout', 'te laat');

describe('the upstream guard', () => {
  it('opens after repeated failures, answers at once while open, and tries again after the cool-down', async () => {
    let now = 0;
    const model = scriptedModel();
    const guarded = guardChatClient(model.client, { maxConcurrent: 4, failureThreshold: 3, cooldownMs: 30_000, now: () => now });
    model.outcomes.push(timeout(), timeout(), timeout());
    for (let i = 0; i < 3; i++) await expect(guarded.complete([])).rejects.toMatchObject({ reason: 'timeout' });
    expect(guarded.state()).toBe('open');

    await expect(guarded.complete([])).rejects.toMatchObject({ reason: 'circuit_open' });
    expect(model.calls()).toBe(3); // the open breaker did not call the model

    now += 30_000;
    expect(guarded.state()).toBe('half_open');
    model.outcomes.push(timeout());
    await expect(guarded.complete([])).rejects.toMatchObject({ reason: 'timeout' });
    expect(guarded.state()).toBe('open'); // the trial failed: open again at once

    now += 30_000;
    expect(await guarded.complete([])).toBe('antwoord');
    expect(guarded.state()).toBe('closed');
  });

  it('lets one trial call through while half open', async () => {
    let now = 0;
    const model = scriptedModel();
    const guarded = guardChatClient(model.client, { maxConcurrent: 4, failureThreshold: 1, cooldownMs: 1000, now: () => now });
    model.outcomes.push(timeout());
    await expect(guarded.complete([])).rejects.toThrow();
    now += 1000;
    let finish: (text: string) => void = () => {};
    model.outcomes.push(new Promise<string>((resolve) => (finish = resolve)));
    const trial = guarded.complete([]);
    await expect(guarded.complete([])).rejects.toMatchObject({ reason: 'circuit_open' });
    finish('weer goed');
    expect(await trial).toBe('weer goed');
    expect(guarded.state()).toBe('closed');
  });

  it('turns away calls beyond the concurrency limit at once', async () => {
    const model = scriptedModel();
    const guarded = guardChatClient(model.client, { maxConcurrent: 1, failureThreshold: 3, cooldownMs: 1000 });
    let finish: (text: string) => void = () => {};
    model.outcomes.push(new Promise<string>((resolve) => (finish = resolve)));
    const first = guarded.complete([]);
    await expect(guarded.complete([])).rejects.toMatchObject({ reason: 'busy' });
    finish('klaar');
    await first;
    expect(await guarded.complete([])).toBe('antwoord'); // the slot is free again
  });

  it('does not count a malformed answer or a client that went away as the model failing', async () => {
    const model = scriptedModel();
    const guarded = guardChatClient(model.client, { maxConcurrent: 4, failureThreshold: 2, cooldownMs: 1000 });
    model.outcomes.push(new LlmError('invalid_response', 'onzin'), new LlmError('cancelled', 'weg'), new LlmError('invalid_response', 'onzin'));
    for (let i = 0; i < 3; i++) await expect(guarded.complete([])).rejects.toThrow();
    expect(guarded.state()).toBe('closed');
  });

  it('does not call at all once the request has no time left', async () => {
    const model = scriptedModel();
    const guarded = guardChatClient(model.client, { maxConcurrent: 4, failureThreshold: 1, cooldownMs: 1000 });
    await expect(guarded.complete([], { signal: AbortSignal.abort() })).rejects.toMatchObject({ reason: 'timeout' });
    expect(model.calls()).toBe(0);
    expect(guarded.state()).toBe('closed');
  });

  it('frees the slot of a stream whose reader stopped early', async () => {
    const model = scriptedModel();
    const guarded = guardChatClient(model.client, { maxConcurrent: 1, failureThreshold: 3, cooldownMs: 1000 });
    for await (const _ of guarded.stream([])) break;
    expect(await guarded.complete([])).toBe('antwoord');
  });
});

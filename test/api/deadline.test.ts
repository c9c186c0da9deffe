import { describe, expect, it } from 'vitest';
import { deadline } from '../../api/deadline.js';

describe('deadline', () => {
  it('aborts with a TimeoutError when its time is up', async () => {
    const { signal } = deadline(20);
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('aborts with the reason of the signal it follows, at once when that one already has', () => {
    const outer = new AbortController();
    const { signal } = deadline(10_000, outer.signal);
    outer.abort('weg');
    expect(signal.reason).toBe('weg');
    expect(deadline(10_000, AbortSignal.abort('al weg')).signal.reason).toBe('al weg');
  });

  it('stops after dispose', async () => {
    const { signal, dispose } = deadline(20);
    dispose();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(signal.aborted).toBe(false);
  });
});

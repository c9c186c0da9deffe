// A signal that aborts when a time limit passes (reason: a "TimeoutError") or when another
// signal does (its reason), whichever comes first. Node's AbortSignal.any() over
// AbortSignal.timeout() holds the timeout signal only weakly: under load it was garbage-collected
// before it fired, and a streamed answer waited for a hanging model forever (seen with
// npm run load, about one request in 7,000). Here the timer holds the controller until dispose().
export interface Deadline {
  signal: AbortSignal;
  /** Stops the timer and the listener; call when the work is done. */
  dispose(): void;
}

export function deadline(ms: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(outer?.reason);
  const timer = setTimeout(() => controller.abort(new DOMException(`No answer within ${ms} ms`, 'TimeoutError')), ms);
  timer.unref?.(); // a pending deadline does not keep a finished process alive
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}

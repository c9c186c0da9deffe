// Refuses a request at once, with 503 and Retry-After, when this many are already being answered:
// under a flood a colleague gets a clear "try again in a moment" instead of waiting seconds in a
// queue, and the requests that are served stay fast.
import type { MiddlewareHandler } from 'hono';
import { errorBody } from '../errors.js';
import { messages } from '../messages.js';

export function shedLoad(maxInFlight: number): MiddlewareHandler {
  let inFlight = 0;
  return async function limitInFlight(c, next) {
    if (inFlight >= maxInFlight) {
      c.header('Retry-After', '1');
      return c.json(errorBody('overloaded', messages.overloaded), 503);
    }
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  };
}

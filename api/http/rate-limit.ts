// Per-client rate limiting for the API: a token bucket per client address, refilled at the
// configured rate per minute, that can be spent at once (a colleague's burst of questions is
// fine; a script hammering the API is not). Over the limit: 429 with Retry-After, in Dutch.
import type { MiddlewareHandler } from 'hono';
import { errorBody } from '../errors.js';
import { messages } from '../messages.js';
import { clientAddress, type ProxyTrust } from './client-address.js';

export interface RateLimitOptions {
  perMinute: number;
  /** Behind reverse proxies: how to read the client from X-Forwarded-For (client-address.ts). */
  trustProxy: ProxyTrust;
  /** For tests: the clock, in milliseconds. */
  now?: () => number;
}

/** Clients remembered; the least recently seen are forgotten first (their bucket would be full again anyway). */
const MAX_CLIENTS = 10_000;

export function rateLimit({ perMinute, trustProxy, now = Date.now }: RateLimitOptions): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = perMinute / 60_000;

  return async function limitRate(c, next) {
    const client = clientAddress(c, trustProxy);
    const time = now();
    const previous = buckets.get(client);
    buckets.delete(client); // re-inserted below: the map's order is the recency order
    const tokens = previous ? Math.min(perMinute, previous.tokens + (time - previous.at) * perMs) : perMinute;
    if (tokens < 1) {
      buckets.set(client, { tokens, at: time });
      const seconds = Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
      c.header('Retry-After', String(seconds));
      return c.json(errorBody('rate_limited', messages.rateLimited(seconds)), 429);
    }
    buckets.set(client, { tokens: tokens - 1, at: time });
    if (buckets.size > MAX_CLIENTS) buckets.delete(buckets.keys().next().value!);
    await next();
  };
}

// Every request gets an id, in the access log and the X-Request-Id response header, for finding
// its log lines. A client's own X-Request-Id is taken only from a trusted proxy, and only when
// it is short and plain (letters, digits, - _ .): anything else would let a client write into
// the log what it likes.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

const PLAIN_ID = /^[A-Za-z0-9._-]{1,64}$/;

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
  }
}

export function requestIds({ fromProxy }: { fromProxy: boolean }): MiddlewareHandler {
  return async function assignRequestId(c, next) {
    const offered = fromProxy ? c.req.header('x-request-id') : undefined;
    const id = offered && PLAIN_ID.test(offered) ? offered : randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  };
}

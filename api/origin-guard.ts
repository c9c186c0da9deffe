// Cross-origin access to the API: the widget on an intranet page calls the API from another
// origin. Only origins listed in ALLOWED_ORIGINS get an answer; same-origin calls always do.
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { AppError } from './errors.js';
import { messages } from './messages.js';

export function originGuard(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins.map((origin) => origin.replace(/\/$/, '')));
  const isAllowed = (origin: string, requestUrl: string) => allowed.has(origin) || origin === new URL(requestUrl).origin;
  const corsHeaders = cors({
    origin: (origin, c) => (isAllowed(origin, c.req.url) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type'],
    maxAge: 600,
  });
  return async function guardOrigin(c, next) {
    const origin = c.req.header('origin');
    if (origin && !isAllowed(origin, c.req.url)) throw new AppError('origin_not_allowed', messages.originNotAllowed(origin));
    return corsHeaders(c, next);
  };
}

// Who may call the API. The server knows its own origins from configuration (PUBLIC_URL, and its
// loopback address): a request for another host name is refused (DNS rebinding), a browser
// request from another origin is answered only when ALLOWED_ORIGINS lists it (the intranet
// pages that embed the widget). A refused origin still gets a CORS header on its 403, so the
// widget can show the server's reason instead of "niet bereikbaar".
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { errorBody } from '../errors.js';
import { messages } from '../messages.js';
import { hostsOf } from './origins.js';

export interface OriginPolicy {
  /** The server's own origins (normalised). Empty: no Host check (in-process use, tests). */
  ownOrigins: readonly string[];
  /** Other origins whose pages may call the API (normalised). */
  allowedOrigins: readonly string[];
}

export function originPolicy({ ownOrigins, allowedOrigins }: OriginPolicy): MiddlewareHandler {
  const ownHosts = hostsOf(ownOrigins);
  const permitted = new Set([...ownOrigins, ...allowedOrigins]);
  const corsHeaders = cors({
    origin: (origin) => (permitted.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type'],
    // A permitted page (the widget on the intranet) may send the colleague's session cookie.
    credentials: true,
    maxAge: 600,
  });
  const refuse = (c: Context, origin: string | undefined, status: 403 | 421, body: ReturnType<typeof errorBody>) => {
    // Readable by the page that asked, so it can say why; it grants nothing else.
    if (origin) c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
    return c.json(body, status);
  };

  return async function checkOrigin(c, next) {
    const origin = c.req.header('origin');
    const host = c.req.header('host')?.toLowerCase();
    if (ownHosts.size > 0 && (!host || !ownHosts.has(host))) {
      return refuse(c, origin, 421, errorBody('host_not_allowed', messages.hostNotAllowed));
    }
    if (origin && origin !== 'null' && !permitted.has(origin)) {
      return refuse(c, origin, 403, errorBody('origin_not_allowed', messages.originNotAllowed(origin)));
    }
    // Our own pages send no referrer, so the browser writes "Origin: null" on their form posts
    // (Uitloggen); what it says of the site the request came from cannot be set by a page.
    if (origin === 'null' && c.req.header('sec-fetch-site') === 'same-origin') return corsHeaders(c, next);
    if (origin === 'null') return refuse(c, undefined, 403, errorBody('origin_not_allowed', messages.originNotAllowed(origin)));
    return corsHeaders(c, next);
  };
}

// Who the client is, as a rate limit must know it. Behind reverse proxies, X-Forwarded-For lists
// the addresses a request passed, and a client can write any entries it likes at its start: so
// the client is read from the right, never the left. TRUST_PROXY says how: a number of proxies
// in front of the server (the client is that many hops from the right), or the addresses of the
// trusted proxies (the client is the rightmost address that is not one of them).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export type ProxyTrust = { hops: number } | { proxies: ReadonlySet<string> } | null;

export function clientAddress(c: Context, trust: ProxyTrust): string {
  const socket = socketAddress(c);
  if (!trust) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // The path from the client to us: what the proxies wrote, then the one that connected.
  const path = [...forwarded, socket];
  if ('hops' in trust) return path[Math.max(0, path.length - 1 - trust.hops)]!;
  for (let i = path.length - 1; i >= 0; i--) if (!trust.proxies.has(path[i]!)) return path[i]!;
  return path[0]!;
}

function socketAddress(c: Context): string {
  try {
    return normalize(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    return 'unknown'; // in-process requests (tests, command-line tools) have no socket
  }
}

/** "::ffff:10.0.0.1" is 10.0.0.1. */
function normalize(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

// GET /health: whether the assistant can answer, with which retrieval modes, from which index.
// Any other method is told it is GET. It names only the collections the caller may read.
import { type Context, Hono } from 'hono';
import type { HealthReport } from '../contract.js';

export function healthRoutes(health: (c: Context) => Promise<HealthReport>, onMethodNotAllowed: (c: Context, allowed: string[]) => Response) {
  return new Hono()
    .get('/health', async (c) => {
      const report = await health(c);
      return c.json(report, report.status === 'ok' ? 200 : 503);
    })
    .on(['POST', 'PUT', 'PATCH', 'DELETE'], '/health', (c) => onMethodNotAllowed(c, ['GET', 'HEAD']));
}

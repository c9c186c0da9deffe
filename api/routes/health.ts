// GET /health: whether the assistant can answer, with which retrieval modes, from which index.
import { Hono } from 'hono';
import type { HealthReport } from '../contract.js';

export function healthRoutes(health: () => HealthReport) {
  return new Hono().get('/health', (c) => {
    const report = health();
    return c.json(report, report.status === 'ok' ? 200 : 503);
  });
}

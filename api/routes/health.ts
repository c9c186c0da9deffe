// GET /health: whether the assistant can answer, with which retrieval modes, from which index.
import { Hono } from 'hono';
import type { HealthSource } from '../app.js';

export function healthRoutes(health: HealthSource) {
  return new Hono().get('/health', (c) => {
    const report = health();
    return c.json(report, report.status === 'ok' ? 200 : 503);
  });
}

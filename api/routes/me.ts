// GET /api/me: who the chat is talking to and what they may search: signed in or not, their
// name, the collections they may read, and whether signing in is possible at all.
import { Hono } from 'hono';
import { readableCollections } from '../access/viewer.js';
import type { Collection, Me } from '../contract.js';

export function meRoutes(collections: () => readonly Collection[], signInConfigured: boolean) {
  return new Hono().get('/me', (c) => {
    const viewer = c.get('viewer');
    const me: Me = {
      signedIn: viewer.signedIn,
      ...(viewer.signedIn && viewer.name ? { name: viewer.name } : {}),
      signInConfigured,
      collections: readableCollections(collections(), viewer).map(({ id, title }) => ({ id, title })),
    };
    return c.json(me);
  });
}

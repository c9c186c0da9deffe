// GET /api/documents and /api/documents/:id: the documents and the cleaned text all offsets refer
// to, of the collections the caller may read; another is "not found", as one that does not exist.
import { type Context, Hono } from 'hono';
import type { Scope } from '../access/scope.js';
import { AppError } from '../errors.js';
import { messages } from '../messages.js';
import type { DocumentCatalog } from '../store/store.js';

export function documentRoutes(catalog: () => DocumentCatalog, scopeOf: (c: Context) => Scope) {
  return new Hono()
    .get('/documents', async (c) => c.json(await catalog().listDocuments(scopeOf(c))))
    .get('/documents/:id', async (c) => {
      const id = c.req.param('id');
      const document = await catalog().getDocument(id, scopeOf(c));
      if (!document) throw new AppError('document_not_found', messages.documentNotFound(id));
      return c.json(document);
    });
}

// GET /api/documents and /api/documents/:id: the documents and the cleaned text all offsets refer to.
import { Hono } from 'hono';
import { AppError } from '../errors.js';
import { messages } from '../messages.js';
import type { DocumentCatalog } from '../store/store.js';

export function documentRoutes(catalog: () => DocumentCatalog) {
  return new Hono()
    .get('/documents', async (c) => c.json(await catalog().listDocuments()))
    .get('/documents/:id', async (c) => {
      const id = c.req.param('id');
      const document = await catalog().getDocument(id);
      if (!document) throw new AppError('document_not_found', messages.documentNotFound(id));
      return c.json(document);
    });
}

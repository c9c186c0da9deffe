// GET /api/documents and /api/documents/:id: the documents and the cleaned text all offsets refer to.
import { Hono } from 'hono';
import type { EngineSource } from '../app.js';
import { AppError } from '../errors.js';
import { messages } from '../messages.js';

export function documentRoutes(engine: EngineSource) {
  return new Hono()
    .get('/documents', (c) => c.json(engine().listDocuments()))
    .get('/documents/:id', (c) => {
      const id = c.req.param('id');
      const document = engine().getDocument(id);
      if (!document) throw new AppError('document_not_found', messages.documentNotFound(id));
      return c.json(document);
    });
}

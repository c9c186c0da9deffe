// msw handlers that play the Bronwijzer API for the UI's tests; a test swaps one in with
// server.use(...) to simulate a failure.
import { delay, http, HttpResponse } from 'msw';
import { answered, documents, documentWithText, notFound } from './api-fixtures.js';

export const API = 'http://bronwijzer.test';

export const handlers = [
  http.post(`${API}/api/ask`, () => HttpResponse.json(answered)),
  http.get(`${API}/api/documents`, () => HttpResponse.json(documents)),
  http.get(`${API}/api/documents/:id`, ({ params }) =>
    params.id === documentWithText.id
      ? HttpResponse.json(documentWithText)
      : HttpResponse.json({ error: { code: 'document_not_found', message: 'Document bestaat niet.' } }, { status: 404 }),
  ),
  http.get(`${API}/health`, () => HttpResponse.json({ status: 'ok', modes: ['lexical'], manifest: null, warnings: [] })),
];

export const askHandlers = {
  notFound: http.post(`${API}/api/ask`, () => HttpResponse.json(notFound)),
  serverError: http.post(`${API}/api/ask`, () =>
    HttpResponse.json({ error: { code: 'internal_error', message: 'Er ging iets mis bij het beantwoorden. Probeer het opnieuw.' } }, { status: 500 }),
  ),
  slow: http.post(`${API}/api/ask`, async () => {
    await delay(400);
    return HttpResponse.json(answered);
  }),
  unreachable: http.post(`${API}/api/ask`, () => HttpResponse.error()),
};

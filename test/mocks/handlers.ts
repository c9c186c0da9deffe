// msw handlers that play the Bronwijzer API for the UI's tests; a test swaps one in with
// server.use(...) to simulate a failure, a slow answer or a language model's stream.
import { delay, HttpResponse, http } from 'msw';
import type { AskResponse, Me, StreamEvent } from '../../api/contract.js';
import { answered, documents, documentWithText, notFound } from './api-fixtures.js';

export const API = 'http://bronwijzer.test';

/** Verdicts the feedback endpoint received. */
export const feedbackRequests: Record<string, unknown>[] = [];

/** Request bodies the stream endpoint received, for assertions on what the UI sends. */
export const askRequests: { question: string; history: { question: string; answer: string }[]; mode?: string; collections?: string[] }[] = [];

function eventStream(events: StreamEvent[], pause = 0): HttpResponse<ReadableStream> {
  const encoder = new TextEncoder();
  const body = new ReadableStream({
    async start(controller) {
      for (const { event, data } of events) {
        if (pause) await delay(pause);
        controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      }
      controller.close();
    },
  });
  return new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } });
}

const answerEvents = (response: AskResponse): StreamEvent[] => [
  { event: 'passages', data: response.passages },
  { event: 'final', data: response },
];

const streamAnswering = (events: (body: (typeof askRequests)[number]) => StreamEvent[], pause = 0) =>
  http.post(`${API}/api/ask/stream`, async ({ request }) => {
    const body = (await request.json()) as (typeof askRequests)[number];
    askRequests.push(body);
    return eventStream(events(body), pause);
  });

export const handlers = [
  streamAnswering(() => answerEvents(answered)),
  http.get(`${API}/api/documents`, () => HttpResponse.json(documents)),
  http.get(`${API}/api/documents/:id`, ({ params }) =>
    params.id === documentWithText.id
      ? HttpResponse.json(documentWithText)
      : HttpResponse.json({ error: { code: 'document_not_found', message: 'Document bestaat niet.' } }, { status: 404 }),
  ),
  http.get(`${API}/api/suggestions`, () => HttpResponse.json({ examples: ['Wat is respijtzorg?', 'Welke risicogroepen voor eenzaamheid zijn er?'] })),
  http.post(`${API}/api/feedback`, async ({ request }) => {
    feedbackRequests.push((await request.json()) as Record<string, unknown>);
    return HttpResponse.json({ id: `fb-${feedbackRequests.length}` }, { status: 201 });
  }),
  http.get(`${API}/api/me`, () => HttpResponse.json(anonymousMe)),
  http.get(`${API}/health`, () =>
    HttpResponse.json({ status: 'ok', modes: ['lexical'], manifest: null, warnings: [], llm: { configured: false, model: null, defaultMode: 'extractive' } }),
  ),
];

/** Memo exports the endpoint received. */
export const memoRequests: { turns: { question: string; answer: string; citations: unknown[] }[] }[] = [];

/** The server refusing an export: a quote its document no longer holds. */
export const staleMemo = http.post(`${API}/api/export/memo`, async ({ request }) => {
  memoRequests.push((await request.json()) as (typeof memoRequests)[number]);
  return HttpResponse.json(
    { error: { code: 'export_stale', message: 'Niet geëxporteerd: dit citaat staat niet (meer) zo in de documenten: „Als het nodig is…”.' } },
    { status: 409 },
  );
});

/** Without sign-in configured: anonymous, one collection. */
export const anonymousMe: Me = { signedIn: false, signInConfigured: false, collections: [{ id: 'alle', title: 'Alle documenten' }] };

export const meHandlers = {
  /** Sign-in offered, nobody signed in. */
  signedOut: http.get(`${API}/api/me`, () => HttpResponse.json({ ...anonymousMe, signInConfigured: true } satisfies Me)),
  /** A colleague of Team Jeugd: two collections to search. */
  teamJeugd: http.get(`${API}/api/me`, () =>
    HttpResponse.json({
      signedIn: true,
      name: 'Jet de Jong',
      signInConfigured: true,
      collections: [
        { id: 'alle', title: 'Openbare documenten' },
        { id: 'team-jeugd', title: 'Team Jeugd' },
      ],
    } satisfies Me),
  ),
};

const llmAnswer: AskResponse = { ...answered, mode: 'llm', answer: `Een vrijwilliger kan de zorg tijdelijk overnemen. [1]` };

export const askHandlers = {
  notFound: streamAnswering(() => answerEvents(notFound)),
  fromScan: streamAnswering(() =>
    answerEvents({ ...answered, citations: answered.citations.map((citation) => ({ ...citation, recognised: { pages: [2], confidence: 91 } })) }),
  ),
  byline: streamAnswering(() =>
    answerEvents({ ...answered, citations: answered.citations.map((citation) => ({ ...citation, attribution: 'Jitske Kramer, September 2020' })) }),
  ),
  notFoundWithoutPassages: streamAnswering(() =>
    answerEvents({ ...notFound, answer: 'In de documenten staat geen antwoord op deze vraag, en ook niets wat er dicht bij komt.', passages: [] }),
  ),
  serverError: http.post(`${API}/api/ask/stream`, () =>
    HttpResponse.json({ error: { code: 'internal_error', message: 'Er ging iets mis bij het beantwoorden. Probeer het opnieuw.' } }, { status: 500 }),
  ),
  slow: streamAnswering(() => answerEvents(answered), 200),
  unreachable: http.post(`${API}/api/ask/stream`, () => HttpResponse.error()),
  llmStream: streamAnswering(
    () => [
      { event: 'passages', data: answered.passages },
      ...['Een vrijwilliger ', 'kan de zorg ', 'tijdelijk overnemen [1].'].map((text) => ({ event: 'token' as const, data: { text } })),
      { event: 'final', data: llmAnswer },
    ],
    150,
  ),
  fallback: streamAnswering(() =>
    answerEvents({
      ...answered,
      fallback: { reason: 'timeout', message: 'Het taalmodel antwoordde niet op tijd; dit is het letterlijke antwoord uit de documenten.' },
    }),
  ),
  /** A follow-up read with the earlier question when the request carries history; alone otherwise. */
  followUp: streamAnswering(({ question, history }) => {
    const earlier = history.at(-1)?.question;
    return answerEvents(earlier ? { ...answered, interpretedAs: { question: `${question} ${earlier}`, followUpOf: earlier } } : answered);
  }),
  partial: streamAnswering(() =>
    answerEvents({
      ...answered,
      confidence: 'partial',
      answer: `De documenten beantwoorden deze vraag mogelijk niet of niet volledig; controleer de citaten. Dit zeggen ze erover: ${answered.answer}`,
    }),
  ),
  healthWithModel: http.get(`${API}/health`, () =>
    HttpResponse.json({
      status: 'ok',
      modes: ['lexical', 'dense'],
      manifest: null,
      warnings: [],
      llm: { configured: true, model: 'llama3.1', defaultMode: 'llm' },
    }),
  ),
};

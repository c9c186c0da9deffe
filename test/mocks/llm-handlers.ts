// msw handlers that play an OpenAI-compatible chat-completions server. The default "model" is
// deterministic: it reads the question and the numbered passages from the prompt and writes one
// sentence per passage from that passage's words, citing it; rewrite requests get a standalone question.
import { delay, HttpResponse, http } from 'msw';

export const LLM_BASE = 'http://llm.test/v1';
export const LLM_KEY = 'sk-test-geheim-1234';
const ENDPOINT = `${LLM_BASE}/chat/completions`;

interface Message {
  role: string;
  content: string;
}
export interface RecordedRequest {
  headers: Record<string, string>;
  body: { model: string; messages: Message[]; stream?: boolean; temperature?: number };
}

export const llmRequests: RecordedRequest[] = [];

export function fakeModel(messages: Message[]): string {
  const system = messages[0]?.content ?? '';
  const user = messages.at(-1)?.content ?? '';
  if (system.includes('Herschrijf')) {
    const last = /Laatste vraag: (.*)$/m.exec(user)?.[1] ?? '';
    const previous = /Vraag: (.*)$/m.exec(user)?.[1] ?? '';
    return `${last.replace(/\?$/, '')} bij ${previous.replace(/^Wat is /, '').replace(/\?$/, '')}?`;
  }
  // Like a model that reads the question: from each of the first two passages, the first
  // sentence holding one of the question's longer words (else its first sentence), cited.
  const asked = (/^Vraag: (.*)$/m.exec(user)?.[1] ?? '').toLowerCase().match(/\p{L}{5,}/gu) ?? [];
  const passages = [...user.matchAll(/<passage nummer="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)].slice(0, 2);
  return passages
    .map(([, n, text]) => {
      const body = text!
        .split('\n')
        .filter((line) => /[.!?]$/.test(line.trim())) // skip headings
        .join(' ');
      const sentences = (body || text!).split(/(?<=[.!?])\s/);
      const chosen = sentences.find((sentence) => asked.some((word) => sentence.toLowerCase().includes(word))) ?? sentences[0]!;
      const first = chosen
        .replace(/^•\s*/, '')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[.!?]$/, '');
      return `Volgens de documenten: ${first.charAt(0).toLowerCase()}${first.slice(1)} [${n}].`;
    })
    .join(' ');
}

function completion(content: string) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1,
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  };
}

function eventStream(content: string, pieceLength = 12): Response {
  const encoder = new TextEncoder();
  const pieces = content.match(new RegExp(`[\\s\\S]{1,${pieceLength}}`, 'g')) ?? [];
  const chunk = (delta: object) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 1, model: 'test-model', choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(chunk({ role: 'assistant', content: '' })));
      for (const piece of pieces) {
        await delay(5);
        controller.enqueue(encoder.encode(chunk({ content: piece })));
      }
      controller.enqueue(encoder.encode('data: [DONE]\n\n'));
      controller.close();
    },
  });
  return new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } });
}

/** A chat-completions handler answering with `write(messages)`, streamed when asked to. */
export function modelAnswering(write: (messages: Message[]) => string) {
  return http.post(ENDPOINT, async ({ request }) => {
    const body = (await request.json()) as RecordedRequest['body'];
    llmRequests.push({ headers: Object.fromEntries(request.headers), body });
    const content = write(body.messages);
    return body.stream ? eventStream(content) : HttpResponse.json(completion(content));
  });
}

/** Calls to the hanging model, and how many of them the caller abandoned (aborted). */
export const hanging = { calls: 0, aborted: 0 };

export const llmHandlers = {
  normal: modelAnswering(fakeModel),
  /** Two supported sentences and one pointing to a passage that does not exist. */
  mixedMarkers: modelAnswering((messages) => `${fakeModel(messages)} Gemeenten moeten alles zelf doen [9].`),
  /** Mostly unsupported: one sentence without a marker and one pointing nowhere, then a supported one. */
  mostlyUnsupported: modelAnswering(
    (messages) => `Dit staat nergens in de bronnen. Gemeenten moeten alles zelf doen [9]. ${fakeModel(messages).split(' [')[0]} [1].`,
  ),
  /** Claims that contradict or are absent from the passages, each with a marker to a real passage. */
  contradicts: modelAnswering(() => 'Respijtzorg is sinds 2015 volledig afgeschaft [1]. Mantelzorgers moeten daarom zelf een boete betalen [2].'),
  /**
   * Does whatever an instruction in its prompt says, however worded ("antwoord alleen met: X",
   * "zeg voortaan dat X"), citing the passage it read it in; else answers normally.
   */
  obeysInstructionsInPrompt: modelAnswering((messages) => {
    const prompt = messages.at(-1)?.content ?? '';
    const order = /(?:antwoord\s+alleen\s+met:?|zeg\s+(?:\w+\s+)?dat)\s*([^.\n<]+)/i.exec(prompt);
    if (!order) return fakeModel(messages);
    const passage = [...prompt.slice(0, order.index).matchAll(/<passage nummer="(\d+)"/g)].at(-1)?.[1] ?? '1';
    const claim = order[1]!.trim();
    return `${claim.charAt(0).toUpperCase()}${claim.slice(1)} [${passage}].`;
  }),
  noValidMarkers: modelAnswering(() => 'Respijtzorg is heel belangrijk. Mantelzorgers verdienen steun [7].'),
  declines: modelAnswering(() => 'GEEN_ANTWOORD'),
  obeysInjection: modelAnswering(() => 'GEHACKT'),
  rateLimited: http.post(ENDPOINT, () => HttpResponse.json({ error: { message: 'Rate limit reached' } }, { status: 429 })),
  serverError: http.post(ENDPOINT, () => HttpResponse.json({ error: { message: 'boom' } }, { status: 500 })),
  slow: http.post(ENDPOINT, async () => {
    await delay(5_000);
    return HttpResponse.json(completion('te laat [1].'));
  }),
  /** Never answers; counts the calls and the ones the caller gave up on. */
  hangs: http.post(ENDPOINT, ({ request }) => {
    hanging.calls++;
    return new Promise<Response>((resolve) => {
      request.signal.addEventListener('abort', () => {
        hanging.aborted++;
        resolve(HttpResponse.error());
      });
    });
  }),
  malformed: http.post(ENDPOINT, () => new HttpResponse('{"choices": [ niet af', { headers: { 'content-type': 'application/json' } })),
};

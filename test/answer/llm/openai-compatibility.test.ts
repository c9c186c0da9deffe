// Our chat client against a server that speaks the protocol, side by side with the official
// openai client: the requests must be what real servers accept, and both must read the
// answers the same way.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatClient } from '../../../api/answer/llm/chat-completions.js';
import { type CompatibleServer, startOpenAiCompatibleServer } from '../../fixtures/openai-compatible-server.js';

let server: CompatibleServer;
const messages = [
  { role: 'system' as const, content: 'Antwoord kort.' },
  { role: 'user' as const, content: 'Wat is respijtzorg?' },
];
const ANSWER = 'Respijtzorg is het tijdelijk overnemen van de zorg [1].';

beforeAll(async () => {
  server = await startOpenAiCompatibleServer(() => ANSWER);
});
afterAll(() => server.close());

const official = () => new OpenAI({ baseURL: server.baseUrl, apiKey: 'sk-local', maxRetries: 0 });
const ours = () => createChatClient({ baseUrl: server.baseUrl, model: 'llama3.1', apiKey: 'sk-local', timeoutMs: 5000 });

describe('OpenAI compatibility', () => {
  it('sends the same request as the official client, and reads the same answer', async () => {
    server.received.length = 0;
    const reference = await official().chat.completions.create({ model: 'llama3.1', messages, temperature: 0.1, stream: false });
    const ourAnswer = await ours().complete(messages);
    expect(ourAnswer).toBe(reference.choices[0]!.message.content);

    const [theirs, mine] = server.received;
    expect(mine!.method).toBe(theirs!.method);
    expect(mine!.path).toBe(theirs!.path);
    expect(mine!.headers['content-type']).toBe(theirs!.headers['content-type']);
    expect(mine!.headers.authorization).toBe(theirs!.headers.authorization);
    expect(mine!.body).toEqual({ model: theirs!.body.model, messages: theirs!.body.messages, temperature: theirs!.body.temperature, stream: false });
  });

  it('streams like the official client', async () => {
    server.received.length = 0;
    let reference = '';
    for await (const chunk of await official().chat.completions.create({ model: 'llama3.1', messages, stream: true }))
      reference += chunk.choices[0]?.delta?.content ?? '';
    let mine = '';
    const pieces: string[] = [];
    for await (const piece of ours().stream(messages)) {
      pieces.push(piece);
      mine += piece;
    }
    expect(mine).toBe(reference);
    expect(mine).toBe(ANSWER);
    expect(pieces.length).toBeGreaterThan(3);
    expect(server.received[1]!.body.stream).toBe(true);
  });

  it('speaks to Azure OpenAI with an api-key header and keeps the api-version', async () => {
    const requests: { url: string; headers: Headers }[] = [];
    const fakeFetch = (async (url: URL, init: RequestInit) => {
      requests.push({ url: String(url), headers: new Headers(init.headers) });
      return Response.json({ choices: [{ message: { content: 'ok' } }] });
    }) as unknown as typeof fetch;
    const azure = createChatClient(
      { baseUrl: 'https://gemeente.openai.azure.com/openai/deployments/gpt-4o?api-version=2024-10-21', model: 'gpt-4o', apiKey: 'azure-key', timeoutMs: 1000 },
      fakeFetch,
    );
    expect(await azure.complete(messages)).toBe('ok');
    expect(requests[0]!.url).toBe('https://gemeente.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21');
    expect(requests[0]!.headers.get('api-key')).toBe('azure-key');
    expect(requests[0]!.headers.get('authorization')).toBeNull();
  });
});

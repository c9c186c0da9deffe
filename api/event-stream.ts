// Reads server-sent events from a response body: each "event:"/"data:" block as it completes.
// Shared by the language-model client (OpenAI streams) and the browser (our /api/ask/stream);
// it uses only web-standard APIs, so both Node and the web bundle can import it.
export interface ServerSentEvent {
  event: string;
  data: string;
}

const BLOCK_END = /\r?\n\r?\n/;

export async function* readEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    for (let boundary = BLOCK_END.exec(buffer); boundary; boundary = BLOCK_END.exec(buffer)) {
      const block = buffer.slice(0, boundary.index);
      buffer = buffer.slice(boundary.index + boundary[0].length);
      const data = block
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n');
      if (data !== '') yield { event: /^event:\s?(.*)$/m.exec(block)?.[1] ?? 'message', data };
    }
    if (done) return;
  }
}

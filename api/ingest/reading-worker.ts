// A worker thread that reads the files whose formats are parsed by libraries a hostile file can
// drive into the ground (PDF, Word, OpenDocument): the thread that builds can stop it when a
// file takes too long or too much memory (document-reader.ts), and go on with the next file.
// It keeps the OCR workers (started on the first scanned page) for the files after it.
import { parentPort } from 'node:worker_threads';
import { createPageRecogniser, type PageRecogniser } from './ocr/page-recogniser.js';
import { readDocument } from './read-document.js';
import { UnreadableDocument } from './unreadable.js';

export type ReadRequest = { path: string; maxBytes: number; ocr: { timeoutMs: number } | null };
export type ReadReply =
  | { ok: true; document: Awaited<ReturnType<typeof readDocument>> }
  | { ok: false; unreadable: boolean; message: string }
  | { progress: { done: number; total: number } };

const port = parentPort!;
let recogniser: Promise<PageRecogniser> | null = null;

port.on('message', async ({ path, maxBytes, ocr }: ReadRequest) => {
  let reply: ReadReply;
  let recognising = false;
  try {
    const context = ocr && {
      timeoutMs: ocr.timeoutMs,
      recogniser: () => {
        recognising = true;
        recogniser ??= createPageRecogniser();
        return recogniser;
      },
      onPage: (done: number, total: number) => port.postMessage({ progress: { done, total } } satisfies ReadReply),
    };
    reply = { ok: true, document: await readDocument(path, { maxBytes, ocr: context }) };
  } catch (error) {
    // Recognition stopped halfway (over time, a failed page) leaves jobs queued: start afresh next time.
    if (recognising) {
      const stopping = recogniser;
      recogniser = null;
      await stopping?.then((engine) => engine.close()).catch(() => {});
    }
    reply = { ok: false, unreadable: error instanceof UnreadableDocument, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});

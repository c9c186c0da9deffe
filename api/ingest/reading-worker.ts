// A worker thread that reads the files whose formats are parsed by libraries a hostile file can
// drive into the ground (PDF, Word, OpenDocument): the thread that builds can stop it when a
// file takes too long or too much memory (document-reader.ts), and go on with the next file.
import { parentPort } from 'node:worker_threads';
import { readDocument } from './read-document.js';
import { UnreadableDocument } from './unreadable.js';

export type ReadRequest = { path: string; maxBytes: number };
export type ReadReply = { ok: true; document: Awaited<ReturnType<typeof readDocument>> } | { ok: false; unreadable: boolean; message: string };

const port = parentPort!;
port.on('message', async ({ path, maxBytes }: ReadRequest) => {
  let reply: ReadReply;
  try {
    reply = { ok: true, document: await readDocument(path, { maxBytes }) };
  } catch (error) {
    reply = { ok: false, unreadable: error instanceof UnreadableDocument, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});

// Reads the corpus's files for a build, each within a budget of time and memory: PDF, Word and
// OpenDocument files are read in a worker thread with a heap limit, stopped when a file takes
// longer than its time; plain text, Markdown and HTML are read here (their parsers are linear).
// A file over its budget is unreadable, named and skipped; the build goes on. Recognising a
// PDF's scanned pages has its own time (OCR_TIMEOUT_S) on top of the reading time.
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PageProgress } from './formats/pdf.js';
import { type ExtractedDocument, readDocument } from './read-document.js';
import type { ReadReply, ReadRequest } from './reading-worker.js';
import { UnreadableDocument } from './unreadable.js';

const WORKER_URL = new URL('./reading-worker.mjs', import.meta.url);
const IN_WORKER = new Set(['.pdf', '.docx', '.odt']);

export interface ReadingBudget {
  maxBytes: number;
  /** The longest one file may take to read. */
  timeoutMs: number;
  /** The heap one file may take to read, in MB. */
  memoryMb: number;
  /** Scanned PDF pages are recognised within this time per document; null: OCR is off. */
  ocr: { timeoutMs: number } | null;
}

export interface DocumentReader {
  read(path: string, onPage?: PageProgress): Promise<ExtractedDocument>;
  close(): Promise<void>;
}

export function createDocumentReader(budget: ReadingBudget): DocumentReader {
  let worker: Worker | null = null;
  const start = () => new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb } });
  const stop = async () => {
    const stopping = worker;
    worker = null;
    await stopping?.terminate();
  };

  const timeoutMs = (path: string) => budget.timeoutMs + (budget.ocr && extname(path).toLowerCase() === '.pdf' ? budget.ocr.timeoutMs : 0);

  async function readInWorker(path: string, onPage: PageProgress = () => {}): Promise<ExtractedDocument> {
    worker ??= start();
    const running = worker;
    type Outcome = Exclude<ReadReply, { progress: unknown }> | { ok: false; overBudget: string };
    const reply = await new Promise<Outcome>((resolve) => {
      const timer = setTimeout(
        () => resolve({ ok: false, overBudget: `het lezen duurde langer dan ${Math.round(timeoutMs(path) / 1000)} s` }),
        timeoutMs(path),
      );
      const done = (value: Outcome) => {
        clearTimeout(timer);
        running.off('message', onMessage);
        running.off('error', onError);
        running.off('exit', onExit);
        resolve(value);
      };
      const onMessage = (message: ReadReply) => ('progress' in message ? onPage(message.progress.done, message.progress.total) : done(message));
      const onError = (error: Error & { code?: string }) =>
        done({
          ok: false,
          overBudget:
            error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `het lezen vroeg meer dan ${budget.memoryMb} MB geheugen` : `het lezen mislukte (${error.message})`,
        });
      const onExit = () => done({ ok: false, overBudget: 'het lezen brak af' });
      running.on('message', onMessage);
      running.once('error', onError);
      running.once('exit', onExit);
      running.postMessage({ path, maxBytes: budget.maxBytes, ocr: budget.ocr } satisfies ReadRequest);
    });
    if (reply.ok) return reply.document;
    if ('overBudget' in reply) {
      await stop(); // a worker that ran over is not trusted with the next file
      throw new UnreadableDocument(`${reply.overBudget}; een beschadigd of kwaadwillig bestand, of verhoog DOCUMENT_TIMEOUT_S / DOCUMENT_MEMORY_MB`);
    }
    throw new UnreadableDocument(reply.unreadable ? reply.message : `onverwachte fout bij het lezen (${reply.message})`);
  }

  return {
    read: (path, onPage) => (IN_WORKER.has(extname(path).toLowerCase()) ? readInWorker(path, onPage) : readDocument(path, { maxBytes: budget.maxBytes })),
    close: stop,
  };
}

// Recognises the text of scanned pages, offline: Tesseract (tesseract.js) with the Dutch model
// that ships in @tesseract.js-data/nld, so nothing is downloaded. The recognition runs in
// tesseract.js's own worker threads, one per core, and pages are handed to whichever is free.
import { availableParallelism } from 'node:os';
import nld from '@tesseract.js-data/nld';
import { createScheduler, createWorker, OEM, type Scheduler } from 'tesseract.js';

export interface RecognisedText {
  text: string;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
}

export interface PageRecogniser {
  /** The text on one page image (PNG). */
  recognise(image: Uint8Array): Promise<RecognisedText>;
  /** How many pages it recognises at once. */
  readonly parallel: number;
  close(): Promise<void>;
}

/** One recognition worker per core, at most four: each holds the model (about 40 MB). */
export function ocrWorkerCount(): number {
  return Math.min(4, Math.max(1, availableParallelism()));
}

export async function createPageRecogniser(workers = ocrWorkerCount()): Promise<PageRecogniser> {
  const scheduler: Scheduler = createScheduler();
  const started = await Promise.all(
    Array.from({ length: workers }, () =>
      // LSTM only: the legacy engine is slower and, on print, no better. No cache: the model is read from the package.
      createWorker(nld.code, OEM.LSTM_ONLY, { langPath: nld.langPath, gzip: nld.gzip, cacheMethod: 'none' }),
    ),
  );
  for (const worker of started) scheduler.addWorker(worker);
  return {
    parallel: workers,
    async recognise(image) {
      const { data } = await scheduler.addJob('recognize', Buffer.from(image.buffer, image.byteOffset, image.byteLength));
      return { text: data.text, confidence: data.confidence };
    },
    close: () => scheduler.terminate(),
  };
}

// Reading within a budget: a file that takes longer than its time or more memory than its heap
// is refused with the reason, the worker that read it is replaced, and the next file is read.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocumentReader, type DocumentReader } from '../../api/ingest/document-reader.js';
import { inflatingDocx } from '../fixtures/hostile-files.js';
import { minimalDocx } from '../fixtures/office-files.js';

let reader: DocumentReader | undefined;
afterEach(async () => {
  await reader?.close();
});

async function file(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'bronwijzer-reader-')), name);
  await writeFile(path, bytes);
  return path;
}

const ordinary = () => minimalDocx({ title: 'Gewoon', heading: 'Kop', paragraph: 'Een gewone alinea over het buurtbudget.', item: 'Een punt.' });

describe('the document reader', () => {
  it('reads Word files in its worker', async () => {
    reader = createDocumentReader({ maxBytes: 10_000_000, timeoutMs: 30_000, memoryMb: 256, ocr: null });
    expect((await reader.read(await file('gewoon.docx', await ordinary()))).text).toContain('buurtbudget');
  });

  it('stops a file that takes longer than its time, and reads the next one', async () => {
    reader = createDocumentReader({ maxBytes: 100_000_000, timeoutMs: 1, memoryMb: 256, ocr: null });
    await expect(reader.read(await file('traag.docx', await ordinary()))).rejects.toThrow(/duurde langer dan/);
    const patient = createDocumentReader({ maxBytes: 10_000_000, timeoutMs: 30_000, memoryMb: 256, ocr: null });
    try {
      expect((await patient.read(await file('gewoon.docx', await ordinary()))).text).toContain('buurtbudget');
    } finally {
      await patient.close();
    }
  });

  it('stops a file that needs more memory than its heap', async () => {
    // 24 MB of XML passes the inflate cap, but converting it takes far more than 64 MB of heap.
    reader = createDocumentReader({ maxBytes: 100_000_000, timeoutMs: 30_000, memoryMb: 64, ocr: null });
    await expect(reader.read(await file('zwaar.docx', inflatingDocx(24)))).rejects.toThrow(/meer dan 64 MB geheugen/);
    expect((await reader.read(await file('gewoon.docx', await ordinary()))).text).toContain('buurtbudget');
  });
});

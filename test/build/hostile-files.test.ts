// One crafted file must never stop a build: Word files that inflate far beyond their size (the
// directory saying so, or lying about it), one without its main part, a link out of the corpus
// folder. The build, in a process of its own so its memory can be measured, finishes, names each
// file with its reason, keeps the rest, and stays within its memory.
import { cp, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInChild } from '../../scripts/lib/child-processes.js';
import { docxWithoutMainPart, inflatingDocx, lyingDocx } from '../fixtures/hostile-files.js';
import { minimalDocx } from '../fixtures/office-files.js';
import { CORPUS_DIR, OFFLINE_MODEL } from '../fixtures/paths.js';

describe('a build over hostile files', () => {
  it('skips and names each of them, keeps the rest and stays under 600 MB', async () => {
    const corpus = await mkdtemp(join(tmpdir(), 'bronwijzer-hostile-'));
    await cp(CORPUS_DIR, corpus, { recursive: true });
    await writeFile(join(corpus, 'bom-200mb.docx'), inflatingDocx(200));
    await writeFile(join(corpus, 'bom-liegt.docx'), lyingDocx(300));
    await writeFile(join(corpus, 'geen-hoofddeel.docx'), docxWithoutMainPart());
    await symlink('/etc/passwd', join(corpus, 'passwd-link.txt'));
    await writeFile(
      join(corpus, 'gewoon.docx'),
      await minimalDocx({ title: 'Gewoon', heading: 'Buurtbudget', paragraph: 'De gemeente geeft een buurtbudget.', item: 'Voor bewoners.' }),
    );

    const { manifest, maxRssMb } = await buildInChild({
      ...process.env,
      CORPUS_DIR: corpus,
      INDEX_DIR: await mkdtemp(join(tmpdir(), 'bronwijzer-hostile-index-')),
      MODELS_DIR: OFFLINE_MODEL.modelsDir,
      ALLOW_MODEL_DOWNLOAD: 'false',
    });

    const reasons = Object.fromEntries(manifest.skipped.map(({ file, reason }) => [file, reason]));
    expect(reasons['bom-200mb.docx']).toMatch(/pakt uit tot meer dan 32 MB/);
    expect(reasons['bom-liegt.docx']).toMatch(/pakt uit tot meer dan 32 MB/);
    expect(reasons['geen-hoofddeel.docx']).toMatch(/word\/document\.xml ontbreekt/);
    expect(reasons['passwd-link.txt']).toMatch(/buiten de corpusmap/);
    expect(manifest.counts.documents).toBe(6); // the five bundled documents and the ordinary Word file
    expect(maxRssMb).toBeLessThan(600);
  });
});

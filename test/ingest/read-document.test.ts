import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../api/errors.js';
import { readDocument, readHtml, readMarkdown } from '../../api/ingest/read-document.js';
import { minimalPdf } from '../fixtures/minimal-pdf.js';

describe('readDocument', () => {
  it('reads Markdown as plain text with its first heading as title', () => {
    const doc = readMarkdown('# Mantelzorg\n\nLees de **handreiking** op [de site](https://example.nl).\n\n- Respijtzorg\n- Dagbesteding');
    expect(doc.titleHint).toBe('Mantelzorg');
    expect(doc.text).toContain('Lees de handreiking op de site.');
    expect(doc.text).toContain('• Respijtzorg\n• Dagbesteding');
  });

  it('reads HTML without scripts, styles and navigation', () => {
    const doc = readHtml(
      '<html><head><title>Eenzaamheid</title><style>p{}</style></head><body><nav>Menu</nav><h1>Aanpak</h1><p>Samen tegen eenzaamheid.</p><ul><li>Ontmoeten</li></ul><script>alert(1)</script></body></html>',
    );
    expect(doc.titleHint).toBe('Eenzaamheid');
    expect(doc.kind).toBe('web-page');
    expect(doc.text).toContain('Aanpak');
    expect(doc.text).toContain('Samen tegen eenzaamheid.');
    expect(doc.text).toContain('• Ontmoeten');
    expect(doc.text).not.toMatch(/Menu|alert|p\{\}/);
  });

  it('reads the text and title of a PDF', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bronwijzer-pdf-'));
    const path = join(dir, 'respijtzorg.pdf');
    await writeFile(path, minimalPdf(['Respijtzorg ontlast mantelzorgers.', 'De gemeente maakt afspraken.'], 'Mantelzorgbeleid'));
    const doc = await readDocument(path);
    expect(doc.kind).toBe('pdf');
    expect(doc.titleHint).toBe('Mantelzorgbeleid');
    expect(doc.text).toContain('Respijtzorg ontlast mantelzorgers.');
    expect(doc.text).toContain('De gemeente maakt afspraken.');
  });

  it('refuses a file type it cannot read', async () => {
    await expect(readDocument('/tmp/notulen.docx')).rejects.toBeInstanceOf(AppError);
  });
});

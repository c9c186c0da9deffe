import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument as read, readHtml, readMarkdown } from '../../api/ingest/read-document.js';
import { UnreadableDocument } from '../../api/ingest/unreadable.js';
import { minimalPdf } from '../fixtures/minimal-pdf.js';
import { minimalDocx, minimalOdt } from '../fixtures/office-files.js';

const readDocument = (path: string, maxBytes = 1_000_000) => read(path, { maxBytes });

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'bronwijzer-read-')), name);
  await writeFile(path, content);
  return path;
}

const office = {
  title: 'Mantelzorgbeleid 2024',
  heading: 'Respijtzorg',
  paragraph: 'Een vrijwilliger neemt de zorg tijdelijk over.',
  item: 'Dagbesteding in de buurt',
};

/** A web page written in parts, read as one. */
const readPage = (...parts: string[]) => readHtml(parts.join(''));

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

  it('leaves out what a page shows around its text: landmarks, the page navigation of a manual, form controls', () => {
    const doc = readPage(
      '<html><head><title>6.21. Afbeelding schalen</title></head><body>',
      '<div class="navheader"><table><tr><th>6.21. Afbeelding schalen</th></tr><tr><th>6. Het menu Afbeelding</th></tr></table></div>',
      '<div role="banner">Gemeente Voorbeeld</div><aside><label for="t">Inhoud</label><input id="t" type="checkbox"></aside>',
      '<form role="search"><input type="search" placeholder="Zoeken"><button>Zoek</button></form>',
      '<h3>6.21. Afbeelding schalen</h3><p>De opdracht vergroot of verkleint de afbeelding.</p>',
      '<div class="navfooter"><a href="p.html">6.20. Afdrukgrootte</a><a href="n.html">6.22. Afbeelding bijsnijden</a></div>',
      '<div role="contentinfo">Contact</div></body></html>',
    );
    expect(doc.text).toContain('6.21. Afbeelding schalen');
    expect(doc.text).toContain('De opdracht vergroot of verkleint de afbeelding.');
    expect(doc.text).not.toMatch(/Het menu|Gemeente Voorbeeld|Inhoud|Zoek|Afdrukgrootte|bijsnijden|Contact/);
    expect(doc.text.match(/Afbeelding schalen/g)).toHaveLength(1);
  });

  it('leaves out a paragraph or item that is only a link: it names another page', () => {
    const doc = readPage(
      '<html><body><h1>Opsommingstekens toevoegen</h1><p>Klik op het pictogram <a href="l.html">Ongeordende lijst</a> op de werkbalk.</p>',
      '<div class="relatedtopics"><p>Verwante onderwerpen</p><p><a href="n.html">Nummering toevoegen</a></p>',
      '<ul><li><a href="a.html">Lijsten samenvoegen</a>, <a href="b.html">Bijschriften</a></li></ul></div></body></html>',
    );
    expect(doc.text).toContain('Klik op het pictogram Ongeordende lijst op de werkbalk.');
    expect(doc.text).not.toMatch(/Nummering toevoegen|Lijsten samenvoegen|Bijschriften/);
  });

  it('leaves out a side panel with a search box, and keeps one that is text', () => {
    const doc = readPage(
      '<html><body><aside class="leftside"><div class="index-label">Index 🔎︎</div><input type="search" placeholder="Zoeken"></aside>',
      '<p>Druk op Ctrl+Enter.</p><aside><p>Let op: een handmatig pagina-einde blijft staan.</p></aside></body></html>',
    );
    expect(doc.text).not.toContain('Index');
    expect(doc.text).toContain('Druk op Ctrl+Enter.');
    expect(doc.text).toContain('Let op: een handmatig pagina-einde blijft staan.');
  });

  it('leaves out what a page hides, and of alternatives a script chooses from reads the last', () => {
    const doc = readPage(
      '<html><body><p>Kies <span class="switchinline"><span hidden="true" class="MAC">LibreOffice - Voorkeuren</span>',
      '<span hidden="true">Extra - Opties</span></span> - LibreOffice Calc - Sorteerlijsten.</p>',
      '<p>Sorteer de rijen.<span hidden>Alleen voor beheerders.</span></p></body></html>',
    );
    expect(doc.text).toContain('Kies Extra - Opties - LibreOffice Calc - Sorteerlijsten.');
    expect(doc.text).toContain('Sorteer de rijen.');
    expect(doc.text).not.toMatch(/Voorkeuren|beheerders/);
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

  it('reads a Word document with its headings and the title from its metadata', async () => {
    const doc = await readDocument(await fileWith('beleid.docx', await minimalDocx(office)));
    expect(doc).toMatchObject({ kind: 'word', titleHint: 'Mantelzorgbeleid 2024', headings: ['Respijtzorg'] });
    expect(doc.text).toContain('Respijtzorg');
    expect(doc.text).toContain('Een vrijwilliger neemt de zorg tijdelijk over.');
    expect(doc.text).toContain('Dagbesteding in de buurt');
  });

  it('reads an OpenDocument text with its headings, list items and title', async () => {
    const doc = await readDocument(await fileWith('beleid.odt', await minimalOdt(office)));
    expect(doc).toMatchObject({ kind: 'opendocument', titleHint: 'Mantelzorgbeleid 2024', headings: ['Respijtzorg'] });
    expect(doc.text).toBe('Respijtzorg\n\nEen vrijwilliger neemt de zorg tijdelijk over.\n• Dagbesteding in de buurt');
  });

  it.each([
    ['a binary file with a text extension', 'plaatje.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), /binair/],
    ['text that is not UTF-8', 'latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]), /UTF-8/],
    ['an empty file', 'leeg.md', '', /leeg/],
    ['a broken PDF', 'kapot.pdf', '%PDF-1.4\nniet echt een pdf', /PDF/],
    ['a broken Word file', 'kapot.docx', 'geen zip', /Word/],
    ['a broken OpenDocument file', 'kapot.odt', 'geen zip', /OpenDocument/],
  ])('refuses %s with the reason', async (_, name, content, reason) => {
    const error = await readDocument(await fileWith(name, content)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreadableDocument);
    expect((error as UnreadableDocument).reason).toMatch(reason);
  });

  it('refuses a file over the size limit, saying how to allow it', async () => {
    const error = await readDocument(await fileWith('groot.txt', 'woord '.repeat(1000)), 1000).catch((caught: unknown) => caught);
    expect((error as UnreadableDocument).reason).toMatch(/groter dan .*MAX_DOCUMENT_MB/);
  });
});

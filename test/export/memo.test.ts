// The Word memo through the HTTP app, from real answers over the bundled corpus: one real
// footnote per citation holding its quote verbatim, the references in the order of the text, the
// answer readable back by mammoth; every citation re-checked (a changed document, a changed
// sentence or a collection the caller may not read refuses the export with 409); Dutch as the
// language, Bronwijzer as the creator, a municipality's template for the styles.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { type AskResponse, askResponseSchema, type MemoRequest } from '../../api/contract.js';
import { readTemplateStyles } from '../../api/export/memo-template.js';
import { memoTurn } from '../../api/export/memo-turn.js';
import { loadEngine } from '../../api/load-engine.js';
import { messages } from '../../api/messages.js';
import { COLLECTIONS_CORPUS } from '../fixtures/collections-corpus.js';
import { CORPUS_DIR, OFFLINE_MODEL } from '../fixtures/paths.js';
import { buildTestIndex, postJson, SMALL_CORPUS, writeCorpus } from '../fixtures/test-index.js';

type App = ReturnType<typeof createApp>;
let app: App;

async function appOver(corpus: string, options: Partial<Parameters<typeof createApp>[0]> = {}): Promise<App> {
  const { engine } = await loadEngine(await buildTestIndex(corpus), OFFLINE_MODEL);
  return createApp({ engine: () => engine, health: () => ({ status: 'ok', modes: engine.modes, manifest: engine.manifest, warnings: [] }), ...options });
}

beforeAll(async () => {
  app = await appOver(CORPUS_DIR, { publicUrl: 'https://bronwijzer.gemeente.nl' });
});

async function ask(question: string, on = app): Promise<AskResponse> {
  return askResponseSchema.parse(await (await on.request('/api/ask', postJson({ question }))).json());
}

async function exportMemo(turns: MemoRequest['turns'], on = app) {
  return on.request('/api/export/memo', postJson({ turns }));
}

/** The parts of a .docx, and the text of each footnote and the footnote ids in the order the text refers to them. */
async function partsOf(response: Response) {
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const files = unzipSync(bytes);
  const xml = (name: string) => strFromU8(files[name]!);
  const textOf = (fragment: string) =>
    [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((match) => match[1]!)
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const footnotes = [...xml('word/footnotes.xml').matchAll(/<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g)].map((match) => ({
    id: Number(match[1]),
    text: textOf(match[2]!),
  }));
  const references = [...xml('word/document.xml').matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((match) => Number(match[1]));
  const { value: readBack } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return { bytes, xml, footnotes, references, readBack };
}

const sentencesOf = (answer: string) =>
  answer
    .split(/(?:\s*\[\d+\])+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);

describe('the Word memo', () => {
  it('gives an extractive answer one footnote per citation, with its quote verbatim, in the order of the text', async () => {
    const question = 'Wat is respijtzorg?';
    const response = await ask(question);
    expect(response.citations.length).toBeGreaterThan(1);
    const memo = await exportMemo([memoTurn(question, response)]);
    expect(memo.headers.get('content-type')).toContain('wordprocessingml');
    expect(memo.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Memo Wat is respijtzorg.docx')}`);
    const { footnotes, references, readBack } = await partsOf(memo);
    expect(footnotes.map((note) => note.id)).toEqual(response.citations.map((_, i) => i + 1));
    expect(references).toEqual(response.citations.map((_, i) => i + 1));
    response.citations.forEach((citation, i) => {
      expect(footnotes[i]!.text).toContain(`„${citation.quote}”`);
      expect(footnotes[i]!.text).toContain(`https://bronwijzer.gemeente.nl${citation.url}`);
    });
    for (const sentence of sentencesOf(response.answer)) expect(readBack).toContain(sentence);
    expect(readBack).toContain(`Onderwerp: ${question}`);
    expect(readBack).toContain('Bronnen');
  });

  it('names whom a quote is by where the document says so in a byline, as the chat cites it', async () => {
    const question = "Wat zegt Tim 's Jongers over armoede?";
    const response = await ask(question);
    expect(response.citations.length).toBeGreaterThan(0);
    for (const citation of response.citations) expect(citation.attribution).toBe("Tim 's Jongers, Mei 2024");
    const { footnotes } = await partsOf(await exportMemo([memoTurn(question, response)]));
    const title = response.citations[0]!.title;
    for (const note of footnotes) expect(note.text).toContain(`(Tim 's Jongers, Mei 2024, in: ${title}`);
    // Without a byline above it, a quote is the document's own.
    const own = await ask('Wat is respijtzorg?');
    expect(own.citations.every((citation) => citation.attribution === null)).toBe(true);
    const { footnotes: plain } = await partsOf(await exportMemo([memoTurn('Wat is respijtzorg?', own)]));
    for (const note of plain) expect(note.text).not.toContain(', in: ');
  });

  it("keeps a partial answer's framing sentence", async () => {
    const question = 'Hoe kan de gemeente eenzaamheid onder ouderen aanpakken?';
    const partial = await ask(question);
    // Whatever the verdict on this question, the memo keeps the framing of a partial answer.
    const response: AskResponse =
      partial.confidence === 'partial' ? partial : { ...partial, confidence: 'partial', answer: `${messages.partialAnswer} ${partial.answer}` };
    const { readBack, footnotes } = await partsOf(await exportMemo([memoTurn(question, response)]));
    expect(readBack).toContain(messages.partialAnswer);
    expect(footnotes).toHaveLength(response.citations.length);
  });

  it('holds a conversation of three turns, numbering the footnotes through, with one source entry per document', async () => {
    const questions = ['Wat is respijtzorg?', 'Welke risicogroepen voor eenzaamheid zijn er?', 'Wat is de hoofdstad van Australië?'];
    const responses = await Promise.all(questions.map((question) => ask(question)));
    const { footnotes, references, readBack } = await partsOf(await exportMemo(questions.map((question, i) => memoTurn(question, responses[i]!))));
    const citations = responses.flatMap((response) => response.citations);
    expect(footnotes).toHaveLength(citations.length);
    expect(references).toEqual(citations.map((_, i) => i + 1));
    for (const [i, citation] of citations.entries()) expect(footnotes[i]!.text).toContain(`„${citation.quote}”`);
    for (const question of questions) expect(readBack).toContain(question);
    expect(readBack).toContain(messages.memo.notFound);
    expect(readBack).toContain(messages.memo.conversation(questions[0]!, 2));
    const sources = readBack.slice(readBack.lastIndexOf('Bronnen'));
    for (const title of new Set(citations.map((citation) => citation.title))) expect(sources.split(title).length - 1).toBe(1);
  });

  it("exports a language model's checked sentences and says a model wrote them", async () => {
    const response = await ask('Wat is respijtzorg?');
    const [first] = response.citations;
    const llm: MemoRequest['turns'][number] = {
      question: 'Wat is respijtzorg?',
      answer: 'Volgens de documenten kan een vrijwilliger de zorg tijdelijk overnemen. [1]',
      answered: true,
      mode: 'llm',
      confidence: 'high',
      citations: [{ n: 1, documentId: first!.documentId, start: first!.start, end: first!.end, quote: first!.quote }],
    };
    const { readBack, footnotes } = await partsOf(await exportMemo([llm]));
    expect(readBack).toContain('Volgens de documenten kan een vrijwilliger de zorg tijdelijk overnemen.');
    expect(readBack).toContain(messages.memo.languageModel);
    expect(footnotes[0]!.text).toContain(`„${first!.quote}”`);
  });

  it('refuses a quote the document no longer holds, naming it (409)', async () => {
    const corpus = await writeCorpus(SMALL_CORPUS);
    const before = await appOver(corpus);
    const response = await ask('Wat is respijtzorg?', before);
    await writeFile(join(corpus, 'mantelzorg.txt'), SMALL_CORPUS['mantelzorg.txt']!.replace('vrijwilliger', 'buurtbewoner'));
    const after = await appOver(corpus);
    const refused = await exportMemo([memoTurn('Wat is respijtzorg?', response)], after);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'export_stale', message: expect.stringContaining('vrijwilliger') } });
  });

  it('refuses an extractive answer whose text is not its quotes', async () => {
    const response = await ask('Wat is respijtzorg?');
    const changed = { ...memoTurn('Wat is respijtzorg?', response), answer: response.answer.replace(/^[^[]*/, 'Respijtzorg is afgeschaft. ') };
    const refused = await exportMemo([changed]);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'export_stale', message: messages.exportNotLiteral } });
  });

  it('refuses a quote from a collection the caller may not read, as if it did not exist', async () => {
    const teams = await appOver(await writeCorpus(COLLECTIONS_CORPUS));
    const text = COLLECTIONS_CORPUS['team-wmo/wmo-embargo.txt']!;
    const quote = 'De eigen bijdrage voor de Wmo stijgt in 2027 naar eenentwintig euro per maand.';
    const start = text.indexOf(quote);
    const turn = { question: 'Eigen bijdrage?', answer: `${quote} [1]`, answered: true, mode: 'extractive' as const, confidence: 'high' as const };
    const refused = await exportMemo([{ ...turn, citations: [{ n: 1, documentId: 'team-wmo-wmo-embargo', start, end: start + quote.length, quote }] }], teams);
    expect(refused.status).toBe(409);
  });

  it('sets Dutch as the language, Bronwijzer as the creator and the question as the title', async () => {
    const response = await ask('Wat is respijtzorg?');
    const { xml } = await partsOf(await exportMemo([memoTurn('Wat is respijtzorg?', response)]));
    expect(xml('word/styles.xml')).toContain('w:lang w:val="nl-NL"');
    expect(xml('docProps/core.xml')).toMatch(/<dc:creator>Bronwijzer<\/dc:creator>/);
    expect(xml('docProps/core.xml')).toContain('<dc:title>Memo: Wat is respijtzorg?</dc:title>');
    expect(xml('docProps/core.xml')).toMatch(/<dcterms:created[^>]*>\d{4}-\d{2}-\d{2}T/);
  });

  it("takes its styles from the municipality's template", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bronwijzer-template-'));
    const template = new Document({
      styles: { paragraphStyles: [{ id: 'Heading2', name: 'Kop van Gemeente Voorbeeld', basedOn: 'Normal', run: { color: 'AA0000', size: 28 } }] },
      sections: [{ children: [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Sjabloon')] })] }],
    });
    await writeFile(join(dir, 'sjabloon.docx'), await Packer.toBuffer(template));
    const styles = await readTemplateStyles(join(dir, 'sjabloon.docx'));
    const templated = await appOver(CORPUS_DIR, { memoStyles: styles });
    const response = await ask('Wat is respijtzorg?', templated);
    const { xml } = await partsOf(await exportMemo([memoTurn('Wat is respijtzorg?', response)], templated));
    expect(xml('word/styles.xml')).toContain('Kop van Gemeente Voorbeeld');
    await writeFile(join(dir, 'geen.docx'), 'geen Word-document');
    await expect(readTemplateStyles(join(dir, 'geen.docx'))).rejects.toThrow(/MEMO_TEMPLATE: .*geen Word-document/);
  });

  it('validates the request like every other, body limit included', async () => {
    expect((await app.request('/api/export/memo', postJson({ turns: [] }))).status).toBe(400);
    const huge = Array.from({ length: 20 }, () => ({
      question: 'x',
      answer: 'y'.repeat(8000),
      answered: true,
      citations: [{ n: 1, documentId: 'd', start: 0, end: 1, quote: 'q'.repeat(8000) }],
    }));
    const small = { question: 'x', answer: 'y', answered: false, citations: [] };
    expect((await app.request('/api/export/memo', postJson({ turns: Array(21).fill(small) }))).status).toBe(400); // too many turns
    const overLimit = await app.request(
      '/api/export/memo',
      postJson({ turns: huge.map((turn) => ({ ...turn, citations: Array(40).fill(turn.citations[0]) })) }),
    );
    expect(overLimit.status).toBe(413);
  });
});

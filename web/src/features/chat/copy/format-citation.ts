// Memo-ready references: a quote in Dutch quotation marks with title, source, date, section and
// link; as plain text and as HTML, for a single citation and for a whole answer with footnotes.
import type { AskResponse, Citation, DocumentSummary } from '../../../../../api/contract';
import { quotedReference, referenceParts } from '../../../../../api/reference';
import { text } from '../../../shared/text.nl';

export interface Clip {
  plain: string;
  html: string;
}

type Catalog = ReadonlyMap<string, DocumentSummary>;

/** The document a citation is from, as its reference names it. */
const referred = (citation: Citation, catalog: Catalog) => {
  const document = catalog.get(citation.documentId);
  return { title: citation.title, source: document?.source ?? null, date: document?.date ?? null };
};

export function formatCitation(citation: Citation, catalog: Catalog, baseUrl: string): Clip {
  const link = new URL(citation.url, baseUrl).href;
  const reference = quotedReference(citation.quote, referred(citation, catalog), citation);
  return {
    plain: `${reference} ${link}`,
    html: `<p>${escapeHtml(reference)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
  };
}

/**
 * The answer for a memo: its sentences with footnote markers, one footnote per document (title,
 * source, date, the sections quoted, a link to the first quoted passage). The quotes are the
 * answer's own sentences, so the footnotes do not repeat them.
 */
export function formatAnswer(response: AskResponse, catalog: Catalog, baseUrl: string): Clip {
  const documents: { documentId: string; citations: Citation[] }[] = [];
  const noteOf = new Map<number, number>(); // citation n → footnote number
  for (const citation of response.citations) {
    let at = documents.findIndex((entry) => entry.documentId === citation.documentId);
    if (at === -1) at = documents.push({ documentId: citation.documentId, citations: [] }) - 1;
    documents[at]!.citations.push(citation);
    noteOf.set(citation.n, at + 1);
  }
  const answer = withFootnoteMarkers(response.answer, noteOf);
  const notes = documents.map(({ citations }, i) => {
    const first = citations[0]!;
    const parts = referenceParts(
      referred(first, catalog),
      citations.map((citation) => citation.section),
      citations.map((citation) => citation.attribution),
    );
    return { n: i + 1, parts, link: new URL(first.url, baseUrl).href };
  });
  const plainNotes = notes.map(({ n, parts, link }) => `[${n}] ${parts.join(', ')}. ${link}`).join('\n');
  const htmlAnswer = escapeHtml(answer).replace(/\[(\d+)\]/g, '<sup>[$1]</sup>');
  const htmlNotes = notes
    .map(({ n, parts, link }) => `<li value="${n}">${parts.map(escapeHtml).join(', ')}. <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></li>`)
    .join('');
  return {
    plain: `${answer}\n\n${text.footnotes}:\n${plainNotes}`,
    html: `<p>${htmlAnswer}</p><p>${text.footnotes}:</p><ol>${htmlNotes}</ol>`,
  };
}

/**
 * "Zin A. [1] Zin B. [2] Zin C. [3]" with citations 1 and 2 from one document and 3 from
 * another becomes "Zin A. Zin B. [1] Zin C. [2]": adjacent sentences of one document share
 * their document's marker.
 */
function withFootnoteMarkers(answer: string, noteOf: ReadonlyMap<number, number>): string {
  const parts = answer.split(/ \[(\d+)\]/); // text, n, text, n, …, text
  let result = '';
  for (let i = 0; i < parts.length; i += 2) {
    result += parts[i];
    if (i + 1 >= parts.length) break;
    const note = noteOf.get(Number(parts[i + 1]));
    const nextNote = i + 3 < parts.length ? noteOf.get(Number(parts[i + 3])) : undefined;
    if (note === undefined) result += ` [${parts[i + 1]}]`;
    else if (note !== nextNote) result += ` [${note}]`;
  }
  return result;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

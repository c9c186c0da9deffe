// Memo-ready references: a quote in Dutch quotation marks with title, source, date, section and
// link; as plain text and as HTML, for a single citation and for a whole answer with footnotes.
import type { AskResponse, Citation, DocumentSummary } from '../../../../../api/contract';
import { formatDate } from '../../../shared/format-date';
import { text } from '../../../shared/text.nl';

export interface Clip {
  plain: string;
  html: string;
}

type Catalog = ReadonlyMap<string, DocumentSummary>;

function reference(citation: Citation, catalog: Catalog): string[] {
  const document = catalog.get(citation.documentId);
  return [
    citation.title,
    document?.source ?? null,
    formatDate(document?.date ?? null),
    citation.section ? `${text.section.toLowerCase()} “${citation.section}”` : null,
  ].filter((part): part is string => Boolean(part));
}

export function formatCitation(citation: Citation, catalog: Catalog, baseUrl: string): Clip {
  const link = new URL(citation.url, baseUrl).href;
  const parts = reference(citation, catalog);
  return {
    plain: `„${citation.quote}” (${parts.join(', ')}). ${link}`,
    html: `<p>„${escapeHtml(citation.quote)}” (${parts.map(escapeHtml).join(', ')}). <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
  };
}

export function formatAnswer(response: AskResponse, catalog: Catalog, baseUrl: string): Clip {
  const notes = response.citations.map((citation) => ({ n: citation.n, clip: formatCitation(citation, catalog, baseUrl) }));
  const plainNotes = notes.map(({ n, clip }) => `[${n}] ${clip.plain}`).join('\n');
  const htmlAnswer = escapeHtml(response.answer).replace(/\[(\d+)\]/g, '<sup>[$1]</sup>');
  const htmlNotes = notes.map(({ n, clip }) => `<li value="${n}">${clip.html.replace(/^<p>|<\/p>$/g, '')}</li>`).join('');
  return {
    plain: `${response.answer}\n\n${text.footnotes}:\n${plainNotes}`,
    html: `<p>${htmlAnswer}</p><p>${text.footnotes}:</p><ol>${htmlNotes}</ol>`,
  };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

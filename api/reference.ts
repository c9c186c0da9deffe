// How a quote is referred to wherever a colleague takes it away (a copied citation, a memo's
// footnote): „quote” (title, source, date, paragraaf “section”). link. A quote from text
// recognised in a scan says so. Free of server code, so the chat uses the same lines.

// Dates as Dutch readers write them: "8 juni 2020".
const formatter = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatDate(isoDate: string | null): string | null {
  if (!isoDate) return null;
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : formatter.format(date);
}

export interface ReferredDocument {
  title: string;
  source?: string | null;
  date?: string | null;
}

/** Title, source, date and the sections quoted, as the parts of a reference. */
export function referenceParts(document: ReferredDocument, sections: readonly (string | null)[] = []): string[] {
  const named = [...new Set(sections.filter((section): section is string => Boolean(section)))];
  return [
    document.title,
    document.source ?? null,
    formatDate(document.date ?? null),
    named.length > 0 ? `paragraaf ${named.map((section) => `“${section}”`).join(', ')}` : null,
  ].filter((part): part is string => Boolean(part));
}

/** Said beside every quote from text recognised in a scan: OCR can misread a figure or a name. */
export const SCAN_NOTE = 'tekst herkend uit een scan: controleer het origineel';

/** "tekst herkend uit een scan: controleer het origineel (pagina 2)", or null for a quote from a text layer. */
export function scanNote(recognised: { pages: readonly number[] } | null | undefined): string | null {
  if (!recognised) return null;
  const { pages } = recognised;
  return `${SCAN_NOTE} (${pages.length === 1 ? 'pagina' : "pagina's"} ${pages.join(', ')})`;
}

/** „quote” (title, source, date, paragraaf “section”; tekst herkend uit een scan: …). */
export function quotedReference(
  quote: string,
  document: ReferredDocument,
  section: string | null,
  recognised: { pages: readonly number[] } | null = null,
): string {
  const note = scanNote(recognised);
  return `„${quote}” (${referenceParts(document, [section]).join(', ')}${note ? `; ${note}` : ''}).`;
}

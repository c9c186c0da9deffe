// How a quote is referred to wherever a colleague takes it away (a copied citation, a memo's
// footnote): „quote” (author, in: title, source, date, paragraaf “section”). link. The author is
// the byline the quoted text stands under, when the document names one (a report summing up
// others' work); a quote from text recognised in a scan says so. Free of server code, so the
// chat uses the same lines.

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

/** Where in its document a quote stands: its section, whom it is by, and whether it was recognised from a scan. */
export interface QuotePlace {
  section: string | null;
  attribution?: string | null;
  recognised?: { pages: readonly number[] } | null;
}

/** The distinct non-empty values, in order. */
const named = (values: readonly (string | null | undefined)[]) => [...new Set(values.filter((value): value is string => Boolean(value)))];

/**
 * Whom the quoted text is by (the bylines it stands under), title, source, date and the sections
 * quoted, as the parts of a reference: "Jitske Kramer, September 2020", "in: Visie …", ….
 */
export function referenceParts(document: ReferredDocument, sections: readonly (string | null)[] = [], attributions: readonly (string | null)[] = []): string[] {
  const by = named(attributions);
  const quoted = named(sections);
  return [
    by.length > 0 ? by.join('; ') : null,
    by.length > 0 ? `in: ${document.title}` : document.title,
    document.source ?? null,
    formatDate(document.date ?? null),
    quoted.length > 0 ? `paragraaf ${quoted.map((section) => `“${section}”`).join(', ')}` : null,
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

/** „quote” (author, in: title, source, date, paragraaf “section”; tekst herkend uit een scan: …). */
export function quotedReference(quote: string, document: ReferredDocument, { section, attribution = null, recognised = null }: QuotePlace): string {
  const note = scanNote(recognised);
  return `„${quote}” (${referenceParts(document, [section], [attribution]).join(', ')}${note ? `; ${note}` : ''}).`;
}

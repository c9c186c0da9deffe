// How a quote is referred to wherever a colleague takes it away (a copied citation, a memo's
// footnote): „quote” (title, source, date, paragraaf “section”). link. Free of server code, so
// the chat uses the same lines.

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

/** „quote” (title, source, date, paragraaf “section”). */
export function quotedReference(quote: string, document: ReferredDocument, section: string | null): string {
  return `„${quote}” (${referenceParts(document, [section]).join(', ')}).`;
}

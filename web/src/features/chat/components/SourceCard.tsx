// One cited source: document, its collection (when there are several), section, date, the exact
// quote (with the scan note when it was recognised from a scan), a link to it and a copy button.
import type { Citation } from '../../../../../api/contract';
import { formatDate, scanNote } from '../../../../../api/reference';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../chat-settings';
import { formatCitation } from '../copy/format-citation';
import type { CatalogEntry } from '../hooks/use-catalog';
import { CopyButton } from './CopyButton';
import { DocumentLink } from './DocumentLink';

export function SourceCard({ citation, catalog, idPrefix }: { citation: Citation; catalog: ReadonlyMap<string, CatalogEntry>; idPrefix: string }) {
  const { baseUrl } = useChatSettings();
  const document = catalog.get(citation.documentId);
  const date = formatDate(document?.date ?? null);
  const titleId = `${idPrefix}-source-${citation.n}`;
  const note = scanNote(citation.recognised);
  return (
    <li className="source-card" id={`${idPrefix}-note-${citation.n}`}>
      <p className="source-heading" id={titleId}>
        <span className="source-number" aria-hidden="true">
          {citation.n}
        </span>
        <DocumentLink href={citation.url} className="source-title">
          {citation.title}
        </DocumentLink>
      </p>
      <p className="source-meta">
        {[
          document?.collectionTitle && `${text.collection}: ${document.collectionTitle}`,
          citation.section && `${text.section}: ${citation.section}`,
          citation.attribution,
          document?.source,
          date,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <blockquote className="source-quote">„{citation.quote}”</blockquote>
      {note && (
        <p className="scan-note" role="note">
          {note.charAt(0).toUpperCase() + note.slice(1)}
        </p>
      )}
      <CopyButton label={text.copyCitation} describedBy={titleId} clip={() => formatCitation(citation, catalog, baseUrl)} />
    </li>
  );
}

// Every document the assistant answers from: title, kind, source, date and passage count,
// filtered as you type.
import { useEffect, useId, useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../../../api/contract';
import { formatDate } from '../../../../../api/reference';
import { ApiError } from '../../../lib/api-client';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../../chat/chat-settings';
import { DocumentLink } from '../../chat/components/DocumentLink';

type State = { status: 'loading' } | { status: 'ready'; documents: DocumentSummary[] } | { status: 'failed'; message: string };

export function DocumentLibrary() {
  const { api } = useChatSettings();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const hintId = useId();

  useEffect(() => {
    window.document.title = text.libraryPageTitle;
    let live = true;
    api.documents().then(
      (documents) => live && setState({ status: 'ready', documents: [...documents].sort((a, b) => a.title.localeCompare(b.title, 'nl')) }),
      (error: unknown) => live && setState({ status: 'failed', message: error instanceof ApiError ? error.message : text.unexpected }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const documents = state.status === 'ready' ? state.documents : [];
  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return documents.filter((document) => {
      const haystack = [
        document.title,
        document.source ?? '',
        text.kinds[document.kind] ?? document.kind,
        document.scannedPages > 0 ? text.scannedBadge(document.scannedPages) : '',
      ]
        .join(' ')
        .toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
  }, [documents, filter]);

  return (
    <main id="main" className="library-page">
      <p>
        <DocumentLink href="/">{text.backToChat}</DocumentLink>
      </p>
      <h1>{text.libraryTitle}</h1>
      {state.status === 'loading' && <p role="status">{text.documentLoading}</p>}
      {state.status === 'failed' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && (
        <>
          <p>{text.libraryIntro(documents.length)}</p>
          <p className="library-filter">
            <label htmlFor={filterId}>{text.libraryFilter}</label>
            <input id={filterId} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} aria-describedby={hintId} />
            <span id={hintId} className="question-hint">
              {text.libraryFilterHint}
            </span>
          </p>
          <p className="library-count" role="status">
            {text.libraryShown(shown.length, documents.length)}
          </p>
          {shown.length === 0 ? (
            <p>{text.libraryNone}</p>
          ) : (
            <div className="table-scroll">
              <table className="library">
                <caption className="visually-hidden">{text.libraryTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{text.columnTitle}</th>
                    <th scope="col">{text.columnKind}</th>
                    <th scope="col">{text.columnSource}</th>
                    <th scope="col">{text.columnDate}</th>
                    <th scope="col" className="numeric">
                      {text.columnPassages}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((document) => (
                    <tr key={document.id}>
                      <th scope="row">
                        <DocumentLink href={`/documents/${encodeURIComponent(document.id)}`}>{document.title}</DocumentLink>
                      </th>
                      <td>
                        {text.kinds[document.kind] ?? document.kind}
                        {document.scannedPages > 0 && <span className="scan-badge">{text.scannedBadge(document.scannedPages)}</span>}
                      </td>
                      <td>{document.source ?? ''}</td>
                      <td>{formatDate(document.date) ?? ''}</td>
                      <td className="numeric">{document.chunks}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </main>
  );
}

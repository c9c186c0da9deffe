// A whole document with the cited passage highlighted, scrolled into view and focused, and the
// rest readable around it. The URL (/documents/:id#start-end) is shareable.
import { useEffect, useRef, useState } from 'react';
import type { DocumentWithText } from '../../../../../api/contract';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../shared/format-date';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../../chat/chat-settings';
import { DocumentLink } from '../../chat/components/DocumentLink';
import { parseRange } from '../parse-range';

type State = { status: 'loading' } | { status: 'ready'; document: DocumentWithText } | { status: 'failed'; message: string };

export function DocumentView({ id, hash }: { id: string; hash: string }) {
  const { api } = useChatSettings();
  const [state, setState] = useState<State>({ status: 'loading' });
  const mark = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    api.document(id).then(
      (document) => live && setState({ status: 'ready', document }),
      (error: unknown) =>
        live &&
        setState({
          status: 'failed',
          message: error instanceof ApiError && error.status === 404 ? text.documentNotFound : error instanceof ApiError ? error.message : text.unexpected,
        }),
    );
    return () => {
      live = false;
    };
  }, [api, id]);

  const range = state.status === 'ready' ? parseRange(hash, state.document.text.length) : null;
  const highlightKey = range ? `${range.start}-${range.end}` : null;
  useEffect(() => {
    if (!highlightKey || !mark.current) return;
    mark.current.scrollIntoView?.({ block: 'center' });
    mark.current.focus({ preventScroll: true });
  }, [highlightKey]);

  return (
    <main id="main" className="document-page">
      <p>
        <DocumentLink href="/">{text.backToChat}</DocumentLink>
      </p>
      {state.status === 'loading' && <p role="status">{text.documentLoading}</p>}
      {state.status === 'failed' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && (
        <article className="document" aria-labelledby="document-title">
          <h1 id="document-title">{state.document.title}</h1>
          <p className="source-meta">{[state.document.source, formatDate(state.document.date)].filter(Boolean).join(' · ')}</p>
          <div className="document-text">
            {range ? (
              <>
                {state.document.text.slice(0, range.start)}
                <span ref={mark} tabIndex={-1} role="note" aria-label={text.highlightedPassage} className="highlight-target">
                  <mark className="highlight">{state.document.text.slice(range.start, range.end)}</mark>
                </span>
                {state.document.text.slice(range.end)}
              </>
            ) : (
              state.document.text
            )}
          </div>
        </article>
      )}
    </main>
  );
}

// A whole document with the cited passage highlighted, scrolled into view and focused. A sticky
// header keeps the title, the way back to the question you came from, find-in-document and the
// steps between the passages that answer cites; the sections are headings, listed as a table of
// contents. The URL (/documents/:id#start-end) is shareable.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DocumentWithText } from '../../../../../api/contract';
import { formatDate } from '../../../../../api/reference';
import { ApiError } from '../../../lib/api-client';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../../chat/chat-settings';
import { DocumentLink } from '../../chat/components/DocumentLink';
import { citedRanges } from '../cited-ranges';
import { findMatches, markedText } from '../marked-text';
import { parseRange } from '../parse-range';
import { FindInDocument } from './FindInDocument';

type State = { status: 'loading' } | { status: 'ready'; document: DocumentWithText } | { status: 'failed'; message: string };

export function DocumentView({ id, hash }: { id: string; hash: string }) {
  const { api, navigate, storageKey } = useChatSettings();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const [currentMatch, setCurrentMatch] = useState(0);
  const mark = useRef<HTMLElement>(null);
  const header = useRef<HTMLElement>(null);
  const tocId = useId();

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

  const document = state.status === 'ready' ? state.document : null;
  useEffect(() => {
    if (document) window.document.title = text.documentPageTitle(document.title);
  }, [document]);

  const range = document ? parseRange(hash, document.text.length) : null;
  const highlightKey = range ? `${range.start}-${range.end}` : null;
  useEffect(() => {
    if (!highlightKey || !mark.current) return;
    mark.current.scrollIntoView?.({ block: 'center' });
    mark.current.focus({ preventScroll: true });
  }, [highlightKey]);

  // The sticky header's height as the page's scroll padding: nothing scrolled to hides under it.
  useLayoutEffect(() => {
    const element = header.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const root = window.document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.scrollPaddingTop = `${element.offsetHeight + 8}px`;
      root.style.setProperty('--bw-header-height', `${element.offsetHeight + 8}px`);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = '';
      root.style.removeProperty('--bw-header-height');
    };
  });

  const matches = useMemo(() => (document ? findMatches(document.text, query) : []), [document, query]);
  const cited = useMemo(() => (document ? citedRanges(storageKey, document.id) : []), [document, storageKey]);
  const citedAt = range ? cited.findIndex((candidate) => candidate.start === range.start && candidate.end === range.end) : -1;
  const goToCited = (index: number) => {
    const target = cited[index];
    if (target) navigate?.(`/documents/${encodeURIComponent(id)}#${target.start}-${target.end}`, { replace: true });
  };

  return (
    <main id="main" className="document-page">
      {state.status === 'loading' && <p role="status">{text.documentLoading}</p>}
      {state.status === 'failed' && (
        <>
          <p>
            <DocumentLink href="/">{text.backToChat}</DocumentLink>
          </p>
          <p role="alert">{state.message}</p>
        </>
      )}
      {document && (
        <>
          <header className="document-header" ref={header}>
            <p className="document-nav">
              <DocumentLink href="/">{text.backToChat}</DocumentLink>
              <DocumentLink href="/documents">{text.libraryTitle}</DocumentLink>
            </p>
            <h1 id="document-title">{document.title}</h1>
            <p className="source-meta">{[document.source, formatDate(document.date)].filter(Boolean).join(' · ')}</p>
            {document.recognised.length > 0 && (
              <p className="scan-note" role="note">
                {text.scannedPages(document.recognised.map((page) => page.page))}
              </p>
            )}
            <div className="document-tools">
              {cited.length > 1 && citedAt !== -1 && (
                <nav className="cited-steps" aria-label={text.citedStepsLabel}>
                  <button type="button" className="button-secondary" disabled={citedAt === 0} onClick={() => goToCited(citedAt - 1)}>
                    {text.previousCitation}
                  </button>
                  <span aria-live="polite">{text.citationPosition(citedAt + 1, cited.length)}</span>
                  <button type="button" className="button-secondary" disabled={citedAt === cited.length - 1} onClick={() => goToCited(citedAt + 1)}>
                    {text.nextCitation}
                  </button>
                </nav>
              )}
              <FindInDocument
                query={query}
                onQuery={(value) => {
                  setQuery(value);
                  setCurrentMatch(0);
                }}
                total={matches.length}
                current={currentMatch}
                onStep={(step) => setCurrentMatch((index) => (matches.length ? (index + step + matches.length) % matches.length : 0))}
              />
            </div>
          </header>
          <div className="document-layout">
            {document.sections.length > 1 && (
              <nav className="toc" aria-labelledby={tocId}>
                <h2 id={tocId} className="toc-heading">
                  {text.contents}
                </h2>
                <ol>
                  {document.sections.map((section, i) => (
                    <li key={section.start}>
                      <a
                        href={`#sectie-${i}`}
                        onClick={(event) => {
                          event.preventDefault();
                          const heading = window.document.getElementById(`sectie-${i}`);
                          heading?.scrollIntoView?.({ block: 'start' });
                          heading?.focus({ preventScroll: true });
                        }}
                      >
                        {section.title}
                      </a>
                    </li>
                  ))}
                </ol>
              </nav>
            )}
            <article className="document" aria-labelledby="document-title">
              <DocumentText document={document} highlight={range} matches={matches} currentMatch={currentMatch} highlightRef={mark} />
            </article>
          </div>
        </>
      )}
    </main>
  );
}

interface DocumentTextProps {
  document: DocumentWithText;
  highlight: ReturnType<typeof parseRange>;
  matches: ReturnType<typeof findMatches>;
  currentMatch: number;
  highlightRef: React.RefObject<HTMLElement | null>;
}

/** The text, section by section: a section's own heading line as a heading, the rest as it is. */
function DocumentText({ document, highlight, matches, currentMatch, highlightRef }: DocumentTextProps) {
  const { text: body, sections } = document;
  const marks = { highlight, matches, currentMatch, highlightRef, highlightLabel: text.highlightedPassage };
  useEffect(() => {
    if (matches.length === 0) return;
    window.document.querySelector(`[data-match="${currentMatch}"]`)?.scrollIntoView?.({ block: 'center' });
  }, [matches, currentMatch]);
  const starts = sections.length > 0 && sections[0]!.start === 0 ? sections : [{ title: '', start: 0 }, ...sections];
  return (
    <div className="document-text">
      {starts.map((section, i) => {
        const end = starts[i + 1]?.start ?? body.length;
        const headingEnd = section.title && body.startsWith(section.title, section.start) ? section.start + section.title.length : section.start;
        // The line break after a heading is the heading's own end, not a blank line in the body.
        const bodyStart = headingEnd > section.start && body[headingEnd] === '\n' ? headingEnd + 1 : headingEnd;
        const index = sections.indexOf(section as (typeof sections)[number]);
        return (
          <section key={section.start} className="document-section">
            {headingEnd > section.start && (
              <h2 id={`sectie-${index}`} tabIndex={-1} className="document-heading">
                {markedText(body, section.start, headingEnd, marks)}
              </h2>
            )}
            <div className="document-body">{markedText(body, bodyStart, end, marks)}</div>
          </section>
        );
      })}
    </div>
  );
}

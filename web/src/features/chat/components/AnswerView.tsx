// An answer: its sentences with clickable citation markers, the sources beneath, and a copy
// button; or, when the documents hold no answer, that message with the closest passages.
import { Fragment } from 'react';
import type { AskResponse, DocumentSummary } from '../../../../../api/contract';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../chat-settings';
import { formatAnswer } from '../copy/format-citation';
import { CopyButton } from './CopyButton';
import { DocumentLink } from './DocumentLink';
import { SourceCard } from './SourceCard';

interface Props {
  response: AskResponse;
  catalog: ReadonlyMap<string, DocumentSummary>;
  idPrefix: string;
  /** Asks the same question again without the conversation, when it was read as a follow-up. */
  onAskAsNew?: () => void;
}

export function AnswerView({ response, catalog, idPrefix, onAskAsNew }: Props) {
  const { baseUrl } = useChatSettings();
  const followUp = response.interpretedAs && <FollowUpNotice earlier={response.interpretedAs.followUpOf} onAskAsNew={onAskAsNew} />;
  if (!response.answered) {
    return (
      <>
        {followUp}
        <NotFound response={response} />
      </>
    );
  }
  const citations = new Map(response.citations.map((citation) => [citation.n, citation]));
  const parts = response.answer.split(/\[(\d+)\]/);

  return (
    <div className="answer">
      {followUp}
      {response.confidence === 'partial' && <p className="notice notice-partial">{text.partialAnswer}</p>}
      {response.fallback && <p className="notice">{response.fallback.message}</p>}
      {response.mode === 'llm' && <p className="notice notice-quiet">{text.writtenByModel}</p>}
      <p className="answer-text">
        {parts.map((part, i) => {
          // The parts of one answer never move: their position is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          if (i % 2 === 0) return <Fragment key={i}>{part}</Fragment>;
          const citation = citations.get(Number(part));
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          if (!citation) return <Fragment key={i}>[{part}]</Fragment>;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <DocumentLink key={i} href={citation.url} className="chip" label={`${text.citationChip(citation.n)}: ${citation.title}`}>
              {citation.n}
            </DocumentLink>
          );
        })}
      </p>
      <div className="answer-actions">
        <CopyButton label={text.copyAnswer} clip={() => formatAnswer(response, catalog, baseUrl)} />
      </div>
      <h3 className="sources-heading">{text.sources}</h3>
      <ol className="sources">
        {response.citations.map((citation) => (
          <SourceCard key={citation.n} citation={citation} catalog={catalog} idPrefix={idPrefix} />
        ))}
      </ol>
    </div>
  );
}

function FollowUpNotice({ earlier, onAskAsNew }: { earlier: string; onAskAsNew?: (() => void) | undefined }) {
  return (
    <p className="notice notice-quiet follow-up">
      {text.readAsFollowUp(earlier)}{' '}
      {onAskAsNew && (
        <button type="button" className="button-link" onClick={onAskAsNew}>
          {text.askAsNewQuestion}
        </button>
      )}
    </p>
  );
}

function NotFound({ response }: { response: AskResponse }) {
  return (
    <div className="answer not-found">
      {response.fallback && <p className="notice">{response.fallback.message}</p>}
      <p className="not-found-heading">
        <strong>{text.notFoundHeading}</strong>
      </p>
      <p>{response.answer}</p>
      {response.passages.length > 0 && (
        <>
          <h3 className="sources-heading">{text.closestPassages}</h3>
          <ul className="passages">
            {response.passages.map((passage) => (
              <li key={passage.id} className="passage-card">
                <DocumentLink href={`/documents/${encodeURIComponent(passage.documentId)}#${passage.start}-${passage.end}`} className="source-title">
                  {passage.title}
                </DocumentLink>
                {passage.section && <span className="source-meta"> · {passage.section}</span>}
                <p className="passage-text">{excerpt(passage.text)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function excerpt(passage: string): string {
  const flat = passage.replace(/\s+/g, ' ');
  return flat.length > 280 ? `${flat.slice(0, 280).replace(/\s\S*$/, '')} …` : flat;
}

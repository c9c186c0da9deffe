// An answer: its sentences with clickable citation markers, the sources beneath, a copy button
// and a 👍/👎; or, when the documents hold no answer, that message with the closest passages
// (when there are any) and a way forward.
import { Fragment } from 'react';
import type { AskResponse } from '../../../../../api/contract';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../chat-settings';
import { formatAnswer } from '../copy/format-citation';
import { memoTurn } from '../copy/memo-turns';
import type { CatalogEntry } from '../hooks/use-catalog';
import { CopyButton } from './CopyButton';
import { DocumentLink, OriginTurn } from './DocumentLink';
import { ExportButton } from './ExportButton';
import { FeedbackControl } from './FeedbackControl';
import { SourceCard } from './SourceCard';
import { Suggestions } from './Suggestions';

interface Props {
  question: string;
  response: AskResponse;
  catalog: ReadonlyMap<string, CatalogEntry>;
  /** The conversation turn: ids inside the answer and where a followed citation returns to. */
  turnId: string;
  examples: readonly string[];
  onAsk: (question: string) => void;
  /** Asks the same question again without the conversation, when it was read as a follow-up. */
  onAskAsNew?: () => void;
}

export function AnswerView({ question, response, catalog, turnId, examples, onAsk, onAskAsNew }: Props) {
  const { baseUrl } = useChatSettings();
  const followUp = response.interpretedAs && <FollowUpNotice earlier={response.interpretedAs.followUpOf} onAskAsNew={onAskAsNew} />;
  const idPrefix = `t${turnId}`;
  if (!response.answered) {
    return (
      <OriginTurn.Provider value={turnId}>
        {followUp}
        <NotFound response={response} />
        <Suggestions examples={examples} catalog={catalog} onAsk={onAsk} headingLevel={3} />
        <FeedbackControl question={question} response={response} />
      </OriginTurn.Provider>
    );
  }
  const citations = new Map(response.citations.map((citation) => [citation.n, citation]));
  const parts = response.answer.split(/\[(\d+)\]/);

  return (
    <OriginTurn.Provider value={turnId}>
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
          <ExportButton label={text.exportMemo} turns={() => [memoTurn(question, response)]} />
        </div>
        <h3 className="sources-heading">{text.sources}</h3>
        <ol className="sources">
          {response.citations.map((citation) => (
            <SourceCard key={citation.n} citation={citation} catalog={catalog} idPrefix={idPrefix} />
          ))}
        </ol>
        <FeedbackControl question={question} response={response} />
      </div>
    </OriginTurn.Provider>
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
                {[passage.section, passage.attribution].filter(Boolean).map((meta) => (
                  <span key={meta} className="source-meta">
                    {' '}
                    · {meta}
                  </span>
                ))}
                <p className="passage-text">{excerpt(passage.text)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="not-found-next">{text.noAnswerWayForward}</p>
    </div>
  );
}

function excerpt(passage: string): string {
  const flat = passage.replace(/\s+/g, ' ');
  return flat.length > 280 ? `${flat.slice(0, 280).replace(/\s\S*$/, '')} …` : flat;
}

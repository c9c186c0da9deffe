// The chat itself, shared by the full page and the widget: the conversation as a live log,
// each answer announced to screen readers, and the question form; with a language model
// configured on the server, a choice to let it phrase the answer.
import { useEffect, useId, useRef, useState } from 'react';
import type { AnswerMode } from '../../../../../api/contract';
import { text } from '../../../shared/text.nl';
import { useCatalog, useHealth } from '../hooks/use-catalog';
import { type Turn, useConversation } from '../hooks/use-conversation';
import { AnswerView } from './AnswerView';
import { ModeBadge } from './ModeBadge';
import { QuestionForm } from './QuestionForm';

export function ChatPanel() {
  const { turns, ask, retry, clear, pending } = useConversation();
  const catalog = useCatalog();
  const health = useHealth();
  const [preferModel, setPreferModel] = useState<boolean | null>(null);
  const llm = health?.llm?.configured ? health.llm : null;
  const mode: AnswerMode | undefined = llm ? ((preferModel ?? llm.defaultMode === 'llm') ? 'llm' : 'extractive') : undefined;
  const toggleId = useId();
  const end = useRef<HTMLDivElement>(null);
  const turnCount = turns.length;
  const lastStatus = turns.at(-1)?.status;
  useEffect(() => {
    if (turnCount > 0 && lastStatus) end.current?.scrollIntoView?.({ block: 'end' });
  }, [turnCount, lastStatus]);

  return (
    <div className="chat">
      <section className="conversation" role="log" aria-live="polite" aria-relevant="additions text" aria-label={text.assistant}>
        {turns.length === 0 && <p className="empty">{text.emptyConversation}</p>}
        {turns.map((turn) => (
          <article key={turn.id} className="turn" aria-busy={turn.status === 'loading'}>
            <h2 className="turn-question">
              <span className="visually-hidden">{text.you}: </span>
              {turn.question}
            </h2>
            <TurnBody
              turn={turn}
              catalog={catalog}
              onRetry={() => void retry(turn.id, mode)}
              onAskAsNew={() => void ask(turn.question, mode, { standalone: true })}
            />
          </article>
        ))}
        <div ref={end} />
      </section>
      {turns.length > 0 && (
        <p className="conversation-actions">
          <button type="button" className="button-secondary" onClick={clear} disabled={pending} title={text.newConversationHint}>
            {text.newConversation}
          </button>
        </p>
      )}
      <QuestionForm onAsk={(question) => ask(question, mode)} pending={pending} />
      {llm && (
        <p className="model-toggle">
          <input
            id={toggleId}
            type="checkbox"
            checked={mode === 'llm'}
            onChange={(event) => setPreferModel(event.target.checked)}
            aria-describedby={`${toggleId}-hint`}
          />
          <label htmlFor={toggleId}>{text.languageModelToggle}</label>
          <span id={`${toggleId}-hint`} className="question-hint">
            {' '}
            {text.languageModelHint(llm.model ?? '')}
          </span>
        </p>
      )}
      <ModeBadge health={health} />
    </div>
  );
}

function TurnBody({ turn, catalog, onRetry, onAskAsNew }: { turn: Turn; catalog: ReturnType<typeof useCatalog>; onRetry: () => void; onAskAsNew: () => void }) {
  switch (turn.status) {
    case 'loading':
      return (
        <>
          <p className="loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {text.asking}
          </p>
          {turn.draft && (
            // The draft is for the eye; screen readers hear the validated answer when it arrives.
            <p className="draft" aria-hidden="true">
              <span className="draft-label">{text.draft}</span> {turn.draft}
            </p>
          )}
        </>
      );
    case 'failed':
      return (
        <div className="error" role="alert">
          <p>
            <strong>{text.errorHeading}.</strong> {turn.error}
          </p>
          <button type="button" className="button-secondary" onClick={onRetry}>
            {text.retry}
          </button>
        </div>
      );
    case 'answered':
      return <AnswerView response={turn.response} catalog={catalog} idPrefix={`t${turn.id}`} onAskAsNew={onAskAsNew} />;
  }
}

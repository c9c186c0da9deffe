// The chat itself, shared by the full page and the widget: the conversation as a live log,
// each answer announced to screen readers, and the question form.
import { useEffect, useRef } from 'react';
import { text } from '../../../shared/text.nl';
import { useCatalog } from '../hooks/use-catalog';
import { useConversation, type Turn } from '../hooks/use-conversation';
import { AnswerView } from './AnswerView';
import { ModeBadge } from './ModeBadge';
import { QuestionForm } from './QuestionForm';

export function ChatPanel() {
  const { turns, ask, retry, pending } = useConversation();
  const catalog = useCatalog();
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [turns]);

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
            <TurnBody turn={turn} catalog={catalog} onRetry={() => void retry(turn.id)} />
          </article>
        ))}
        <div ref={end} />
      </section>
      <QuestionForm onAsk={ask} pending={pending} />
      <ModeBadge />
    </div>
  );
}

function TurnBody({ turn, catalog, onRetry }: { turn: Turn; catalog: ReturnType<typeof useCatalog>; onRetry: () => void }) {
  switch (turn.status) {
    case 'loading':
      return (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {text.asking}
        </p>
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
      return <AnswerView response={turn.response} catalog={catalog} idPrefix={`t${turn.id}`} />;
  }
}

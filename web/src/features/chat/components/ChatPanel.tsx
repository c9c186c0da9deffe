// The chat itself, shared by the full page and the widget: the conversation as a live log,
// each answer announced to screen readers, and the question form; with a language model
// configured on the server, a choice to let it phrase the answer; with collections, a choice
// where to search, and with sign-in, who is signed in.
//
// A new question is scrolled to the top of the visible area, so its answer unfolds below it and
// is never hidden under the question form, which keeps its own height as scroll padding (focus
// never lands behind it either). Coming back from a document returns to the question it was
// followed from.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { AnswerMode } from '../../../../../api/contract';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../chat-settings';
import { memoTurn } from '../copy/memo-turns';
import { useCatalog, useHealth, useMe } from '../hooks/use-catalog';
import { type Turn, useConversation } from '../hooks/use-conversation';
import { forgetOrigin, originTurn } from '../navigation';
import { AccountBar } from './AccountBar';
import { AnswerView } from './AnswerView';
import { CollectionChoice } from './CollectionChoice';
import { ExportButton } from './ExportButton';
import { ModeBadge } from './ModeBadge';
import { QuestionForm } from './QuestionForm';
import { Suggestions, useExampleQuestions } from './Suggestions';

/** Room between the top of the visible area and a question scrolled there. */
const SCROLL_MARGIN_PX = 8;

export function ChatPanel() {
  const { scrollContainer } = useChatSettings();
  const { turns, ask, retry, clear, pending } = useConversation();
  const me = useMe();
  const catalog = useCatalog(me);
  const [collection, setCollection] = useState<string | null>(null);
  const health = useHealth();
  const examples = useExampleQuestions();
  const [preferModel, setPreferModel] = useState<boolean | null>(null);
  const llm = health?.llm?.configured ? health.llm : null;
  const mode: AnswerMode | undefined = llm ? ((preferModel ?? llm.defaultMode === 'llm') ? 'llm' : 'extractive') : undefined;
  const toggleId = useId();
  const turnElements = useRef(new Map<string, HTMLElement>());
  const form = useRef<HTMLDivElement>(null);
  const answeredTurns = turns.filter((turn): turn is Extract<Turn, { status: 'answered' }> => turn.status === 'answered');
  const choice = { mode, ...(collection ? { collections: [collection] } : {}) };
  const askQuestion = (question: string) => ask(question, choice);

  // The newest question goes to the top of the visible area when it is asked, and again when its
  // answer arrives (the page may not have been long enough before).
  const newest = turns.at(-1);
  const newestKey = newest ? `${newest.id}:${newest.status}` : null;
  const seen = useRef(newestKey);
  useEffect(() => {
    if (!newest || newestKey === seen.current) return;
    const first = seen.current === null || !seen.current.startsWith(`${newest.id}:`);
    seen.current = newestKey;
    if (first || newest.status !== 'loading') turnElements.current.get(newest.id)?.scrollIntoView?.({ block: 'start' });
  }, [newest, newestKey]);

  // Back from a document: to the question its citation was followed from, with focus there.
  useEffect(() => {
    const origin = originTurn();
    if (!origin) return;
    forgetOrigin();
    const element = turnElements.current.get(origin);
    element?.scrollIntoView?.({ block: 'start' });
    element?.querySelector<HTMLElement>('.turn-question')?.focus({ preventScroll: true });
  }, []);

  // The form's height as scroll padding of whatever scrolls the chat: the page, or the widget's panel.
  useLayoutEffect(() => {
    const container = scrollContainer?.() ?? document.documentElement;
    const element = form.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      container.style.scrollPaddingBottom = `${element.offsetHeight + SCROLL_MARGIN_PX}px`;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      container.style.scrollPaddingBottom = '';
    };
  }, [scrollContainer]);

  return (
    <div className="chat">
      <section className="conversation" role="log" aria-live="polite" aria-relevant="additions text" aria-label={text.assistant}>
        {turns.length === 0 && (
          <div className="empty">
            <p>{text.emptyConversation}</p>
            <Suggestions examples={examples} catalog={catalog} onAsk={(question) => void askQuestion(question)} headingLevel={2} />
          </div>
        )}
        {turns.map((turn) => (
          <article
            key={turn.id}
            ref={(element) => {
              if (element) turnElements.current.set(turn.id, element);
              else turnElements.current.delete(turn.id);
            }}
            className="turn"
            aria-busy={turn.status === 'loading'}
          >
            <h2 className="turn-question" tabIndex={-1}>
              <span className="visually-hidden">{text.you}: </span>
              {turn.question}
            </h2>
            <TurnBody
              turn={turn}
              catalog={catalog}
              examples={examples}
              onAsk={(question) => void askQuestion(question)}
              onRetry={() => void retry(turn.id, choice)}
              onAskAsNew={() => void ask(turn.question, choice, { standalone: true })}
            />
          </article>
        ))}
      </section>
      {turns.length > 0 && (
        <p className="conversation-actions">
          <button type="button" className="button-secondary" onClick={clear} disabled={pending} title={text.newConversationHint}>
            {text.newConversation}
          </button>{' '}
          {answeredTurns.length > 1 && (
            <ExportButton label={text.exportConversation} turns={() => answeredTurns.map((turn) => memoTurn(turn.question, turn.response))} />
          )}
        </p>
      )}
      <div className="chat-form" ref={form}>
        <QuestionForm onAsk={askQuestion} pending={pending} />
        {me && me.collections.length > 1 && <CollectionChoice collections={me.collections} value={collection} onChange={setCollection} />}
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
      </div>
      <ModeBadge health={health} />
      {me?.signInConfigured && <AccountBar me={me} />}
    </div>
  );
}

interface TurnBodyProps {
  turn: Turn;
  catalog: ReturnType<typeof useCatalog>;
  examples: readonly string[];
  onAsk: (question: string) => void;
  onRetry: () => void;
  onAskAsNew: () => void;
}

function TurnBody({ turn, catalog, examples, onAsk, onRetry, onAskAsNew }: TurnBodyProps) {
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
      return (
        <AnswerView
          question={turn.question}
          response={turn.response}
          catalog={catalog}
          turnId={turn.id}
          examples={examples}
          onAsk={onAsk}
          onAskAsNew={onAskAsNew}
        />
      );
  }
}

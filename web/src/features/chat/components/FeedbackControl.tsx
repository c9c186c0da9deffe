// 👍 / 👎 under an answer, with an optional comment, sent to the server with the question, the
// answer and its citations, so someone can see which questions fail and why.
import { type FormEvent, useId, useState } from 'react';
import type { AskResponse } from '../../../../../api/contract';
import { ApiError } from '../../../lib/api-client';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../chat-settings';

type State =
  | { step: 'idle' }
  | { step: 'comment'; rating: 'up' | 'down' }
  | { step: 'sending'; rating: 'up' | 'down' }
  | { step: 'sent' }
  | { step: 'failed'; rating: 'up' | 'down'; message: string };

export function FeedbackControl({ question, response }: { question: string; response: AskResponse }) {
  const { api } = useChatSettings();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [comment, setComment] = useState('');
  const commentId = useId();
  const hintId = useId();

  const send = async (event: FormEvent, rating: 'up' | 'down') => {
    event.preventDefault();
    setState({ step: 'sending', rating });
    try {
      await api.feedback({
        rating,
        question,
        answer: response.answer,
        answered: response.answered,
        mode: response.mode,
        citations: response.citations.map(({ documentId, quote, start, end }) => ({ documentId, quote, start, end })),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setState({ step: 'sent' });
    } catch (error) {
      setState({ step: 'failed', rating, message: error instanceof ApiError ? error.message : text.unexpected });
    }
  };

  if (state.step === 'sent') {
    return (
      <p className="feedback feedback-sent" role="status">
        {text.feedbackThanks}
      </p>
    );
  }
  const chosen = state.step === 'idle' ? null : state.rating;
  return (
    <div className="feedback">
      <fieldset className="feedback-choice">
        <legend>{text.feedbackQuestion}</legend>
        {(['up', 'down'] as const).map((rating) => (
          <button
            key={rating}
            type="button"
            className="button-feedback"
            aria-pressed={chosen === rating}
            aria-label={rating === 'up' ? text.feedbackUp : text.feedbackDown}
            onClick={() => setState({ step: 'comment', rating })}
          >
            <Thumb down={rating === 'down'} />
            {rating === 'up' ? text.feedbackUpShort : text.feedbackDownShort}
          </button>
        ))}
      </fieldset>
      {chosen && (
        <form className="feedback-form" onSubmit={(event) => void send(event, chosen)}>
          <label htmlFor={commentId}>{text.feedbackComment}</label>
          <textarea id={commentId} rows={2} maxLength={2000} value={comment} aria-describedby={hintId} onChange={(event) => setComment(event.target.value)} />
          <p id={hintId} className="question-hint">
            {text.feedbackCommentHint}
          </p>
          <p className="feedback-actions">
            <button type="submit" className="button-secondary" disabled={state.step === 'sending'}>
              {text.feedbackSend}
            </button>
            <button type="button" className="button-link" onClick={() => setState({ step: 'idle' })}>
              {text.feedbackCancel}
            </button>
          </p>
          {state.step === 'failed' && (
            <p className="copy-failed" role="alert">
              {state.message}
            </p>
          )}
        </form>
      )}
    </div>
  );
}

/** A thumb drawn, not an emoji: not every machine has a font with one. */
function Thumb({ down }: { down: boolean }) {
  return (
    <svg className={down ? 'thumb thumb-down' : 'thumb'} viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M2 10h4v11H2V10zm6 11h9.3a2 2 0 0 0 1.96-1.6l1.7-8A2 2 0 0 0 19 9h-5.6l.9-4.3a1.5 1.5 0 0 0-.4-1.4L13 2.4 8.6 7.6A2 2 0 0 0 8 9v12z"
      />
    </svg>
  );
}

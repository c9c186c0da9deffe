// The question box: labelled, Enter sends (Shift+Enter for a new line), and the text stays
// until an answer has arrived, so nothing typed is lost when the API fails.
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { text } from '../../../shared/text.nl';

export function QuestionForm({ onAsk, pending }: { onAsk: (question: string) => Promise<boolean>; pending: boolean }) {
  const [question, setQuestion] = useState('');
  const inputId = useId();
  const hintId = useId();

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = question.trim();
    if (!trimmed || pending) return;
    if (await onAsk(trimmed)) setQuestion((current) => (current.trim() === trimmed ? '' : current));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) void submit(event);
  };

  return (
    <form className="question-form" onSubmit={submit}>
      <label htmlFor={inputId} className="question-label">
        {text.questionLabel}
      </label>
      <div className="question-row">
        <textarea
          id={inputId}
          className="question-input"
          rows={2}
          maxLength={2000}
          value={question}
          placeholder={text.questionPlaceholder}
          aria-describedby={hintId}
          onChange={(event) => setQuestion(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="button-primary" disabled={pending || question.trim() === ''}>
          {pending ? text.asking : text.ask}
        </button>
      </div>
      <p id={hintId} className="question-hint">
        {text.questionHint}
      </p>
    </form>
  );
}

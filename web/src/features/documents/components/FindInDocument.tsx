// Find in this document: the matches are marked in the text, Enter goes to the next one,
// Shift+Enter to the previous, and how many there are is announced.
import { useId } from 'react';
import { text } from '../../../shared/text.nl';

interface Props {
  query: string;
  onQuery: (query: string) => void;
  total: number;
  current: number;
  onStep: (step: 1 | -1) => void;
}

export function FindInDocument({ query, onQuery, total, current, onStep }: Props) {
  const inputId = useId();
  const searching = query.trim().length >= 2;
  return (
    <search className="find">
      <label htmlFor={inputId}>{text.findInDocument}</label>
      <input
        id={inputId}
        type="search"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          onStep(event.shiftKey ? -1 : 1);
        }}
      />
      <span className="find-count" aria-live="polite">
        {searching ? text.findMatches(total ? current + 1 : 0, total) : ''}
      </span>
      <button type="button" className="button-secondary" onClick={() => onStep(-1)} disabled={total < 2} aria-label={text.findPrevious}>
        ↑
      </button>
      <button type="button" className="button-secondary" onClick={() => onStep(1)} disabled={total < 2} aria-label={text.findNext}>
        ↓
      </button>
    </search>
  );
}

// The conversation of this session: each question with its answer, loading state or error.
// Kept in sessionStorage, so following a citation and coming back loses nothing.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AskResponse } from '../../../../../api/contract';
import { ApiError } from '../../../lib/api-client';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../chat-settings';

export type Turn =
  | { id: string; question: string; status: 'loading' }
  | { id: string; question: string; status: 'answered'; response: AskResponse }
  | { id: string; question: string; status: 'failed'; error: string };

export function useConversation() {
  const { api, storageKey } = useChatSettings();
  const [turns, setTurns] = useState<Turn[]>(() => restore(storageKey));
  const counter = useRef(0);

  useEffect(() => {
    const settled = turns.filter((turn) => turn.status === 'answered');
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(settled));
    } catch {
      // Storage can be full or disabled; the conversation still works for this page view.
    }
  }, [turns, storageKey]);

  const run = useCallback(
    async (id: string, question: string): Promise<boolean> => {
      const update = (turn: Turn) => setTurns((current) => current.map((existing) => (existing.id === id ? turn : existing)));
      try {
        update({ id, question, status: 'answered', response: await api.ask(question) });
        return true;
      } catch (error) {
        update({ id, question, status: 'failed', error: error instanceof ApiError ? error.message : text.unexpected });
        return false;
      }
    },
    [api],
  );

  /** Asks a question; resolves true when it was answered, false when it failed. */
  const ask = useCallback(
    (question: string) => {
      const id = `${Date.now()}-${counter.current++}`;
      setTurns((current) => [...current, { id, question, status: 'loading' }]);
      return run(id, question);
    },
    [run],
  );

  const retry = useCallback(
    (id: string) => {
      const turn = turns.find((candidate) => candidate.id === id);
      if (!turn) return Promise.resolve(false);
      setTurns((current) => current.map((existing) => (existing.id === id ? { id, question: turn.question, status: 'loading' } : existing)));
      return run(id, turn.question);
    },
    [turns, run],
  );

  const clear = useCallback(() => setTurns([]), []);
  const pending = turns.some((turn) => turn.status === 'loading');
  return { turns, ask, retry, clear, pending };
}

function restore(storageKey: string): Turn[] {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? '[]') as Turn[];
    return Array.isArray(saved) ? saved.filter((turn) => turn.status === 'answered') : [];
  } catch {
    return [];
  }
}

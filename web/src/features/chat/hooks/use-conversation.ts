// The conversation of this session: each question with its answer, loading state or error.
// Kept in sessionStorage, so following a citation and coming back loses nothing.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerMode, AskResponse } from '../../../../../api/contract';
import { ApiError } from '../../../lib/api-client';
import { text } from '../../../shared/text.nl';
import { useChatSettings } from '../chat-settings';

/** How many earlier questions and answers go along with a follow-up question. */
const HISTORY_TURNS = 5;

/** How to answer: in which mode, from which collections (absent: all the colleague may read). */
export interface AskChoice {
  mode?: AnswerMode;
  collections?: string[];
}

/** `standalone`: asked without the conversation before it, so never read as a follow-up. */
export type Turn =
  | { id: string; question: string; standalone?: boolean; status: 'loading'; draft?: string }
  | { id: string; question: string; standalone?: boolean; status: 'answered'; response: AskResponse }
  | { id: string; question: string; standalone?: boolean; status: 'failed'; error: string };

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

  const latest = useRef(turns);
  latest.current = turns;

  const run = useCallback(
    async (id: string, question: string, { mode, collections }: AskChoice, standalone: boolean): Promise<boolean> => {
      const update = (turn: Turn) => setTurns((current) => current.map((existing) => (existing.id === id ? turn : existing)));
      const earlier = standalone
        ? []
        : latest.current.slice(
            0,
            latest.current.findIndex((turn) => turn.id === id),
          );
      const history = earlier
        .filter((turn): turn is Extract<Turn, { status: 'answered' }> => turn.status === 'answered')
        .slice(-HISTORY_TURNS)
        .map((turn) => ({ question: turn.question, answer: turn.response.answer }));
      let draft = '';
      const onDraft = (piece: string) => {
        draft += piece;
        update({ id, question, standalone, status: 'loading', draft });
      };
      try {
        update({ id, question, standalone, status: 'answered', response: await api.askStream(question, { history, mode, collections, onDraft }) });
        return true;
      } catch (error) {
        update({ id, question, standalone, status: 'failed', error: error instanceof ApiError ? error.message : text.unexpected });
        return false;
      }
    },
    [api],
  );

  /** Asks a question; resolves true when it was answered, false when it failed. */
  const ask = useCallback(
    (question: string, choice: AskChoice = {}, { standalone = false }: { standalone?: boolean } = {}) => {
      const id = `${Date.now()}-${counter.current++}`;
      latest.current = [...latest.current, { id, question, standalone, status: 'loading' }];
      setTurns(latest.current);
      return run(id, question, choice, standalone);
    },
    [run],
  );

  const retry = useCallback(
    (id: string, choice: AskChoice = {}) => {
      const turn = latest.current.find((candidate) => candidate.id === id);
      if (!turn) return Promise.resolve(false);
      const standalone = turn.standalone ?? false;
      setTurns((current) => current.map((existing) => (existing.id === id ? { id, question: turn.question, standalone, status: 'loading' } : existing)));
      return run(id, turn.question, choice, standalone);
    },
    [run],
  );

  /** Starts a new conversation: earlier questions no longer count as context. */
  const clear = useCallback(() => {
    latest.current = [];
    setTurns([]);
  }, []);
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

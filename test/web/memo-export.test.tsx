// "Exporteer als Word-memo" and "Exporteer gesprek" in the chat: they send the answers as
// received, and show the server's reason when it refuses (the download itself is exercised in
// Chromium, test/e2e/memo.test.ts).
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../web/src/app/App';
import { answered } from '../mocks/api-fixtures';
import { API, memoRequests, staleMemo } from '../mocks/handlers';
import { server } from '../mocks/server';

describe('exporting a memo', () => {
  it('sends the answer with its citations and shows why the server refused it', async () => {
    server.use(staleMemo);
    const user = userEvent.setup();
    render(<App baseUrl={API} />);
    await user.type(screen.getByLabelText('Stel je vraag'), 'Wat is respijtzorg?{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Exporteer als Word-memo' }));
    expect(await screen.findByText(/Niet geëxporteerd: dit citaat staat niet \(meer\) zo/)).toBeTruthy();
    expect(memoRequests.at(-1)!.turns).toEqual([
      {
        question: 'Wat is respijtzorg?',
        answer: answered.answer,
        answered: true,
        mode: 'extractive',
        confidence: answered.confidence,
        citations: answered.citations.map(({ n, documentId, start, end, quote }) => ({ n, documentId, start, end, quote })),
      },
    ]);
  });

  it('offers the whole conversation once it has two answers, by keyboard too', async () => {
    server.use(staleMemo);
    const user = userEvent.setup();
    render(<App baseUrl={API} />);
    await user.type(screen.getByLabelText('Stel je vraag'), 'Wat is respijtzorg?{Enter}');
    await screen.findByRole('button', { name: 'Exporteer als Word-memo' });
    expect(screen.queryByRole('button', { name: 'Exporteer gesprek' })).toBeNull();
    await user.type(screen.getByLabelText('Stel je vraag'), 'En wie regelt dat?{Enter}');
    const whole = await screen.findByRole('button', { name: 'Exporteer gesprek' });
    whole.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(memoRequests.at(-1)!.turns.map((turn) => turn.question)).toEqual(['Wat is respijtzorg?', 'En wie regelt dat?']));
  });
});

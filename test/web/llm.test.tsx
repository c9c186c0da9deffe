import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../web/src/app/App';
import { API, askHandlers, askRequests } from '../mocks/handlers';
import { server } from '../mocks/server';

afterEach(() => {
  askRequests.length = 0;
});

async function askQuestion(question: string) {
  const user = userEvent.setup();
  const input = screen.getByLabelText('Stel je vraag');
  await user.clear(input);
  await user.type(input, `${question}{Enter}`);
  return user;
}

describe('language-model answers in the chat', () => {
  it('shows the streamed draft, then replaces it with the validated answer', async () => {
    server.use(askHandlers.llmStream);
    render(<App baseUrl={API} />);
    await askQuestion('Wat is respijtzorg?');
    const draft = await screen.findByText(/Een vrijwilliger kan de zorg/, { selector: '.draft' });
    expect(draft.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByText(/Wordt nog geschreven; elke zin hieronder is al aan zijn bron getoetst/)).toBeTruthy();
    expect(await screen.findByText(/Geformuleerd door een taalmodel/)).toBeTruthy();
    expect(screen.queryByText(/Wordt nog geschreven/)).toBeNull();
    expect(screen.getByRole('link', { name: /Bron 1/ })).toBeTruthy();
  });

  it('says when the answer fell back to the literal text', async () => {
    server.use(askHandlers.fallback);
    render(<App baseUrl={API} />);
    await askQuestion('Wat is respijtzorg?');
    expect(await screen.findByText(/Het taalmodel antwoordde niet op tijd/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Bron 1/ })).toBeTruthy();
  });

  it('sends the earlier questions and answers with a follow-up', async () => {
    render(<App baseUrl={API} />);
    await askQuestion('Wat is respijtzorg?');
    await screen.findByRole('link', { name: /Bron 1/ });
    await askQuestion('En wie betaalt dat?');
    await waitFor(() => expect(askRequests).toHaveLength(2));
    expect(askRequests[0]!.history).toEqual([]);
    expect(askRequests[1]).toMatchObject({
      question: 'En wie betaalt dat?',
      history: [{ question: 'Wat is respijtzorg?', answer: expect.stringContaining('[1]') }],
    });
  });

  it('offers the language model only when the server has one, following its default', async () => {
    render(<App baseUrl={API} />);
    expect(await screen.findByText('Zoekmodus: alleen trefwoorden')).toBeTruthy();
    expect(screen.queryByLabelText('Laat een taalmodel het antwoord formuleren')).toBeNull();
    await askQuestion('Wat is respijtzorg?');
    await waitFor(() => expect(askRequests[0]!.mode).toBeUndefined());
  });

  it('lets the user switch the language model off', async () => {
    server.use(askHandlers.healthWithModel);
    render(<App baseUrl={API} />);
    const toggle = await screen.findByLabelText('Laat een taalmodel het antwoord formuleren');
    expect(toggle).toHaveProperty('checked', true);
    const user = await askQuestion('Wat is respijtzorg?');
    await waitFor(() => expect(askRequests[0]!.mode).toBe('llm'));
    await user.click(toggle);
    await askQuestion('Wie helpt mantelzorgers?');
    await waitFor(() => expect(askRequests[1]!.mode).toBe('extractive'));
  });
});

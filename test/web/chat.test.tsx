import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../../web/src/app/App';
import { answered, documentWithText } from '../mocks/api-fixtures';
import { API, askHandlers, askRequests, feedbackRequests } from '../mocks/handlers';
import { server } from '../mocks/server';

function setup() {
  const user = userEvent.setup();
  render(<App baseUrl={API} />);
  const input = screen.getByLabelText('Stel je vraag');
  const ask = async (question: string) => {
    await user.clear(input);
    await user.type(input, `${question}{Enter}`);
  };
  return { user, input, ask };
}

describe('the chat', () => {
  it('shows a cited answer with its sources, and clears the question', async () => {
    const { input, ask } = setup();
    await ask('Wat is respijtzorg?');

    const chip = await screen.findByRole('link', { name: 'Bron 1: Kennisdossier Sociale omgeving' });
    expect(chip).toHaveProperty('href', `${window.location.origin}${answered.citations[0]!.url}`);
    const sources = screen.getByRole('list', { name: '' });
    expect(within(sources).getByText(`„${answered.citations[0]!.quote}”`)).toBeTruthy();
    expect(within(sources).getByText(/Paragraaf: Ondersteuning van mantelzorgers · Gezond in… · 8 juni 2020/)).toBeTruthy();
    expect(input).toHaveProperty('value', '');
  });

  it('shows "not found" as such, with the closest passages to judge', async () => {
    server.use(askHandlers.notFound);
    const { ask } = setup();
    await ask('Wat is de hoofdstad van Australië?');
    expect(await screen.findByText('Geen antwoord gevonden')).toBeTruthy();
    const closest = screen.getByRole('heading', { name: 'Passages die er het dichtst bij komen' });
    const cards = closest.nextElementSibling as HTMLElement;
    expect(within(cards).getByRole('link', { name: 'Kennisdossier Sociale omgeving' })).toBeTruthy();
    // Whom the passage is by, as its byline says: a colleague judging it needs to know.
    expect(within(cards).getByText('· Jitske Kramer, September 2020')).toBeTruthy();
    expect(within(cards).getByText('· Ondersteuning van mantelzorgers')).toBeTruthy();
    // A way forward: example questions, the documents there are, the whole list.
    expect(await screen.findByRole('button', { name: 'Welke risicogroepen voor eenzaamheid zijn er?' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bekijk alle documenten' })).toBeTruthy();
  });

  it('says plainly when nothing comes close, and asks an example question on one click', async () => {
    server.use(askHandlers.notFoundWithoutPassages);
    const { user, ask } = setup();
    await ask('Hoe maak ik een draaitabel?');
    expect(await screen.findByText('Geen antwoord gevonden')).toBeTruthy();
    expect(screen.queryByText(/hieronder/i)).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Passages die er het dichtst bij komen' })).toBeNull();
    server.resetHandlers();
    const examples = screen.getAllByRole('list').find((list) => within(list).queryByRole('button', { name: 'Wat is respijtzorg?' }));
    await user.click(within(examples!).getByRole('button', { name: 'Wat is respijtzorg?' }));
    expect((await screen.findAllByRole('heading', { name: /Wat is respijtzorg\?/ })).length).toBeGreaterThan(0);
  });

  it('takes a 👎 with a comment, and sends it with the question and the answer', async () => {
    const { user, ask } = setup();
    await ask('Wat is respijtzorg?');
    await user.click(await screen.findByRole('button', { name: 'Nee, niet nuttig' }));
    expect(screen.getByRole('button', { name: 'Nee, niet nuttig' }).getAttribute('aria-pressed')).toBe('true');
    await user.type(screen.getByLabelText('Toelichting (niet verplicht)'), 'Verkeerde paragraaf');
    await user.click(screen.getByRole('button', { name: 'Verstuur beoordeling' }));
    expect(await screen.findByText('Bedankt voor je beoordeling.')).toBeTruthy();
    expect(feedbackRequests.at(-1)).toMatchObject({
      rating: 'down',
      comment: 'Verkeerde paragraaf',
      question: 'Wat is respijtzorg?',
      answered: true,
      citations: [expect.objectContaining({ documentId: 'mantelzorg' })],
    });
  });

  it('shows the API error in Dutch with a retry, and keeps the question typed', async () => {
    server.use(askHandlers.serverError);
    const { user, input, ask } = setup();
    await ask('Wat is respijtzorg?');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Er ging iets mis bij het beantwoorden');
    expect(input).toHaveProperty('value', 'Wat is respijtzorg?');

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByRole('link', { name: /Bron 1/ })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when the assistant cannot be reached', async () => {
    server.use(askHandlers.unreachable);
    const { ask } = setup();
    await ask('Wat is respijtzorg?');
    expect((await screen.findByRole('alert')).textContent).toContain('De assistent is niet bereikbaar');
  });

  it('shows a loading state while a slow answer is on its way', async () => {
    server.use(askHandlers.slow);
    const { ask } = setup();
    await ask('Wat is respijtzorg?');
    expect(screen.getByRole('status').textContent).toContain('Bezig met zoeken');
    expect(screen.getByRole('button', { name: 'Bezig met zoeken…' })).toHaveProperty('disabled', true);
    expect(await screen.findByRole('link', { name: /Bron 1/ })).toBeTruthy();
  });

  it('keeps earlier answers on screen when a new question is asked', async () => {
    const { ask } = setup();
    await ask('Wat is respijtzorg?');
    await screen.findByRole('link', { name: /Bron 1/ });
    await ask('Wie helpt mantelzorgers?');
    await waitFor(() => expect(screen.getAllByRole('link', { name: /Bron 1/ })).toHaveLength(2));
    expect(screen.getByRole('heading', { name: /Wat is respijtzorg\?/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Wie helpt mantelzorgers\?/ })).toBeTruthy();
  });

  it('copies a memo-ready citation', async () => {
    const { user, ask } = setup();
    await ask('Wat is respijtzorg?');
    await user.click(await screen.findByRole('button', { name: 'Kopieer citaat' }));
    const copied = await navigator.clipboard.readText();
    expect(copied).toBe(
      `„${answered.citations[0]!.quote}” (Kennisdossier Sociale omgeving, Gezond in…, 8 juni 2020, paragraaf “Ondersteuning van mantelzorgers”). ${API}${answered.citations[0]!.url}`,
    );
    expect(await screen.findByText('Gekopieerd')).toBeTruthy();
  });

  it('says beside a quote recognised from a scan that the original should be checked, and copies that too', async () => {
    server.use(askHandlers.fromScan);
    const { user, ask } = setup();
    await ask('Wat is respijtzorg?');
    expect(await screen.findByRole('note')).toHaveProperty('textContent', 'Tekst herkend uit een scan: controleer het origineel (pagina 2)');
    await user.click(screen.getByRole('button', { name: 'Kopieer citaat' }));
    expect(await navigator.clipboard.readText()).toContain(
      '8 juni 2020, paragraaf “Ondersteuning van mantelzorgers”; tekst herkend uit een scan: controleer het origineel (pagina 2)). http',
    );
  });

  it('names whom a quote is by, beside it and in the copied citation, when its document says so in a byline', async () => {
    server.use(askHandlers.byline);
    const { user, ask } = setup();
    await ask('Wat is respijtzorg?');
    expect(await screen.findByText(/Paragraaf: Ondersteuning van mantelzorgers · Jitske Kramer, September 2020 · Gezond in…/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Kopieer citaat' }));
    expect(await navigator.clipboard.readText()).toContain(
      '” (Jitske Kramer, September 2020, in: Kennisdossier Sociale omgeving, Gezond in…, 8 juni 2020, paragraaf',
    );
  });

  it('copies the whole answer with numbered footnotes', async () => {
    const { user, ask } = setup();
    await ask('Wat is respijtzorg?');
    await user.click(await screen.findByRole('button', { name: 'Kopieer antwoord' }));
    const copied = await navigator.clipboard.readText();
    expect(copied).toMatch(
      /^Als het nodig is, .* \[1\]\n\nBronnen:\n\[1\] Kennisdossier Sociale omgeving, Gezond in…, 8 juni 2020, paragraaf “Ondersteuning van mantelzorgers”\. http/,
    );
  });

  it('announces answers through a live log and shows the retrieval mode', async () => {
    setup();
    expect(screen.getByRole('log').getAttribute('aria-live')).toBe('polite');
    expect(await screen.findByText('Zoekmodus: alleen trefwoorden')).toBeTruthy();
  });
});

describe('the document view', () => {
  it('highlights the cited passage of a shared link', async () => {
    const { start, end, quote } = answered.citations[0]!;
    window.history.replaceState(null, '', `/documents/mantelzorg#${start}-${end}`);
    render(<App baseUrl={API} />);
    const mark = await screen.findByLabelText('Geciteerde passage');
    expect(mark.textContent).toBe(quote);
    expect(screen.getByRole('heading', { level: 1, name: 'Kennisdossier Sociale omgeving' })).toBeTruthy();
    expect(screen.queryByText(/herkend uit een scan/)).toBeNull(); // a text layer throughout: no scan note
    await waitFor(() => expect(document.activeElement).toBe(mark));
  });

  it('follows a citation from the chat into the document and back', async () => {
    const { user, ask } = setup();
    await ask('Wat is respijtzorg?');
    await user.click(await screen.findByRole('link', { name: /Bron 1/ }));
    expect((await screen.findByLabelText('Geciteerde passage')).textContent).toBe(answered.citations[0]!.quote);
    await user.click(screen.getByRole('link', { name: '← Terug naar het gesprek' }));
    expect(await screen.findByRole('link', { name: /Bron 1/ })).toBeTruthy(); // the conversation is still there
  });

  it('says which pages of a document were recognised from a scan', async () => {
    server.use(
      http.get(`${API}/api/documents/:id`, () =>
        HttpResponse.json({ ...documentWithText, recognised: [{ page: 1, start: 0, end: documentWithText.text.length, confidence: 93 }] }),
      ),
    );
    window.history.replaceState(null, '', '/documents/mantelzorg');
    render(<App baseUrl={API} />);
    expect((await screen.findByRole('note')).textContent).toBe('Pagina 1 is herkend uit een scan: controleer bij twijfel het origineel.');
  });

  it('marks a scanned document in the library, and finds it by that word', async () => {
    const printed = { ...documentWithText, id: 'visie', title: 'Visie sociaal domein', scannedPages: 0 };
    server.use(http.get(`${API}/api/documents`, () => HttpResponse.json([{ ...documentWithText, scannedPages: 2 }, printed])));
    window.history.replaceState(null, '', '/documents');
    const user = userEvent.setup();
    render(<App baseUrl={API} />);
    const row = (await screen.findByRole('link', { name: 'Kennisdossier Sociale omgeving' })).closest('tr')!;
    expect(row.textContent).toContain("PDF, 2 pagina's gescand");
    expect(screen.getByRole('link', { name: 'Visie sociaal domein' }).closest('tr')!.textContent).not.toContain('gescand');
    await user.type(screen.getByRole('searchbox'), 'gescand');
    expect(screen.getByRole('link', { name: 'Kennisdossier Sociale omgeving' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Visie sociaal domein' })).toBeNull();
  });

  it('says so for an unknown document', async () => {
    window.history.replaceState(null, '', '/documents/bestaat-niet#1-5');
    render(<App baseUrl={API} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Dit document bestaat niet');
  });
});

describe('a conversation', () => {
  it('says when a question was read as a follow-up, and asks it anew on one click', async () => {
    server.use(askHandlers.followUp);
    askRequests.length = 0;
    const { user, ask } = setup();
    await ask('Wat is respijtzorg?');
    await screen.findByRole('link', { name: /Bron 1/ });
    await ask('En wie betaalt dat?');
    expect(await screen.findByText(/Gelezen als vervolg op: „Wat is respijtzorg\?”/)).toBeTruthy();
    expect(askRequests.at(-1)!.history).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Stel als nieuwe vraag' }));
    await waitFor(() => expect(askRequests).toHaveLength(3));
    expect(askRequests.at(-1)).toMatchObject({ question: 'En wie betaalt dat?', history: [] });
  });

  it('starts over with "Nieuw gesprek": earlier questions are no longer sent', async () => {
    askRequests.length = 0;
    const { user, ask } = setup();
    await ask('Wat is respijtzorg?');
    await screen.findByRole('link', { name: /Bron 1/ });
    await user.click(screen.getByRole('button', { name: 'Nieuw gesprek' }));
    expect(screen.queryByRole('link', { name: /Bron 1/ })).toBeNull();
    await ask('Wat is dagbesteding?');
    await screen.findByRole('link', { name: /Bron 1/ });
    expect(askRequests.at(-1)!.history).toEqual([]);
  });

  it('marks a partial answer as such', async () => {
    server.use(askHandlers.partial);
    const { ask } = setup();
    await ask('Welke rol spelen scholen?');
    expect(await screen.findByText('Niet zeker: controleer de bronnen')).toBeTruthy();
    expect(screen.getByText(/De documenten beantwoorden deze vraag mogelijk niet of niet volledig/)).toBeTruthy();
  });
});
